"""Claims matrix: who claims (row) how many losses of whom (column), like with like."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap, LogNorm, Normalize

from ..conflicts import get_profile, list_conflicts
from ..schema import CLAIMANT_SIDES, SIDES
from ._caption import Sources, add_caption
from ._common import (
    CATEGORY_LABELS,
    TOTAL_SCOPES,
    as_list,
    day_month,
    escape_math,
    figure_label,
    largest,
    select,
)
from ._style import LABEL_SIZE, SIDE_COLORS, SIDE_LABELS, new_axes, title

__all__ = ["plot_claims_matrix"]


def plot_claims_matrix(
    claims: pd.DataFrame,
    category: str,
    *,
    population: str = "military",
    scope: str | Iterable[str] = TOTAL_SCOPES,
    sources: Sources = None,
    ax: Axes | None = None,
) -> Axes:
    """Heatmap of claimant side \u00d7 subject side: the largest figure claimed in each cell.

    Every cell holds the same kind of figure: one ``population`` (default military)
    and one ``scope`` (default running totals: cumulative or unstated), both named
    in the title. Each cell is annotated with the figure, who claimed it and when;
    empty cells (nobody on that side claimed losses of that side) show a dash.
    Rows and columns are the sides of the table's conflicts.

    Example: ``plot_claims_matrix(load_claims(), "killed", population="civilian")``
    """
    population, scope = _one_kind(population, scope)
    rows = select(claims, category, population=population, scope=scope)
    top = largest(rows, ["claimant_side", "subject_side"])
    subject_axis, claimant_axis = _side_axes(rows)
    grid = np.full((len(claimant_axis), len(subject_axis)), np.nan)
    cells = {}
    for _, row in top.iterrows():
        r = claimant_axis.index(row["claimant_side"])
        c = subject_axis.index(row["subject_side"])
        grid[r, c] = row["value"]
        cells[(r, c)] = row
    ax = new_axes(ax, (8.0, 5.6))
    shades = mpl.colormaps["Greys"](np.linspace(0.06, 0.62, 256))
    cmap = ListedColormap(shades).with_extremes(bad="white")
    norm = _shade_norm(grid)
    ax.imshow(np.ma.masked_invalid(grid), cmap=cmap, norm=norm, aspect="auto")
    for r in range(grid.shape[0]):
        for c in range(grid.shape[1]):
            row = cells.get((r, c))
            if row is None:
                text = ax.text(c, r, "\u2013", ha="center", va="center", color="#999999")
                text.set_gid("empty-cell")
                continue
            dark = norm(grid[r, c]) > 0.6
            claimant = escape_math(textwrap.fill(str(row["claimant"]), width=22))
            text = ax.text(
                c,
                r,
                f"{figure_label(row)}\n{claimant}\n{_when(row['claim_date'])}",
                ha="center",
                va="center",
                fontsize=LABEL_SIZE - 1,
                color="white" if dark else "black",
                linespacing=1.25,
            )
            text.set_gid("cell-label")
    _side_ticks(ax, subject_axis, claimant_axis)
    ax.set_xlabel("Whose losses (subject side)")
    ax.set_ylabel("Who claims (claimant side)")
    shading = "shading on a log scale" if isinstance(norm, LogNorm) else ""
    title(
        ax,
        f"{CATEGORY_LABELS[category]}, {population}, {_scope_words(scope)}: "
        "largest figure claimed, by side",
        shading,
    )
    add_caption(ax, top, sources=sources)
    return ax


def _when(value: object) -> str:
    return "undated" if pd.isna(value) else day_month(value, with_year=True)


def _one_kind(population: object, scope: object) -> tuple[str, str | tuple[str, ...]]:
    """One population and one scope (running totals count as one), or a clear error."""
    pops = as_list("population", population)  # type: ignore[arg-type]
    if len(pops) != 1:
        raise ValueError(f"the matrix compares one population at a time; got {', '.join(pops)}")
    if scope is None:
        raise ValueError("the matrix compares one scope at a time; got every scope (None)")
    scopes = as_list("scope", scope)  # type: ignore[arg-type]
    if tuple(scopes) == TOTAL_SCOPES:
        return pops[0], TOTAL_SCOPES
    if len(scopes) != 1:
        raise ValueError(
            f"the matrix compares one scope at a time; got {', '.join(scopes)} "
            f"(running totals: scope={TOTAL_SCOPES!r})"
        )
    return pops[0], scopes[0]


def _scope_words(scope: str | tuple[str, ...]) -> str:
    if scope == TOTAL_SCOPES:
        return "running totals (cumulative or unstated)"
    words = {
        "cumulative": "cumulative totals",
        "period": "figures for a stated period",
        "incident": "figures of one incident",
        "unknown": "figures of unstated scope",
    }
    return words[str(scope)]


def _shade_norm(grid: np.ndarray) -> Normalize:
    """A log scale when the figures span more than a factor of ten, else linear."""
    positive = grid[np.isfinite(grid) & (grid > 0)]
    if positive.size and positive.max() > 10 * positive.min():
        return LogNorm(vmin=float(positive.min()), vmax=float(positive.max()), clip=True)
    return Normalize(vmin=0, vmax=max(float(np.nanmax(grid)), 1.0))


def _side_ticks(ax: Axes, subject_axis: list[str], claimant_axis: list[str]) -> None:
    ax.set_xticks(
        range(len(subject_axis)), [SIDE_LABELS[s] for s in subject_axis], fontsize=LABEL_SIZE
    )
    ax.set_yticks(
        range(len(claimant_axis)), [SIDE_LABELS[s] for s in claimant_axis], fontsize=LABEL_SIZE
    )
    for label, side in zip(ax.get_xticklabels(), subject_axis, strict=True):
        label.set_color(SIDE_COLORS[side])
        label.set_fontweight("bold")
    for label, side in zip(ax.get_yticklabels(), claimant_axis, strict=True):
        label.set_color(SIDE_COLORS[side])
        label.set_fontweight("bold")
    ax.set_xticks(np.arange(len(subject_axis) + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(len(claimant_axis) + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="white", lw=2)
    ax.tick_params(which="both", length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)


def _side_axes(rows: pd.DataFrame) -> tuple[list[str], list[str]]:
    """The two sides of each conflict of ``rows`` and any other side they hold, in
    contract order (an empty row of third parties would only take room)."""
    subject = set(rows["subject_side"].dropna())
    claimant = set(rows["claimant_side"].dropna())
    for c in sorted(set(rows["conflict"].dropna())):
        profile = get_profile(c) if c in list_conflicts() else None
        if profile is not None:
            subject |= set(profile.side_ids)
            claimant |= set(profile.side_ids)
    return [s for s in SIDES if s in subject], [s for s in CLAIMANT_SIDES if s in claimant]
