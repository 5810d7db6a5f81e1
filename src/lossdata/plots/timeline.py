"""Claims over time: each claimant's series of claims, with the war's dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import pandas as pd
from matplotlib import dates as mdates
from matplotlib import ticker
from matplotlib.axes import Axes
from matplotlib.text import Annotation
from matplotlib.transforms import blended_transform_factory

from ..conflicts import get_profile
from ._caption import Sources, add_caption
from ._common import (
    CATEGORY_LABELS,
    MONTHS,
    TOTAL_SCOPES,
    NoClaimsError,
    WarEvent,
    by_claimant_side,
    day_month,
    escape_math,
    figure_label,
    populations_of,
    select,
    series_max,
)
from ._style import (
    LABEL_SIZE,
    LINESTYLES,
    MARKERS,
    axes_width,
    color,
    filters_text,
    log_limits,
    new_axes,
    outside_legend,
    scale_reason,
    text_width,
    title,
    usable_width,
    value_axis,
    value_grid,
)

__all__ = ["WAR_EVENTS", "plot_claim_timeline", "war_events"]

# The 2020 war's start and ceasefire, for callers who pass them as ``events``; the
# timeline itself reads a war's dates from its conflict profile.
WAR_EVENTS: tuple[WarEvent, ...] = (
    WarEvent(dt.date(2020, 9, 27), "War begins"),
    WarEvent(dt.date(2020, 11, 10), "Ceasefire"),
)
_NEAR = pd.Timedelta(days=45)  # a war date this close to the claims widens the window


def plot_claim_timeline(
    claims: pd.DataFrame,
    category: str,
    *,
    subject_side: str | Iterable[str] | None = None,
    population: str | Iterable[str] | None = None,
    scope: str | Iterable[str] | None = TOTAL_SCOPES,
    events: Sequence[WarEvent] | None = None,
    log: bool | None = None,
    sources: Sources = None,
    ax: Axes | None = None,
) -> Axes:
    """Claims over time: one line per claimant (and subject), a marker for each of its claims.

    Every dated claim of the selection is a point; a claimant's claims are joined in
    date order, so a revision downwards shows as a falling line. Only running totals
    by default (``scope``: cumulative or unstated; ``None`` for every scope). The
    war's dates come from the conflict profile of the rows (``events`` replaces
    them): dates near the claims are drawn as lines, earlier or later ones are
    named in the subtitle. Ranges are vertical intervals; undated claims are left
    out. The value axis is logarithmic (and says why) when populations are mixed or
    the figures lie more than ``LOG_RATIO`` apart; ``log`` forces either scale.

    Example: ``plot_claim_timeline(load_claims(), "killed", subject_side="azerbaijan")``
    """
    rows = select(claims, category, subject_side=subject_side, population=population, scope=scope)
    dated = rows[rows["claim_date"].notna()]
    if dated.empty:
        raise NoClaimsError(f"the {len(rows)} claim(s) in category {category!r} are undated")
    pops = populations_of(dated)
    reason = scale_reason(
        [*dated["value"], *dated["value_low"].dropna(), *dated["value_high"].dropna()],
        pops,
        log=log,
    )
    ax = new_axes(ax)
    if reason:
        ax.set_yscale("log", nonpositive="clip")
    keys = ["claimant", "subject", "population"]
    per_side: dict[str, int] = {}
    ends: list[Annotation] = []
    for (claimant, subject, pop), group in by_claimant_side(dated.groupby(keys, sort=True)):
        # Claims of one day rise to the day's largest, which ends the line (as latest()).
        group = group.sort_values(["claim_date", "value", "claim_id"], kind="mergesort")
        side = group["claimant_side"].iloc[0]
        k = per_side[side] = per_side.get(side, -1) + 1
        shown = f"{claimant}\non {subject}" + (f" ({pop})" if len(pops) > 1 else "")
        (line,) = ax.plot(
            group["claim_date"],
            group["value"],
            color=color(side),
            linestyle=LINESTYLES[k % len(LINESTYLES)],
            marker=MARKERS[k % len(MARKERS)],
            markersize=5,
            lw=1.6,
            label=escape_math(shown),
            zorder=3,
        )
        line.set_gid("claims")
        bounded = group[group["value_low"].notna() & group["value_high"].notna()]
        if not bounded.empty:
            bars = ax.vlines(
                bounded["claim_date"],
                bounded["value_low"].astype(float),
                bounded["value_high"].astype(float),
                color=color(side),
                lw=1.2,
            )
            bars.set_gid("interval")
        ends.append(_end_label(ax, group.iloc[-1], color(side)))
    drawn, beyond = _split_events(dated["claim_date"], _events(dated, events))
    _draw_events(ax, drawn)
    dates = [*dated["claim_date"], *(pd.Timestamp(e.date) for e in drawn)]
    # A window of at least two weeks, so that a few days of claims do not fill the width.
    pad = max(pd.Timedelta(days=3), (max(dates) - min(dates)) * 0.04)
    pad = max(pad, (pd.Timedelta(days=14) - (max(dates) - min(dates))) / 3)
    ax.set_xlim(min(dates) - pad, max(dates) + pad * 2)
    high = max(series_max(dated["value"]), series_max(dated["value_high"]), 1.0)
    if reason:
        ax.set_ylim(*log_limits([*dated["value"], *dated["value_low"].dropna()], headroom=3))
    else:
        ax.set_ylim(0, high * 1.15)
    value_axis(ax.yaxis, log=bool(reason))
    value_grid(ax, "y")
    one_year = len({d.year for d in dates}) == 1
    _date_axis(ax, with_year=not one_year)
    ax.set_ylabel(f"{CATEGORY_LABELS[category]} (claimed)")
    ax.set_xlabel(f"Claim date ({dates[0].year})" if one_year else "Claim date")
    title(
        ax,
        f"{CATEGORY_LABELS[category]}: claims over time, by claimant",
        filters_text(subject_side=subject_side, population=population, scope=scope),
        _beyond_text(beyond, dated["claim_date"]),
        reason,
    )
    outside_legend(ax, title="Claimant, on whose losses")
    _separate(ends, ax, dated[["claim_date", "value"]])
    add_caption(ax, dated, sources=sources)
    return ax


def war_events(conflict: str) -> list[WarEvent]:
    """A conflict's dates from its profile: the events it lists, else its start and end.

    A profile's span can be wider than one war (the Karabakh profile starts with the
    fighting of 2016): where it lists dated events, those are the dates to draw.
    """
    profile = get_profile(conflict)
    if profile is None:
        return []
    out = [_as_event(e) for e in profile.events]
    if not out:
        out.append(WarEvent(profile.start, "War begins"))
        if profile.end is not None:
            out.append(WarEvent(profile.end, "War ends"))
    return sorted(out, key=lambda e: e.date)


def _as_event(entry: object) -> WarEvent:
    """A profile event given as a WarEvent, a (date, label) pair or a mapping."""
    if isinstance(entry, WarEvent):
        return entry
    if isinstance(entry, dict):
        day, label = entry["date"], entry.get("label", "")
    else:
        day, label = entry  # type: ignore[misc]
    return WarEvent(pd.Timestamp(day).date(), str(label))


def _events(rows: pd.DataFrame, events: Sequence[WarEvent] | None) -> list[WarEvent]:
    if events is not None:
        return list(events)
    out: list[WarEvent] = []
    for conflict in sorted(set(rows["conflict"].dropna())):
        try:
            out.extend(war_events(conflict))
        except ValueError:  # a conflict id no profile has: no dates to draw
            continue
    return out


def _split_events(
    dates: pd.Series, events: list[WarEvent]
) -> tuple[list[WarEvent], list[WarEvent]]:
    """Events near the claims (drawn as lines) and the rest (named in the subtitle)."""
    lo, hi = dates.min() - _NEAR, dates.max() + _NEAR
    near = [e for e in events if lo <= pd.Timestamp(e.date) <= hi]
    # Of the far ones only the latest before the claims says which phase they belong
    # to; later turning points say nothing about these claims.
    before = [e for e in events if pd.Timestamp(e.date) < lo]
    return near, before[-1:] if not near else []


def _beyond_text(events: list[WarEvent], dates: pd.Series) -> str:
    """War dates far from the claims, in words: "War begins 20 Feb 2014 (before these claims)"."""
    parts = []
    for e in events:
        when = "before" if pd.Timestamp(e.date) < dates.min() else "after"
        day = day_month(e.date, with_year=True).replace(" ", "\u00a0")  # not broken by wrap
        parts.append(f"{e.label} {day} ({when} these claims)")
    return "; ".join(parts)


def _end_label(ax: Axes, row: pd.Series, colour: str) -> Annotation:
    end = ax.annotate(
        figure_label(row),
        xy=(float(mdates.date2num(row["claim_date"])), row["value"]),
        xytext=(0, 6),
        textcoords="offset points",
        ha="center",
        va="bottom",
        fontsize=LABEL_SIZE - 0.5,
        color=colour,
        # Readable where another claimant's line passes behind it.
        bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.85},
    )
    end.set_gid("value-label")
    return end


def _separate(labels: list[Annotation], ax: Axes, points: pd.DataFrame) -> None:
    """Lift end labels off the markers and off each other, one line at a time.

    Positions are estimated in points on the plot area that constrained layout will
    leave (the figure less the legend, ticks, titles and caption): helpers never draw.
    """
    width, height = _plot_box(ax)
    to_axes = ax.transScale + ax.transLimits  # data -> 0..1 of the Axes, before layout

    def at(x: float, y: float) -> tuple[float, float]:
        fx, fy = to_axes.transform((x, max(y, 1e-9)))
        return fx * width, fy * height

    markers = [at(float(mdates.date2num(d)), float(v)) for d, v in points.to_numpy()]
    line = LABEL_SIZE + 3
    placed: list[tuple[float, float, float]] = []  # centre x, bottom y, half width (points)
    for label in sorted(labels, key=lambda t: (t.xy[0], t.xy[1])):
        x, y = at(*label.xy)
        half = text_width(label.get_text(), LABEL_SIZE - 0.5) / 2 + 2
        shift = 0.0
        if x - half < 0:  # keep a label at the edge inside the plot area
            shift = half - x
        elif x + half > width:
            shift = width - half - x
        cx = x + shift

        def clashes(bottom: float, cx: float = cx, half: float = half) -> bool:
            top = bottom + LABEL_SIZE
            return any(
                abs(px - cx) < ph + half and py < top + 1 and bottom < py + line - 1
                for px, py, ph in placed
            ) or any(abs(mx - cx) < half + 3 and bottom - 3 < my < top + 3 for mx, my in markers)

        level = 0
        while clashes(y + 6 + line * level) and level < 8:
            level += 1
        label.xyann = (shift, 6 + line * level)
        placed.append((cx, y + 6 + line * level, half))


def _plot_box(ax: Axes) -> tuple[float, float]:
    """Width and height in points of the plot area beside the legend (an estimate)."""
    legend = ax.get_legend()
    names = [t.get_text() for t in legend.get_texts()] if legend else []
    legend_width = max((text_width(n, LABEL_SIZE - 0.5) for n in names), default=0.0) + 45
    ticks = max((text_width(t.get_text(), LABEL_SIZE) for t in ax.get_yticklabels()), default=20)
    width = axes_width(ax) - legend_width - ticks - 30
    title_lines = ax.get_title(loc="left").count("\n") + 1
    height = ax.figure.get_figheight() * 72 - 14 * title_lines - 60
    return max(width, 120.0), max(height, 100.0)


def _num2date(x: float) -> dt.datetime:
    return mdates.num2date(x).replace(tzinfo=None)


def _date_axis(ax: Axes, *, with_year: bool) -> None:
    """Days, Sundays or first days of months by the span, few enough to stand apart."""
    lo, hi = (pd.Timestamp(_num2date(v)) for v in ax.get_xlim())
    if hi - lo <= pd.Timedelta(days=150):
        # Sundays, or every day over a span too short to hold three Sundays.
        freq = "D" if hi - lo < pd.Timedelta(days=21) else "W-SUN"
        days = pd.date_range(lo.ceil("D"), hi, freq=freq)
        fmt = lambda d: day_month(d, with_year=with_year)  # noqa: E731
    else:
        days = pd.date_range(lo.normalize(), hi, freq="MS")
        fmt = lambda d: MONTHS[d.month - 1] + (f" {d.year}" if with_year else "")  # noqa: E731
    widest = max((text_width(fmt(d), LABEL_SIZE) for d in days), default=30.0)
    # The plot area is what the figure leaves beside the legend.
    room = max(usable_width(ax) * 0.7, 120.0)
    most = max(2, min(10, int(room // (widest + 8))))
    step = max(1, -(-len(days) // most))
    ticks = [float(mdates.date2num(d)) for d in days[::step]]
    ax.xaxis.set_major_locator(ticker.FixedLocator(ticks))
    ax.xaxis.set_major_formatter(ticker.FuncFormatter(lambda x, _: fmt(_num2date(x))))


def _draw_events(ax: Axes, events: Sequence[WarEvent]) -> None:
    transform = blended_transform_factory(ax.transData, ax.transAxes)
    ordered = sorted(events, key=lambda e: e.date)
    for i, event in enumerate(ordered):
        when = pd.Timestamp(event.date)
        line = ax.axvline(when, color="#555555", lw=1, ls=(0, (4, 3)), zorder=1)
        line.set_gid("war-event")
        last = i == len(ordered) - 1 and len(ordered) > 1
        text = ax.annotate(
            escape_math(f"{event.label}\n{day_month(when)}"),
            xy=(float(mdates.date2num(when)), 1.0),
            xycoords=transform,
            xytext=(-4 if last else 4, -4),
            textcoords="offset points",
            ha="right" if last else "left",
            va="top",
            fontsize=LABEL_SIZE - 0.5,
            color="#333333",
        )
        text.set_gid("war-event-label")
