"""Matching predictions to gold rows and scoring the matching: counts, rates, attributes.

``lossdata.evaluation`` re-exports the public names.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

__all__ = [
    "ATTRIBUTES",
    "BASELINE_KEYS",
    "CLAIM_KEYS",
    "Matching",
    "Scores",
    "accuracy_by",
    "attribute_accuracy",
    "match",
    "score",
    "score_by_doc",
    "total",
]

CLAIM_KEYS = ("doc_id", "category", "value")
BASELINE_KEYS = ("doc_id", "value")
ATTRIBUTES = ("claimant_side", "subject_side", "population", "qualifier", "claim_date")


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
