"""Reading a text file handed to the command line: bounded, with its encoding detected.

UTF-8 (with or without a byte-order mark) is read as is; UTF-16 and UTF-32 with a
byte-order mark by that mark; anything else is detected with ``charset-normalizer``
(cp1252, cp1251, Latin-1, ...) and the assumption is reported, since it may be wrong.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from typing import BinaryIO

__all__ = ["MAX_BYTES", "InputError", "TextInput", "decode", "read_text"]

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
        raise InputError(f"larger than {limit // (1024 * 1024)} MB; not read")
    return decode(data)


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
