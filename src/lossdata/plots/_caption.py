"""The caption under every chart: which outlets the figures come from, and when.

A document is named by its outlet, found (in this order) in the ``sources`` the
caller passes, in the table's own ``outlet`` column, in the seed catalog (its
outlet, else its title), or as the claimant of a figure stated in the document's
own voice (``claimant_basis`` "outlet"); else it is "an unnamed outlet". Document
ids are never shown: they mean nothing to a reader.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.text import Annotation

from ._common import day_month, day_span, escape_math
from ._style import CAPTION_SIZE, axes_width, wrap

__all__ = ["Sources", "provenance_caption"]

# What callers may pass as ``sources``: doc_id -> outlet name, or doc_id -> a catalog
# row (outlet, optionally title and published), or a documents table with a doc_id
# column and those columns (``load_documents()``).
Sources = Mapping[str, str] | Mapping[str, Mapping[str, object]] | pd.DataFrame | None
UNNAMED = "an unnamed outlet"


@dataclass(frozen=True)
class _Source:
    name: str
    published: pd.Timestamp | None


def _from_table(docs: pd.DataFrame) -> dict[str, _Source]:
    if "doc_id" not in docs.columns:
        raise ValueError("sources: the documents table needs a doc_id column")
    out = {}
    for row in docs.to_dict("records"):
        outlet = row.get("outlet")
        title = row.get("title")
        if isinstance(outlet, str) and outlet.strip():
            name = outlet.strip()
        elif isinstance(title, str) and title.strip():
            name = "\u201c" + textwrap.shorten(title, width=40, placeholder="\u2026") + "\u201d"
        else:
            continue
        published = pd.to_datetime(row.get("published"), errors="coerce")
        out[str(row["doc_id"])] = _Source(name, None if pd.isna(published) else published)
    return out


def _catalog() -> dict[str, _Source]:
    """The seed catalog's outlets (or titles) and publication dates; {} when unavailable."""
    try:
        from ..datasets import load_documents

        return _from_table(load_documents())
    except (OSError, KeyError, ValueError):
        return {}


def _from_rows(rows: pd.DataFrame, column: str) -> dict[str, _Source]:
    """Outlets the table itself names: its ``outlet`` column, or (``column="claimant"``)
    the claimant of figures in a document's own voice."""
    out: dict[str, _Source] = {}
    if column not in rows:
        return out
    if column == "claimant":
        if "claimant_basis" not in rows:
            return out
        rows = rows[rows["claimant_basis"] == "outlet"]
    for doc_id, group in rows.groupby("doc_id", sort=True):
        names = [str(n).strip() for n in group[column].dropna().unique() if str(n).strip()]
        if not names:
            continue
        published = None
        if "published" in group and group["published"].notna().any():
            published = pd.Timestamp(group["published"].dropna().iloc[0])
        out[str(doc_id)] = _Source(names[0], published)
    return out


def _given(entry: object) -> _Source | None:
    """An outlet name, or a catalog row (a mapping with outlet and published)."""
    if isinstance(entry, Mapping):
        found = _from_table(pd.DataFrame([{"doc_id": "_", **entry}]))
        return found.get("_")
    return _Source(str(entry), None) if str(entry).strip() else None


def source_names(rows: pd.DataFrame, sources: Sources = None) -> dict[str, _Source]:
    """doc_id -> (outlet, publication date) for every document of ``rows``."""
    given: dict[str, _Source] = {}
    if isinstance(sources, pd.DataFrame):
        given = _from_table(sources)
    elif sources is not None:
        given = {str(k): _given(v) for k, v in sources.items()}
        given = {k: v for k, v in given.items() if v is not None}
    column = _from_rows(rows, "outlet")
    catalog = _catalog() if set(rows["doc_id"]) - set(given) - set(column) else {}
    voice = _from_rows(rows, "claimant")
    out = {}
    for doc_id in rows["doc_id"].dropna().unique():
        doc = str(doc_id)
        found = [d.get(doc) for d in (given, column, catalog, voice)]
        out[doc] = next((f for f in found if f is not None), _Source(UNNAMED, None))
    return out


def provenance_caption(rows: pd.DataFrame, *, sources: Sources = None) -> str:
    """One line naming each outlet, its publication date and the dates of its claims.

    "Sources: Global Research, 28 Oct 2020 (claims of 26\u201328 Oct 2020); ...".
    """
    names = source_names(rows, sources)
    keyed = rows.assign(
        _name=rows["doc_id"].map(lambda d: names[str(d)].name),
        _published=rows["doc_id"].map(lambda d: names[str(d)].published),
    )
    parts = []
    groups = keyed.groupby(["_name", "_published"], sort=False, dropna=False)
    ordered = sorted(groups, key=lambda kv: _order(*kv[0]))
    for (name, published), group in ordered:
        when = "" if pd.isna(published) else f", {day_month(published, with_year=True)}"
        parts.append(f"{name}{when} (claims of {day_span(group['claim_date'])})")
    n = len(rows)
    claims_text = f"{n}\u00a0claim{'s' if n != 1 else ''}"  # no break inside "9 claims"
    return f"Sources: {'; '.join(parts)}. {claims_text}, lossdata."


def _order(name: str, published: object) -> tuple[bool, pd.Timestamp, str]:
    """Dated outlets first, oldest first, then by name."""
    undated = bool(pd.isna(published))
    return undated, pd.Timestamp.min if undated else pd.Timestamp(published), name


def add_caption(ax: Axes, rows: pd.DataFrame, *, sources: Sources = None) -> Annotation:
    """Put the provenance caption under the Axes, left-aligned with its tick labels.

    It is an artist of the Axes, so constrained layout makes room for it and a plain
    ``fig.savefig`` keeps it.
    """
    width = axes_width(ax)
    text = wrap(provenance_caption(rows, sources=sources), width, CAPTION_SIZE)
    caption = ax.annotate(
        escape_math(text),
        xy=(0, 0),
        xycoords=(
            lambda renderer: ax.yaxis.get_tightbbox(renderer) or ax.bbox,
            lambda renderer: ax.xaxis.get_tightbbox(renderer) or ax.bbox,
        ),
        xytext=(0, -6),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=CAPTION_SIZE,
        color="#444444",
        annotation_clip=False,
    )
    caption.set_gid("provenance")
    return caption
