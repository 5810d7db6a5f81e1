"""Text -> claims table. Pure: no I/O.

The grammar, sentence by sentence:

1. find the counts (``numbers.find_numbers``) and the noun phrase after each;
2. decide what each count counts: an equipment name in its noun phrase, or a
   person noun together with a loss word next to it, on its right, shared with a
   coordinated count ("92 Azerbaijani and 40 Armenian civilians killed"), or
   governing the whole list it stands in ("Azerbaijan lost 6,674 troops, 600 ...");
3. find who claims it (a reporting frame in the sentence, else the frame carried
   from the sentence that opened a list or that this sentence continues, else
   the outlet), whose loss it is, and when.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

import pandas as pd

from . import actors, lexicon
from .dates import DateMention, find_dates, to_date
from .numbers import Number, find_numbers
from .schema import COLUMNS, EQUIPMENT, empty_claims, validate
from .text import normalize, paragraphs, sentences

__all__ = ["extract_claims", "UNIDENTIFIED_OUTLET"]

UNIDENTIFIED_OUTLET = "unidentified outlet"
_MAX_TEXT = 5_000_000  # characters; far above any article, a guard against runaway input
_MAX_SENTENCE = 1_200  # characters; longer runs are split (see _chunks)


# --------------------------------------------------------------------------- lexicon


@functools.cache
def _lex() -> dict:
    losses = lexicon.load("losses")
    equipment = lexicon.load("equipment")
    reporting = lexicon.load("reporting")
    documents = lexicon.load("documents")
    return {
        "people_loss": lexicon.PhraseMatcher(lexicon.labelled(losses["people"])),
        "equip_loss": lexicon.PhraseMatcher(lexicon.labelled(losses["equipment"])),
        "people_noun": lexicon.PhraseMatcher(lexicon.labelled(losses["people_nouns"])),
        "equipment": lexicon.PhraseMatcher(lexicon.labelled(equipment["categories"])),
        "merge": {frozenset(m[:2]): m[2] for m in equipment["merge"]},
        "civilian_context": lexicon.PhraseMatcher((w, "c") for w in losses["civilian_context"]),
        "verbs": lexicon.PhraseMatcher((w, "verb") for w in reporting["verbs"]),
        "preps": lexicon.PhraseMatcher((w, "prep") for w in reporting["prepositions"]),
        "continuations": re.compile(
            r"^(?:" + "|".join(sorted(map(_words, reporting["continuations"]), key=len,
                                      reverse=True)) + r")\b",
            re.IGNORECASE,
        ),
        "scope": [
            (label, lexicon.PhraseMatcher((w, label) for w in words))
            for label, words in reporting["scope"].items()
        ],
        "section_end": re.compile(
            r"^[ \t]*(?:" + "|".join(map(_words, documents["section_end"])) + r")\b.*$",
            re.IGNORECASE | re.MULTILINE,
        ),
        "bullet": re.compile(documents["bullet"]),
        "np_stop": re.compile(
            r"(?<![\w-])(?:" + "|".join(map(_words, documents["np_stop"])) + r")(?![\w-])",
            re.IGNORECASE),
        "gap_words": frozenset(w.lower() for w in documents["gap_words"]),
        "enemy": re.compile(r"\b(?:" + "|".join(map(_words, documents["enemy"])) + r")\b",
                            re.IGNORECASE),
        "nested_before": re.compile(
            r"\s*,?\s*(?:" + "|".join(map(_words, documents["nested"])) + r")\s*", re.IGNORECASE),
        "nested_after": re.compile(r"\s*(?:of\s+(?:which|whom|them|those))\b", re.IGNORECASE),
        "containers": re.compile(
            r"\b(?:" + "|".join(map(_words, documents["containers"])) + r")\s*$", re.IGNORECASE),
        "function_words": frozenset(w.lower() for w in documents["gap_words"]) | frozenset(
            w.lower() for w in documents["np_stop"]) | frozenset(
            w.lower() for w in documents["np_filler"]),
    }


def _words(phrase: object) -> str:
    return r"\s+".join(re.escape(w) for w in str(phrase).split())


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Frame:
    """Who claims the figures of a sentence, and from when."""

    claimant: str
    side: str
    country: str | None = None
    date: DateMention | None = None


@dataclass(frozen=True)
class Governor:
    """The loss word that ends a list's introduction ("the Armenian military has lost:")."""

    match: lexicon.Match
    people: bool
    owner: actors.Actor | None


@dataclass
class Reading:
    """What one count in a sentence says, before claimant and date are attached."""

    number: Number
    np_end: int
    category: str | None = None
    status: str | None = None
    population: str | None = None
    subject: actors.Actor | None = None
    kind: str | None = None  # "people" or "equipment"
    loss_at: int | None = None
    unknown_noun: bool = False
    enemy: bool = False  # "the enemy" names the claimant's opponent


# --------------------------------------------------------------------------- entry point


def extract_claims(
    text: str,
    *,
    doc_id: str = "text",
    published: str | dt.date | None = None,
    outlet: str | None = None,
) -> pd.DataFrame:
    """Every numeric loss claim in ``text``, as a validated claims table.

    ``text`` is normalised first (mojibake repair, dashes, quotes, spaces);
    ``char_start``/``char_end`` point into ``lossdata.text.normalize(text).text``,
    which for a seed is ``lossdata.read_document(doc_id)``. ``published`` (ISO date)
    is the reference for dates without a year and the fallback claim date;
    ``outlet`` is the claimant of figures stated in the document's own voice.

    >>> extract_claims("The ministry said 12 soldiers were killed.")["value"].tolist()
    [12]
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    if not isinstance(doc_id, str) or not doc_id:
        raise ValueError("doc_id must be a non-empty string")
    if len(text) > _MAX_TEXT:
        raise ValueError(f"text is {len(text):,} characters; split it below {_MAX_TEXT:,}")
    reference = to_date(published)
    norm = normalize(text).text
    own_voice = Frame(outlet or UNIDENTIFIED_OUTLET, "unattributed")
    rows = []
    for sec_start, sec_end in _sections(norm):
        sec_date = _section_date(norm, sec_start, sec_end) or reference
        rows.extend(_extract_section(norm, sec_start, sec_end, sec_date, own_voice, doc_id))
    if not rows:
        return validate(empty_claims())
    df = pd.DataFrame(rows, columns=COLUMNS)
    df = df.sort_values(["char_start", "category"], kind="stable").drop_duplicates("claim_id")
    return validate(df.reset_index(drop=True))


# --------------------------------------------------------------------------- document structure


def _sections(text: str) -> list[tuple[int, int]]:
    """An archive page's posts (each closed by a "Posted in ..." line), or the whole text."""
    out, pos = [], 0
    for m in _lex()["section_end"].finditer(text):
        out.append((pos, m.end()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _section_date(text: str, start: int, end: int) -> dt.date | None:
    """A post's own date: a full date (with its year) in the post's first lines."""
    head_end = min(end, start + 600)
    for d in find_dates(text, start, head_end):
        if d.has_year and not d.since:
            return d.date
    return None


@dataclass
class _Sentence:
    start: int
    end: int
    para: int  # index of the paragraph
    list_item: bool


def _sentences(text: str, start: int, end: int) -> Iterator[_Sentence]:
    bullet = _lex()["bullet"]
    for k, (ps, pe) in enumerate(paragraphs(text, start, end)):
        for line in re.finditer(r"[^\n]+", text[ps:pe]):
            ls, le = ps + line.start(), ps + line.end()
            m = bullet.match(text, ls, le)
            body = m.end() if m else ls
            for s, e in sentences(text, body, le):
                for cs, ce in _chunks(text, s, e):
                    yield _Sentence(cs, ce, k, m is not None)


def _chunks(text: str, s: int, e: int) -> Iterator[tuple[int, int]]:
    """Split a run-on "sentence" longer than any real one at white space, so the work per
    sentence stays bounded and the whole extraction linear in the length of the text."""
    while e - s > _MAX_SENTENCE:
        cut = text.rfind(" ", s + _MAX_SENTENCE // 2, s + _MAX_SENTENCE)
        cut = cut if cut > s else s + _MAX_SENTENCE
        yield s, cut
        s = cut
    yield s, e


# --------------------------------------------------------------------------- per section


def _extract_section(text: str, start: int, end: int, ref: dt.date | None, own_voice: Frame,
                     doc_id: str) -> Iterator[dict]:
    carried: Frame | None = None  # frame of the sentence that may govern the next ones
    list_frame: Frame | None = None
    governor: Governor | None = None
    para_dates: dict[int, list[DateMention]] = {}
    prev_para = -1
    for sent in _sentences(text, start, end):
        if sent.para != prev_para and not sent.list_item:
            carried = None if prev_para >= 0 and not _continues(text, sent) else carried
        prev_para = sent.para
        dates = find_dates(text, sent.start, sent.end, reference=ref)
        frame = _frame(text, sent.start, sent.end, dates)
        if sent.list_item:
            use = frame or list_frame or carried
        elif frame is not None:
            use = frame
        elif carried is not None and _continues(text, sent):
            use = carried
        else:
            use = None
        if not sent.list_item:
            list_frame = frame
            governor = _governor(text, sent.start, sent.end)
            carried = frame or use
        readings = _read_sentence(text, sent.start, sent.end,
                                  governor if sent.list_item else None)
        for r in readings:
            yield _row(text, sent, r, use or own_voice, dates, para_dates.get(sent.para, []),
                       ref, doc_id)
        para_dates.setdefault(sent.para, []).extend(d for d in dates if not d.since)


def _continues(text: str, sent: _Sentence) -> bool:
    return bool(_lex()["continuations"].match(text, sent.start, sent.end))


# --------------------------------------------------------------------------- what is counted


def _governor(text: str, start: int, end: int) -> Governor | None:
    """A sentence that introduces a list with a loss word and no count after it."""
    if not text[start:end].rstrip().endswith(":"):
        return None
    lex = _lex()
    hits = [(m, True) for m in lex["people_loss"].findall(text, start, end)] + [
        (m, False) for m in lex["equip_loss"].findall(text, start, end)]
    if not hits:
        return None
    m, people = max(hits, key=lambda h: (h[0].start, h[1]))
    if find_numbers(text, m.end, end):
        return None
    return Governor(m, people, _owner_before(text, max(start, m.start - 60), m.start))


def _read_sentence(text: str, start: int, end: int,
                   governor: Governor | None = None) -> list[Reading]:
    lex = _lex()
    numbers = [n for n in find_numbers(text, start, end) if not _embedded(text, start, n)]
    if not numbers:
        return []
    people_loss = lex["people_loss"].findall(text, start, end)
    equip_loss = lex["equip_loss"].findall(text, start, end)
    readings = []
    for i, n in enumerate(numbers):
        limit = numbers[i + 1].start if i + 1 < len(numbers) else end
        r = Reading(n, _noun_phrase_end(text, n.end, limit))
        _classify_noun(text, r)
        readings.append(r)
    # A count nested in the one before ("257 vehicles including 173 tanks", "64 of which")
    # is of the same kind and shares its loss word unless it has its own.
    nested = [i > 0 and _nested(text, readings[i - 1], r) for i, r in enumerate(readings)]
    for i, r in enumerate(readings):
        if nested[i]:
            prev = readings[i - 1]
            if r.kind is None:
                r.kind, r.category, r.population = prev.kind, prev.category, prev.population
            r.subject = r.subject or prev.subject
    chains = _chains(text, readings)
    used: set[int] = set()  # loss words a count took from its right: they govern no list
    for i, r in enumerate(readings):
        if r.unknown_noun:
            continue
        limit = readings[i + 1].number.start if i + 1 < len(readings) else end
        _find_loss(text, r, limit, people_loss, equip_loss)
        if r.loss_at is not None and r.loss_at > r.number.start:
            used.add(r.loss_at)
    for i, r in enumerate(readings):
        if nested[i] and r.loss_at is None and readings[i - 1].loss_at is not None:
            prev = readings[i - 1]
            r.status, r.loss_at = prev.status, prev.loss_at
            if r.kind == "people":
                r.category = prev.category
    _govern_lists(text, readings, chains, start, people_loss, equip_loss, used)
    if governor is not None:
        for r in readings:
            if r.loss_at is None and r.kind is not None:
                _take(r, governor.match, [governor.match] if governor.people else [])
                r.subject = r.subject or governor.owner
    # Coordinated counts share what their neighbour on the right says
    # ("92 Azerbaijani and 40 Armenian civilians killed").
    for i in range(len(readings) - 2, -1, -1):
        r, nxt = readings[i], readings[i + 1]
        if r.loss_at is not None or nxt.loss_at is None or not _coordinated(text, r, nxt):
            continue
        if r.kind is None and not r.unknown_noun:
            r.kind, r.population = nxt.kind, r.population or nxt.population
            r.category = nxt.category
        if r.kind == nxt.kind:
            if r.kind == "people":
                r.category = nxt.category
            r.status, r.loss_at = nxt.status, nxt.loss_at
    out = []
    for r in readings:
        if r.kind is None and not r.unknown_noun:
            _elided_noun(text, r, start, people_loss, equip_loss)
        if r.kind == "equipment" and r.category is None:
            _equipment_to_left(text, r, start)
        if r.unknown_noun and r.kind is None:
            continue  # "13 more settlements": a count of something the lexicon does not know
        if r.category is None or r.loss_at is None:
            continue
        out.append(r)
    for r in out:
        _subject(text, r, start, end, readings)
    return out


def _embedded(text: str, start: int, n: Number) -> bool:
    """A count inside a relative clause or an "among" phrase describes, it does not claim:
    "188 fighters, who were among more than 2,050 combatants, had been killed"."""
    before = text[max(start, n.start - 60):n.start]
    if re.search(r"\bamong\s+(?:the\s+)?(?:(?:more|fewer|less)\s+than\s+|some\s+|about\s+)?$",
                 before, re.IGNORECASE):
        return True
    m = re.search(r",\s*(?:who|which)\s+(?:were|was|are|is)\b[^,;]*$", before)
    return bool(m) and bool(re.match(r"[^,;]*,", text[n.end:n.end + 60]))


def _nested(text: str, prev: Reading, r: Reading) -> bool:
    gap = re.sub(r"\[\w{1,4}\]", "", text[prev.np_end:r.number.start])
    gap = _strip_qualifier_words(gap)
    if _lex()["nested_after"].match(text, r.number.end):
        return True
    return bool(_lex()["nested_before"].fullmatch(gap))


def _equipment_to_left(text: str, r: Reading, sent_start: int) -> None:
    before = _lex()["equipment"].findall(text, max(sent_start, r.number.start - 80),
                                         r.number.start)
    if before:
        r.category = before[-1].label
    else:
        r.kind = None


def _noun_phrase_end(text: str, pos: int, limit: int) -> int:
    """End of the noun phrase after a number: up to punctuation, a verb or a stop word."""
    lex = _lex()
    window_end = min(limit, pos + 80)
    m = re.search(r"[,;:.!?()\]\[]|\s[–—]\s", text[pos:window_end])
    stop = pos + m.start() if m else window_end
    # Reference marks ("[45]") are skipped, not stops, when a word follows them.
    s = lex["np_stop"].search(text, pos, stop)
    if s:
        stop = s.start()
    for matcher in (lex["people_loss"], lex["equip_loss"]):
        for hit in matcher.finditer(text, pos, stop):
            # A participle right after the noun ("servicemen killed") ends the phrase,
            # but not a word that is part of an equipment name ("fighter-bombers").
            if not _inside_equipment(text, hit.start, hit.end, pos, stop):
                stop = hit.start
                break
    return stop


def _inside_equipment(text: str, s: int, e: int, pos: int, stop: int) -> bool:
    return any(m.start <= s and e <= m.end for m in _lex()["equipment"].finditer(text, pos, stop))


def _classify_noun(text: str, r: Reading) -> None:
    lex = _lex()
    s, e = r.number.end, r.np_end
    if lex["containers"].search(text, s, e) and text[e:e + 3].lower() == "of ":
        # "14 different types of howitzers": the noun is after "of".
        r.np_end = e = _noun_phrase_end(text, e + 3, min(len(text), e + 80))
    equipment = lex["equipment"].findall(text, s, e)
    people = lex["people_noun"].findall(text, s, e)
    if equipment and (not people or equipment[0].start < people[0].start):
        cats = list(dict.fromkeys(m.label for m in equipment))
        cat = cats[0]
        if len(cats) > 1:
            cat = lex["merge"].get(frozenset(cats[:2]), cats[0])
        r.kind, r.category = "equipment", cat
    elif people:
        r.kind, r.population = "people", people[-1].label
        if r.population == "unknown":
            r.population = None
    else:
        r.unknown_noun = _has_unknown_word(text, s, e)


def _has_unknown_word(text: str, s: int, e: int) -> bool:
    """True when the phrase holds a content word that is neither a name nor a known noun."""
    known = _lex()["function_words"]
    names = [(m.start, m.end) for m in actors.subject_mentions(text, s, e)]
    names += [(m.start, m.end) for m in actors.place_mentions(text, s, e)]
    for w in re.finditer(r"[A-Za-z][\w'-]{2,}", text[s:e]):
        ws = s + w.start()
        if w.group().lower() in known or any(a <= ws < b for a, b in names):
            continue
        return True
    return False


def _chains(text: str, readings: list[Reading]) -> list[int]:
    """Chain id of each reading: counts of one list ("6,674 troops, 600 vehicles and 24
    planes") share a chain, so a loss word before the list governs all of it."""
    ids, cur = [], 0
    for i, r in enumerate(readings):
        if i and not _listed(text, readings[i - 1], r):
            cur += 1
        ids.append(cur)
    return ids


_LIST_GAP = re.compile(r"^[\s,;]*(?:(?:and|or|as well as|plus)\s+)?$", re.IGNORECASE)


def _listed(text: str, a: Reading, b: Reading) -> bool:
    gap = text[a.np_end:b.number.start]
    gap = re.sub(r"\[\w{1,4}\]", "", gap)
    gap = _strip_qualifier_words(gap)
    return bool(_LIST_GAP.match(gap))


def _coordinated(text: str, a: Reading, b: Reading) -> bool:
    gap = text[a.np_end:b.number.start]
    gap = _strip_qualifier_words(re.sub(r"\[\w{1,4}\]", "", gap))
    return bool(re.fullmatch(r"\s*,?\s*(?:(?:and|or)\s*)?", gap, re.IGNORECASE))


def _strip_qualifier_words(gap: str) -> str:
    words = _lex()["gap_words"]
    kept = [w for w in re.split(r"(\s+)", gap) if w.strip().lower() not in words]
    return "".join(kept)


def _gap_is_function_words(text: str, s: int, e: int) -> bool:
    gap = re.sub(r"\[\w{1,4}\]", " ", text[s:e])
    words = _lex()["gap_words"]
    return all(w.lower() in words for w in re.findall(r"[\w'-]+", gap)) and not re.search(
        r"[.;:,]", gap)


def _find_loss(text: str, r: Reading, limit: int, people_loss: list, equip_loss: list) -> None:
    """Attach the loss word that governs count ``r``: left-adjacent ("killing four"),
    else on its right before the next count or a clause break ("13 were wounded")."""
    n = r.number
    clause_end = _clause_end(text, r.np_end, limit)
    semi = text.find(";", r.np_end, clause_end)
    clause_end = semi if semi >= 0 else clause_end
    candidates = equip_loss if r.kind == "equipment" else people_loss
    if r.kind is None:
        candidates = people_loss + equip_loss
    left = [m for m in candidates if m.end <= n.start and
            _gap_is_function_words(text, m.end, n.start)]
    if left:
        _take(r, left[-1], people_loss)
        return
    right = [m for m in candidates if r.np_end <= m.start < clause_end]
    if right:
        _take(r, right[0], people_loss)


def _govern_lists(text: str, readings: list[Reading], chains: list[int], start: int,
                  people_loss: list, equip_loss: list, used: set[int]) -> None:
    """A loss word before a list governs every count of it that has none of its own,
    unless another count already took that word or a clause break stands between."""
    for chain in sorted(set(chains)):
        members = [r for r, c in zip(readings, chains, strict=True) if c == chain]
        region_end = members[0].number.start
        for r in members:
            if r.loss_at is not None or r.unknown_noun:
                continue
            pool = people_loss + equip_loss if r.kind is None else (
                equip_loss if r.kind == "equipment" else people_loss + [
                    m for m in equip_loss if m.label in ("lost", "captured")])
            before = [m for m in pool if m.end <= region_end and m.start not in used
                      and _clause_end(text, m.end, region_end) == region_end]
            if before:
                _take(r, max(before, key=lambda m: m.start), people_loss)


def _take(r: Reading, m: lexicon.Match, people_loss: list) -> None:
    is_people_word = m in people_loss
    r.loss_at = m.start
    if r.kind == "equipment":
        r.status = m.label if not is_people_word else None
        if r.status is None:
            r.status = {"captured": "captured"}.get(m.label, "lost")
    elif r.kind == "people":
        r.category = m.label if is_people_word else _people_from_equipment_word(m.label)
    else:
        if is_people_word:
            r.kind, r.category = "people", m.label
        else:
            r.kind, r.status = "equipment", m.label


def _people_from_equipment_word(label: str) -> str | None:
    # "Azerbaijan lost 6,674 troops": loss of people without a verb of killing.
    return {"lost": "killed", "captured": "captured", "destroyed": "killed"}.get(label)


_CLAUSE_BREAK = re.compile(
    r":|\s[–—]\s|,?\s+(?:while|whereas|but|although)\b|(?:,|\s+and)\s+(?!(?:including|during|according|following|regarding|morning|evening)\b)(?=\w+ing\b)|\.\s")


def _clause_end(text: str, pos: int, limit: int) -> int:
    m = _CLAUSE_BREAK.search(text, pos, limit)
    return m.start() if m else limit


def _elided_noun(text: str, r: Reading, sent_start: int, people_loss: list,
                 equip_loss: list) -> None:
    """A count without a noun ("downed four", "5,000 killed"): take the noun from the
    nearest equipment name to its left, or read the loss word as the noun."""
    lex = _lex()
    right = [m for m in people_loss if 0 <= m.start - r.number.end <= 12]
    if right:
        r.kind, r.category, r.loss_at = "people", right[0].label, right[0].start
        return
    before = lex["equipment"].findall(text, max(sent_start, r.number.start - 80), r.number.start)
    left_loss = [m for m in equip_loss if m.end <= r.number.start and
                 _gap_is_function_words(text, m.end, r.number.start)]
    if before and left_loss and not _after_text_is_noun(text, r.number.end):
        r.kind, r.category = "equipment", before[-1].label
        r.status, r.loss_at = left_loss[-1].label, left_loss[-1].start


def _after_text_is_noun(text: str, pos: int) -> bool:
    return bool(re.match(r"\s+[a-z]{3,}\b(?<!\bin)", text[pos:pos + 20])) and not re.match(
        r"\s+(?:in|on|at|of|and|or|with|during|over|since|by|for|from)\b", text[pos:pos + 20])


# --------------------------------------------------------------------------- whose loss


def _subject(text: str, r: Reading, start: int, end: int, readings: list[Reading]) -> None:
    if r.subject is not None:
        return
    lex = _lex()
    n = r.number
    np_text_end = r.np_end
    # (a) a demonym in the noun phrase, or a place right after it ("civilians in Ganja").
    for m in actors.subject_mentions(text, n.end, np_text_end):
        r.subject = m.actor
        break
    if r.subject is None:
        place_end = min(end, np_text_end + 40)
        tail = re.match(r"\s*(?:in|of|from|at)\s+(?:the\s+)?", text[np_text_end:place_end])
        if tail:
            places = actors.place_mentions(text, np_text_end + tail.end(), place_end)
            if places and places[0].start == np_text_end + tail.end():
                r.subject = places[0].actor
    # (b) "Azerbaijan lost ...", "the Armenian military has lost: ..."
    if r.subject is None:
        loss_verbs = [m for m in _lex()["equip_loss"].findall(text, start, n.start)
                      if m.label == "lost"]
        if loss_verbs:
            v = loss_verbs[-1]
            owner = _owner_before(text, max(start, v.start - 60), v.start)
            if owner is not None:
                r.subject = owner
    # (c) "the enemy"
    if r.subject is None and lex["enemy"].search(text, max(start, n.start - 40), np_text_end):
        r.enemy = True
    if r.subject is not None and r.subject.population:
        r.population = r.subject.population


def _owner_before(text: str, s: int, e: int) -> actors.Actor | None:
    """The actor whose loss a following "lost" reports: the nearest name before it."""
    found = actors.subject_mentions(text, s, e) + [
        replace(m, actor=actors.Actor(m.actor.country, m.actor.side, m.actor.country))
        for m in actors.actor_mentions(text, s, e)]
    found.sort(key=lambda m: m.end)
    if found and re.fullmatch(r"[\s\w']{0,40}", text[found[-1].end:e]):
        m = found[-1]
        return actors.Actor(m.actor.country, m.actor.side, m.actor.country, m.actor.population)
    return None


def _is_agent(text: str, pos: int) -> bool:
    m = re.match(r"[\s-]*([A-Za-z]+)", text[pos:pos + 30])
    return bool(m) and m.group(1).lower() in actors.agent_nouns()


def _resolve_subject(text: str, r: Reading, s: int, e: int, claimant: Frame) -> actors.Actor:
    """Subject when the noun phrase did not name it: the enemy of the claimant, the victim
    of a named attacker, the place hit, the claimant's own side, or the nearest name."""
    if r.subject is not None:
        return r.subject
    if r.enemy and actors.opponent(claimant.side):
        return _side_actor(actors.opponent(claimant.side))
    claimant_spans = [(m.start, m.end) for m in actors.actor_mentions(text, s, e)]
    agent_side = None
    for m in actors.subject_mentions(text, s, e):
        if _is_agent(text, m.end) or re.search(r"\bby\s+(?:the\s+)?$", text[max(s, m.start - 8):
                                                                          m.start]):
            agent_side = m.actor.side
    places = actors.place_mentions(text, s, e)
    if r.kind == "people" and places:
        return places[0].actor
    if agent_side and actors.opponent(agent_side):
        return _side_actor(actors.opponent(agent_side))
    if r.kind == "equipment" and actors.opponent(claimant.side):
        return _side_actor(actors.opponent(claimant.side))
    if r.kind == "people" and claimant.country and claimant.side in actors.SIDES_AT_WAR:
        return actors.Actor(claimant.country, claimant.side, claimant.country)
    best = None
    for m in actors.subject_mentions(text, s, e):
        if any(cs <= m.start < ce for cs, ce in claimant_spans) or _is_agent(text, m.end):
            continue
        if best is None or abs(m.start - r.number.start) < abs(best.start - r.number.start):
            best = m
    if best is not None:
        return best.actor
    return actors.Actor("unknown", "unknown", "unknown")


def _side_actor(side: str | None) -> actors.Actor:
    name = {"armenia": "Armenia", "azerbaijan": "Azerbaijan"}.get(side or "", "unknown")
    return actors.Actor(name, side or "unknown", name)


# --------------------------------------------------------------------------- who claims


def _frame(text: str, s: int, e: int, dates: list[DateMention]) -> Frame | None:
    """The reporting frame of a sentence: "according to X", "per X", "(X)", "X said"."""
    lex = _lex()
    mentions = actors.actor_mentions(text, s, e)
    if not mentions:
        return None
    for p in lex["preps"].finditer(text, s, e):
        after = [m for m in mentions if 0 <= m.start - p.end <= 24 and
                 re.fullmatch(r"\s*(?:the\s+)?(?:[\w'-]+\s+){0,2}?", text[p.end:m.start])]
        if after:
            return _frame_of(after[0], dates)
    for m in mentions:
        if text[m.start - 1:m.start] == "(" and text[m.end:m.end + 1] == ")":
            return _frame_of(m, dates)
    verbs = lex["verbs"].findall(text, s, e)
    for v in verbs:
        before = [m for m in mentions if m.end <= v.start and v.start - m.end <= 60
                  and not re.search(r"[.;]", text[m.end:v.start])]
        if before:
            return _frame_of(before[-1], dates)
    for v in verbs:  # "..., the ministry said."
        after = [m for m in mentions if 0 <= m.start - v.end <= 4]
        if after:
            return _frame_of(after[0], dates)
    # A tweet signed "— Name (@handle) November 4, 2020".
    sig = re.search(r"—\s*([^()\n]{2,60}?)\s*\((@\w+)\)", text[s:e])
    if sig:
        for m in mentions:
            if s + sig.start() <= m.start < s + sig.end():
                return _frame_of(m, dates)
    return None


def _frame_of(m: actors.Mention, dates: list[DateMention]) -> Frame:
    near = [d for d in dates if not d.since]
    date = min(near, key=lambda d: abs(d.start - m.start)) if near else None
    return Frame(m.actor.name, m.actor.side, m.actor.country, date)


# --------------------------------------------------------------------------- when, and the row


def _claim_date(r: Reading, frame: Frame, dates: list[DateMention],
                para_dates: list[DateMention], ref: dt.date | None
                ) -> tuple[dt.date | None, str, DateMention | None]:
    usable = [d for d in dates if not d.since]
    before = [d for d in usable if d.end <= r.number.start]
    if before:
        return before[-1].date, "text", before[-1]
    if usable:
        return usable[0].date, "text", usable[0]
    if frame.date is not None:
        return frame.date.date, "text", frame.date
    if para_dates:
        return para_dates[-1].date, "text", para_dates[-1]
    if ref is not None:
        return ref, "document", None
    return None, "unknown", None


def _scope(text: str, s: int, e: int, date: DateMention | None) -> str:
    if date is not None and date.as_of:
        return "cumulative"
    for label, matcher in _lex()["scope"]:
        if matcher.pattern.search(text, s, e):
            return label
    if date is not None:
        return "period"
    return "unknown"


def _row(text: str, sent: _Sentence, r: Reading, frame: Frame, dates: list[DateMention],
         para_dates: list[DateMention], ref: dt.date | None, doc_id: str) -> dict:
    n = r.number
    subject = _resolve_subject(text, r, sent.start, sent.end, frame)
    population = r.population
    if population is None:
        population = subject.population
    if population is None:
        context = _lex()["civilian_context"].pattern.search(text, sent.start, sent.end)
        population = "civilian" if context else "unknown"
    if r.kind == "equipment":
        population = "military"
    claim_date, basis, used = _claim_date(r, frame, dates, para_dates, ref)
    category = r.category
    status = r.status if category in EQUIPMENT else None
    key = f"{doc_id}|{n.start}|{n.end}|{category}"
    return {
        "claim_id": f"{doc_id}-{n.start}-{category}-"
                    f"{hashlib.sha1(key.encode()).hexdigest()[:6]}",
        "doc_id": doc_id,
        "char_start": n.start,
        "char_end": n.end,
        "quote": text[sent.start:sent.end],
        "value_text": n.text,
        "value": n.value,
        "value_low": n.low,
        "value_high": n.high,
        "qualifier": n.qualifier,
        "category": category,
        "status": status,
        "subject": subject.name,
        "subject_side": subject.side,
        "population": population,
        "claimant": frame.claimant,
        "claimant_side": frame.side,
        "claim_date": pd.Timestamp(claim_date) if claim_date else pd.NaT,
        "date_basis": basis,
        "scope": _scope(text, sent.start, sent.end, used),
    }
