"""Every window and limit of the extractor, in one frozen object.

The grammar looks a bounded distance around a number ("the loss word within 60
characters"); those distances live here, not as literals in the code, so that they
can be read, tuned and tested in one place (dateparser keeps its defaults the same way).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Settings", "SETTINGS"]


@dataclass(frozen=True)
class Settings:
    """Windows (in characters) and limits of the claims grammar."""

    max_text: int = 5_000_000  # a guard against runaway input, far above any article
    max_sentence: int = 1_200  # run-on "sentences" are cut at white space beyond this
    max_value: int = 10**10  # larger figures are no plausible loss count
    section_head: int = 600  # a post's own dated byline stands in its first lines
    noun_phrase: int = 80  # the noun phrase after a number
    owner_before_loss: int = 60  # "Azerbaijan lost ...": the owner stands this close to "lost"
    owner_gap: int = 40  # at most this much between the owner and "lost"
    frame_verb: int = 60  # "X said": X ends this close before the reporting verb
    frame_prep: int = 40  # "according to X": X starts this close after the preposition
    frame_after_verb: int = 4  # "..., said X"
    statement_date: int = 60  # "X said on Thursday": the date stands this close to X
    open_claimant: int = 90  # longest noun phrase read as an unlisted claimant
    place_after_noun: int = 40  # "civilians in Ganja"
    enemy_before: int = 40  # "the enemy's 12 tanks"
    equipment_left: int = 80  # "downed four" takes the equipment named this close before
    elided_loss_right: int = 12  # "5,000 killed": the loss word right after the count
    embedded_before: int = 60  # "among more than 2,050": a describing count
    era_window: int = 120  # a date or an earlier war named this close marks another era
    headline_lines: int = 3  # the first lines that can frame a whole document
    headline_length: int = 160  # longest line read as a headline
    conflict_min_score: int = 2  # mentions a profile needs before it is the text's conflict
    register_reach: int = 4000  # "the ministry" refers back at most this far


SETTINGS = Settings()
