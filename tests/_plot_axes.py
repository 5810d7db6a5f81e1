"""Read a chart back from its Axes: texts by role, ticks, extents, captions.

Shared by the chart tests (tests/test_plots*.py); every reader works on a drawn
or undrawn Axes and never on pixels.
"""

from __future__ import annotations

import re

import matplotlib as mpl
import matplotlib.dates as mdates
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg

DOC_ID = re.compile(r"\b\d{3}_[0-9a-f]{16}\b")  # a seed's id: never shown to readers
COMPACT = re.compile(r"^[\u2212-]?\d+(\.\d)?(k|M|bn)?$")  # 0, 750, 2.5k, 125k, 1.2M


def texts(ax, gid):
    return [t.get_text() for t in ax.texts if t.get_gid() == gid]


def artists(ax, gid):
    return [a for a in ax.get_children() if a.get_gid() == gid]


def hex_color(color):
    return mpl.colors.to_hex(color).upper()


def caption(ax):
    (text,) = texts(ax, "provenance")
    return text.replace("\n", " ").replace("\u00a0", " ")


def title(ax):
    """The left title, its line breaks (wrapping) and non-breaking spaces as spaces."""
    return " ".join(ax.get_title(loc="left").replace("\u00a0", " ").split())


def day(iso):
    return mdates.date2num(pd.Timestamp(iso))


def draw(fig):
    """Draw ``fig`` (laid out as saving would) and return its renderer."""
    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)
    fig.canvas.draw()
    return fig.canvas.get_renderer()


def shown_ticks(axis):
    """The tick labels drawn inside the view limits, with text."""
    lo, hi = sorted(axis.get_view_interval())
    return [
        tick.label1
        for tick in axis.get_major_ticks()
        if lo <= tick.get_loc() <= hi and tick.label1.get_visible() and tick.label1.get_text()
    ]


def overlapping_ticks(ax, renderer):
    """Pairs of tick labels (per axis) whose drawn extents overlap."""
    pairs = []
    for axis in (ax.xaxis, ax.yaxis):
        boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in shown_ticks(axis)]
        for i, (a, box_a) in enumerate(boxes):
            for b, box_b in boxes[i + 1 :]:
                if box_a.overlaps(box_b):
                    pairs.append((a, b))
    return pairs


def value_tick_texts(ax, which):
    return [t.get_text() for t in shown_ticks(getattr(ax, f"{which}axis"))]


def plotted_values(ax):
    """Every figure drawn on the value axis: bar lengths and line points."""
    values = [p.get_width() for p in ax.patches if hasattr(p, "get_width")]
    for line in ax.get_lines():
        if line.get_gid() == "claims":
            values.extend(float(v) for v in line.get_ydata())
    return values
