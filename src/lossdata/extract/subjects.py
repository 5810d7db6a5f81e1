"""Whose loss: the noun phrase's own demonym or possessive, the owner of "lost", the
patient of a loss verb rather than its agent, "the enemy" against the claimant's side,
the place named, else unknown."""

from __future__ import annotations

import re

from ..actors import Actor
from ._lex import lex
from .claimants import Frame
from .reading import Reading
from .structure import Sentence, between

__all__ = ["find_subject", "owner_before", "resolve_subject"]

_OWNER_GAP = re.compile(r"[\s\w'’]*")
_WORDS = re.compile(r"[A-Za-z]+")
# Between a loss verb and its object's name: at most three lowercase words ("killed |
# scores of | Azerbaijani soldiers").
_OBJECT_GAP = re.compile(r"(?:\s+[a-z]+){0,3}\s+")


def owner_before(sent: Sentence, s: int, e: int) -> Actor | None:
    """The actor whose loss a following "lost" reports: the nearest name before it."""
    found = [m for m in between(sent.subjects, s, e) if m.end <= e]
    found += [m for m in between(sent.claimants, s, e) if m.end <= e]
    found.sort(key=lambda m: m.end)
    gap = sent.doc.text[found[-1].end : e] if found else ""
    if found and len(gap) <= sent.doc.settings.owner_gap and _OWNER_GAP.fullmatch(gap):
        a = found[-1].actor
        return Actor(a.country, a.side, a.country, a.population, kind="subject")
    return None


def find_subject(sent: Sentence, r: Reading) -> None:
    """Fill ``r.subject`` from the count's own words: its noun phrase, a place right after
    it, a possessive or "X lost" before it, or mark "the enemy"."""
    if r.subject is not None:
        return
    text, n, st = sent.doc.text, r.number, sent.doc.settings
    # (a) a demonym in the noun phrase, or a place right after it ("civilians in Ganja").
    np = r.noun_of or r  # a bare count shares the noun phrase it is coordinated with
    own = [m for m in between(sent.subjects, np.number.end, np.np_end) if m.end <= np.np_end]
    if own:
        r.subject, r.subject_basis = own[0].actor, "noun_phrase"
    else:
        after = r.np_end
        noun = between(sent.people_loss, after, after + st.adjacent)
        if noun and r.loss_at == noun[0].start:
            after = noun[0].end  # "12 civilian deaths | in the town"
        tail = lex()["place_gap"].match(text, after, min(sent.end, after + st.place_after_noun))
        if tail:
            at = between(sent.places, tail.end(), tail.end() + 1)
            at = at or [
                m
                for m in between(sent.subjects, tail.end(), tail.end() + 1)
                if (m.actor.kind != "state" or r.kind == "people") and not _is_agent(sent, m.end)
            ]  # "wounded in Russian strikes": the attacker is no place
            if at:
                r.subject, r.subject_basis = _as_subject(at[0].actor), "place"
    # (a') a bare count after its loss word and a tally verb: the name right before the
    # loss word ("the number of Syrians killed in the province has passed 90"), not the
    # place after it.
    bare = r.np_end <= n.end + 1
    tally = (
        r.subject is None
        and bare
        and r.loss_at is not None
        and r.loss_at < n.start
        and lex()["linker_tail"].search(text, r.loss_at, n.start) is not None
    )
    if tally:
        names = [
            m
            for m in between(
                sent.subjects, max(sent.start, r.loss_at - st.noun_first_names), r.loss_at
            )
            if m.end <= r.loss_at and not _is_agent(sent, m.end)
        ]
        if names:
            r.subject, r.subject_basis = _as_subject(names[-1].actor), "noun_phrase"
    # (a'') "3 launchers lost by Baku": after "lost", "by" names the loser, not an agent.
    if r.subject is None and r.status == "lost" and r.loss_at is not None and r.loss_at > n.start:
        loss_end = r.loss_end
        for m in sorted([*sent.subjects, *sent.claimants], key=lambda m: m.start):
            if loss_end <= m.start <= loss_end + st.owner_gap:
                if lex()["by_agent"].search(text, loss_end, m.start):
                    r.subject, r.subject_basis = _as_subject(m.actor), "owner"
                break
    # (b) a possessive right before the count ("Russia's 40 tanks", "the enemy's 3 depots").
    if r.subject is None:
        poss = [
            m
            for m in between(
                sent.subjects, max(sent.start, n.start - st.possessive_before), n.start
            )
            if re.fullmatch(r"['’]s?\s+(?:\w+\s+){0,2}", text[m.end : n.start])
        ]
        if poss:
            r.subject, r.subject_basis = _as_subject(poss[-1].actor), "possessive"
    # (c) "Azerbaijan lost ...", "the Armenian military has lost: ..."
    if r.subject is None:
        verbs = [
            m
            for m in between(sent.equip_loss, sent.start, n.start)
            if m.label == "lost" and m.end <= n.start
        ]
        if verbs:
            v = verbs[-1]
            start = max(sent.start, v.start - st.owner_before_loss)
            enemy = lex()["enemy"].search(text, start, v.start)
            if enemy is not None:  # "the ministry said the enemy lost 8 tanks"
                start = enemy.end()
            owner = owner_before(sent, start, v.start)
            if owner is not None:
                r.subject, r.subject_basis = owner, "owner"
            elif enemy is not None:
                r.enemy = True
    # (d) "the enemy", "their servicemen"
    if r.subject is None:
        window = (max(sent.start, n.start - st.enemy_before), np.np_end)
        if lex()["enemy"].search(text, *window):
            r.enemy = True
        elif lex()["own"].search(
            text, max(sent.start, n.start - st.own_around), r.np_end + st.own_around
        ):
            r.own = True
        elif r.parent is not None:
            r.enemy, r.own = r.parent.enemy, r.parent.own
    if r.subject is not None and r.subject.population:
        r.population = r.subject.population


def _as_subject(a: Actor) -> Actor:
    return (
        a
        if a.kind == "subject"
        else Actor(a.country, a.side, a.country, a.population, kind="subject")
    )


def _is_agent(sent: Sentence, pos: int) -> bool:
    m = re.match(
        r"[\s-]*([A-Za-z]+)", sent.doc.text[pos : pos + sent.doc.settings.agent_noun_after]
    )
    return bool(m) and m.group(1).lower() in lex()["agent_nouns"]


def _speaks(sent: Sentence, pos: int) -> bool:
    """Whether a reporting verb follows the agent noun after ``pos``, perhaps through
    the heads of a claimant's name ("side said", "military officials said")."""
    heads = lex()["claimant_heads"] | lex()["agent_nouns"]
    text, end = sent.doc.text, min(sent.end, pos + sent.doc.settings.frame_verb)
    for w in _WORDS.finditer(text, pos, end):
        if between(sent.verbs, w.start(), w.start() + 1):
            return True
        if w.group().lower() not in heads:
            return False
    return False


def _object_of_loss(sent: Sentence, pos: int) -> bool:
    """Whether the name at ``pos`` is the object of a loss verb right before it."""
    start = max(sent.start, pos - sent.doc.settings.loss_object_before)
    hits = [m for m in [*sent.people_loss, *sent.equip_loss] if start <= m.end <= pos]
    if not hits:
        return False
    last = max(hits, key=lambda m: m.end)
    gap = sent.doc.text[last.end : pos]
    # "killed scores of | Azerbaijani", not "wounded by | Azeri attacks", "toll in | Armenian"
    return not gap.strip() or (
        _OBJECT_GAP.fullmatch(gap) is not None
        and all(w.lower() in lex()["object_gap_words"] for w in gap.split())
    )


def _agent_side(sent: Sentence, r: Reading) -> str | None:
    """The side that did the destroying or killing: "Armenian shelling", "by Azerbaijani
    forces", "Kyiv had destroyed" (not a demonym inside a counted noun phrase)."""
    text, st = sent.doc.text, sent.doc.settings
    side = None
    for m in [*sent.subjects, *sent.claimants]:
        if any(s <= m.start < e for s, e in sent.counted):
            continue  # a name inside a counted noun phrase is a loser, not an attacker
        before = text[max(sent.start, m.start - st.agent_by_before) : m.start]
        if _object_of_loss(sent, m.start):
            continue  # "killed scores of Azerbaijani soldiers": the object of a loss word
        after = text[m.end : m.end + st.agent_verb_after]
        verb = lex()["agent_verb"].match(after)
        destroyer = (
            verb is not None and lex()["equip_loss"].match_at(text, m.end + verb.end()) is not None
        )
        # "Armenian forces shelled", not "the Armenian side said": a speaker is no attacker.
        attacker = m in sent.subjects and _is_agent(sent, m.end) and not _speaks(sent, m.end)
        if destroyer or attacker or lex()["by_agent"].search(before):
            side = m.actor.side
    return side if side not in ("third_party", "unknown", "unattributed") else None


UNKNOWN_SUBJECT = Actor("unknown", "unknown", "unknown", kind="subject")


def resolve_subject(
    sent: Sentence, r: Reading, claimant: Frame, previous: Actor | None = None
) -> tuple[Actor, str]:
    """Subject when the noun phrase did not name it: the enemy of the claimant, both sides,
    the target of an attack, the place hit, the opponent of a side's destroyer, the
    claimant's own side, the nearest name, the subject of the paragraph's previous claim;
    with the rule that decided."""
    gaz = sent.doc.gaz
    if r.subject is not None:
        return r.subject, r.subject_basis or "noun_phrase"
    if r.kind == "people" and sent.both_sides:
        return UNKNOWN_SUBJECT, "both_sides"
    if r.enemy and gaz.opponent(claimant.side):
        return gaz.side_actor(gaz.opponent(claimant.side)), "enemy"
    if r.own and claimant.side in gaz.side_ids:
        return Actor(
            claimant.country or claimant.claimant,
            claimant.side,
            claimant.country or claimant.claimant,
            kind="subject",
        ), "own"
    claimant_spans = [(m.start, m.end) for m in sent.claimants]
    target = _target(sent)
    if target is not None:
        return target, "target"
    agent_side = _agent_side(sent, r)
    if r.kind == "people" and sent.places:
        return _as_subject(sent.places[0].actor), "place"
    if agent_side and gaz.opponent(agent_side):
        return gaz.side_actor(gaz.opponent(agent_side)), "patient"
    if r.kind == "equipment" and gaz.opponent(claimant.side):
        return gaz.side_actor(gaz.opponent(claimant.side)), "claimant_opponent"
    if r.kind == "people" and claimant.side in gaz.side_ids:
        return gaz.side_actor(claimant.side), "claimant_own"
    best = None
    for m in sent.subjects:
        if any(cs <= m.start < ce for cs, ce in claimant_spans) or _is_agent(sent, m.end):
            continue
        if best is None or abs(m.start - r.number.start) < abs(best.start - r.number.start):
            best = m
    if best is not None:
        return _as_subject(best.actor), "nearest"
    if previous is not None and previous.side != "unknown":
        return previous, "previous"
    return UNKNOWN_SUBJECT, "unknown"


def _target(sent: Sentence) -> Actor | None:
    """The side hit by an attack named in the sentence: "a missile attack on Azerbaijan's
    port city", "the invasion of Ukraine", "strikes against Kharkiv"."""
    text = sent.doc.text
    for m in [*sent.places, *sent.subjects]:
        if m.actor.side in ("third_party", "unknown", "unattributed"):
            continue
        if lex()["target_of"].search(
            text, max(sent.start, m.start - sent.doc.settings.target_before), m.start
        ):
            return _as_subject(m.actor)
    return None
