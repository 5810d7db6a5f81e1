"""Loaders: the shipped claims table, the seed documents and their catalog.

Data files travel inside the wheel (``lossdata/data`` and ``lossdata/seeds``) and
are read with ``importlib.resources``; in a source checkout they are read from the
repository's ``data/`` and ``seeds/`` folders instead.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import pandas as pd

from .schema import FIELDS, validate
from .text import Document, normalize

__all__ = [
    "DataIntegrityError",
    "load_claims",
    "load_documents",
    "read_document",
    "document",
    "resource_dir",
]


class DataIntegrityError(ValueError):
    """A shipped file differs from what its ``datapackage.json`` records."""


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

    The file is first checked against the sha256, size and row count recorded in
    ``datapackage.json``: a changed or truncated table raises ``DataIntegrityError``
    naming the file and what changed, instead of loading silently.

    >>> claims = load_claims()
    >>> claims.columns[0]
    'claim_id'
    """
    folder = resource_dir("data")
    data = (folder / "claims.csv").read_bytes()
    resource = _recorded(folder, "claims.csv")
    _check_bytes("claims.csv", data, resource)
    df = read_claims_csv(io.StringIO(data.decode("utf-8")))
    if "rows" in resource and len(df) != resource["rows"]:
        raise DataIntegrityError(
            f"claims.csv: {len(df)} rows, but datapackage.json records {resource['rows']}"
        )
    return validate(df) if validate_table else df


def _recorded(folder: Traversable, name: str) -> dict:
    """The ``datapackage.json`` entry of ``name`` in ``folder``."""
    try:
        descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataIntegrityError(f"datapackage.json: cannot be read ({exc})") from None
    for resource in descriptor.get("resources", []):
        if resource.get("path") == name:
            return resource
    raise DataIntegrityError(f"datapackage.json: no entry for {name}")


def _check_bytes(name: str, data: bytes, resource: dict) -> None:
    """Raise ``DataIntegrityError`` when ``data`` is not the file the descriptor records."""
    expected = resource.get("hash")
    if expected is None:
        raise DataIntegrityError(f"datapackage.json records no sha256 for {name}")
    actual = "sha256:" + hashlib.sha256(data).hexdigest()
    if actual == expected:
        return
    changes = [f"sha256 {actual[7:19]}... instead of {str(expected)[7:19]}..."]
    if "bytes" in resource and len(data) != resource["bytes"]:
        changes.append(f"{len(data)} bytes instead of {resource['bytes']}")
    if "rows" in resource:
        try:
            rows = len(read_claims_csv(io.StringIO(data.decode("utf-8"))))
        except (ValueError, UnicodeDecodeError):
            rows = None
        if rows is None:
            changes.append(f"unreadable as a claims table (recorded: {resource['rows']} rows)")
        elif rows != resource["rows"]:
            changes.append(f"{rows} rows instead of {resource['rows']}")
    raise DataIntegrityError(
        f"{name}: the file differs from datapackage.json ({'; '.join(changes)}): it was "
        "changed or truncated; reinstall lossdata or rebuild it with `lossdata build`"
    )


def read_claims_csv(source: object, *, spreadsheet_safe: bool = False) -> pd.DataFrame:
    """Read a claims CSV written by ``lossdata build`` with the right dtypes.

    ``spreadsheet_safe=True`` reads an export written with the same option,
    undoing its escapes (see ``lossdata.export``).
    """
    dtypes = {
        f.name: ("string" if f.kind in ("str", "category") else f.dtype)
        for f in FIELDS
        if f.kind != "date"
    }
    dates = [f.name for f in FIELDS if f.kind == "date"]
    df = pd.read_csv(
        source,
        dtype=dtypes,
        keep_default_na=False,
        na_values={f.name: [""] for f in FIELDS if f.nullable},
    )
    for name in dates:
        df[name] = pd.to_datetime(df[name], format="%Y-%m-%d", errors="raise")
    if spreadsheet_safe:
        from .export import unescape_spreadsheet

        df = unescape_spreadsheet(df)
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
