"""Competing claims: one bar per claimant, the figure it gives, coloured by its side."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from ._caption import Sources, add_caption
from ._common import (
    CATEGORY_LABELS,
    TOTAL_SCOPES,
    day_month,
    escape_math,
    figure_label,
    populations_of,
    select,
    series_max,
)
from ._common import latest as latest_rows
from ._style import (
    LABEL_SIZE,
    bars,
    color,
    filters_text,
    log_limits,
    new_axes,
    scale_reason,
    side_legend,
    title,
    value_axis,
    value_grid,
)

__all__ = ["plot_competing_claims"]

_LABEL_ROOM = 0.3  # share of the value axis kept free for the bars' labels


def plot_competing_claims(
    claims: pd.DataFrame,
    category: str,
    *,
    subject_side: str | Iterable[str] | None = None,
    population: str | Iterable[str] | None = None,
    scope: str | Iterable[str] | None = TOTAL_SCOPES,
    latest: bool = True,
    log: bool | None = None,
    sources: Sources = None,
    ax: Axes | None = None,
) -> Axes:
    """One bar per claimant: the figure it gives for ``category``, coloured by its side.

    With ``latest=True`` each claimant (per subject and population) shows its latest
    claim among running totals (``scope``: cumulative or unstated; ``None`` for
    every scope); with ``latest=False`` every such claim gets a bar. Ranges and
    open bounds ("at least") are drawn as intervals; bars are labelled with the
    hedged figure and the claim date. The value axis is logarithmic (and the
    subtitle says why) when several populations share it or its figures lie more
    than ``LOG_RATIO`` apart; ``log`` forces either scale. ``sources`` names the
    outlets of documents the seed catalog does not know (doc_id -> outlet, or a
    documents table).

    Example: ``plot_competing_claims(load_claims(), "killed", subject_side="azerbaijan")``
    """
    rows = select(claims, category, subject_side=subject_side, population=population, scope=scope)
    rows = _order(rows, latest=latest)
    ax = new_axes(ax)
    y = np.arange(len(rows))
    values = rows["value"].to_numpy()
    reason = scale_reason(
        [*values, *rows["value_low"].dropna(), *rows["value_high"].dropna()],
        populations_of(rows),
        log=log,
    )
    if reason:
        ax.set_xscale("log", nonpositive="clip")
    bars(
        ax,
        y,
        values,
        height=0.62,
        colors=[color(s) for s in rows["claimant_side"]],
        log=bool(reason),
        edgecolor="none",
    )
    x_max = max(float(values.max()), series_max(rows["value_high"]), 1.0)
    # An open bound ("at least 188") is an arrow of fixed length: a share of the axis.
    reach = _Reach(log=bool(reason), length=0.12 * x_max)
    ends = []
    for yi, (_, row) in zip(y, rows.iterrows(), strict=True):
        end = _draw_interval(ax, row, yi, reach)
        ends.append(end)
        label = ax.annotate(
            f"{figure_label(row)}  \u00b7  {_when(row['claim_date'])}",
            xy=(end, yi),
            xytext=(7 if reason else 4, 0),
            textcoords="offset points",
            va="center",
            fontsize=LABEL_SIZE,
        )
        label.set_gid("value-label")
    ax.set_yticks(y, [_row_label(r) for _, r in rows.iterrows()], fontsize=LABEL_SIZE)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    if reason:
        lo, hi = log_limits([*values, *ends])
        decades = np.log10(max(*ends, 1.0) / lo) / (1 - _LABEL_ROOM)
        ax.set_xlim(lo, max(hi, lo * 10**decades))
    else:
        ax.set_xlim(0, max(*ends, 1.0) / (1 - _LABEL_ROOM))
    value_axis(ax.xaxis, log=bool(reason))
    value_grid(ax, "x")
    ax.set_xlabel(f"{CATEGORY_LABELS[category]} (claimed)")
    what = "each claimant's latest figure" if latest else "every claim"
    title(
        ax,
        f"{CATEGORY_LABELS[category]}: {what}",
        filters_text(subject_side=subject_side, population=population, scope=scope),
        reason,
    )
    side_legend(ax, rows["claimant_side"], title="Claimant side")
    add_caption(ax, rows, sources=sources)
    return ax


def _order(rows: pd.DataFrame, *, latest: bool) -> pd.DataFrame:
    keys = ["claimant", "subject", "population"]
    if latest:
        rows = latest_rows(rows, keys)
        return rows.sort_values(["value", "claimant"], ascending=[False, True], kind="mergesort")
    top = rows.groupby(keys)["value"].transform("max")
    return rows.assign(_top=top).sort_values(
        ["_top", "claimant", "subject", "claim_date", "value"],
        ascending=[False, True, True, True, True],
        na_position="first",
        kind="mergesort",
    )


def _when(value: object) -> str:
    return "undated" if pd.isna(value) else day_month(value, with_year=True)


def _row_label(row: pd.Series) -> str:
    return escape_math(f"{row['claimant']}\non {row['subject']} ({row['population']})")


@dataclass(frozen=True)
class _Reach:
    """How far an open bound's arrow reaches: a fixed length, or a fixed factor on a log axis."""

    log: bool
    length: float

    def up(self, v: float) -> float:
        return v * 1.8 if self.log else v + self.length

    def down(self, v: float) -> float:
        return v / 1.8 if self.log else max(v - self.length, 0.0)


def _draw_interval(ax: Axes, row: pd.Series, y: float, reach: _Reach) -> float:
    """Draw the claim's bounds as an interval; return the x where its label starts."""
    qualifier = row["qualifier"]
    lo, hi = row["value_low"], row["value_high"]
    if qualifier == "range" and pd.notna(lo) and pd.notna(hi):
        start, end, style = float(lo), float(hi), "|-|"
    elif qualifier in ("at_least", "more_than"):
        start = float(lo) if pd.notna(lo) else float(row["value"])
        end, style = reach.up(start), "]->"
    elif qualifier in ("up_to", "less_than"):
        end = float(hi) if pd.notna(hi) else float(row["value"])
        start, style = reach.down(end), "<-["
    else:
        return float(row["value"])
    arrow = ax.annotate(
        "",
        xy=(end, y),
        xytext=(start, y),
        arrowprops={
            "arrowstyle": style,
            "color": "#222222",
            "lw": 1.2,
            "shrinkA": 0,
            "shrinkB": 0,
            "mutation_scale": 9,
        },
        annotation_clip=False,
    )
    arrow.set_gid(f"interval-{qualifier}")
    return max(end, float(row["value"]))
