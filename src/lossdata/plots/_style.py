"""How every chart looks: one colour per side, titles, compact ticks, honest scales.

A value axis is linear while it holds one population whose figures lie within
``LOG_RATIO`` of each other; otherwise it is logarithmic and the subtitle says why.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib import ticker
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.container import BarContainer
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Patch
from matplotlib.textpath import text_to_path

from ..conflicts import side_labels, side_palette
from ._common import TOTAL_SCOPES, escape_math

__all__ = ["LOG_RATIO", "SIDE_COLORS", "SIDE_LABELS", "compact_number"]

# Okabe-Ito: one colour per side, in every chart. Claimant and subject sides share
# the palette; "unattributed" (the outlet's own voice) and "unknown" differ.
SIDE_COLORS: dict[str, str] = {
    **side_palette(),  # the two sides of each conflict: vermillion and blue
    "third_party": "#009E73",  # bluish green
    "unattributed": "#CC79A7",  # reddish purple
    "unknown": "#999999",  # grey
}
SIDE_LABELS: dict[str, str] = {
    **side_labels(),
    "third_party": "Third party",
    "unattributed": "Unattributed (outlet)",
    "unknown": "Unknown / both",
}
# Figures this many times apart do not share a linear axis: the small ones would
# vanish against the large (a side's 6,000 admitted dead against 150,000 claimed is 25x,
# fine; 28 aircraft against 8,000 vehicles is not).
LOG_RATIO = 1000.0
MARKERS = ("o", "s", "D", "^", "v", "P", "X", "h")
LINESTYLES = ("-", "--", ":", "-.")
HATCHES = (None, "///", "...", "xxx", "\\\\\\")
CAPTION_SIZE = 7.0
LABEL_SIZE = 8.0
TITLE_SIZE = 10.0
GRID = "#e6e6e6"
FIGSIZE = (8.0, 4.8)


def new_axes(ax: Axes | None, size: tuple[float, float] = FIGSIZE) -> Axes:
    """``ax``, or the Axes of a new pyplot figure laid out by constrained layout.

    Constrained layout makes room for the legend and the caption, so that a plain
    ``fig.savefig(path)`` keeps them.
    """
    if ax is not None:
        return ax
    fig = plt.figure(figsize=size, layout="constrained")
    return fig.add_subplot()


def color(side: object) -> str:
    return SIDE_COLORS.get(str(side), SIDE_COLORS["unknown"])


def side_label(side: object) -> str:
    return SIDE_LABELS.get(str(side), str(side))


# --- Numbers on axes ----------------------------------------------------------------------

_SUFFIXES = ((1e9, "bn"), (1e6, "M"), (1e3, "k"))


def compact_number(x: float, _pos: object = None) -> str:
    """A tick value in few characters: 0, 750, 2.5k, 125k, 1.2M (never "125,000")."""
    if not np.isfinite(x):
        return ""
    for size, suffix in _SUFFIXES:
        if abs(x) >= size:
            scaled = x / size
            digits = 0 if abs(scaled) >= 100 or scaled == round(scaled) else 1
            text = f"{scaled:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{scaled:.0f}"
            return f"{text}{suffix}"
    return f"{x:.0f}" if x == round(x) else f"{x:g}"


def value_axis(axis: Axis, *, log: bool) -> None:
    """Compact labels on a count axis; decades only on a log axis."""
    if log:
        axis.set_major_locator(ticker.LogLocator(base=10, numticks=8))
        axis.set_minor_locator(ticker.LogLocator(base=10, subs=np.arange(2, 10), numticks=12))
        axis.set_minor_formatter(ticker.NullFormatter())
    else:
        axis.set_major_locator(
            ticker.MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10], integer=True, min_n_ticks=3)
        )
    axis.set_major_formatter(ticker.FuncFormatter(compact_number))


def scale_reason(values: Iterable[float], populations: Sequence[str], *, log: bool | None) -> str:
    """Why the value axis is logarithmic ("" for a linear axis).

    ``log=None`` decides: several populations on one axis, or figures more than
    ``LOG_RATIO`` apart, make it logarithmic.
    """
    positive = [float(v) for v in values if v is not None and np.isfinite(v) and v > 0]
    if log is False:
        return ""
    if log is True:
        return "log scale"
    if len(populations) > 1:
        return f"log scale: {_joined(populations)} figures share one axis"
    if positive and max(positive) >= LOG_RATIO * min(positive):
        lo, hi = min(positive), max(positive)
        return f"log scale: figures range from {lo:,.0f} to {hi:,.0f}"
    return ""


def bars(
    ax: Axes,
    y: Sequence[float],
    values: Sequence[float],
    *,
    height: float,
    colors: str | Sequence[str],
    log: bool,
    marker: str = "o",
    label: str | None = None,
    **kwargs: object,
) -> BarContainer:
    """Horizontal bars; on a log axis thin stems ending in a dot (``marker``).

    A bar's length means nothing on a log axis (it depends on where the axis starts),
    so there the figure is the dot and the stem only leads the eye to it; the legend
    then shows the dot.
    """
    container = ax.barh(
        y,
        values,
        height=height * (0.12 if log else 1.0),
        color=colors,
        zorder=2,
        label=None if log else label,
        **kwargs,
    )
    if log:
        dots = ax.scatter(
            values,
            y,
            s=36,
            c=[colors] if isinstance(colors, str) else colors,
            marker=marker,
            zorder=3,
            edgecolors="white",
            linewidths=0.6,
            label=label,
        )
        dots.set_gid("value-dot")
    return container


def _joined(words: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def log_limits(values: Iterable[float], *, headroom: float = 1.0) -> tuple[float, float]:
    """Whole decades around the positive ``values``, with ``headroom`` times more on top."""
    positive = [float(v) for v in values if v is not None and np.isfinite(v) and v > 0]
    if not positive:
        return 1.0, 10.0
    lo = 10 ** np.floor(np.log10(min(positive)))
    hi = 10 ** np.ceil(np.log10(max(positive) * headroom))
    return float(lo), float(max(hi, lo * 10))


# --- Text ------------------------------------------------------------------------------


def text_width(text: str, fontsize: float) -> float:
    """The width of ``text`` (its longest line) in points, in the current font."""
    prop = FontProperties(size=fontsize)
    return max(
        (
            text_to_path.get_text_width_height_descent(line, prop, ismath=False)[0]
            for line in text.split("\n")
        ),
        default=0.0,
    )


def wrap(text: str, width_points: float, fontsize: float) -> str:
    """Greedy word wrap to ``width_points``, measured with the current font's glyphs."""
    lines: list[str] = []
    for word in text.split(" "):
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(candidate, fontsize) <= width_points:
            lines[-1] = candidate
        else:
            lines.append(word)
    return "\n".join(lines)


def axes_width(ax: Axes) -> float:
    """The width in points of the Axes' column of the figure, less margins (an estimate)."""
    fig_width = ax.figure.get_figwidth() * 72
    spec = ax.get_subplotspec()
    columns = spec.get_gridspec().ncols if spec is not None else 1
    return fig_width / columns * 0.92 - 24


def usable_width(ax: Axes) -> float:
    """Points from the Axes' left edge to its column's right edge (an estimate)."""
    labels = max((text_width(t.get_text(), LABEL_SIZE) for t in ax.get_yticklabels()), default=0.0)
    ylabel = 16.0 if ax.get_ylabel() else 0.0
    return axes_width(ax) - labels - ylabel - 10


def title(ax: Axes, heading: str, *parts: str) -> None:
    """A left-aligned title; the subtitle (``parts``, joined) wraps to the Axes' width."""
    subtitle = " \u00b7 ".join(p for p in parts if p)
    if subtitle:
        heading += "\n" + wrap(subtitle, max(usable_width(ax), 150.0), TITLE_SIZE)
    ax.set_title(escape_math(heading), loc="left", fontsize=TITLE_SIZE)


def filters_text(**filters: str | Iterable[str] | None) -> str:
    """The selection in words: "losses of: Azerbaijan · population: military"."""
    words = {"subject_side": "losses of", "population": "population", "scope": "scope"}
    parts = []
    for name, wanted in filters.items():
        if wanted is None:
            continue
        values = [wanted] if isinstance(wanted, str) else list(wanted)
        if name == "scope" and tuple(values) == TOTAL_SCOPES:
            parts.append("scope: cumulative or unstated")
            continue
        shown = [side_label(v) if name == "subject_side" else v for v in values]
        parts.append(f"{words.get(name, name)}: {', '.join(shown)}")
    return " \u00b7 ".join(parts)


def outside_legend(ax: Axes, *, title: str, handles: list | None = None) -> None:
    """A legend right of the Axes, where it hides no data."""
    kwargs = {"handles": handles} if handles is not None else {}
    ax.legend(
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        fontsize=LABEL_SIZE - 0.5,
        frameon=False,
        title=title,
        title_fontsize=LABEL_SIZE - 0.5,
        alignment="left",
        labelspacing=0.9,
        **kwargs,
    )


def side_legend(ax: Axes, sides: Iterable[str], *, title: str) -> None:
    present = set(sides)
    handles = [
        Patch(facecolor=SIDE_COLORS[s], label=SIDE_LABELS[s]) for s in SIDE_COLORS if s in present
    ]
    outside_legend(ax, title=title, handles=handles)


def value_grid(ax: Axes, which: str) -> None:
    getattr(ax, f"{which}axis").grid(True, color=GRID, zorder=0)
    ax.set_axisbelow(True)
