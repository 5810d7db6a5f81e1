"""Score ``lossdata.extract_claims`` against gold annotations.

    lossdata evaluate                        # the seeds against tests/gold/claims.csv
    lossdata evaluate --set devset --errors  # the development set, with every error
    lossdata evaluate --docs DIR --catalog CSV --gold DIR_OR_CSV   # your own documents
    lossdata evaluate --baseline --json metrics.json

A prediction matches a gold row with the same doc_id, category and value (a range
also on both bounds); among candidates the nearest by position wins, one-to-one,
greedily by distance. Gold rows marked ``optional=yes`` neither reward nor
penalise: a prediction matched to one is removed from both sides. The gold position
of a row is where its ``value_text`` stands inside its ``quote`` in the normalised
document (``lossdata.text.normalize``), which is where ``char_start`` points.

Exit status: 0 normally; 1 when a gold row cannot be located in its document;
2 on a usage problem (no gold file or devset, quantulum3 missing for ``--baseline``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import re
import sys
import time
import warnings
from collections.abc import Callable, Collection, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

import lossdata

from ._scoring import (
    ATTRIBUTES,
    BASELINE_KEYS,
    CLAIM_KEYS,
    GOLD_COLUMNS,
    DocumentSet,
    Matching,
    Scores,
    _as_text,
    _compared,
    _restrict,
    accuracy_by,
    attribute_accuracy,
    default_devset_dir,
    default_seed_gold,
    find_quote,
    load_catalog,
    load_devset,
    load_document_set,
    load_gold,
    load_seeds,
    locate_gold,
    match,
    number_positions,
    score,
    score_by_doc,
    total,
)
from .text import normalize

__all__ = [
    "ATTRIBUTES",
    "BASELINE_KEYS",
    "CLAIM_KEYS",
    "CONTRACT_CONFLICTS",
    "GOLD_COLUMNS",
    "REPORT_ATTRIBUTES",
    "DocumentSet",
    "Matching",
    "Report",
    "Scores",
    "Throughput",
    "accuracy_by",
    "attribute_accuracy",
    "evaluate",
    "extract_all",
    "find_quote",
    "format_attribute_errors",
    "format_attributes",
    "format_errors",
    "format_table",
    "groups",
    "import_quantulum",
    "known_conflicts",
    "load_catalog",
    "load_devset",
    "load_document_set",
    "load_gold",
    "load_seeds",
    "locate_gold",
    "main",
    "match",
    "number_positions",
    "print_report",
    "quantulum_quantities",
    "quantulum_version",
    "score",
    "score_by_doc",
    "time_passes",
    "total",
]

REPORT_ATTRIBUTES = (*ATTRIBUTES, "claim_date_any", "scope", "conflict")
SIDES = ("claimant_side", "subject_side")
SPLITS = ("document", "paragraph")
_LINE = re.compile(r"[^\n]+")
_NOTES = {"claim_date": "gold date_basis = text", "claim_date_any": "every gold date"}


# --------------------------------------------------------------------------- report


def _prefix(doc_id: str) -> str:
    return doc_id.split("_", 1)[0] + "_*" if "_" in doc_id else doc_id


def groups(doc_ids: Sequence[str]) -> dict[str, list[str]]:
    """Documents grouped by the prefix before the first "_" (``dK_*``, ``dX_*``).

    Empty unless it makes at least two groups and some group holds two documents.
    """
    out: dict[str, list[str]] = {}
    for d in doc_ids:
        out.setdefault(_prefix(d), []).append(d)
    return out if 1 < len(out) < len(doc_ids) else {}


@dataclass(frozen=True)
class Report:
    """The outcome of ``evaluate``: predictions, located gold, the matching and scores."""

    doc_ids: list[str]
    pred: pd.DataFrame
    gold: pd.DataFrame
    per_doc: dict[str, Scores]
    matching: Matching
    gold_errors: list[str]
    conflicts: dict[str, tuple[str, str]]  # doc_id -> (predicted, expected), where both known

    @property
    def overall(self) -> Scores:
        """Micro-averaged scores over every document."""
        return total(self.per_doc)

    @property
    def groups(self) -> dict[str, list[str]]:
        """The documents of each doc_id prefix (empty when that makes no useful split)."""
        return groups(self.doc_ids)

    def subtotals(self) -> dict[str, Scores]:
        """Micro-averaged scores of each prefix group."""
        return {k: total({d: self.per_doc[d] for d in v}) for k, v in self.groups.items()}

    def attributes(self, doc_ids: Sequence[str] | None = None) -> dict[str, tuple[int, int]]:
        """``attribute_accuracy`` of ``REPORT_ATTRIBUTES``, over ``doc_ids`` (default all).

        ``conflict`` is left out when the predictions have no such column.
        """
        m = self.matching if doc_ids is None else _restrict(self.matching, self.gold, set(doc_ids))
        names = [a for a in REPORT_ATTRIBUTES if a != "conflict" or "conflict" in self.pred]
        return attribute_accuracy(m, self.pred, self.gold, names)

    def claimant_by_basis(self) -> dict[str, tuple[int, int]]:
        """claimant_side accuracy by the predictions' ``claimant_basis`` (empty without it)."""
        return accuracy_by(self.matching, self.pred, self.gold)

    def attribute_errors(self) -> list[tuple[Hashable, Hashable, list[str]]]:
        """Matched required rows with a wrong claimant_side or subject_side, and which."""
        out = []
        for p, g in self.matching.pairs:
            wrong = [
                a for a in SIDES if (s := _compared(a, self.pred, self.gold, p, g)) and s[0] != s[1]
            ]
            if wrong:
                out.append((p, g, wrong))
        return out

    def as_dict(self) -> dict[str, object]:
        """The metrics, for JSON."""
        n_opt = int(self.gold["optional"].sum())
        correct = sum(a == b for a, b in self.conflicts.values())
        by_group = {"overall": self.attributes()}
        by_group.update({k: self.attributes(v) for k, v in self.groups.items()})
        return {
            "documents": self.doc_ids,
            "gold_rows": len(self.gold),
            "required": len(self.gold) - n_opt,
            "optional": n_opt,
            "predictions": len(self.pred),
            "gold_errors": self.gold_errors,
            "lossdata": self.overall.as_dict(),
            "subtotals": {k: s.as_dict() for k, s in self.subtotals().items()},
            "attributes": _accuracy_dict(by_group["overall"]),
            "attributes_by_group": {k: _accuracy_dict(v) for k, v in by_group.items()},
            "claimant_side_by_basis": _accuracy_dict(self.claimant_by_basis()),
            "conflict_documents": {
                "correct": correct,
                "compared": len(self.conflicts),
                "per_document": {
                    d: {"predicted": p, "expected": c} for d, (p, c) in self.conflicts.items()
                },
            },
            "per_document": {d: s.as_dict() for d, s in self.per_doc.items()},
        }


def _accuracy_dict(acc: Mapping[str, tuple[int, int]]) -> dict[str, dict[str, object]]:
    return {
        a: {"correct": c, "compared": n, "accuracy": round(c / n, 4) if n else None}
        for a, (c, n) in acc.items()
    }


Extractor = Callable[..., pd.DataFrame]
CONTRACT_CONFLICTS = ("armenia-azerbaijan", "russia-ukraine", "ethiopia-tigray")


def known_conflicts() -> set[str]:
    """The conflict profiles of the contract and of the installed package."""
    try:
        from .conflicts import list_conflicts

        return {*CONTRACT_CONFLICTS, *list_conflicts()}
    except (ImportError, OSError, ValueError):
        return set(CONTRACT_CONFLICTS)


def _metadata(catalog: pd.DataFrame) -> dict[str, tuple[dt.date | None, str | None, str]]:
    """doc_id -> (published, outlet, conflict) from a catalog; empty cells are None / ""."""
    out = {}
    for row in catalog.to_dict("records"):
        stamp = pd.to_datetime(_as_text(row.get("published")) or None, errors="coerce")
        published = None if pd.isna(stamp) else stamp.date()
        out[str(row["doc_id"])] = (
            published,
            _as_text(row.get("outlet")).strip() or None,
            _as_text(row.get("conflict")).strip(),
        )
    return out


def extract_all(
    texts: Mapping[str, str], catalog: pd.DataFrame, extract: Extractor | None = None
) -> pd.DataFrame:
    """Concatenated claims of every text, extracted with the catalog's published and outlet.

    The catalog's conflict is deliberately not passed: detecting it is measured.
    """
    extract = extract or lossdata.extract_claims
    meta = _metadata(catalog)
    frames = []
    for doc_id, text in texts.items():
        published, outlet, _ = meta.get(doc_id, (None, None, ""))
        frames.append(extract(text, doc_id=doc_id, published=published, outlet=outlet))
    frames = [f for f in frames if len(f)] or frames[:1]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=CLAIM_KEYS)


def evaluate(
    texts: Mapping[str, str],
    catalog: pd.DataFrame,
    gold: pd.DataFrame,
    *,
    extract: Extractor | None = None,
    pred: pd.DataFrame | None = None,
    max_distance: float | None = None,
    profiles: Collection[str] | None = None,
) -> Report:
    """Extract every text (raw or normalised) and score the claims against ``gold``.

    ``catalog`` has doc_id and optionally published, outlet and conflict; ``gold``
    is as ``load_gold`` reads it. ``extract`` (default ``lossdata.extract_claims``)
    is called as ``extract(text, doc_id=, published=, outlet=)``; pass ``pred`` to
    score predictions made elsewhere instead. Gold rows whose quote cannot be found
    are listed in ``Report.gold_errors`` and still count as misses. The catalog's
    conflict is the expected one where it names one of ``profiles`` (default
    ``known_conflicts()``), else ``unknown``, as the contract asks of the extractor.
    """
    doc_ids = list(texts)
    normalised = {d: normalize(t).text for d, t in texts.items()}
    located, errors = locate_gold(gold.reset_index(drop=True), normalised)
    meta = _metadata(catalog)
    profiles = known_conflicts() if profiles is None else set(profiles)

    def expected(doc_id: str) -> str:
        name = meta.get(doc_id, (None, None, ""))[2]
        return name if not name or name in profiles else "unknown"

    catalog_conflict = located["doc_id"].map(expected)
    if "conflict" in located.columns:
        own = located["conflict"].fillna("").astype(str).str.strip()
        located["conflict"] = own.where(own != "", catalog_conflict)
    else:
        located["conflict"] = catalog_conflict
    if pred is None:
        pred = extract_all(texts, catalog, extract)
    pred = pred.reset_index(drop=True)
    per_doc, m = score_by_doc(pred, located, doc_ids, max_distance=max_distance)
    conflicts = {}
    if "conflict" in pred.columns:
        for d in doc_ids:
            found = pred.loc[pred["doc_id"] == d, "conflict"].map(_as_text)
            if expected(d) and len(found):
                conflicts[d] = (str(found.mode().iloc[0]), expected(d))
    return Report(doc_ids, pred, located, per_doc, m, errors, conflicts)


# --------------------------------------------------------------------------- baseline


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


def _baseline(
    parse: Callable[[str], list], docset: DocumentSet, gold: pd.DataFrame, args: argparse.Namespace
) -> dict[str, object]:
    """Score quantulum3 and time both extractors; print the report, return the metrics."""
    texts, doc_ids = docset.texts, list(docset.texts)
    normalised = {d: normalize(t).text for d, t in texts.items()}
    parse("warm up: 3 tanks")  # loads quantulum3's unit tables outside the timing
    extract_all(dict(list(texts.items())[:1]), docset.catalog)  # and lossdata's lexicons
    split = args.baseline_split
    runs = {
        "lossdata": lambda: extract_all(texts, docset.catalog),
        "quantulum3": lambda: pd.concat(
            [quantulum_quantities(parse, d, normalised[d], split=split) for d in doc_ids],
            ignore_index=True,
        ),
    }
    first, seconds = time_passes(runs, repeat=args.repeat)
    qpred = first["quantulum3"]
    assert isinstance(qpred, pd.DataFrame)
    per_doc, _ = score_by_doc(
        qpred, gold, doc_ids, keys=BASELINE_KEYS, max_distance=args.max_distance
    )
    base = total(per_doc)
    chars = sum(len(t) for t in texts.values())
    speed = {name: Throughput(chars, s) for name, s in seconds.items()}
    q_cps = speed["quantulum3"].chars_per_second
    ratio = speed["lossdata"].chars_per_second / q_cps if q_cps else None

    print(f"\nbaseline: {quantulum_version()}, input split by {split}")
    print(f"integer-like quantities, match on doc_id + value only{_within(args.max_distance)}\n")
    print(
        format_table(
            per_doc,
            base,
            {k: total({d: per_doc[d] for d in v}) for k, v in groups(doc_ids).items()},
        )
    )
    print(f"\nthroughput on {chars:,} characters, best of {max(args.repeat, 1)} interleaved passes")
    for name, t in speed.items():
        passes = ", ".join(f"{s:.3f}" for s in t.seconds)
        print(f"  {name:<11} {t.chars_per_second:>14,.0f} chars/s  (passes: {passes} s)")
    print(f"  ratio lossdata/quantulum3: {ratio:.1f}" if ratio else "  ratio: -")
    return {
        "baseline": {
            "name": quantulum_version(),
            "split": split,
            "predictions": len(qpred),
            **base.as_dict(),
        },
        "throughput": {
            **{n: t.as_dict() for n, t in speed.items()},
            "ratio_lossdata_to_quantulum3": round(ratio, 2) if ratio else None,
        },
    }


# --------------------------------------------------------------------------- formatting


def _shorten(text: object, width: int = 100) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(
    per_doc: Mapping[str, Scores], overall: Scores, subtotals: Mapping[str, Scores] | None = None
) -> str:
    """An aligned text table: one line per document, per subtotal and an overall line."""
    head = ("doc_id", "gold", "pred", "opt", "tp", "fp", "fn", "precision", "recall", "f1")
    rows = [*per_doc.items(), *(subtotals or {}).items(), ("overall", overall)]
    width = max(len(head[0]), *(len(doc) for doc, _ in rows))
    fmt = f"{{:<{width}}} " + "{:>5} " * 6 + "{:>9} {:>7} {:>6}"
    lines = [fmt.format(*head)]
    for doc, s in rows:
        counts = (s.tp + s.fn, s.tp + s.fp + s.absorbed, s.absorbed, s.tp, s.fp, s.fn)
        rates = (f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}")
        lines.append(fmt.format(doc, *counts, *rates))
    return "\n".join(lines)


def format_attributes(
    columns: Mapping[str, Mapping[str, tuple[int, int]]], label: str = "attribute"
) -> str:
    """One line per attribute (``label``), a correct/compared accuracy column per group."""
    names = list(dict.fromkeys(a for acc in columns.values() for a in acc))
    lines = ["  " + f"{label:<16}" + "".join(f"{g:>20}" for g in columns)]
    for attr in names:
        cells = []
        for acc in columns.values():
            c, n = acc.get(attr, (0, 0))
            cells.append(f"{f'{c}/{n}':>12} {c / n:.3f}" if n else f"{f'{c}/{n}':>12}     -")
        note = f"  ({_NOTES[attr]})" if attr in _NOTES else ""
        lines.append(f"  {attr:<16}" + "".join(f"{cell:>20}" for cell in cells) + note)
    return "\n".join(lines)


def _where(value: object) -> str:
    return "?" if pd.isna(value) else str(value)


def format_errors(m: Matching, pred: pd.DataFrame, gold: pd.DataFrame) -> str:
    """Every false positive and false negative, one line each."""
    lines = [f"false positives ({len(m.false_positives)})"]
    for label in m.false_positives:
        r = pred.loc[label]
        lines.append(
            f"  FP {r['doc_id']} @{r['char_start']} {r['value']} {r['category']}: "
            f"{_shorten(r.get('quote', ''), 160)}"
        )
    lines.append(f"false negatives ({len(m.false_negatives)})")
    for label in m.false_negatives:
        r = gold.loc[label]
        lines.append(
            f"  FN {r['doc_id']} @{_where(r['position'])} {r['value']} {r['category']}: "
            f"{_shorten(r['quote'], 160)}"
        )
    return "\n".join(lines)


def format_attribute_errors(report: Report) -> str:
    """Matched rows with a wrong claimant_side or subject_side: predicted vs gold."""
    found = report.attribute_errors()
    lines = [f"side errors on matched rows ({len(found)})"]
    for p, g, wrong in found:
        r, pr = report.gold.loc[g], report.pred.loc[p]
        what = "; ".join(
            f"{a} {_as_text(pr[a])} (gold {r[a]}"
            + (f", claimant {r['claimant']!r})" if a == "claimant_side" else ")")
            for a in wrong
        )
        lines.append(
            f"  AE {r['doc_id']} @{_where(r['position'])} {r['value']} {r['category']}: {what}: "
            f"{_shorten(r['quote'], 120)}"
        )
    return "\n".join(lines)


def print_report(report: Report, *, name: str, max_distance: int | None) -> None:
    """The score tables and attribute accuracies, on standard output."""
    gold, n_opt = report.gold, int(report.gold["optional"].sum())
    print(
        f"lossdata {lossdata.__version__} on {name}, {len(report.doc_ids)} documents: "
        f"{len(gold)} gold rows ({len(gold) - n_opt} required, {n_opt} optional), "
        f"{len(report.pred)} predictions"
    )
    print(
        f"match on doc_id + category + value (or both bounds), nearest position"
        f"{_within(max_distance)}; opt = matched optional rows\n"
    )
    print(format_table(report.per_doc, report.overall, report.subtotals()))
    columns = {"overall": report.attributes()}
    columns.update({k: report.attributes(v) for k, v in report.groups.items()})
    print(f"\nattributes on {len(report.matching.pairs)} matched required rows")
    print(format_attributes(columns))
    basis = report.claimant_by_basis()
    if basis:
        print("\nclaimant_side by claimant_basis")
        print(format_attributes({"claimant_side": basis}, label="claimant_basis"))
    if report.conflicts:
        right = sum(a == b for a, b in report.conflicts.values())
        print(f"\nconflict detection: {right}/{len(report.conflicts)} documents")
        for d, (p, c) in report.conflicts.items():
            if p != c:
                print(f"  {d}: predicted {p or '(empty)'}, expected {c}")


def _within(max_distance: int | None) -> str:
    return "" if max_distance is None else f" within {max_distance} chars"


# --------------------------------------------------------------------------- main


def build_parser() -> argparse.ArgumentParser:
    """The command line of ``lossdata evaluate`` and ``scripts/evaluate.py``."""
    ap = argparse.ArgumentParser(prog="lossdata evaluate", description=__doc__.split("\n\n")[0])
    add = ap.add_argument
    add("--set", choices=("seeds", "devset"), default="seeds", help="documents to score")
    add(
        "--devset-dir",
        type=Path,
        help="devset folder (default: $LOSSDATA_DEVSET, ../shared/devset)",
    )
    add("--docs", type=Path, metavar="DIR", help="your own folder of <doc_id>.txt files")
    add(
        "--catalog",
        type=Path,
        action="append",
        metavar="CSV",
        help="catalog of --docs (repeatable)",
    )
    add("--gold", type=Path, help="gold CSV or folder of CSVs (default: the set's own)")
    add(
        "--doc",
        action="append",
        dest="only",
        metavar="DOC_ID",
        help="this document only (repeatable)",
    )
    add("--errors", action="store_true", help="list every false positive and false negative")
    add("--attribute-errors", action="store_true", help="list matched rows with a wrong side")
    add("--baseline", action="store_true", help="also score quantulum3 and compare speed")
    add("--baseline-split", choices=SPLITS, default="document", help="quantulum3 input")
    add("--repeat", type=int, default=3, help="timed passes of each extractor for --baseline")
    add("--max-distance", type=int, metavar="CHARS", help="match only numbers this close")
    add("--json", type=Path, metavar="PATH", help="write the metrics here")
    return ap


def load_set(args: argparse.Namespace) -> DocumentSet:
    """The document set the arguments name (``FileNotFoundError`` / ``ValueError`` if bad)."""
    if args.gold is not None and not args.gold.exists():
        raise FileNotFoundError(f"gold file not found: {args.gold}")
    if args.docs is not None:
        if args.gold is None:
            raise ValueError("--docs needs --gold (a CSV or a folder of CSVs)")
        return load_document_set(args.docs, args.catalog or [], args.gold, name=str(args.docs))
    if args.set == "devset":
        found = load_devset(args.devset_dir or default_devset_dir())
        return (
            found
            if args.gold is None
            else DocumentSet(found.name, found.texts, found.catalog, load_gold(args.gold))
        )
    gold = args.gold or default_seed_gold()
    if not gold.is_file():
        raise FileNotFoundError(f"gold file not found: {gold}")
    return load_seeds(gold)


def main(argv: Sequence[str] | None = None) -> int:
    """Evaluate, print the report, optionally write JSON; return the exit status."""
    args = build_parser().parse_args(argv)
    parse = None
    if args.baseline:
        try:
            parse = import_quantulum().parse
        except ImportError:
            print(
                '--baseline needs quantulum3, which is not installed: pip install ".[eval]"',
                file=sys.stderr,
            )
            return 2
    try:
        docset = load_set(args).select(args.only)
    except (FileNotFoundError, KeyError, ValueError) as exc:
        print(f"error: {exc.args[0]}", file=sys.stderr)
        return 2

    report = evaluate(docset.texts, docset.catalog, docset.gold, max_distance=args.max_distance)
    for message in report.gold_errors:
        print(f"ERROR: {message}", file=sys.stderr)
    print_report(report, name=docset.name, max_distance=args.max_distance)
    if args.errors:
        print()
        print(format_errors(report.matching, report.pred, report.gold))
    if args.attribute_errors:
        print()
        print(format_attribute_errors(report))
    metrics = {"set": docset.name, "max_distance": args.max_distance, **report.as_dict()}
    if parse is not None:
        metrics.update(_baseline(parse, docset, report.gold, args))
    if args.json:
        args.json.write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    return 1 if report.gold_errors else 0
