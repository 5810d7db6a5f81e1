"""Loaders: the shipped claims table, the seed documents and their catalog.

Data files travel inside the wheel (``lossdata/data`` and ``lossdata/seeds``) and
are read with ``importlib.resources``; in a source checkout they are read from the
repository's ``data/`` and ``seeds/`` folders instead.
"""

from __future__ import annotations

import csv
import functools
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import pandas as pd

from .schema import FIELDS, validate
from .text import Document, normalize

__all__ = ["load_claims", "load_documents", "read_document", "document", "resource_dir"]

_SOURCE_ROOT = Path(__file__).resolve().parents[2]


def resource_dir(name: str) -> Traversable:
    """The folder ``name`` ("data" or "seeds") of the installed package or the checkout."""
    packaged = resources.files("lossdata") / name
    if packaged.is_dir():
        return packaged
    checkout = _SOURCE_ROOT / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(
        f"lossdata's {name!r} folder is missing: reinstall the package (pip install lossdata)"
    )


def load_claims(*, validate_table: bool = True) -> pd.DataFrame:
    """The claims table built from the seed documents, with the contract's dtypes.

    >>> claims = load_claims()
    >>> claims.columns[0]
    'claim_id'
    """
    with (resource_dir("data") / "claims.csv").open("r", encoding="utf-8") as fh:
        df = read_claims_csv(fh)
    return validate(df) if validate_table else df


def read_claims_csv(source: object) -> pd.DataFrame:
    """Read a claims CSV written by ``lossdata build`` with the right dtypes."""
    dtypes = {f.name: ("string" if f.kind in ("str", "category") else f.dtype)
              for f in FIELDS if f.kind != "date"}
    dates = [f.name for f in FIELDS if f.kind == "date"]
    df = pd.read_csv(source, dtype=dtypes, keep_default_na=False, na_values={
        f.name: [""] for f in FIELDS if f.nullable
    })
    for name in dates:
        df[name] = pd.to_datetime(df[name], format="%Y-%m-%d", errors="raise")
    return df


@functools.cache
def load_documents() -> pd.DataFrame:
    """The seed catalog: one row per document (doc_id, title, outlet, url, published, date_note)."""
    with (resource_dir("seeds") / "catalog.csv").open("r", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    df = pd.DataFrame(rows, dtype="string")
    df["published"] = pd.to_datetime(df["published"], format="%Y-%m-%d")
    return df


def _doc_ids() -> list[str]:
    return load_documents()["doc_id"].tolist()


@functools.cache
def document(doc_id: str) -> Document:
    """The normalised seed document ``doc_id`` with its offset map to the raw file."""
    if doc_id not in _doc_ids():
        raise KeyError(f"unknown doc_id {doc_id!r}; valid ids: {', '.join(_doc_ids())}")
    raw = (resource_dir("seeds") / f"{doc_id}.txt").read_text(encoding="utf-8")
    return normalize(raw)


def read_document(doc_id: str) -> str:
    """The normalised text of seed ``doc_id``: the text that char_start/char_end point into."""
    return document(doc_id).text
