"""What is counted: the noun phrase after each number and the category, status and
population it gives, with the loss word that governs it (``losses``), in order.

Each function reads one sentence (a ``Sentence``, indexed once) and returns
``Reading`` records; who claims them and whose loss they are is decided later.
"""

from __future__ import annotations

import re

from ..numbers import Number
from ._lex import lex, windowed
from .losses import (
    elided_noun,
    find_loss,
    govern_lists,
    noun_first,
    people_from_equipment_word,
    take,
)
from .reading import Governor, Reading
from .sharing import DISTINCT_POPULATIONS, shared_loss, shared_population, toll_increments
from .structure import Sentence, between

__all__ = ["Governor", "Reading", "governor", "read_sentence"]


_REF_MARK = re.compile(r"\[\w{1,4}\]")


def governor(sent: Sentence) -> Governor | None:
    """A sentence that introduces a list with a loss word and no count after it."""
    text = sent.doc.text
    if not text[sent.start : sent.end].rstrip().endswith(":"):
        return None
    hits = [(m, True) for m in sent.people_loss] + [(m, False) for m in sent.equip_loss]
    if not hits:
        return None
    m, people = max(hits, key=lambda h: (h[0].start, h[1]))
    if any(n.start >= m.end for n in sent.numbers):
        return None
    from .subjects import owner_before

    window = sent.doc.settings.owner_before_loss
    return Governor(m, people, owner_before(sent, max(sent.start, m.start - window), m.start))


def read_sentence(sent: Sentence, gov: Governor | None = None) -> list[Reading]:
    """The loss counts of one sentence, with what each counts."""
    text = sent.doc.text
    numbers = [
        n
        for n in _out_of_bare_runs(text, sent.numbers)
        if not _embedded(sent, n) and not _not_a_count(sent, n)
    ]
    if not numbers:
        return []
    readings = []
    for i, n in enumerate(numbers):
        limit = numbers[i + 1].start if i + 1 < len(numbers) else sent.end
        r = Reading(n, _noun_phrase_end(sent, n.end, limit))
        _classify_noun(sent, r)
        readings.append(r)
    # A count nested in the one before ("257 vehicles including 173 tanks", "64 of which")
    # is of the same kind and shares its loss word unless it has its own.
    nested = [i > 0 and _nested(sent, readings[i - 1], r) for i, r in enumerate(readings)]
    for i, r in enumerate(readings):
        if nested[i]:
            prev = r.parent = readings[i - 1]
            if r.kind is None:
                r.kind, r.category, r.population = prev.kind, prev.category, prev.population
            r.subject = r.subject or prev.subject
    chains = _chains(sent, readings)
    for i, r in enumerate(readings):  # "including 4 aircraft, 17 drones": parts of one total
        if i and r.parent is None and chains[i] == chains[i - 1] and readings[i - 1].parent:
            r.parent = readings[i - 1].parent
    used: set[int] = set()  # loss words a count took from its right: they govern no list
    for i, r in enumerate(readings):
        if r.unknown_noun:
            continue
        limit = readings[i + 1].number.start if i + 1 < len(readings) else sent.end
        find_loss(sent, r, limit)
        if r.loss_at is not None and r.loss_at > r.number.start:
            used.add(r.loss_at)
    for r in readings:  # a part shares its total's loss word unless it has its own
        prev = r.parent
        if prev is not None and r.loss_at is None and prev.loss_at is not None:
            r.status, r.loss_at, r.loss_word = prev.status, prev.loss_at, prev.loss_word
            if r.kind == "people":
                r.category = prev.category
    govern_lists(sent, readings, chains, used)
    if gov is not None:
        for r in readings:
            if r.loss_at is None and r.kind is not None:
                take(r, gov.match, gov.people)
                r.subject = r.subject or gov.owner
    # Coordinated counts share what their neighbour on the right says
    # ("30 Azerbaijani and 25 Armenian civilians killed").
    # A loss word after a whole list governs it ("90 drones, 12 helicopters ... lost by
    # the enemy", "12 soldiers, 3 launchers and 4 guns were destroyed").
    for i in range(len(readings) - 2, -1, -1):
        r, nxt = readings[i], readings[i + 1]
        if r.loss_at is not None or nxt.loss_at is None or nxt.loss_at < nxt.number.start:
            continue
        if r.parent is not nxt.parent:
            continue  # "including 12 children, 5 women, and 40 were injured"
        if not (_coordinated(text, r, nxt) or _listed(text, r, nxt)):
            continue
        if r.kind is None and not r.unknown_noun:
            r.kind, r.population = nxt.kind, r.population or nxt.population
            r.category = nxt.category
        if r.kind == nxt.kind:
            if r.kind == "people":
                r.category = nxt.category
            r.status, r.loss_at, r.loss_word = nxt.status, nxt.loss_at, nxt.loss_word
        elif r.kind == "people" and nxt.kind == "equipment" and nxt.status == "destroyed":
            r.category = people_from_equipment_word(nxt.status)
            r.loss_at, r.loss_word = nxt.loss_at, nxt.loss_word
    # A total takes the loss word its parts share ("70 civilians, including 15 children,
    # were killed").
    parts_of: dict[int, list[Reading]] = {}
    for c in readings:
        if c.parent is not None and c.loss_at is not None and c.loss_at > c.number.start:
            parts_of.setdefault(id(c.parent), []).append(c)
    for r in readings:
        if r.loss_at is None and not r.unknown_noun:
            parts = parts_of.get(id(r), [])
            if parts and (r.kind is None or r.kind == parts[-1].kind):
                c = parts[-1]
                r.kind = r.kind or c.kind
                r.category = r.category if r.kind == "equipment" else c.category
                r.status, r.loss_at, r.loss_word = c.status, c.loss_at, c.loss_word
    shared_loss(sent, readings)
    toll_increments(sent, readings)
    shared_population(sent, readings, chains)
    out = []
    prev_end = sent.start
    prev: Reading | None = None
    for r in readings:
        if r.kind is None and not r.unknown_noun:
            elided_noun(sent, r)
        if r.loss_at is None and (r.kind is None or r.np_end <= r.number.end + 1):
            noun_first(sent, r, prev_end)
            if r.loss_at is None and prev is not None and prev.loss_at is not None:
                _revised(sent, prev, r)
        prev_end = r.np_end
        prev = r
        if r.kind == "equipment" and r.category is None:
            _equipment_to_left(sent, r)
        if r.unknown_noun and r.kind is None:
            continue  # "13 more settlements": a count of something the lexicon does not know
        if r.category is None or r.loss_at is None:
            continue
        out.append(r)
    sent.counted = [(r.number.start, r.np_end) for r in readings]
    return out


def _out_of_bare_runs(text: str, numbers: list[Number]) -> list[Number]:
    """The numbers less those inside a run of bare figures ("1 2 3 4 ..."): with nothing
    but spaces between them, they are a table's columns or a serial, not a list of counts
    (a list names what it counts or joins its items: "3 tanks, 4 drones", "3, 5 and 7");
    only the run's last figure, next to whatever follows, can be a count."""
    bare = [
        i + 1 < len(numbers) and not text[n.end : numbers[i + 1].start].strip()
        for i, n in enumerate(numbers)
    ]
    out = []
    for i, n in enumerate(numbers):
        inside = bare[i] and i > 0 and bare[i - 1]  # a bare gap on both sides
        if not inside:
            out.append(n)
    return out


def _revised(sent: Sentence, prev: Reading, r: Reading) -> None:
    """A figure that revises the one before it ("rose from 12 to 17 and then to 23")
    counts what that one counts."""
    if prev.loss_at > prev.number.start or prev.np_end > prev.number.end + 1:
        return  # the figure before named its own noun or loss after it
    text = sent.doc.text
    gap = lex()["linker_tail"].search(text, prev.number.end, r.number.start)
    if gap is None or text[prev.number.end : gap.start()].strip(" ,"):
        return
    r.kind, r.category, r.status = prev.kind, prev.category, prev.status
    r.population, r.subject, r.subject_basis = prev.population, prev.subject, prev.subject_basis
    r.loss_at, r.loss_word = prev.loss_at, prev.loss_word


def _embedded(sent: Sentence, n: Number) -> bool:
    """A count inside a relative clause or an "among" phrase describes, it does not claim:
    "40 of the volunteers, who were among over 900 recruits, had been killed"."""
    text, st = sent.doc.text, sent.doc.settings
    before = text[max(sent.start, n.start - st.embedded_before) : n.start]
    if not _LETTER.search(before):
        return False  # bare figures before it: no clause to describe with
    if lex()["describing"].search(before):
        return True
    m = lex()["relative_clause"].search(before)
    return bool(m) and bool(re.match(r"[^,;]*,", text[n.end : n.end + st.embedded_after]))


def _not_a_count(sent: Sentence, n: Number) -> bool:
    """Counts of attacks, strikes, incidents; error margins ("±10", "may vary by 20");
    "one" as a pronoun ("a second one", "the other one")."""
    text = sent.doc.text
    if n.text.lower() == "one":
        before = _LAST_WORD.search(text, max(sent.start, n.start - 16), n.start)
        if before and before.group(1).lower() in lex()["pronoun_one_after"]:
            return True
        after = _FIRST_WORD.match(text, n.end, min(sent.end, n.end + 16))
        if after and after.group(1).lower() in lex()["pronoun_one_before"]:
            return True
    if lex()["margin"].search(
        text[max(sent.start, n.start - sent.doc.settings.margin_before) : n.start]
    ):
        return True
    return n.value > sent.doc.settings.max_value


_LETTER = re.compile(r"[^\W\d_]")
_FIRST_WORD = re.compile(r"\s+(\w+)")
_LAST_WORD = re.compile(r"(?<!\w)(\w+)\s+$")
_OPEN_PAREN = re.compile(r"\s*\(\s*")


def _nested(sent: Sentence, prev: Reading, r: Reading) -> bool:
    text = sent.doc.text
    gap = _strip_qualifier_words(_REF_MARK.sub("", text[prev.np_end : r.number.start]))
    if lex()["nested_after"].match(text, r.number.end):
        return True
    if lex()["nested_before"].fullmatch(gap) or _OPEN_PAREN.fullmatch(gap):
        return True  # "including 12 children", "75 troops (20 killed, 55 injured)"
    # "17 were injured, including four women": the part follows the total's verb.
    m = lex()["nested_before"].search(gap)
    tail = windowed(sent.doc.settings)["nested_tail"]
    return bool(m) and m.end() == len(gap) and bool(tail.fullmatch(gap[: m.start() + 1]))


def _equipment_to_left(sent: Sentence, r: Reading) -> None:
    window = sent.doc.settings.equipment_left
    before = between(sent.equipment, max(sent.start, r.number.start - window), r.number.start)
    before = [m for m in before if m.end <= r.number.start]
    if before:
        r.category = before[-1].label
    else:
        r.kind = None


_NP_BREAK = re.compile(r"[,;:.!?()\]\[|]|\s[–—]\s")


def _noun_phrase_end(sent: Sentence, pos: int, limit: int) -> int:
    """End of the noun phrase after a number: up to punctuation, a verb or a stop word."""
    text = sent.doc.text
    window_end = min(limit, pos + sent.doc.settings.noun_phrase)
    m = _NP_BREAK.search(text, pos, window_end)
    stop = m.start() if m else window_end
    stops = between(sent.np_stops, pos, stop)
    if stops:
        stop = stops[0].start
    for hits in (sent.people_loss, sent.equip_loss):
        for hit in between(hits, pos, stop):
            # A participle right after the noun ("servicemen killed") ends the phrase,
            # but not a word that is part of an equipment name ("fighter-bombers").
            if not _inside_equipment(sent, hit.start, hit.end, pos):
                stop = min(stop, hit.start)
                break
    return stop


def _inside_equipment(sent: Sentence, s: int, e: int, pos: int) -> bool:
    near = between(sent.equipment, max(pos, s - sent.doc.settings.equipment_around), e)
    return any(m.start <= s and e <= m.end for m in near)


def _classify_noun(sent: Sentence, r: Reading) -> None:
    text, st = sent.doc.text, sent.doc.settings
    s, e = r.number.end, r.np_end
    link = (
        lex()["container_link"].match(text, e) if lex()["containers"].search(text, s, e) else None
    )
    if link:
        # "9 different types of howitzers": the noun is after "of".
        r.np_end = e = _noun_phrase_end(sent, link.end(), min(sent.end, e + st.noun_phrase))
    equipment = [m for m in between(sent.equipment, s, e) if m.end <= e]
    people = [m for m in between(sent.people_nouns, s, e) if m.end <= e]
    part = None if people or equipment else lex()["partitive"].match(text, e)
    if part:
        # "16 more of their servicemen", "9,000 of its troops": the noun after "of".
        r.np_end = e = _noun_phrase_end(sent, part.end(), min(sent.end, e + st.noun_phrase))
        equipment = [m for m in between(sent.equipment, s, e) if m.end <= e]
        people = [m for m in between(sent.people_nouns, s, e) if m.end <= e]
    if lex()["not_losses"].search(text, s, e) and not people:
        r.unknown_noun = True  # "12 strikes", "40 attacks": no loss is counted
        return
    # The noun that starts first names what is counted; of two at one place, the longer
    # ("civilian facilities" over "civilian").
    if equipment and (
        not people or (equipment[0].start, -equipment[0].end) < (people[0].start, -people[0].end)
    ):
        cats = list(dict.fromkeys(m.label for m in equipment))
        cat = cats[0]
        if len(cats) > 1:
            cat = lex()["merge"].get(frozenset(cats[:2]), cats[0])
        r.kind, r.category = "equipment", cat
    elif people:
        r.kind, r.population = "people", people[-1].label
        if len({m.label for m in people} & DISTINCT_POPULATIONS) > 1:
            r.population = "mixed"  # "soldiers and mercenaries", "civilians and fighters"
        elif r.population == "unknown":
            r.population, r.vague_noun = None, True
    else:
        r.unknown_noun = _has_unknown_word(sent, s, e)
        head = between(sent.people_loss, e, e + st.adjacent)
        if r.unknown_noun and head and lex()["noun_loss"].search(head[0].text):
            # "9,000 Russian combat fatalities": the loss word is the noun's head.
            r.unknown_noun = False
            take(r, head[0], True)


def _has_unknown_word(sent: Sentence, s: int, e: int) -> bool:
    """True when the phrase holds a content word that is neither a name nor a known noun."""
    known = lex()["function_words"]
    back = sent.doc.settings.names_before_noun
    names = [(m.start, m.end) for m in between(sent.subjects, s - back, e)]
    names += [(m.start, m.end) for m in between(sent.places, s - back, e)]
    text = sent.doc.text
    for w in re.finditer(r"[A-Za-z][\w'-]{2,}", text[s:e]):
        ws = s + w.start()
        if w.group().lower() in known or any(a <= ws < b for a, b in names):
            continue
        return True
    return False


def _chains(sent: Sentence, readings: list[Reading]) -> list[int]:
    """Chain id of each reading: counts of one list ("2,100 troops, 300 vehicles and 12
    planes") share a chain, so a loss word before the list governs all of it."""
    text = sent.doc.text
    ids, cur = [], 0
    for i, r in enumerate(readings):
        if i:
            a = readings[i - 1]
            # A count whose noun is a loss word still lists: "900 casualties, 31 drones".
            noun = between(sent.people_loss, a.np_end, a.np_end + sent.doc.settings.adjacent)
            start = noun[0].end if noun and noun[0].end <= r.number.start else None
            if not _listed(text, a, r, start):
                cur += 1
        ids.append(cur)
    return ids


def _listed(text: str, a: Reading, b: Reading, start: int | None = None) -> bool:
    start = a.np_end if start is None else start
    gap = _REF_MARK.sub("", text[start : b.number.start])
    # A joiner may be made of qualifier words ("as well as"): read the gap as written
    # before reading it without them ("and at least").
    pattern = lex()["list_gap"]
    return bool(pattern.match(gap) or pattern.match(_strip_qualifier_words(gap)))


def _coordinated(text: str, a: Reading, b: Reading) -> bool:
    gap = _REF_MARK.sub("", text[a.np_end : b.number.start])
    pattern = lex()["coord_gap"]
    return bool(pattern.fullmatch(gap) or pattern.fullmatch(_strip_qualifier_words(gap)))


def _strip_qualifier_words(gap: str) -> str:
    words = lex()["gap_words"]
    return "".join(w for w in re.split(r"(\s+)", gap) if w.strip().lower() not in words)
