"""The two systems under test, each run in its own process over the same corpus file.

- portalwatch: `storage.articles.upsert_article` on a SQLite file, one transaction per batch:
  the path the ingestion flow takes (canonical URL, content hash, MinHash, LSH bands in SQL).
- datasketch: `MinHashLSH` in memory over the same word 5-shingles, 128 permutations, the
  same Jaccard threshold, candidates verified by estimated Jaccard, the earliest match's root.

Each returns the predicted root of every item and its timings; run.py scores them.
"""

from __future__ import annotations

import json
import resource
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

Result = dict[str, Any]


def peak_rss_mb() -> float:
    """Peak resident memory of this process (Linux reports KiB), file-backed pages included."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def anon_rss_mb() -> float:
    """Private (anonymous) resident memory now: the heap, without the pages of a memory-mapped
    database file, which the OS shares between processes and reclaims at will."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("RssAnon:"):
                return int(line.split()[1]) / 1024
    return 0.0


def read_batches(path: Path, size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            batch.append(json.loads(line))
            if len(batch) == size:
                yield batch
                batch = []
    if batch:
        yield batch


def run_portalwatch(corpus: Path, workdir: Path, batch_size: int) -> Result:
    import parsers
    from storage.articles import upsert_article
    from storage.db import open_database, session_scope
    from storage.models import Portal

    db = workdir / "bench-dedup.db"
    db.unlink(missing_ok=True)
    engine = open_database(f"sqlite:///{db}")
    with session_scope(engine) as session:
        session.add_all(Portal(id=f"p{i:02d}", name=f"Cổng {i}") for i in range(100))
    start = datetime(2024, 1, 1, tzinfo=UTC)
    baseline, anon_peak = peak_rss_mb(), anon_rss_mb()
    id_to_key: dict[int, int] = {}
    roots: dict[int, int] = {}
    timings: list[tuple[float, float]] = []  # per batch: wall seconds, CPU seconds
    for batch in read_batches(corpus, batch_size):
        articles = [parsers.Article(url=i["url"], title=i["title"], text=i["text"]) for i in batch]
        began, cpu = time.perf_counter(), time.process_time()
        with session_scope(engine) as session:
            for item, article in zip(batch, articles, strict=True):
                outcome = upsert_article(
                    session, portal_id=item["portal"], url=item["url"], article=article,
                    now=start + timedelta(seconds=item["key"]),
                )  # fmt: skip
                assert outcome.article.id is not None
                id_to_key[outcome.article.id] = item["key"]
                if outcome.duplicate_of is not None:
                    roots[item["key"]] = id_to_key[outcome.duplicate_of]
        timings.append((time.perf_counter() - began, time.process_time() - cpu))
        anon_peak = max(anon_peak, anon_rss_mb())
    engine.dispose()
    return {
        "roots": roots,
        "timings": timings,
        "peak_rss_mb": peak_rss_mb(),
        "baseline_rss_mb": baseline,
        "peak_anon_mb": anon_peak,
        "db_mb": db.stat().st_size / 2**20,
    }


def run_datasketch(corpus: Path, workdir: Path, batch_size: int) -> Result:
    from datasketch import LeanMinHash, MinHash, MinHashLSH

    from core.text import words
    from dedup import JACCARD_THRESHOLD, PERMUTATIONS, shingles

    lsh = MinHashLSH(threshold=JACCARD_THRESHOLD, num_perm=PERMUTATIONS)
    signatures: dict[int, LeanMinHash] = {}
    roots: dict[int, int] = {}
    timings: list[tuple[float, float]] = []  # per batch: wall seconds, CPU seconds
    baseline, anon_peak = peak_rss_mb(), anon_rss_mb()
    for batch in read_batches(corpus, batch_size):
        began, cpu = time.perf_counter(), time.process_time()
        for item in batch:
            mh = MinHash(num_perm=PERMUTATIONS)
            mh.update_batch([s.encode("utf-8") for s in shingles(words(item["text"]))])
            lean = LeanMinHash(mh)
            matches = [
                key for key in lsh.query(lean) if signatures[key].jaccard(lean) >= JACCARD_THRESHOLD
            ]
            if matches:
                first = min(matches)  # keys follow arrival order: the earliest seen
                roots[item["key"]] = roots.get(first, first)
            lsh.insert(item["key"], lean, check_duplication=False)
            signatures[item["key"]] = lean
        timings.append((time.perf_counter() - began, time.process_time() - cpu))
        anon_peak = max(anon_peak, anon_rss_mb())
    return {
        "roots": roots,
        "timings": timings,
        "peak_rss_mb": peak_rss_mb(),
        "baseline_rss_mb": baseline,
        "peak_anon_mb": anon_peak,
    }


SYSTEMS = {"portalwatch": run_portalwatch, "datasketch": run_datasketch}


def run_system(name: str, corpus: str, workdir: str, batch_size: int, out: str) -> None:
    """Entry point of a child process: run one system, write its result as JSON."""
    result = SYSTEMS[name](Path(corpus), Path(workdir), batch_size)
    Path(out).write_text(json.dumps(result), encoding="utf-8")
