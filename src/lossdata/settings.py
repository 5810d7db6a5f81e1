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
    inclusion_after: int = 40  # "4,000 losses, | which includes ...": this far after the count
    shared_loss_gap: int = 40  # "40 soldiers were killed, and | 12 civilians": at most this
    frame_verb: int = 60  # "X said": X ends this close before the reporting verb
    frame_prep: int = 40  # "according to X": X starts this close after the preposition
    frame_after_verb: int = 4  # "..., said X"
    statement_date: int = 60  # "X said on Monday": the date stands this close to X
    open_claimant: int = 90  # longest noun phrase read as an unlisted claimant
    place_after_noun: int = 40  # "civilians in Ganja"
    enemy_before: int = 40  # "the enemy's 12 tanks"
    equipment_left: int = 80  # "downed four" takes the equipment named this close before
    elided_loss_right: int = 12  # "5,000 killed": the loss word right after the count
    embedded_before: int = 60  # "among more than 1,500": a describing count
    era_window: int = 120  # a date or an earlier war named this close marks another era
    headline_lines: int = 3  # the first lines that can frame a whole document
    headline_length: int = 160  # longest line read as a headline
    conflict_min_score: int = 2  # mentions a profile needs before it is the text's conflict
    register_reach: int = 4000  # "the ministry" refers back at most this far
    frame_adjunct: int = 30  # "..., said in a statement the Ministry": the adjunct's length
    claimant_words: int = 12  # longest unlisted claimant, in words
    headline_claimant: int = 60  # longest name before the colon of "Armenian MoD: 1,200 killed"
    signature_name: int = 60  # longest name in a tweet's signature "— Name (@handle)"
    embedded_after: int = 60  # "40 volunteers, who were among 900 recruits, ...": the comma after
    margin_before: int = 20  # "may vary by 20": the margin words stand this close before
    nested_tail: int = 60  # "44 were injured, including nine": the total's clause before the part
    equipment_around: int = 40  # a loss word inside an equipment name starting this far before
    adjacent: int = 2  # "fatalities" right after a noun phrase: at most a space between
    names_before_noun: int = 40  # a name that starts this far before a noun phrase may cover it
    loss_after_count: int = 40  # "two have been hurt": the loss word this close after a bare count
    loss_before_count: int = 60  # "killing four": the loss word this close before the count
    word_after: int = 20  # the word right after a bare count, read in this many characters
    noun_first: int = 120  # "the death toll rose to 64": the loss word this close before
    noun_first_equipment: int = 30  # "tank losses reached": the equipment this close before
    noun_first_people: int = 40  # "civilian deaths: 212": the people noun this close before
    noun_first_names: int = 60  # "the number of Syrians killed": the name this close before
    possessive_before: int = 30  # "Russia's 40 tanks": the possessive this close before the count
    own_around: int = 12  # "9 of their servicemen": the possessive this close to the count
    agent_by_before: int = 8  # "by Azerbaijani forces": "by" this close before the name
    loss_object_before: int = 30  # "killed scores of | Azerbaijani soldiers": the verb this close
    agent_verb_after: int = 40  # "Azerbaijan had further destroyed": the loss verb this close after
    agent_noun_after: int = 30  # "Armenian shelling": the agent noun read this far after the name
    target_before: int = 40  # "an attack on Barda": the attack noun this close before the name
    era_years: int = 30  # without a profile, a year this long before the document is another era
    heading_length: int = 60  # longest line read as a section heading ("Per Armenian sources:")
    prose_line: int = 200  # a line longer than this is prose: it ends a heading's reach


SETTINGS = Settings()
