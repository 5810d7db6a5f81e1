"""Writing a claims table batch by batch as CSV, JSONL or Parquet, to a file or stdout.

A file is written through a temporary file in its folder, renamed over it only when
every batch is in (see ``lossdata._io``): a failure or an interruption leaves the old
file, or none, never half a table. Standard output gets each batch as it is ready.

- CSV: the bytes of ``claims_to_csv`` (one header, then each batch's rows), so one
  batch or many give the same file.
- JSONL: one object per claim, keys in the contract's order; dates as "YYYY-MM-DD",
  missing values as null.
- Parquet (``lossdata[parquet]``): one row group per batch; the schema comes from the
  contract (``lossdata.schema.FIELDS``): text and vocabulary columns as strings,
  counts as int64, ``claim_date`` as a date.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, Protocol

import pandas as pd

from . import _io
from .build import claims_to_csv
from .extract import claims_frame
from .schema import COLUMNS, FIELDS

__all__ = ["FORMATS", "OutputError", "Writer", "atomic_file", "open_writer"]

FORMATS = ("csv", "jsonl", "parquet")


class OutputError(ValueError):
    """The output cannot be written as asked; the message says why in one line."""


class Writer(Protocol):
    def write(self, df: pd.DataFrame) -> None: ...
    def close(self) -> None: ...


@contextlib.contextmanager
def atomic_file(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary file that replaces ``path`` when the block ends without an exception.

    The temporary file is made by ``mkstemp`` next to ``path``, fsynced, given normal
    permissions and renamed; on any exception (SIGTERM too, inside
    ``_io.terminate_as_exit``) it is removed.
    """
    path = Path(path)
    if path.is_dir():  # found now, not after the whole corpus is read
        raise OutputError(f"{path}: is a folder; -o takes a file")
    with _io.atomic_open(path) as fh:
        yield fh


class StdoutSink:
    """Standard output as a file a writer can use: each write is flushed at once, and
    ``tell`` counts the bytes (Parquet asks for it, and a pipe cannot seek)."""

    def __init__(self, write: Callable[[bytes], None]) -> None:
        self._write = write
        self._written = 0
        self.closed = False

    def write(self, data: bytes) -> int:
        self._write(bytes(data))
        self._written += len(data)
        return len(data)

    def tell(self) -> int:
        return self._written

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True


@contextlib.contextmanager
def open_writer(
    fmt: str,
    path: str | None,
    *,
    stdout: Callable[[bytes], None],
    spreadsheet_safe: bool = False,
) -> Iterator[Writer]:
    """A writer of ``fmt`` to ``path`` (atomically) or, for None, to ``stdout``."""
    if fmt not in FORMATS:
        raise OutputError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    if spreadsheet_safe and fmt != "csv":
        raise OutputError("--spreadsheet-safe escapes CSV cells; it needs --format csv")
    make: Callable[[Any], Writer]
    if fmt == "csv":
        make = lambda out: CsvWriter(out, spreadsheet_safe=spreadsheet_safe)  # noqa: E731
    elif fmt == "jsonl":
        make = JsonlWriter
    else:
        make = ParquetWriter
        _pyarrow()  # a missing pyarrow is said before any work is done
    if path is None:
        writer = make(StdoutSink(stdout))
        yield writer
        writer.close()
        return
    with atomic_file(path) as fh:
        writer = make(fh)
        yield writer
        writer.close()


class CsvWriter:
    """The header at once, then each batch's rows."""

    def __init__(self, out: Any, *, spreadsheet_safe: bool = False) -> None:
        self._out = out
        self._safe = spreadsheet_safe
        out.write(claims_to_csv(claims_frame([])))

    def write(self, df: pd.DataFrame) -> None:
        if len(df):
            data = claims_to_csv(df, spreadsheet_safe=self._safe)
            self._out.write(data[data.index(b"\n") + 1 :])  # without its header

    def close(self) -> None:
        pass


class JsonlWriter:
    """One JSON object per claim and line."""

    def __init__(self, out: Any) -> None:
        self._out = out

    def write(self, df: pd.DataFrame) -> None:
        if not len(df):
            return
        columns = [_plain(df[f.name], f.kind) for f in FIELDS]
        rows = (dict(zip(COLUMNS, row, strict=True)) for row in zip(*columns, strict=True))
        lines = [json.dumps(row, ensure_ascii=False) for row in rows]
        self._out.write(("\n".join(lines) + "\n").encode("utf-8"))

    def close(self) -> None:
        pass


def _plain(column: pd.Series, kind: str, *, iso: bool = True) -> list[Any]:
    """A column's values as plain Python values, None where missing; days as
    "YYYY-MM-DD" (``iso``) or ``datetime.date``."""
    pairs = zip(column.tolist(), column.isna().tolist(), strict=True)
    if kind == "date":
        return [None if m else (v.strftime("%Y-%m-%d") if iso else v.date()) for v, m in pairs]
    if kind in ("int", "Int64"):
        return [None if m else int(v) for v, m in pairs]
    return [None if m else str(v) for v, m in pairs]


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise OutputError("Parquet needs pyarrow: install lossdata[parquet]") from None
    return pa, pq


def arrow_schema() -> Any:
    """The contract's columns as a pyarrow schema."""
    pa, _ = _pyarrow()
    types = {
        "str": pa.string(),
        "category": pa.string(),
        "int": pa.int64(),
        "Int64": pa.int64(),
        "date": pa.date32(),
    }
    return pa.schema([pa.field(f.name, types[f.kind], nullable=f.nullable) for f in FIELDS])


class ParquetWriter:
    """One row group per batch; the file is opened at the first batch, or at the end."""

    def __init__(self, out: Any) -> None:
        self._pa, self._pq = _pyarrow()
        self._schema = arrow_schema()
        self._out = out
        self._writer: Any = None

    def _open(self) -> Any:
        if self._writer is None:
            self._writer = self._pq.ParquetWriter(self._out, self._schema)
        return self._writer

    def write(self, df: pd.DataFrame) -> None:
        if not len(df):
            return
        pa = self._pa
        arrays = [
            pa.array(_plain(df[f.name], f.kind, iso=False), type=self._schema.field(f.name).type)
            for f in FIELDS
        ]
        self._open().write_table(pa.Table.from_arrays(arrays, schema=self._schema))

    def close(self) -> None:
        self._open().close()
