"""The lexicon machinery the speed work rests on: one pass for many lexicons finds what
each finds alone, and the cue words that gate the number and date readers never hide one."""

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lossdata import lexicon
from lossdata.dates import date_cues, find_dates
from lossdata.extract._lex import lex
from lossdata.extract.scan import scanner
from lossdata.numbers import find_numbers, number_cues

# Words that start phrases of several lexicons at once, and filler.
VOCABULARY = [
    "the", "Armenian", "Defence", "Ministry", "said", "according", "to", "killed", "were",
    "soldiers", "tanks", "destroyed", "shot", "down", "drones", "in", "Ukraine's", "General",
    "Staff", "Russian", "troops", "wounded", "since", "the", "start", "of", "war", "Tuesday",
    "3", "1,200", "five", "dozen", "May", "and", ",", ".", "(", ")", "-", "Kyiv", "officials",
]  # fmt: skip

words_text = st.lists(st.sampled_from(VOCABULARY), max_size=40).map(" ".join)


def _matchers() -> list[lexicon.PhraseMatcher]:
    sc = scanner(("armenia-azerbaijan", "russia-ukraine"))
    return list([*sc.frame.matchers, *sc.counts.matchers])


@settings(max_examples=150, deadline=None)
@given(text=words_text)
def test_one_pass_finds_what_each_lexicon_finds_alone(text):
    matchers = _matchers()
    together = lexicon.MultiMatcher(matchers).findall(text)
    alone = [m.findall(text) for m in matchers]
    assert together == alone


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("The Armenian Defence Ministry said 5 soldiers were killed.", 0, None),
        ("The Armenian Defence Ministry said 5 soldiers were killed.", 4, 30),
        ("shot down shot down shot", 0, None),
        ("", 0, None),
    ],
    ids=["whole", "a window", "repeated phrase", "empty"],
)
def test_one_pass_respects_the_span(text, start, end):
    matchers = _matchers()
    together = lexicon.MultiMatcher(matchers).findall(text, start, end)
    assert together == [m.findall(text, start, end) for m in matchers]


def test_longest_phrase_wins_in_one_pass():
    text = "Two drones were shot down."
    [hits] = lexicon.MultiMatcher([lex()["equip_loss"]]).findall(text)
    assert [h.text for h in hits] == ["shot down"]


_DIGIT = re.compile(r"\d")


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("abdefhilmnorstuvwy -,.")), max_size=80))
def test_no_number_without_a_digit_or_a_number_word(text):
    words = {w for _, w in lexicon.words_of(text)}
    if _DIGIT.search(text) is None and number_cues().isdisjoint(words):
        assert find_numbers(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Officials said on 3 May that five soldiers died.",
        "It happened on Tuesday, the ministry said.",
        "Shelling overnight killed two.",
        "As of October 26, 1,200 were dead.",
    ],
)
def test_every_date_has_a_cue_word(text):
    found = find_dates(text, reference=dt.date(2020, 10, 28))
    assert found, "the example must hold a date"
    words = {w for _, w in lexicon.words_of(text)}
    assert not date_cues().isdisjoint(words)
