"""Precision and recall of directive and indicator extraction on the annotated passages,
side by side with a naive regex baseline measured in the same run.

    .venv/bin/python bench/detect/run.py [--passages FILE ...] [--repeat N] [--show-problems]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(HERE)]

from baseline import naive_directives, naive_indicators  # noqa: E402
from replay import ReplayArticle, evaluate_replay, load_replay  # noqa: E402
from unseen import UnseenPassage, figures, load_batch, record_first_run, score_batch  # noqa: E402

from detect.evaluation import Passage, Score, evaluate, load_passages  # noqa: E402
from parsers import find_directives, find_indicators  # noqa: E402
from parsers.indicator_dictionary import IndicatorDictionary  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "detect"
UNSEEN = FIXTURES / "unseen"
SETTLE_SECONDS = 120  # a batch file this fresh may be half-written: its first run would be wrong
DEFAULT_PASSAGES = [FIXTURES / n for n in ("passages.yaml", "holdout.yaml", "holdout2.yaml")]


def codes_only(passages: list[Passage]) -> list[Passage]:
    """The same passages, expecting only the canonical code (type and number when code-less)."""
    keep = ("code", "type", "number")
    return [
        replace(p, directives=tuple(
            {k: v for k, v in d.items() if k == "code" or (d.get("code") is None and k in keep)}
            for d in p.directives
        ))
        for p in passages
    ]


def timed(repeat: int, work: Callable[[], tuple[Score, Score]]) -> tuple[Score, Score, float]:
    start = time.perf_counter()
    for _ in range(repeat):
        result = work()
    elapsed = (time.perf_counter() - start) / repeat
    return result[0], result[1], elapsed


def line(name: str, score: Score) -> str:
    return (f"  {name:<22} precision {score.precision:6.3f}  recall {score.recall:6.3f}  "
            f"F1 {score.f1:6.3f}   (tp {score.tp}, fp {score.fp}, fn {score.fn})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=Path, nargs="+", default=DEFAULT_PASSAGES)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--show-problems", action="store_true")
    args = parser.parse_args()
    passages = [p for path in args.passages for p in load_passages(path)]
    dictionary = IndicatorDictionary.builtin()

    def ours(items: list[Passage]) -> tuple[Score, Score]:
        return evaluate(
            items,
            lambda p: find_directives(p.text),
            lambda p: find_indicators(p.text, published_at=p.published_at, locality=p.locality),
        )

    def naive(items: list[Passage]) -> tuple[Score, Score]:
        return evaluate(
            items,
            lambda p: naive_directives(p.text),
            lambda p: naive_indicators(p.text, p.published_at, p.locality, dictionary),
        )

    our_d, our_i, our_t = timed(args.repeat, lambda: ours(passages))
    naive_d, naive_i, naive_t = timed(args.repeat, lambda: naive(passages))
    our_codes, _, _ = timed(1, lambda: ours(codes_only(passages)))
    naive_codes, _, _ = timed(1, lambda: naive(codes_only(passages)))
    chars = sum(len(p.text) for p in passages)
    names = ", ".join(path.name for path in args.passages)
    print(f"{len(passages)} passages, {chars} characters, from {names}")
    print("Directives (code, type, issuer, date, title as annotated)")
    print(line("portalwatch", our_d))
    print(line("naive regex", naive_d))
    print("Directives (canonical code only)")
    print(line("portalwatch", our_codes))
    print(line("naive regex", naive_codes))
    print("Indicators (key, value, period, locality)")
    print(line("portalwatch", our_i))
    print(line("naive regex", naive_i))
    print("Speed (both finders, all passages)")
    print(f"  portalwatch {our_t * 1000:8.1f} ms   naive regex {naive_t * 1000:8.1f} ms   "
          f"ratio {our_t / naive_t:5.1f}x slower, {chars / our_t / 1e6:.2f} M chars/s")
    if args.show_problems:
        for problem in our_d.problems + our_i.problems:
            print("  portalwatch:", problem)
    unseen_section(dictionary, args.show_problems)
    replay_section(dictionary, args.show_problems)
    return 0


def unseen_section(dictionary: IndicatorDictionary, show_problems: bool) -> None:
    """Each unseen batch: its first run (recorded once, in first_runs.json) and now."""
    from datetime import UTC, datetime

    def ours(p: UnseenPassage) -> tuple[list, list]:  # type: ignore[type-arg]
        return find_directives(p.text), find_indicators(
            p.text, published_at=p.published_at, locality=p.locality or None
        )

    def naive(p: UnseenPassage) -> tuple[list, list]:  # type: ignore[type-arg]
        return naive_directives(p.text), naive_indicators(p.text, p.published_at, p.locality, dictionary)

    print("Unseen batches (tests/fixtures/detect/unseen; directives on canonical code, "
          "indicators on value + period)")
    for path in batch_files():
        name = path.stem
        if time.time() - path.stat().st_mtime < SETTLE_SECONDS:
            print(f"  {name}: changed in the last {SETTLE_SECONDS} s, still being written; not scored")
            continue
        passages = load_batch(path)
        our_d, our_i = score_batch(passages, ours)
        naive_d, naive_i = score_batch(passages, naive)
        current = {"portalwatch": figures(our_d, our_i), "naive": figures(naive_d, naive_i)}
        first = record_first_run(name, {
            **current, "passages": len(passages),
            "recorded_at": datetime.now(UTC).isoformat(timespec="seconds"),
        })
        print(f"  {name} ({len(passages)} passages; first run {first['recorded_at']})")
        for kind in ("directives", "indicators"):
            for who, label in (("portalwatch", "portalwatch"), ("naive", "naive regex")):
                was, now = first[who][kind], current[who][kind]
                print(f"    {kind:<10} {label:<11}  first P {was['precision']:5.3f} R {was['recall']:5.3f}"
                      f"   now P {now['precision']:5.3f} R {now['recall']:5.3f}"
                      f"  (tp {now['tp']}, fp {now['fp']}, fn {now['fn']})")
        if show_problems:
            for problem in our_d.problems + our_i.problems:
                print("    portalwatch:", problem)


def batch_files() -> list[Path]:
    """Every batchN.yaml of the unseen folder, in the order they were written (by N)."""
    found = [p for p in UNSEEN.glob("batch*.yaml") if p.stem[5:].isdigit()]
    return sorted(found, key=lambda p: int(p.stem[5:]))


def replay_section(dictionary: IndicatorDictionary, show_problems: bool) -> None:
    """The bundled portal replay: real-shaped HTML pages, annotated independently."""
    from parsers import parse_page

    articles = load_replay()
    keys = set(dictionary.keys())

    def ours(a: ReplayArticle) -> tuple[list, list]:  # type: ignore[type-arg]
        page = parse_page(a.html, a.url, locality=a.locality)
        return list(page.directives), list(page.indicators)

    def naive(a: ReplayArticle) -> tuple[list, list]:  # type: ignore[type-arg]
        page = parse_page(a.html, a.url, locality=a.locality)
        body = page.article.title + "\n\n" + page.article.text
        return naive_directives(body), naive_indicators(body, a.published_at, a.locality, dictionary)

    our_d, our_i = evaluate_replay(articles, ours, keys)
    naive_d, naive_i = evaluate_replay(articles, naive, keys)
    print(f"Replay pages ({len(articles)} articles, deployments/replay/expected.yaml)")
    print("  directives (canonical code)")
    print(line("portalwatch", our_d))
    print(line("naive regex", naive_d))
    print("  indicators (value, period, place; key where the dictionary has it)")
    print(line("portalwatch", our_i))
    print(line("naive regex", naive_i))
    if show_problems:
        for problem in our_d.problems + our_i.problems:
            print("  portalwatch:", problem)


if __name__ == "__main__":
    raise SystemExit(main())
