"""The charts' contract: clear errors, any table flavour, the helper API, the files.

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
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from _plot_axes import draw
from matplotlib.figure import Figure

from lossdata import figures as figures_module
from lossdata.datasets import read_claims_csv
from lossdata.figures import FIGURES, make_figures, render, save_figure
from lossdata.plots import (
    NoClaimsError,
    plot_claim_timeline,
    plot_claims_matrix,
    plot_competing_claims,
    plot_equipment_losses,
    plot_inflation_ratio,
)
from lossdata.schema import COLUMNS, empty_claims, validate

plt.switch_backend("Agg")

HELPERS = {
    "competing": (plot_competing_claims, ("killed",)),
    "timeline": (plot_claim_timeline, ("killed",)),
    "equipment": (plot_equipment_losses, ()),
    "matrix": (plot_claims_matrix, ("killed",)),
    "inflation": (plot_inflation_ratio, ()),
}


@pytest.fixture
def ax():
    fig = Figure(figsize=(8, 5), layout="constrained")
    return fig.add_subplot()


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
    (
        "matrix",
        ("killed",),
        {"population": ["military", "civilian"]},
        ValueError,
        r"the matrix compares one population at a time; got military, civilian",
    ),
    (
        "matrix",
        ("killed",),
        {"scope": None},
        ValueError,
        r"the matrix compares one scope at a time; got every scope",
    ),
    (
        "matrix",
        ("killed",),
        {"scope": ["cumulative", "period"]},
        ValueError,
        r"one scope at a time; got cumulative, period \(running totals: scope=",
    ),
    ("matrix", ("killed",), {"population": "aliens"}, ValueError, r"unknown population 'aliens'"),
    ("inflation", (), {"sides": "martians"}, ValueError, r"unknown side 'martians'; valid sides"),
    ("inflation", (), {"categories": "kills"}, ValueError, r"unknown category 'kills'"),
    (
        "inflation",
        (),
        {"sides": "russia"},
        NoClaimsError,
        r"no military losses claimed of russia; populations there: civilian",
    ),
]


@pytest.mark.parametrize(
    ("helper", "args", "kwargs", "error", "pattern"),
    ERRORS,
    ids=[f"{e[0]}-{'-'.join(map(str, e[2].values())) or e[1][0]}" for e in ERRORS],
)
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
    with pytest.raises(NoClaimsError, match="none"):
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
    assert "sources" in [p.name for p in params]
    assert "load_claims()" in plot.__doc__


@pytest.mark.parametrize("helper", HELPERS)
def test_without_ax_a_new_laid_out_figure_and_never_show_or_save(claims, helper, monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("a helper must not show or save")

    monkeypatch.setattr(plt, "show", forbidden)
    monkeypatch.setattr(Figure, "savefig", forbidden)
    plot, args = HELPERS[helper]
    before = plt.figure()
    try:
        ax = plot(claims, *args)
        assert ax is plt.gca() and ax.figure is not before  # a figure of its own, made current
        assert ax.has_data()
        assert ax.figure.get_layout_engine().__class__.__name__ == "ConstrainedLayoutEngine"
    finally:
        plt.close("all")


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


def few_figures():
    """Two charts of the set, one of them of equipment: enough to test the writing."""
    return tuple(s for s in FIGURES if s.name.startswith("equipment_losses"))[:1] + FIGURES[:1]


def test_make_figures_skips_charts_with_nothing_to_show(claims, tmp_path):
    killed_only = claims[claims["category"] == "killed"]
    equipment = tuple(s for s in FIGURES if s.name.startswith("equipment_losses"))
    assert len(equipment) == 2
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        paths = make_figures(killed_only, tmp_path, figures=(*equipment, FIGURES[0]))
    assert [str(w.message).split(":")[0] for w in caught] == [
        "skipped figure equipment_losses_armenia",
        "skipped figure equipment_losses_azerbaijan",
    ]
    assert "categories with claims: killed" in str(caught[0].message)
    assert [p.name for p in paths] == [f"{FIGURES[0].name}.png", f"{FIGURES[0].name}.svg"]


def test_make_figures_loads_the_shipped_table_by_default(claims, tmp_path, monkeypatch):
    import lossdata.datasets

    monkeypatch.setattr(lossdata.datasets, "load_claims", lambda: claims)
    monkeypatch.setattr(figures_module, "FIGURES", few_figures())
    paths = make_figures(outdir=tmp_path)
    assert len(paths) == 2 * len(figures_module.FIGURES) == 4


def test_script_writes_to_the_given_folder(claims, tmp_path, monkeypatch, capsys):
    import lossdata.datasets

    monkeypatch.setattr(lossdata.datasets, "load_claims", lambda: claims)
    monkeypatch.setattr(figures_module, "FIGURES", few_figures())
    script = Path(__file__).resolve().parents[1] / "scripts" / "make_figures.py"
    spec = importlib.util.spec_from_file_location("make_figures_script", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["-o", str(tmp_path / "out")]) == 0
    written = capsys.readouterr().out.split()
    assert len(written) == 2 * len(few_figures())
    assert all(Path(p).parent == tmp_path / "out" and Path(p).exists() for p in written)


def test_figure_set_names_are_unique_files():
    names = [spec.name for spec in FIGURES]
    assert len(names) == len(set(names))
    assert all(np.all([c.isalnum() or c == "_" for c in name]) for name in names)


@pytest.mark.parametrize("spec", FIGURES, ids=[s.name for s in FIGURES])
def test_published_charts_keep_texts_inside_the_figure_and_apart(claims, spec):
    fig = render(spec, claims)
    renderer = draw(fig)
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
