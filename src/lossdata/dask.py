"""Claims extraction over a Dask bag or dataframe, on a local or distributed cluster.

``extract_claims`` maps the extractor over the documents partition by partition: each
partition runs ``lossdata.extract.iter_claims`` per document and builds one validated
claims table (``claims_frame``), so the schema is checked once per partition, and the
result is a lazy Dask DataFrame with the contract's columns and dtypes.

Documents without a ``doc_id`` are named by where they stand, never by how the data is
partitioned, so any partitioning gives the same rows:

- a dataframe row: ``doc-<index label>`` (give the frame a unique index, or a ``doc_id``
  column: ``dd.read_csv`` starts the index again in each partition);
- a bag element: ``doc-<position>``, its place in the bag counted from 0 (as in
  ``bag.compute()``). Counting needs the sizes of the partitions before it, so those are
  read first; a bag whose documents all carry a ``doc_id`` pays the same small cost.

Install with ``pip install "lossdata[dask]"``.
"""

from __future__ import annotations

import datetime as dt
import math
import operator
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import chain

import pandas as pd

try:
    import dask
    import dask.bag as db
    import dask.dataframe as dd
except ImportError as exc:  # the module is only imported by users who ask for Dask
    raise ImportError(
        f'lossdata.dask needs Dask ({exc}): install lossdata[dask] (pip install "lossdata[dask]")'
    ) from None

from .extract import Claim, claims_frame, iter_claims
from .schema import empty_claims, validate

__all__ = ["extract_claims", "claims_meta"]

META_KEYS = ("doc_id", "published", "outlet", "conflict")


@dataclass(frozen=True)
class _Doc:
    """One document and its metadata; ``doc_id`` None until it is named by position."""

    doc_id: str | None
    text: str | None
    published: str | dt.date | None
    outlet: str | None
    conflict: str | None


@dataclass(frozen=True)
class _Defaults:
    """The keyword arguments, for documents that do not carry their own metadata."""

    published: str | dt.date | None
    outlet: str | None
    conflict: str | None


def claims_meta() -> pd.DataFrame:
    """An empty claims table with the dtypes the extractor produces (Dask's ``meta``)."""
    return validate(empty_claims())


def extract_claims(
    data: db.Bag | dd.DataFrame,
    *,
    text_column: str = "text",
    conflict: str | None = None,
    published: str | dt.date | None = None,
    outlet: str | None = None,
) -> dd.DataFrame:
    """The claims of every document in ``data``, as a lazy Dask DataFrame.

    ``data`` is a ``dask.bag.Bag`` of texts or of dicts (the text under ``text_column``,
    optional ``doc_id``, ``published``, ``outlet``, ``conflict``), or a
    ``dask.dataframe.DataFrame`` with a ``text_column`` column and any of those columns.
    A document's own metadata wins over the keyword arguments, which apply to the rest;
    a missing text (None, NaN) gives no claims. The index is per partition: sort by
    ``["doc_id", "char_start", "category"]`` for a stable order.

    >>> import dask.bag as db
    >>> bag = db.from_sequence(["The ministry said 12 soldiers were killed."])
    >>> extract_claims(bag).compute()["value"].tolist()
    [12]
    """
    defaults = _Defaults(published, outlet, conflict)
    meta = claims_meta()
    if isinstance(data, dd.DataFrame):
        if text_column not in data.columns:
            raise ValueError(
                f"the dataframe has no {text_column!r} column (columns: {list(data.columns)}); "
                "pass text_column="
            )
        frames = [
            dask.delayed(_frame_partition)(part, text_column, defaults)
            for part in data.to_delayed()
        ]
    elif isinstance(data, db.Bag):
        frames = []
        offset = dask.delayed(0)
        for i, part in enumerate(data.to_delayed()):
            docs = dask.delayed(_bag_documents)(part, text_column, i)
            frames.append(dask.delayed(_bag_partition)(docs, offset, defaults))
            offset = dask.delayed(operator.add)(offset, dask.delayed(len)(docs))
    else:
        raise TypeError(
            f"expected a dask.bag.Bag or dask.dataframe.DataFrame, got {type(data).__name__}"
        )
    if not frames:
        return dd.from_pandas(meta, npartitions=1)
    return dd.from_delayed(frames, meta=meta)


# --------------------------------------------------------------------------- per partition
# Module-level functions: the workers unpickle them by name.


def _bag_documents(part: Iterable[object], text_key: str, partition: int) -> list[_Doc]:
    """A bag partition's elements as documents, checked before any extraction."""
    docs = []
    for n, item in enumerate(part):
        if isinstance(item, str):
            docs.append(_Doc(None, item, None, None, None))
        elif isinstance(item, Mapping):
            if text_key not in item:
                raise ValueError(
                    f"bag partition {partition}, element {n}: a document dict needs a "
                    f"{text_key!r} key, got keys {sorted(map(str, item))}"
                )
            meta = {k: _present(item.get(k)) for k in META_KEYS}
            doc_id = meta.pop("doc_id")
            text = _present(item[text_key])
            docs.append(_Doc(None if doc_id is None else str(doc_id), text, **meta))
        else:
            raise TypeError(
                f"bag partition {partition}, element {n}: expected a str or a dict, "
                f"got {type(item).__name__}"
            )
    return docs


def _bag_partition(docs: list[_Doc], offset: int, defaults: _Defaults) -> pd.DataFrame:
    """The claims of a bag partition whose first document stands at ``offset``."""
    named = [
        d if d.doc_id is not None else _named(d, f"doc-{offset + n}") for n, d in enumerate(docs)
    ]
    return claims_frame(chain.from_iterable(_claims(d, defaults) for d in named))


def _frame_partition(part: pd.DataFrame, text_column: str, defaults: _Defaults) -> pd.DataFrame:
    """The claims of a dataframe partition; rows without a doc_id are named by index."""
    columns = {k: part[k].tolist() if k in part.columns else [None] * len(part) for k in META_KEYS}
    docs = []
    for n, (label, text) in enumerate(zip(part.index, part[text_column].tolist(), strict=True)):
        meta = {k: _present(columns[k][n]) for k in META_KEYS}
        doc_id = meta.pop("doc_id")
        doc_id = f"doc-{label}" if doc_id is None else str(doc_id)
        docs.append(_Doc(doc_id, _present(text), **meta))
    return claims_frame(chain.from_iterable(_claims(d, defaults) for d in docs))


def _claims(doc: _Doc, defaults: _Defaults) -> list[Claim]:
    """One document's claims; a bad document's error names it."""
    if doc.text is None:
        return []
    try:
        # list(): an error must surface here, with the document's id, not in claims_frame.
        return list(
            iter_claims(
                doc.text,
                doc_id=str(doc.doc_id),
                published=doc.published if doc.published is not None else defaults.published,
                outlet=doc.outlet if doc.outlet is not None else defaults.outlet,
                conflict=doc.conflict if doc.conflict is not None else defaults.conflict,
            )
        )
    except (TypeError, ValueError) as exc:
        raise type(exc)(f"document {doc.doc_id}: {exc}") from None


def _named(doc: _Doc, doc_id: str) -> _Doc:
    return _Doc(doc_id, doc.text, doc.published, doc.outlet, doc.conflict)


def _present(value: object) -> object:
    """``value``, or None for a missing one (None, NaN, NaT, pd.NA)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value
