"""Numbers in text: one case per row, (text, [(value_text, value, low, high, qualifier)])."""

import pytest

from lossdata.numbers import find_numbers, parse_number

CASES = [
    ("6,674 troops", [("6,674", 6674, None, None, "exact")]),
    ("1.5 million Armenians", [("1.5 million", 1500000, None, None, "exact")]),
    ("four civilians", [("four", 4, None, None, "exact")]),
    ("Ninety-one civilians", [("Ninety-one", 91, None, None, "exact")]),
    ("two hundred and five soldiers", [("two hundred and five", 205, None, None, "exact")]),
    ("approximately a dozen injured", [("a dozen", 12, None, None, "about")]),
    ("two dozen drones", [("two dozen", 24, None, None, "exact")]),
    ("700–1,000 militants", [("700–1,000", 850, 700, 1000, "range")]),
    ("between 10 and 20 people", [("10 and 20", 15, 10, 20, "range")]),
    ("at least 188 fighters", [("188", 188, 188, None, "at_least")]),
    ("more than 2,300 servicemen", [("2,300", 2300, 2300, None, "more_than")]),
    ("over 80 deaths", [("80", 80, 80, None, "more_than")]),
    ("nearly 60 injured", [("60", 60, None, None, "about")]),
    ("about 250 tanks", [("250", 250, None, None, "about")]),
    ("around 30 tanks", [("30", 30, None, None, "about")]),
    ("some 2,000 fighters", [("2,000", 2000, None, None, "about")]),
    ("up to 1300 militants", [("1300", 1300, None, 1300, "up_to")]),
    ("fewer than 10 people", [("10", 10, None, 10, "less_than")]),
    (
        "92 Azerbaijani[45][46] and 40 Armenian",
        [("92", 92, None, None, "exact"), ("40", 40, None, None, "exact")],
    ),
    # not counts
    ("On 26 October 2020", []),
    ("October 26", []),
    ("in 2015", []),
    ("at 21:30", []),
    ("40 percent", []),
    ("30% of", []),
    ("$ 1.3 million", []),
    ("US$2 billion", []),
    ("5 kilometres (3.1 mi)", []),
    ("10-12km", []),
    ("the 15th brigade", []),
    ("[42]", []),
    ("T-72, BM-21, Su-25, S-300, Mi-24, D-30, 2A36, 9K33", []),
    ("18 year-old soldiers", []),
    ("a two-year-old girl", []),
    ("(2020-09-27)", []),
    ("1988–1994", []),
    ("between 9 and 15 October", []),
    ("several hundred refugees", []),
    ("dozens of villages", []),
    ("November 10, 20203780", []),
    ("pic.twitter.com/auTkXWhgrW", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_find_numbers(text, expected):
    found = [(n.text, n.value, n.low, n.high, n.qualifier) for n in find_numbers(text)]
    assert found == expected
    for n in find_numbers(text):
        assert text[n.start : n.end] == n.text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("6,674", 6674),
        ("1.5 million", 1500000),
        ("Ninety-one", 91),
        ("a dozen", 12),
        ("twenty one", 21),
        ("one thousand two hundred", 1200),
        ("2.5", None),
        ("banana", None),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value
