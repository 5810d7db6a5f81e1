"""The charts: what they say, read back from the Axes.

The claims table is the synthetic fixture of tests/conftest.py (the 2020 Karabakh
war). Errors, dtypes and files: test_plots_contract.py; scales, ticks, captions and
other wars: test_plots_scale.py; the inflation chart: test_plots_inflation.py.
"""

from __future__ import annotations

import datetime as dt
import types

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pytest
from _plot_axes import artists, caption, day, hex_color, texts, title
from matplotlib.figure import Figure

import lossdata
from lossdata.datasets import load_documents
from lossdata.plots import (
    SIDE_COLORS,
    WAR_EVENTS,
    WarEvent,
    plot_claim_timeline,
    plot_claims_matrix,
    plot_competing_claims,
    plot_equipment_losses,
)
from lossdata.plots import timeline as timeline_module
from lossdata.schema import CLAIMANT_SIDES, SIDES

plt.switch_backend("Agg")

OKABE_ITO = {
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#000000",
    "#999999",
}
FIGHTERS = ("military", "mercenary", "mixed")


@pytest.fixture
def ax():
    fig = Figure(figsize=(8, 5), layout="constrained")
    return fig.add_subplot()


# --- 1. Competing claims ----------------------------------------------------------------------

# (claimant, subject, population, claimant side, bar length, value label), top to bottom
COMPETING_AZERBAIJAN = [
    ("Artsakh authorities", "Azerbaijan", "mixed", "armenia", 6914, "6,914  ·  30 Oct 2020"),
    (
        "Armenian Ministry of Defence",
        "Azerbaijan",
        "military",
        "armenia",
        6674,
        "6,674  ·  26 Oct 2020",
    ),
    ("Vladimir Putin", "both sides", "mixed", "third_party", 5000, "≈5,000  ·  22 Oct 2020"),
    ("South Front", "Azerbaijan", "military", "unattributed", 850, "700–1,000  ·  27 Oct 2020"),
    (
        "Syrian Observatory for Human Rights",
        "Syrian mercenaries",
        "mercenary",
        "third_party",
        188,
        "≥188  ·  20 Oct 2020",
    ),
    ("RIA Novosti", "Syrian mercenaries", "mercenary", "third_party", 93, "93  ·  5 Oct 2020"),
]


def test_competing_claims_shows_each_claimants_latest_cumulative_figure(claims, ax):
    out = plot_competing_claims(
        claims, "killed", subject_side=["azerbaijan", "unknown"], population=FIGHTERS, ax=ax
    )
    assert out is ax
    rows = [
        (c, f"{c}\non {s} ({p})", side, v, label)
        for c, s, p, side, v, label in COMPETING_AZERBAIJAN
    ]
    assert [t.get_text() for t in ax.get_yticklabels()] == [r[1] for r in rows]
    assert [bar.get_width() for bar in ax.patches] == [r[3] for r in rows]
    assert [hex_color(bar.get_facecolor()) for bar in ax.patches] == [
        SIDE_COLORS[r[2]] for r in rows
    ]
    assert texts(ax, "value-label") == [r[4] for r in rows]
    legend = ax.get_legend()
    assert legend.get_title().get_text() == "Claimant side"
    assert [t.get_text() for t in legend.get_texts()] == [
        "Armenia / Artsakh",
        "Third party",
        "Unattributed (outlet)",
    ]
    assert ax.get_title(loc="left").startswith("Killed: each claimant's latest figure\n")
    # Three populations share the axis: it is logarithmic, and the subtitle says why.
    assert ax.get_xscale() == "log"
    assert "log scale: military, mercenary and mixed figures share one axis" in title(ax)


def test_competing_claims_of_one_population_keep_a_linear_axis(claims, ax):
    plot_competing_claims(claims, "killed", subject_side="azerbaijan", population="military", ax=ax)
    assert ax.get_xscale() == "linear"
    assert [bar.get_width() for bar in ax.patches] == [6674, 850]
    assert all(t.get_text().endswith("(military)") for t in ax.get_yticklabels())
    assert "population: military" in title(ax)
    assert "log scale" not in title(ax)


def test_competing_claims_draws_ranges_and_open_bounds_as_intervals(claims, ax):
    plot_competing_claims(
        claims, "killed", subject_side=["azerbaijan", "unknown"], log=False, ax=ax
    )
    (rng,) = artists(ax, "interval-range")
    assert (rng.xyann, rng.xy) == ((700.0, 3), (1000.0, 3))  # from low to high, 4th row
    (bound,) = artists(ax, "interval-at_least")
    assert bound.xyann == (188.0, 4)
    assert bound.xy[0] > 188  # open to the right
    assert bound.arrowprops["arrowstyle"] == "]->"  # closed at 188, open upwards


def test_competing_claims_every_claim(claims, ax):
    plot_competing_claims(
        claims, "killed", subject_side=["azerbaijan", "unknown"], latest=False, scope=None, ax=ax
    )
    selected = claims[
        (claims["category"] == "killed") & claims["subject_side"].isin(["azerbaijan", "unknown"])
    ]
    assert len(ax.patches) == len(selected) == 11
    labels = [t.get_text() for t in ax.get_yticklabels()]
    mod = [
        bar.get_width()
        for bar, label in zip(ax.patches, labels, strict=True)
        if label.startswith("Armenian Ministry of Defence")
    ]
    assert mod == [2250, 4650, 6674]  # one claimant's claims in date order
    assert "21  ·  28 Oct 2020" in texts(ax, "value-label")  # incidents too
    assert ax.get_title(loc="left").startswith("Killed: every claim")


def test_competing_claims_every_running_total(claims, ax):
    plot_competing_claims(
        claims, "killed", subject_side=["azerbaijan", "unknown"], latest=False, ax=ax
    )
    assert len(ax.patches) == 10  # the one incident (21 killed in Barda) left out
    assert "21  ·  28 Oct 2020" not in texts(ax, "value-label")
    assert "scope: cumulative or unstated" in title(ax)


@pytest.mark.parametrize(
    ("scope", "oryx_shown"),
    [
        (None, True),
        (("cumulative", "unknown"), True),
        ("unknown", True),
        ("cumulative", False),
    ],
)
def test_unstated_scope_counts_as_a_running_total_by_default(claims, ax, scope, oryx_shown):
    # Oryx's tally does not say "since the war began": the real table has scope unknown.
    claims = claims.assign(scope=claims["scope"].where(claims["claimant"] != "Oryx", "unknown"))
    kwargs = {} if scope == ("cumulative", "unknown") else {"scope": scope}
    plot_equipment_losses(claims, subject_side="armenia", ax=ax, **kwargs)
    claimants = {c.get_label().split("\n")[0] for c in ax.containers}
    assert ("Oryx" in claimants) is oryx_shown


# --- 2. Timeline ------------------------------------------------------------------------------

TIMELINE_AZERBAIJAN = {
    # legend label: (dates, values, claimant side)
    "Armenian Ministry of Defence\non Azerbaijan (military)": (
        ["2020-10-04", "2020-10-14", "2020-10-26"],
        [2250, 4650, 6674],
        "armenia",
    ),
    "Artsakh authorities\non Azerbaijan (mixed)": (["2020-10-30"], [6914], "armenia"),
    "RIA Novosti\non Syrian mercenaries (mercenary)": (["2020-10-05"], [93], "third_party"),
    "Syrian Observatory for Human Rights\non Syrian mercenaries (mercenary)": (
        ["2020-10-13", "2020-10-20"],
        [119, 188],
        "third_party",
    ),
    "South Front\non Azerbaijan (military)": (["2020-10-27"], [850], "unattributed"),
}


def test_claim_timeline_has_a_line_per_claimant_through_all_its_claims(claims, ax):
    out = plot_claim_timeline(
        claims, "killed", subject_side="azerbaijan", population=FIGHTERS, ax=ax
    )
    assert out is ax
    lines = artists(ax, "claims")
    assert [line.get_label() for line in lines] == list(TIMELINE_AZERBAIJAN)
    for line in lines:
        dates, values, side = TIMELINE_AZERBAIJAN[line.get_label()]
        assert list(mdates.date2num(line.get_xdata())) == [day(d) for d in dates]
        assert list(line.get_ydata()) == values
        assert line.get_drawstyle() == "default"  # consecutive claims joined directly
        assert line.get_marker() not in ("", "None", None)
        assert hex_color(line.get_color()) == SIDE_COLORS[side]
    legend_texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend_texts == list(TIMELINE_AZERBAIJAN)
    (rng,) = artists(ax, "interval")
    assert [list(p) for p in rng.get_segments()[0]] == [
        [day("2020-10-27"), 700],
        [day("2020-10-27"), 1000],
    ]
    assert texts(ax, "value-label") == ["6,674", "6,914", "93", "≥188", "700–1,000"]
    assert ax.get_yscale() == "log"  # three populations: the subtitle says so
    assert "log scale: military, mercenary and mixed figures share one axis" in title(ax)


def test_claim_timeline_shows_a_revision_downwards(claims, ax):
    # The ministry's second figure raised to 7,000: its 6,674 of 26 October is a decrease.
    revised = claims.copy()
    revised.loc[revised["value"] == 4650, "value"] = 7000
    plot_claim_timeline(revised, "killed", subject_side="azerbaijan", population="military", ax=ax)
    (mod,) = [line for line in artists(ax, "claims") if line.get_label().startswith("Armenian")]
    assert list(mod.get_ydata()) == [2250, 7000, 6674]  # every claim, the fall included
    assert ax.get_yscale() == "linear"
    assert "(military)" not in mod.get_label()  # one population: said once, in the title
    assert "population: military" in title(ax)


def test_claim_timeline_keeps_two_claims_of_one_day(claims, ax):
    twice = claims.copy()
    twice.loc[twice["value"] == 2250, "claim_date"] = twice.loc[
        twice["value"] == 4650, "claim_date"
    ].iloc[0]
    plot_claim_timeline(twice, "killed", subject_side="azerbaijan", population="military", ax=ax)
    (mod,) = [line for line in artists(ax, "claims") if line.get_label().startswith("Armenian")]
    assert list(mod.get_ydata()) == [2250, 4650, 6674]


def test_claim_timeline_names_the_profiles_start_when_it_is_far(claims, ax, monkeypatch):
    # A profile without events whose war began in April 2016: far from these claims, so
    # said, not drawn.
    profile = types.SimpleNamespace(
        start=dt.date(2016, 4, 1), end=None, title="Armenia–Azerbaijan", events=()
    )
    monkeypatch.setattr(timeline_module, "get_profile", lambda conflict: profile)
    plot_claim_timeline(claims, "killed", subject_side="armenia", ax=ax)
    assert artists(ax, "war-event") == []
    assert "War begins 1 Apr 2016 (before these claims)" in title(ax)
    lo, hi = ax.get_xlim()
    assert day("2020-10-01") < lo < day("2020-10-10") and hi > day("2020-10-28")


def test_claim_timeline_names_only_the_latest_far_event_before_the_claims(claims, ax, monkeypatch):
    profile = types.SimpleNamespace(
        start=dt.date(2016, 4, 1),
        end=None,
        title="Armenia–Azerbaijan",
        events=[
            ("2016-04-02", "First round"),
            ("2019-05-01", "Second round"),
            ("2023-09-19", "Later"),
        ],
    )
    monkeypatch.setattr(timeline_module, "get_profile", lambda conflict: profile)
    plot_claim_timeline(claims, "killed", subject_side="armenia", ax=ax)
    assert "Second round 1 May 2019 (before these claims)" in title(ax)
    assert "First round" not in title(ax) and "Later" not in title(ax)


def test_claim_timeline_draws_the_profiles_events_near_the_claims(claims, ax, monkeypatch):
    # A profile that lists the 2020 war's events (the YAML field "events").
    profile = types.SimpleNamespace(
        start=lossdata.conflicts.get_profile("armenia-azerbaijan").start,
        end=None,
        title="Armenia–Azerbaijan",
        events=[("2020-09-27", "War begins"), {"date": "2020-11-10", "label": "Ceasefire"}],
    )
    monkeypatch.setattr(timeline_module, "get_profile", lambda conflict: profile)
    plot_claim_timeline(claims, "killed", subject_side="armenia", ax=ax)
    events = artists(ax, "war-event")
    assert [mdates.date2num(line.get_xdata()[0]) for line in events] == [
        day("2020-09-27"),
        day("2020-11-10"),
    ]
    assert texts(ax, "war-event-label") == ["War begins\n27 Sep", "Ceasefire\n10 Nov"]
    assert "before these claims" not in title(ax)  # the events replace the profile's span
    lo, hi = ax.get_xlim()
    assert lo < day("2020-09-27") and hi > day("2020-11-10")
    assert [t.get_text() for t in ax.get_xticklabels()][:2] == ["27 Sep", "4 Oct"]


@pytest.mark.parametrize(
    ("events", "lines"),
    [((), 0), (WAR_EVENTS, 2), ((WarEvent(WAR_EVENTS[0].date, "Start"),), 1)],
    ids=["none", "the-2020-war", "one"],
)
def test_claim_timeline_events_can_be_given(claims, ax, events, lines):
    plot_claim_timeline(claims, "killed", subject_side="armenia", events=events, ax=ax)
    assert len(artists(ax, "war-event")) == lines
    assert "before these claims" not in title(ax)


# --- 3. Equipment -----------------------------------------------------------------------------

EQUIPMENT_ARMENIA = {
    # (category label, claimant): bar length
    ("Tanks", "Azerbaijani Ministry of Defence"): 250,
    ("Tanks", "Oryx"): 173,  # 173 lost, of which 64 captured: the larger figure
    ("Armoured vehicles", "Oryx"): 257,
    ("Artillery", "Azerbaijani Ministry of Defence"): 270,
    ("Artillery", "Oryx"): 147,
    ("MLRS", "Oryx"): 67,
    ("Air defence", "Azerbaijani Ministry of Defence"): 60,
    ("Air defence", "Oryx"): 23,
}


def bars_by_group(ax):
    """{(y tick label, claimant): width} from the bar containers."""
    ticks = {
        round(t): label.get_text()
        for t, label in zip(ax.get_yticks(), ax.get_yticklabels(), strict=True)
    }
    out = {}
    for container in ax.containers:
        claimant = container.get_label().split("\n")[0]
        for bar in container:
            group = ticks[round(bar.get_y() + bar.get_height() / 2)]
            out[(group, claimant)] = bar.get_width()
    return out


def test_equipment_losses_oryx_beside_the_azerbaijani_ministry(claims, ax):
    out = plot_equipment_losses(claims, subject_side="armenia", ax=ax)
    assert out is ax
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Tanks",
        "Armoured vehicles",
        "Artillery",
        "MLRS",
        "Air defence",
    ]
    assert bars_by_group(ax) == EQUIPMENT_ARMENIA
    assert len(ax.patches) == len(EQUIPMENT_ARMENIA)
    colors = {c.get_label().split("\n")[0]: hex_color(c[0].get_facecolor()) for c in ax.containers}
    assert colors == {
        "Azerbaijani Ministry of Defence": SIDE_COLORS["azerbaijan"],
        "Oryx": SIDE_COLORS["third_party"],
    }
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "Azerbaijani Ministry of Defence\n7 Oct 2020",
        "Oryx\n6 Nov 2020",
    ]
    assert "≈250" in texts(ax, "value-label")
    assert ax.get_xscale() == "linear"  # 23 to 270: one axis holds them


@pytest.mark.parametrize(
    ("latest", "scope", "expected"),
    [
        (
            True,
            ("cumulative", "unknown"),
            {
                ("Armoured vehicles", "Armenian Ministry of Defence"): 600,
                ("MLRS", "Armenian Ministry of Defence"): 6,
                ("Drones", "Armenian Ministry of Defence"): 220,
                ("Helicopters", "Armenian Ministry of Defence"): 16,
                ("Aircraft", "Armenian Ministry of Defence"): 24,
                ("Tanks", "Oryx"): 30,
            },
        ),
        (
            False,
            None,
            {
                ("Armoured vehicles", "Armenian Ministry of Defence"): 600,
                ("MLRS", "Armenian Ministry of Defence"): 6,
                ("Drones", "Armenian Ministry of Defence"): 220,
                ("Helicopters", "Armenian Ministry of Defence"): 16,
                ("Aircraft", "Armenian Ministry of Defence"): 24,
                ("Aircraft", "Artsakh Defence Army"): 4,  # a one-day claim counts here
                ("Tanks", "Oryx"): 30,
            },
        ),
    ],
    ids=["latest", "largest"],
)
def test_equipment_losses_of_azerbaijan(claims, ax, latest, scope, expected):
    plot_equipment_losses(claims, subject_side="azerbaijan", latest=latest, scope=scope, ax=ax)
    assert bars_by_group(ax) == expected


def test_equipment_losses_hatch_tells_claimants_of_one_side_apart(claims, ax):
    plot_equipment_losses(claims, subject_side="azerbaijan", latest=False, scope=None, ax=ax)
    hatches = {c.get_label().split("\n")[0]: c[0].get_hatch() for c in ax.containers}
    assert hatches["Armenian Ministry of Defence"] != hatches["Artsakh Defence Army"]


# --- 4. Matrix --------------------------------------------------------------------------------

MATRIX_MILITARY = {
    # (claimant side, subject side): (largest figure, its label's first line)
    ("armenia", "armenia"): (1166, "1,166"),
    ("armenia", "azerbaijan"): (6674, "6,674"),
    ("unattributed", "azerbaijan"): (850, "700–1,000"),
}


def matrix_cells(ax):
    grid = ax.images[0].get_array()
    rows = [t.get_text() for t in ax.get_yticklabels()]
    cols = [t.get_text() for t in ax.get_xticklabels()]
    return {
        (r, c): grid[i, j]
        for i, r in enumerate(rows)
        for j, c in enumerate(cols)
        if not grid.mask[i, j]
    }


def test_claims_matrix_compares_one_population_and_scope(claims, ax):
    out = plot_claims_matrix(claims, "killed", ax=ax)
    assert out is ax
    # Rows: the two sides, and the outlets' own voice (the only other claimant here).
    claimant_sides = ["armenia", "azerbaijan", "unattributed"]
    subject_sides = ["armenia", "azerbaijan"]
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        lossdata.plots.SIDE_LABELS[s] for s in claimant_sides
    ]
    grid = ax.images[0].get_array()
    assert grid.shape == (3, 2)
    for r, claimant_side in enumerate(claimant_sides):
        for c, subject_side in enumerate(subject_sides):
            expected = MATRIX_MILITARY.get((claimant_side, subject_side))
            assert grid.mask[r, c] if expected is None else grid[r, c] == expected[0]
    labels = texts(ax, "cell-label")
    assert [t.split("\n")[0] for t in labels] == [v[1] for v in MATRIX_MILITARY.values()]
    assert "Artsakh authorities\n28 Oct 2020" in labels[0]
    assert len(texts(ax, "empty-cell")) == 6 - len(MATRIX_MILITARY)
    assert [hex_color(t.get_color()) for t in ax.get_yticklabels()] == [
        SIDE_COLORS[s] for s in claimant_sides
    ]
    assert ax.get_title(loc="left").startswith(
        "Killed, military, running totals (cumulative or unstated): largest figure"
    )


@pytest.mark.parametrize(
    ("population", "scope", "cells", "heading"),
    [
        (
            "civilian",
            ("cumulative", "unknown"),
            {("Azerbaijan", "Azerbaijan"): 91, ("Armenia / Artsakh", "Armenia / Artsakh"): 40},
            "Killed, civilian, running totals",
        ),
        (
            "civilian",
            "incident",
            {("Unattributed (outlet)", "Azerbaijan"): 21},
            "Killed, civilian, figures of one incident",
        ),
        (
            "military",
            "incident",
            {("Azerbaijan", "Armenia / Artsakh"): 800},
            "Killed, military, figures of one incident",
        ),
    ],
    ids=["civilian", "civilian-incidents", "military-incidents"],
)
def test_claims_matrix_population_and_scope_are_options(
    claims, ax, population, scope, cells, heading
):
    plot_claims_matrix(claims, "killed", population=population, scope=scope, ax=ax)
    assert matrix_cells(ax) == cells
    assert ax.get_title(loc="left").startswith(heading)


# --- 5. Provenance and palette ----------------------------------------------------------------


def outlet(doc_id):
    """What the caption must call a seed document: its outlet, else its title."""
    row = load_documents().set_index("doc_id").loc[doc_id]
    return row["outlet"] if isinstance(row["outlet"], str) and row["outlet"] else row["title"]


CAPTIONS = [
    # (helper, args, kwargs, documents cited, claim spans cited)
    (
        plot_competing_claims,
        ("killed",),
        {"subject_side": ["azerbaijan", "unknown"], "population": FIGHTERS},
        ["002_69adbbfe00a9a621", "003_09c5668dc815a85a", "004_da75a60ae01185ed"],
        ["(claims of 26 Oct 2020)", "(claims of 5–30 Oct 2020)", "6 claims"],
    ),
    (
        plot_claim_timeline,
        ("killed",),
        {"subject_side": "armenia"},
        ["003_09c5668dc815a85a"],
        ["(claims of 10–28 Oct 2020)"],
    ),
    (
        plot_equipment_losses,
        (),
        {"subject_side": "armenia"},
        ["000_c96127608e434645", "003_09c5668dc815a85a"],
        ["(claims of 6 Nov 2020)", "(claims of 7 Oct 2020)", "8 claims"],
    ),
    (
        plot_claims_matrix,
        ("killed",),
        {},
        ["002_69adbbfe00a9a621", "003_09c5668dc815a85a", "004_da75a60ae01185ed"],
        ["3 claims"],
    ),
]


@pytest.mark.parametrize(
    ("plot", "args", "kwargs", "docs", "spans"),
    CAPTIONS,
    ids=["competing", "timeline", "equipment", "matrix"],
)
def test_every_chart_names_its_outlets_and_dates_not_document_ids(
    claims, ax, plot, args, kwargs, docs, spans
):
    plot(claims, *args, ax=ax, **kwargs)
    text = caption(ax)
    assert text.startswith("Sources: ")
    for doc_id in claims["doc_id"].unique():
        assert doc_id not in text
        name = outlet(doc_id)[:20]  # long titles are shortened
        assert (name in text) is (doc_id in docs), name
    published = load_documents().set_index("doc_id")["published"]
    for doc_id in docs:  # each outlet with its publication date
        when = published[doc_id]
        assert f"{when.day} {when.strftime('%b')} {when.year}" in text
    for span in spans:
        assert span in text


@pytest.mark.parametrize("conflict", [*lossdata.list_conflicts(), "unknown"])
def test_palette_is_okabe_ito_one_colour_per_side_of_a_conflict(conflict):
    from lossdata.conflicts import allowed_sides

    subject, claimant = allowed_sides(conflict)
    sides = subject | claimant
    assert set(SIDES) | set(CLAIMANT_SIDES) == set(SIDE_COLORS)
    assert len({SIDE_COLORS[s] for s in sides}) == len(sides)
    assert set(SIDE_COLORS.values()) <= OKABE_ITO
