"""The report of an evaluation: ``Report`` and its text tables and error listings.

``lossdata.evaluation`` re-exports the public names.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

import lossdata

from ._scoring import (
    ATTRIBUTES,
    Matching,
    Scores,
    _as_text,
    _compared,
    _restrict,
    accuracy_by,
    attribute_accuracy,
    total,
)

__all__ = [
    "REPORT_ATTRIBUTES",
    "Report",
    "format_attribute_errors",
    "format_attributes",
    "format_errors",
    "format_table",
    "groups",
    "print_report",
]

REPORT_ATTRIBUTES = (*ATTRIBUTES, "claim_date_any", "scope", "conflict")
SIDES = ("claimant_side", "subject_side")
_NOTES = {"claim_date": "gold date_basis = text", "claim_date_any": "every gold date"}


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
