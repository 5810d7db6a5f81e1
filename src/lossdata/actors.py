"""Who speaks and whose loss: the gazetteer of one conflict, and mentions of it in text.

A ``Gazetteer`` is built from a conflict profile (``resources/conflicts/``) and the
actors that stand outside any war (``resources/common_actors.yaml``). It maps
aliases to canonical actors with their side; it holds no grammar (which mention
governs which number is decided in ``lossdata.extract``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from . import lexicon
from .conflicts import THIRD_PARTY, UNKNOWN, Profile, get_profile

__all__ = [
    "Actor",
    "Gazetteer",
    "Mention",
    "all_conflicts_matcher",
    "conflict_evidence",
    "gazetteer",
]

UNATTRIBUTED = "unattributed"


@dataclass(frozen=True)
class Actor:
    """A canonical actor: its name, side, the state or group it stands for, and its kind.

    ``kind`` is one of ``side`` (an institution or official of a side), ``government``
    (a country or capital standing for its state), ``generic`` ("Armenian officials"),
    ``organisation``, ``news``, ``state`` (a state outside the conflict), ``armed_group``,
    ``subject`` (a people or group whose losses are counted).
    """

    name: str
    side: str
    country: str
    population: str | None = None
    kind: str = "organisation"
    practice: tuple[tuple[str, str], ...] = ()


class Mention(NamedTuple):
    """An actor named in a text (a named tuple: the grammar makes many of them)."""

    start: int
    end: int
    text: str
    actor: Actor


class _Matcher:
    """Alias -> actor lookup over text; the longest alias wins where mentions overlap."""

    def __init__(self, entries: list[tuple[str, Actor]]):
        self.by_key: dict[str, Actor] = {}
        exact, loose = [], []
        seen: set[str] = set()
        for alias, actor in entries:
            alias = " ".join(str(alias).split())
            if not alias or alias.lower() in seen:
                continue  # the first entry of an alias wins: profiles come before common actors
            seen.add(alias.lower())
            key = f"a{len(self.by_key)}"
            self.by_key[key] = actor
            # Short all-capital acronyms ("UN", "AP") only match in capitals, so that
            # ordinary words are not read as organisations.
            (exact if alias.isupper() and len(alias) <= 4 else loose).append((alias, key))
        self.exact = lexicon.PhraseMatcher(exact, case_sensitive=True)
        self.loose = lexicon.PhraseMatcher(loose)

    def find(
        self,
        text: str,
        start: int = 0,
        end: int | None = None,
        *,
        words: list[tuple[int, str]] | None = None,
    ) -> list[Mention]:
        if words is None:
            words = lexicon.words_of(text, start, end)
        return self.mentions(
            self.exact.findall(text, start, end, words=words),
            self.loose.findall(text, start, end, words=words),
        )

    def mentions(self, exact: list[lexicon.Match], loose: list[lexicon.Match]) -> list[Mention]:
        """The mentions from the two matchers' hits: the longest wins where they overlap."""
        found = [*exact, *loose]
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        out: list[Mention] = []
        last_end = -1
        for m in found:
            if m.start >= last_end:
                out.append(Mention(m.start, m.end, m.text, self.by_key[m.label]))
                last_end = m.end
        return out


@functools.cache
def _common() -> dict:
    return lexicon.load("common_actors")


class Gazetteer:
    """The actors, subjects and places known for one conflict (or for ``"unknown"``)."""

    def __init__(self, conflict: str):
        self.conflict = conflict
        self.profile: Profile | None = get_profile(conflict)
        common = _common()
        nouns = common.get("claimant_nouns", [])
        claimants: list[tuple[str, Actor]] = []
        subjects: list[tuple[str, Actor]] = []
        places: list[tuple[str, Actor]] = []
        side_names: dict[str, str] = {}
        p = self.profile
        if p is not None:
            for s in p.sides:
                side_names[s.name.lower()] = s.id
                state = Actor(s.name, s.id, s.name, kind="subject")
                gov = Actor(s.government, s.id, s.name, kind="government")
                for entry in s.actors:
                    practice = tuple(sorted((entry.get("practice") or {}).items()))
                    actor = Actor(
                        entry["name"],
                        s.id,
                        entry.get("country", s.name),
                        kind="side",
                        practice=practice,
                    )
                    claimants += [(a, actor) for a in [entry["name"], *entry.get("aliases", ())]]
                claimants += [(a, gov) for a in [s.government, *s.country_names]]
                claimants += self._generic(s.demonyms, nouns, s.id, s.name)
                subjects += [(f, state) for f in [*s.demonyms, *s.country_names, s.name]]
                for entry in s.subjects:
                    actor = Actor(
                        entry["name"], s.id, entry["name"], entry.get("population"), kind="subject"
                    )
                    subjects += [(f, actor) for f in [entry["name"], *entry.get("forms", ())]]
                places += [(name, state) for name in s.places]
            for entry in p.third_actors:
                actor = Actor(entry["name"], THIRD_PARTY, entry["name"], kind="third")
                claimants += [(a, actor) for a in [entry["name"], *entry.get("aliases", ())]]
            for entry in p.third_subjects:
                actor = Actor(
                    entry["name"], THIRD_PARTY, entry["name"], entry.get("population"), kind="third"
                )
                subjects += [(f, actor) for f in [entry["name"], *entry.get("forms", ())]]
        outsider = THIRD_PARTY if p is not None else UNKNOWN
        for entry in common.get("organisations", []):
            actor = Actor(entry["name"], THIRD_PARTY, entry["name"], kind="organisation")
            claimants += [(a, actor) for a in [entry["name"], *entry.get("aliases", ())]]
        for entry in common.get("news", []):
            actor = Actor(entry["name"], THIRD_PARTY, entry["name"], kind="news")
            claimants += [(a, actor) for a in [entry["name"], *entry.get("aliases", ())]]
        for entry in common.get("countries", []):
            name = entry["name"]
            side = side_names.get(name.lower())
            if side is not None:  # a side of this conflict: the profile knows it
                for a in entry.get("actors", ()):
                    actor = Actor(a["name"], side, name, kind="side")
                    claimants += [(x, actor) for x in [a["name"], *a.get("aliases", ())]]
                continue
            # Outside a profile a state may be a belligerent: its side is decided per
            # document (see lossdata.extract); here it is a third party or unattributed.
            claimant_side = THIRD_PARTY if p is not None else UNATTRIBUTED
            gov = Actor(
                entry.get("government", f"{name} government"), claimant_side, name, kind="state"
            )
            for a in entry.get("actors", ()):
                actor = Actor(a["name"], claimant_side, name, kind="state")
                claimants += [(x, actor) for x in [a["name"], *a.get("aliases", ())]]
            claimants += [(x, gov) for x in [gov.name, *entry.get("country_names", ())]]
            claimants += self._generic(
                entry.get("demonyms", ()), nouns, claimant_side, name, kind="state"
            )
            state = Actor(name, outsider, name, kind="state")
            subjects += [
                (f, state)
                for f in [name, *entry.get("demonyms", ()), *entry.get("country_names", ())]
            ]
        for entry in common.get("armed_groups", []):
            claimant_side = THIRD_PARTY if p is not None else UNATTRIBUTED
            actor = Actor(
                entry["name"], claimant_side, entry["name"], "military", kind="armed_group"
            )
            claimants += [(a, actor) for a in [entry["name"], *entry.get("aliases", ())]]
            subject = Actor(entry["name"], outsider, entry["name"], "military", kind="armed_group")
            subjects += [(a, subject) for a in [entry["name"], *entry.get("aliases", ())]]
        self._claimants = _Matcher(claimants)
        self._subjects = _Matcher(subjects)
        self._places = _Matcher(places)

    @property
    def side_ids(self) -> tuple[str, ...]:
        """The ids of the conflict's sides (none for a war with no profile)."""
        return self.profile.side_ids if self.profile else ()

    @property
    def phrase_matchers(self) -> list[lexicon.PhraseMatcher]:
        """The matchers behind ``claimants``, ``subjects`` and ``places``, for a
        ``lexicon.MultiMatcher`` that reads them in one pass with other lexicons."""
        return [
            m for a in (self._claimants, self._subjects, self._places) for m in (a.exact, a.loose)
        ]

    def mentions_from(
        self, found: Sequence[list[lexicon.Match]]
    ) -> tuple[list[Mention], list[Mention], list[Mention]]:
        """(claimants, subjects, places) from the hits of ``phrase_matchers``, in order."""
        c, s, p = self._claimants, self._subjects, self._places
        return (
            c.mentions(found[0], found[1]),
            s.mentions(found[2], found[3]),
            p.mentions(found[4], found[5]),
        )

    @staticmethod
    def _generic(demonyms, nouns, side: str, country: str, kind: str = "generic"):
        # "Armenian sources", "Ukrainian officials": a demonym and a claimant noun.
        return [
            (f"{d} {n}", Actor(f"{d} {n}", side, country, kind=kind))
            for d in demonyms
            for n in nouns
        ]

    def claimants(
        self,
        text: str,
        start: int = 0,
        end: int | None = None,
        *,
        words: list[tuple[int, str]] | None = None,
    ) -> list[Mention]:
        """Mentions of claimants (ministries, officials, NGOs, "Armenian sources"...)."""
        return self._claimants.find(text, start, end, words=words)

    def subjects(
        self,
        text: str,
        start: int = 0,
        end: int | None = None,
        *,
        words: list[tuple[int, str]] | None = None,
    ) -> list[Mention]:
        """Demonyms and names that can say whose loss a number counts."""
        return self._subjects.find(text, start, end, words=words)

    def places(
        self,
        text: str,
        start: int = 0,
        end: int | None = None,
        *,
        words: list[tuple[int, str]] | None = None,
    ) -> list[Mention]:
        """Towns and regions, with the side whose civilians live there."""
        return self._places.find(text, start, end, words=words)

    def opponent(self, side: str) -> str | None:
        return self.profile.opponent(side) if self.profile else None

    def side_actor(self, side: str | None) -> Actor:
        """The state (as a subject) of ``side``; an unknown actor for anything else."""
        s = self.profile.side(side) if self.profile and side else None
        if s is None:
            return Actor("unknown", "unknown", "unknown", kind="subject")
        return Actor(s.name, s.id, s.name, kind="subject")

    def government(self, side: str) -> Actor | None:
        s = self.profile.side(side) if self.profile else None
        return Actor(s.government, s.id, s.name, kind="government") if s else None


@functools.cache
def gazetteer(conflict: str) -> Gazetteer:
    """The gazetteer of ``conflict`` (built once per conflict)."""
    return Gazetteer(conflict)


def conflict_evidence(conflict: str, mentions: Iterable[Mention]) -> tuple[int, int]:
    """(mentions of the conflict's sides, mentions of states and armed groups outside it),
    counted over ``mentions``: the conflict's gazetteer's claimants, subjects and places."""
    g = gazetteer(conflict)
    sides = set(g.side_ids)
    own_states = {s.name.lower() for s in g.profile.sides} if g.profile else set()
    states = _state_forms()
    own = foreign = 0
    for m in mentions:
        state = states.get(m.text.lower())
        if state is not None and state not in own_states and m.actor.side in sides:
            foreign += 1  # "Syrian" names Syria, though a profile counts Syrian fighters
        elif m.actor.side in sides:
            own += 1
        elif m.actor.kind in ("state", "armed_group"):
            foreign += 1
    return own, foreign


@functools.cache
def all_conflicts_matcher(conflicts: tuple[str, ...]) -> lexicon.MultiMatcher:
    """One pass over a text finds the actors of every conflict in ``conflicts``."""
    return lexicon.MultiMatcher([m for c in conflicts for m in gazetteer(c).phrase_matchers])


@functools.cache
def _state_forms() -> dict[str, str]:
    """Each name and demonym of a state in the common file -> the state's name, lowercased."""
    out = {}
    for entry in _common().get("countries", []):
        for form in [entry["name"], *entry.get("demonyms", ()), *entry.get("country_names", ())]:
            out.setdefault(" ".join(str(form).split()).lower(), entry["name"].lower())
    return out
