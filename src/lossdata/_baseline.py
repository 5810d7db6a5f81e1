"""The quantulum3 baseline: its quantities in a document, and timed passes of extractors.

``lossdata.evaluation`` re-exports the public names; ``lossdata evaluate --baseline``
uses them.
"""

from __future__ import annotations

import math
import re
import time
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import pandas as pd

__all__ = [
    "SPLITS",
    "Throughput",
    "import_quantulum",
    "quantulum_quantities",
    "quantulum_version",
    "time_passes",
]

SPLITS = ("document", "paragraph")
_LINE = re.compile(r"[^\n]+")


def import_quantulum() -> object:
    """quantulum3's parser module, imported quietly; ``ImportError`` when not installed."""
    with warnings.catch_warnings():
        # Without scikit-learn it warns that it falls back to its non-classifier mode.
        warnings.simplefilter("ignore")
        from quantulum3 import parser
    return parser


def quantulum_version() -> str:
    """quantulum3's version and whether it runs with its classifier."""
    from importlib.metadata import version

    from quantulum3 import classifier

    mode = "classifier" if classifier.USE_CLF else "no classifier (scikit-learn not installed)"
    return f"quantulum3 {version('quantulum3')}, {mode}"


def quantulum_quantities(
    parse: Callable[[str], list], doc_id: str, text: str, *, split: str = "document"
) -> pd.DataFrame:
    """Integer-like quantities quantulum3 finds in ``text`` (doc_id, value, char_start, ...).

    ``split="paragraph"`` parses line by line (quantulum3's cost grows faster than
    linearly with the length of its input); offsets are into ``text`` either way.
    """
    lines = [(m.start(), m.group()) for m in _LINE.finditer(text)]
    rows = []
    for offset, piece in [(0, text)] if split == "document" else lines:
        for q in parse(piece):
            v = q.value
            if isinstance(v, (int, float)) and math.isfinite(v) and v == int(v):
                start = offset + q.span[0]
                rows.append((doc_id, int(v), q.surface, start, q.unit.name))
    columns = ["doc_id", "value", "value_text", "char_start", "category"]
    return pd.DataFrame(rows, columns=columns).astype({"value": "int64", "char_start": "int64"})


@dataclass(frozen=True)
class Throughput:
    """Seconds taken by each full pass of one extractor over the same texts."""

    chars: int
    seconds: list[float] = field(default_factory=list)

    @property
    def chars_per_second(self) -> float:
        """Characters per second of the fastest pass (the least disturbed by the machine)."""
        return self.chars / min(self.seconds) if self.seconds and min(self.seconds) > 0 else 0.0

    def as_dict(self) -> dict[str, object]:
        """Rounded figures, for JSON."""
        seconds = [round(s, 4) for s in self.seconds]
        return {
            "chars": self.chars,
            "seconds": seconds,
            "chars_per_second": round(self.chars_per_second, 1),
        }


def time_passes(
    runs: Mapping[str, Callable[[], object]], *, repeat: int = 3
) -> tuple[dict[str, object], dict[str, list[float]]]:
    """Run each pass ``repeat`` times, interleaved so drift hits all alike.

    Returns the first pass's result and the seconds of every pass, by name.
    """
    first: dict[str, object] = {}
    seconds: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(max(repeat, 1)):
        for name, run in runs.items():
            start = time.perf_counter()
            result = run()
            seconds[name].append(time.perf_counter() - start)
            first.setdefault(name, result)
    return first, seconds
