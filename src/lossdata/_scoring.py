"""Evaluation internals: gold annotations and where they stand, document sets, matching.

A *document set* is the texts, their catalog (doc_id, title, outlet, url, published,
words and an optional conflict) and the gold rows of the claims in them. Three are
known to the evaluation: the package's seeds with ``tests/gold/claims.csv``, the
development set (``docs/*.txt``, ``catalog_*.csv``, ``gold/<doc_id>.csv``) and a
user's own folder laid out like it. ``lossdata.evaluation`` re-exports the public names.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .text import normalize

__all__ = [
    "ATTRIBUTES",
    "BASELINE_KEYS",
    "CATALOG_COLUMNS",
    "CLAIM_KEYS",
    "GOLD_COLUMNS",
    "REPO_ROOT",
    "DocumentSet",
    "Matching",
    "Scores",
    "accuracy_by",
    "attribute_accuracy",
    "default_devset_dir",
    "default_seed_gold",
    "find_quote",
    "load_catalog",
    "load_devset",
    "load_document_set",
    "load_gold",
    "load_seeds",
    "locate_gold",
    "match",
    "number_positions",
    "score",
    "score_by_doc",
    "total",
]

REPO_ROOT = Path(__file__).resolve().parents[2]
GOLD_COLUMNS = (
    "doc_id",
    "quote",
    "value_text",
    "value",
    "value_low",
    "value_high",
    "qualifier",
    "category",
    "status",
    "subject",
    "subject_side",
    "population",
    "claimant",
    "claimant_side",
    "claim_date",
    "date_basis",
    "scope",
    "optional",
    "note",
)
CATALOG_COLUMNS = ("doc_id", "title", "outlet", "url", "published", "words", "conflict")
CLAIM_KEYS = ("doc_id", "category", "value")
BASELINE_KEYS = ("doc_id", "value")
ATTRIBUTES = ("claimant_side", "subject_side", "population", "qualifier", "claim_date")
SEED_GOLD = Path("tests") / "gold" / "claims.csv"
_OPTIONAL_GOLD_COLUMNS = ("note",)


# --------------------------------------------------------------------------- gold files


def load_gold(path: str | Path) -> pd.DataFrame:
    """Read a gold CSV, or every ``*.csv`` of a folder: strings, ``value`` int, ``optional`` bool.

    ``value_low``/``value_high`` become nullable ints; a missing ``note`` column is
    added empty, a ``conflict`` column is kept when present. Raises ``ValueError``
    naming the rows with a missing column, a non-integer value or an ``optional``
    other than yes/no.
    """
    path = Path(path)
    if path.is_dir():
        frames = [load_gold(p) for p in sorted(path.glob("*.csv"))]
        if not frames:
            raise ValueError(f"{path}: no gold *.csv files")
        return pd.concat(frames, ignore_index=True)
    gold = pd.read_csv(path, dtype=str, keep_default_na=False)
    for col in _OPTIONAL_GOLD_COLUMNS:
        if col not in gold.columns:
            gold[col] = ""
    missing = [c for c in GOLD_COLUMNS if c not in gold.columns]
    if missing:
        raise ValueError(f"{path}: missing columns: {', '.join(missing)}")
    problems = []
    for col in ("value", "value_low", "value_high"):
        text = gold[col].str.strip()
        bad = ~text.str.fullmatch(r"\d+") & ((col == "value") | (text != ""))
        problems += [
            f"row {i + 2}: {col} {v!r} is not a whole number" for i, v in text[bad].items()
        ]
    optional = gold["optional"].str.strip().str.lower()
    problems += [
        f"row {i + 2}: optional {v!r} is not yes/no"
        for i, v in optional[~optional.isin(["yes", "no"])].items()
    ]
    if problems:
        raise ValueError(f"{path}: " + "; ".join(problems))
    gold["value"] = gold["value"].astype("int64")
    for col in ("value_low", "value_high"):
        gold[col] = pd.to_numeric(gold[col].replace("", None)).astype("Int64")
    gold["optional"] = optional.eq("yes")
    return gold.reset_index(drop=True)


# --------------------------------------------------------------------------- locating


def _shorten(text: str, width: int = 100) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def find_quote(text: str, quote: str) -> list[tuple[int, int]]:
    """Every span of ``quote`` in the normalised ``text``, trying looser forms in turn.

    First the quote as it stands, then the quote normalised like the text (quotes,
    dashes, spaces, mojibake), then both with any run of white space matching any
    other (line breaks, doubled spaces, the " \\n" a CRLF becomes). Empty when not found.
    """
    if not quote:
        return []
    for q in dict.fromkeys((quote, normalize(quote).text)):
        spans = [(m.start(), m.start() + len(q)) for m in re.finditer(re.escape(q), text)]
        if spans:
            return spans
    words = normalize(quote).text.split()
    if not words:
        return []
    loose = re.compile(r"\s+".join(re.escape(w) for w in words))
    return [m.span() for m in loose.finditer(text)]


def number_positions(quote: str, value_text: str) -> list[int]:
    """Offsets of ``value_text`` in ``quote`` where it stands as a whole number or word.

    Falls back to every plain occurrence when none stands alone.
    """
    if not value_text:
        return []
    bounded = re.compile(rf"(?<!\w)(?<!\d[.,]){re.escape(value_text)}(?!\w)(?![.,]\d)")
    found = [m.start() for m in bounded.finditer(quote)]
    return found or [m.start() for m in re.finditer(re.escape(value_text), quote)]


def _value_positions(span_text: str, value_text: str) -> list[int]:
    """``number_positions`` of the value as written, else as normalised, else loosely spaced."""
    for v in dict.fromkeys((value_text, normalize(value_text).text)):
        found = number_positions(span_text, v)
        if found:
            return found
    words = value_text.split()
    if len(words) > 1:
        loose = re.compile(r"\s+".join(re.escape(w) for w in words))
        return [m.start() for m in loose.finditer(span_text)]
    return []


def locate_gold(gold: pd.DataFrame, texts: Mapping[str, str]) -> tuple[pd.DataFrame, list[str]]:
    """Add ``quote_start`` and ``position`` (of the number) to ``gold``; list the rows not found.

    ``texts`` are the normalised documents. The quote is found with ``find_quote``;
    ``position`` is where ``value_text`` stands inside it as a whole number ("25" is
    not found inside "250"), else the quote's start. When several rows share a quote
    and a ``value_text`` ("one ..., one ...", or a sentence printed twice), the k-th of
    them in file order takes the k-th occurrence. Both are NA when the quote is not in
    the document; such rows and rows with an unknown doc_id are reported, not dropped.
    """
    starts: list[int | None] = []
    positions: list[int | None] = []
    errors = []
    seen: dict[tuple[str, str, str], int] = {}
    for i, row in gold.reset_index(drop=True).iterrows():
        text = texts.get(row["doc_id"])
        spans = [] if text is None else find_quote(text, row["quote"])
        if not spans:
            why = "unknown doc_id" if text is None else "quote not found in the normalised text"
            errors.append(
                f"gold row {i + 2} ({row['doc_id']}, {row['value_text']!r}): "
                f"{why}: {_shorten(row['quote'])!r}"
            )
            starts.append(None)
            positions.append(None)
            continue
        key = (row["doc_id"], row["quote"], row["value_text"])
        nth = seen[key] = seen.get(key, -1) + 1
        assert text is not None
        hits = [
            (s, s + p) for s, e in spans for p in _value_positions(text[s:e], row["value_text"])
        ]
        start, pos = hits[nth] if nth < len(hits) else hits[0] if hits else (spans[0][0],) * 2
        starts.append(start)
        positions.append(pos)
    out = gold.copy()
    out["quote_start"] = pd.array(starts, dtype="Int64")
    out["position"] = pd.array(positions, dtype="Int64")
    return out, errors


# --------------------------------------------------------------------------- document sets


@dataclass(frozen=True)
class DocumentSet:
    """Raw texts by doc_id, their catalog (one row each, strings) and the gold rows."""

    name: str
    texts: dict[str, str]
    catalog: pd.DataFrame
    gold: pd.DataFrame

    def select(self, doc_ids: Iterable[str] | None) -> DocumentSet:
        """The same set restricted to ``doc_ids``; ``KeyError`` naming unknown ids."""
        if doc_ids is None:
            return self
        wanted = list(dict.fromkeys(doc_ids))
        unknown = [d for d in wanted if d not in self.texts]
        if unknown:
            raise KeyError(
                f"unknown doc_id(s) {', '.join(unknown)}; valid ids: {', '.join(self.texts)}"
            )
        keep = self.gold["doc_id"].isin(wanted) | ~self.gold["doc_id"].isin(self.texts)
        return DocumentSet(
            self.name,
            {d: self.texts[d] for d in wanted},
            self.catalog[self.catalog["doc_id"].isin(wanted)].reset_index(drop=True),
            # Rows of unknown documents stay, to be reported by ``locate_gold``.
            self.gold[keep].reset_index(drop=True),
        )


def load_catalog(paths: str | Path | Sequence[str | Path]) -> pd.DataFrame:
    """One or more catalog CSVs as one frame of strings (missing columns and cells are "")."""
    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
    frames = [pd.read_csv(p, dtype=str, keep_default_na=False) for p in paths]
    catalog = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    for col in CATALOG_COLUMNS:
        if col not in catalog.columns:
            catalog[col] = ""
    catalog = catalog.fillna("")
    dupes = catalog["doc_id"][catalog["doc_id"].duplicated()].tolist()
    if dupes:
        raise ValueError(f"doc_id(s) listed twice in the catalog: {', '.join(dupes)}")
    return catalog.reset_index(drop=True)


def load_document_set(
    docs: str | Path,
    catalogs: Sequence[str | Path],
    gold: str | Path,
    *,
    name: str = "documents",
) -> DocumentSet:
    """``docs/*.txt`` (doc_id = file name without .txt), their catalogs and gold (CSV or folder).

    A document missing from the catalogs gets empty metadata; a catalog row without
    a text file is an error.
    """
    docs = Path(docs)
    if not docs.is_dir():
        raise FileNotFoundError(f"documents folder not found: {docs}")
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(docs.glob("*.txt"))}
    if not texts:
        raise FileNotFoundError(f"no .txt documents in {docs}")
    catalog = load_catalog(catalogs)
    orphans = sorted(set(catalog["doc_id"]) - set(texts))
    if orphans:
        raise FileNotFoundError(f"catalog lists documents without a text in {docs}: {orphans}")
    extra = pd.DataFrame({"doc_id": [d for d in texts if d not in set(catalog["doc_id"])]})
    catalog = pd.concat([catalog, extra], ignore_index=True).fillna("")
    catalog = catalog.set_index("doc_id").loc[list(texts)].reset_index()
    return DocumentSet(name, texts, catalog, load_gold(gold))


def default_devset_dir() -> Path:
    """``$LOSSDATA_DEVSET``, else ``../shared/devset`` beside the current directory or,
    for an editable install, beside the repository."""
    env = os.environ.get("LOSSDATA_DEVSET")
    if env:
        return Path(env)
    here = Path.cwd().parent / "shared" / "devset"
    return here if here.is_dir() else REPO_ROOT.parent / "shared" / "devset"


def load_devset(path: str | Path | None = None) -> DocumentSet:
    """The development set in ``path`` (default ``default_devset_dir()``)."""
    root = Path(path) if path is not None else default_devset_dir()
    if not root.is_dir():
        raise FileNotFoundError(f"devset folder not found: {root} (set LOSSDATA_DEVSET)")
    catalogs = sorted(root.glob("catalog*.csv"))
    return load_document_set(root / "docs", catalogs, root / "gold", name="devset")


def default_seed_gold() -> Path:
    """``tests/gold/claims.csv`` under the current directory if there, else in the repository."""
    here = Path.cwd() / SEED_GOLD
    return here if here.is_file() else REPO_ROOT / SEED_GOLD


def load_seeds(gold: str | Path | None = None) -> DocumentSet:
    """The package's seeds (normalised texts) with the seed gold (``default_seed_gold()``)."""
    import lossdata

    seeds = lossdata.load_documents()
    texts = {d: lossdata.read_document(d) for d in seeds["doc_id"]}
    catalog = pd.DataFrame({"doc_id": list(texts)})
    for col in CATALOG_COLUMNS[1:]:
        values = seeds[col] if col in seeds.columns else pd.Series([""] * len(seeds))
        if col == "published":
            values = pd.to_datetime(values).dt.strftime("%Y-%m-%d")
        catalog[col] = values.fillna("").astype(str).to_numpy()
    path = Path(gold) if gold is not None else default_seed_gold()
    return DocumentSet("seeds", texts, catalog, load_gold(path))


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

    Candidates agree on ``keys``; when ``keys`` hold ``value`` and both frames have
    ``value_low``/``value_high``, a range also agrees on both bounds even if the
    values (midpoints) differ. The closest pairs are taken first, each row at most
    once. Ties prefer a required gold row, then the earlier positions. A gold row
    without a position is a candidate farther than any located one. With
    ``max_distance`` (characters), pairs farther apart are no candidates.
    """
    bounds = "value" in keys and all(
        c in f.columns for c in ("value_low", "value_high") for f in (pred, gold)
    )
    p = _keyed(pred, keys, "char_start", "pred", bounds)
    g = _keyed(gold, keys, "position", "gold", bounds)
    g["optional"] = gold["optional"].astype(bool).to_numpy() if len(gold) else []
    if bounds:
        others = [k for k in keys if k != "value"]
        cand = p.merge(g, on=others, suffixes=("", "_g"))
        same_bounds = (cand["low"] == cand["low_g"]) & (cand["high"] == cand["high_g"])
        cand = cand[(cand["value"] == cand["value_g"]) | same_bounds].copy()
    else:
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
        false_negatives=[
            label for i, label in enumerate(gold.index) if required[i] and i not in used_gold
        ],
    )


def _keyed(
    df: pd.DataFrame, keys: Sequence[str], pos: str, name: str, bounds: bool
) -> pd.DataFrame:
    """Keys as plain str/int columns, the position (and bounds) as float, the row number."""
    out = pd.DataFrame({name: range(len(df))})
    for k in keys:
        col = df[k].to_numpy(dtype=object) if len(df) else []
        out[k] = [int(v) for v in col] if k == "value" else [str(v) for v in col]
    out[f"pos_{name}"] = pd.to_numeric(df[pos], errors="coerce").astype("float64").to_numpy()
    if bounds:
        for col, short in (("value_low", "low"), ("value_high", "high")):
            out[short] = pd.to_numeric(df[col], errors="coerce").astype("float64").to_numpy()
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
        return Scores(
            self.tp + other.tp,
            self.fp + other.fp,
            self.fn + other.fn,
            self.absorbed + other.absorbed,
        )

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
        """Counts and rounded rates, for JSON."""
        rates = {k: round(getattr(self, k), 4) for k in ("precision", "recall", "f1")}
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "absorbed": self.absorbed, **rates}


def score(m: Matching) -> Scores:
    """The counts of one matching."""
    return Scores(len(m.pairs), len(m.false_positives), len(m.false_negatives), len(m.absorbed))


def score_by_doc(
    pred: pd.DataFrame,
    gold: pd.DataFrame,
    doc_ids: Sequence[str],
    *,
    keys: Sequence[str] = CLAIM_KEYS,
    max_distance: float | None = None,
) -> tuple[dict[str, Scores], Matching]:
    """Scores of each document, and the whole matching (documents never share a match)."""
    per_doc: dict[str, Scores] = {}
    parts = []
    for doc_id in doc_ids:
        p, g = pred[pred["doc_id"] == doc_id], gold[gold["doc_id"] == doc_id]
        m = match(p, g, keys=keys, max_distance=max_distance)
        per_doc[doc_id] = score(m)
        parts.append(m)
    whole = Matching(*([x for m in parts for x in getattr(m, f)] for f in Matching.__annotations__))
    return per_doc, whole


def total(per_doc: Mapping[str, Scores]) -> Scores:
    """The micro-averaged scores of several documents."""
    return sum(per_doc.values(), Scores())


# --------------------------------------------------------------------------- attributes


def _as_text(value: object) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _as_date(value: object) -> str:
    stamp = pd.to_datetime(_as_text(value) or None, errors="coerce")
    return "" if pd.isna(stamp) else stamp.strftime("%Y-%m-%d")


def _compared(attr: str, pred: pd.DataFrame, gold: pd.DataFrame, p: Hashable, g: Hashable):
    """(predicted, gold) of ``attr`` normalised for comparison, or None when not compared."""
    column = "claim_date" if attr == "claim_date_any" else attr
    if column not in pred.columns or column not in gold.columns:
        return None
    if attr == "claim_date" and gold.at[g, "date_basis"] != "text":
        return None
    norm = _as_date if column == "claim_date" else _as_text
    expected = norm(gold.at[g, column])
    if attr in ("claim_date_any", "conflict") and not expected:
        return None
    return norm(pred.at[p, column]), expected


def attribute_accuracy(
    m: Matching,
    pred: pd.DataFrame,
    gold: pd.DataFrame,
    attributes: Sequence[str] = ATTRIBUTES,
) -> dict[str, tuple[int, int]]:
    """(correct, compared) for each of ``attributes`` on the matched required rows.

    ``claim_date`` is compared only where the gold ``date_basis`` is ``text``,
    ``claim_date_any`` wherever the gold has a date, ``conflict`` wherever the gold
    names one. An attribute missing from either frame counts (0, 0).
    """
    out = {}
    for attr in attributes:
        seen = [_compared(attr, pred, gold, p, g) for p, g in m.pairs]
        pairs = [s for s in seen if s is not None]
        out[attr] = (sum(a == b for a, b in pairs), len(pairs))
    return out


def accuracy_by(
    m: Matching,
    pred: pd.DataFrame,
    gold: pd.DataFrame,
    *,
    attribute: str = "claimant_side",
    by: str = "claimant_basis",
) -> dict[str, tuple[int, int]]:
    """(correct, compared) of ``attribute`` for each value of the prediction column ``by``.

    Empty when the predictions have no ``by`` column.
    """
    out: dict[str, tuple[int, int]] = {}
    if by not in pred.columns:
        return out
    for p, g in m.pairs:
        seen = _compared(attribute, pred, gold, p, g)
        if seen is not None:
            key = _as_text(pred.at[p, by]) or "(none)"
            correct, compared = out.get(key, (0, 0))
            out[key] = (correct + (seen[0] == seen[1]), compared + 1)
    return dict(sorted(out.items()))


def _restrict(m: Matching, gold: pd.DataFrame, doc_ids: set[str]) -> Matching:
    pairs = [(p, g) for p, g in m.pairs if gold.at[g, "doc_id"] in doc_ids]
    return Matching(pairs, [], [], [])
