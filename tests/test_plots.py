"""The charts: what they say (read back from the Axes), their errors, their files.

The claims table is the synthetic fixture of tests/conftest.py.
"""

from __future__ import annotations

import hashlib
import importlib.util
import inspect
import io
import warnings
from pathlib import Path

import matplotlib as mpl
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

import lossdata
from lossdata import figures as figures_module
from lossdata.datasets import read_claims_csv
from lossdata.figures import FIGURES, make_figures, render, save_figure
from lossdata.plots import (
    SIDE_COLORS,
    WAR_EVENTS,
    NoClaimsError,
    plot_claim_timeline,
    plot_claims_matrix,
    plot_competing_claims,
    plot_equipment_losses,
)
from lossdata.schema import CLAIMANT_SIDES, COLUMNS, SIDES, empty_claims, validate

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
HELPERS = {
    "competing": (plot_competing_claims, ("killed",)),
    "timeline": (plot_claim_timeline, ("killed",)),
    "equipment": (plot_equipment_losses, ()),
    "matrix": (plot_claims_matrix, ("killed",)),
}


@pytest.fixture
def ax():
    fig = Figure(figsize=(8, 5), layout="constrained")
    return fig.add_subplot()


def texts(ax, gid):
    return [t.get_text() for t in ax.texts if t.get_gid() == gid]


def artists(ax, gid):
    return [a for a in ax.get_children() if a.get_gid() == gid]


def hex_color(color):
    return mpl.colors.to_hex(color).upper()


def caption(ax):
    (text,) = texts(ax, "provenance")
    return text.replace("\n", " ").replace("\u00a0", " ")


def day(iso):
    return mdates.date2num(pd.Timestamp(iso))


# --- 1. Competing claims ----------------------------------------------------------------------

# (claimant, subject, population, claimant side, bar length, value label), top to bottom
COMPETING_AZERBAIJAN = [
    ("Artsakh authorities", "Azerbaijan", "mixed", "armenia", 6914, "6,914  ·  2020-10-30"),
    (
        "Armenian Ministry of Defence",
        "Azerbaijan",
        "military",
        "armenia",
        6674,
        "6,674  ·  2020-10-26",
    ),
    ("Vladimir Putin", "both sides", "mixed", "third_party", 5000, "≈5,000  ·  2020-10-22"),
    ("South Front", "Azerbaijan", "military", "unattributed", 850, "700–1,000  ·  2020-10-27"),
    (
        "Syrian Observatory for Human Rights",
        "Syrian mercenaries",
        "mercenary",
        "third_party",
        188,
        "≥188  ·  2020-10-20",
    ),
    ("RIA Novosti", "Syrian mercenaries", "mercenary", "third_party", 93, "93  ·  2020-10-05"),
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


def test_competing_claims_draws_ranges_and_open_bounds_as_intervals(claims, ax):
    plot_competing_claims(claims, "killed", subject_side=["azerbaijan", "unknown"], ax=ax)
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
    assert "21  ·  2020-10-28" in texts(ax, "value-label")  # incidents too
    assert ax.get_title(loc="left").startswith("Killed: every claim")


def test_competing_claims_every_running_total(claims, ax):
    plot_competing_claims(
        claims, "killed", subject_side=["azerbaijan", "unknown"], latest=False, ax=ax
    )
    assert len(ax.patches) == 10  # the one incident (21 killed in Barda) left out
    assert "21  ·  2020-10-28" not in texts(ax, "value-label")
    assert "scope: cumulative or unstated" in " ".join(ax.get_title(loc="left").split())


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


def test_claim_timeline_has_a_step_line_per_claimant(claims, ax):
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
        assert line.get_drawstyle() == "steps-post"
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


def test_claim_timeline_marks_the_war_start_and_ceasefire(claims, ax):
    plot_claim_timeline(claims, "killed", subject_side="armenia", ax=ax)
    events = artists(ax, "war-event")
    assert [mdates.date2num(line.get_xdata()[0]) for line in events] == [
        day(e.date) for e in WAR_EVENTS
    ]
    assert texts(ax, "war-event-label") == ["War begins\n27 Sep", "Ceasefire\n10 Nov"]
    lo, hi = ax.get_xlim()
    assert lo < day("2020-09-27") and hi > day("2020-11-10")
    assert [t.get_text() for t in ax.get_xticklabels()][:2] == ["27 Sep", "4 Oct"]


def test_claim_timeline_events_are_data(claims, ax):
    plot_claim_timeline(claims, "killed", subject_side="armenia", events=(), ax=ax)
    assert artists(ax, "war-event") == []


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
        "Azerbaijani Ministry of Defence\n2020-10-07",
        "Oryx\n2020-11-06",
    ]
    assert "≈250" in texts(ax, "value-label")


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

MATRIX_KILLED = {
    # (claimant side, subject side): (largest figure, its label's first line)
    ("armenia", "armenia"): (1166, "1,166"),
    ("armenia", "azerbaijan"): (6914, "6,914"),
    ("azerbaijan", "armenia"): (800, "≥800"),
    ("azerbaijan", "azerbaijan"): (91, "91"),
    ("third_party", "azerbaijan"): (188, "≥188"),
    ("third_party", "unknown"): (5000, "≈5,000"),
    ("unattributed", "azerbaijan"): (850, "700–1,000"),
}


def test_claims_matrix_holds_the_largest_figure_per_pair_of_sides(claims, ax):
    out = plot_claims_matrix(claims, "killed", ax=ax)
    assert out is ax
    grid = ax.images[0].get_array()
    # The matrix shows the sides of the table's conflict only.
    claimant_sides = [
        s for s in CLAIMANT_SIDES if s in ("armenia", "azerbaijan", "third_party", "unattributed")
    ]
    subject_sides = [s for s in SIDES if s in ("armenia", "azerbaijan", "third_party", "unknown")]
    assert grid.shape == (len(claimant_sides), len(subject_sides))
    for r, claimant_side in enumerate(claimant_sides):
        for c, subject_side in enumerate(subject_sides):
            expected = MATRIX_KILLED.get((claimant_side, subject_side))
            if expected is None:
                assert grid.mask[r, c]
            else:
                assert grid[r, c] == expected[0]
    labels = texts(ax, "cell-label")
    assert [t.split("\n")[0] for t in labels] == [v[1] for v in MATRIX_KILLED.values()]
    assert "Artsakh authorities\n2020-10-30" in labels[1]
    assert len(texts(ax, "empty-cell")) == 16 - len(MATRIX_KILLED)
    assert [hex_color(t.get_color()) for t in ax.get_yticklabels()] == [
        SIDE_COLORS[s] for s in claimant_sides
    ]
    assert [hex_color(t.get_color()) for t in ax.get_xticklabels()] == [
        SIDE_COLORS[s] for s in subject_sides
    ]


def test_claims_matrix_filters_population(claims, ax):
    plot_claims_matrix(claims, "killed", population="civilian", ax=ax)
    grid = ax.images[0].get_array()
    assert int(grid.count()) == 3  # Armenian, Azerbaijani and an outlet's civilian counts
    assert grid[1, 1] == 91  # rows and columns: armenia, azerbaijan, third party, other


# --- 5. Provenance and palette ----------------------------------------------------------------

CAPTIONS = [
    # (helper, args, kwargs, documents cited, date spans cited)
    (
        "competing",
        {"subject_side": ["azerbaijan", "unknown"], "population": FIGHTERS},
        ["002_69adbbfe00a9a621", "003_09c5668dc815a85a", "004_da75a60ae01185ed"],
        ["claims of 2020-10-26", "claims of 2020-10-05 to 2020-10-30", "6 claims"],
    ),
    (
        "timeline",
        {"subject_side": "armenia"},
        ["003_09c5668dc815a85a"],
        ["claims of 2020-10-10 to 2020-10-28"],
    ),
    (
        "equipment",
        {"subject_side": "armenia"},
        ["000_c96127608e434645", "003_09c5668dc815a85a"],
        ["claims of 2020-11-06", "claims of 2020-10-07", "8 claims"],
    ),
    ("matrix", {}, ["003_09c5668dc815a85a", "004_da75a60ae01185ed"], ["7 claims"]),
]


@pytest.mark.parametrize(
    ("helper", "kwargs", "docs", "dates"), CAPTIONS, ids=[c[0] for c in CAPTIONS]
)
def test_every_chart_names_its_documents_and_dates(claims, ax, helper, kwargs, docs, dates):
    plot, args = HELPERS[helper]
    plot(claims, *args, ax=ax, **kwargs)
    text = caption(ax)
    assert text.startswith("Sources: ")
    cited = [d for d in claims["doc_id"].unique() if d in text]
    assert sorted(cited) == docs
    for span in dates:
        assert span in text


@pytest.mark.parametrize("conflict", [*lossdata.list_conflicts(), "unknown"])
def test_palette_is_okabe_ito_one_colour_per_side_of_a_conflict(conflict):
    from lossdata.conflicts import allowed_sides

    subject, claimant = allowed_sides(conflict)
    sides = subject | claimant
    assert set(SIDES) | set(CLAIMANT_SIDES) == set(SIDE_COLORS)
    assert len({SIDE_COLORS[s] for s in sides}) == len(sides)
    assert set(SIDE_COLORS.values()) <= OKABE_ITO


@pytest.mark.parametrize("spec", FIGURES, ids=[s.name for s in FIGURES])
def test_published_charts_keep_texts_inside_the_figure_and_apart(claims, spec):
    fig = render(spec, claims)
    fig.canvas = mpl.backends.backend_agg.FigureCanvasAgg(fig)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    box = fig.bbox.padded(1)
    ax = fig.axes[0]
    x0, x1 = sorted(ax.get_xlim())
    y0, y1 = sorted(ax.get_ylim())
    ticks = [
        label
        for label, loc in zip(ax.get_xticklabels(), ax.get_xticks(), strict=True)
        if x0 <= loc <= x1
    ]
    ticks += [
        label
        for label, loc in zip(ax.get_yticklabels(), ax.get_yticks(), strict=True)
        if y0 <= loc <= y1
    ]
    shown = [*ax.texts, *ticks, ax.title, ax._left_title, ax.xaxis.label, ax.yaxis.label]
    legend = ax.get_legend()
    if legend is not None:
        shown.extend(legend.get_texts())
    extents = []
    for text in shown:
        if text.get_text() and text.get_visible():
            extent = text.get_window_extent(renderer)
            assert box.contains(extent.x0, extent.y0), text.get_text()
            assert box.contains(extent.x1, extent.y1), text.get_text()
            extents.append((text.get_text(), extent))
    for i, (first, a) in enumerate(extents):  # and no two texts overlap
        for second, b in extents[i + 1 :]:
            assert not a.shrunk(0.98, 0.9).overlaps(b.shrunk(0.98, 0.9)), (first, second)


# --- Errors -----------------------------------------------------------------------------------

ERRORS = [
    # (helper, args, kwargs, error, message pattern)
    ("competing", ("kills",), {}, ValueError, r"unknown category 'kills'; valid categories: kill"),
    (
        "competing",
        ("missing",),
        {},
        NoClaimsError,
        r"no claims in category 'missing'; categories with claims: .*killed",
    ),
    (
        "competing",
        ("killed",),
        {"subject_side": "third_party"},
        NoClaimsError,
        r"'killed' with subject_side third_party; subject_side available there: "
        r"armenia, azerbaijan, unknown",
    ),
    (
        "competing",
        ("killed",),
        {"subject_side": "martians"},
        ValueError,
        r"unknown subject_side 'martians'; valid values: armenia, azerbaijan",
    ),
    (
        "competing",
        ("killed",),
        {"subject_side": "armenia", "population": "journalist"},
        NoClaimsError,
        r"with population journalist; population available there: civilian, "
        r"military$",
    ),
    (
        "timeline",
        ("wounded",),
        {"scope": "incident"},
        NoClaimsError,
        r"scope available there: cumulative",
    ),
    (
        "equipment",
        (),
        {"subject_side": "third_party"},
        NoClaimsError,
        r"no claims in categories tanks, .* with subject_side third_party; "
        r"subject_side available there: armenia, azerbaijan",
    ),
    ("equipment", (), {"categories": ("radar",)}, ValueError, r"unknown category 'radar'"),
    ("matrix", ("displaced",), {}, NoClaimsError, r"no claims in category 'displaced'"),
]


@pytest.mark.parametrize(("helper", "args", "kwargs", "error", "pattern"), ERRORS)
def test_empty_or_wrong_selections_say_what_is_available(
    claims, ax, helper, args, kwargs, error, pattern
):
    plot = HELPERS[helper][0]
    with pytest.raises(error, match=pattern):
        plot(claims, *args, ax=ax, **kwargs)
    assert not ax.has_data()


@pytest.mark.parametrize("helper", HELPERS)
def test_empty_table_gives_a_clear_error(ax, helper):
    plot, args = HELPERS[helper]
    with pytest.raises(NoClaimsError, match="categories with claims: none"):
        plot(validate(empty_claims()), *args, ax=ax)


def test_no_running_totals_suggests_every_scope(claims, ax):
    claims = claims[claims["scope"] != "cumulative"]
    with pytest.raises(
        NoClaimsError,
        match=r"with scope cumulative, unknown; scope available "
        r"there: incident; pass scope=None",
    ):
        plot_competing_claims(claims, "killed", ax=ax)
    plot_competing_claims(claims, "killed", scope=None, ax=ax)
    assert [bar.get_width() for bar in ax.patches] == [800, 21]


def test_missing_columns_are_named(claims, ax):
    with pytest.raises(ValueError, match="lacks column.*claimant_side"):
        plot_competing_claims(claims.drop(columns="claimant_side"), "killed", ax=ax)


# --- Input dtypes -----------------------------------------------------------------------------


def as_strings(claims):
    """The table as read_claims_csv returns it before validation: strings, no categoricals."""
    out = claims.copy()
    for col in out.columns:
        if isinstance(out[col].dtype, pd.CategoricalDtype):
            out[col] = out[col].astype("string")
    return out


def csv_round_trip(claims):
    buffer = io.StringIO()
    frame = claims.copy()
    frame["claim_date"] = frame["claim_date"].dt.strftime("%Y-%m-%d")
    frame.to_csv(buffer, index=False)
    buffer.seek(0)
    return validate(read_claims_csv(buffer))


@pytest.mark.parametrize(
    "flavour", [lambda c: c, as_strings, csv_round_trip], ids=["validated", "strings", "csv"]
)
@pytest.mark.parametrize("helper", HELPERS)
def test_accepts_the_table_as_loaded(claims, helper, flavour):
    plot, args = HELPERS[helper]
    table = flavour(claims)
    assert list(table.columns) == COLUMNS
    expected, got = Figure().add_subplot(), Figure().add_subplot()
    plot(claims, *args, ax=expected)
    plot(table, *args, ax=got)
    assert [t.get_text() for t in got.texts] == [t.get_text() for t in expected.texts]
    assert [p.get_width() for p in got.patches] == [p.get_width() for p in expected.patches]


# --- API contract -----------------------------------------------------------------------------


@pytest.mark.parametrize("helper", HELPERS)
def test_helper_signature_and_docstring(helper):
    plot, args = HELPERS[helper]
    params = list(inspect.signature(plot).parameters.values())
    positional = params[: 1 + len(args)]
    assert [p.name for p in positional] == ["claims", *(["category"] if args else [])]
    assert all(p.kind is p.KEYWORD_ONLY for p in params[len(positional) :])
    assert params[-1].name == "ax" and params[-1].default is None
    assert "load_claims()" in plot.__doc__


@pytest.mark.parametrize("helper", HELPERS)
def test_helpers_draw_on_the_current_axes_and_never_show_or_save(claims, helper, monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("a helper must not show or save")

    monkeypatch.setattr(plt, "show", forbidden)
    monkeypatch.setattr(Figure, "savefig", forbidden)
    plot, args = HELPERS[helper]
    fig = plt.figure()
    try:
        assert plot(claims, *args) is plt.gca()
        assert fig.axes[0].has_data()
    finally:
        plt.close(fig)


# --- Files ------------------------------------------------------------------------------------


def digests(paths):
    return {Path(p).name: hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in paths}


def test_make_figures_writes_every_chart_the_same_bytes_each_run(claims, tmp_path):
    before = dict(mpl.rcParams)
    first = make_figures(claims, tmp_path / "a")
    second = make_figures(claims, tmp_path / "b")
    assert dict(mpl.rcParams) == before  # no global state changed
    names = [f"{spec.name}.{fmt}" for spec in FIGURES for fmt in ("png", "svg")]
    assert [p.name for p in first] == names
    assert digests(first) == digests(second)
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == sorted(names)  # no temp files


def test_saved_files_carry_no_date_or_version(claims, tmp_path):
    fig = render(FIGURES[0], claims)
    png = save_figure(fig, tmp_path / "chart.png").read_bytes()
    svg = save_figure(fig, tmp_path / "chart.svg").read_text(encoding="utf-8")
    assert png.startswith(b"\x89PNG") and b"Software" not in png
    assert mpl.__version__.encode() not in png
    assert "<dc:date>" not in svg
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (8 * 150, int(4.8 * 150))  # fixed size and dpi


def test_save_figure_refuses_unknown_formats(tmp_path):
    with pytest.raises(ValueError, match="use one of .png"):
        save_figure(Figure(), tmp_path / "chart.jpg")


def test_make_figures_skips_charts_with_nothing_to_show(claims, tmp_path):
    killed_only = claims[claims["category"] == "killed"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        paths = make_figures(killed_only, tmp_path)
    assert [str(w.message).split(":")[0] for w in caught] == [
        "skipped figure equipment_losses_armenia",
        "skipped figure equipment_losses_azerbaijan",
    ]
    assert "categories with claims: killed" in str(caught[0].message)
    assert not any(p.name.startswith("equipment") for p in paths)
    assert len(paths) == 2 * (len(FIGURES) - 2)


def test_make_figures_loads_the_shipped_table_by_default(claims, tmp_path, monkeypatch):
    import lossdata.datasets

    monkeypatch.setattr(lossdata.datasets, "load_claims", lambda: claims)
    paths = make_figures(outdir=tmp_path)
    assert len(paths) == 2 * len(figures_module.FIGURES)


def test_script_writes_to_the_given_folder(claims, tmp_path, monkeypatch, capsys):
    import lossdata.datasets

    monkeypatch.setattr(lossdata.datasets, "load_claims", lambda: claims)
    script = Path(__file__).resolve().parents[1] / "scripts" / "make_figures.py"
    spec = importlib.util.spec_from_file_location("make_figures_script", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["-o", str(tmp_path / "out")]) == 0
    written = capsys.readouterr().out.split()
    assert len(written) == 2 * len(FIGURES)
    assert all(Path(p).parent == tmp_path / "out" and Path(p).exists() for p in written)


def test_figure_set_names_are_unique_files():
    names = [spec.name for spec in FIGURES]
    assert len(names) == len(set(names))
    assert all(np.all([c.isalnum() or c == "_" for c in name]) for name in names)
