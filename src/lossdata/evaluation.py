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
import sys
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path

import pandas as pd

import lossdata

from ._baseline import (
    SPLITS,
    Throughput,
    import_quantulum,
    quantulum_quantities,
    quantulum_version,
    time_passes,
)
from ._gold import (
    GOLD_COLUMNS,
    DocumentSet,
    default_devset_dir,
    default_seed_gold,
    find_quote,
    load_catalog,
    load_devset,
    load_document_set,
    load_gold,
    load_seeds,
    locate_gold,
    number_positions,
)
from ._report import (
    REPORT_ATTRIBUTES,
    Report,
    _within,
    format_attribute_errors,
    format_attributes,
    format_errors,
    format_table,
    groups,
    print_report,
)
from ._report import SIDES as SIDES  # importable from here as before; not in __all__
from ._scoring import (
    ATTRIBUTES,
    BASELINE_KEYS,
    CLAIM_KEYS,
    Matching,
    Scores,
    _as_text,
    accuracy_by,
    attribute_accuracy,
    match,
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


def _run_baseline(
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
        metrics.update(_run_baseline(parse, docset, report.gold, args))
    if args.json:
        args.json.write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    return 1 if report.gold_errors else 0
