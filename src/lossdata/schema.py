"""The claims table's contract: columns, dtypes, vocabularies and row rules.

``FIELDS`` is the single description of every column; the pandera model, the
empty frame, the README's column table and ``datapackage.json`` are all made
from it, so a column is described once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from ._cells import cell_report, parse_cells
from .conflicts import UNKNOWN, allowed_sides, claimant_sides, list_conflicts, subject_sides

__all__ = [
    "CATEGORIES",
    "FIELDS",
    "ClaimsSchema",
    "ClaimsValidationError",
    "Field",
    "columns_markdown",
    "datapackage",
    "empty_claims",
    "split_valid",
    "validate",
]

QUALIFIERS = ["exact", "at_least", "more_than", "about", "up_to", "less_than", "range"]
PEOPLE = ["killed", "wounded", "killed_or_wounded", "captured", "missing", "displaced"]
EQUIPMENT = [
    "tanks",
    "armored_vehicles",
    "artillery",
    "mlrs",
    "air_defense",
    "radars",
    "drones",
    "helicopters",
    "aircraft",
    "missile_launchers",
    "vehicles",
    "infrastructure",
    "other_equipment",
]
CATEGORIES = PEOPLE + EQUIPMENT
STATUSES = ["destroyed", "damaged", "captured", "downed", "lost"]
# Side vocabularies come from the conflict profiles (resources/conflicts/).
SIDES = subject_sides()
CLAIMANT_SIDES = claimant_sides()
CONFLICTS = [*list_conflicts(), UNKNOWN]
CLAIMANT_BASES = [
    "according_to",
    "parenthesis",
    "verb_subject",
    "verb_object",
    "headline",
    "signature",
    "open_according_to",
    "open_verb_subject",
    "open_verb_object",
    "reference",
    "section",
    "continuation",
    "author",
    "outlet",
]
POPULATIONS = ["military", "civilian", "mercenary", "journalist", "mixed", "unknown"]
DATE_BASES = ["text", "document", "unknown"]
SCOPES = ["cumulative", "period", "incident", "unknown"]

# Claims about wars in the modern era; anything outside is a parsing error.
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2100, 1, 1)


@dataclass(frozen=True)
class Field:
    """One column of the claims table."""

    name: str
    kind: str  # "str", "int", "Int64", "category", "date"
    description: str
    values: tuple[str, ...] | None = None
    nullable: bool = False

    @property
    def dtype(self) -> object:
        return {
            "str": "string",
            "int": "int64",
            "Int64": "Int64",
            "date": "datetime64[ns]",
            "category": pd.CategoricalDtype(list(self.values or ()), ordered=False),
        }[self.kind]


FIELDS: tuple[Field, ...] = (
    Field("claim_id", "str", "Stable id: the same input gives the same id on every run."),
    Field("doc_id", "str", "The document's id (for the seeds, the file name without .txt)."),
    Field("char_start", "int", "Start of the number's text in the normalised document."),
    Field("char_end", "int", "End (exclusive) of the number's text in the normalised document."),
    Field("quote", "str", "The sentence that holds the claim, as it stands in the document."),
    Field("value_text", "str", 'The number as written ("6,674", "four", "a dozen").'),
    Field("value", "int", "The best single figure."),
    Field("value_low", "Int64", "Lower bound (ranges, 'at least', 'more than').", nullable=True),
    Field("value_high", "Int64", "Upper bound (ranges, 'up to', 'less than').", nullable=True),
    Field("qualifier", "category", "How the figure is hedged.", tuple(QUALIFIERS)),
    Field("category", "category", "What is counted.", tuple(CATEGORIES)),
    Field("status", "category", "For equipment: what happened to it.", tuple(STATUSES), True),
    Field("subject", "str", "Whose loss, as a canonical actor name."),
    Field("subject_side", "category", "The side that suffered the loss.", tuple(SIDES)),
    Field("population", "category", "Who the people lost were.", tuple(POPULATIONS)),
    Field("claimant", "str", "Who makes the claim (the outlet where it speaks in its own voice)."),
    Field("claimant_side", "category", "The claimant's side.", tuple(CLAIMANT_SIDES)),
    Field(
        "conflict", "category", "The conflict the row belongs to (a profile id).", tuple(CONFLICTS)
    ),
    Field("claim_date", "date", "The day the claim was made, or its 'as of' day.", nullable=True),
    Field("date_basis", "category", "Where claim_date comes from.", tuple(DATE_BASES)),
    Field("scope", "category", "What span the figure covers.", tuple(SCOPES)),
    Field(
        "claimant_basis",
        "category",
        "Which attribution rule named the claimant (empty for tables made by hand).",
        tuple(CLAIMANT_BASES),
        nullable=True,
    ),
)
COLUMNS = [f.name for f in FIELDS]
_BY_NAME = {f.name: f for f in FIELDS}


def _field(name: str, **kwargs: object) -> object:
    f = _BY_NAME[name]
    checks: dict[str, object] = {}
    if f.values is not None:
        checks["isin"] = list(f.values)
    return pa.Field(nullable=f.nullable, description=f.description, **checks, **kwargs)


class ClaimsSchema(pa.DataFrameModel):
    """The pandera model of the claims table (see ``FIELDS`` for the columns)."""

    claim_id: Series[pd.StringDtype] = _field("claim_id", unique=True, str_length={"min_value": 1})
    doc_id: Series[pd.StringDtype] = _field("doc_id", str_length={"min_value": 1})
    char_start: Series[int] = _field("char_start", ge=0)
    char_end: Series[int] = _field("char_end", ge=1)
    quote: Series[pd.StringDtype] = _field("quote", str_length={"min_value": 1})
    value_text: Series[pd.StringDtype] = _field("value_text", str_length={"min_value": 1})
    value: Series[int] = _field("value", ge=0)
    value_low: Series[pd.Int64Dtype] = _field("value_low", ge=0)
    value_high: Series[pd.Int64Dtype] = _field("value_high", ge=0)
    qualifier: Series[pd.CategoricalDtype] = _field("qualifier")
    category: Series[pd.CategoricalDtype] = _field("category")
    status: Series[pd.CategoricalDtype] = _field("status")
    subject: Series[pd.StringDtype] = _field("subject")
    subject_side: Series[pd.CategoricalDtype] = _field("subject_side")
    population: Series[pd.CategoricalDtype] = _field("population")
    claimant: Series[pd.StringDtype] = _field("claimant", str_length={"min_value": 1})
    claimant_side: Series[pd.CategoricalDtype] = _field("claimant_side")
    conflict: Series[pd.CategoricalDtype] = _field("conflict")
    claim_date: Series[pa.DateTime] = _field(
        "claim_date",
        ge=pd.Timestamp(EARLIEST_DATE),
        lt=pd.Timestamp(LATEST_DATE),
    )
    date_basis: Series[pd.CategoricalDtype] = _field("date_basis")
    scope: Series[pd.CategoricalDtype] = _field("scope")
    claimant_basis: Series[pd.CategoricalDtype] = _field("claimant_basis")

    class Config:
        strict = True
        ordered = True
        coerce = True
        name = "ClaimsSchema"
        description = "One row per numeric loss claim found in one document."

    @pa.dataframe_check(error="char_end must be greater than char_start")
    def span_is_ordered(cls, df: pd.DataFrame) -> Series[bool]:
        return df["char_end"] > df["char_start"]

    @pa.dataframe_check(error="value_low must not exceed value")
    def low_le_value(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["value_low"].isna() | (df["value_low"] <= df["value"])).astype(bool)

    @pa.dataframe_check(error="value must not exceed value_high")
    def value_le_high(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["value_high"].isna() | (df["value"] <= df["value_high"])).astype(bool)

    @pa.dataframe_check(error="status is only for equipment categories")
    def status_only_for_equipment(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["status"].isna() | df["category"].isin(EQUIPMENT)).astype(bool)

    @pa.dataframe_check(error="subject_side and claimant_side must be sides of the row's conflict")
    def sides_belong_to_conflict(cls, df: pd.DataFrame) -> Series[bool]:
        ok = np.ones(len(df), dtype=bool)
        conflicts = df["conflict"].astype("object")
        subjects = df["subject_side"].astype("object")
        claimants = df["claimant_side"].astype("object")
        for conflict in conflicts.dropna().unique():
            subject, claimant = allowed_sides(str(conflict))
            rows = (conflicts == conflict).to_numpy(dtype=bool)
            fits = (subjects.isin(subject) & claimants.isin(claimant)).to_numpy(dtype=bool)
            ok[rows] = fits[rows]
        return pd.Series(ok, index=df.index)

    @pa.dataframe_check(error="date_basis 'text' or 'document' needs a claim_date")
    def dated_basis_has_date(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["date_basis"].eq("unknown") | df["claim_date"].notna()).astype(bool)


class ClaimsValidationError(ValueError):
    """A table broke the claims contract; the message lists every violation."""


def _coerce_categories(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for f in FIELDS:
        if f.name in out.columns and f.kind == "category":
            col = out[f.name]
            if col.dtype == f.dtype:
                continue
            values = list(f.values or ())
            # Values outside the vocabulary stay as they are, so that validation names them
            # instead of a Categorical silently turning them into missing values.
            if (col.isin(values) | col.isna()).all():
                out[f.name] = pd.Categorical(col, categories=values)
            else:
                out[f.name] = col.astype("object").where(col.notna(), None)
    return out


def validate(df: pd.DataFrame, *, lazy: bool = True) -> pd.DataFrame:
    """Validate a claims table against the contract and return it with the right dtypes.

    Raises ``ClaimsValidationError`` naming every broken rule (column, check, and
    a few offending values) when ``df`` does not conform: missing, unexpected and
    repeated columns by name; every cell that cannot be read as its column's type
    (a whole number, a YYYY-MM-DD date) by row (the index label) and column, all at
    once. Columns in another order are put in the contract's order.
    """
    if not isinstance(df, pd.DataFrame):
        raise ClaimsValidationError(f"expected a pandas DataFrame, got {type(df).__name__}")
    _check_columns(df)
    df, problems = parse_cells(df[COLUMNS] if list(df.columns) != COLUMNS else df, FIELDS)
    if problems:
        raise ClaimsValidationError(cell_report(problems))
    df = _coerce_categories(df)
    try:
        return ClaimsSchema.validate(df, lazy=lazy)
    except (pa.errors.SchemaErrors, pa.errors.SchemaError) as exc:
        raise ClaimsValidationError(_readable(exc)) from None


def split_valid(df: pd.DataFrame) -> tuple[pd.DataFrame, dict[object, str]]:
    """The rows of ``df`` that keep the contract, validated, and why each other row broke
    it (by index label), so that one bad row never sinks a document or a batch.

    Missing or unexpected columns still raise ``ClaimsValidationError``: they are the
    table's fault, not a row's.
    """
    _check_columns(df)
    parsed, problems = parse_cells(df[COLUMNS] if list(df.columns) != COLUMNS else df, FIELDS)
    bad: dict[object, str] = {}
    for label, column, reason in problems:
        bad.setdefault(label, f"{column} {reason}")
    parsed = _coerce_categories(parsed.drop(index=list(bad)))
    try:
        return ClaimsSchema.validate(parsed, lazy=True), bad
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        located = cases[cases["index"].notna()]
        if len(located) < len(cases):  # a failure no row can be blamed for
            raise ClaimsValidationError(_readable(exc)) from None
        for label, group in located.groupby("index", sort=False):
            checks = sorted(
                {
                    f"{c} {k}".strip()
                    for c, k in zip(
                        group["column"].fillna(""), group["check"].astype(str), strict=True
                    )
                }
            )
            bad.setdefault(label, "; ".join(checks))
    kept = df.drop(index=list(bad))
    return validate(kept), bad


def _readable(exc: Exception) -> str:
    cases = getattr(exc, "failure_cases", None)
    if cases is None or not isinstance(cases, pd.DataFrame):
        return str(exc)
    lines = ["the claims table breaks the contract:"]
    row_level = cases["schema_context"].eq("DataFrameSchema")
    for (column, check), group in cases[~row_level].groupby(["column", "check"], sort=True):
        examples = ", ".join(repr(v) for v in group["failure_case"].drop_duplicates().head(3))
        check = "value outside the vocabulary" if str(check).startswith("isin") else check
        lines.append(f"- column {column}: {check}: {len(group)} row(s), e.g. {examples}")
    for check, group in cases[row_level].groupby("check", sort=True):
        rows = sorted(set(group["index"].dropna().tolist()))
        shown = ", ".join(str(r) for r in rows[:5]) + (" ..." if len(rows) > 5 else "")
        lines.append(f"- {check}: {len(rows)} row(s), at index {shown}")
    return "\n".join(lines)


def _check_columns(df: pd.DataFrame) -> None:
    """Raise naming every missing, unexpected or repeated column."""
    names = [str(c) for c in df.columns]
    missing = [c for c in COLUMNS if c not in names]
    extra = [c for c in names if c not in COLUMNS]
    repeated = sorted({c for c in names if names.count(c) > 1})
    parts = []
    if missing:
        parts.append(f"missing columns: {', '.join(missing)}")
    if extra:
        parts.append(f"unexpected columns: {', '.join(extra)}")
    if repeated:
        parts.append(f"repeated columns: {', '.join(repeated)}")
    if parts:
        raise ClaimsValidationError("; ".join(parts))


def empty_claims() -> pd.DataFrame:
    """An empty claims table with the contract's columns and dtypes."""
    return pd.DataFrame({f.name: pd.Series([], dtype=f.dtype) for f in FIELDS})


def columns_markdown() -> str:
    """The column table for the README, generated from ``FIELDS``."""
    rows = ["| column | type | meaning |", "| --- | --- | --- |"]
    for f in FIELDS:
        kind = f.kind + (", nullable" if f.nullable else "")
        meaning = f.description
        if f.values:
            meaning += " One of: " + ", ".join(f"`{v}`" for v in f.values) + "."
        rows.append(f"| {f.name} | {kind} | {meaning} |")
    return "\n".join(rows)


_FRICTIONLESS_TYPES = {"str": "string", "int": "integer", "Int64": "integer", "date": "date"}


def datapackage(path: str = "claims.csv") -> dict:
    """A Frictionless Data Package descriptor for the shipped table."""
    fields = []
    for f in FIELDS:
        entry: dict[str, object] = {
            "name": f.name,
            "type": _FRICTIONLESS_TYPES.get(f.kind, "string"),
            "description": f.description,
            "constraints": {"required": not f.nullable},
        }
        if f.values:
            entry["constraints"]["enum"] = list(f.values)  # type: ignore[index]
        fields.append(entry)
    return {
        "name": "lossdata-claims",
        "title": "Loss claims in war reporting",
        "resources": [
            {
                "name": "claims",
                "path": path,
                "format": "csv",
                "encoding": "utf-8",
                "schema": {"fields": fields, "primaryKey": ["claim_id"]},
            }
        ],
    }
