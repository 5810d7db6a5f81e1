"""Equipment losses: per category, one bar per claimant, coloured by its side."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd
from matplotlib.axes import Axes

from ._caption import Sources, add_caption
from ._common import (
    CATEGORY_LABELS,
    EQUIPMENT_CHART_CATEGORIES,
    TOTAL_SCOPES,
    by_claimant_side,
    day_span,
    escape_math,
    figure_label,
    largest,
    populations_of,
    select,
)
from ._common import latest as latest_rows
from ._style import (
    HATCHES,
    LABEL_SIZE,
    MARKERS,
    bars,
    color,
    filters_text,
    log_limits,
    new_axes,
    outside_legend,
    scale_reason,
    side_label,
    title,
    value_axis,
    value_grid,
)

__all__ = ["plot_equipment_losses"]


def plot_equipment_losses(
    claims: pd.DataFrame,
    *,
    subject_side: str | Iterable[str] | None = None,
    categories: Sequence[str] = EQUIPMENT_CHART_CATEGORIES,
    scope: str | Iterable[str] | None = TOTAL_SCOPES,
    latest: bool = True,
    log: bool | None = None,
    sources: Sources = None,
    ax: Axes | None = None,
) -> Axes:
    """Grouped bars: per equipment category, one bar per claimant, coloured by its side.

    Each bar is the claimant's latest running total (``scope``: cumulative or
    unstated; ``None`` for every scope), or with ``latest=False`` its largest
    figure. On one day the largest figure wins, so "173 tanks, 64 of them
    captured" counts 173. Categories nobody claimed are left out. The value axis
    is logarithmic (and says why) when the figures lie more than ``LOG_RATIO``
    apart (8,000 vehicles beside 28 aircraft); ``log`` forces either scale.

    Example: ``plot_equipment_losses(load_claims(), subject_side="armenia")``
    """
    rows = select(claims, list(categories), subject_side=subject_side, scope=scope)
    keys = ["claimant", "subject_side", "category"]
    rows = latest_rows(rows, keys) if latest else largest(rows, keys)
    shown = [c for c in categories if c in set(rows["category"])]
    several = rows["subject_side"].nunique() > 1
    series = by_claimant_side(rows.groupby(["claimant", "subject_side"], sort=True))
    reason = scale_reason(rows["value"], populations_of(rows), log=log)
    ax = new_axes(ax)
    if reason:
        ax.set_xscale("log", nonpositive="clip")
    height = 0.8 / len(series)
    per_side: dict[str, int] = {}
    # Within a category the bars present are packed and centred on its tick.
    slots: dict[tuple[str, int], float] = {}
    for c in shown:
        present = [i for i, (_, g) in enumerate(series) if (g["category"] == c).any()]
        for j, i in enumerate(present):
            slots[(c, i)] = shown.index(c) + height * (j + 0.5 - len(present) / 2)
    for i, ((claimant, subject), group) in enumerate(series):
        side = group["claimant_side"].iloc[0]
        k = per_side[side] = per_side.get(side, -1) + 1
        by_cat = group.set_index("category")
        cats = [c for c in shown if c in by_cat.index]
        about = f"on {side_label(subject)} \u00b7 " if several else ""
        label = escape_math(f"{claimant}\n{about}{day_span(group['claim_date'])}")
        drawn = bars(
            ax,
            [slots[(c, i)] for c in cats],
            [int(by_cat.loc[c, "value"]) for c in cats],
            height=height * 0.92,
            colors=color(side),
            log=bool(reason),
            marker=MARKERS[k % len(MARKERS)],
            hatch=None if reason else HATCHES[k % len(HATCHES)],
            edgecolor="white",
            lw=0,
            label=label,
        )
        for bar, c in zip(drawn, cats, strict=True):
            text = ax.annotate(
                figure_label(by_cat.loc[c]),
                xy=(bar.get_width(), bar.get_y() + bar.get_height() / 2),
                xytext=(6 if reason else 3, 0),
                textcoords="offset points",
                va="center",
                fontsize=LABEL_SIZE - 0.5,
            )
            text.set_gid("value-label")
    ax.set_yticks(range(len(shown)), [CATEGORY_LABELS[c] for c in shown], fontsize=LABEL_SIZE)
    ax.set_ylim(len(shown) - 0.5, -0.5)
    x_max = max(float(rows["value"].max()), 1.0)
    if reason:
        lo, hi = log_limits(rows["value"], headroom=2.5)
        ax.set_xlim(lo, hi)
    else:
        ax.set_xlim(0, x_max * 1.15)
    value_axis(ax.xaxis, log=bool(reason))
    value_grid(ax, "x")
    ax.set_xlabel("Equipment claimed lost (destroyed, damaged, captured)")
    what = "each claimant's latest figure" if latest else "each claimant's largest figure"
    title(
        ax,
        f"Equipment losses: {what}",
        filters_text(subject_side=subject_side, scope=scope),
        reason,
    )
    outside_legend(ax, title="Claimant, claim date")
    add_caption(ax, rows, sources=sources)
    return ax
