"""What the counts of one sentence share: a loss word ("40 soldiers were killed, and 12
civilians"), a death toll's category ("54 more casualties, bringing the death toll to
158"), and who the people were ("90 others", "killed 700 and wounded 1,200 enemy
soldiers", "which includes both servicemen and mercenaries")."""

from __future__ import annotations

import re

from ._lex import lex
from .losses import gap_is_function_words
from .reading import Reading
from .structure import Sentence, between

__all__ = ["DISTINCT_POPULATIONS", "shared_loss", "shared_population", "toll_increments"]

_DIGIT = re.compile(r"\d")

# Populations that, named together in one noun phrase, make it "mixed" (a journalist is
# also a civilian).
DISTINCT_POPULATIONS = frozenset({"military", "civilian", "mercenary"})


def _includes_two_populations(sent: Sentence, r: Reading, nxt: Reading | None) -> bool:
    """ "4,000, which includes both army servicemen and mercenaries": the clause after the
    count names people of two populations (and no count of its own)."""
    text = sent.doc.text
    # the clause opens right after the noun phrase and its head ("4,000 manpower | losses,")
    end = min(sent.end, r.np_end + sent.doc.settings.inclusion_after)
    m = lex()["inclusion"].search(text, r.np_end, end)
    if m is None or _DIGIT.search(text, r.np_end, m.start()):
        return False
    end = nxt.number.start if nxt is not None else sent.end
    found = {n.label for n in between(sent.people_nouns, m.end(), end)}
    return len(found & DISTINCT_POPULATIONS) > 1


def toll_increments(sent: Sentence, readings: list[Reading]) -> None:
    """ "54 more casualties on Friday, bringing the death toll to 158": casualties that
    bring a death toll to its new figure were deaths."""
    text = sent.doc.text
    for r, nxt in zip(readings, readings[1:], strict=False):
        if r.category != "killed_or_wounded" or nxt.category != "killed":
            continue
        if nxt.loss_at is None or not r.number.end < nxt.loss_at < nxt.number.start:
            continue
        if (nxt.loss_word or "") not in lex()["death_words"]:
            continue
        if lex()["toll_link"].search(text, r.number.end, nxt.loss_at):
            r.category = "killed"


def shared_loss(sent: Sentence, readings: list[Reading]) -> None:
    """A count of people with no loss word, joined by "and" to a count of people before it
    that has one, shares it when nothing but its own noun phrase ends the clause: "320
    casualties among the military and 21 civilians", "40 soldiers were killed, and 12
    civilians"."""
    text, st = sent.doc.text, sent.doc.settings
    for prev, r in zip(readings, readings[1:], strict=False):
        if r.loss_at is not None or r.kind != "people" or r.unknown_noun or r.parent:
            continue
        if prev.loss_at is None or prev.kind != "people" or prev.category is None:
            continue
        start = max(prev.np_end, prev.loss_end)
        if not 0 <= r.number.start - start <= st.shared_loss_gap:
            continue
        if between(sent.people_loss, start, r.number.start):
            continue
        if not lex()["coordinator_end"].search(text, start, r.number.start):
            continue
        nouns = between(sent.people_nouns, r.number.end, r.np_end)
        end = nouns[-1].end if nouns else r.number.end
        word_follows = text[end : end + 1].isspace() and text[end + 1 : end + 2].isalnum()
        if word_follows and not lex()["place_gap"].match(text, end, sent.end):
            continue  # "... and 20 families received aid": a clause of its own
        r.category, r.status = prev.category, prev.status
        r.loss_at, r.loss_word = prev.loss_at, prev.loss_word


def shared_population(sent: Sentence, readings: list[Reading], chains: list[int]) -> None:
    """Who the people are, for counts of people that do not name them: a part takes its
    total's ("150 troops (40 killed, 100 injured)"); "others" or a bare figure takes the
    count before it ("40 servicemen were killed and 90 others injured"); a bare figure
    takes the one its loss word is coordinated with ("killed 3,000 and wounded 5,000
    enemy soldiers"); a total takes what parts adding up to it agree on ("30 were hurt,
    including 18 women and 12 children"); people listed with equipment are troops ("lost
    550 people, 18 drones and 22 tanks"). A clause naming two populations the count
    includes makes it mixed."""
    text = sent.doc.text
    fillers = lex()["function_words"]
    for i, r in enumerate(readings):
        if r.kind != "people":
            continue
        if _includes_two_populations(sent, r, readings[i + 1] if i + 1 < len(readings) else None):
            r.population = "mixed"
            continue
        children = [c for c in readings if c.parent is r]
        if r.population is None and sum(c.number.value for c in children) == r.number.value:
            # parts that add up to the total say who it counts; "including 13,000
            # children" does not say who the rest were
            parts = {c.population for c in children if c.population}
            if len(parts) == 1:
                r.population = parts.pop()
            elif len(parts & DISTINCT_POPULATIONS) > 1:
                r.population = "mixed"
        if r.population is None and r.vague_noun:
            listed = [c for j, c in enumerate(readings) if chains[j] == chains[i] and c is not r]
            if any(c.kind == "equipment" for c in listed):
                r.population = "military"

    def unnamed(r: Reading) -> bool:
        nouns = between(sent.people_nouns, r.number.end, r.np_end)
        return (
            r.kind == "people"
            and r.population is None
            and all(m.text.lower() in fillers for m in nouns)
        )

    for i, r in enumerate(readings):
        if not unnamed(r):
            continue
        if r.parent is not None and r.parent.kind == "people" and r.parent.population:
            r.population = r.parent.population
            continue
        nxt = readings[i + 1] if i + 1 < len(readings) else None
        if (
            nxt is not None
            and nxt.kind == "people"
            and nxt.population
            and nxt.loss_at is not None
            and r.number.end <= nxt.loss_at < nxt.number.start
            and lex()["coord_gap"].fullmatch(text[r.number.end : nxt.loss_at])
            and gap_is_function_words(text, nxt.loss_end, nxt.number.start)
        ):
            r.population, r.noun_of = nxt.population, nxt
            continue
        prev = readings[i - 1] if i else None
        if prev is not None and prev.kind == "people" and prev.parent is r.parent:
            r.population, r.vague_noun = prev.population, prev.vague_noun
