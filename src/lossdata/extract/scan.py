"""One pass over each sentence's words for every lexicon the grammar reads, and for the
actors of every conflict the document may belong to: detecting the conflict then costs
no second reading of the text."""

from __future__ import annotations

import functools

from .. import lexicon
from ..actors import Mention, all_conflicts_matcher, gazetteer
from ._lex import lex

__all__ = [
    "ACTOR_ROLES",
    "COUNT_LEXICONS",
    "FRAME_LEXICONS",
    "Scanner",
    "scanner",
]

# The lexicons that find a sentence's reporting frame, read in every sentence together
# with the actors of every candidate conflict (``lossdata.extract._lex.lex``).
FRAME_LEXICONS = ("verbs", "preps")
# The lexicons that read counts, in a second pass only over sentences that need them;
# then the scope phrases as ``scope:<label>``.
COUNT_LEXICONS = (
    "people_loss",
    "equip_loss",
    "equipment",
    "np_stop",
    "people_noun",
    "civilian_context",
)
ACTOR_ROLES = ("claimants", "subjects", "places")


class Scanner:
    """Two ``MultiMatcher``s: ``frame`` (``FRAME_LEXICONS`` and the actors of every
    conflict in ``conflicts``) and ``counts`` (``COUNT_LEXICONS`` and the scopes)."""

    def __init__(self, conflicts: tuple[str, ...]):
        self.conflicts = conflicts
        matchers = [lex()[name] for name in FRAME_LEXICONS]
        self._actors: dict[str, tuple[int, int]] = {}
        for conflict in conflicts:
            found = gazetteer(conflict).phrase_matchers
            self._actors[conflict] = (len(matchers), len(matchers) + len(found))
            matchers += found
        self.frame = lexicon.MultiMatcher(matchers)
        scopes = lex()["scope"]
        self.count_names = [*COUNT_LEXICONS, *(f"scope:{label}" for label, _ in scopes)]
        self.counts = lexicon.MultiMatcher(
            [lex()[name] for name in COUNT_LEXICONS] + [m for _, m in scopes]
        )

    def actors(
        self,
        conflict: str,
        found: list[list[lexicon.Match]],
        text: str,
        start: int,
        end: int,
        words: list[tuple[int, str]],
    ) -> tuple[list[Mention], list[Mention], list[Mention]]:
        """(claimants, subjects, places) of ``conflict`` from a span's ``frame`` hits; a
        conflict left out of this scanner gets a pass of its own."""
        g = gazetteer(conflict)
        span = self._actors.get(conflict)
        if span is None:
            found = all_conflicts_matcher((conflict,)).findall(text, start, end, words=words)
            return g.mentions_from(found)
        return g.mentions_from(found[span[0] : span[1]])


@functools.cache
def scanner(conflicts: tuple[str, ...]) -> Scanner:
    """The scanner for the documents that may belong to ``conflicts`` (built once)."""
    return Scanner(conflicts)
