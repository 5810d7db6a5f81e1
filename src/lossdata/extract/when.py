"""When: the claim's date from its sentence or paragraph, its scope, and whether the
figure belongs to another era than the conflict's (a year before its start, a named
earlier war)."""

from __future__ import annotations

import datetime as dt
import re

from ..dates import DateMention
from ._lex import lex
from .claimants import Frame
from .counts import Reading
from .structure import Sentence

__all__ = ["claim_date", "other_era", "scope"]

# Frames whose date is the day the claim was made ("X said on Monday").
_SAID_ON = frozenset({"verb_subject", "verb_object", "open_verb_subject", "open_verb_object"})

_YEAR = re.compile(r"(?<![\w.,/-])(1[89]\d\d|20\d\d)(?![\w/-])")


def claim_date(
    text: str,
    r: Reading,
    frame: Frame,
    dates: list[DateMention],
    para_dates: list[DateMention],
    ref: dt.date | None,
) -> tuple[dt.date | None, str, DateMention | None]:
    """(date, basis, the mention used): the sentence's date before the count, else any in
    the sentence, the frame's, the paragraph's, the document's."""
    usable = [d for d in dates if not d.since]
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


def scope(sent: Sentence, date: DateMention | None) -> str:
    """cumulative, period, incident or unknown, from the sentence's wording."""
    if date is not None and date.as_of:
        return "cumulative"
    if sent.scope_word is not None:
        return sent.scope_word
    if date is not None:
        return "period"
    return "unknown"


def other_era(sent: Sentence, r: Reading) -> bool:
    """Whether the count's figure dates from before the conflict's start or an earlier war."""
    doc = sent.doc
    text, window = doc.text, doc.settings.era_window
    s, e = max(sent.start, r.number.start - window), min(sent.end, r.np_end + window)
    if lex()["other_era"].search(text, s, e):
        return True
    profile = doc.gaz.profile
    start_year = (
        profile.start.year
        if profile
        else (doc.ref.year - doc.settings.era_years if doc.ref else None)
    )
    if start_year is None:
        return False
    years = [
        int(m.group(1))
        for m in _YEAR.finditer(text, s, e)
        if not r.number.start <= m.start() < r.number.end
    ]
    years += [d.date.year for d in sent.dates if d.has_year and s <= d.start < e]
    return bool(years) and max(years) < start_year
