"""What every chart shares: the table's columns, the selection, the labels of figures.

No drawing here: ``_style`` draws titles, axes and legends, ``_caption`` the sources.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from ..schema import CATEGORIES, CLAIMANT_SIDES, POPULATIONS, SCOPES, SIDES

__all__ = [
    "CATEGORY_LABELS",
    "EQUIPMENT_CHART_CATEGORIES",
    "TOTAL_SCOPES",
    "NoClaimsError",
    "WarEvent",
    "figure_label",
]


@dataclass(frozen=True)
class WarEvent:
    """A dated event drawn as a reference line on timelines."""

    date: dt.date
    label: str


CATEGORY_LABELS: dict[str, str] = {
    "killed": "Killed",
    "wounded": "Wounded",
    "killed_or_wounded": "Killed or wounded",
    "captured": "Captured",
    "missing": "Missing",
    "displaced": "Displaced",
    "tanks": "Tanks",
    "armored_vehicles": "Armoured vehicles",
    "artillery": "Artillery",
    "mlrs": "MLRS",
    "air_defense": "Air defence",
    "radars": "Radars",
    "drones": "Drones",
    "helicopters": "Helicopters",
    "aircraft": "Aircraft",
    "missile_launchers": "Missile launchers",
    "vehicles": "Vehicles",
    "infrastructure": "Infrastructure",
    "other_equipment": "Other equipment",
}
EQUIPMENT_CHART_CATEGORIES: tuple[str, ...] = (
    "tanks",
    "armored_vehicles",
    "artillery",
    "mlrs",
    "air_defense",
    "drones",
    "helicopters",
    "aircraft",
)
# Scopes that can hold a running total: "unknown" too, since many totals (Oryx's
# tally, the SOHR's count) do not say "since the war began" in so many words.
TOTAL_SCOPES: tuple[str, ...] = ("cumulative", "unknown")
# Populations in the order charts list them: fighters first, then the rest.
POPULATION_ORDER: tuple[str, ...] = (
    "military",
    "mercenary",
    "civilian",
    "journalist",
    "mixed",
    "unknown",
)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_HEDGE_FORMATS: dict[str, str] = {
    "exact": "{v}",
    "about": "\u2248{v}",
    "at_least": "\u2265{lo}",
    "more_than": ">{lo}",
    "up_to": "\u2264{hi}",
    "less_than": "<{hi}",
    "range": "{lo}\u2013{hi}",
}
_STRING_COLUMNS = (
    "claim_id",
    "doc_id",
    "qualifier",
    "category",
    "status",
    "subject",
    "subject_side",
    "population",
    "claimant",
    "claimant_side",
    "scope",
)
_REQUIRED = (*_STRING_COLUMNS, "value", "value_low", "value_high", "claim_date")
# Carried when present: the conflict (for its sides and dates), how the claimant was
# named (an "outlet" claimant names the document's outlet), and a user's own outlet
# and publication date per row (extra columns are allowed by the contract).
_OPTIONAL = ("conflict", "claimant_basis", "outlet", "published")
VOCABULARIES = {
    "subject_side": SIDES,
    "claimant_side": CLAIMANT_SIDES,
    "population": POPULATIONS,
    "scope": SCOPES,
}


class NoClaimsError(ValueError):
    """The selection holds no claims; the message says what is available."""


def prepare(claims: pd.DataFrame) -> pd.DataFrame:
    """The columns the charts need, as plain strings, ints and timestamps."""
    if not isinstance(claims, pd.DataFrame):
        raise TypeError(f"expected the claims table (a DataFrame), got {type(claims).__name__}")
    missing = [c for c in _REQUIRED if c not in claims.columns]
    if missing:
        raise ValueError(f"the claims table lacks column(s): {', '.join(missing)}")
    optional = [c for c in _OPTIONAL if c in claims.columns]
    df = claims.loc[:, [*_REQUIRED, *optional]].copy()
    for col in (*_STRING_COLUMNS, *(c for c in optional if c != "published")):
        df[col] = df[col].astype("string")
    if "conflict" not in df:
        df["conflict"] = pd.Series("unknown", index=df.index, dtype="string")
    df["value"] = pd.to_numeric(df["value"]).astype("int64")
    for col in ("value_low", "value_high"):
        df[col] = pd.to_numeric(df[col]).astype("Int64")
    df["claim_date"] = pd.to_datetime(df["claim_date"])
    if "published" in df:
        df["published"] = pd.to_datetime(df["published"], errors="coerce")
    return df.reset_index(drop=True)


def as_list(name: str, wanted: str | Iterable[str]) -> list[str]:
    """``wanted`` as a list, each value checked against the column's vocabulary."""
    values = [wanted] if isinstance(wanted, str) else list(wanted)
    vocabulary = VOCABULARIES[name]
    unknown = [v for v in values if v not in vocabulary]
    if unknown or not values:
        raise ValueError(
            f"unknown {name} {', '.join(map(repr, unknown)) or '(none given)'}; "
            f"valid values: {', '.join(vocabulary)}"
        )
    return values


def available(df: pd.DataFrame, column: str) -> str:
    values = sorted(df[column].dropna().unique().tolist())
    return ", ".join(values) if values else "none"


def check_categories(categories: str | Sequence[str]) -> list[str]:
    cats = [categories] if isinstance(categories, str) else list(categories)
    bad = [c for c in cats if c not in CATEGORIES]
    if bad or not cats:
        raise ValueError(
            f"unknown category {', '.join(map(repr, bad)) or '(none given)'}; valid categories: "
            f"{', '.join(CATEGORIES)}"
        )
    return cats


def select(
    claims: pd.DataFrame,
    categories: str | Sequence[str],
    **filters: str | Iterable[str] | None,
) -> pd.DataFrame:
    """Rows of ``categories`` matching every non-None filter, or a NoClaimsError."""
    df = prepare(claims)
    cats = check_categories(categories)
    what = f"category {cats[0]!r}" if len(cats) == 1 else f"categories {', '.join(cats)}"
    selected = df[df["category"].isin(cats)]
    if selected.empty:
        raise NoClaimsError(
            f"no claims in {what}; categories with claims: {available(df, 'category')}"
        )
    for name, wanted in filters.items():
        if wanted is None:
            continue
        values = as_list(name, wanted)
        kept = selected[selected[name].isin(values)]
        if kept.empty:
            hint = "; pass scope=None to include every scope" if name == "scope" else ""
            raise NoClaimsError(
                f"no claims in {what} with {name} {', '.join(values)}; "
                f"{name} available there: {available(selected, name)}{hint}"
            )
        what += f" with {name} {', '.join(values)}"
        selected = kept
    return selected


def latest(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Each group's latest claim; on the same day the largest figure wins."""
    ordered = df.sort_values(
        ["claim_date", "value", "claim_id"], na_position="first", kind="mergesort"
    )
    return ordered.groupby(keys, sort=False, dropna=False).tail(1)


def largest(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Each group's largest claim; on a tie the later one wins."""
    ordered = df.sort_values(
        ["value", "claim_date", "claim_id"], na_position="first", kind="mergesort"
    )
    return ordered.groupby(keys, sort=False, dropna=False).tail(1)


def by_claimant_side(groups: Iterable[tuple[object, pd.DataFrame]]) -> list:
    """Groups ordered by their claimant's side (contract order), then by key."""
    return sorted(
        groups, key=lambda kv: (CLAIMANT_SIDES.index(kv[1]["claimant_side"].iloc[0]), kv[0])
    )


def populations_of(rows: pd.DataFrame) -> list[str]:
    """The populations present in ``rows``, fighters first."""
    present = set(rows["population"].dropna())
    return [p for p in POPULATION_ORDER if p in present]


# --- Labels ------------------------------------------------------------------------------


def escape_math(text: str) -> str:
    """``text`` with every ``$`` escaped, so that matplotlib draws it instead of mathtext.

    Names and captions come from documents: "A$B $5" would otherwise start a formula
    and fail to draw. Matplotlib shows ``\\$`` as ``$``.
    """
    return text.replace("$", r"\$")


def count(value: object) -> str:
    """A whole figure with thousands separators; "?" when missing."""
    return "?" if pd.isna(value) else f"{int(value):,}"


def figure_label(row: pd.Series) -> str:
    """The claimed figure as hedged in the text: "6,674", "\u2265188", "700\u20131,000"."""
    fmt = _HEDGE_FORMATS.get(str(row["qualifier"]), "{v}")
    lo = row["value_low"] if pd.notna(row["value_low"]) else row["value"]
    hi = row["value_high"] if pd.notna(row["value_high"]) else row["value"]
    return fmt.format(v=count(row["value"]), lo=count(lo), hi=count(hi))


def series_max(values: pd.Series) -> float:
    values = values.dropna()
    return float(values.max()) if len(values) else 0.0


def day_month(value: object, *, with_year: bool = False) -> str:
    """Day and month as "27 Sep", with month names fixed here rather than by the locale."""
    ts = pd.Timestamp(value)
    return f"{ts.day} {MONTHS[ts.month - 1]}" + (f" {ts.year}" if with_year else "")


def day_span(dates: pd.Series) -> str:
    """A span of days as "26\u201328 Oct 2020", "30 Sep \u2013 4 Oct 2020" or one day."""
    dates = dates.dropna()
    if dates.empty:
        return "undated"
    lo, hi = pd.Timestamp(dates.min()), pd.Timestamp(dates.max())
    if lo.normalize() == hi.normalize():
        return day_month(lo, with_year=True)
    if lo.year != hi.year:
        return f"{day_month(lo, with_year=True)} \u2013 {day_month(hi, with_year=True)}"
    if lo.month != hi.month:
        return f"{day_month(lo)} \u2013 {day_month(hi, with_year=True)}"
    return f"{lo.day}\u2013{day_month(hi, with_year=True)}"
