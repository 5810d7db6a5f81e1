"""One pass over each sentence's words for every lexicon the grammar reads, and for the
actors of every conflict the document may belong to: detecting the conflict then costs
no second reading of the text."""

from __future__ import annotations

import functools

from .. import lexicon
from ..actors import Gazetteer, Mention, gazetteer
from ._lex import lex

__all__ = ["ACTOR_ROLES", "LEXICONS", "Scanner", "actor_matcher", "scanner"]

# The lexicons every sentence is indexed for (``lossdata.extract._lex.lex``), then the
# scope phrases as ``scope:<label>``.
LEXICONS = (
    "people_loss",
    "equip_loss",
    "equipment",
    "preps",
    "np_stop",
    "people_noun",
    "verbs",
    "civilian_context",
)
ACTOR_ROLES = ("claimants", "subjects", "places")


class Scanner:
    """The lexicons and the actor matchers of ``conflicts``, read as one ``MultiMatcher``."""

    def __init__(self, conflicts: tuple[str, ...]):
        self.conflicts = conflicts
        self.names = [*LEXICONS, *(f"scope:{label}" for label, _ in lex()["scope"])]
        matchers = [lex()[name] for name in LEXICONS] + [m for _, m in lex()["scope"]]
        self._actors: dict[str, tuple[int, int]] = {}
        for conflict in conflicts:
            found = gazetteer(conflict).phrase_matchers
            self._actors[conflict] = (len(matchers), len(matchers) + len(found))
            matchers += found
        self.matcher = lexicon.MultiMatcher(matchers)

    def actors(
        self,
        conflict: str,
        found: list[list[lexicon.Match]],
        text: str,
        start: int,
        end: int,
        words: list[tuple[int, str]],
    ) -> tuple[list[Mention], list[Mention], list[Mention]]:
        """(claimants, subjects, places) of ``conflict`` from a span's hits ``found``; a
        conflict left out of this scanner gets a pass of its own."""
        g = gazetteer(conflict)
        span = self._actors.get(conflict)
        if span is None:
            return g.mentions_from(actor_matcher(g).findall(text, start, end, words=words))
        return g.mentions_from(found[span[0] : span[1]])


@functools.cache
def scanner(conflicts: tuple[str, ...]) -> Scanner:
    """The scanner for the documents that may belong to ``conflicts`` (built once)."""
    return Scanner(conflicts)


@functools.cache
def actor_matcher(gaz: Gazetteer) -> lexicon.MultiMatcher:
    return lexicon.MultiMatcher(gaz.phrase_matchers)
