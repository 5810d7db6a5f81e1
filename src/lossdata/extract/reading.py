"""The records the counting grammar fills in: one ``Reading`` per count of a sentence, and
the ``Governor`` of a list ("Azerbaijan has lost:")."""

from __future__ import annotations

from dataclasses import dataclass

from .. import lexicon
from ..actors import Actor
from ..numbers import Number

__all__ = ["Governor", "Reading"]


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
    vague_noun: bool = False  # a people noun that does not say who ("people", "victims")
    # The count whose noun phrase this bare one shares ("killed 700 and wounded 1,200
    # enemy soldiers": 700 counts enemy soldiers too).
    noun_of: Reading | None = None

    @property
    def loss_end(self) -> int | None:
        """Where the loss word ends, when there is one."""
        return None if self.loss_at is None else self.loss_at + len(self.loss_word or "")

    enemy: bool = False  # "the enemy" names the claimant's opponent
    own: bool = False  # "their servicemen": the claimant's own side
    parent: Reading | None = None  # the count this one is nested in ("including 173 tanks")
