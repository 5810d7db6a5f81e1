"""Who says so: a sieve of reporting frames, most precise first, and a register of the
claimants a document has named, for "the ministry", "he" and "it" later on.

Stage 1 links a sentence to a claimant *mention*: "according to X", "(X)", "X said",
"..., said X", "X:" at the head of a line; stage 2 links the mention to an *actor*:
an alias the gazetteer knows, a country or capital standing for its government, a
reference to the register, else the noun phrase as written with its side from a
demonym or country inside it (``third_party`` when there is none).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from ..actors import Actor
from ..dates import DateMention
from ._lex import lex, windowed
from .structure import Doc, Sentence, between

__all__ = ["Frame", "Register", "author_frame", "find_frame"]

_THIRD = "third_party"


@dataclass(frozen=True)
class Frame:
    """Who claims the figures of a sentence, from when, and which sieve said so."""

    claimant: str
    side: str
    country: str | None = None
    date: DateMention | None = None
    basis: str = "outlet"
    practice: tuple[tuple[str, str], ...] = ()
    kind: str = "organisation"  # the claimant's kind (see lossdata.actors.Actor)


def _within(items: list[tuple[int, Any]], pos: int, reach: int) -> list[Any]:
    """The items registered within ``reach`` characters before ``pos``, latest first:
    positions only grow, so the walk back stops at the first one out of reach (a
    document naming thousands of claimants stays linear)."""
    out = []
    for p, item in reversed(items):
        if pos - p > reach:
            break
        out.append(item)
    return out


@dataclass
class Register:
    """The claimants a document has named so far, and the speakers of its frames."""

    actors: list[tuple[int, Actor]] = field(default_factory=list)
    speakers: list[tuple[int, Frame]] = field(default_factory=list)
    practices: dict[str, str] = field(default_factory=dict)  # kept as actors are added

    def add(self, pos: int, actor: Actor) -> None:
        if actor.kind != "subject":
            self.actors.append((pos, actor))
            for key, value in actor.practice:
                self.practices.setdefault(key, value)

    def practice(self, key: str) -> str | None:
        """The practice (e.g. how personnel tallies count) of the first claimant named so
        far that has one."""
        return self.practices.get(key)

    def spoke(self, pos: int, frame: Frame) -> None:
        if frame.basis not in ("outlet", "author"):
            self.speakers.append((pos, frame))

    def resolve(self, phrase: str, pos: int, reach: int) -> Frame | None:
        """The claimant a reference points to: "he", "it", "the statement" the last speaker;
        "the ministry", "the spokesman" the last one named whose name has that head."""
        words = phrase.lower().split()
        head = words[-1] if words else ""
        speakers = _within(self.speakers, pos, reach)
        named = _within(self.actors, pos, reach)
        if head in lex()["anaphors"]:
            if speakers:
                return speakers[0]
            # an institution named beats a capital or country named after it
            bodies = [a for a in named if a.kind not in ("government", "generic")]
            return _as_frame((bodies or named)[0]) if named else None
        for f in speakers:
            if head in f.claimant.lower():
                return f
        for a in named:
            if head in a.name.lower():
                return _as_frame(a)
        for f in speakers:  # "the spokesman" of the last institution that spoke
            return f
        return None


def _as_actor(f: Frame) -> Actor:
    return Actor(f.claimant, f.side, f.country or f.claimant, practice=f.practice)


def _as_frame(a: Actor) -> Frame:
    return Frame(a.name, a.side, a.country, None, "reference", a.practice, a.kind)


def _frame(actor: Actor, sent: Sentence, at: int, basis: str) -> Frame:
    # The statement's own date stands by the claimant: "On Monday the ministry said",
    # "X said on Monday" (a date farther away is the incident's or a list's).
    reach = sent.doc.settings.statement_date
    near = [d for d in sent.dates if not d.since and abs(d.start - at) <= reach]
    date = min(near, key=lambda d: abs(d.start - at)) if near else None
    return Frame(actor.name, actor.side, actor.country, date, basis, actor.practice, actor.kind)


_WORD = re.compile(r"[\w'’.-]+")


def find_frame(sent: Sentence, register: Register) -> Frame | None:
    """The reporting frame of a sentence (sieve 1 of the design), or None."""
    text = sent.doc.text
    st = sent.doc.settings
    mentions = sent.claimants
    lx = lex()
    if not mentions and not sent.verbs and not sent.preps:
        return None  # no name, no reporting verb, no "according to": no frame
    # "according to X", "per X", "citing X"
    for p in sent.preps:
        if lx["back_reference"].match(text, p.end):
            continue  # "a chart, according to which ...": the verb's subject says it
        after = [
            m
            for m in between(mentions, p.end, p.end + st.frame_prep)
            if lx["lead_gap"].fullmatch(text, p.end, m.start)
        ]
        if after:
            phrase = _phrase_after(sent, p.end)
            longer = phrase is not None and phrase[1] > after[0].end + 1
            if not (longer and after[0].actor.kind in ("generic", "government", "state")):
                return _frame(after[0].actor, sent, after[0].start, "according_to")
            return _open(sent, phrase, register, "according_to")
        if p.text.lower() in lx["named_only"]:
            continue
        phrase = _phrase_after(sent, p.end)
        if phrase is not None:
            return _open(sent, phrase, register, "according_to")
    # "(X)" right after a figure or a name
    for m in mentions:
        if m.actor.kind == "news":
            continue  # "CAIRO (Reuters) -": a dateline's credit, not a source
        if text[m.start - 1 : m.start] == "(" and text[m.end : m.end + 1] == ")":
            return _frame(m.actor, sent, m.start, "parenthesis")
    # "X said", "X told reporters"; a news agency that "reports" what an official "said"
    # in the same sentence yields to the official.
    relayed = None
    for v in sent.verbs:
        before = [
            m
            for m in between(mentions, max(sent.start, v.start - st.frame_verb), v.start)
            if m.end <= v.start and not re.search(r"[.;]", text[m.end : v.start])
        ]
        phrase = _phrase_before(sent, v.start)
        if before and (phrase is None or before[-1].end > phrase[0]):
            found = _frame(before[-1].actor, sent, before[-1].start, "verb_subject")
        elif phrase is not None:
            found = _open(sent, phrase, register, "verb_subject")
        else:
            continue
        if found is not None and found.kind == "news" and relayed is None:
            relayed = found
            continue
        if found is not None:
            return found
    if relayed is not None:
        return relayed
    # "..., said X"
    for v in sent.verbs:
        after = between(mentions, v.end, v.end + st.frame_after_verb + 1)
        # "..., said in a statement the Ministry of Defence": a short adjunct between
        postponed = text[sent.start : v.start].rstrip().endswith((",", '"', "”"))
        after = after or [
            m
            for m in between(mentions, v.end, v.end + st.frame_prep + st.frame_adjunct)
            if postponed and lx["adjunct"].fullmatch(text, v.end, m.start)
        ]
        if after:
            return _frame(after[0].actor, sent, after[0].start, "verb_object")
        pp = lx["adjunct"].match(
            text, v.end, min(sent.end, v.end + st.frame_prep + st.frame_adjunct)
        )
        phrase = _phrase_after(sent, pp.end() if pp else v.end)
        if phrase is not None and postponed:
            return _open(sent, phrase, register, "verb_object")
    # "X: 1,200 troops killed" at the head of a line, and a tweet's signature
    head = windowed(st)["headline_claimant"].match(text[sent.start : sent.end])
    if (
        head
        and (not sent.numbers or sent.numbers[0].start > sent.start + head.end(1))
        and not (_has_verb(sent, sent.start, sent.start + head.end(1)))
    ):
        inside = between(mentions, sent.start, sent.start + head.end(1))
        if inside:
            return _frame(inside[-1].actor, sent, inside[-1].start, "headline")
    # A headline closed by its source: "... killed near the front: Defence Ministry"
    line_end = text.find("\n", sent.start)
    line_end = len(text) if line_end < 0 else line_end
    colon = text.rfind(":", sent.start, sent.end)
    if colon > sent.start and line_end - sent.start <= st.headline_length:
        tail = between(mentions, colon + 1, sent.end)
        if tail and not any(n.start > colon for n in sent.numbers):
            return _frame(tail[-1].actor, sent, tail[-1].start, "headline")
    sig = windowed(st)["signature"].search(text, sent.start, sent.end)
    if sig:
        for m in between(mentions, sig.start(), sig.end()):
            return _frame(m.actor, sent, m.start, "signature")
    return None


def _has_verb(sent: Sentence, s: int, e: int) -> bool:
    """A verb or loss word in ``text[s:e]``: the span is a clause, not a name."""
    if lex()["phrase_breaks"].search(sent.doc.text, s, e):
        return True
    return any(between(hits, s, e) for hits in (sent.verbs, sent.people_loss, sent.equip_loss))


def _phrase_before(sent: Sentence, v: int) -> tuple[int, int] | None:
    """The noun phrase right before a reporting verb, when it can be a claimant."""
    text, st = sent.doc.text, sent.doc.settings
    s = max(sent.start, v - st.open_claimant)
    cuts = list(lex()["clause_split"].finditer(text, s, v))
    if cuts:
        s = cuts[-1].end()
    # auxiliaries between the phrase and the verb ("has said", "had earlier reported")
    span = text[s:v]
    m = lex()["aux_tail"].search(span)
    e = s + (m.start() if m else len(span))
    return _claimant_phrase(sent, s, e)


def _phrase_after(sent: Sentence, pos: int) -> tuple[int, int] | None:
    text, st = sent.doc.text, sent.doc.settings
    e = min(sent.end, pos + st.open_claimant)
    m = lex()["clause_split"].search(text, pos, e)
    if m:
        e = m.start()
    # The phrase ends before the next verb: "according to footage the army has lost".
    b = lex()["phrase_breaks"].search(text, pos, e)
    if b:
        e = b.start()
    for hits in (sent.verbs, sent.people_loss, sent.equip_loss):
        first = between(hits, pos, e)
        if first:
            e = min(e, first[0].start)
    # A second determiner after a noun opens another phrase: "per footage | the army".
    prev = None
    articles, links = lex()["articles"], lex()["name_links"]
    for w in _WORD.finditer(text, pos, e):
        low = w.group().lower()
        if prev is not None and low in articles and prev not in links:
            e = w.start()
            break
        prev = low
    return _claimant_phrase(sent, pos, e)


def _claimant_phrase(sent: Sentence, s: int, e: int) -> tuple[int, int] | None:
    """``text[s:e]`` trimmed to a noun phrase whose head can make a claim, or None."""
    text = sent.doc.text
    words = list(_WORD.finditer(text, s, e))
    if not words or len(words) > sent.doc.settings.claimant_words:
        return None
    if any(n.start < e and n.end > s for n in sent.numbers):
        return None
    discourse = lex()["discourse"]
    while words and words[0].group().lower() in discourse:
        words = words[1:]  # "Then he said", "Later the ministry said"
    if not words:
        return None
    lowered = [w.group().lower().strip(".") for w in words]
    heads, pronouns = lex()["claimant_heads"], lex()["pronouns"]
    phrase = " ".join(lowered)
    if phrase in pronouns:
        return words[0].start(), words[-1].end()
    if any(w in heads for w in lowered) or any(w.group()[:1].isupper() for w in words[1:]):
        start = words[0].start()
        return start, words[-1].end()
    return None


def _open(sent: Sentence, span: tuple[int, int], register: Register, basis: str) -> Frame | None:
    """A claimant no list names: a reference to the register, or the phrase as written."""
    text = sent.doc.text
    s, e = span
    phrase = " ".join(text[s:e].split())
    low = phrase.lower()
    if low in lex()["pronouns"]:
        found = register.resolve(low, s, sent.doc.settings.register_reach)
        if found is None:
            return None
        date = _frame(_as_actor(found), sent, s, "reference").date
        return replace(found, date=date, basis="reference")
    words = phrase.split()
    dets = lex()["determiners"]
    while words and words[0].lower() in dets:
        words = words[1:]
    if not words:
        return None
    head = words[-1].lower().strip(".,")
    if head in lex()["message_heads"]:
        # "said an official statement", "the report lists": whoever issued it
        found = register.resolve(head, s, sent.doc.settings.register_reach)
        if found is not None:
            date = _frame(_as_actor(found), sent, s, "reference").date
            return replace(found, date=date, basis="reference")
    inside = between(sent.claimants, s, e)
    if inside:
        m = inside[-1]
        if m.end >= e - 1 or m.actor.kind not in ("generic", "government", "state"):
            return _frame(m.actor, sent, s, basis)
        # "a Polish military analyst": the name as written, the side of its demonym
        actor = Actor(" ".join(words), m.actor.side, m.actor.country, kind="open")
        return _frame(actor, sent, s, "open_" + basis)
    name = " ".join(words)
    if not re.search(r"[A-Za-z]{2}", name):
        return None
    side, country = _side_in(sent, s, e)
    gaz = sent.doc.gaz
    heads = [w for w in (x.lower() for x in words) if w in lex()["state_heads"]]
    if country is None and heads and gaz.profile is not None:
        # "the Ministry of Defence of ..." with no demonym: the state organ named or
        # heard last in the document.
        found = register.resolve(heads[0], s, sent.doc.settings.register_reach)
        if found is not None and found.side in gaz.profile.side_ids:
            side, country = found.side, found.country
    actor = Actor(name, side, country or name, kind="open")
    return _frame(actor, sent, s, "open_" + basis)


def _side_in(sent: Sentence, s: int, e: int) -> tuple[str, str | None]:
    """The side of an unlisted claimant: a demonym or country inside its phrase; in a war
    with no profile, a state organ ("the health ministry", "authorities") speaks for a
    belligerent (``unattributed``), anyone else is a third party."""
    gaz = sent.doc.gaz
    for m in between(sent.subjects, s, e):
        side = m.actor.side
        if gaz.profile is None:
            return (
                "unattributed" if m.actor.kind in ("state", "armed_group") else _THIRD,
                m.actor.country,
            )
        return side if side != "unknown" else _THIRD, m.actor.country
    words = {w.group().lower() for w in _WORD.finditer(sent.doc.text, s, e)}
    if gaz.profile is None and words & lex()["state_heads"]:
        return "unattributed", None
    return _THIRD, None


def author_frame(doc: Doc, outlet: str | None, own_voice: Frame) -> Frame:
    """The document's author when the outlet is itself an actor (a ministry, a UN agency);
    else the outlet's own voice (sieve 5 and 6)."""
    if not outlet:
        return own_voice
    found = {m.actor for m in doc.gaz.claimants(outlet) if m.actor.kind not in ("news", "generic")}
    if len(found) != 1:
        return own_voice  # no actor, or an outlet citing several: the outlet's own voice
    a = found.pop()
    return Frame(a.name, a.side, a.country, None, "author", a.practice, a.kind)
