"""CSV exports meant for spreadsheets: text cells that would run as formulas are escaped.

A spreadsheet runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` (and, in
some programs, a tab or carriage return) as a formula: a quote scraped from the
web could then run code on the reader's machine ("CSV injection"). An export with
``spreadsheet_safe`` prefixes such cells with a single quote, which spreadsheets
hide and treat as "this is text". A cell that already begins with a single quote
gets one more, so the escape is reversible: ``unescape_spreadsheet`` undoes it.

The shipped ``data/claims.csv`` stays raw: it is the exact text that offsets
point into (``text[char_start:char_end] == value_text``) and is read by programs,
not spreadsheets. Export a copy for a spreadsheet with
``claims_to_csv(df, spreadsheet_safe=True)`` or ``lossdata extract --spreadsheet-safe``.
"""

from __future__ import annotations

import pandas as pd

from .schema import FIELDS

__all__ = ["FORMULA_PREFIXES", "escape_cell", "spreadsheet_safe", "unescape_spreadsheet"]

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED = (*FORMULA_PREFIXES, "'")
_TEXT_COLUMNS = [f.name for f in FIELDS if f.kind == "str"]


def escape_cell(value: object) -> object:
    """``value`` with a leading single quote when a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(_ESCAPED):
        return "'" + value
    return value


def _unescape_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(_ESCAPED):
        return value[1:]
    return value


def _apply(df: pd.DataFrame, func: object) -> pd.DataFrame:
    out = df.copy()
    for name in _TEXT_COLUMNS:
        if name in out.columns:
            out[name] = out[name].map(func, na_action="ignore").astype(out[name].dtype)
    return out


def spreadsheet_safe(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of the claims table whose text cells are safe to open in a spreadsheet."""
    return _apply(df, escape_cell)


def unescape_spreadsheet(df: pd.DataFrame) -> pd.DataFrame:
    """Undo ``spreadsheet_safe``: the original text cells."""
    return _apply(df, _unescape_cell)
