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
    "data_version",
    "describe",
    "document",
    "list_datasets",
    "load_claims",
    "load_documents",
    "read_document",
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


def list_datasets() -> list[str]:
    """The names of the shipped tables, as ``datapackage.json`` lists them.

    >>> list_datasets()
    ['claims']
    """
    return [str(r.get("name")) for r in _descriptor().get("resources", [])]


def load_claims(*, name: str = "claims", validate_table: bool = True) -> pd.DataFrame:
    """The claims table ``name`` (see ``list_datasets()``), with the contract's dtypes.

    The file is first checked against the sha256, size and row count recorded in
    ``datapackage.json``: a changed or truncated table raises ``DataIntegrityError``
    naming the file and what changed, instead of loading silently. An unknown
    ``name`` raises ``ValueError`` listing the valid ones.

    >>> claims = load_claims()
    >>> claims.columns[0]
    'claim_id'
    """
    resource = _resource(name)
    path = str(resource.get("path", f"{name}.csv"))
    data = (resource_dir("data") / path).read_bytes()
    _check_bytes(path, data, resource)
    df = read_claims_csv(io.StringIO(data.decode("utf-8")))
    if "rows" in resource and len(df) != resource["rows"]:
        raise DataIntegrityError(
            f"{path}: {len(df)} rows, but datapackage.json records {resource['rows']}"
        )
    return validate(df) if validate_table else df


def data_version() -> str:
    """The version of the shipped data: ``<package version>+<first 12 hex of the table's
    sha256>``, as ``lossdata build`` records it in ``datapackage.json``.

    It changes whenever the table's bytes change. A version that disagrees with the
    recorded sha256 (a hand-edited descriptor) raises ``DataIntegrityError``.
    """
    descriptor = _descriptor()
    version = descriptor.get("version")
    if not isinstance(version, str) or "+" not in version:
        raise DataIntegrityError("datapackage.json records no data version: rebuild the data")
    digests = [str(r.get("hash", ""))[7:19] for r in descriptor.get("resources", [])]
    if version.rsplit("+", 1)[1] not in digests:
        raise DataIntegrityError(
            f"datapackage.json: data version {version} does not match the recorded sha256 "
            f"({', '.join(d + '...' for d in digests)}); rebuild it with `lossdata build`"
        )
    return version


def describe(name: str = "claims") -> str:
    """The data card of table ``name``: what it holds, how it was built, its sources with
    their outlet, address, date and licence, its known limits and how to cite it.

    The same text ships as ``data/README.md`` (written by ``lossdata build``).
    """
    from ._card import card

    _resource(name)  # an unknown name fails here, listing the valid ones
    return card(_descriptor(), _catalog_rows(), name=name)


def __getattr__(name: str) -> str:
    # __data_version__ is read on use, not at import (no file reads at import time).
    if name == "__data_version__":
        return data_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _descriptor() -> dict:
    """The shipped ``datapackage.json``, parsed."""
    try:
        text = (resource_dir("data") / "datapackage.json").read_text(encoding="utf-8")
        descriptor = json.loads(text)
    except (OSError, ValueError) as exc:
        raise DataIntegrityError(f"datapackage.json: cannot be read ({exc})") from None
    if not isinstance(descriptor, dict):
        raise DataIntegrityError("datapackage.json: not a JSON object")
    return descriptor


def _resource(name: str) -> dict:
    """The ``datapackage.json`` entry of table ``name``; ``ValueError`` listing the valid
    names when there is none."""
    resources_ = _descriptor().get("resources", [])
    if not resources_:
        raise DataIntegrityError("datapackage.json: lists no tables; rebuild the data")
    for resource in resources_:
        if resource.get("name") == name:
            return resource
    valid = ", ".join(str(r.get("name")) for r in resources_)
    raise ValueError(f"unknown dataset {name!r}; valid names: {valid}")


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


def _catalog_rows() -> list[dict[str, str]]:
    """The rows of the shipped seed catalog (``seeds/catalog.csv``) as plain strings."""
    with (resource_dir("seeds") / "catalog.csv").open("r", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@functools.cache
def load_documents() -> pd.DataFrame:
    """The seed catalog: one row per document (doc_id, title, outlet, url, published,
    date_note, licence, provenance)."""
    df = pd.DataFrame(_catalog_rows(), dtype="string")
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
