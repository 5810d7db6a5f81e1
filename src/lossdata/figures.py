"""Write every chart as PNG and SVG, the same bytes for the same data on every run.

The charts are listed once, as data (``FIGURES``); ``make_figures`` draws each on
a fresh ``Figure`` (no pyplot state) under a fixed style (``STYLE``: DejaVu Sans,
which ships with matplotlib, fixed sizes and dpi) and ``save_figure`` writes it
with fixed metadata (no dates, no software version) and a fixed SVG hash salt.
Competing claims and timelines are drawn once per population (soldiers, Syrian
fighters, civilians), so that no linear axis mixes them.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import matplotlib as mpl
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ._io import atomic_write, replace_dir
from .plots import (
    NoClaimsError,
    plot_claim_timeline,
    plot_claims_matrix,
    plot_competing_claims,
    plot_equipment_losses,
    plot_inflation_ratio,
)

__all__ = [
    "DPI",
    "FIGURES",
    "FORMATS",
    "STYLE",
    "FigureSpec",
    "make_figures",
    "render",
    "save_figure",
]

DPI = 150
FORMATS = ("png", "svg")
STYLE: dict[str, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.labelsize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#444444",
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "figure.constrained_layout.h_pad": 0.08,
    "figure.constrained_layout.w_pad": 0.08,
}
# Only what saving needs: applied inside save_figure, never globally.
_SAVE_RC: dict[str, Any] = {
    key: value
    for key, value in {
        "svg.hashsalt": "lossdata",
        "svg.fonttype": "path",
        "svg.id": "lossdata",  # matplotlib >= 3.8
        "pdf.fonttype": 42,
    }.items()
    if key in mpl.rcParams
}
_METADATA: dict[str, dict[str, None]] = {
    "png": {"Software": None},
    "svg": {"Date": None},
    "pdf": {"CreationDate": None, "ModDate": None},
}


@dataclass(frozen=True)
class FigureSpec:
    """One chart of the set: a file stem, the helper, its arguments and a size in inches."""

    name: str
    plot: Callable[..., Axes]
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    size: tuple[float, float] = (8.0, 4.8)


def _per_population(
    stem: str, plot: Callable[..., Axes], args: tuple[Any, ...], side: str, populations: tuple
) -> tuple[FigureSpec, ...]:
    """One chart per population: figures of soldiers and of civilians never share an axis."""
    return tuple(
        FigureSpec(f"{stem}_{side}_{pop}", plot, args, {"subject_side": side, "population": pop})
        for pop in populations
    )


FIGURES: tuple[FigureSpec, ...] = (
    *_per_population(
        "competing_claims_killed",
        plot_competing_claims,
        ("killed",),
        "azerbaijan",
        ("military", "mercenary", "civilian"),
    ),
    *_per_population(
        "competing_claims_killed",
        plot_competing_claims,
        ("killed",),
        "armenia",
        ("military", "civilian"),
    ),
    *_per_population(
        "claim_timeline_killed",
        plot_claim_timeline,
        ("killed",),
        "azerbaijan",
        ("mercenary", "civilian"),
    ),
    *_per_population(
        "claim_timeline_killed",
        plot_claim_timeline,
        ("killed",),
        "armenia",
        ("military", "civilian"),
    ),
    FigureSpec("equipment_losses_armenia", plot_equipment_losses, (), {"subject_side": "armenia"}),
    FigureSpec(
        "equipment_losses_azerbaijan", plot_equipment_losses, (), {"subject_side": "azerbaijan"}
    ),
    FigureSpec(
        "claims_matrix_killed_military",
        plot_claims_matrix,
        ("killed",),
        {"population": "military"},
        (8.0, 5.2),
    ),
    FigureSpec(
        "claims_matrix_killed_civilian",
        plot_claims_matrix,
        ("killed",),
        {"population": "civilian"},
        (8.0, 5.2),
    ),
    # Two rows (each side's dead): a fixed size that fits them.
    FigureSpec("inflation_ratio", plot_inflation_ratio, (), {"categories": "killed"}, (8.0, 3.6)),
)


def save_figure(fig: Figure, path: str | Path, *, dpi: int = DPI) -> Path:
    """Write ``fig`` to ``path`` (.png, .svg or .pdf) reproducibly; return the path.

    Fixed dpi, no creation date or software version in the metadata, a fixed SVG
    hash salt; the file is drawn in memory and written with ``atomic_write``.
    """
    path = Path(path)
    fmt = path.suffix.lstrip(".").lower()
    if fmt not in _METADATA:
        raise ValueError(f"cannot save {path.name!r}: use one of .{', .'.join(_METADATA)}")
    buf = io.BytesIO()
    with mpl.rc_context(_SAVE_RC):
        fig.savefig(buf, format=fmt, dpi=dpi, metadata=_METADATA[fmt])
    return atomic_write(path, buf.getvalue())


def render(spec: FigureSpec, claims: pd.DataFrame) -> Figure:
    """Draw one chart of the set on a new Figure under ``STYLE``."""
    with mpl.rc_context(STYLE):
        fig = Figure(figsize=spec.size, dpi=DPI, layout="constrained")
        spec.plot(claims, *spec.args, ax=fig.add_subplot(), **spec.kwargs)
    return fig


def make_figures(
    claims: pd.DataFrame | None = None,
    outdir: str | Path = "docs/figures",
    *,
    figures: tuple[FigureSpec, ...] | None = None,
    formats: tuple[str, ...] = FORMATS,
) -> list[Path]:
    """Write every chart in ``figures`` as PNG and SVG into ``outdir``; return the paths.

    ``claims`` defaults to ``lossdata.load_claims()``, ``figures`` to ``FIGURES``. A
    chart whose selection is empty in ``claims`` is skipped with a warning that says
    what is available.
    The set is replaced as a whole: every chart is drawn into a private folder
    beside ``outdir`` first, then swapped in (files that are not charts of the set
    are kept). ``NotADirectoryError`` when ``outdir`` is an existing file.
    """
    outdir = Path(outdir)
    figures = FIGURES if figures is None else figures
    if outdir.exists() and not outdir.is_dir():
        raise NotADirectoryError(f"{outdir}: exists and is not a folder")
    if claims is None:
        from .datasets import load_claims

        claims = load_claims()
    names: list[str] = []

    def fill(staging: Path) -> None:
        for spec in figures:
            try:
                fig = render(spec, claims)
            except NoClaimsError as exc:
                warnings.warn(f"skipped figure {spec.name}: {exc}", stacklevel=4)
                continue
            with mpl.rc_context(STYLE):
                for fmt in formats:
                    names.append(save_figure(fig, staging / f"{spec.name}.{fmt}").name)

    # Files of any chart of the set (in any format) belong to it; anything else is kept.
    owned = {f"{spec.name}.{fmt}" for spec in (*FIGURES, *figures) for fmt in _METADATA}
    replace_dir(outdir, fill, owned=owned)
    return [outdir / name for name in names]
