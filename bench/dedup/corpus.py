"""A reproducible stream of Vietnamese-like local news with known near-duplicate pairs.

Originals are built from sentence frames filled from `vocab`. Some later items are copies of a
recent original as another portal republishes it (other boilerplate, plus edited sentences,
swapped paragraphs or trimmed endings, or verbatim); they share the original's `cluster`.
Others are decoys that must stay apart: the same frames and officials with other figures and
dates (the next year's report, another commune's report), or the same people and event
written afresh. Each wording choice and each figure draws from its own seeded generator, so a
decoy can keep an original's wording while every number changes.
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from bench.dedup import vocab as V

Rng = random.Random


@dataclass(frozen=True)
class Context:
    place: str
    level: str
    unit: str
    topic: str
    event: str
    org: str
    officials: tuple[str, ...]
    day: int
    month: int
    year: int


@dataclass(frozen=True)
class Skeleton:
    """An article before rendering: frames and wording seeds per sentence, one figures seed."""

    ctx: Context
    paragraphs: tuple[tuple[tuple[int, int], ...], ...]
    figures_seed: int
    author: str


@dataclass(frozen=True)
class Item:
    key: int
    portal: str
    url: str
    title: str
    text: str
    cluster: int  # items of one cluster are copies of one article
    kind: str  # original | copy | verbatim | decoy-figures | decoy-place | decoy-topic
    source: int  # the original a copy or decoy was made from (itself for an original)


def _num(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _dec(x: float) -> str:
    return f"{x:.1f}".replace(".", ",")


OPENERS = V.OPENERS + V.OPENERS_MORE
GROUPS = V.GROUPS + V.GROUPS_MORE
ASSESS = V.ASSESS + V.ASSESS_MORE
TASKS = V.TASKS + V.TASKS_MORE


def _adv(w: Rng) -> str:
    """An adverb, half of the time: prose varies in small ways."""
    return f" {w.choice(V.ADVERBS)}" if w.random() < 0.5 else ""


def _village(w: Rng) -> str:
    """Named hamlets, as reports cite them: the details that make each article its own."""
    if w.random() < 0.5:
        return ""
    return f"tại các thôn {_place(w)}, {_place(w)} "


def _person(rng: Rng) -> str:
    return f"{rng.choice(V.FAMILY)} {rng.choice(V.MIDDLE)} {rng.choice(V.GIVEN)}"


def _place(rng: Rng) -> str:
    return f"{rng.choice(V.PLACE_FIRST)} {rng.choice(V.PLACE_SECOND)}"


def _context(rng: Rng) -> Context:
    level = rng.choice(("huyện", "xã", "tỉnh"))
    place = rng.choice(V.PROVINCES) if level == "tỉnh" else _place(rng)
    unit = {"huyện": "Huyện ủy", "xã": "Đảng ủy xã", "tỉnh": "Tỉnh ủy"}[level]
    topic = rng.choice(V.TOPICS)
    fill = {"unit": f"{unit} {place}", "level": level, "place": place, "topic": topic}
    officials = tuple(f"{_person(rng)}, {rng.choice(V.TITLES).format(**fill)}" for _ in range(3))
    return Context(
        place, level, unit, topic, rng.choice(V.EVENTS), rng.choice(V.ORGS).format(**fill),
        officials, rng.randint(1, 28), rng.randint(1, 12), rng.randint(2015, 2025),
    )  # fmt: skip


def _lead(c: Context, w: Rng, n: Rng) -> str:
    when = w.choice(("Sáng", "Chiều", "Ngày"))
    return (
        f"{when} {n.randint(1, 28)}/{c.month}/{c.year}, {c.org} tổ chức {c.event} về {c.topic} "
        f"năm {c.year - 1}, {w.choice(V.LEAD_TAILS)} năm {c.year}. Đồng chí {c.officials[0]} "
        f"{w.choice(('chủ trì', 'dự và chỉ đạo', 'chủ trì và kết luận'))} {c.event}."
    )


def _attendance(c: Context, w: Rng, n: Rng) -> str:
    return (
        f"{w.choice(V.ATTEND)} đồng chí {c.officials[1]}; đồng chí {c.officials[2]} cùng đại diện "
        f"{w.choice(GROUPS)}, {w.choice(GROUPS)} và {n.randint(40, 300)} đại biểu."
    )


def _measure(c: Context, w: Rng, n: Rng) -> str:
    label, low, high = w.choice(V.MEASURES)
    tail = w.choice(("tăng {k} so với năm trước", "vượt {p}% kế hoạch", "đạt {p}% chỉ tiêu"))
    tail = tail.format(k=_num(n.randint(2, high // 3 + 3)), p=n.randint(100, 140))
    figure, group = _num(n.randint(low, high)), w.choice(GROUPS)
    if w.random() < 0.5:
        return (
            f"{w.choice(OPENERS)}, {group}{_adv(w)} {w.choice(V.VERB_RESULT)} {figure} {label} "
            f"{_village(w)}{tail}."
        )
    return f"Số {label} mà {group} {w.choice(V.VERB_RESULT)} là {figure}, {tail}."


def _money(c: Context, w: Rng, n: Rng) -> str:
    unit = w.choice(V.MONEY_UNITS)
    total = n.uniform(1.5, 90.0)
    return (
        f"{w.choice(V.MONEY_HEADS)} {c.topic} {_village(w)}đạt {_dec(total)} {unit}, trong đó "
        f"{w.choice(GROUPS)} đóng góp {_dec(total * n.uniform(0.2, 0.7))} {unit}."
    )


def _share(c: Context, w: Rng, n: Rng) -> str:
    return (
        f"{w.choice(OPENERS)}, {w.choice(V.SHARES)} {_dec(n.uniform(2.0, 99.0))}%, "
        f"{w.choice(('cao hơn', 'thấp hơn', 'tương đương', 'gần bằng'))} {w.choice(V.BASELINES)}."
    )


def _assess(c: Context, w: Rng, n: Rng) -> str:
    first, second = w.sample(ASSESS, 2)
    if w.random() < 0.5:
        return f"{w.choice(OPENERS)}, {first}; {second}."
    return f"{first.capitalize()}, tuy nhiên{_adv(w)} {second}."


def _directive(c: Context, w: Rng, n: Rng) -> str:
    code = w.choice(V.DIRECTIVES).format(n=n.randint(1, 150))
    return (
        f"{w.choice(GROUPS).capitalize()} {w.choice(V.ROLLOUT)} {code}, ngày "
        f"{n.randint(1, 28)}/{n.randint(1, 12)}/{c.year - n.randint(0, 3)} về {c.topic}."
    )


def _ratio(c: Context, w: Rng, n: Rng) -> str:
    total = n.randint(8, 40)
    done = n.randint(total // 2, total)
    return (
        f"{w.choice(V.UNTIL)}, {done}/{total} {w.choice(('xã', 'thôn', 'chi bộ', 'cơ quan'))} hoàn thành "
        f"{w.choice(('chỉ tiêu đề ra', 'các tiêu chí', 'kế hoạch năm'))}, đạt {_dec(100 * done / total)}%."
    )


def _tasks(c: Context, w: Rng, n: Rng) -> str:
    tasks = w.sample(TASKS, 3)
    if w.random() < 0.5:
        return f"Năm {c.year}, {c.org} đề ra nhiệm vụ {tasks[0]}; {tasks[1]}; {tasks[2]}."
    return f"Thời gian tới, cần{_adv(w)} {tasks[0]}, {tasks[1]}, đồng thời {tasks[2]}."


def _quote(c: Context, w: Rng, n: Rng) -> str:
    first, second = w.sample(TASKS, 2)
    return (
        f"{w.choice(V.SPEECH)}, đồng chí {c.officials[0].split(',')[0]} {w.choice(V.ASKS)} "
        f"{w.choice(GROUPS)}{_adv(w)} {first} và {second}."
    )


def _award(c: Context, w: Rng, n: Rng) -> str:
    return (
        f"{w.choice(V.AWARD_HEADS)}, {c.org} đã {w.choice(V.AWARDS)} {n.randint(3, 40)} tập thể và {n.randint(5, 80)} "
        f"cá nhân có thành tích xuất sắc trong {c.topic}."
    )


FRAMES: tuple[Callable[[Context, Rng, Rng], str], ...] = (
    _lead, _attendance, _measure, _money, _share, _assess, _directive, _ratio, _tasks, _quote,
    _award,
)  # fmt: skip
_BODY = (2, 2, 2, 3, 4, 5, 6, 7)  # result-heavy, as real reports are


def _skeleton(rng: Rng, ctx: Context) -> Skeleton:
    seed = rng.getrandbits(32)
    paragraphs: list[tuple[tuple[int, int], ...]] = [((0, seed), (1, seed + 1))]
    for p in range(rng.randint(3, 6)):
        count = rng.randint(2, 4)
        paragraphs.append(tuple((rng.choice(_BODY), seed + 10 * p + i + 2) for i in range(count)))
    closing = [(rng.choice((8, 9)), seed + 90), (5, seed + 91)]
    if rng.random() < 0.6:
        closing.append((10, seed + 92))
    paragraphs.append(tuple(closing))
    author = " ".join(_person(rng).split()[1:])  # bylines drop the family name: "Thu Trang"
    return Skeleton(ctx, tuple(paragraphs), rng.getrandbits(32), author)


def render(sk: Skeleton) -> tuple[str, str]:
    """Title and text; the text's paragraphs are separated by blank lines."""
    out = []
    for p_index, paragraph in enumerate(sk.paragraphs):
        sentences = []
        for s_index, (frame, seed) in enumerate(paragraph):
            figures = Rng(sk.figures_seed * 1000 + p_index * 10 + s_index)
            sentences.append(FRAMES[frame](sk.ctx, Rng(seed), figures))
        out.append(" ".join(sentences))
    c = sk.ctx
    title = f"{c.place}: {c.event[0].upper()}{c.event[1:]} {c.topic} năm {c.year - 1}"
    return title, "\n\n".join(out) + f"\n\n{sk.author} {c.place}"


def _boilerplate(rng: Rng, paragraphs: list[str], place: str) -> list[str]:
    paragraphs = list(paragraphs)
    prefix = rng.choice(V.LEAD_PREFIXES).format(place=place)
    paragraphs[0] = prefix + paragraphs[0]
    if rng.random() < 0.7:
        paragraphs.insert(1, f"Quang cảnh hội nghị. Ảnh: {_person(rng)}")
    if rng.random() < 0.6:
        paragraphs.insert(0, rng.choice(V.TOOLBARS).format(n=rng.randint(10, 5000)))
    paragraphs[-1] = f"Tin, ảnh: {_person(rng)} (Trung tâm Truyền thông {place})"
    paragraphs.extend(rng.sample(V.TRAILERS, rng.randint(0, 2)))
    return paragraphs


def _edit_sentences(rng: Rng, paragraphs: list[str]) -> list[str]:
    paragraphs = list(paragraphs)
    for old, new in rng.sample(V.EDITS, 3):
        i = rng.randrange(1, len(paragraphs) - 1)
        paragraphs[i] = paragraphs[i].replace(old, new, 1)
    i = rng.randrange(1, len(paragraphs) - 1)
    sentences = paragraphs[i].split(". ")
    if len(sentences) > 2:
        del sentences[rng.randrange(len(sentences))]
        paragraphs[i] = ". ".join(sentences)
    return paragraphs


def copy_of(rng: Rng, text: str, place: str) -> str:
    """Another portal's edition: its boilerplate plus one or two kinds of edit."""
    paragraphs = text.split("\n\n")
    body = paragraphs[1:-2]
    ops = rng.sample(("edit", "reorder", "trim"), rng.randint(1, 2))
    if "reorder" in ops and len(body) >= 2:
        i, j = rng.sample(range(len(body)), 2)
        body[i], body[j] = body[j], body[i]
    if "trim" in ops and len(body) >= 3:
        body = body[: len(body) - rng.randint(1, max(1, len(body) // 3))]
    paragraphs = [paragraphs[0], *body, paragraphs[-2], paragraphs[-1]]
    if "edit" in ops:
        paragraphs = _edit_sentences(rng, paragraphs)
    return "\n\n".join(_boilerplate(rng, paragraphs, place))


def decoy_of(rng: Rng, sk: Skeleton, kind: str) -> Skeleton:
    """A different article that shares the original's people, event and (for two kinds) wording."""
    ctx = replace(sk.ctx, day=rng.randint(1, 28), year=sk.ctx.year + rng.choice((-2, -1, 1)))
    if kind == "decoy-place":
        ctx = replace(ctx, place=_place(rng), year=sk.ctx.year)
    if kind == "decoy-topic":
        return _skeleton(rng, replace(ctx, year=sk.ctx.year))
    return replace(sk, ctx=ctx, figures_seed=rng.getrandbits(32))


def generate(n: int, seed: int = 20250701, portals: int = 60) -> Iterator[Item]:
    """`n` items; about 16% copies, 8% decoys, the rest originals."""
    rng = Rng(seed)
    recent: deque[tuple[int, Skeleton, str]] = deque(maxlen=2000)
    for key in range(n):
        portal = f"p{rng.randrange(portals):02d}"
        roll = rng.random()
        if recent and roll < 0.16:
            cluster, sk, text = rng.choice(recent)
            source = cluster
            kind = "verbatim" if roll < 0.02 else "copy"
            body = text if kind == "verbatim" else copy_of(rng, text, sk.ctx.place)
            title = render(sk)[0]
        elif recent and roll < 0.24:
            source, original, _ = rng.choice(recent)
            kind = rng.choice(("decoy-figures", "decoy-place", "decoy-topic"))
            title, body = render(decoy_of(rng, original, kind))
            cluster = key
        else:
            kind, cluster = "original", key
            source = key
            sk = _skeleton(rng, _context(rng))
            title, body = render(sk)
            recent.append((key, sk, body))
        yield Item(key, portal, f"https://{portal}.example.vn/tin-tuc/bai-{key}.html", title,
                   body, cluster, kind, source)  # fmt: skip
