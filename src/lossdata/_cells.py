"""Reading a claims table's integer and date cells one by one, for ``lossdata.schema``.

Every cell that cannot be read as its column's type is named by row and column, so
that ``validate`` can list them all at once and ``split_valid`` can drop their rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from .schema import Field

__all__ = ["cell_report", "parse_cells"]

_INT64_MAX = 2**63 - 1
_MAX_SHOWN = 100  # unparsable cells listed in one message; the rest are counted


def parse_cells(
    df: pd.DataFrame, fields: Iterable[Field]
) -> tuple[pd.DataFrame, list[tuple[object, str, str]]]:
    """Read the integer and date columns of ``fields`` cell by cell: the typed frame and
    every bad cell.

    A problem is ``(row label, column, reason)``; values pandera can judge (a
    negative count, a date out of range, a word outside a vocabulary) are left to it.
    """
    out = df.copy()
    problems: list[tuple[object, str, str]] = []
    for f in fields:
        col = out[f.name]
        if f.kind in ("int", "Int64") and not pd.api.types.is_integer_dtype(col.dtype):
            parse = _parse_int
        elif f.kind == "date" and not pd.api.types.is_datetime64_any_dtype(col.dtype):
            parse = _parse_date
        else:
            continue
        values = []
        for label, value in col.items():
            if _is_missing(value):
                if not f.nullable:
                    problems.append((label, f.name, "is empty, but the column needs a value"))
                values.append(None)
                continue
            parsed, reason = parse(value)
            if reason:
                problems.append((label, f.name, f"{value!r} {reason}"))
            values.append(parsed)
        dtype = "Int64" if f.kind in ("int", "Int64") else "datetime64[ns]"
        out[f.name] = pd.Series(values, index=col.index, dtype=dtype)
    return out, problems


def _is_missing(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or an array in a cell
        return False


def _parse_int(value: object) -> tuple[int | None, str]:
    """A whole number from an int, an integral float or a string of ASCII digits."""
    if pd.api.types.is_bool(value):
        return None, "is true/false, not a whole number"
    if pd.api.types.is_integer(value) or (
        pd.api.types.is_float(value) and float(value).is_integer()  # type: ignore[arg-type]
    ):
        number = int(value)  # type: ignore[call-overload]
    elif isinstance(value, str):
        text = value.strip()
        digits = text[1:] if text[:1] in ("+", "-") else text
        if not (digits.isascii() and digits.isdigit()):
            return None, "is not a whole number (digits only, no separators)"
        number = int(text)
    else:
        return None, "is not a whole number"
    if abs(number) > _INT64_MAX:
        return None, "is too large for a 64-bit integer"
    return number, ""


def _parse_date(value: object) -> tuple[pd.Timestamp | None, str]:
    """A day from a date, datetime, Timestamp or a 'YYYY-MM-DD' string."""
    if isinstance(value, (dt.date, pd.Timestamp)):
        text = value.isoformat()[:10]
    elif isinstance(value, str):
        text = value.strip()
        if len(text) != 10 or text[4] != "-" or text[7] != "-":
            return None, "is not a date in the form YYYY-MM-DD"
    else:
        return None, "is not a date"
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return None, "is not a valid date (YYYY-MM-DD)"
    try:
        return pd.Timestamp(day), ""
    except (ValueError, OverflowError):
        return None, "is outside the range of dates pandas can hold"


def cell_report(problems: list[tuple[object, str, str]]) -> str:
    """Every unreadable cell in plain words, one per line."""
    lines = [f"the claims table has {len(problems)} unreadable cell(s):"]
    lines += [f"- row {row}, column {col}: {why}" for row, col, why in problems[:_MAX_SHOWN]]
    if len(problems) > _MAX_SHOWN:
        lines.append(f"- ... and {len(problems) - _MAX_SHOWN} more")
    return "\n".join(lines)
