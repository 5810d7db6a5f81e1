"""Inflation: what the enemy claims of a side's losses against what the side admits.

A dumbbell per side and category on a log axis: the side's own figure (a diamond)
and the enemy's claim (a dot), joined by a line whose length is their ratio, with
the ratio written over it ("\u00d712.5"). Where a ratio is missing, the reason is.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Sequence

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from .. import analysis
from ..conflicts import get_profile, list_conflicts
from ..schema import CATEGORIES
from ._caption import Sources, add_caption
from ._common import (
    CATEGORY_LABELS,
    TOTAL_SCOPES,
    NoClaimsError,
    check_categories,
    count,
    day_month,
    escape_math,
    prepare,
)
from ._style import (
    LABEL_SIZE,
    color,
    filters_text,
    new_axes,
    outside_legend,
    side_label,
    text_width,
    title,
    usable_width,
    value_axis,
    value_grid,
)

__all__ = ["plot_inflation_ratio"]

_SIZE = LABEL_SIZE - 1  # dot labels
_WRAP = 26  # characters per line of a claimant's name or a reason
_OWN, _ENEMY = "D", "o"


def plot_inflation_ratio(
    claims: pd.DataFrame,
    *,
    categories: str | Sequence[str] | None = None,
    sides: str | Iterable[str] | None = None,
    population: str = "military",
    scope: str | Iterable[str] | None = TOTAL_SCOPES,
    as_of: str | None = None,
    sources: Sources = None,
    ax: Axes | None = None,
) -> Axes:
    """Per side and category: the enemy's claim of the side's losses against its own figure.

    Each row is ``lossdata.analysis.inflation_ratio`` for one side (default: both
    sides of every conflict in the table) and category (default: every category
    with a ratio for some side), of one ``population`` (default military): the
    side's own figure (diamond) and the enemy's claim (dot), each in its claimant
    side's colour, labelled with figure, claimant and date, and "\u00d7ratio" over
    the line between them. The axis is logarithmic, so that the line's length is
    the ratio whatever the figures. A missing ratio shows the reason instead.

    Example: ``plot_inflation_ratio(load_claims(), categories="killed")``
    """
    table = prepare(claims)
    side_ids = _sides(table, sides)
    cats = _categories(claims, table, categories, side_ids, population, scope, as_of)
    found = pd.concat(
        [_ratios(claims, c, s, population, scope, as_of) for s in side_ids for c in cats],
        ignore_index=True,
    )
    if found.empty or found[["enemy_claim", "own_claim"]].isna().all(axis=None):
        what = ", ".join(found["reason"].dropna().unique()) if len(found) else "no conflict"
        raise NoClaimsError(f"no claim to compare for sides {', '.join(side_ids)}: {what}")
    ax = new_axes(ax, (8.0, max(3.2, 1.7 + 0.8 * len(found))))
    ax.set_xscale("log")
    # Row labels first: the room left for the dots' labels is measured without them.
    ax.set_yticks(range(len(found)), [_row_label(r) for _, r in found.iterrows()])
    for label, side in zip(ax.get_yticklabels(), found["side"], strict=True):
        label.set_color(color(side))
    _draw_rows(ax, found)
    ax.set_ylim(len(found) - 0.4, -0.6)
    value_axis(ax.xaxis, log=True)
    value_grid(ax, "x")
    ax.set_xlabel("Losses claimed (log scale)")
    title(
        ax,
        "Enemy claims against a side's own figures",
        filters_text(population=population, scope=scope),
        f"as of {as_of}" if as_of else "",
        "log scale: the line between two figures is their ratio",
    )
    outside_legend(
        ax,
        title="Figure of the side's losses",
        handles=[
            Line2D([], [], marker=_ENEMY, ls="", color="#555555", label="claimed by the enemy"),
            Line2D([], [], marker=_OWN, ls="", color="#555555", label="given by the side itself"),
        ],
    )
    add_caption(ax, _source_rows(table, found), sources=sources)
    return ax


def _sides(table: pd.DataFrame, sides: str | Iterable[str] | None) -> list[str]:
    """The sides asked for, or both sides of each conflict in the table, in profile order."""
    profiles = [p for c in list_conflicts() if (p := get_profile(c)) is not None]
    valid = [s for p in profiles for s in p.side_ids]
    if sides is None:
        present = set(table["conflict"].dropna())
        return [s for p in profiles if p.id in present for s in p.side_ids] or valid[:0]
    wanted = [sides] if isinstance(sides, str) else list(sides)
    bad = [s for s in wanted if s not in valid]
    if bad or not wanted:
        raise ValueError(
            f"unknown side {', '.join(map(repr, bad)) or '(none given)'}; "
            f"valid sides: {', '.join(valid)}"
        )
    return wanted


def _ratios(claims, category, side, population, scope, as_of) -> pd.DataFrame:  # noqa: ANN001
    return analysis.inflation_ratio(
        claims, category, side=side, population=population, scope=scope, as_of=as_of
    )


def _categories(claims, table, categories, sides, population, scope, as_of) -> list[str]:  # noqa: ANN001
    """The categories asked for, or those where some side has a ratio."""
    if categories is not None:
        return check_categories(categories)
    mine = table[table["subject_side"].isin(sides) & (table["population"] == population)]
    present = [c for c in CATEGORIES if c in set(mine["category"])]
    if not present:
        raise NoClaimsError(
            f"no {population} losses claimed of {', '.join(sides) or 'any side'}; "
            f"populations there: {', '.join(sorted(set(table['population'].dropna()))) or 'none'}"
        )
    with_ratio = [
        c
        for c in present
        if any(
            _ratios(claims, c, s, population, scope, as_of)["ratio"].notna().any() for s in sides
        )
    ]
    return with_ratio or present[:1]


def _row_label(row: pd.Series) -> str:
    return escape_math(f"Losses of {side_label(row['side'])}\n{CATEGORY_LABELS[row['category']]}")


def _claim_text(value: object, claimant: object, day: object) -> str:
    when = "undated" if pd.isna(day) else day_month(day, with_year=True)
    name = textwrap.fill(str(claimant), width=_WRAP)
    return escape_math(f"{count(value)}\n{name}\n{when}")


def _ratio_text(ratio: float) -> str:
    return f"\u00d7{ratio:,.0f}" if ratio >= 100 else f"\u00d7{ratio:.1f}"


def _enemy(row: pd.Series) -> str:
    profile = get_profile(str(row["conflict"]))
    return (profile.opponent(str(row["side"])) if profile else None) or "unknown"


def _draw_rows(ax: Axes, found: pd.DataFrame) -> None:
    """The dots, their labels, the ratios or reasons; the x range leaves room for the labels."""
    lows, highs, left_room, right_room = [], [], [8.0], [8.0]
    over: list[tuple[float, float, float, str, str]] = []  # x0, x1, y, text, gid: over a line
    for y, (_, row) in enumerate(found.iterrows()):
        points = []  # (value, marker, side, label text)
        if pd.notna(row["own_claim"]):
            text = _claim_text(row["own_claim"], row["own_claimant"], row["own_claim_date"])
            points.append((float(row["own_claim"]), _OWN, row["side"], text))
        if pd.notna(row["enemy_claim"]):
            text = _claim_text(row["enemy_claim"], row["enemy_claimant"], row["enemy_claim_date"])
            points.append((float(row["enemy_claim"]), _ENEMY, _enemy(row), text))
        points.sort(key=lambda p: p[0])
        positive = [max(p[0], 0.5) for p in points]  # a 0 admitted sits at the axis' floor
        if len(points) == 2:
            line = ax.plot(positive, [y, y], color="#888888", lw=1.5, zorder=2)[0]
            line.set_gid("ratio-line")
        for value, (_, marker, side, _text) in zip(positive, points, strict=True):
            dot = ax.plot([value], [y], marker=marker, ls="", ms=7, color=color(side), zorder=3)[0]
            dot.set_gid("own-claim" if marker == _OWN else "enemy-claim")
        for k, (value, point) in enumerate(zip(positive, points, strict=True)):
            right = k == len(points) - 1  # the larger figure is labelled on its right
            _label(ax, point[3], value, y, right=right, gid="claim-label")
            (right_room if right else left_room).append(text_width(point[3], _SIZE) + 10)
        lows.append(positive[0] if positive else None)
        highs.append(positive[-1] if positive else None)
        reason = escape_math("no ratio: " + textwrap.fill(str(row["reason"]), width=_WRAP))
        if pd.notna(row["ratio"]):
            over.append((*positive, y, _ratio_text(float(row["ratio"])), "ratio"))
        elif len(positive) == 2:  # both figures, yet no ratio (an admitted 0)
            over.append((*positive, y, reason, "reason"))
        elif positive:  # on the side of the dot its label does not take
            _label(ax, reason, positive[0], y, right=False, gid="reason", style="italic")
            left_room.append(text_width(reason, _SIZE) + 10)
        else:
            note = ax.text(
                0.5,
                y,
                reason,
                transform=ax.get_yaxis_transform(),  # x across the Axes, y a row
                ha="center",
                va="center",
                fontsize=_SIZE,
                fontstyle="italic",
                color="#555555",
            )
            note.set_gid("reason")
    per_decade = _x_range(
        ax, [v for v in lows if v], [v for v in highs if v], max(left_room), max(right_room)
    )
    for x0, x1, y, text, gid in over:
        _over_line(ax, x0, x1, y, text, gid, per_decade)


def _over_line(
    ax: Axes, x0: float, x1: float, y: float, text: str, gid: str, per_decade: float
) -> None:
    """``text`` over the line from ``x0`` to ``x1``; above the row's labels if it is longer."""
    size = LABEL_SIZE + 1 if gid == "ratio" else _SIZE
    room = math.log10(x1 / x0) * per_decade  # the line's length in points
    # Labels are centred on the row: clear their top line when the line is too short.
    lift = 5.0 if text_width(text, size) + 8 <= room else 4 * _SIZE * 1.15 / 2 + 3
    note = ax.annotate(
        text,
        xy=(math.sqrt(x0 * x1), y),
        xytext=(0, lift),
        textcoords="offset points",
        ha="center",
        va="bottom",
        fontsize=size,
        fontweight="bold" if gid == "ratio" else "normal",
        fontstyle="normal" if gid == "ratio" else "italic",
        color="#222222" if gid == "ratio" else "#555555",
    )
    note.set_gid(gid)


def _label(
    ax: Axes, text: str, x: float, y: float, *, right: bool, gid: str, style: str = "normal"
) -> None:
    label = ax.annotate(
        text,
        xy=(x, y),
        xytext=(7 if right else -7, 0),
        textcoords="offset points",
        ha="left" if right else "right",
        va="center",
        fontsize=_SIZE,
        fontstyle=style,
        linespacing=1.15,
        color="#555555" if gid == "reason" else "#222222",
    )
    label.set_gid(gid)


def _x_range(ax: Axes, lows: list[float], highs: list[float], left: float, right: float) -> float:
    """The figures' range widened so that the outer labels fit; the points per decade."""
    lo, hi = min(lows, default=1.0), max(highs, default=10.0)
    decades = max(math.log10(hi / lo), 0.5)
    room = max(usable_width(ax) - 140 - left - right, 60.0)  # 140: the legend's column
    per_decade = room / decades
    ax.set_xlim(lo / 10 ** (left / per_decade), hi * 10 ** (right / per_decade))
    return per_decade


def _source_rows(table: pd.DataFrame, found: pd.DataFrame) -> pd.DataFrame:
    """The claims the figures come from (every document that gives one), for the caption."""
    keep = pd.Series(False, index=table.index)
    for _, row in found.iterrows():
        for prefix in ("enemy", "own"):
            if pd.isna(row[f"{prefix}_claim"]):
                continue
            keep |= (
                (table["conflict"] == row["conflict"])
                & (table["category"] == row["category"])
                & (table["subject_side"] == row["side"])
                & (table["population"] == row["population"])
                & (table["claimant"] == row[f"{prefix}_claimant"])
                & (table["value"] == int(row[f"{prefix}_claim"]))
                & _same_day(table["claim_date"], row[f"{prefix}_claim_date"])
            )
    return table[keep]


def _same_day(dates: pd.Series, day: object) -> pd.Series:
    if pd.isna(day):
        return dates.isna()
    return dates == pd.Timestamp(day)
