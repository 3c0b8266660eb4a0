"""Document types and issuers as data: codes as written in "số, ký hiệu", names as said in prose.

Party documents follow Hướng dẫn 36-HD/VPTW (`17-NQ/HU`), State documents Nghị định
30/2020/NĐ-CP (`15/2020/NĐ-CP`, `123/QĐ-UBND`). A code may be typed with a plain D for Đ or in
the wrong case ("QD-UBND", "Qđi"), so lookups go through a folded key.
"""

from __future__ import annotations

from core.text import normalize_tone_marks
from parsers.textspans import fold_aligned

# Party document types (Hướng dẫn 36-HD/VPTW, appendix); QĐ is also used for quy định.
PARTY_TYPES: dict[str, str] = {
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "QĐi": "Quy định",
    "CT": "Chỉ thị",
    "KL": "Kết luận",
    "QC": "Quy chế",
    "TT": "Thông tri",
    "HD": "Hướng dẫn",
    "TB": "Thông báo",
    "BC": "Báo cáo",
    "KH": "Kế hoạch",
    "CTr": "Chương trình",
    "CV": "Công văn",
    "TTr": "Tờ trình",
    "ĐA": "Đề án",
    "PA": "Phương án",
    "BB": "Biên bản",
    "ĐC": "Đề cương",
    "HDLT": "Hướng dẫn liên tịch",
    "KHLT": "Kế hoạch liên tịch",
    "TBLT": "Thông báo liên tịch",
    "CTrLT": "Chương trình liên tịch",
}

# State document types (Nghị định 30/2020/NĐ-CP, appendix III).
STATE_TYPES: dict[str, str] = {
    "NQ": "Nghị quyết",
    "NĐ": "Nghị định",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "NQLT": "Nghị quyết liên tịch",
    "QyĐ": "Quy định",
    "QC": "Quy chế",
    "HD": "Hướng dẫn",
    "TB": "Thông báo",
    "BC": "Báo cáo",
    "KH": "Kế hoạch",
    "CTr": "Chương trình",
    "ĐA": "Đề án",
    "PA": "Phương án",
    "TTr": "Tờ trình",
    "CĐ": "Công điện",
    "HĐ": "Hợp đồng",
    "BB": "Biên bản",
    "GM": "Giấy mời",
    "GXN": "Giấy xác nhận",
    "L": "Luật",
    "PL": "Pháp lệnh",
}

# Prose names (folded) → type code, longest first when matched. "quy định" is QĐi for the Party
# and QyĐ for the State; the code written next to it decides.
TYPE_WORDS: dict[str, str] = {
    "nghi quyet lien tich": "NQLT",
    "thong tu lien tich": "TTLT",
    "nghi quyet": "NQ",
    "nghi dinh": "NĐ",
    "quyet dinh": "QĐ",
    "quy dinh": "QĐi",
    "chi thi": "CT",
    "ket luan": "KL",
    "quy che": "QC",
    "thong tri": "TT",
    "thong tu": "TT",
    "huong dan": "HD",
    "thong bao": "TB",
    "bao cao": "BC",
    "ke hoach": "KH",
    "chuong trinh": "CTr",
    "cong van": "CV",
    "to trinh": "TTr",
    "de an": "ĐA",
    "phuong an": "PA",
    "cong dien": "CĐ",
    "luat": "L",
    "phap lenh": "PL",
}

# Types whose prose name is "quy định" whatever code was used; used to tell QĐ's two meanings.
QUY_DINH_TYPES = frozenset({"QĐ", "QĐi", "QyĐ"})

# Issuer codes (after the slash of a Party code) → default name.
PARTY_ISSUERS: dict[str, str] = {
    "TW": "Trung ương",
    "VPTW": "Văn phòng Trung ương Đảng",
    "BTGTW": "Ban Tuyên giáo Trung ương",
    "BDVTW": "Ban Dân vận Trung ương",
    "BTGDVTW": "Ban Tuyên giáo và Dân vận Trung ương",
    "BTCTW": "Ban Tổ chức Trung ương",
    "UBKTTW": "Ủy ban Kiểm tra Trung ương",
    "BNCTW": "Ban Nội chính Trung ương",
    "ĐUQSTW": "Quân ủy Trung ương",
    "TU": "Tỉnh ủy",
    "ThU": "Thành ủy",
    "HU": "Huyện ủy",
    "QU": "Quận ủy",
    "ĐU": "Đảng ủy",
    "ĐUK": "Đảng ủy Khối",
    "ĐUKCQ": "Đảng ủy Khối các cơ quan",
    "ĐUKDN": "Đảng ủy Khối doanh nghiệp",
    "VPTU": "Văn phòng Tỉnh ủy",
    "BTGTU": "Ban Tuyên giáo Tỉnh ủy",
    "BDVTU": "Ban Dân vận Tỉnh ủy",
    "BTGDVTU": "Ban Tuyên giáo và Dân vận Tỉnh ủy",
    "BTCTU": "Ban Tổ chức Tỉnh ủy",
    "UBKTTU": "Ủy ban Kiểm tra Tỉnh ủy",
    "BNCTU": "Ban Nội chính Tỉnh ủy",
    "BTGHU": "Ban Tuyên giáo Huyện ủy",
    "BDVHU": "Ban Dân vận Huyện ủy",
    "BTCHU": "Ban Tổ chức Huyện ủy",
    "UBKTHU": "Ủy ban Kiểm tra Huyện ủy",
    "CB": "Chi bộ",
}

STATE_ISSUERS: dict[str, str] = {
    "CP": "Chính phủ",
    "TTg": "Thủ tướng Chính phủ",
    "QH": "Quốc hội",
    "UBTVQH": "Ủy ban Thường vụ Quốc hội",
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "BGDĐT": "Bộ Giáo dục và Đào tạo",
    "BNV": "Bộ Nội vụ",
    "BTC": "Bộ Tài chính",
    "BYT": "Bộ Y tế",
    "BCA": "Bộ Công an",
    "BQP": "Bộ Quốc phòng",
    "BTP": "Bộ Tư pháp",
    "BXD": "Bộ Xây dựng",
    "BCT": "Bộ Công Thương",
    "BKHĐT": "Bộ Kế hoạch và Đầu tư",
    "BTNMT": "Bộ Tài nguyên và Môi trường",
    "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn",
    "BNNMT": "Bộ Nông nghiệp và Môi trường",
    "BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội",
    "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch",
    "BTTTT": "Bộ Thông tin và Truyền thông",
    "BKHCN": "Bộ Khoa học và Công nghệ",
    "BGTVT": "Bộ Giao thông vận tải",
    "NHNN": "Ngân hàng Nhà nước",
    "UBDT": "Ủy ban Dân tộc",
    "VPCP": "Văn phòng Chính phủ",
    "TANDTC": "Tòa án nhân dân tối cao",
    "VKSNDTC": "Viện kiểm sát nhân dân tối cao",
    "MTTQ": "Mặt trận Tổ quốc",
    "BTT": "Ban Thường trực",
}

# Lower-case words the name of a body or post is made of ("Ban Chấp hành Đảng bộ huyện", "Ủy
# ban nhân dân tỉnh", "Bí thư Chi bộ thôn"), with tone marks (folded, "vận" would be "van"
# and "động" would be "đồng"); any other lower-case word ends the name.
ORG_WORDS = frozenset({
    "ban", "chấp", "hành", "đảng", "bộ", "huyện", "tỉnh", "xã", "phường", "thị", "trấn",
    "thành", "phố", "quận", "khối", "các", "cơ", "quan", "doanh", "nghiệp", "nhân", "dân", "ủy",
    "vụ", "thường", "trực", "trung", "ương", "chính", "trị", "phủ", "tướng", "hội", "đồng",
    "tổ", "chức", "tuyên", "giáo", "kiểm", "tra", "nội", "mặt", "trận", "quốc", "đoàn", "niên",
    "liên", "hiệp", "phụ", "nữ", "cựu", "chiến", "binh", "nông", "công", "an", "sự", "tòa",
    "viện", "sát", "sở", "phòng", "lao", "tài", "nguyên", "môi", "trường", "dục", "đào", "tạo",
    "y", "tế", "ngành", "bí", "thư", "nhà", "nước", "khu", "vực", "đặc", "biên", "giới",
    "thương", "mại", "và", "thôn", "bản", "chi", "huy", "giám", "đốc", "chánh", "phó", "kế",
    "toán", "trưởng", "kiêm", "nhiệm", "tịch", "lực", "lượng", "vũ", "trang", "quân", "đội",
    "tộc", "tôn", "văn", "hóa", "thể", "thao", "du", "lịch", "viên", "cán", "tư", "pháp", "xây",
    "dựng", "lãnh", "đạo",
})
# Words that belong to a name only after a given word: "Ban Dân vận", "Ban tuyên vận".
ORG_PAIRS: dict[str, frozenset[str]] = {"vận": frozenset({"dân", "tuyên"})}


def org_word(word: str, previous: str) -> bool:
    """Whether a lower-case `word` (after `previous`) can be part of a body's or post's name."""
    word, previous = normalize_tone_marks(word.lower()), normalize_tone_marks(previous.lower())
    if word in ORG_PAIRS:
        return previous in ORG_PAIRS[word]
    return word in ORG_WORDS


# Issuer as said in prose (folded prefix) → issuer code; longest prefix wins.
PROSE_ISSUERS: dict[str, str] = {
    "bo chinh tri": "TW",
    "ban bi thu": "TW",
    "ban chap hanh trung uong": "TW",
    "trung uong dang": "TW",
    "trung uong": "TW",
    "van phong trung uong": "VPTW",
    "ban tuyen giao va dan van trung uong": "BTGDVTW",
    "ban tuyen giao trung uong": "BTGTW",
    "ban dan van trung uong": "BDVTW",
    "ban to chuc trung uong": "BTCTW",
    "ban thuong vu tinh uy": "TU",
    "ban chap hanh dang bo tinh": "TU",
    "tinh uy": "TU",
    "ban tuyen giao va dan van tinh uy": "BTGDVTU",
    "ban tuyen giao tinh uy": "BTGTU",
    "ban dan van tinh uy": "BDVTU",
    "ban to chuc tinh uy": "BTCTU",
    "uy ban kiem tra tinh uy": "UBKTTU",
    "ban thuong vu huyen uy": "HU",
    "ban chap hanh dang bo huyen": "HU",
    "huyen uy": "HU",
    "ban tuyen giao huyen uy": "BTGHU",
    "ban dan van huyen uy": "BDVHU",
    "ban thuong vu quan uy": "QU",
    "quan uy": "QU",
    "thi uy": "ThU",
    "ban thuong vu thi uy": "ThU",
    "dang uy khoi": "ĐUK",
    "dang uy": "ĐU",
    "ban chap hanh dang bo xa": "ĐU",
    "ban chap hanh dang bo phuong": "ĐU",
    "ban chap hanh dang bo thi tran": "ĐU",
    "chinh phu": "CP",
    "thu tuong chinh phu": "TTg",
    "thu tuong": "TTg",
    "quoc hoi": "QH",
    "uy ban thuong vu quoc hoi": "UBTVQH",
    "uy ban nhan dan": "UBND",
    "ubnd": "UBND",
    "hoi dong nhan dan": "HĐND",
    "hdnd": "HĐND",
    "bo giao duc va dao tao": "BGDĐT",
    "bo noi vu": "BNV",
    "bo tai chinh": "BTC",
}


def _key(code: str) -> str:
    return fold_aligned(code).replace(" ", "")


class _CodeTable:
    """Look a code up as written, then ignoring case, then folded ("QD" → "QĐ")."""

    def __init__(self, codes: list[str]) -> None:
        self._exact = set(codes)
        self._upper = {code.upper(): code for code in codes}
        self._folded: dict[str, str] = {}
        # On a folded clash ("HD" hướng dẫn, "HĐ" hợp đồng) the plain-D spelling wins.
        for code in sorted(codes, key=lambda c: ("Đ" in c, c)):
            self._folded.setdefault(_key(code), code)

    def get(self, written: str) -> str | None:
        if written in self._exact:
            return written
        return self._upper.get(written.upper()) or self._folded.get(_key(written))


_PARTY_TYPES = _CodeTable(list(PARTY_TYPES))
_STATE_TYPES = _CodeTable(list(STATE_TYPES))
_PARTY_ISSUERS = _CodeTable(list(PARTY_ISSUERS))
_STATE_ISSUERS = _CodeTable(list(STATE_ISSUERS))
_PROSE_ISSUERS_LONGEST = sorted(PROSE_ISSUERS, key=len, reverse=True)


def party_type(written: str) -> str | None:
    """Canonical Party type code for a type as written ("Qđi" → "QĐi"), or None."""
    return _PARTY_TYPES.get(written)


def state_type(written: str) -> str | None:
    """Canonical State type code for a type as written ("ND" → "NĐ"), or None."""
    return _STATE_TYPES.get(written)


def party_issuer(written: str) -> str | None:
    """Canonical Party issuer code ("DUK" → "ĐUK", "TƯ" → "TW"), or None when it is not one.

    "TƯ" (Trung ương) must not go through the folded lookup, where it would read as TU.
    """
    if written.endswith(("TƯ", "Tư")):
        written = written[:-2] + "TW"
    return _PARTY_ISSUERS.get(written)


def state_issuer(written: str) -> str:
    """Canonical spelling of a State issuer segment; unknown segments are kept as written."""
    return _STATE_ISSUERS.get(written) or written


def compatible_types(doc_type: str) -> set[str]:
    """Type codes a prose type word may stand for ("quy định" is QĐ, QĐi or QyĐ)."""
    if doc_type in QUY_DINH_TYPES:
        return set(QUY_DINH_TYPES)
    return {doc_type}


def type_name(code: str | None, party: bool) -> str | None:
    """Prose name of a type code in the Party or State table."""
    if code is None:
        return None
    table = PARTY_TYPES if party else STATE_TYPES
    return table.get(code) or PARTY_TYPES.get(code) or STATE_TYPES.get(code)


def issuer_default_name(code: str | None) -> str | None:
    """The name an issuer code stands for when the prose does not say it."""
    if code is None:
        return None
    return PARTY_ISSUERS.get(code) or STATE_ISSUERS.get(code)


def issuer_code_from_prose(name: str) -> str | None:
    """Issuer code for a prose issuer ("Ban Thường vụ Tỉnh ủy Bắc Kạn" → "TU")."""
    folded = fold_aligned(name).strip()
    for prefix in _PROSE_ISSUERS_LONGEST:
        if folded == prefix or folded.startswith(prefix + " "):
            return PROSE_ISSUERS[prefix]
    return None


def type_word_pattern() -> str:
    """Regex alternation of folded type words, longest first."""
    return "|".join(sorted(TYPE_WORDS, key=len, reverse=True))
