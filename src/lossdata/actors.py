"""Who speaks and whose loss: mentions of actors, subjects and places in text.

The gazetteer (``resources/actors.yaml``) maps aliases to canonical names and
sides; this module finds them in text. Claimant and subject *resolution* (which
mention governs which number) is grammar, and lives in ``extract.py``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from . import lexicon

__all__ = ["Actor", "Mention", "actor_mentions", "subject_mentions", "place_mentions",
           "opponent", "opponent_name"]

SIDES_AT_WAR = {"armenia": "azerbaijan", "azerbaijan": "armenia"}
_COUNTRY_OF_SIDE = {"armenia": "Armenia", "azerbaijan": "Azerbaijan"}


@dataclass(frozen=True)
class Actor:
    name: str
    side: str
    country: str
    population: str | None = None


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    actor: Actor


def opponent(side: str) -> str | None:
    """The other belligerent's side, or None for third parties."""
    return SIDES_AT_WAR.get(side)


def opponent_name(side: str) -> str | None:
    other = opponent(side)
    return _COUNTRY_OF_SIDE.get(other) if other else None


def _split_case(aliases: list[tuple[str, Actor]]) -> tuple[list, list]:
    # Short all-capital acronyms ("UN", "APA") only match in capitals, so that
    # ordinary words are not read as organisations.
    exact = [(a, k) for a, k in aliases if a.isupper() and len(a) <= 4]
    loose = [(a, k) for a, k in aliases if not (a.isupper() and len(a) <= 4)]
    return exact, loose


class _Gazetteer:
    def __init__(self, entries: list[tuple[str, Actor]]):
        self.by_key: dict[str, Actor] = {}
        pairs = []
        for i, (alias, actor) in enumerate(entries):
            key = f"a{i}"
            self.by_key[key] = actor
            pairs.append((alias, key))
        exact, loose = _split_case(pairs)
        self.exact = lexicon.PhraseMatcher(exact, case_sensitive=True)
        self.loose = lexicon.PhraseMatcher(loose)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        found = [*self.exact.finditer(text, start, end), *self.loose.finditer(text, start, end)]
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        out: list[Mention] = []
        last_end = -1
        for m in found:
            if m.start >= last_end:
                out.append(Mention(m.start, m.end, m.text, self.by_key[m.label]))
                last_end = m.end
        return out


@functools.cache
def _gazetteers() -> dict[str, _Gazetteer]:
    data = lexicon.load("actors")
    actors = []
    for entry in data["actors"]:
        actor = Actor(entry["name"], entry["side"], entry.get("country", entry["name"]))
        actors.extend((alias, actor) for alias in [entry["name"], *entry["aliases"]])
    subjects = []
    for entry in data["subjects"]:
        actor = Actor(entry["name"], entry["side"], entry["name"], entry.get("population"))
        subjects.extend((form, actor) for form in entry["forms"])
    # "Armenian sources", "Azerbaijani officials": a demonym and a claimant noun.
    generic = []
    for entry in data["subjects"]:
        for form in entry["forms"]:
            for noun in data["claimant_nouns"]:
                name = f"{form} {noun}"
                generic.append((name, Actor(name, entry["side"], entry["name"])))
    places = []
    for side, names in data["places"].items():
        actor = Actor(_COUNTRY_OF_SIDE.get(side, side), side, _COUNTRY_OF_SIDE.get(side, side))
        places.extend((name, actor) for name in names)
    return {
        "actors": _Gazetteer(actors + generic),
        "subjects": _Gazetteer(subjects),
        "places": _Gazetteer(places),
    }


def actor_mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Mentions of claimants (ministries, officials, NGOs, "Armenian sources"...)."""
    return _gazetteers()["actors"].find(text, start, end)


def subject_mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Demonyms and names that can say whose loss a number counts."""
    return _gazetteers()["subjects"].find(text, start, end)


def place_mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Towns and regions, with the side whose civilians live there."""
    return _gazetteers()["places"].find(text, start, end)


@functools.cache
def agent_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.load("actors")["agent_nouns"])
