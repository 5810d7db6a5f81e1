"""Speed and memory of lossdata, measured in one run, with quantulum3 as the baseline.

    python scripts/bench.py                 # everything (the 100 MB corpus takes minutes)
    python scripts/bench.py --quick         # 1 MB and 10 MB corpora instead of 10 and 100

Prints a Markdown report:
- characters per second of ``lossdata.extract_corpus`` (one process) and of quantulum3's
  ``parser.parse`` on whole documents: the seeds, the three shortest seeds, the devset;
- the per-document overhead: short documents with no figure, through ``extract_corpus``
  (validated once per batch) and through ``extract_claims`` (validated per document);
- start-up: ``lossdata --help`` and ``lossdata --version``, against ``python -c pass``;
- the command line on a generated JSONL corpus: ``--jobs 1`` against ``--jobs 2``, and
  the peak memory (max RSS) of ``lossdata extract`` on the small and the large corpus.

Every timing is the fastest of several runs, and every figure that matters is also given
as a ratio against a baseline measured in the same run, because the machine is noisy.
The number-dense and other hostile inputs are timed by ``scripts/bench_adversarial.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from lossdata import extract_claims
from lossdata.corpus import extract_corpus
from lossdata.evaluation import DocumentSet, load_devset, load_seeds

MB = 1024 * 1024


def best_of(func: Callable[[], object], *, runs: int = 3, budget: float = 20.0) -> float:
    """The fastest of ``runs`` calls (fewer if they overrun ``budget`` seconds)."""
    best, start = float("inf"), time.perf_counter()
    for i in range(runs):
        t0 = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - t0)
        if i and time.perf_counter() - start > budget:
            break
    return best


def _records(docs: DocumentSet, ids: list[str] | None = None) -> list[tuple[str, dict]]:
    catalog = docs.catalog.set_index("doc_id")
    out = []
    for doc_id in ids or list(docs.texts):
        published = str(catalog.at[doc_id, "published"] or "") or None
        out.append((docs.texts[doc_id], {"doc_id": doc_id, "published": published}))
    return out


def throughput(name: str, records: list[tuple[str, dict]], quantulum) -> list[str]:
    chars = sum(len(text) for text, _ in records)
    ours = best_of(lambda: extract_corpus(records, jobs=1))
    row = [name, f"{len(records)}", f"{chars:,}", f"{chars / ours:,.0f}"]
    if quantulum is None:
        return [*row, "-", "-"]
    theirs = best_of(lambda: [quantulum.parse(text) for text, _ in records], runs=2)
    return [*row, f"{chars / theirs:,.0f}", f"{theirs / ours:.1f}x"]


def overhead(n: int = 2000) -> list[list[str]]:
    docs = [f"Item {i}: nothing was reported." for i in range(n)]  # no figure, no claim
    extract_corpus(docs[:10])  # warm: lexicons and the schema load once
    batched = best_of(lambda: extract_corpus(docs, jobs=1)) / n
    single = best_of(lambda: [extract_claims(d) for d in docs[:300]]) / 300
    return [
        ["extract_corpus (validated per batch)", f"{batched * 1e3:.3f}"],
        ["extract_claims per document (validated each)", f"{single * 1e3:.3f}"],
    ]


def _command(args: list[str]) -> list[str]:
    return [sys.executable, "-m", "lossdata", *args]


def _run(args: list[str]) -> tuple[float, int]:
    """Seconds and peak RSS (bytes) of one command run to completion."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode:
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}): {err.strip()[:300]}")
    return seconds, usage.ru_maxrss * 1024  # ru_maxrss is in KiB on Linux


def startup() -> list[list[str]]:
    def fastest(args: list[str]) -> float:
        return min(_run(args)[0] for _ in range(5))

    base = fastest([sys.executable, "-c", "pass"])
    rows = [["python -c pass (baseline)", f"{base:.3f}", "1.0"]]
    for flag in ("--help", "--version"):
        t = fastest(_command([flag]))
        rows.append([f"lossdata {flag}", f"{t:.3f}", f"{t / base:.1f}"])
    return rows


def make_corpus(path: Path, size: int, seeds: DocumentSet) -> int:
    """A JSONL corpus of about ``size`` characters: the seeds, over and over, as documents."""
    records = _records(seeds)
    written = n = 0
    with path.open("w", encoding="utf-8") as fh:
        while written < size:
            text, meta = records[n % len(records)]
            fh.write(json.dumps({"text": text, **meta, "doc_id": f"doc{n}"}) + "\n")
            written += len(text)
            n += 1
    return written


def corpus_runs(sizes: tuple[int, int], seeds: DocumentSet) -> tuple[list[list[str]], float]:
    rows: list[list[str]] = []
    rss: dict[int, int] = {}
    speedup = float("nan")
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            path = Path(tmp) / f"corpus_{size // MB}MB.jsonl"
            chars = make_corpus(path, size, seeds)
            out = ["-o", os.devnull, "--quiet", "--format", "csv"]
            t1, rss1 = _run(_command(["extract", str(path), *out, "--jobs", "1"]))
            rss[size] = rss1
            row = [f"{size // MB} MB", f"{chars:,}", f"{t1:.1f}", f"{chars / t1:,.0f}"]
            if size == sizes[0]:
                t2, _ = _run(_command(["extract", str(path), *out, "--jobs", "2"]))
                speedup = t1 / t2
                row += [f"{t2:.1f}", f"{speedup:.2f}x"]
            else:
                row += ["-", "-"]
            rows.append([*row, f"{rss1 / MB:.0f}"])
    growth = (rss[sizes[1]] - rss[sizes[0]]) / MB
    rows.append(["peak memory growth", "", "", "", "", "", f"{growth:+.0f}"])
    return rows, speedup


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="1 MB and 10 MB corpora")
    p.add_argument("--no-corpus", action="store_true", help="skip the command-line runs")
    args = p.parse_args(argv)
    try:
        from quantulum3 import parser as quantulum
    except ImportError:
        quantulum = None
        print("quantulum3 is not installed (pip install '.[eval]'): no baseline column\n")
    seeds = load_seeds()
    seed_records = _records(seeds)
    extract_corpus(seed_records[:1])  # warm: lexicons, profiles and the schema load once
    if quantulum is not None:
        quantulum.parse("warm up 3 soldiers")
    shortest = sorted(seed_records, key=lambda r: len(r[0]))[:3]
    rows = [
        throughput("seeds", seed_records, quantulum),
        throughput("3 shortest seeds", shortest, quantulum),
    ]
    try:
        rows.append(throughput("devset", _records(load_devset()), quantulum))
    except FileNotFoundError as exc:
        print(f"devset skipped: {exc}\n")
    print("## Throughput, one process (characters per second)\n")
    header = ["documents", "n", "chars", "lossdata", "quantulum3", "lossdata / quantulum3"]
    print(table(header, rows) + "\n")
    print("## Per-document overhead (ms per document with no figure)\n")
    print(table(["path", "ms"], overhead()) + "\n")
    print("## Start-up (seconds, fastest of 5)\n")
    print(table(["command", "s", "ratio"], startup()) + "\n")
    if not args.no_corpus:
        sizes = (1 * MB, 10 * MB) if args.quick else (10 * MB, 100 * MB)
        print("## lossdata extract on a generated JSONL corpus\n")
        header = [
            "corpus",
            "chars",
            "--jobs 1 s",
            "chars/s",
            "--jobs 2 s",
            "speed-up",
            "max RSS MB",
        ]
        rows, _ = corpus_runs(sizes, seeds)
        print(table(header, rows) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
