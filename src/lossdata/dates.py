"""Dates in text, resolved against an explicit reference date (never the clock)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from . import lexicon

__all__ = ["DateMention", "date_cues", "find_dates", "to_date", "weekday_years"]


_WORD_OR_NUMBER = re.compile(r"[a-z]+|\d+")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    date: dt.date
    as_of: bool  # "as of 28 October", "by 7 October": the day of a running total
    since: bool  # "since 27 September": a start, not the day of the claim
    has_year: bool


def _alt(phrases: list[str]) -> str:
    """An alternation of the lexicon's phrases, longest first."""
    return "|".join(sorted(map(lexicon.phrase_pattern, phrases), key=len, reverse=True))


@functools.cache
def _patterns() -> dict:
    data = lexicon.load("dates")
    months = "|".join(sorted(map(re.escape, data["months"]), key=len, reverse=True))
    weekdays = "|".join(map(re.escape, data["weekdays"]))
    relative = "|".join(sorted(map(re.escape, data["relative_days"]), key=len, reverse=True))
    as_of = "|".join(sorted(map(re.escape, data["as_of"]), key=len, reverse=True))
    since, the, of = _alt(data["since"]), _alt(data["date_article"]), _alt(data["date_of"])
    nth = _alt(data["ordinal_suffixes"])
    day = r"(?:[12]\d|3[01]|0?[1-9])"
    year = r"(?:,?\s*(?P<year>(?:19|20)\d\d)(?!\d))?"
    absolute = (
        # Month names only as whole words: "4 separate attacks" is no date.
        rf"(?:\b(?P<d1>{day})(?:{nth})?\s+(?:(?:{of})\s+)?(?P<m1>{months})(?![a-z])\.?{year}"
        rf"|\b(?P<m2>{months})(?![a-z])\.?\s+(?P<d2>{day})(?:{nth})?\b"
        rf"{year.replace('year', 'year2')})"
    )
    return {
        "date": re.compile(
            rf"(?P<lead>\b(?:{as_of}|{since})\s+(?:(?:{the})\s+\w+\s+(?:{of})\s+)?)?"
            rf"(?:{absolute}|\b(?P<wd>{weekdays})\b|\b(?P<rel>{relative})\b)",
            re.IGNORECASE,
        ),
        "as_of": re.compile(rf"^(?:{as_of})\b", re.IGNORECASE),
        "weekday_date": re.compile(
            rf"\b(?P<wd>{weekdays})\b[\s,(]{{1,3}}(?P<date>(?:{day})(?:{nth})?\s+"
            rf"(?:{months})(?![a-z])|(?:{months})(?![a-z])\.?\s+(?:{day})(?:{nth})?\b)",
            re.IGNORECASE,
        ),
        "since_clause": re.compile(
            rf"\b(?:{_alt(data['since_clause'])})\b[^.;,:]*$", re.IGNORECASE
        ),
        "since": tuple(w.lower() for w in data["since"]),
        "weekdays": data["weekdays"],
        "months": {k.lower(): v for k, v in data["months"].items()},
        "relative": data["relative_days"],
    }


@functools.cache
def date_cues() -> frozenset[str]:
    """Lowercased words without one of which a text holds no date ``find_dates`` reads:
    the month and weekday names, and the longest word of each relative day ("last night")."""
    data = lexicon.load("dates")
    relative = [
        max(lexicon.words_of(str(p).lower()), key=lambda w: len(w[1]))[1]
        for p in data["relative_days"]
    ]
    return frozenset(
        [*map(str.lower, data["months"]), *map(str.lower, data["weekdays"]), *relative]
    )


def to_date(value: object) -> dt.date | None:
    """A date from a ``date``, ``datetime``, pandas Timestamp or ISO string; None for None.

    Raises ValueError with the offending value for anything else: NaT or NaN, an
    ISO string with anything after it ("2020-10-28garbage"), or a day outside
    1900-01-01 to 2099-12-31 (the range the claims table accepts).
    """
    if value is None:
        return None
    if value != value:  # NaT, NaN: a missing date passed as if it were one
        raise ValueError(f"published must be a date, got a missing value ({value!r})")
    day: dt.date | None = None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif hasattr(value, "to_pydatetime"):
        day = value.to_pydatetime().date()  # type: ignore[union-attr]
    elif isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?", text):
            try:
                day = dt.datetime.fromisoformat(text).date()
            except ValueError:
                raise ValueError(f"published is not a valid date: {value!r}") from None
    if day is None:
        raise ValueError(f"published must be an ISO date like '2020-10-28', got {value!r}")
    if not dt.date(1900, 1, 1) <= day < dt.date(2100, 1, 1):
        raise ValueError(f"published must be between 1900-01-01 and 2099-12-31, got {value!r}")
    return day


def find_dates(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    reference: dt.date | None = None,
    year_of: dt.date | None = None,
) -> list[DateMention]:
    """Dates in ``text[start:end]``. Without a year, the year is the reference's, or the
    year before when that would put the date well after the reference.

    ``year_of``: a date that gives years only (an undated document's latest full date):
    weekdays and "yesterday" need the ``reference`` itself."""
    p = _patterns()
    end = len(text) if end is None else end
    years = reference or year_of
    out = []
    for m in p["date"].finditer(text, start, end):
        lead = (m.group("lead") or "").strip().lower()
        # "since 27 September", or "since the invasion began on 24 February"
        since = lead.startswith(p["since"]) or bool(
            p["since_clause"].search(text, max(start, m.start() - 60), m.start())
        )
        as_of = bool(lead) and bool(p["as_of"].match(lead))
        if m.group("wd") or m.group("rel"):
            if reference is None:
                continue
            if m.group("wd"):
                target = p["weekdays"][m.group("wd").lower()]
                back = (reference.weekday() - target) % 7
            else:
                back = -p["relative"][m.group("rel").lower()]
            out.append(
                DateMention(
                    m.start(), m.end(), reference - dt.timedelta(days=back), as_of, since, False
                )
            )
            continue
        year = m.group("year") or m.group("year2")
        if not year and years is None:
            continue  # no year and no document date: never guess one
        month = p["months"][(m.group("m1") or m.group("m2")).lower()]
        day = int(m.group("d1") or m.group("d2"))
        try:
            parsed = dt.date(int(year) if year else years.year, month, day)
        except ValueError:
            continue  # "31 June"
        if not year and reference and parsed - reference > dt.timedelta(days=60):
            parsed = parsed.replace(year=parsed.year - 1)
        out.append(DateMention(m.start(), m.end(), parsed, as_of, since, bool(year)))
    return out


def weekday_years(text: str, start: dt.date, end: dt.date | None) -> list[int]:
    """The year between ``start`` and ``end`` (or ten years on) in which most weekdays
    written beside a date in ``text`` ("Friday (September 10)", "Wednesday, 8 September")
    fall on that date, if it is the only best one and fits more than half of them; empty
    when the text pairs none."""
    p = _patterns()
    last = (end or start.replace(year=start.year + 10)).year
    votes = dict.fromkeys(range(start.year, last + 1), 0)
    pairs = 0
    for m in p["weekday_date"].finditer(text):
        target = p["weekdays"][m.group("wd").lower()]
        pairs += 1
        words = _WORD_OR_NUMBER.findall(m.group("date").lower())
        month = next(p["months"][w] for w in words if w in p["months"])
        day_of_month = int(next(w for w in words if w.isdigit()))
        for year in votes:
            try:
                day = dt.date(year, month, day_of_month)
            except ValueError:
                continue
            if day.weekday() == target and start <= day and (end is None or day <= end):
                votes[year] += 1
    if not pairs:
        return []
    best = max(votes.values())
    winners = [y for y, v in votes.items() if v == best]
    return winners if len(winners) == 1 and best * 2 > pairs else []
