"""Charts that put competing loss claims side by side.

Every helper takes the claims table first (as ``load_claims()`` returns it, or
the same columns with plain string dtypes), then the category, then keyword-only
options; it draws on ``ax`` (the current Axes when ``None``) and returns it. The
helpers never call ``show()`` or ``savefig()``: ``lossdata.figures`` saves.

Each chart is coloured by side with one colour-blind-safe palette
(``SIDE_COLORS``, Okabe-Ito) and carries a provenance caption naming the
documents and claim dates it draws on. A selection with no claims raises
``NoClaimsError`` (a ``ValueError``) saying what is available instead.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib import dates as mdates
from matplotlib import ticker
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap, LogNorm, Normalize
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Patch
from matplotlib.text import Annotation
from matplotlib.textpath import text_to_path
from matplotlib.transforms import blended_transform_factory

from .conflicts import allowed_sides, side_labels, side_palette
from .schema import CATEGORIES, CLAIMANT_SIDES, POPULATIONS, SCOPES, SIDES

__all__ = [
    "CATEGORY_LABELS",
    "EQUIPMENT_CHART_CATEGORIES",
    "SIDE_COLORS",
    "SIDE_LABELS",
    "TOTAL_SCOPES",
    "WAR_EVENTS",
    "NoClaimsError",
    "WarEvent",
    "figure_label",
    "plot_claim_timeline",
    "plot_claims_matrix",
    "plot_competing_claims",
    "plot_equipment_losses",
    "provenance_caption",
]

# --- Knowledge as data ----------------------------------------------------------------


@dataclass(frozen=True)
class WarEvent:
    """A dated event drawn as a reference line on timelines."""

    date: dt.date
    label: str


WAR_EVENTS: tuple[WarEvent, ...] = (
    WarEvent(dt.date(2020, 9, 27), "War begins"),
    WarEvent(dt.date(2020, 11, 10), "Ceasefire"),
)

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
_HEDGE_FORMATS: dict[str, str] = {
    "exact": "{v}",
    "about": "\u2248{v}",
    "at_least": "\u2265{lo}",
    "more_than": ">{lo}",
    "up_to": "\u2264{hi}",
    "less_than": "<{hi}",
    "range": "{lo}\u2013{hi}",
}
# Scopes that can hold a running total: "unknown" too, since many totals (Oryx's
# tally, the SOHR's count) do not say "since the war began" in so many words.
TOTAL_SCOPES: tuple[str, ...] = ("cumulative", "unknown")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MARKERS = ("o", "s", "D", "^", "v", "P", "X", "h")
_LINESTYLES = ("-", "--", ":", "-.")
_HATCHES = (None, "///", "...", "xxx", "\\\\\\")
_CAPTION_SIZE = 7.0
_LABEL_SIZE = 8.0
_TITLE_SIZE = 10.0

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
_VOCABULARIES = {
    "subject_side": SIDES,
    "claimant_side": CLAIMANT_SIDES,
    "population": POPULATIONS,
    "scope": SCOPES,
}


class NoClaimsError(ValueError):
    """The selection holds no claims; the message says what is available."""


# --- Selection --------------------------------------------------------------------------


def _prepare(claims: pd.DataFrame) -> pd.DataFrame:
    """The columns the charts need, as plain strings, ints and timestamps."""
    if not isinstance(claims, pd.DataFrame):
        raise TypeError(f"expected the claims table (a DataFrame), got {type(claims).__name__}")
    missing = [c for c in _REQUIRED if c not in claims.columns]
    if missing:
        raise ValueError(f"the claims table lacks column(s): {', '.join(missing)}")
    df = claims.loc[:, list(_REQUIRED)].copy()
    for col in _STRING_COLUMNS:
        df[col] = df[col].astype("string")
    df["value"] = pd.to_numeric(df["value"]).astype("int64")
    for col in ("value_low", "value_high"):
        df[col] = pd.to_numeric(df[col]).astype("Int64")
    df["claim_date"] = pd.to_datetime(df["claim_date"])
    return df.reset_index(drop=True)


def _as_list(name: str, wanted: str | Iterable[str]) -> list[str]:
    values = [wanted] if isinstance(wanted, str) else list(wanted)
    vocabulary = _VOCABULARIES[name]
    unknown = [v for v in values if v not in vocabulary]
    if unknown or not values:
        raise ValueError(
            f"unknown {name} {', '.join(map(repr, unknown)) or '(none given)'}; "
            f"valid values: {', '.join(vocabulary)}"
        )
    return values


def _available(df: pd.DataFrame, column: str) -> str:
    values = sorted(df[column].dropna().unique().tolist())
    return ", ".join(values) if values else "none"


def _select(
    claims: pd.DataFrame,
    categories: str | Sequence[str],
    **filters: str | Iterable[str] | None,
) -> pd.DataFrame:
    """Rows of ``categories`` matching every non-None filter, or a NoClaimsError."""
    df = _prepare(claims)
    cats = [categories] if isinstance(categories, str) else list(categories)
    bad = [c for c in cats if c not in CATEGORIES]
    if bad:
        raise ValueError(
            f"unknown category {', '.join(map(repr, bad))}; valid categories: "
            f"{', '.join(CATEGORIES)}"
        )
    what = f"category {cats[0]!r}" if len(cats) == 1 else f"categories {', '.join(cats)}"
    selected = df[df["category"].isin(cats)]
    if selected.empty:
        raise NoClaimsError(
            f"no claims in {what}; categories with claims: {_available(df, 'category')}"
        )
    for name, wanted in filters.items():
        if wanted is None:
            continue
        values = _as_list(name, wanted)
        kept = selected[selected[name].isin(values)]
        if kept.empty:
            hint = "; pass scope=None to include every scope" if name == "scope" else ""
            raise NoClaimsError(
                f"no claims in {what} with {name} {', '.join(values)}; "
                f"{name} available there: {_available(selected, name)}{hint}"
            )
        what += f" with {name} {', '.join(values)}"
        selected = kept
    return selected


def _latest(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Each group's latest claim; on the same day the largest figure wins."""
    ordered = df.sort_values(
        ["claim_date", "value", "claim_id"], na_position="first", kind="mergesort"
    )
    return ordered.groupby(keys, sort=False, dropna=False).tail(1)


def _largest(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Each group's largest claim; on a tie the later one wins."""
    ordered = df.sort_values(
        ["value", "claim_date", "claim_id"], na_position="first", kind="mergesort"
    )
    return ordered.groupby(keys, sort=False, dropna=False).tail(1)


# --- Labels and provenance ----------------------------------------------------------------


def _escape_math(text: str) -> str:
    """``text`` with every ``$`` escaped, so that matplotlib draws it instead of mathtext.

    Names and captions come from documents: "A$B $5" would otherwise start a formula
    and fail to draw. Matplotlib shows ``\\$`` as ``$``.
    """
    return text.replace("$", r"\$")


def _n(value: object) -> str:
    return "?" if pd.isna(value) else f"{int(value):,}"


def figure_label(row: pd.Series) -> str:
    """The claimed figure as hedged in the text: "6,674", "\u2265188", "700\u20131,000"."""
    fmt = _HEDGE_FORMATS.get(str(row["qualifier"]), "{v}")
    lo = row["value_low"] if pd.notna(row["value_low"]) else row["value"]
    hi = row["value_high"] if pd.notna(row["value_high"]) else row["value"]
    return fmt.format(v=_n(row["value"]), lo=_n(lo), hi=_n(hi))


def _max(values: pd.Series) -> float:
    values = values.dropna()
    return float(values.max()) if len(values) else 0.0


def _date(value: object) -> str:
    return "undated" if pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def _day_month(value: object, *, with_year: bool = False) -> str:
    """Day and month as "27 Sep", with month names fixed here rather than by the locale."""
    ts = pd.Timestamp(value)
    return f"{ts.day} {_MONTHS[ts.month - 1]}" + (f" {ts.year}" if with_year else "")


def _date_span(dates: pd.Series) -> str:
    dates = dates.dropna()
    if dates.empty:
        return "undated"
    lo, hi = dates.min(), dates.max()
    return _date(lo) if lo == hi else f"{_date(lo)} to {_date(hi)}"


def _document_names() -> dict[str, str]:
    """doc_id -> outlet (or short title) from the seed catalog; {} when unavailable."""
    try:
        from .datasets import load_documents

        docs = load_documents()
    except (OSError, KeyError, ValueError):
        return {}
    names = {}
    for row in docs.itertuples(index=False):
        outlet = row.outlet if isinstance(row.outlet, str) and row.outlet else None
        title = textwrap.shorten(str(row.title), width=40, placeholder="\u2026")
        names[str(row.doc_id)] = outlet or f"\u201c{title}\u201d"
    return names


def provenance_caption(rows: pd.DataFrame) -> str:
    """One line naming each source document and the claim dates drawn from it."""
    names = _document_names()
    parts = []
    for doc_id, group in rows.groupby("doc_id", sort=True):
        name = names.get(str(doc_id))
        label = f"{doc_id} ({name})" if name else str(doc_id)
        parts.append(f"{label}: claims of {_date_span(group['claim_date'])}")
    n = len(rows)
    claims_text = f"{n}\u00a0claim{'s' if n != 1 else ''}"  # no break inside "9 claims"
    return f"Sources: {'; '.join(parts)}. {claims_text}, lossdata."


def _wrap(text: str, width_points: float, fontsize: float) -> str:
    """Greedy word wrap to ``width_points``, measured with the current font's glyphs."""
    lines: list[str] = []
    for word in text.split(" "):
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and _text_width(candidate, fontsize) <= width_points:
            lines[-1] = candidate
        else:
            lines.append(word)
    return "\n".join(lines)


def _add_caption(ax: Axes, rows: pd.DataFrame) -> Annotation:
    """Put the provenance caption under the Axes, left-aligned with its tick labels."""
    # The figure less its margins, in points, with room for hinting (Agg text runs wider).
    width = ax.figure.get_figwidth() * 72 * 0.92 - 24
    caption = ax.annotate(
        _escape_math(_wrap(provenance_caption(rows), width, _CAPTION_SIZE)),
        xy=(0, 0),
        xycoords=(
            lambda renderer: ax.yaxis.get_tightbbox(renderer) or ax.bbox,
            lambda renderer: ax.xaxis.get_tightbbox(renderer) or ax.bbox,
        ),
        xytext=(0, -6),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=_CAPTION_SIZE,
        color="#444444",
        annotation_clip=False,
    )
    caption.set_gid("provenance")
    return caption


def _text_width(text: str, fontsize: float) -> float:
    """The width of ``text`` (its longest line) in points, in the current font."""
    prop = FontProperties(size=fontsize)
    return max(
        (
            text_to_path.get_text_width_height_descent(line, prop, ismath=False)[0]
            for line in text.split("\n")
        ),
        default=0.0,
    )


def _usable_width(ax: Axes) -> float:
    """Points from the Axes' left edge to the figure's right, less margins (an estimate)."""
    labels = max(
        (_text_width(t.get_text(), _LABEL_SIZE) for t in ax.get_yticklabels()), default=0.0
    )
    ylabel = 16.0 if ax.get_ylabel() else 0.0
    return ax.figure.get_figwidth() * 72 * 0.92 - 24 - labels - ylabel - 10


def _title(ax: Axes, title: str, subtitle: str) -> None:
    """A left-aligned title; the subtitle (the selection) wraps to the figure's width."""
    if subtitle:
        title += "\n" + _wrap(subtitle, max(_usable_width(ax), 150.0), _TITLE_SIZE)
    ax.set_title(_escape_math(title), loc="left", fontsize=_TITLE_SIZE)


def _filters_text(**filters: str | Iterable[str] | None) -> str:
    words = {"subject_side": "losses of", "population": "population", "scope": "scope"}
    parts = []
    for name, wanted in filters.items():
        if wanted is None:
            continue
        values = [wanted] if isinstance(wanted, str) else list(wanted)
        if name == "scope" and tuple(values) == TOTAL_SCOPES:
            parts.append("scope: cumulative or unstated")
            continue
        shown = [SIDE_LABELS.get(v, v) if name == "subject_side" else v for v in values]
        parts.append(f"{words.get(name, name)}: {', '.join(shown)}")
    return " \u00b7 ".join(parts)


def _side_legend(ax: Axes, sides: Iterable[str], *, title: str, **kwargs: object) -> None:
    present = set(sides)
    handles = [
        Patch(facecolor=SIDE_COLORS[s], label=SIDE_LABELS[s]) for s in SIDE_COLORS if s in present
    ]
    ax.legend(
        handles=handles,
        title=title,
        fontsize=_LABEL_SIZE,
        title_fontsize=_LABEL_SIZE,
        frameon=False,
        **kwargs,
    )


def _count_axis(axis: object) -> None:
    axis.set_major_formatter(ticker.StrMethodFormatter("{x:,.0f}"))  # type: ignore[attr-defined]


def _color(side: object) -> str:
    return SIDE_COLORS.get(str(side), SIDE_COLORS["unknown"])


def _axes(ax: Axes | None) -> Axes:
    return plt.gca() if ax is None else ax


# --- 1. Competing claims -------------------------------------------------------------------


def plot_competing_claims(
    claims: pd.DataFrame,
    category: str,
    *,
    subject_side: str | Iterable[str] | None = None,
    population: str | Iterable[str] | None = None,
    scope: str | Iterable[str] | None = TOTAL_SCOPES,
    latest: bool = True,
    ax: Axes | None = None,
) -> Axes:
    """One bar per claimant: the figure it gives for ``category``, coloured by its side.

    With ``latest=True`` each claimant (per subject and population) shows its latest
    claim among running totals (``scope``: cumulative or unstated; ``None`` for
    every scope); with ``latest=False`` every such claim gets a bar. Ranges and
    open bounds ("at least") are drawn as intervals; bars are labelled with the
    hedged figure and the claim date.

    Example: ``plot_competing_claims(load_claims(), "killed", subject_side="azerbaijan")``
    """
    rows = _select(claims, category, subject_side=subject_side, population=population, scope=scope)
    keys = ["claimant", "subject", "population"]
    if latest:
        rows = _latest(rows, keys)
        rows = rows.sort_values(["value", "claimant"], ascending=[False, True], kind="mergesort")
    else:
        top = rows.groupby(keys)["value"].transform("max")
        rows = rows.assign(_top=top).sort_values(
            ["_top", "claimant", "subject", "claim_date", "value"],
            ascending=[False, True, True, True, True],
            na_position="first",
            kind="mergesort",
        )
    ax = _axes(ax)
    y = np.arange(len(rows))
    values = rows["value"].to_numpy()
    ax.barh(
        y,
        values,
        height=0.62,
        color=[_color(s) for s in rows["claimant_side"]],
        edgecolor="none",
        zorder=2,
    )
    x_max = max(float(values.max()), _max(rows["value_high"]), 1.0)
    open_length = 0.12 * x_max
    ends = []
    for yi, (_, row) in zip(y, rows.iterrows(), strict=True):
        end = _draw_interval(ax, row, yi, open_length)
        ends.append(end)
        label = ax.annotate(
            f"{figure_label(row)}  \u00b7  {_date(row['claim_date'])}",
            xy=(end, yi),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize=_LABEL_SIZE,
        )
        label.set_gid("value-label")
    ax.set_yticks(y, [_row_label(r) for _, r in rows.iterrows()], fontsize=_LABEL_SIZE)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(0, max(*ends, 1.0) * 1.42)
    _count_axis(ax.xaxis)
    ax.xaxis.grid(True, color="#e6e6e6", zorder=0)
    ax.set_axisbelow(True)
    ax.set_xlabel(f"{CATEGORY_LABELS[category]} (claimed)")
    what = "each claimant's latest figure" if latest else "every claim"
    _title(
        ax,
        f"{CATEGORY_LABELS[category]}: {what}",
        _filters_text(subject_side=subject_side, population=population, scope=scope),
    )
    _side_legend(
        ax,
        rows["claimant_side"],
        title="Claimant side",
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        alignment="left",
    )
    _add_caption(ax, rows)
    return ax


def _row_label(row: pd.Series) -> str:
    return _escape_math(f"{row['claimant']}\non {row['subject']} ({row['population']})")


def _draw_interval(ax: Axes, row: pd.Series, y: float, open_length: float) -> float:
    """Draw the claim's bounds as an interval; return the x where its label starts."""
    qualifier = row["qualifier"]
    lo, hi = row["value_low"], row["value_high"]
    if qualifier == "range" and pd.notna(lo) and pd.notna(hi):
        start, end, style = float(lo), float(hi), "|-|"
    elif qualifier in ("at_least", "more_than"):
        start = float(lo) if pd.notna(lo) else float(row["value"])
        end, style = start + open_length, "]->"
    elif qualifier in ("up_to", "less_than"):
        end = float(hi) if pd.notna(hi) else float(row["value"])
        start, style = max(end - open_length, 0.0), "<-["
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


# --- 2. Timeline ----------------------------------------------------------------------------


def plot_claim_timeline(
    claims: pd.DataFrame,
    category: str,
    *,
    subject_side: str | Iterable[str] | None = None,
    population: str | Iterable[str] | None = None,
    scope: str | Iterable[str] | None = TOTAL_SCOPES,
    events: Sequence[WarEvent] = WAR_EVENTS,
    ax: Axes | None = None,
) -> Axes:
    """Claims over time: one step line per claimant (and subject), a marker per claim.

    Only running totals by default (``scope``: cumulative or unstated; ``None`` for
    every scope). The war's start and ceasefire (``WAR_EVENTS``) are drawn as
    reference lines. Ranges are drawn as vertical intervals; undated claims are
    left out.

    Example: ``plot_claim_timeline(load_claims(), "killed", subject_side="azerbaijan")``
    """
    rows = _select(claims, category, subject_side=subject_side, population=population, scope=scope)
    dated = rows[rows["claim_date"].notna()]
    if dated.empty:
        raise NoClaimsError(f"the {len(rows)} claim(s) in category {category!r} are undated")
    keys = ["claimant", "subject", "population"]
    dated = _latest(dated, [*keys, "claim_date"])  # one point per series and day
    series = sorted(
        dated.groupby(keys, sort=True),
        key=lambda kv: (CLAIMANT_SIDES.index(kv[1]["claimant_side"].iloc[0]), kv[0]),
    )
    ax = _axes(ax)
    per_side: dict[str, int] = {}
    ends: list[Annotation] = []
    for (claimant, subject, pop), group in series:
        group = group.sort_values("claim_date")
        side = group["claimant_side"].iloc[0]
        k = per_side[side] = per_side.get(side, -1) + 1
        color = _color(side)
        (line,) = ax.step(
            group["claim_date"],
            group["value"],
            where="post",
            color=color,
            linestyle=_LINESTYLES[k % len(_LINESTYLES)],
            marker=_MARKERS[k % len(_MARKERS)],
            markersize=5,
            lw=1.6,
            label=_escape_math(f"{claimant}\non {subject} ({pop})"),
            zorder=3,
        )
        line.set_gid("claims")
        bounded = group[group["value_low"].notna() & group["value_high"].notna()]
        if not bounded.empty:
            bars = ax.vlines(
                bounded["claim_date"],
                bounded["value_low"].astype(float),
                bounded["value_high"].astype(float),
                color=color,
                lw=1.2,
            )
            bars.set_gid("interval")
        last = group.iloc[-1]
        end = ax.annotate(
            figure_label(last),
            xy=(float(mdates.date2num(last["claim_date"])), last["value"]),
            xytext=(0, 6),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=_LABEL_SIZE - 0.5,
            color=color,
        )
        end.set_gid("value-label")
        ends.append(end)
    _draw_events(ax, events)
    dates = [*dated["claim_date"], *(pd.Timestamp(e.date) for e in events)]
    pad = pd.Timedelta(days=3)
    ax.set_xlim(min(dates) - pad, max(dates) + pad * 2)
    ax.set_ylim(0, max(_max(dated["value"]), _max(dated["value_high"]), 1.0) * 1.12)
    _separate(ends, ax)
    one_year = dated["claim_date"].dt.year.nunique() == 1
    ax.xaxis.set_major_locator(ticker.FixedLocator(_week_ticks(ax)))
    ax.xaxis.set_major_formatter(
        ticker.FuncFormatter(lambda x, _: _day_month(_num2date(x), with_year=not one_year))
    )
    _count_axis(ax.yaxis)
    ax.yaxis.grid(True, color="#e6e6e6")
    ax.set_axisbelow(True)
    ax.set_ylabel(f"{CATEGORY_LABELS[category]} (claimed)")
    year = dated["claim_date"].dt.year.iloc[0]
    ax.set_xlabel(f"Claim date ({year})" if one_year else "Claim date")
    _title(
        ax,
        f"{CATEGORY_LABELS[category]}: claims over time, by claimant",
        _filters_text(subject_side=subject_side, population=population, scope=scope),
    )
    ax.legend(
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        fontsize=_LABEL_SIZE - 0.5,
        frameon=False,
        title="Claimant, on whose losses",
        title_fontsize=_LABEL_SIZE - 0.5,
        alignment="left",
        labelspacing=0.9,
    )
    _add_caption(ax, dated)
    return ax


def _separate(labels: list[Annotation], ax: Axes) -> None:
    """Lift end labels that would overlap another label, one line at a time."""
    fig_w, fig_h = ax.figure.get_size_inches() * 72
    box = ax.get_position()
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    sx, sy = box.width * fig_w / (x1 - x0), box.height * fig_h / (y1 - y0)  # points per unit
    line = _LABEL_SIZE + 3
    placed: list[tuple[float, float, float]] = []  # centre x, bottom y, half width (points)
    for label in sorted(labels, key=lambda t: (t.xy[0], t.xy[1])):
        x, y = label.xy[0] * sx, label.xy[1] * sy
        half = _text_width(label.get_text(), _LABEL_SIZE - 0.5) / 2 + 2
        level = 0
        while any(
            abs(px - x) < ph + half and abs(py - (y + 6 + line * level)) < line
            for px, py, ph in placed
        ):
            level += 1
        label.xyann = (0, 6 + line * level)
        placed.append((x, y + 6 + line * level, half))


def _num2date(x: float) -> dt.datetime:
    return mdates.num2date(x).replace(tzinfo=None)


def _week_ticks(ax: Axes, most: int = 10) -> list[float]:
    """Sundays across the x range, every n-th so that at most ``most`` remain."""
    lo, hi = (pd.Timestamp(_num2date(v)) for v in ax.get_xlim())
    sundays = pd.date_range(lo.normalize(), hi, freq="W-SUN")
    step = max(1, -(-len(sundays) // most))
    return [float(mdates.date2num(d)) for d in sundays[::step]]


def _draw_events(ax: Axes, events: Sequence[WarEvent]) -> None:
    transform = blended_transform_factory(ax.transData, ax.transAxes)
    for i, event in enumerate(events):
        when = pd.Timestamp(event.date)
        line = ax.axvline(when, color="#555555", lw=1, ls=(0, (4, 3)), zorder=1)
        line.set_gid("war-event")
        last = i == len(events) - 1 and len(events) > 1
        text = ax.annotate(
            f"{event.label}\n{_day_month(when)}",
            xy=(float(mdates.date2num(when)), 1.0),
            xycoords=transform,
            xytext=(-4 if last else 4, -4),
            textcoords="offset points",
            ha="right" if last else "left",
            va="top",
            fontsize=_LABEL_SIZE - 0.5,
            color="#333333",
        )
        text.set_gid("war-event-label")


# --- 3. Equipment ---------------------------------------------------------------------------


def plot_equipment_losses(
    claims: pd.DataFrame,
    *,
    subject_side: str | Iterable[str] | None = None,
    categories: Sequence[str] = EQUIPMENT_CHART_CATEGORIES,
    scope: str | Iterable[str] | None = TOTAL_SCOPES,
    latest: bool = True,
    ax: Axes | None = None,
) -> Axes:
    """Grouped bars: per equipment category, one bar per claimant, coloured by its side.

    Each bar is the claimant's latest running total (``scope``: cumulative or
    unstated; ``None`` for every scope), or with ``latest=False`` its largest
    figure. On one day the largest figure wins, so "173 tanks, 64 of them
    captured" counts 173. Categories nobody claimed are left out.

    Example: ``plot_equipment_losses(load_claims(), subject_side="armenia")``
    """
    rows = _select(claims, list(categories), subject_side=subject_side, scope=scope)
    keys = ["claimant", "subject_side", "category"]
    rows = _latest(rows, keys) if latest else _largest(rows, keys)
    shown = [c for c in categories if c in set(rows["category"])]
    several = rows["subject_side"].nunique() > 1
    series = sorted(
        rows.groupby(["claimant", "subject_side"], sort=True),
        key=lambda kv: (CLAIMANT_SIDES.index(kv[1]["claimant_side"].iloc[0]), kv[0]),
    )
    ax = _axes(ax)
    height = 0.8 / len(series)
    per_side: dict[str, int] = {}
    x_max = max(float(rows["value"].max()), 1.0)
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
        y = [slots[(c, i)] for c in cats]
        about = f"on {SIDE_LABELS[subject]} \u00b7 " if several else ""
        label = _escape_math(f"{claimant}\n{about}{_date_span(group['claim_date'])}")
        bars = ax.barh(
            y,
            [int(by_cat.loc[c, "value"]) for c in cats],
            height=height * 0.92,
            color=_color(side),
            hatch=_HATCHES[k % len(_HATCHES)],
            edgecolor="white",
            lw=0,
            label=label,
            zorder=2,
        )
        for bar, c in zip(bars, cats, strict=True):
            text = ax.annotate(
                figure_label(by_cat.loc[c]),
                xy=(bar.get_width(), bar.get_y() + bar.get_height() / 2),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=_LABEL_SIZE - 0.5,
            )
            text.set_gid("value-label")
    ax.set_yticks(range(len(shown)), [CATEGORY_LABELS[c] for c in shown], fontsize=_LABEL_SIZE)
    ax.set_ylim(len(shown) - 0.5, -0.5)
    ax.set_xlim(0, x_max * 1.15)
    _count_axis(ax.xaxis)
    ax.xaxis.grid(True, color="#e6e6e6")
    ax.set_axisbelow(True)
    ax.set_xlabel("Equipment claimed lost (destroyed, damaged, captured)")
    what = "each claimant's latest figure" if latest else "each claimant's largest figure"
    _title(ax, f"Equipment losses: {what}", _filters_text(subject_side=subject_side, scope=scope))
    ax.legend(
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        fontsize=_LABEL_SIZE - 0.5,
        frameon=False,
        title="Claimant, claim date",
        title_fontsize=_LABEL_SIZE - 0.5,
        alignment="left",
        labelspacing=0.9,
    )
    _add_caption(ax, rows)
    return ax


def _shade_norm(grid: np.ndarray) -> Normalize:
    """A log scale when the figures span more than a factor of ten, else linear."""
    positive = grid[np.isfinite(grid) & (grid > 0)]
    if positive.size and positive.max() > 10 * positive.min():
        return LogNorm(vmin=float(positive.min()), vmax=float(positive.max()), clip=True)
    return Normalize(vmin=0, vmax=max(float(np.nanmax(grid)), 1.0))


# --- 4. Matrix ------------------------------------------------------------------------------


def plot_claims_matrix(
    claims: pd.DataFrame,
    category: str,
    *,
    population: str | Iterable[str] | None = None,
    scope: str | Iterable[str] | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Heatmap of claimant side \u00d7 subject side: the largest figure claimed in each cell.

    Each cell is annotated with the figure, who claimed it and when; empty cells
    (nobody on that side claimed losses of that side) show a dash.

    Example: ``plot_claims_matrix(load_claims(), "killed")``
    """
    rows = _select(claims, category, population=population, scope=scope)
    top = _largest(rows, ["claimant_side", "subject_side"])
    subject_axis, claimant_axis = _side_axes(claims)
    grid = np.full((len(claimant_axis), len(subject_axis)), np.nan)
    cells = {}
    for _, row in top.iterrows():
        r = claimant_axis.index(row["claimant_side"])
        c = subject_axis.index(row["subject_side"])
        grid[r, c] = row["value"]
        cells[(r, c)] = row
    ax = _axes(ax)
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
            claimant = _escape_math(textwrap.fill(str(row["claimant"]), width=22))
            text = ax.text(
                c,
                r,
                f"{figure_label(row)}\n{claimant}\n{_date(row['claim_date'])}",
                ha="center",
                va="center",
                fontsize=_LABEL_SIZE - 1,
                color="white" if dark else "black",
                linespacing=1.25,
            )
            text.set_gid("cell-label")
    ax.set_xticks(
        range(len(subject_axis)), [SIDE_LABELS[s] for s in subject_axis], fontsize=_LABEL_SIZE
    )
    ax.set_yticks(
        range(len(claimant_axis)), [SIDE_LABELS[s] for s in claimant_axis], fontsize=_LABEL_SIZE
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
    ax.set_xlabel("Whose losses (subject side)")
    ax.set_ylabel("Who claims (claimant side)")
    shading = "shading on a log scale" if isinstance(norm, LogNorm) else ""
    subtitle = " \u00b7 ".join(
        t for t in (_filters_text(population=population, scope=scope), shading) if t
    )
    _title(ax, f"{CATEGORY_LABELS[category]}: largest figure claimed, by side", subtitle)
    _add_caption(ax, top)
    return ax


def _side_axes(claims: pd.DataFrame) -> tuple[list[str], list[str]]:
    """The subject and claimant sides of the conflicts in ``claims``, in contract order."""
    conflicts = sorted(set(claims["conflict"].astype(str))) if "conflict" in claims else []
    subject: set[str] = set()
    claimant: set[str] = set()
    for c in conflicts or ["unknown"]:
        s, k = allowed_sides(c)
        subject |= s
        claimant |= k
    return [s for s in SIDES if s in subject], [s for s in CLAIMANT_SIDES if s in claimant]
