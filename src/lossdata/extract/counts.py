"""What is counted: the noun phrase after each number, the loss word that governs it, and
the category, status and population it gives.

Each function reads one sentence (a ``Sentence``, indexed once) and returns
``Reading`` records; who claims them and whose loss they are is decided later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lexicon
from ..actors import Actor
from ..numbers import Number
from ._lex import lex, windowed
from .structure import Sentence, between

__all__ = ["Governor", "Reading", "governor", "read_sentence"]


@dataclass(frozen=True)
class Governor:
    """The loss word that ends a list's introduction ("the Armenian military has lost:")."""

    match: lexicon.Match
    people: bool
    owner: Actor | None


@dataclass
class Reading:
    """What one count in a sentence says, before claimant and date are attached."""

    number: Number
    np_end: int
    category: str | None = None
    status: str | None = None
    population: str | None = None
    subject: Actor | None = None
    subject_basis: str | None = None
    kind: str | None = None  # "people" or "equipment"
    loss_at: int | None = None
    loss_word: str | None = None
    unknown_noun: bool = False
    enemy: bool = False  # "the enemy" names the claimant's opponent
    own: bool = False  # "their servicemen": the claimant's own side
    parent: Reading | None = None  # the count this one is nested in ("including 173 tanks")


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
    numbers = [n for n in sent.numbers if not _embedded(sent, n) and not _not_a_count(sent, n)]
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
        _find_loss(sent, r, limit)
        if r.loss_at is not None and r.loss_at > r.number.start:
            used.add(r.loss_at)
    for r in readings:  # a part shares its total's loss word unless it has its own
        prev = r.parent
        if prev is not None and r.loss_at is None and prev.loss_at is not None:
            r.status, r.loss_at, r.loss_word = prev.status, prev.loss_at, prev.loss_word
            if r.kind == "people":
                r.category = prev.category
    _govern_lists(sent, readings, chains, used)
    if gov is not None:
        for r in readings:
            if r.loss_at is None and r.kind is not None:
                _take(r, gov.match, gov.people)
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
            r.category = _people_from_equipment_word(nxt.status)
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
    out = []
    prev_end = sent.start
    for r in readings:
        if r.kind is None and not r.unknown_noun:
            _elided_noun(sent, r)
        if r.loss_at is None and (r.kind is None or r.np_end <= r.number.end + 1):
            _noun_first(sent, r, prev_end)
        prev_end = r.np_end
        if r.kind == "equipment" and r.category is None:
            _equipment_to_left(sent, r)
        if r.unknown_noun and r.kind is None:
            continue  # "13 more settlements": a count of something the lexicon does not know
        if r.category is None or r.loss_at is None:
            continue
        out.append(r)
    sent.counted = [(r.number.start, r.np_end) for r in readings]
    return out


def _embedded(sent: Sentence, n: Number) -> bool:
    """A count inside a relative clause or an "among" phrase describes, it does not claim:
    "90 fighters, who were among more than 1,500 combatants, had been killed"."""
    text, st = sent.doc.text, sent.doc.settings
    before = text[max(sent.start, n.start - st.embedded_before) : n.start]
    if not _LETTER.search(before):
        return False  # bare figures before it: no clause to describe with
    if lex()["describing"].search(before):
        return True
    m = lex()["relative_clause"].search(before)
    return bool(m) and bool(re.match(r"[^,;]*,", text[n.end : n.end + st.embedded_after]))


def _not_a_count(sent: Sentence, n: Number) -> bool:
    """Counts of attacks, strikes, incidents; error margins ("±10", "may vary by 20")."""
    text = sent.doc.text
    if lex()["margin"].search(
        text[max(sent.start, n.start - sent.doc.settings.margin_before) : n.start]
    ):
        return True
    return n.value > sent.doc.settings.max_value


_LETTER = re.compile(r"[^\W\d_]")
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
    s = lex()["np_stop"].search(text, pos, stop)
    if s:
        stop = s.start()
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
    if lex()["not_losses"].search(text, s, e) and not people:
        r.unknown_noun = True  # "12 strikes", "40 attacks": no loss is counted
        return
    if equipment and (not people or equipment[0].start < people[0].start):
        cats = list(dict.fromkeys(m.label for m in equipment))
        cat = cats[0]
        if len(cats) > 1:
            cat = lex()["merge"].get(frozenset(cats[:2]), cats[0])
        r.kind, r.category = "equipment", cat
    elif people:
        r.kind, r.population = "people", people[-1].label
        if r.population == "unknown":
            r.population = None
    else:
        r.unknown_noun = _has_unknown_word(sent, s, e)
        head = between(sent.people_loss, e, e + st.adjacent)
        if r.unknown_noun and head and lex()["noun_loss"].search(head[0].text):
            # "9,000 Russian combat fatalities": the loss word is the noun's head.
            r.unknown_noun = False
            _take(r, head[0], True)


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
    gap = _strip_qualifier_words(_REF_MARK.sub("", text[start : b.number.start]))
    return bool(lex()["list_gap"].match(gap))


def _coordinated(text: str, a: Reading, b: Reading) -> bool:
    gap = _strip_qualifier_words(_REF_MARK.sub("", text[a.np_end : b.number.start]))
    return bool(lex()["coord_gap"].fullmatch(gap))


def _strip_qualifier_words(gap: str) -> str:
    words = lex()["gap_words"]
    return "".join(w for w in re.split(r"(\s+)", gap) if w.strip().lower() not in words)


def _gap_is_function_words(text: str, s: int, e: int) -> bool:
    gap = _REF_MARK.sub(" ", text[s:e])
    words = lex()["gap_words"]
    return all(w.lower() in words for w in re.findall(r"[\w'-]+", gap)) and not re.search(
        r"[.;:,]", gap
    )


def _right_adjacent_people_loss(sent: Sentence, r: Reading) -> lexicon.Match | None:
    """A people loss word right after a bare count: "310 killed", "two have been hurt"."""
    n = r.number
    for m in between(sent.people_loss, n.end, n.end + sent.doc.settings.loss_after_count):
        if lex()["count_aux"].fullmatch(sent.doc.text, n.end, m.start):
            return m
        break
    return None


def _find_loss(sent: Sentence, r: Reading, limit: int) -> None:
    """Attach the loss word that governs count ``r``: left-adjacent ("killing four"),
    else on its right before the next count or a clause break ("13 were wounded")."""
    text, n = sent.doc.text, r.number
    if r.kind is None and r.np_end <= n.end + 1:
        m = _right_adjacent_people_loss(sent, r)
        if m is not None:  # "lost 310 killed": the loss word is the noun
            _take(r, m, True)
            return
    clause_end = _clause_end(text, r.np_end, limit)
    back = sent.doc.settings.loss_before_count
    semi = text.find(";", r.np_end, clause_end)
    clause_end = semi if semi >= 0 else clause_end
    pools = [(sent.equip_loss, False)] if r.kind == "equipment" else [(sent.people_loss, True)]
    if r.kind is None:
        pools = [(sent.people_loss, True), (sent.equip_loss, False)]
    left: list[tuple[lexicon.Match, bool]] = []
    right: list[tuple[lexicon.Match, bool]] = []
    for hits, people in pools:
        # The left neighbour must be adjacent up to function words: look a short way back.
        for m in between(hits, max(sent.start, n.start - back), n.start):
            if m.end <= n.start and _gap_is_function_words(text, m.end, n.start):
                left.append((m, people))
        right += [(m, people) for m in between(hits, r.np_end, clause_end)]
    if left:
        m, people = max(left, key=lambda h: h[0].start)
        _take(r, m, people)
        return
    if right:
        m, people = min(right, key=lambda h: h[0].start)
        _take(r, m, people)


def _govern_lists(
    sent: Sentence, readings: list[Reading], chains: list[int], used: set[int]
) -> None:
    """A loss word before a list governs every count of it that has none of its own,
    unless another count already took that word or a clause break stands between."""
    text = sent.doc.text
    for chain in sorted(set(chains)):
        members = [r for r, c in zip(readings, chains, strict=True) if c == chain]
        region_end = members[0].number.start
        people_before = [(m, True) for m in between(sent.people_loss, sent.start, region_end)]
        equip_before = [(m, False) for m in between(sent.equip_loss, sent.start, region_end)]
        for r in members:
            if r.loss_at is not None or r.unknown_noun:
                continue
            if r.kind is None:
                # A bare figure takes a people word; an equipment word ("losses ... amounted
                # to 720") says nothing of what is counted: the noun-first rule reads it.
                pool = people_before
            elif r.kind == "equipment":
                pool = equip_before
            else:
                pool = people_before + [
                    h for h in equip_before if h[0].label in ("lost", "captured", "destroyed")
                ]
            before = [
                h
                for h in pool
                if h[0].end <= region_end
                and h[0].start not in used
                and _governs(text, h[0].end, region_end)
            ]
            if before:
                m, people = max(before, key=lambda h: h[0].start)
                _take(r, m, people)


_LIST_OPENER = re.compile(r"(?::|\s[–—]|\s-)\s*")


def _governs(text: str, pos: int, region_end: int) -> bool:
    """No clause break between a loss word and a list, unless it is the colon that opens
    the list ("the enemy's losses were: 900 casualties, 31 drones")."""
    end = _clause_end(text, pos, region_end)
    if end == region_end:
        return True
    opener = _LIST_OPENER.match(text, end, region_end)  # ": " or " – " right before the list
    return opener is not None and opener.end() == region_end


def _take(r: Reading, m: lexicon.Match, is_people_word: bool) -> None:
    r.loss_at, r.loss_word = m.start, m.text.lower()
    if r.kind == "equipment":
        r.status = m.label if not is_people_word else None
        if r.status is None:
            r.status = {"captured": "captured"}.get(m.label, "lost")
    elif r.kind == "people":
        r.category = m.label if is_people_word else _people_from_equipment_word(m.label)
    elif is_people_word:
        r.kind, r.category = "people", m.label
    else:
        r.kind, r.status = "equipment", m.label


def _people_from_equipment_word(label: str) -> str | None:
    # "Azerbaijan lost 6,674 troops": loss of people without a verb of killing.
    return {"lost": "killed", "captured": "captured", "destroyed": "killed"}.get(label)


def _clause_end(text: str, pos: int, limit: int) -> int:
    m = lex()["clause_break"].search(text, pos, limit)
    return m.start() if m else limit


def _elided_noun(sent: Sentence, r: Reading) -> None:
    """A count without a noun ("downed four", "5,000 killed"): take the noun from the
    nearest equipment name to its left, or read the loss word as the noun."""
    text, n, st = sent.doc.text, r.number, sent.doc.settings
    m = _right_adjacent_people_loss(sent, r)
    if m is not None:
        r.kind, r.category, r.loss_at, r.loss_word = "people", m.label, m.start, m.text.lower()
        return
    before = [
        m
        for m in between(sent.equipment, max(sent.start, n.start - st.equipment_left), n.start)
        if m.end <= n.start
    ]
    left_loss = [
        m
        for m in between(sent.equip_loss, max(sent.start, n.start - st.loss_before_count), n.start)
        if m.end <= n.start and _gap_is_function_words(text, m.end, n.start)
    ]
    if before and left_loss and not _after_text_is_noun(text, n.end, st.word_after):
        r.kind, r.category = "equipment", before[-1].label
        r.status, r.loss_at = left_loss[-1].label, left_loss[-1].start
        r.loss_word = left_loss[-1].text.lower()


def _noun_first(sent: Sentence, r: Reading, left: int) -> None:
    """A loss named before its figure: "the death toll rose to 64", "civilian deaths: 212",
    "tank losses reached 812", "the number of Syrians killed has passed 40"."""
    text, n, st = sent.doc.text, r.number, sent.doc.settings
    s = max(left, sent.start, n.start - st.noun_first)
    tail = lex()["linker_tail"].search(text, s, n.start)
    if tail is None:
        return
    before = [(m, True) for m in between(sent.people_loss, s, tail.start())]
    before += [(m, False) for m in between(sent.equip_loss, s, tail.start()) if m.label == "lost"]
    before = [
        h
        for h in before
        if h[0].end <= tail.start() and _clause_end(text, h[0].end, tail.start()) == tail.start()
    ]
    if not before:
        return
    m, people = max(before, key=lambda h: h[0].start)
    equipment = [
        e
        for e in between(sent.equipment, max(s, m.start - st.noun_first_equipment), m.start)
        if e.end <= m.start
    ]
    nouns = [
        p for p in between(sent.people_nouns, max(s, m.start - st.noun_first_people), tail.start())
    ]
    if not people and equipment:
        r.kind, r.category, r.status = "equipment", equipment[-1].label, "lost"
        r.loss_at, r.loss_word = m.start, m.text.lower()
        return
    if not people and not nouns:
        return  # "losses reached 40": of what, the sentence does not say
    r.kind = "people"
    r.category = m.label if people else _people_from_equipment_word(m.label)
    r.loss_at, r.loss_word = m.start, m.text.lower()
    if nouns and nouns[-1].label != "unknown":
        r.population = nouns[-1].label
    # The noun phrase's own name ("the number of Syrians killed in the province"), else one
    # between the loss word and the figure.
    names = [x for x in between(sent.subjects, max(s, m.start - st.noun_first_names), m.start)]
    names = names or [x for x in between(sent.subjects, m.end, tail.start())]
    if names and r.subject is None:
        r.subject, r.subject_basis = names[-1].actor, "noun_phrase"


def _after_text_is_noun(text: str, pos: int, window: int) -> bool:
    after = text[pos : pos + window]
    return bool(re.match(r"\s+[a-z]{3,}\b", after)) and not lex()["not_noun_after"].match(after)
