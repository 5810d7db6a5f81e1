"""Which loss word governs a count: the word next to it, one on its right before a clause
break, one shared by a list before or after it, the count's own noun ("310 killed"), or a
loss named before its figure ("the death toll rose to 64").

Each function fills in a ``Reading`` of one sentence; ``counts`` decides the order.
"""

from __future__ import annotations

import re

from .. import lexicon
from ._lex import lex
from .reading import Reading
from .structure import Sentence, between

__all__ = [
    "clause_end",
    "elided_noun",
    "find_loss",
    "gap_is_function_words",
    "govern_lists",
    "noun_first",
    "people_from_equipment_word",
    "take",
]

_REF_MARK = re.compile(r"\[\w{1,4}\]")


def gap_is_function_words(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` holds only the lexicon's gap words and no punctuation."""
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


def find_loss(sent: Sentence, r: Reading, limit: int) -> None:
    """Attach the loss word that governs count ``r``: left-adjacent ("killing four"),
    else on its right before the next count or a clause break ("13 were wounded")."""
    text, n = sent.doc.text, r.number
    if r.kind is None and r.np_end <= n.end + 1:
        m = _right_adjacent_people_loss(sent, r)
        if m is not None:  # "lost 310 killed": the loss word is the noun
            take(r, m, True)
            return
    stop = clause_end(text, r.np_end, limit)
    back = sent.doc.settings.loss_before_count
    semi = text.find(";", r.np_end, stop)
    stop = semi if semi >= 0 else stop
    pools = [(sent.equip_loss, False)] if r.kind == "equipment" else [(sent.people_loss, True)]
    if r.kind is None:
        pools = [(sent.people_loss, True), (sent.equip_loss, False)]
    left: list[tuple[lexicon.Match, bool]] = []
    right: list[tuple[lexicon.Match, bool]] = []
    for hits, people in pools:
        # The left neighbour must be adjacent up to function words: look a short way back.
        for m in between(hits, max(sent.start, n.start - back), n.start):
            if m.end <= n.start and gap_is_function_words(text, m.end, n.start):
                left.append((m, people))
        right += [(m, people) for m in between(hits, r.np_end, stop)]
    if left:
        m, people = max(left, key=lambda h: h[0].start)
        take(r, m, people)
        return
    if right:
        m, people = min(right, key=lambda h: h[0].start)
        take(r, m, people)


def govern_lists(
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
                take(r, m, people)


_LIST_OPENER = re.compile(r"(?::|\s[–—]|\s-)\s*")


def _governs(text: str, pos: int, region_end: int) -> bool:
    """No clause break between a loss word and a list, unless it is the colon that opens
    the list ("the enemy's losses were: 900 casualties, 31 drones")."""
    end = clause_end(text, pos, region_end)
    if end == region_end:
        return True
    opener = _LIST_OPENER.match(text, end, region_end)  # ": " or " – " right before the list
    return opener is not None and opener.end() == region_end


def take(r: Reading, m: lexicon.Match, is_people_word: bool) -> None:
    r.loss_at, r.loss_word = m.start, m.text.lower()
    if r.kind == "equipment":
        r.status = m.label if not is_people_word else None
        if r.status is None:
            r.status = {"captured": "captured"}.get(m.label, "lost")
    elif r.kind == "people":
        r.category = m.label if is_people_word else people_from_equipment_word(m.label)
    elif is_people_word:
        r.kind, r.category = "people", m.label
    else:
        r.kind, r.status = "equipment", m.label


def people_from_equipment_word(label: str) -> str | None:
    # "Azerbaijan lost 6,674 troops": loss of people without a verb of killing.
    return {"lost": "killed", "captured": "captured", "destroyed": "killed"}.get(label)


def clause_end(text: str, pos: int, limit: int) -> int:
    m = lex()["clause_break"].search(text, pos, limit)
    return m.start() if m else limit


def elided_noun(sent: Sentence, r: Reading) -> None:
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
        if m.end <= n.start and gap_is_function_words(text, m.end, n.start)
    ]
    if before and left_loss and not _after_text_is_noun(text, n.end, st.word_after):
        r.kind, r.category = "equipment", before[-1].label
        r.status, r.loss_at = left_loss[-1].label, left_loss[-1].start
        r.loss_word = left_loss[-1].text.lower()


def noun_first(sent: Sentence, r: Reading, left: int) -> None:
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
        if h[0].end <= tail.start() and clause_end(text, h[0].end, tail.start()) == tail.start()
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
    r.category = m.label if people else people_from_equipment_word(m.label)
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
