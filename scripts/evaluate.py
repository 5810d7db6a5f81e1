"""Score ``lossdata.extract_claims`` against the gold annotation of the seeds.

    python scripts/evaluate.py                    # precision, recall, F1, attribute accuracy
    python scripts/evaluate.py --errors           # also list every false positive and negative
    python scripts/evaluate.py --baseline         # also score quantulum3 and compare speed
    python scripts/evaluate.py --json metrics.json

A prediction matches a gold row with the same doc_id, category and value; among
candidates the nearest by position wins, one-to-one, greedily by distance. Gold
rows marked ``optional=yes`` neither reward nor penalise: a prediction matched to
one is removed from both sides. The gold position of a row is where its
``value_text`` stands inside its ``quote`` in the normalised document.

Exit status: 0 normally; 1 when a gold row cannot be located in its document;
2 on a usage problem (no gold file, quantulum3 not installed for ``--baseline``).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
import warnings
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

import lossdata
from lossdata.schema import empty_claims

DEFAULT_GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold" / "claims.csv"
GOLD_COLUMNS = (
    "doc_id", "quote", "value_text", "value", "value_low", "value_high", "qualifier",
    "category", "status", "subject", "subject_side", "population", "claimant",
    "claimant_side", "claim_date", "date_basis", "scope", "optional", "note",
)
CLAIM_KEYS = ("doc_id", "category", "value")
BASELINE_KEYS = ("doc_id", "value")
ATTRIBUTES = ("claimant_side", "subject_side", "population", "qualifier", "claim_date")
SPLITS = ("document", "paragraph")
_LINE = re.compile(r"[^\n]+")


# --------------------------------------------------------------------------- gold


def load_gold(path: str | Path) -> pd.DataFrame:
    """Read the gold CSV: strings everywhere, ``value`` as int, ``optional`` as bool.

    Raises ``ValueError`` naming the rows with a missing column, a non-integer value
    or an ``optional`` other than yes/no.
    """
    gold = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in GOLD_COLUMNS if c not in gold.columns]
    if missing:
        raise ValueError(f"{path}: missing columns: {', '.join(missing)}")
    problems = []
    for col in ("value", "value_low", "value_high"):
        text = gold[col].str.strip()
        bad = ~text.str.fullmatch(r"\d+") & ((col == "value") | (text != ""))
        problems += [f"row {i + 2}: {col} {v!r} is not a whole number"
                     for i, v in text[bad].items()]
    optional = gold["optional"].str.strip().str.lower()
    problems += [f"row {i + 2}: optional {v!r} is not yes/no"
                 for i, v in optional[~optional.isin(["yes", "no"])].items()]
    if problems:
        raise ValueError(f"{path}: " + "; ".join(problems))
    gold["value"] = gold["value"].astype("int64")
    for col in ("value_low", "value_high"):
        gold[col] = pd.to_numeric(gold[col].replace("", None)).astype("Int64")
    gold["optional"] = optional.eq("yes")
    return gold.reset_index(drop=True)


def locate_gold(gold: pd.DataFrame, texts: Mapping[str, str]) -> tuple[pd.DataFrame, list[str]]:
    """Add ``quote_start`` and ``position`` (of the number) to ``gold``; list the rows not found.

    ``position`` is where ``value_text`` stands inside the quote as a whole number
    ("25" is not found inside "250"), else the quote's start. When several rows share
    a quote and a ``value_text`` ("one ..., one ..."), the k-th of them in file order
    takes the k-th occurrence. Both are NA when the quote is not in the document;
    rows with an unknown doc_id or a quote missing from the text are reported, not dropped.
    """
    starts: list[int | None] = []
    positions: list[int | None] = []
    errors = []
    seen: dict[tuple[str, str, str], int] = {}
    for i, row in gold.iterrows():
        text = texts.get(row["doc_id"])
        start = -1 if text is None or not row["quote"] else text.find(row["quote"])
        if start < 0:
            why = "unknown doc_id" if text is None else "quote not found in the normalised text"
            errors.append(f"gold row {i + 2} ({row['doc_id']}, {row['value_text']!r}): "
                          f"{why}: {_shorten(row['quote'])!r}")
            starts.append(None)
            positions.append(None)
            continue
        key = (row["doc_id"], row["quote"], row["value_text"])
        nth = seen[key] = seen.get(key, -1) + 1
        found = number_positions(row["quote"], row["value_text"])
        starts.append(start)
        positions.append(start + (found[nth] if nth < len(found) else found[0] if found else 0))
    out = gold.copy()
    out["quote_start"] = pd.array(starts, dtype="Int64")
    out["position"] = pd.array(positions, dtype="Int64")
    return out, errors


def number_positions(quote: str, value_text: str) -> list[int]:
    """Offsets of ``value_text`` in ``quote`` where it stands as a whole number or word.

    Falls back to every plain occurrence when none stands alone.
    """
    if not value_text:
        return []
    bounded = re.compile(rf"(?<!\w)(?<!\d[.,]){re.escape(value_text)}(?!\w)(?![.,]\d)")
    found = [m.start() for m in bounded.finditer(quote)]
    return found or [m.start() for m in re.finditer(re.escape(value_text), quote)]


# --------------------------------------------------------------------------- predictions


def _catalog(doc_ids: Iterable[str] | None) -> pd.DataFrame:
    catalog = lossdata.load_documents()
    if doc_ids is None:
        return catalog
    wanted = list(doc_ids)
    unknown = sorted(set(wanted) - set(catalog["doc_id"]))
    if unknown:
        raise KeyError(f"unknown doc_id(s) {', '.join(unknown)}; "
                       f"valid ids: {', '.join(catalog['doc_id'])}")
    return catalog[catalog["doc_id"].isin(wanted)]


def _lossdata_extractor(doc_ids: Iterable[str] | None) -> Callable[[str, str], pd.DataFrame]:
    meta = {
        row.doc_id: (row.published.date() if pd.notna(row.published) else None,
                     row.outlet if isinstance(row.outlet, str) and row.outlet else None)
        for row in _catalog(doc_ids).itertuples()
    }

    def extract(doc_id: str, text: str) -> pd.DataFrame:
        published, outlet = meta[doc_id]
        return lossdata.extract_claims(text, doc_id=doc_id, published=published, outlet=outlet)

    return extract


def predict(doc_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """The claims ``lossdata.extract_claims`` finds in the seeds (all of them by default)."""
    ids = _catalog(doc_ids)["doc_id"].tolist()
    extract = _lossdata_extractor(ids)
    frames = [extract(d, lossdata.read_document(d)) for d in ids]
    return pd.concat(frames, ignore_index=True) if frames else empty_claims()


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
    pieces = [(0, text)] if split == "document" else [
        (m.start(), m.group()) for m in _LINE.finditer(text)]
    rows = []
    for offset, piece in pieces:
        for q in parse(piece):
            value = q.value
            if isinstance(value, (int, float)) and math.isfinite(value) and value == int(value):
                rows.append({"doc_id": doc_id, "value": int(value), "value_text": q.surface,
                             "char_start": offset + q.span[0], "category": q.unit.name})
    columns = ["doc_id", "value", "value_text", "char_start", "category"]
    return pd.DataFrame(rows, columns=columns).astype({"value": "int64", "char_start": "int64"})


# --------------------------------------------------------------------------- matching


@dataclass(frozen=True)
class Matching:
    """A one-to-one alignment of predictions with gold rows, by their index labels."""

    pairs: list[tuple[Hashable, Hashable]]  # (prediction, required gold row)
    absorbed: list[tuple[Hashable, Hashable]]  # (prediction, optional gold row)
    false_positives: list[Hashable]  # predictions
    false_negatives: list[Hashable]  # required gold rows


def match(
    pred: pd.DataFrame,
    gold: pd.DataFrame,
    *,
    keys: Sequence[str] = CLAIM_KEYS,
    max_distance: float | None = None,
) -> Matching:
    """Align ``pred`` (with ``char_start``) to ``gold`` (with ``position``, ``optional``).

    Candidates agree on ``keys``; the closest pairs are taken first, each row at
    most once. Ties prefer a required gold row, then the earlier positions. A
    gold row without a position is a candidate farther than any located one.
    With ``max_distance`` (characters), pairs farther apart are no candidates.
    """
    p = _keyed(pred, keys, "char_start", "pred")
    g = _keyed(gold, keys, "position", "gold")
    g["optional"] = gold["optional"].astype(bool).to_numpy() if len(gold) else []
    cand = p.merge(g, on=list(keys))
    cand["distance"] = (cand["pos_pred"] - cand["pos_gold"]).abs().fillna(math.inf)
    if max_distance is not None:
        cand = cand[cand["distance"] <= max_distance]
    cand = cand.sort_values(["distance", "optional", "pos_pred", "pos_gold"], kind="stable")
    used_pred: set[int] = set()
    used_gold: set[int] = set()
    pairs, absorbed = [], []
    for row in cand.itertuples(index=False):
        if row.pred in used_pred or row.gold in used_gold:
            continue
        used_pred.add(row.pred)
        used_gold.add(row.gold)
        (absorbed if row.optional else pairs).append((pred.index[row.pred], gold.index[row.gold]))
    required = ~gold["optional"].astype(bool).to_numpy() if len(gold) else []
    return Matching(
        pairs=pairs,
        absorbed=absorbed,
        false_positives=[label for i, label in enumerate(pred.index) if i not in used_pred],
        false_negatives=[label for i, label in enumerate(gold.index)
                         if required[i] and i not in used_gold],
    )


def _keyed(df: pd.DataFrame, keys: Sequence[str], pos: str, name: str) -> pd.DataFrame:
    """Keys as plain str/int columns, the position as float (NA -> nan), the row number."""
    out = pd.DataFrame({name: range(len(df))})
    for k in keys:
        col = df[k].to_numpy(dtype=object) if len(df) else []
        out[k] = [int(v) for v in col] if k == "value" else [str(v) for v in col]
    out[f"pos_{name}"] = pd.to_numeric(df[pos], errors="coerce").astype("float64").to_numpy()
    return out


# --------------------------------------------------------------------------- scores


@dataclass(frozen=True)
class Scores:
    """Counts of a matching and the precision, recall and F1 they give (0.0 when undefined)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    absorbed: int = 0

    def __add__(self, other: Scores) -> Scores:
        return Scores(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn,
                      self.absorbed + other.absorbed)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "absorbed": self.absorbed,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


def score(m: Matching) -> Scores:
    """The counts of one matching."""
    return Scores(len(m.pairs), len(m.false_positives), len(m.false_negatives), len(m.absorbed))


def score_by_doc(
    pred: pd.DataFrame, gold: pd.DataFrame, doc_ids: Iterable[str], *,
    keys: Sequence[str] = CLAIM_KEYS,
    max_distance: float | None = None,
) -> tuple[dict[str, Scores], Matching]:
    """Scores of each document, and the whole matching (documents never share a match)."""
    per_doc: dict[str, Scores] = {}
    parts = []
    for doc_id in doc_ids:
        m = match(pred[pred["doc_id"] == doc_id], gold[gold["doc_id"] == doc_id], keys=keys,
                  max_distance=max_distance)
        per_doc[doc_id] = score(m)
        parts.append(m)
    whole = Matching(
        pairs=[x for m in parts for x in m.pairs],
        absorbed=[x for m in parts for x in m.absorbed],
        false_positives=[x for m in parts for x in m.false_positives],
        false_negatives=[x for m in parts for x in m.false_negatives],
    )
    return per_doc, whole


def total(per_doc: Mapping[str, Scores]) -> Scores:
    """The micro-averaged scores of several documents."""
    return sum(per_doc.values(), Scores())


def attribute_accuracy(
    m: Matching, pred: pd.DataFrame, gold: pd.DataFrame
) -> dict[str, tuple[int, int]]:
    """(correct, compared) for each of ``ATTRIBUTES`` on the matched required rows.

    ``claim_date`` is compared only where the gold ``date_basis`` is ``text``.
    """
    out = {}
    for attr in ATTRIBUTES:
        correct = compared = 0
        for p, g in m.pairs:
            if attr == "claim_date" and gold.at[g, "date_basis"] != "text":
                continue
            norm = _as_date if attr == "claim_date" else _as_text
            compared += 1
            correct += norm(pred.at[p, attr]) == norm(gold.at[g, attr])
        out[attr] = (correct, compared)
    return out


def _as_text(value: object) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _as_date(value: object) -> str:
    stamp = pd.to_datetime(_as_text(value) or None, errors="coerce")
    return "" if pd.isna(stamp) else stamp.strftime("%Y-%m-%d")


# --------------------------------------------------------------------------- speed


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
        return {"chars": self.chars, "seconds": [round(s, 4) for s in self.seconds],
                "chars_per_second": round(self.chars_per_second, 1)}


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


# --------------------------------------------------------------------------- report


def _shorten(text: str, width: int = 100) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(per_doc: Mapping[str, Scores], overall: Scores) -> str:
    """An aligned text table: one line per document and an overall line."""
    head = ("doc_id", "gold", "pred", "opt", "tp", "fp", "fn", "precision", "recall", "f1")
    rows = [(doc, s) for doc, s in per_doc.items()] + [("overall", overall)]
    width = max(len(head[0]), *(len(doc) for doc, _ in rows))
    fmt = f"{{:<{width}}} " + "{:>5} " * 6 + "{:>9} {:>7} {:>6}"
    lines = [fmt.format(*head)]
    for doc, s in rows:
        lines.append(fmt.format(doc, s.tp + s.fn, s.tp + s.fp + s.absorbed, s.absorbed, s.tp,
                                s.fp, s.fn, f"{s.precision:.3f}", f"{s.recall:.3f}",
                                f"{s.f1:.3f}"))
    return "\n".join(lines)


def format_attributes(acc: Mapping[str, tuple[int, int]]) -> str:
    """One line per attribute: correct/compared and the accuracy."""
    lines = []
    for attr, (correct, compared) in acc.items():
        share = f"{correct / compared:.3f}" if compared else "-"
        note = "  (gold date_basis = text)" if attr == "claim_date" else ""
        lines.append(f"  {attr:<14} {correct:>4}/{compared:<4} {share}{note}")
    return "\n".join(lines)


def format_errors(m: Matching, pred: pd.DataFrame, gold: pd.DataFrame) -> str:
    """Every false positive and false negative, one line each."""
    lines = [f"false positives ({len(m.false_positives)})"]
    for label in m.false_positives:
        r = pred.loc[label]
        lines.append(f"  FP {r['doc_id']} @{r['char_start']} {r['value']} {r['category']}: "
                     f"{_shorten(r['quote'], 160)}")
    lines.append(f"false negatives ({len(m.false_negatives)})")
    for label in m.false_negatives:
        r = gold.loc[label]
        where = "?" if pd.isna(r["position"]) else r["position"]
        lines.append(f"  FN {r['doc_id']} @{where} {r['value']} {r['category']}: "
                     f"{_shorten(r['quote'], 160)}")
    return "\n".join(lines)


def _accuracy_dict(acc: Mapping[str, tuple[int, int]]) -> dict[str, dict[str, object]]:
    return {a: {"correct": c, "compared": n, "accuracy": round(c / n, 4) if n else None}
            for a, (c, n) in acc.items()}


# --------------------------------------------------------------------------- main


def build_parser() -> argparse.ArgumentParser:
    """The command line of this script."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD,
                    help="gold CSV (default: tests/gold/claims.csv)")
    ap.add_argument("--doc", action="append", dest="docs", metavar="DOC_ID",
                    help="evaluate this seed only (repeatable; default: all seeds)")
    ap.add_argument("--errors", action="store_true",
                    help="list every false positive and false negative")
    ap.add_argument("--baseline", action="store_true",
                    help="also score quantulum3 and compare the throughput of both")
    ap.add_argument("--baseline-split", choices=SPLITS, default="document",
                    help="feed quantulum3 whole documents (default) or one paragraph at a time")
    ap.add_argument("--repeat", type=int, default=3,
                    help="timed passes of each extractor for --baseline (default: 3)")
    ap.add_argument("--max-distance", type=int, metavar="CHARS",
                    help="a prediction matches only gold numbers at most CHARS away "
                         "(default: no limit)")
    ap.add_argument("--json", type=Path, metavar="PATH", help="write the overall metrics here")
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    """Evaluate, print the report, optionally write JSON; return the exit status."""
    args = build_parser().parse_args(argv)
    parse = None
    if args.baseline:
        try:
            parse = import_quantulum().parse
        except ImportError:
            print("--baseline needs quantulum3, which is not installed: "
                  'pip install ".[eval]"', file=sys.stderr)
            return 2
    if not args.gold.is_file():
        print(f"gold file not found: {args.gold}", file=sys.stderr)
        return 2
    try:
        doc_ids = _catalog(args.docs)["doc_id"].tolist()
        gold = load_gold(args.gold)
    except (KeyError, ValueError) as exc:
        print(f"error: {exc.args[0]}", file=sys.stderr)
        return 2

    texts = {d: lossdata.read_document(d) for d in doc_ids}
    catalog_ids = set(lossdata.load_documents()["doc_id"])
    gold = gold[gold["doc_id"].isin(texts) | ~gold["doc_id"].isin(catalog_ids)]
    gold, gold_errors = locate_gold(gold.reset_index(drop=True), texts)
    for message in gold_errors:
        print(f"ERROR: {message}", file=sys.stderr)

    pred = predict(doc_ids)
    per_doc, m = score_by_doc(pred, gold, doc_ids, max_distance=args.max_distance)
    overall = total(per_doc)
    acc = attribute_accuracy(m, pred, gold)
    n_opt = int(gold["optional"].sum())
    print(f"lossdata {lossdata.__version__} on {len(doc_ids)} documents: {len(gold)} gold rows "
          f"({len(gold) - n_opt} required, {n_opt} optional), {len(pred)} predictions")
    print(f"match on doc_id + category + value, nearest position{_within(args.max_distance)}; "
          "opt = matched optional rows\n")
    print(format_table(per_doc, overall))
    print(f"\nattributes on {len(m.pairs)} matched required rows")
    print(format_attributes(acc))
    if args.errors:
        print()
        print(format_errors(m, pred, gold))

    metrics: dict[str, object] = {
        "documents": doc_ids,
        "gold_rows": len(gold),
        "required": len(gold) - n_opt,
        "optional": n_opt,
        "predictions": len(pred),
        "gold_errors": gold_errors,
        "max_distance": args.max_distance,
        "lossdata": overall.as_dict(),
        "attributes": _accuracy_dict(acc),
        "per_document": {d: s.as_dict() for d, s in per_doc.items()},
    }
    if parse is not None:
        metrics.update(_baseline(parse, doc_ids, texts, gold, args))

    if args.json:
        args.json.write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    return 1 if gold_errors else 0


def _within(max_distance: int | None) -> str:
    return "" if max_distance is None else f" within {max_distance} chars"


def _baseline(
    parse: Callable[[str], list], doc_ids: Sequence[str], texts: Mapping[str, str],
    gold: pd.DataFrame, args: argparse.Namespace,
) -> dict[str, object]:
    """Score quantulum3 and time both extractors; print the report, return the metrics."""
    extract = _lossdata_extractor(doc_ids)
    parse("warm up: 3 tanks")  # loads quantulum3's unit tables outside the timing
    for d in doc_ids[:1]:
        extract(d, texts[d])  # and lossdata's lexicons
    runs = {
        "lossdata": lambda: [extract(d, texts[d]) for d in doc_ids],
        "quantulum3": lambda: pd.concat(
            [quantulum_quantities(parse, d, texts[d], split=args.baseline_split)
             for d in doc_ids], ignore_index=True),
    }
    first, seconds = time_passes(runs, repeat=args.repeat)
    qpred = first["quantulum3"]
    assert isinstance(qpred, pd.DataFrame)
    per_doc, _ = score_by_doc(qpred, gold, doc_ids, keys=BASELINE_KEYS,
                              max_distance=args.max_distance)
    base = total(per_doc)
    chars = sum(len(texts[d]) for d in doc_ids)
    speed = {name: Throughput(chars, s) for name, s in seconds.items()}
    q_cps = speed["quantulum3"].chars_per_second
    ratio = speed["lossdata"].chars_per_second / q_cps if q_cps else None

    print(f"\nbaseline: {quantulum_version()}, input split by {args.baseline_split}")
    print("integer-like quantities, match on doc_id + value only, nearest position"
          f"{_within(args.max_distance)}\n")
    print(format_table(per_doc, base))
    print(f"\nthroughput on {chars:,} characters, best of {max(args.repeat, 1)} interleaved passes")
    for name, t in speed.items():
        passes = ", ".join(f"{s:.3f}" for s in t.seconds)
        print(f"  {name:<11} {t.chars_per_second:>14,.0f} chars/s  (passes: {passes} s)")
    print(f"  ratio lossdata/quantulum3: {ratio:.1f}" if ratio else "  ratio: -")
    return {
        "baseline": {"name": quantulum_version(), "split": args.baseline_split,
                     "predictions": len(qpred), **base.as_dict()},
        "throughput": {**{n: t.as_dict() for n, t in speed.items()},
                       "ratio_lossdata_to_quantulum3": round(ratio, 2) if ratio else None},
    }


if __name__ == "__main__":
    raise SystemExit(main())
