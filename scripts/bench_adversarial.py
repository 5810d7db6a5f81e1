"""Time adversarial inputs at n, 10n and 100n characters: does any family scale badly?

    python scripts/bench_adversarial.py [--n 1000] [--cap 60] [--only normalize|extract]

For each family of hostile text (one long line of mojibake, number-dense text,
deep brackets, ...) and for ``lossdata.text.normalize`` alone and for
``lossdata.extract_claims``, prints the seconds per call, characters per second,
and the ratios t(10n)/t(n) and t(100n)/t(10n): linear work gives ratios near 10.
Normal prose (the seed texts) is the baseline. A family that takes longer than
``--cap`` seconds in all is stopped and reported as "> cap".
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

from lossdata import extract_claims
from lossdata.text import normalize

ROOT = Path(__file__).resolve().parents[1]


def _repeat(unit: str, size: int, tail: str = "") -> str:
    body = (unit * (size // len(unit) + 1))[: max(size - len(tail), 0)]
    return body + tail


def _brackets(size: int) -> str:
    k = max(size - 20, 0) // 2
    return "(" * k + "5 soldiers killed." + ")" * k


def _prose(size: int) -> str:
    seeds = "\n\n".join(p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    return _repeat(seeds, size)


FAMILIES: dict[str, Callable[[int], str]] = {
    "prose (seeds, baseline)": _prose,
    "one-line mojibake": lambda n: _repeat("The minister\u00e2\u20ac\u2122s word was new. ", n),
    "&amp; + \u00fc one line": lambda n: _repeat("Tom &amp; Jerry met in M\u00fcnchen. ", n),
    "killed 1 killed 1 ...": lambda n: _repeat("killed 1 ", n),
    "1 1 1 ... soldiers killed": lambda n: _repeat("1 ", n, " soldiers killed."),
    "one hundred and ... killed": lambda n: _repeat("one hundred and ", n, "killed."),
    "nested brackets": _brackets,
    "digits with commas 1,1,1,...": lambda n: _repeat("1,", n, "1 killed."),
    "one long word": lambda n: _repeat("a", n, " 5 killed."),
    "bullet lines": lambda n: _repeat("\u2022 3 soldiers killed\n", n),
    "pipe table rows": lambda n: _repeat("| 3 killed | 5 wounded |\n", n),
    "zero-width in numbers": lambda n: _repeat("1\u200b20 soldiers killed. ", n),
}
FUNCTIONS: dict[str, Callable[[str], object]] = {
    "normalize": normalize,
    "extract": lambda text: extract_claims(text, doc_id="bench", published="2020-10-28"),
}


class _Cap(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Cap


def _time(func: Callable[[str], object], text: str, budget: float) -> float:
    """Seconds per call: the fastest of at least three calls (more for short inputs, up to
    0.5 s), so that a busy moment of the machine does not count; raises _Cap."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, max(budget, 0.001))
    try:
        best, runs, start = float("inf"), 0, time.perf_counter()
        while True:
            t0 = time.perf_counter()
            func(text)
            best = min(best, time.perf_counter() - t0)
            runs += 1
            if runs >= 3 and (time.perf_counter() - start >= 0.5 or runs >= 50):
                return best
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def bench(
    name: str, make: Callable[[int], str], func: Callable[[str], object], n: int, cap: float
) -> list[str]:
    """One row of the table: times at n, 10n, 100n, chars/s at 100n and the two ratios."""
    times: list[float | None] = []
    start = time.perf_counter()
    for size in (n, 10 * n, 100 * n):
        text = make(size)
        try:
            times.append(_time(func, text, cap - (time.perf_counter() - start)))
        except _Cap:
            times.append(None)
            break
        except Exception as exc:  # a crash is a finding too: report it, go on
            return [name, f"error: {type(exc).__name__}: {exc}"[:80], "", "", "-", "-", "-"]
    cells = [f"{t:.4f}" if t is not None else f"> cap {cap:.0f}" for t in times]
    cells += [""] * (3 - len(cells))
    last = max((i for i, t in enumerate(times) if t is not None), default=None)
    rate = f"{len(make(n * 10**last)) / times[last]:,.0f}" if last is not None else "-"
    ratios = [
        f"{b / a:.1f}" if a and b else "-" for a, b in zip(times, times[1:], strict=False)
    ] + [""] * 2
    return [name, cells[0], cells[1], cells[2], rate, ratios[0], ratios[1]]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, default=1000, help="the smallest size, in characters")
    p.add_argument("--cap", type=float, default=60.0, help="seconds per family and function")
    p.add_argument("--only", choices=sorted(FUNCTIONS), default=None)
    args = p.parse_args(argv)
    header = [
        "family",
        f"t({args.n})",
        f"t({10 * args.n})",
        f"t({100 * args.n})",
        "chars/s (largest)",
        "t10n/tn",
        "t100n/t10n",
    ]
    for fname, func in FUNCTIONS.items():
        if args.only and fname != args.only:
            continue
        func("Warm-up: the lexicons load once, 3 soldiers were killed.")
        print(f"\n## {fname} (seconds per call)\n")
        print("| " + " | ".join(header) + " |")
        print("|" + " --- |" * len(header))
        for name, make in FAMILIES.items():
            row = bench(name, make, func, args.n, args.cap)
            print("| " + " | ".join(row) + " |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
