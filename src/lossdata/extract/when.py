"""When: the claim's date from its sentence or paragraph, its scope, and whether the
figure belongs to another era than the conflict's (a year before its start, a named
earlier war)."""

from __future__ import annotations

import datetime as dt

from ..dates import DateMention
from ._lex import lex
from .claimants import Frame
from .reading import Reading
from .structure import Sentence

__all__ = ["claim_date", "other_era", "scope"]

# Frames whose date is the day the claim was made ("X said on Monday").
_SAID_ON = frozenset({"verb_subject", "verb_object", "open_verb_subject", "open_verb_object"})


def claim_date(
    text: str,
    r: Reading,
    frame: Frame,
    dates: list[DateMention],
    para_dates: list[DateMention],
    ref: dt.date | None,
) -> tuple[dt.date | None, str, DateMention | None]:
    """(date, basis, the mention used): an "as of" day, else the statement's date, the
    sentence's date before the count, any in the sentence, the frame's, the paragraph's,
    the document's."""
    usable = [d for d in dates if not d.since]
    as_of = [d for d in usable if d.as_of]
    if as_of:  # "as of 28 October": the day of a running total beats the day it was said
        near = min(as_of, key=lambda d: (d.end > r.number.start, abs(d.start - r.number.start)))
        return near.date, "text", near
    if frame.date is not None and frame.date in usable and frame.basis in _SAID_ON:
        return frame.date.date, "text", frame.date  # "the agency said on Monday"
    before = [d for d in usable if d.end <= r.number.start]
    if before:
        return before[-1].date, "text", before[-1]
    if len(usable) >= 2 and lex()["period_join"].fullmatch(text, usable[0].end, usable[1].start):
        return usable[1].date, "text", usable[1]  # "between 3 May and 9 May"
    if usable:
        return usable[0].date, "text", usable[0]
    if frame.date is not None:
        return frame.date.date, "text", frame.date
    if para_dates:
        return para_dates[-1].date, "text", para_dates[-1]
    if ref is not None:
        return ref, "document", None
    return None, "unknown", None


def scope(sent: Sentence, date: DateMention | None, r: Reading) -> str:
    """cumulative, period or incident, from the sentence's wording: an increment ("54
    more") is a period's, an "as of" or "since" date makes a running total, then the
    sentence's scope words, then a date of the losses; a figure the wording says nothing
    of is taken for a running total, the commonest kind of reported loss figure."""
    if _increment(sent, r):
        return "period"
    if (date is not None and date.as_of) or any(d.since for d in sent.dates):
        return "cumulative"
    if sent.scope_word is not None:
        return sent.scope_word
    if date is not None:
        return "period"
    return "cumulative"


def _increment(sent: Sentence, r: Reading) -> bool:
    """ "54 more casualties", "another 12 soldiers": the sentence's first count adds to an
    earlier one (a later "44 more" only means "others")."""
    text, n = sent.doc.text, r.number
    if any(m.start < n.start for m in sent.numbers):
        return False
    if lex()["increment_after"].match(text, n.end, min(sent.end, n.end + 16)):
        return True
    before = max(sent.start, n.start - 24)
    return lex()["increment_before"].search(text, before, n.start) is not None


def other_era(sent: Sentence, r: Reading) -> bool:
    """Whether the count's figure dates from before the conflict's start or an earlier war:
    an era word ("genocide") near it, or only years before the start near it."""
    doc = sent.doc
    if not sent.era_marks:
        return False
    window = doc.settings.era_window
    s, e = r.number.start - window, r.np_end + window
    near = [
        (at, year)
        for at, year in sent.era_marks
        if s <= at < e and not r.number.start <= at < r.number.end
    ]
    if any(year is None for _, year in near):
        return True
    profile = doc.gaz.profile
    start_year = (
        profile.start.year
        if profile
        else (doc.ref.year - doc.settings.era_years if doc.ref else None)
    )
    years = [year for _, year in near if year is not None]
    return start_year is not None and bool(years) and max(years) < start_year
