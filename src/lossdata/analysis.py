"""Analysis helpers: compare, align and follow the loss claims of each side.

Every helper takes the claims table first (as ``load_claims()`` returns it, or the
same columns with plain dtypes), keyword-only options after, and returns a tidy
DataFrame; an empty selection gives an empty frame with the documented columns.
Figures are never summed: conflicts, subjects and populations stay apart, and each
figure keeps the ids (``claim_id``, ``doc_id``) that trace it back to its sentence.

**Which claim stands for a claimant** (the preference rule, used wherever one figure
must be chosen among several for the same thing): the widest scope first,
``cumulative``, then ``unknown`` (many running totals do not say "since the war
began"), then ``period`` and ``incident`` alike; then the latest ``claim_date``
(undated claims last); then the larger figure (on the same day a total beats its
parts); then the larger ``claim_id``, so that row order never matters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import numpy as np
import pandas as pd

from .conflicts import get_profile, list_conflicts
from .schema import CATEGORIES, POPULATIONS, SCOPES, SIDES

__all__ = [
    "INFLATION_COLUMNS",
    "SPREAD_COLUMNS",
    "TALLY_COLUMNS",
    "TOTAL_SCOPES",
    "claim_spread",
    "claims_wide",
    "inflation_ratio",
    "latest_claims",
    "tally_series",
]

# Scopes that can hold a running total (as in the charts).
TOTAL_SCOPES: tuple[str, ...] = ("cumulative", "unknown")
# fmt: off
SPREAD_COLUMNS: tuple[str, ...] = (
    "conflict", "subject", "subject_side", "population", "low", "low_claimant", "high",
    "high_claimant", "ratio", "n_claimants", "date", "low_claim_id", "high_claim_id",
)
# Fixed: charts are drawn against these names.
INFLATION_COLUMNS: tuple[str, ...] = (
    "conflict", "side", "category", "population", "enemy_claim", "enemy_claimant",
    "enemy_claim_date", "own_claim", "own_claimant", "own_claim_date", "ratio", "reason",
)
TALLY_COLUMNS: tuple[str, ...] = (
    "conflict", "subject", "population", "claim_date", "value", "value_low", "value_high",
    "qualifier", "scope", "increment", "correction", "claim_id", "doc_id", "quote",
)

_SCOPE_RANK = {"cumulative": 0, "unknown": 1, "period": 2, "incident": 2}
_NEEDED = (
    "claim_id", "doc_id", "quote", "value", "value_low", "value_high", "qualifier",
    "category", "subject", "subject_side", "population", "claimant", "claimant_side",
    "conflict", "claim_date", "scope",
)
# fmt: on
_TEXT = [c for c in _NEEDED if c not in ("value", "value_low", "value_high", "claim_date")]

DateLike = str | dt.date | pd.Timestamp | None
Names = str | Iterable[str] | None


# --- Selection -----------------------------------------------------------------------------


def _tables(claims: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the table with a fresh index, plain string/int/timestamp columns to select on)."""
    if not isinstance(claims, pd.DataFrame):
        raise TypeError(f"expected the claims table (a DataFrame), got {type(claims).__name__}")
    missing = [c for c in _NEEDED if c not in claims.columns]
    if missing:
        raise ValueError(f"the claims table lacks column(s): {', '.join(missing)}")
    src = claims.reset_index(drop=True)
    work = pd.DataFrame({c: src[c].astype("string") for c in _TEXT})
    work["value"] = pd.to_numeric(src["value"]).astype("int64")
    work["claim_date"] = pd.to_datetime(src["claim_date"])
    return src, work


def _names(option: str, wanted: Names, valid: Iterable[str]) -> list[str] | None:
    """``wanted`` as a list (None stays None), or a ValueError listing the valid values."""
    if wanted is None:
        return None
    values = [wanted] if isinstance(wanted, str) else list(wanted)
    valid = list(valid)
    bad = [v for v in values if v not in valid]
    if bad or not values:
        shown = ", ".join(map(repr, bad)) or "(none given)"
        raise ValueError(f"unknown {option} {shown}; valid: {', '.join(valid)}")
    return values


def _category(category: str) -> str:
    if not isinstance(category, str):
        raise ValueError(f"category must be one name; valid: {', '.join(CATEGORIES)}")
    _names("category", category, CATEGORIES)
    return category


def _filter(work: pd.DataFrame, **wanted: list[str] | None) -> pd.DataFrame:
    for column, values in wanted.items():
        if values is not None:
            work = work[work[column].isin(values)]
    return work


def _up_to(work: pd.DataFrame, as_of: DateLike) -> pd.DataFrame:
    """Claims dated on or before ``as_of`` (undated ones are dropped when it is given)."""
    if as_of is None:
        return work
    try:
        day = pd.Timestamp(as_of)
    except (TypeError, ValueError):
        day = pd.NaT
    if pd.isna(day):
        raise ValueError(f"as_of must be a date such as '2020-10-20', got {as_of!r}")
    return work[work["claim_date"].notna() & (work["claim_date"] <= day)]


def _rank(work: pd.DataFrame) -> pd.Series:
    """0 for cumulative, 1 for unknown scope, 2 for period and incident figures."""
    return work["scope"].map(_SCOPE_RANK).astype("float64").fillna(3.0)


def _preferred(work: pd.DataFrame) -> pd.DataFrame:
    """``work`` ordered so that the claim the preference rule keeps comes last."""
    return work.assign(_rank=_rank(work)).sort_values(
        ["_rank", "claim_date", "value", "claim_id"],
        ascending=[False, True, True, True],
        na_position="first",
        kind="mergesort",
    )


def _pick(work: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """One claim per group of ``keys``, by the preference rule (see the module docstring)."""
    ordered = _preferred(work)
    if not keys:
        return ordered.tail(1)
    return ordered.groupby(keys, sort=False, dropna=False).tail(1)


# --- Helpers -------------------------------------------------------------------------------


def latest_claims(
    claims: pd.DataFrame,
    *,
    as_of: DateLike = None,
    by: str | Iterable[str] = ("claimant", "subject", "category"),
    population: Names = None,
    scope: Names = None,
) -> pd.DataFrame:
    """Each claimant's latest figure up to ``as_of``, cumulative over incident figures.

    One row per group of ``by`` columns, within each conflict and population (the
    rows of two conflicts or populations are never merged); the row kept follows the
    preference rule: cumulative, then unstated scope, then period and incident
    figures; the latest claim date; the larger figure. ``population`` and ``scope``
    restrict the claims considered (None: all). Rows are the table's own (every
    column, same dtypes), sorted by the group keys.

    Example: ``latest_claims(load_claims(), as_of="2020-10-20")``
    """
    src, work = _tables(claims)
    by = [by] if isinstance(by, str) else list(by)
    _names("column in by", by, [str(c) for c in src.columns])
    keys = list(dict.fromkeys(["conflict", *by, "population"]))
    work = _filter(
        _up_to(work, as_of),
        population=_names("population", population, POPULATIONS),
        scope=_names("scope", scope, SCOPES),
    )
    for column in keys:  # extra grouping columns, as plain values
        if column not in work.columns:
            work[column] = src.loc[work.index, column].astype("string")
    kept = _pick(work, keys).sort_values(keys, kind="mergesort")
    return src.loc[kept.index].reset_index(drop=True)


def claims_wide(
    claims: pd.DataFrame,
    category: str,
    *,
    subject_side: Names = None,
    population: Names = None,
    conflict: Names = None,
    scope: Names = TOTAL_SCOPES,
    freq: str = "D",
    fill: bool = False,
) -> pd.DataFrame:
    """One column per claimant, one row per ``freq`` period: the figures of ``category``.

    The index (``claim_date``) runs over every period from the first claim to the last;
    a cell holds the claimant's last figure in that period (latest claim date, then
    cumulative before unstated scope, then the larger figure), NaN where it said
    nothing; ``fill=True`` carries each figure forward until the claimant's next.
    Only running totals by default (``scope``: cumulative or unstated; None for all);
    undated claims are left out. A claimant whose figures span more than one conflict,
    subject side or population raises a ValueError naming the option that separates
    them, so that no column mixes them (a side's subjects, such as Armenia and
    Artsakh, share one). Values are floats, ready for plotting or modelling.

    Example: ``claims_wide(load_claims(), "killed", subject_side="armenia", population="military")``
    """
    _, work = _tables(claims)
    try:
        offset = pd.tseries.frequencies.to_offset(freq)
    except (TypeError, ValueError):
        raise ValueError(f"unknown freq {freq!r}; valid: a pandas frequency ('D', 'W')") from None
    work = _filter(
        work[work["claim_date"].notna()],
        category=[_category(category)],
        subject_side=_names("subject_side", subject_side, SIDES),
        population=_names("population", population, POPULATIONS),
        conflict=_names("conflict", conflict, [*list_conflicts(), "unknown"]),
        scope=_names("scope", scope, SCOPES),
    )
    for column in ("conflict", "subject_side", "population"):
        mixed = work.groupby("claimant")[column].nunique()
        if (mixed > 1).any():
            name = mixed[mixed > 1].index[0]
            values = sorted(work.loc[work["claimant"] == name, column].unique())
            raise ValueError(
                f"{name} gives {category} figures for more than one {column} "
                f"({', '.join(values)}); pass {column}= so that no column mixes them"
            )
    if work.empty:
        empty = pd.DataFrame(index=pd.DatetimeIndex([], name="claim_date"), dtype="float64")
        empty.columns.name = "claimant"
        return empty
    # Ordered so that the claim kept in a period is the last of it.
    ordered = work.assign(_rank=_rank(work)).sort_values(
        ["claim_date", "_rank", "value", "claim_id"],
        ascending=[True, False, True, True],
        kind="mergesort",
    )
    series = {
        str(name): group.set_index("claim_date")["value"].astype("float64").resample(offset).last()
        for name, group in ordered.groupby("claimant", sort=True)
    }
    wide = pd.DataFrame(series).resample(offset).last()  # one index for every claimant
    wide.index.name, wide.columns.name = "claim_date", "claimant"
    return wide.ffill() if fill else wide


def claim_spread(
    claims: pd.DataFrame,
    category: str,
    *,
    subject_side: Names = None,
    population: Names = None,
    scope: Names = TOTAL_SCOPES,
    as_of: DateLike = None,
) -> pd.DataFrame:
    """For each subject, the lowest and highest competing figures at the latest date.

    Each claimant's figure is its latest (the preference rule, up to ``as_of``) of
    ``category`` for that subject and population; one row per conflict, subject and
    population with the lowest figure and who gave it, the highest and who gave it
    (ties: the claimant first in alphabetical order), ``ratio`` = high / low (NaN when
    the lowest is 0), ``n_claimants`` and ``date``, the latest claim date compared.
    Only running totals by default (``scope``: cumulative or unstated; None for all).
    Columns: ``SPREAD_COLUMNS``.

    Example: ``claim_spread(load_claims(), "killed", subject_side="azerbaijan")``
    """
    _, work = _tables(claims)
    work = _filter(
        _up_to(work, as_of),
        category=[_category(category)],
        subject_side=_names("subject_side", subject_side, SIDES),
        population=_names("population", population, POPULATIONS),
        scope=_names("scope", scope, SCOPES),
    )
    keys = ["conflict", "subject", "subject_side", "population"]
    latest = _pick(work, [*keys, "claimant"])
    by_value = latest.sort_values(["value", "claimant"], kind="mergesort")
    low = by_value.groupby(keys, dropna=False).head(1).set_index(keys)
    high = (
        latest.sort_values(["value", "claimant"], ascending=[False, True], kind="mergesort")
        .groupby(keys, dropna=False)
        .head(1)
        .set_index(keys)
    )
    stats = latest.groupby(keys, dropna=False).agg(
        n_claimants=("claimant", "nunique"), date=("claim_date", "max")
    )
    out = pd.DataFrame(
        {
            "low": low["value"],
            "low_claimant": low["claimant"],
            "high": high["value"],
            "high_claimant": high["claimant"],
            "low_claim_id": low["claim_id"],
            "high_claim_id": high["claim_id"],
        }
    ).join(stats)
    out["ratio"] = (out["high"] / out["low"].where(out["low"] > 0)).astype("float64")
    out = out.reset_index().sort_values(keys, kind="mergesort").reset_index(drop=True)
    out["n_claimants"] = out["n_claimants"].astype("int64")
    out["date"] = pd.to_datetime(out["date"])
    return out.loc[:, list(SPREAD_COLUMNS)]


def inflation_ratio(
    claims: pd.DataFrame,
    category: str | Iterable[str],
    *,
    side: str,
    population: str = "military",
    scope: Names = TOTAL_SCOPES,
    as_of: DateLike = None,
) -> pd.DataFrame:
    """What the enemy claims of ``side``'s losses divided by what ``side`` admits.

    For each conflict ``side`` belongs to (its enemy is the other side of that
    conflict's profile) and each category: the enemy side's claim and ``side``'s own
    claim of ``side``'s losses of one ``population`` (default ``military``, for people
    categories and equipment alike), each the latest running total of its side by the
    preference rule (``scope``: cumulative before unstated; up to ``as_of``), and
    ``ratio`` = enemy_claim / own_claim. ``ratio`` is NaN and ``reason`` says why when
    a claim is missing or the side admits 0; ``reason`` is "" otherwise.
    Columns: ``INFLATION_COLUMNS``.

    Example: ``inflation_ratio(load_claims(), "killed", side="armenia")``
    """
    _, work = _tables(claims)
    categories = _names("category", category, CATEGORIES) or []
    profiles = [p for c in list_conflicts() if (p := get_profile(c)) is not None]
    _names("side", side if isinstance(side, str) else "", [s for p in profiles for s in p.side_ids])
    _names("population", population if isinstance(population, str) else "", POPULATIONS)
    work = _filter(
        _up_to(work, as_of),
        subject_side=[side],
        population=[population],
        scope=_names("scope", scope, SCOPES),
    )
    rows = []
    for profile in profiles:
        enemy = profile.opponent(side)
        if enemy is None:  # side is not a side of this conflict
            continue
        for cat in categories:
            subset = work[(work["conflict"] == profile.id) & (work["category"] == cat)]
            theirs = _pick(subset[subset["claimant_side"] == enemy], [])
            ours = _pick(subset[subset["claimant_side"] == side], [])
            row = {"conflict": profile.id, "side": side, "category": cat, "population": population}
            for prefix, found in (("enemy", theirs), ("own", ours)):
                hit = found.iloc[0] if len(found) else None
                row[f"{prefix}_claim"] = None if hit is None else int(hit["value"])
                row[f"{prefix}_claimant"] = None if hit is None else str(hit["claimant"])
                row[f"{prefix}_claim_date"] = None if hit is None else hit["claim_date"]
            what = f"{population} {cat}"
            if theirs.empty and ours.empty:
                reason = f"no claim by either side of {side}'s {what}"
            elif theirs.empty:
                reason = f"no {enemy}-side claim of {side}'s {what}"
            elif ours.empty:
                reason = f"no {side}-side claim of its own {what}"
            elif row["own_claim"] == 0:
                reason = f"the {side} side admits 0 {what}"
            else:
                reason = ""
            row["ratio"] = row["enemy_claim"] / row["own_claim"] if not reason else np.nan
            row["reason"] = reason
            rows.append(row)
    out = pd.DataFrame(rows, columns=list(INFLATION_COLUMNS))
    for column in ("conflict", "side", "category", "population", "reason"):
        out[column] = out[column].astype("string")
    for prefix in ("enemy", "own"):
        out[f"{prefix}_claim"] = out[f"{prefix}_claim"].astype("Int64")
        out[f"{prefix}_claimant"] = out[f"{prefix}_claimant"].astype("string")
        out[f"{prefix}_claim_date"] = pd.to_datetime(out[f"{prefix}_claim_date"])
    out["ratio"] = out["ratio"].astype("float64")
    return out


def tally_series(
    claims: pd.DataFrame,
    *,
    claimant: str,
    category: str,
    subject: str | None = None,
    population: Names = None,
    scope: Names = TOTAL_SCOPES,
) -> pd.DataFrame:
    """A claimant's running tally of ``category``, with the change between its claims.

    One series per conflict, subject and population (never summed), in date order, one
    claim per day (the preference rule: cumulative before unstated scope, then the
    larger figure); undated claims are left out. ``increment`` is the change from the
    previous claim of the same series (NA for the first); ``correction`` flags a
    decrease, which is kept rather than smoothed away. Only running totals by default
    (``scope``: cumulative or unstated). Columns: ``TALLY_COLUMNS``.

    Example: ``tally_series(load_claims(), claimant="Armenian government", category="killed")``
    """
    src, work = _tables(claims)
    _names("claimant", claimant, sorted(work["claimant"].unique()))
    if subject is not None:
        _names("subject", subject, sorted(work["subject"].unique()))
    work = _filter(
        work[work["claim_date"].notna()],
        claimant=[claimant],
        category=[_category(category)],
        subject=None if subject is None else [subject],
        population=_names("population", population, POPULATIONS),
        scope=_names("scope", scope, SCOPES),
    )
    keys = ["conflict", "subject", "population"]
    kept = _pick(work, [*keys, "claim_date"]).sort_values([*keys, "claim_date"], kind="mergesort")
    out = src.loc[kept.index].reset_index(drop=True)
    steps = kept["value"].groupby([kept[k] for k in keys], dropna=False).diff()
    out["increment"] = pd.Series(steps.to_numpy(), dtype="float64").astype("Int64")
    out["correction"] = (out["increment"] < 0).fillna(False).astype(bool)
    return out.loc[:, list(TALLY_COLUMNS)]
