"""Vocabulary tables for generated Vietnamese local-government news (benchmark data only)."""

from __future__ import annotations

PLACE_FIRST = (
    "Bạch", "Chợ", "Na", "Ngân", "Ba", "Pác", "Yên", "Phú", "Tân", "Hòa", "Thanh", "Đồng",
    "Kim", "Quang", "Vĩnh", "Xuân", "Minh", "Trung", "Bình", "An", "Long", "Hưng", "Thạch",
    "Sơn", "Hải", "Cẩm", "Lạc", "Mỹ", "Phước", "Thuận", "Đức", "Hiệp", "Văn", "Bảo", "Mường",
    "Si", "Tam", "Lục", "Quỳnh", "Nghĩa",
)  # fmt: skip
PLACE_SECOND = (
    "Thông", "Mới", "Rì", "Sơn", "Bể", "Nặm", "Lạc", "Bình", "Thịnh", "An", "Hà", "Hỷ",
    "Khê", "Lương", "Thắng", "Phong", "Tiến", "Hòa", "Yên", "Xuyên", "Trạch", "Định", "Lộc",
    "Giang", "Hưng", "Thủy", "Nhuận", "Ninh", "Quan", "Khánh", "Tường", "Đà", "Chà", "Mai",
    "Lập", "Tân", "Đông", "Kỳ", "Vân", "Trà",
)  # fmt: skip
PROVINCES = (
    "Thái Nguyên", "Lào Cai", "Tuyên Quang", "Cao Bằng", "Lạng Sơn", "Phú Thọ", "Điện Biên",
    "Sơn La", "Lai Châu", "Hà Tĩnh", "Nghệ An", "Quảng Trị", "Gia Lai", "Đắk Lắk", "Lâm Đồng",
    "An Giang", "Cà Mau", "Vĩnh Long", "Đồng Tháp", "Quảng Ngãi", "Khánh Hòa", "Tây Ninh",
)  # fmt: skip
FAMILY = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
    "Lý", "Triệu", "Nông", "Hà", "Lục", "Ma", "Lường", "Lò", "Đinh", "Cầm", "Mông", "La",
)  # fmt: skip
MIDDLE = ("Văn", "Thị", "Đức", "Thanh", "Minh", "Quốc", "Hữu", "Ngọc", "Xuân", "Thu", "Kim")
GIVEN = (
    "Hà", "Bình", "Thắng", "Cúc", "Hoàn", "Trang", "Hải", "Nhiên", "Trâm", "Hùng", "Dũng",
    "Lan", "Huyền", "Phong", "Tuấn", "Nga", "Sơn", "Hưng", "Thủy", "Quyết", "Mai", "Khánh",
    "Tâm", "Chiến", "Duyên", "Linh", "Nam", "Hằng", "Toàn", "Vinh", "Yến", "Long",
)  # fmt: skip
TITLES = (
    "Bí thư {unit}", "Phó Bí thư Thường trực {unit}", "Chủ tịch UBND {level} {place}",
    "Phó Chủ tịch UBND {level} {place}", "Trưởng Ban Tuyên giáo và Dân vận {unit}",
    "Chủ tịch Ủy ban MTTQ Việt Nam {level} {place}", "Chủ tịch HĐND {level} {place}",
    "Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức {unit}", "Bí thư Đảng ủy xã {place}",
)  # fmt: skip
ORGS = (
    "Ban Tuyên giáo và Dân vận {unit}", "Ban Dân vận {unit}", "Ban Thường vụ {unit}",
    "Ủy ban MTTQ Việt Nam {level} {place}", "Hội Nông dân {level} {place}",
    "Hội Liên hiệp Phụ nữ {level} {place}", "Đoàn Thanh niên {level} {place}",
    "Hội Cựu chiến binh {level} {place}", "UBND {level} {place}", "Ban Chỉ đạo {topic} {level} {place}",
)  # fmt: skip
EVENTS = (
    "hội nghị tổng kết", "hội nghị sơ kết", "lớp tập huấn", "buổi đối thoại", "hội nghị quán triệt",
    "lễ ra mắt mô hình", "hội nghị trực tuyến", "hội thi", "lễ phát động", "buổi làm việc",
    "đợt kiểm tra", "đợt giám sát", "hội nghị chuyên đề", "buổi tọa đàm",
)  # fmt: skip
TOPICS = (
    "công tác dân vận", "phong trào thi đua “Dân vận khéo”", "xây dựng nông thôn mới",
    "chuyển đổi số", "cải cách hành chính", "thực hiện quy chế dân chủ ở cơ sở",
    "công tác tuyên giáo", "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "giảm nghèo bền vững", "phòng, chống thiên tai", "bảo đảm an ninh trật tự",
    "công tác xây dựng Đảng", "công tác tôn giáo", "bảo vệ môi trường",
    "phát triển kinh tế tập thể", "xây dựng đô thị văn minh", "phát triển du lịch cộng đồng",
    "công tác dân tộc", "phòng, chống tham nhũng, tiêu cực", "công tác cán bộ",
)  # fmt: skip
MEASURES = (
    ("mô hình “Dân vận khéo”", 5, 400), ("lượt người tham gia", 200, 20000),
    ("km đường giao thông nông thôn", 2, 90), ("ngày công lao động", 300, 15000),
    ("hộ gia đình đăng ký", 50, 4000), ("đơn thư, kiến nghị", 10, 300),
    ("lớp bồi dưỡng chính trị", 3, 40), ("học viên", 100, 3000), ("đảng viên mới", 10, 400),
    ("m2 đất hiến làm đường", 500, 30000), ("nhà văn hóa thôn", 2, 60),
    ("cuộc đối thoại trực tiếp", 3, 80), ("tin, bài tuyên truyền", 20, 900),
    ("buổi tuyên truyền lưu động", 5, 200), ("tấn hàng hóa", 10, 5000),
    ("con gia súc", 100, 9000), ("ha cây trồng", 20, 3000), ("sáng kiến", 2, 120),
)  # fmt: skip
MONEY_UNITS = ("triệu đồng", "tỷ đồng")
SHARES = (
    "tỷ lệ hộ nghèo giảm còn", "tỷ lệ giải quyết đơn thư đạt", "tỷ lệ hồ sơ trực tuyến đạt",
    "tỷ lệ đảng viên đăng ký làm theo đạt", "tỷ lệ che phủ rừng đạt", "tỷ lệ thôn có nhà văn hóa đạt",
)  # fmt: skip
DIRECTIVES = (
    "Nghị quyết số {n}-NQ/TU", "Chỉ thị số {n}-CT/TW", "Kế hoạch số {n}-KH/HU",
    "Quyết định số {n}/QĐ-UBND", "Quy chế số {n}-QC/TU", "Kết luận số {n}-KL/TW",
    "Nghị quyết số {n}-NQ/HU", "Kế hoạch số {n}/KH-UBND", "Hướng dẫn số {n}-HD/BTGDVTW",
)  # fmt: skip
VERB_RESULT = (
    "đã xây dựng được", "đã vận động được", "đã tổ chức", "đã hoàn thành", "đã thu hút",
    "đã huy động", "đã tiếp nhận và giải quyết", "đã triển khai", "ghi nhận", "đã đăng ký",
)  # fmt: skip
ASSESS = (
    "công tác phối hợp giữa các cơ quan, đơn vị ngày càng chặt chẽ",
    "nhận thức của cán bộ, đảng viên và Nhân dân có chuyển biến rõ nét",
    "nhiều cách làm hay, sáng tạo được nhân rộng",
    "vai trò của người đứng đầu được phát huy",
    "niềm tin của Nhân dân đối với cấp ủy, chính quyền được củng cố",
    "một số nơi triển khai còn chậm, thiếu sâu sát",
    "chất lượng một số mô hình chưa đồng đều",
    "công tác nắm bắt dư luận xã hội có lúc chưa kịp thời",
    "sự vào cuộc của hệ thống chính trị có lúc, có nơi chưa quyết liệt",
    "việc sơ kết, nhân rộng điển hình được quan tâm thực hiện",
    "đời sống vật chất, tinh thần của người dân từng bước được nâng lên",
    "khối đại đoàn kết toàn dân tộc tiếp tục được củng cố",
)  # fmt: skip
TASKS = (
    "tiếp tục đổi mới nội dung, phương thức hoạt động", "nâng cao chất lượng, hiệu quả tuyên truyền",
    "tăng cường kiểm tra, giám sát việc thực hiện", "kịp thời biểu dương, nhân rộng điển hình tiên tiến",
    "chú trọng nắm bắt tâm tư, nguyện vọng của Nhân dân", "phát huy vai trò gương mẫu của cán bộ, đảng viên",
    "đẩy mạnh ứng dụng công nghệ thông tin", "gắn kết quả thực hiện với đánh giá thi đua cuối năm",
    "bám sát cơ sở, lắng nghe ý kiến người dân", "giải quyết dứt điểm các kiến nghị tồn đọng",
    "huy động sức mạnh tổng hợp của cả hệ thống chính trị", "rà soát, bổ sung quy chế phối hợp",
)  # fmt: skip
OPENERS = (
    "Theo báo cáo", "Qua đánh giá", "Thời gian qua", "Trong năm", "Kết quả cho thấy",
    "Thực hiện chỉ đạo của cấp trên", "Với sự vào cuộc tích cực của các cấp ủy", "Bên cạnh đó",
    "Đáng chú ý", "Cùng với đó",
)  # fmt: skip
GROUPS = (
    "các chi bộ, thôn bản", "các cơ quan, đơn vị", "Mặt trận Tổ quốc và các đoàn thể",
    "các xã, thị trấn", "cán bộ, đảng viên", "đoàn viên, hội viên", "các trường học",
    "lực lượng vũ trang", "các hợp tác xã", "người có uy tín trong đồng bào dân tộc thiểu số",
)  # fmt: skip
TOOLBARS = (
    "Tăng cỡ chữ Giảm cỡ chữ In bài viết", "PublishingPortal - Block_BanTin_Toolbar",
    "Tăng/Giảm cỡ chữ: TĂNG+ | GIẢM-", "Chia sẻ Facebook Zalo", "Lượt xem: {n}",
)  # fmt: skip
LEAD_PREFIXES = ("CTTĐT - ", "(ĐCSVN) - ", "TTĐT - ", "(BTG) - ", "Tin từ {place} - ")
TRAILERS = ("Ý kiến bạn đọc", "Các tin khác", "Chuyên mục khác", "Tin tức Đăng nhập", "Gửi email")
EDITS = (
    ("Nhân dân", "người dân"), ("đồng chí", "đ/c"), ("đã tổ chức", "tổ chức thành công"),
    ("tiếp tục", "tiếp tục chủ động"), ("các cơ quan, đơn vị", "cơ quan, đơn vị"),
    ("Theo báo cáo", "Báo cáo cho biết"), ("Thời gian qua", "Thời gian vừa qua"),
    ("Bên cạnh đó", "Ngoài ra"), ("nâng cao", "không ngừng nâng cao"), ("hội nghị", "Hội nghị"),
)  # fmt: skip
OPENERS_MORE = (
    "Năm qua", "Nhìn chung", "Cụ thể", "Đến cuối kỳ", "Tính đến thời điểm báo cáo",
    "Sau một năm triển khai", "Từ đầu nhiệm kỳ đến nay", "Riêng trong quý IV", "Song song với đó",
    "Nổi bật", "Trong 9 tháng đầu năm", "Qua theo dõi", "Từ thực tiễn cơ sở", "Nhờ làm tốt công tác vận động",
)  # fmt: skip
GROUPS_MORE = (
    "các tổ dân phố", "Hội Nông dân các cấp", "chi hội phụ nữ các thôn", "các doanh nghiệp trên địa bàn",
    "đội ngũ báo cáo viên", "cộng tác viên dư luận xã hội", "các ban tuyên vận", "tổ tự quản",
    "các trường mầm non, tiểu học", "lực lượng công an xã", "ngành y tế", "các điểm bưu điện văn hóa xã",
)  # fmt: skip
ADVERBS = (
    "tích cực", "kịp thời", "bước đầu", "cơ bản", "chủ động", "thường xuyên", "đồng bộ",
    "quyết liệt", "linh hoạt", "sâu rộng", "nghiêm túc", "hiệu quả",
)  # fmt: skip
ASSESS_MORE = (
    "cách làm được Nhân dân đồng tình, hưởng ứng", "nhiều phần việc được hoàn thành trước thời hạn",
    "nguồn lực xã hội hóa ngày càng đa dạng", "thủ tục hành chính được rút ngắn đáng kể",
    "các vụ việc phức tạp được giải quyết ngay từ cơ sở", "tình hình an ninh nông thôn ổn định",
    "công tác thông tin, báo cáo có lúc chưa đầy đủ", "kinh phí hỗ trợ cho cơ sở còn hạn chế",
    "một bộ phận người dân còn tâm lý trông chờ, ỷ lại", "địa bàn rộng, giao thông đi lại khó khăn",
)  # fmt: skip
TASKS_MORE = (
    "lựa chọn việc khó, việc mới để làm trước", "phân công rõ người, rõ việc, rõ thời gian",
    "đưa nghị quyết vào cuộc sống", "phát huy quyền làm chủ của Nhân dân",
    "tập trung tháo gỡ khó khăn cho cơ sở", "chăm lo đời sống người có công, hộ nghèo",
    "nâng chất các mô hình đã có", "quan tâm đào tạo, bồi dưỡng cán bộ trẻ",
)  # fmt: skip
LEAD_TAILS = ("triển khai nhiệm vụ", "đề ra phương hướng", "bàn giải pháp thực hiện", "xác định mục tiêu")
ATTEND = ("Tham dự có", "Dự hội nghị có", "Cùng dự có", "Tới dự có", "Tham dự và phát biểu có")
MONEY_HEADS = ("Tổng kinh phí huy động cho", "Nguồn lực dành cho", "Kinh phí thực hiện", "Vốn đầu tư cho")
BASELINES = ("mức bình quân của tỉnh", "cùng kỳ năm trước", "kế hoạch đề ra", "mục tiêu nghị quyết")
ROLLOUT = (
    "đã quán triệt, triển khai", "tổ chức học tập", "xây dựng kế hoạch thực hiện", "phổ biến",
    "ban hành văn bản cụ thể hóa",
)  # fmt: skip
UNTIL = ("Đến nay", "Hiện đã có", "Tính đến cuối năm", "Đến thời điểm này", "Kết quả")
SPEECH = ("Phát biểu kết luận", "Phát biểu chỉ đạo", "Kết luận hội nghị", "Chỉ đạo tại hội nghị")
ASKS = ("đề nghị", "yêu cầu", "nhấn mạnh cần", "lưu ý")
AWARD_HEADS = ("Dịp này", "Nhân dịp này", "Tại hội nghị", "Cũng tại buổi lễ")
AWARDS = ("khen thưởng", "trao giấy khen cho", "tặng bằng khen cho", "biểu dương")
