"""Text -> claims. Pure: no I/O.

The pipeline, sentence by sentence (each part answers one question):

- ``structure``: posts, paragraphs, sentences, list items, headings and table rows;
- ``counts``: what each number counts (category, status, population);
- ``claimants``: who says so, by a sieve of reporting frames and a register of the
  claimants named earlier in the document;
- ``subjects``: whose loss;
- ``when``: the claim's date and scope, and figures of another era.

``iter_claims`` yields ``Claim`` records; ``extract_claims`` builds the validated table.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import hashlib
import operator
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields, replace

import pandas as pd

from ..actors import Actor, Mention, conflict_evidence, gazetteer
from ..conflicts import UNKNOWN, choose_conflict, covering, get_profile
from ..dates import DateMention, find_dates, to_date, weekday_years
from ..schema import COLUMNS, EQUIPMENT, empty_claims, split_valid, validate
from ..settings import SETTINGS, Settings
from ..text import normalize
from ._lex import lex
from .claimants import Frame, Register, author_frame, find_frame
from .counts import Reading, governor, read_sentence
from .scan import scanner
from .structure import Doc, Sentence, document_sentences, section_date, sections
from .subjects import find_subject, resolve_subject
from .when import claim_date, other_era, scope

__all__ = ["UNIDENTIFIED_OUTLET", "Claim", "extract_claims", "iter_claims"]

UNIDENTIFIED_OUTLET = "unidentified outlet"


@dataclass(frozen=True)
class Claim:
    """One numeric loss claim: a row of the claims table (see ``lossdata.schema``)."""

    claim_id: str
    doc_id: str
    char_start: int
    char_end: int
    quote: str
    value_text: str
    value: int
    value_low: int | None
    value_high: int | None
    qualifier: str
    category: str
    status: str | None
    subject: str
    subject_side: str
    population: str
    claimant: str
    claimant_side: str
    conflict: str
    claim_date: dt.date | None
    date_basis: str
    scope: str
    claimant_basis: str


CLAIM_FIELDS = [f.name for f in fields(Claim)]
_as_row = operator.attrgetter(*CLAIM_FIELDS)
assert CLAIM_FIELDS == COLUMNS, "Claim and the schema must list the same columns"


def iter_claims(
    text: str,
    *,
    doc_id: str = "text",
    published: str | dt.date | None = None,
    outlet: str | None = None,
    conflict: str | None = None,
    settings: Settings = SETTINGS,
) -> Iterator[Claim]:
    """The loss claims of ``text``, in document order, as ``Claim`` records (unvalidated).

    ``conflict``: a profile id (``lossdata.list_conflicts()``), ``"unknown"``, or None to
    detect it from the actors and places the text names and the document's date.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    if not isinstance(doc_id, str) or not doc_id:
        raise ValueError("doc_id must be a non-empty string")
    if len(text) > settings.max_text:
        raise ValueError(f"text is {len(text):,} characters; split it below {settings.max_text:,}")
    reference = to_date(published)
    norm = normalize(text).text
    if conflict is not None:
        get_profile(conflict)  # a clear error for an unknown id
    candidates = covering(reference) if conflict is None else (conflict,)
    doc = Doc(norm, None, reference, settings, scanner=scanner(candidates))
    parts = [(s, e, list(document_sentences(doc, s, e))) for s, e in sections(norm)]
    if conflict is None:
        # The sentences' one pass found every candidate's actors: count them there.
        sents = [sent for _, _, part in parts for sent in part]
        conflict = choose_conflict(
            {c: conflict_evidence(c, _mentions(sents, c)) for c in candidates}
        )
    doc.gaz = gazetteer(conflict)
    doc.year_of = _year_reference(norm, reference, conflict)
    own_voice = Frame(outlet or UNIDENTIFIED_OUTLET, "unattributed", basis="outlet")
    author = author_frame(doc, outlet, own_voice)
    seen: set[str] = set()
    for sec_start, sec_end, sents in parts:
        sec_ref = section_date(doc, sec_start, sec_end) or reference
        claims = list(_section(doc, sents, sec_ref, author, doc_id, conflict))
        for claim in _restated_headlines(claims, doc, sec_start):
            if claim.claim_id not in seen:
                seen.add(claim.claim_id)
                yield claim


def _restated_headlines(claims: list[Claim], doc: Doc, start: int) -> list[Claim]:
    """A headline in the outlet's voice that restates a figure of the body takes the body
    row's claimant and category ("Russia lost 14 tanks" over "the General Staff said that
    14 Russian tanks were destroyed"); one with a claimant of its own, the category of
    people counted."""
    limit = _line_end(doc.text, start, doc.settings.headline_lines)
    out = []
    for c in claims:
        line_start = doc.text.rfind("\n", 0, c.char_start) + 1
        line_end = doc.text.find("\n", c.char_start)
        line_end = len(doc.text) if line_end < 0 else line_end
        short = line_end - line_start <= doc.settings.headline_length  # a headline, no lede
        if c.char_start < limit and short and c.claimant_basis in ("outlet", "author"):
            body = [
                b
                for b in claims
                if b.char_start >= limit
                and b.value == c.value
                and (b.category in EQUIPMENT) == (c.category in EQUIPMENT)
                and b.claimant_basis not in ("outlet", "author")
            ]
            if body:
                b = body[0]
                c = replace(
                    c,
                    claimant=b.claimant,
                    claimant_side=b.claimant_side,
                    category=b.category,
                    claimant_basis="headline",
                )
                if c.category not in EQUIPMENT:
                    c = replace(c, status=None)
        elif c.char_start < limit and short and c.category not in EQUIPMENT:
            # A headline with a claimant of its own still counts what the body says it
            # counts ("reports 54 more casualties" over "... bringing the death toll").
            body = [
                b
                for b in claims
                if b.char_start >= limit and b.value == c.value and b.category not in EQUIPMENT
            ]
            if body and body[0].category != c.category:
                c = replace(c, category=body[0].category)
        out.append(c)
    return out


def _line_end(text: str, start: int, lines: int) -> int:
    """The end of the first ``lines`` non-empty lines after ``start``."""
    pos, seen = start, 0
    while seen < lines:
        nxt = text.find("\n", pos)
        if nxt < 0:
            return len(text)
        if text[pos:nxt].strip():
            seen += 1
        pos = nxt + 1
    return pos


def extract_claims(
    text: str,
    *,
    doc_id: str = "text",
    published: str | dt.date | None = None,
    outlet: str | None = None,
    conflict: str | None = None,
) -> pd.DataFrame:
    """Every numeric loss claim in ``text``, as a validated claims table.

    ``text`` is normalised first (mojibake repair, dashes, quotes, spaces);
    ``char_start``/``char_end`` point into ``lossdata.text.normalize(text).text``,
    which for a seed is ``lossdata.read_document(doc_id)``. ``published`` (ISO date)
    is the reference for dates without a year and the fallback claim date;
    ``outlet`` is the claimant of figures stated in the document's own voice;
    ``conflict`` a profile id, or None to detect it.

    >>> extract_claims("The ministry said 12 soldiers were killed.")["value"].tolist()
    [12]
    """
    with paused_gc():
        claims = list(
            iter_claims(text, doc_id=doc_id, published=published, outlet=outlet, conflict=conflict)
        )
    return claims_frame(claims)


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Python's cyclic garbage collector paused while one document is read.

    The grammar makes many small objects and no reference cycles to speak of, yet the
    collector, triggered by allocations, walks every live object again and again: a
    third of the time on long texts. Paused for one call that runs to its end (never
    across a ``yield`` to the caller), and restarted as it was, whatever happens.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def claims_frame(claims: Iterable[Claim]) -> pd.DataFrame:
    """A validated claims table from ``Claim`` records (a batch is validated once)."""
    rows = [_as_row(c) for c in claims]  # attrgetter: dataclasses.astuple deep-copies
    if not rows:
        return _empty().copy()
    df = pd.DataFrame(rows, columns=COLUMNS)
    df["claim_date"] = pd.to_datetime(df["claim_date"])
    df = df.sort_values(["doc_id", "char_start", "category"], kind="stable")
    df = df.reset_index(drop=True)
    valid, dropped = split_valid(df)
    for label, why in dropped.items():
        row = df.loc[label]
        warnings.warn(
            f"{row['doc_id']}: dropped the figure {row['value_text']!r} at {row['char_start']} "
            f"that breaks the contract ({why})",
            stacklevel=2,
        )
    return valid.reset_index(drop=True)


def _year_reference(text: str, reference: dt.date | None, conflict: str) -> dt.date | None:
    """For an undated document, what dates without a year are read against: its latest
    date written with a year, else the one year of the conflict's span in which its
    "Monday, 3 May"s fall on those weekdays; None when neither tells."""
    if reference is not None:
        return None
    full = [d.date for d in find_dates(text) if d.has_year and not d.since]
    if full:
        return max(full)
    profile = get_profile(conflict)
    if profile is None:
        return None
    years = weekday_years(text, profile.start, profile.end)
    return dt.date(years[0], 1, 1) if len(years) == 1 else None


@functools.cache
def _empty() -> pd.DataFrame:
    return validate(empty_claims())


# --------------------------------------------------------------------------- one section


def _mentions(sents: list[Sentence], conflict: str) -> Iterator[Mention]:
    for sent in sents:
        for mentions in sent.actors(conflict):
            yield from mentions


def _section(
    doc: Doc,
    sents: list[Sentence],
    ref: dt.date | None,
    author: Frame,
    doc_id: str,
    conflict: str,
) -> Iterator[Claim]:
    register = Register()
    carried: Frame | None = None  # frame of the sentence that may govern the next ones
    headline: Frame | None = None  # a frame in the document's first lines
    headline_values: set[int] = set()  # the figures it states: a restatement takes its frame
    list_frame: Frame | None = None
    heading_frames: dict[str, Frame] = {}
    gov = None
    para_dates: dict[int, list[DateMention]] = {}
    last_subject: dict[int, Actor] = {}  # the subject of each paragraph's latest claim
    prev_para = -1
    for sent in sents:
        if sent.para != prev_para and not sent.list_item:
            carried = None if prev_para >= 0 and not _continues(sent) else carried
        prev_para = sent.para
        frame = find_frame(sent, register)
        for m in sent.claimants:
            register.add(m.start, m.actor)
        if frame is not None:
            register.spoke(sent.start, frame)
        if frame is not None and sent.line <= doc.settings.headline_lines and headline is None:
            headline = frame
            headline_values = {n.value for n in sent.numbers}
        heading = _heading_frame(doc, sent, heading_frames) if frame is None else None
        if frame is not None:
            use = frame
        elif sent.list_item and list_frame is not None:
            use = list_frame
        elif heading is not None:
            use = heading
        elif carried is not None and (sent.list_item or _continues(sent)):
            use = replace(carried, basis="continuation")  # "It added", a list's next item
        else:
            use = None
        if not sent.list_item:
            list_frame = frame
            gov = governor(sent)
            carried = frame or (use if use is not None and use.basis != "section" else None)
        readings = read_sentence(sent, gov if sent.list_item else None)
        for r in readings:
            find_subject(sent, r)
            if r.subject is None and r.parent is not None and r.parent.subject is not None:
                r.subject, r.subject_basis = r.parent.subject, r.parent.subject_basis
            if other_era(sent, r):
                continue
            said = use
            if said is None and headline is not None and r.number.value in headline_values:
                said = replace(headline, basis="headline")
            said = said or author
            subject = resolve_subject(sent, r, said, last_subject.get(sent.para))
            if subject[0].side != "unknown":
                last_subject[sent.para] = subject[0]
            yield _claim(
                sent,
                r,
                said,
                subject,
                para_dates.get(sent.para, []),
                ref,
                doc_id,
                conflict,
                register.practice("personnel"),
            )
        para_dates.setdefault(sent.para, []).extend(d for d in sent.dates if not d.since)
        sent.release()


def _continues(sent: Sentence) -> bool:
    return bool(lex()["continuations"].match(sent.doc.text, sent.start, sent.end))


def _heading_frame(doc: Doc, sent: Sentence, cache: dict[str, Frame | None]) -> Frame | None:
    """The claimant a section heading names ("Per Armenian sources:", "Azerbaijani claim:")."""
    heading = sent.heading
    if not heading:
        return None
    if heading not in cache:
        cache[heading] = None
        found = doc.gaz.claimants(heading)
        subjects = doc.gaz.subjects(heading)
        if found:
            a = found[-1].actor
            cache[heading] = Frame(a.name, a.side, a.country, None, "section", a.practice)
        elif subjects and lex()["heading_claim"].search(heading):
            a = subjects[-1].actor
            gov = doc.gaz.government(a.side)
            if gov is not None:
                cache[heading] = Frame(gov.name, gov.side, a.country, None, "section")
    return cache[heading]


def _category(sent: Sentence, r: Reading, frame: Frame, tally: str | None) -> str:
    """The contract's personnel conventions for a figure of people "lost" (not said killed):
    ``killed_or_wounded`` when the sentence breaks it down into killed and wounded, or when
    the claimant's practice counts both (``tally``: the practice of a claimant the document
    names, for a figure it restates in its own voice); else ``killed``."""
    if r.kind != "people" or r.category != "killed":
        return r.category or ""
    if (r.loss_word or "") in lex()["death_words"]:
        return "killed"
    if any(m.label == "wounded" for m in sent.people_loss):
        return "killed_or_wounded"  # "losses of 75 (20 killed, 55 injured)"
    practice = dict(frame.practice).get("personnel")
    if practice is None and frame.side == "unattributed":
        practice = tally
    return practice or "killed"


def _population(sent: Sentence, r: Reading, resolved: tuple[Actor, str], conflict: str) -> str:
    """Who the people counted were: what the noun phrase or the subject says, else the
    likeliest reading of what the sentence does say."""
    subject, basis = resolved
    population = r.population or subject.population
    if population is not None:
        return population
    if r.category == "displaced":
        return "civilian"  # the people a war displaces are its civilians
    if basis == "both_sides":
        return "mixed"
    if sent.civilian_context or basis == "place":
        return "civilian"  # "people killed in Ganja", "the shelling of homes"
    if conflict == UNKNOWN:
        return "mixed"  # a war's toll with no sides to tell fighters from civilians
    if r.vague_noun:
        return "civilian"  # "19 people died", "24 victims"
    if subject.side in sent.doc.gaz.side_ids:
        return "military"  # a belligerent's "losses", "casualties", "1,280 killed"
    return "unknown"


def _claim(
    sent: Sentence,
    r: Reading,
    frame: Frame,
    resolved: tuple[Actor, str],
    para_dates: list[DateMention],
    ref: dt.date | None,
    doc_id: str,
    conflict: str,
    tally: str | None = None,
) -> Claim:
    n = r.number
    subject, subject_basis = resolved
    population = "military" if r.kind == "equipment" else _population(sent, r, resolved, conflict)
    date, basis, used = claim_date(sent.doc.text, r, frame, sent.dates, para_dates, ref)
    category = _category(sent, r, frame, tally)
    status = r.status if category in EQUIPMENT else None
    key = f"{doc_id}|{n.start}|{n.end}|{category}"
    subject_side = subject.side if subject.side != "unattributed" else "unknown"
    if conflict == UNKNOWN and subject_side != "unknown":
        subject_side = "unknown"  # a war with no profile has no sides to give
    return Claim(
        claim_id=f"{doc_id}-{n.start}-{category}-{hashlib.sha1(key.encode()).hexdigest()[:6]}",
        doc_id=doc_id,
        char_start=n.start,
        char_end=n.end,
        quote=sent.text,
        value_text=n.text,
        value=n.value,
        value_low=n.low,
        value_high=n.high,
        qualifier=n.qualifier,
        category=category,
        status=status,
        subject=subject.name,
        subject_side=subject_side,
        population=population,
        claimant=frame.claimant,
        claimant_side=frame.side,
        conflict=conflict,
        claim_date=date,
        date_basis=basis,
        scope=scope(sent, used, r),
        claimant_basis=frame.basis,
    )
