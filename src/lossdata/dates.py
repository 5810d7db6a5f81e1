"""Dates in text, resolved against an explicit reference date (never the clock)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from dateutil import parser as dateparser

from . import lexicon

__all__ = ["DateMention", "find_dates", "to_date"]


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    date: dt.date
    as_of: bool  # "as of 28 October", "by 7 October": the day of a running total
    since: bool  # "since 27 September": a start, not the day of the claim
    has_year: bool


@functools.cache
def _patterns() -> dict:
    data = lexicon.load("dates")
    months = "|".join(sorted(map(re.escape, data["months"]), key=len, reverse=True))
    weekdays = "|".join(map(re.escape, data["weekdays"]))
    relative = "|".join(sorted(map(re.escape, data["relative_days"]), key=len, reverse=True))
    as_of = "|".join(sorted(map(re.escape, data["as_of"]), key=len, reverse=True))
    day = r"(?:[12]\d|3[01]|0?[1-9])"
    year = r"(?:,?\s*(?P<year>(?:19|20)\d\d)(?!\d))?"
    absolute = (
        rf"(?:\b(?P<d1>{day})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{months})\.?{year}"
        rf"|\b(?P<m2>{months})\.?\s+(?P<d2>{day})(?:st|nd|rd|th)?\b{year.replace('year', 'year2')})"
    )
    return {
        "date": re.compile(
            rf"(?P<lead>\b(?:{as_of}|since|from|after)\s+(?:the\s+\w+\s+of\s+)?)?"
            rf"(?:{absolute}|\b(?P<wd>{weekdays})\b|\b(?P<rel>{relative})\b)",
            re.IGNORECASE,
        ),
        "as_of": re.compile(rf"^(?:{as_of})\b", re.IGNORECASE),
        "weekdays": data["weekdays"],
        "relative": data["relative_days"],
    }


def to_date(value: object) -> dt.date | None:
    """A date from a ``date``, ``datetime``, pandas Timestamp or ISO string; None for None.

    Raises ValueError with the offending value for anything else.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime().date()  # type: ignore[union-attr]
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise ValueError(f"published must be an ISO date like '2020-10-28', got {value!r}")


def find_dates(
    text: str, start: int = 0, end: int | None = None, *, reference: dt.date | None = None
) -> list[DateMention]:
    """Dates in ``text[start:end]``. Without a year, the year is the reference's, or the
    year before when that would put the date well after the reference."""
    p = _patterns()
    end = len(text) if end is None else end
    out = []
    for m in p["date"].finditer(text, start, end):
        lead = (m.group("lead") or "").strip().lower()
        since = lead.startswith(("since", "from", "after"))
        as_of = bool(lead) and bool(p["as_of"].match(lead))
        if m.group("wd") or m.group("rel"):
            if reference is None:
                continue
            if m.group("wd"):
                target = p["weekdays"][m.group("wd").lower()]
                back = (reference.weekday() - target) % 7
            else:
                back = -p["relative"][m.group("rel").lower()]
            out.append(DateMention(m.start(), m.end(), reference - dt.timedelta(days=back),
                                   as_of, since, False))
            continue
        year = m.group("year") or m.group("year2")
        span = text[m.start("d1") if m.group("d1") else m.start("m2"):m.end()]
        default = dt.datetime(reference.year if reference else 2000, 1, 1)
        try:
            parsed = dateparser.parse(span, default=default, fuzzy=True).date()
        except (ValueError, OverflowError):
            continue
        if not year and reference and parsed - reference > dt.timedelta(days=60):
            parsed = parsed.replace(year=parsed.year - 1)
        out.append(DateMention(m.start(), m.end(), parsed, as_of, since, bool(year)))
    return out
