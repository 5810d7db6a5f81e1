"""Charts that stay honest at any scale and for any war (issue 10).

Read back from the Axes: compact six-digit ticks that never overlap, one population
per linear axis (else a log axis that says why), every claim of a claimant on its
timeline, the war's dates from the conflict profile, captions that name outlets
and dates, and a caption that ``fig.savefig`` keeps. The Russia–Ukraine and Tigray
tables are built by ``extract_claims`` from sentences written for these tests.
"""

from __future__ import annotations

import io
import re

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pytest
from _plot_axes import (
    COMPACT,
    DOC_ID,
    artists,
    caption,
    day,
    draw,
    overlapping_ticks,
    plotted_values,
    texts,
    title,
    value_tick_texts,
)
from _plot_tables import RU_DOC, RUSSIA_UKRAINE, SOURCES, TIGRAY, extract
from matplotlib.figure import Figure

import lossdata
from lossdata.figures import FIGURES, render
from lossdata.plots import (
    SIDE_COLORS,
    compact_number,
    plot_claim_timeline,
    plot_claims_matrix,
    plot_competing_claims,
    plot_equipment_losses,
    plot_inflation_ratio,
)

plt.switch_backend("Agg")


@pytest.fixture(scope="module")
def ru():
    table = extract(RUSSIA_UKRAINE, "ru")
    assert set(table["conflict"]) == {"russia-ukraine"}
    return table


@pytest.fixture
def ax():
    return Figure(figsize=(8, 4.8), layout="constrained").add_subplot()


def test_the_sentences_give_the_claims_the_charts_need(ru):
    killed = ru[(ru["category"] == "killed") & (ru["population"] == "military")]
    assert sorted(killed["value"]) == [5937, 6000, 9000, 61207, 90000, 140000, 150000]
    assert set(ru["scope"]) == {"cumulative"}
    assert set(ru["subject_side"]) == {"russia", "ukraine", "unknown"}


# --- Every chart, any war ----------------------------------------------------------------------

RU_CHARTS = {
    # id: (helper, args, kwargs)
    "competing-russia-military": (
        plot_competing_claims,
        ("killed",),
        {"subject_side": "russia", "population": "military"},
    ),
    "competing-all": (plot_competing_claims, ("killed",), {}),
    "timeline-russia-military": (
        plot_claim_timeline,
        ("killed",),
        {"subject_side": "russia", "population": "military"},
    ),
    "timeline-all": (plot_claim_timeline, ("killed",), {}),
    "equipment": (plot_equipment_losses, (), {}),
    "matrix": (plot_claims_matrix, ("killed",), {}),
    "inflation": (plot_inflation_ratio, (), {}),
}


def draw_ru(ru, chart, **extra):
    plot, args, kwargs = RU_CHARTS[chart]
    ax = Figure(figsize=(8, 4.8), layout="constrained").add_subplot()
    return plot(ru, *args, **kwargs, **extra, ax=ax)


@pytest.mark.parametrize("chart", RU_CHARTS)
def test_every_chart_draws_russia_and_ukraine_in_their_colours(ru, chart):
    ax = draw_ru(ru, chart, sources=SOURCES)
    renderer = draw(ax.figure)
    shown = " ".join(
        t.get_text()
        for t in [*ax.get_yticklabels(), *ax.get_xticklabels(), *ax.texts]
        + ([*ax.get_legend().get_texts()] if ax.get_legend() else [])
    )
    assert "Russia" in shown or "Ukraine" in shown
    colours = {
        c.lower()
        for c in (
            [mpl_hex(p.get_facecolor()) for p in ax.patches]
            + [mpl_hex(line.get_color()) for line in ax.get_lines()]
            + [mpl_hex(t.get_color()) for t in ax.get_yticklabels()]
        )
    }
    assert {SIDE_COLORS["russia"].lower(), SIDE_COLORS["ukraine"].lower()} & colours
    assert overlapping_ticks(ax, renderer) == []


def mpl_hex(color):
    import matplotlib as mpl

    return mpl.colors.to_hex(color)


@pytest.mark.parametrize("chart", RU_CHARTS)
def test_captions_name_outlets_and_dates_never_document_ids(ru, chart):
    ax = draw_ru(ru, chart, sources=SOURCES)
    text = caption(ax)
    assert not RU_DOC.search(text)
    assert any(name in text for name in ("Kyiv Independent", "TASS", "Reuters", "AP"))
    assert re.search(r"\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\d\d\b", text)


@pytest.mark.parametrize(
    ("sources", "table_outlet", "expected"),
    [
        (None, False, "an unnamed outlet"),
        ({"ru2": "Ukrainska Pravda"}, False, "Ukrainska Pravda (claims of 1 Jun 2023)"),
        (SOURCES, False, "Ukrainska Pravda, 2 Jun 2023 (claims of 1 Jun 2023)"),
        (None, True, "Ukrainska Pravda (claims of 1 Jun 2023)"),
    ],
    ids=["unknown", "mapping", "catalog-rows", "outlet-column"],
)
def test_caption_outlets_come_from_sources_or_the_table(ru, ax, sources, table_outlet, expected):
    table = (
        ru.assign(outlet=ru["doc_id"].map(lambda d: SOURCES[d]["outlet"])) if table_outlet else ru
    )
    plot_competing_claims(
        table, "killed", subject_side="russia", population="military", sources=sources, ax=ax
    )
    text = caption(ax)
    assert expected in text
    assert not RU_DOC.search(text) and not DOC_ID.search(text)


def test_seed_captions_never_show_document_ids(claims, ax):
    plot_competing_claims(claims, "killed", ax=ax)
    assert not DOC_ID.search(caption(ax))
    assert "Wikipedia, 30 Oct 2020" in caption(ax)


# --- Ticks ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "0"),
        (750, "750"),
        (1000, "1k"),
        (2500, "2.5k"),
        (25000, "25k"),
        (125000, "125k"),
        (1_200_000, "1.2M"),
        (3_000_000_000, "3bn"),
    ],
)
def test_compact_numbers(value, text):
    assert compact_number(value) == text


@pytest.mark.parametrize(
    ("chart", "axis"),
    [
        ("competing-russia-military", "x"),
        ("timeline-russia-military", "y"),
        ("competing-all", "x"),
        ("equipment", "x"),
        ("inflation", "x"),
    ],
)
def test_six_digit_ticks_are_compact_and_apart(ru, chart, axis):
    ax = draw_ru(ru, chart)
    renderer = draw(ax.figure)
    ticks = value_tick_texts(ax, axis)
    assert len(ticks) >= 2
    assert all(COMPACT.match(t.replace("\u2212", "-")) for t in ticks), ticks
    assert not any("," in t or "000" in t for t in ticks), ticks
    assert overlapping_ticks(ax, renderer) == []


def test_six_digit_linear_ticks_read_as_thousands(ru):
    ax = draw_ru(ru, "timeline-russia-military")
    draw(ax.figure)
    assert ax.get_yscale() == "linear"
    assert any(t.endswith("k") and len(t) >= 3 for t in value_tick_texts(ax, "y"))


@pytest.mark.parametrize("spec", FIGURES, ids=[s.name for s in FIGURES])
def test_published_charts_ticks_apart_and_compact(claims, spec):
    fig = render(spec, claims)
    renderer = draw(fig)
    ax = fig.axes[0]
    assert overlapping_ticks(ax, renderer) == []
    value_axis = "y" if spec.name.startswith("claim_timeline") else "x"
    if not spec.name.startswith("claims_matrix"):
        ticks = value_tick_texts(ax, value_axis)
        assert all(COMPACT.match(t.replace("\u2212", "-")) for t in ticks), ticks


# --- One population per linear axis -------------------------------------------------------------


def populations_drawn(ax, table, categories):
    """The populations of the claims whose figures the Axes draws."""
    values = set(plotted_values(ax))
    rows = table[table["category"].isin(categories) & table["value"].isin(values)]
    return set(rows["population"].astype(str))


SCALE_CASES = [
    # (table, helper, args, kwargs, categories, log expected, reason in the subtitle)
    ("ru", plot_competing_claims, ("killed",), {"population": "military"}, ["killed"], False, ""),
    (
        "ru",
        plot_competing_claims,
        ("killed",),
        {},
        ["killed"],
        True,
        "log scale: military and civilian figures share one axis",
    ),
    (
        "ru",
        plot_claim_timeline,
        ("killed",),
        {},
        ["killed"],
        True,
        "log scale: military and civilian figures share one axis",
    ),
    (
        "ru",
        plot_equipment_losses,
        (),
        {},
        ["tanks", "aircraft", "helicopters"],
        True,
        "log scale: figures range from 3 to 8,000",
    ),
    (
        "ru",
        plot_equipment_losses,
        (),
        {"subject_side": "russia"},
        ["tanks", "aircraft"],
        False,
        "",
    ),
    (
        "seed",
        plot_competing_claims,
        ("killed",),
        {"subject_side": "azerbaijan", "population": "mercenary"},
        ["killed"],
        False,
        "",
    ),
    (
        "seed",
        plot_claim_timeline,
        ("killed",),
        {"subject_side": "armenia"},
        ["killed"],
        True,
        "log scale: military and civilian figures share one axis",
    ),
]


@pytest.mark.parametrize(
    ("table", "plot", "args", "kwargs", "categories", "log", "reason"),
    SCALE_CASES,
    ids=[
        "ru-competing-military",
        "ru-competing-mixed",
        "ru-timeline-mixed",
        "ru-equipment-wide-range",
        "ru-equipment-russia",
        "seed-competing-mercenary",
        "seed-timeline-mixed",
    ],
)
def test_a_linear_axis_holds_one_population_else_log_says_why(
    ru, claims, ax, table, plot, args, kwargs, categories, log, reason
):
    table = ru if table == "ru" else claims
    plot(table, *args, **kwargs, ax=ax)
    value_scale = ax.get_yscale() if plot is plot_claim_timeline else ax.get_xscale()
    drawn = populations_drawn(ax, table, categories)
    assert drawn, "nothing drawn?"
    if log:
        assert value_scale == "log"
        assert reason in title(ax)
    else:
        assert value_scale == "linear"
        assert len(drawn) == 1, drawn
        assert "log scale" not in title(ax)
        values = [v for v in plotted_values(ax) if v > 0]
        assert max(values) < 1000 * min(values)


def test_log_bars_are_dots_on_stems(ru, ax):
    plot_equipment_losses(ru, ax=ax)
    assert ax.get_xscale() == "log"
    dots = artists(ax, "value-dot")  # one set per claimant
    assert sum(len(d.get_offsets()) for d in dots) == len(ax.patches) == 4
    assert all(p.get_height() < 0.1 for p in ax.patches)  # stems, not bars


def test_the_matrix_says_its_population_and_scope(ru, ax):
    plot_claims_matrix(ru, "killed", ax=ax)
    assert title(ax).startswith("Killed, military, running totals (cumulative or unstated)")
    grid = ax.images[0].get_array()
    assert grid.shape == (2, 2)  # Russia and Ukraine; the UN's civilians are not mixed in
    assert sorted(float(v) for v in grid.compressed()) == [5937, 9000, 61207, 150000]


# --- Timelines --------------------------------------------------------------------------------


def test_timeline_has_a_point_for_every_claim_of_each_claimant(ru, ax):
    plot_claim_timeline(ru, "killed", subject_side="russia", population="military", ax=ax)
    selected = ru[
        (ru["category"] == "killed")
        & (ru["subject_side"] == "russia")
        & (ru["population"] == "military")
    ]
    lines = artists(ax, "claims")
    assert len(lines) == selected["claimant"].nunique() == 2
    for line in lines:
        claimant = line.get_label().split("\n")[0]
        own = selected[selected["claimant"] == claimant].sort_values("claim_date")
        assert len(line.get_xdata()) == len(own)
        assert list(line.get_ydata()) == own["value"].tolist()
    (staff,) = [line for line in lines if line.get_label().startswith("General Staff")]
    assert list(staff.get_ydata()) == [90000, 150000, 140000]  # the fall stays visible


def test_timeline_far_from_the_wars_start_names_it(ru, ax):
    plot_claim_timeline(ru, "killed", subject_side="russia", population="military", ax=ax)
    assert artists(ax, "war-event") == []
    # The profile's latest turning point before these claims names their phase.
    assert "Full-scale invasion 24 Feb 2022 (before these claims)" in title(ax)
    assert "War begins" not in title(ax)


def test_timeline_draws_the_wars_start_from_the_profile(ax):
    table = extract(TIGRAY, "tg")
    assert set(table["conflict"]) == {"ethiopia-tigray"}
    plot_claim_timeline(table, "killed", population="military", ax=ax)
    (line,) = artists(ax, "war-event")
    start = lossdata.conflicts.get_profile("ethiopia-tigray").start
    assert mdates.date2num(line.get_xdata()[0]) == day(start.isoformat())
    assert texts(ax, "war-event-label") == ["War begins\n3 Nov"]
    assert "Pretoria agreement" not in title(ax)  # a later turning point says nothing here
    lo, _ = ax.get_xlim()
    assert lo < day(start.isoformat())


# --- Saving ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("chart", RU_CHARTS)
def test_plain_savefig_keeps_caption_legend_and_labels(ru, chart):
    plot, args, kwargs = RU_CHARTS[chart]
    try:
        ax = plot(ru, *args, **kwargs, sources=SOURCES)  # no ax: a figure of its own
        fig = ax.figure
        fig.savefig(io.BytesIO(), format="png")
        renderer = fig.canvas.get_renderer()
        inside = fig.bbox.padded(1)
        (cap,) = artists(ax, "provenance")
        keep = [cap, ax.xaxis.label, ax._left_title]
        if ax.get_legend() is not None:
            keep.append(ax.get_legend())
        for artist in keep:
            box = artist.get_window_extent(renderer)
            assert inside.contains(box.x0, box.y0) and inside.contains(box.x1, box.y1), artist
    finally:
        plt.close("all")
