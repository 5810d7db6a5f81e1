"""Reading a file handed to the command line: bounded, with its encoding detected.

UTF-8 (with or without a byte-order mark) is read as is; UTF-16 and UTF-32 with a
byte-order mark by that mark; anything else is detected with ``charset-normalizer``
(cp1252, cp1251, Latin-1, ...) and the assumption is reported, since it may be wrong.
``read_claims_table`` reads a claims table (CSV or Parquet) for ``lossdata validate``
without judging it: every CSV cell as text, so that validation names each bad one.
"""

from __future__ import annotations

import codecs
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "MAX_BYTES",
    "InputError",
    "TextInput",
    "decode",
    "describe_size",
    "read_claims_table",
    "read_text",
]

MAX_BYTES = 50 * 1024 * 1024  # a text larger than this is not a news article or a report

_BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class InputError(ValueError):
    """An input that cannot be read as text; the message says why, in a few words."""


@dataclass(frozen=True)
class TextInput:
    """A decoded text and the encoding it was read with."""

    text: str
    encoding: str
    assumed: bool  # not UTF-8: the caller should say which encoding it assumed


def read_text(source: str | os.PathLike[str] | BinaryIO, *, limit: int = MAX_BYTES) -> TextInput:
    """Read at most ``limit`` bytes from a path or a binary stream and decode them.

    Raises ``InputError`` for an input over the limit or that is not text, and
    ``OSError`` (with the file name) when the file cannot be opened or read.
    """
    if isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as fh:
            data = fh.read(limit + 1)
    else:
        data = source.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"larger than {describe_size(limit)}; not read")
    return decode(data)


def describe_size(n: int) -> str:
    """A byte count in words: "50 MB" for whole megabytes, else "1,000 bytes"."""
    mb = 1024 * 1024
    return f"{n // mb} MB" if n >= mb and n % mb == 0 else f"{n:,} bytes"


def decode(data: bytes) -> TextInput:
    """Decode ``data``: by its byte-order mark, as UTF-8, or as charset-normalizer guesses."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return TextInput(
                    data.decode(encoding),
                    encoding.removesuffix("-sig"),
                    assumed=encoding != "utf-8-sig",
                )
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"starts with a {encoding} byte-order mark but is not "
                    f"{encoding} (byte {exc.start})"
                ) from None
    if b"\x00" in data:
        raise InputError(
            "contains NUL bytes: a binary file, or UTF-16/32 without a byte-order mark"
        )
    try:
        return TextInput(data.decode("utf-8"), "utf-8", assumed=False)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("not text in any encoding charset-normalizer knows")
    return TextInput(str(best), best.encoding, assumed=True)


PARQUET_SUFFIXES = (".parquet", ".pq")


def read_claims_table(path: str | os.PathLike[str], *, limit: int = MAX_BYTES) -> pd.DataFrame:
    """The cells of a claims table, unvalidated, its rows labelled from 1.

    Parquet by its suffix (``.parquet``, ``.pq``; needs pyarrow), else CSV: UTF-8, up
    to ``limit`` bytes, every cell as text (empty cells of nullable, integer and date
    columns as missing). Raises ``InputError`` for a file that is not such a table
    and ``OSError`` (with the file name) for one that cannot be opened.
    """
    import pandas as pd

    if Path(path).suffix.lower() in PARQUET_SUFFIXES:
        df = _read_parquet(path)
    else:
        df = _read_csv(path, limit)
    df.index = pd.RangeIndex(1, len(df) + 1)  # rows as a person counts them
    return df


def _read_csv(path: str | os.PathLike[str], limit: int) -> pd.DataFrame:
    import pandas as pd

    from .schema import FIELDS

    got = read_text(path, limit=limit)
    if got.assumed:
        raise InputError(f"not UTF-8 (it looks like {got.encoding}); a claims CSV is UTF-8")
    try:
        return pd.read_csv(
            io.StringIO(got.text),
            dtype=str,
            keep_default_na=False,
            na_values={
                f.name: [""] for f in FIELDS if f.nullable or f.kind in ("int", "Int64", "date")
            },
        )
    except ValueError as exc:  # a CSV pandas cannot parse
        raise InputError(_first_line(exc)) from None


def _read_parquet(path: str | os.PathLike[str]) -> pd.DataFrame:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("reading Parquet needs pyarrow: install lossdata[parquet]") from None
    with open(path, "rb") as fh:  # a folder or a missing file: an OSError naming it
        try:
            return pq.read_table(fh).to_pandas()
        except (pa.ArrowException, ValueError, TypeError) as exc:
            raise InputError(f"not a readable Parquet file ({_first_line(exc)})") from None


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
