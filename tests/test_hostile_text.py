"""Hostile text: a bad part never sinks the whole, nothing is forged. One case per row."""

import dataclasses
import datetime as dt
from typing import NamedTuple

import pytest

import lossdata
from lossdata.extract import claims_frame


class Case(NamedTuple):
    id: str
    text: str
    expected: list[tuple]  # (value, category)


CASES = [
    Case(
        "absurd-figure-is-no-claim", "Officials said 10000000000 billion soldiers were killed.", []
    ),
    Case(
        "absurd-figure-keeps-the-rest",
        "Officials said 10000000000 billion soldiers were killed. Later 7 soldiers were killed.",
        [(7, "killed")],
    ),
    Case("a-run-of-number-words", "one hundred and " * 2000 + "killed", []),
    Case("a-minus-sign-is-no-count", "\u221250 soldiers were killed.", []),
    Case("zero-width-space-inside-a-number", "1\u200b20 soldiers were killed.", [(120, "killed")]),
    Case("soft-hyphen-inside-a-number", "3\u00ad400 soldiers were killed.", [(3400, "killed")]),
    Case(
        "pipe-table-cells-keep-their-own-loss-words",
        "| 3 killed | 5 wounded |\n| 2 tanks destroyed | 4 drones downed |",
        [(3, "killed"), (5, "wounded"), (2, "tanks"), (4, "drones")],
    ),
    Case("error-margin", "The count of 300 dead may vary by 20.", [(300, "killed")]),
    Case(
        "counts-of-strikes",
        "Twelve strikes hit the town and 4 civilians were killed.",
        [(4, "killed")],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_text(case):
    df = lossdata.extract_claims(case.text, published="2022-06-01", conflict="unknown")
    assert list(zip(df["value"], df["category"], strict=True)) == case.expected


def test_a_row_that_breaks_the_contract_is_dropped_with_a_warning_naming_it():
    good = next(lossdata.iter_claims("The ministry said 12 soldiers were killed."))
    broken = dataclasses.replace(
        good, claim_id="broken", char_start=40, char_end=42, claim_date=dt.date(1850, 1, 1)
    )
    with pytest.warns(UserWarning, match=r"text: dropped the figure '12' at 40 .*claim_date"):
        df = claims_frame([good, broken])
    assert df["claim_id"].tolist() == [good.claim_id]


@pytest.mark.parametrize("published", ["0001-01-01", "2150-01-01", "2020-10-28garbage"])
def test_a_published_date_out_of_range_is_a_clear_error(published):
    with pytest.raises(ValueError, match="published"):
        lossdata.extract_claims("Two soldiers were killed.", published=published)
