"""Extraction bench: portalwatch against trafilatura on the gold pages and the unseen batches.

Per set (the gold pages in tests/fixtures/pages, then each bench/extract/unseen/batchN): body
F1 over bags of words and over 4-word shingles, title/date/author accuracy, empty texts, and
pages per second for extraction alone (in this process, after warm-up) and for the whole call
(a fresh `portalwatch parse` process over all the files, against a fresh Python process that
imports trafilatura and loops `bare_extraction` over them: start-up included for both), by
wall clock and by the child process's CPU time.
The first time a batch is scored its figures are written to first_runs.json, never rewritten.
Floors for the gold set are pinned in floors.json; `--raise-floors` moves them up, never down.

    .venv/bin/python bench/extract/run.py [--repeat 3] [--only gold|batch1…] [--per-page]
        [--raise-floors] [--no-whole-call]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from parsers import parse_article  # noqa: E402

GOLD_DIR = ROOT / "tests" / "fixtures" / "pages"
UNSEEN_DIR = Path(__file__).with_name("unseen")
FLOORS = Path(__file__).with_name("floors.json")
FIRST_RUNS = Path(__file__).with_name("first_runs.json")
PYCACHE = Path(tempfile.gettempdir()) / "portalwatch-bench-pycache"
_TOKEN = re.compile(r"\w+")
NOISY = frozenset({"speed_ratio"})
SHINGLE = 4
PEER_LOOP = """
import sys, time
start = time.perf_counter()
import trafilatura
for path in sys.argv[1:]:
    with open(path, "rb") as handle:
        trafilatura.bare_extraction(handle.read().decode("utf-8", "replace"), with_metadata=True)
"""


@dataclass
class Page:
    name: str
    path: Path
    html: bytes
    expected: dict[str, Any]


@dataclass
class Result:
    """What one extractor returned for one page, reduced to comparable fields."""

    text: str
    title: str
    day: date | None
    author: str


@dataclass
class Overlap:
    """Micro-averaged precision/recall/F1 of one unit (words or shingles)."""

    hit: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, got: Counter[Any], want: Counter[Any]) -> float:
        hit = sum((got & want).values())
        self.hit += hit
        self.predicted += sum(got.values())
        self.gold += sum(want.values())
        return _f1(hit, sum(got.values()), sum(want.values()))

    @property
    def precision(self) -> float:
        return self.hit / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.hit / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return _f1(self.hit, self.predicted, self.gold)


@dataclass
class Score:
    words: Overlap = field(default_factory=Overlap)
    shingles: Overlap = field(default_factory=Overlap)
    titles: int = 0
    dates: int = 0
    authors: int = 0
    empty: int = 0
    pages: int = 0
    seconds: float = 0.0
    whole_call: float = 0.0  # pages/s of a fresh process over all files; 0 when not measured
    whole_call_cpu: float = 0.0  # the same per second of that process's CPU time
    f1s: list[float] = field(default_factory=list)  # per page, shingles
    misses: list[str] = field(default_factory=list)

    @property
    def per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


def _f1(hit: int, predicted: int, gold: int) -> float:
    p = hit / predicted if predicted else 0.0
    r = hit / gold if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def word_list(text: str) -> list[str]:
    return _TOKEN.findall(unicodedata.normalize("NFC", text or "").lower())


def tokens(text: str) -> Counter[str]:
    return Counter(word_list(text))


def shingles(text: str) -> Counter[tuple[str, ...]]:
    seq = word_list(text)
    if len(seq) < SHINGLE:
        return Counter([tuple(seq)]) if seq else Counter()
    return Counter(tuple(seq[i : i + SHINGLE]) for i in range(len(seq) - SHINGLE + 1))


def _norm(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def load_pages(folder: Path, pattern: str) -> list[Page]:
    pages = []
    for path in sorted(folder.glob(pattern)):
        gold = path.with_suffix(".json")
        if not gold.exists():
            continue
        expected = json.loads(gold.read_text(encoding="utf-8"))
        name = f"{path.parent.name}/{path.stem}"
        pages.append(Page(name, path, path.read_bytes(), expected))
    return pages


def page_sets(only: str | None) -> dict[str, list[Page]]:
    sets = {"gold": load_pages(GOLD_DIR, "*/*.html")}
    if UNSEEN_DIR.is_dir():
        for folder in sorted(p for p in UNSEEN_DIR.iterdir() if p.is_dir()):
            pages = load_pages(folder, "*.html")
            if pages:
                sets[folder.name] = pages
    return {k: v for k, v in sets.items() if only is None or k == only}


def ours(page: Page, profile: str = "auto") -> Result:
    article = parse_article(page.html, page.expected["url"], profile=profile)
    day = article.published_at.date() if article.published_at else None
    return Result(article.text, article.title, day, article.author or "")


def ours_generic(page: Page) -> Result:
    """The generic extractor alone, without any CMS profile's selectors."""
    return ours(page, profile="generic")


def peer(page: Page) -> Result:
    doc = trafilatura.bare_extraction(
        page.html.decode("utf-8", errors="replace"), url=page.expected["url"], with_metadata=True
    )
    if doc is None:
        return Result("", "", None, "")
    raw_date = getattr(doc, "date", None)
    day = date.fromisoformat(raw_date[:10]) if raw_date else None
    return Result(
        getattr(doc, "text", "") or "",
        getattr(doc, "title", "") or "",
        day,
        getattr(doc, "author", "") or "",
    )


def measure(pages: list[Page], extract: Callable[[Page], Result], repeat: int) -> Score:
    score = Score()
    results: list[Result] = []
    start = time.perf_counter()
    for round_ in range(repeat):
        for page in pages:
            result = extract(page)
            if round_ == 0:
                results.append(result)
    score.seconds = time.perf_counter() - start
    score.pages = len(pages) * repeat
    for page, result in zip(pages, results, strict=True):
        _grade(score, page, result)
    return score


def _grade(score: Score, page: Page, result: Result) -> None:
    exp = page.expected
    score.words.add(tokens(result.text), tokens(exp["text"]))
    score.f1s.append(score.shingles.add(shingles(result.text), shingles(exp["text"])))
    score.empty += not result.text.strip()
    raw_day = exp.get("published_at")
    want_day = date.fromisoformat(str(raw_day)[:10]) if raw_day else None
    score.titles += _norm(result.title) == _norm(exp.get("title"))
    score.dates += result.day == want_day
    score.authors += _norm(result.author) == _norm(exp.get("author"))
    if result.day != want_day:
        score.misses.append(f"date {page.name}: {result.day} != {want_day}")


def whole_call(
    pages: list[Page], calls: int, bytecode: bool = True
) -> tuple[float, float, float, float]:
    """Pages/s of `portalwatch parse` over all files and of a trafilatura loop process, by
    wall clock and by the child's CPU time (user + system: on a shared, loaded machine the
    wall clock mostly measures the wait for a core). Best of `calls` runs of each, taken in
    turn so that a burst of load falls on both, after one untimed run of each. `bytecode`:
    see `_child_env`."""
    files = [str(p.path) for p in pages]
    ours_cmd = [sys.executable, "-m", "portalwatch", "parse", *files]
    peer_cmd = [sys.executable, "-c", PEER_LOOP, *files]
    wall = [0.0, 0.0]
    cpu = [0.0, 0.0]
    for round_ in range(calls + 1):
        for side, cmd in enumerate((ours_cmd, peer_cmd)):
            elapsed, used = _timed_run(cmd, bytecode)
            if round_:  # the first round writes bytecode and warms the file cache
                wall[side] = max(wall[side], len(files) / elapsed)
                cpu[side] = max(cpu[side], len(files) / used if used else 0.0)
    return wall[0], wall[1], cpu[0], cpu[1]


def _child_env(bytecode: bool) -> dict[str, str]:
    """The environment of a timed process. Both start from compiled bytecode, as installed
    packages do: where PYTHONDONTWRITEBYTECODE is set, the libraries' bytecode in the virtual
    environment (written at install) would be read while this project's sources were compiled
    afresh by every call. Bytecode goes to a folder of its own, never into the sources.
    Without `bytecode`, the environment is left as it is."""
    env = {**os.environ, "PORTALWATCH_CONFIG": os.devnull}
    if bytecode:
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _timed_run(cmd: list[str], bytecode: bool) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) of one run of `cmd`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, cwd=ROOT, env=_child_env(bytecode), check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{cmd[:4]} failed: {done.stderr.decode()[-400:]}")
    used = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return elapsed, used


def figures(pages: list[Page], a: Score, g: Score, b: Score) -> dict[str, float]:
    n = len(pages)
    return {
        "f1_micro": round(a.words.f1, 4),
        "generic_f1_micro": round(g.words.f1, 4),
        "f1_margin_over_peer": round(a.words.f1 - b.words.f1, 4),
        "title_accuracy": round(a.titles / n, 4),
        "date_accuracy": round(a.dates / n, 4),
        "author_accuracy": round(a.authors / n, 4),
        "speed_ratio": round(a.per_second / b.per_second, 2),
    }


def summary(n: int, s: Score) -> dict[str, float]:
    """The figures kept for a first run and shown side by side with the current ones."""
    return {
        "pages": n,
        "f1_words": round(s.words.f1, 4),
        "f1_shingles": round(s.shingles.f1, 4),
        "precision_shingles": round(s.shingles.precision, 4),
        "recall_shingles": round(s.shingles.recall, 4),
        "title": round(s.titles / n, 4),
        "date": round(s.dates / n, 4),
        "author": round(s.authors / n, 4),
        "empty_texts": s.empty,
        "extract_pages_per_s": round(s.per_second, 1),
        "whole_call_pages_per_s": round(s.whole_call, 1),
        "whole_call_pages_per_cpu_s": round(s.whole_call_cpu, 1),
    }


def table(current: dict[str, dict[str, float]], first: dict[str, dict[str, float]]) -> str:
    columns = [(f"{name} now", row) for name, row in current.items()]
    columns += [(f"{name} 1st run", row) for name, row in first.items()]
    keys = list(next(iter(current.values())))
    width = max(len(k) for k in keys)
    header = f"{'metric':<{width}}" + "".join(f"  {label:>22}" for label, _ in columns)
    lines = [header, "-" * len(header)]
    for key in keys:
        cells = "".join(f"  {_cell(row.get(key)):>22}" for _, row in columns)
        lines.append(f"{key:<{width}}{cells}")
    return "\n".join(lines)


def _cell(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) and value < 10 else f"{value:g}"


def check_floors(measured: dict[str, float], raise_floors: bool) -> int:
    floors = json.loads(FLOORS.read_text()) if FLOORS.exists() else {}
    below = {k: (measured[k], v) for k, v in floors.items() if measured.get(k, 0.0) < v}
    for key, (got, floor) in below.items():
        print(f"REGRESSION {key}: {got} < floor {floor}")
    if raise_floors and not below:
        # Timing depends on the machine's load: its floor is set by hand, never raised here.
        raised = {
            k: (floors.get(k, v) if k in NOISY else max(v, floors.get(k, 0.0)))
            for k, v in measured.items()
        }
        FLOORS.write_text(json.dumps(raised, indent=2, sort_keys=True) + "\n")
        print(f"floors raised in {FLOORS.name}")
    return 1 if below else 0


def record_first_run(name: str, rows: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    """This set's first-run figures: written the first time the set is scored, then only read."""
    runs = json.loads(FIRST_RUNS.read_text()) if FIRST_RUNS.exists() else {}
    if name not in runs:
        runs[name] = {"scored_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), **rows}
        FIRST_RUNS.write_text(json.dumps(runs, indent=2, ensure_ascii=False) + "\n")
        print(f"first run of {name} recorded in {FIRST_RUNS.name}")
    return {k: v for k, v in runs[name].items() if isinstance(v, dict)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", help="score one set: gold, batch1, …")
    parser.add_argument("--raise-floors", action="store_true")
    parser.add_argument("--per-page", action="store_true")
    parser.add_argument("--no-whole-call", action="store_true", help="skip the subprocess timing")
    parser.add_argument(
        "--calls", type=int, default=5, help="whole-call runs of each tool; the best is kept"
    )
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="time the whole call in this environment as it is (PYTHONDONTWRITEBYTECODE kept)",
    )
    args = parser.parse_args()
    sets = page_sets(args.only)
    first_page = next(iter(sets.values()))[0]
    peer(first_page)  # warm both up (imports, caches) before timing
    ours(first_page)
    status = 0
    for name, pages in sets.items():
        a = measure(pages, ours, args.repeat)
        g = measure(pages, ours_generic, args.repeat)
        b = measure(pages, peer, args.repeat)
        if not args.no_whole_call:
            a.whole_call, b.whole_call, a.whole_call_cpu, b.whole_call_cpu = whole_call(
                pages, args.calls, not args.no_bytecode_cache
            )
        rows = {"portalwatch": summary(len(pages), a), "trafilatura": summary(len(pages), b)}
        rows["portalwatch generic"] = summary(len(pages), g)
        first = record_first_run(name, rows) if name != "gold" else {}
        print(f"\n== {name}: {len(pages)} pages, {args.repeat} timed passes (extraction alone)")
        print(table(rows, {k: v for k, v in first.items() if k != "portalwatch generic"}))
        margin = a.shingles.f1 - b.shingles.f1
        speed = a.whole_call / b.whole_call if b.whole_call else 0.0
        cpu = a.whole_call_cpu / b.whole_call_cpu if b.whole_call_cpu else 0.0
        print(
            f"shingle F1 margin over trafilatura {margin:+.3f}; "
            f"whole call {speed:.1f}x by wall clock, {cpu:.1f}x by CPU time"
        )
        if args.per_page:
            print("shingle F1 per page: auto  generic  trafilatura")
            for page, fa, fg, fb in zip(pages, a.f1s, g.f1s, b.f1s, strict=True):
                print(f"  {fa:.3f}  {fg:.3f}  {fb:.3f}  {page.name}")
            for miss in a.misses:
                print("  ours:", miss)
        if name == "gold":
            status |= check_floors(figures(pages, a, g, b), args.raise_floors)
    return status


if __name__ == "__main__":
    sys.exit(main())
