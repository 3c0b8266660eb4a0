"""Near-duplicate benchmark: portalwatch (SQLite, LSH bands in SQL) against datasketch's
in-memory MinHashLSH, on one generated corpus, in one run.

    .venv/bin/python -m bench.dedup.run            # 100,000 articles (about 10 minutes)
    .venv/bin/python -m bench.dedup.run --n 5000   # a quick run

Each system runs in its own process (so its peak memory is its own), one after the other (so
neither slows the other). Reports pair precision/recall/F1, articles per second, time per
article with 1k-6k articles stored against the last five batches (wall and CPU), and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.dedup.corpus import generate
from bench.dedup.score import Scores, Truth, score
from bench.dedup.systems import run_system


def write_corpus(n: int, seed: int, path: Path) -> Truth:
    cluster: dict[int, int] = {}
    kind: dict[int, str] = {}
    with path.open("w", encoding="utf-8") as out:
        for item in generate(n, seed):
            cluster[item.key], kind[item.key] = item.cluster, item.kind
            row = {"key": item.key, "portal": item.portal, "url": item.url, "title": item.title,
                   "text": item.text}  # fmt: skip
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return Truth(cluster, kind)


def run_child(name: str, corpus: Path, workdir: Path, batch: int) -> dict[str, Any]:
    out = workdir / f"{name}.json"
    ctx = multiprocessing.get_context("spawn")
    child = ctx.Process(target=run_system, args=(name, str(corpus), str(workdir), batch, str(out)))
    child.start()
    child.join()
    if child.exitcode != 0:
        raise SystemExit(f"{name} failed with exit code {child.exitcode}")
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    result["roots"] = {int(k): int(v) for k, v in result["roots"].items()}
    return result


def _per_article_ms(timings: list[list[float]], batch: int, column: int) -> float:
    return 1000 * statistics.median(t[column] for t in timings) / batch


def summarise(n: int, batch: int, result: dict[str, Any], scores: Scores) -> dict[str, Any]:
    """Scores, throughput, and time per article early (1k–6k stored) against the last batches.

    Medians over five batches on each side, wall and CPU: the machine is shared, and CPU time
    is what tells growth with the corpus from a neighbour's load."""
    timings = result["timings"][: n // batch]  # whole batches only
    window = max(1, min(5, (len(timings) - 1) // 2))
    early, late = timings[1 : 1 + window] or timings[:1], timings[-window:]
    out: dict[str, Any] = {
        "precision": round(scores.precision, 4),
        "recall": round(scores.recall, 4),
        "f1": round(scores.f1, 4),
        "copies_linked": round(scores.copies_linked, 4),
        "decoys_linked": scores.decoys_linked,
        "articles_per_s": round(n / sum(t[0] for t in result["timings"]), 1),
        "articles_per_cpu_s": round(n / sum(t[1] for t in result["timings"]), 1),
    }
    for column, name in ((0, "wall"), (1, "cpu")):
        at_start, at_end = (_per_article_ms(w, batch, column) for w in (early, late))
        out[f"{name}_ms_per_article_at_1k"] = round(at_start, 3)
        out[f"{name}_ms_per_article_at_end"] = round(at_end, 3)
        out[f"{name}_growth"] = round(at_end / at_start, 3)
    out["peak_rss_mb"] = round(result["peak_rss_mb"], 1)
    out["rss_growth_mb"] = round(result["peak_rss_mb"] - result["baseline_rss_mb"], 1)
    out["peak_anon_mb"] = round(result["peak_anon_mb"], 1)  # private memory, sampled per batch
    if "db_mb" in result:
        out["db_mb"] = round(result["db_mb"], 1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="articles to generate")
    parser.add_argument("--batch", type=int, default=1000, help="articles per transaction")
    parser.add_argument("--seed", type=int, default=20250701)
    parser.add_argument("--out", type=Path, default=Path("bench/results/dedup.json"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pw-bench-dedup-") as tmp:
        workdir = Path(tmp)
        began = time.perf_counter()
        truth = write_corpus(args.n, args.seed, workdir / "corpus.jsonl")
        print(f"corpus: {args.n} articles, {time.perf_counter() - began:.1f} s")
        report: dict[str, Any] = {"n": args.n, "batch": args.batch, "seed": args.seed}
        for name in ("portalwatch", "datasketch"):
            result = run_child(name, workdir / "corpus.jsonl", workdir, args.batch)
            report[name] = summarise(args.n, args.batch, result, score(truth, result["roots"]))
            print(name, json.dumps(report[name]))
    pw, ds = report["portalwatch"], report["datasketch"]
    report["ratio_speed_portalwatch_over_datasketch"] = round(
        pw["articles_per_s"] / ds["articles_per_s"], 3
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(f"written {args.out}")


if __name__ == "__main__":
    main()
