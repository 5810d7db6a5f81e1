"""The claims grammar on sentences it was not built from: one case per row.

Each row: (text, [(value, category, subject_side, claimant_side), ...]) for the
claims expected, in order of position.
"""

import datetime as dt
import random

import pandas as pd
import pytest

from lossdata import extract_claims
from lossdata.schema import COLUMNS

CASES = [
    (
        "The Armenian Defence Ministry said 35 Azerbaijani soldiers were killed.",
        [(35, "killed", "azerbaijan", "armenia")],
    ),
    (
        "According to the Azerbaijani Defence Ministry, 12 Armenian tanks and 4 howitzers were "
        "destroyed.",
        [(12, "tanks", "armenia", "azerbaijan"), (4, "artillery", "armenia", "azerbaijan")],
    ),
    (
        "Baku said Armenian shelling of Tartar killed three civilians and wounded 11 others.",
        [(3, "killed", "azerbaijan", "azerbaijan"), (11, "wounded", "azerbaijan", "azerbaijan")],
    ),
    (
        "Yerevan reported that 2 Su-25 warplanes and five Bayraktar drones had been shot down.",
        [(2, "aircraft", "azerbaijan", "armenia"), (5, "drones", "azerbaijan", "armenia")],
    ),
    (
        "The SOHR documented the deaths of at least 40 Syrian mercenaries.",
        [(40, "killed", "azerbaijan", "third_party")],
    ),
    ("Nearly 5,000 killed overall, Putin says.", [(5000, "killed", "unknown", "third_party")]),
    ("Artsakh authorities said 120 servicemen had died.", [(120, "killed", "armenia", "armenia")]),
    (
        "Some 40,000 people have fled Stepanakert, per the Artsakh Ombudsman.",
        [(40000, "displaced", "armenia", "armenia")],
    ),
    (
        "Azerbaijan's Prosecutor General said 20 civilians were hospitalized in Ganja.",
        [(20, "wounded", "azerbaijan", "azerbaijan")],
    ),
    ("The enemy lost 7 tanks, the Armenian MoD said.", [(7, "tanks", "azerbaijan", "armenia")]),
    (
        "Fifteen Azerbaijani soldiers were taken prisoner, Armenian officials claimed.",
        [(15, "captured", "azerbaijan", "armenia")],
    ),
    ("Four journalists were injured in Martuni.", [(4, "wounded", "armenia", "unattributed")]),
    # not claims
    ("Russia deployed 1,970 peacekeepers and 90 armored personnel carriers.", []),
    ("Turkey sent 2,050 Syrian fighters to Azerbaijan.", []),
    ("Azerbaijan captured 13 villages on 20 October.", []),
    ("40 percent of the city was destroyed.", []),
    ("The ceasefire failed three times.", []),
    ("The T-72 and the BM-21 were shown at the 2015 parade.", []),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_extract_sentence(text, expected):
    # One sentence rarely names enough of a war to tell which: these are of the 2020 war.
    df = extract_claims(
        text,
        doc_id="t",
        published="2020-10-20",
        outlet="Test Outlet",
        conflict="armenia-azerbaijan",
    )
    got = list(
        zip(df["value"], df["category"], df["subject_side"], df["claimant_side"], strict=True)
    )
    assert got == expected


def test_list_items_carry_the_introducing_frame():
    text = (
        "On 26 October the Armenian Defence Ministry said Azerbaijan has lost:\n"
        "  • 10 tanks\n  • 3 helicopters\n\nSee the map for details.\n  • 5 drones"
    )
    df = extract_claims(text, published="2020-10-30")
    assert df["value"].tolist() == [10, 3]
    assert set(df["claimant"]) == {"Armenian Ministry of Defence"}
    assert set(df["subject_side"]) == {"azerbaijan"}
    assert df["claim_date"].dt.date.tolist() == [dt.date(2020, 10, 26)] * 2


@pytest.mark.parametrize(
    ("text", "date", "basis", "scope"),
    [
        (
            "As of 28 October, Artsakh said 1,166 servicemen were killed.",
            "2020-10-28",
            "text",
            "cumulative",
        ),
        (
            "By 7 October, Azerbaijan said it destroyed 250 tanks.",
            "2020-10-07",
            "text",
            "cumulative",
        ),
        ("On Wednesday night four drones were shot down.", "2020-11-04", "text", "period"),
        (
            "Armenia said 30 soldiers were killed in the attack.",
            "2020-11-05",
            "document",
            "incident",
        ),
    ],
)
def test_claim_dates_and_scope(text, date, basis, scope):
    df = extract_claims(text, published="2020-11-05")  # a Thursday
    assert df["claim_date"].dt.strftime("%Y-%m-%d").tolist() == [date]
    assert df["date_basis"].tolist() == [basis]
    assert df["scope"].tolist() == [scope]


def test_offsets_point_into_the_normalised_text():
    from lossdata.text import normalize

    raw = "Armenia said \u201c700\u6bcf1,000 militants\u201d were killed."
    df = extract_claims(raw)
    norm = normalize(raw).text
    row = df.iloc[0]
    assert norm[row["char_start"] : row["char_end"]] == row["value_text"] == "700\u20131,000"
    assert (row["value"], row["value_low"], row["value_high"]) == (850, 700, 1000)


def test_empty_result_has_the_schema():
    df = extract_claims("Nothing to see here.")
    assert list(df.columns) == COLUMNS and df.empty


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"text": b"bytes"}, TypeError),
        ({"text": None}, TypeError),
        ({"text": "x", "published": "last week"}, ValueError),
        ({"text": "x", "doc_id": ""}, ValueError),
    ],
)
def test_bad_input_gets_a_clear_error(kwargs, error):
    text = kwargs.pop("text")
    with pytest.raises(error):
        extract_claims(text, **kwargs)


def test_claim_ids_are_stable():
    text = "The Armenian MoD said 12 drones and 3 tanks were destroyed."
    a = extract_claims(text, doc_id="d")
    b = extract_claims(text, doc_id="d")
    pd.testing.assert_frame_equal(a, b)
    assert a["claim_id"].is_unique


def test_garbage_never_raises():
    rng = random.Random(20201027)
    alphabet = "0123456789 ,.;:-–()[]•\n\tkilledwoundedtanksArmenianAzerbaijani$%@#每邦"
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        extract_claims(text)  # validates its own output: no exception is the assertion


@pytest.mark.parametrize(
    "text",
    [
        "1" * 20000,
        "1," * 10000,
        "a " * 20000,
        "killed " * 5000,
        "[" * 10000,
        "-" * 20000,
        "12 " * 5000 + "killed",
        "Armenia said " * 3000,
    ],
)
def test_adversarial_text_completes(text):
    extract_claims(text)


@pytest.mark.parametrize("enabled", [True, False], ids=["gc on", "gc off"])
def test_paused_gc_restores_the_collector_as_it_was(enabled):
    import gc

    from lossdata.extract import paused_gc

    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        with pytest.raises(RuntimeError), paused_gc():
            assert not gc.isenabled()
            raise RuntimeError("a failure inside")
        assert gc.isenabled() is enabled
        extract_claims("The army said 4 soldiers were killed.")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
