"""End to end on the seeds: hand-verified claims, one per row.

Each row was checked against the hand annotation in tests/gold/claims.csv, which was
made by reading the texts: (doc prefix, value, category, subject_side, claimant_side,
claim_date).
"""

import pytest

from lossdata import load_claims

CLAIMS = [
    ("000", 4, "killed", "azerbaijan", "azerbaijan", "2020-11-06"),
    ("000", 13, "wounded", "azerbaijan", "azerbaijan", "2020-11-06"),
    ("000", 4, "drones", "azerbaijan", "armenia", "2020-11-06"),
    ("000", 257, "armored_vehicles", "armenia", "third_party", "2020-11-06"),
    ("000", 173, "tanks", "armenia", "third_party", "2020-11-06"),
    ("000", 147, "artillery", "armenia", "third_party", "2020-11-06"),
    ("000", 67, "mlrs", "armenia", "third_party", "2020-11-06"),
    ("000", 23, "air_defense", "armenia", "third_party", "2020-11-06"),
    ("000", 14, "radars", "armenia", "third_party", "2020-11-06"),
    ("000", 30, "tanks", "azerbaijan", "unattributed", "2020-11-06"),
    ("001", 4, "drones", "azerbaijan", "unattributed", "2020-11-04"),
    ("001", 46, "killed", "armenia", "unattributed", "2020-11-04"),
    ("001", 144, "wounded", "armenia", "unattributed", "2020-11-04"),
    ("002", 6674, "killed", "azerbaijan", "armenia", "2020-10-26"),
    ("002", 600, "armored_vehicles", "azerbaijan", "armenia", "2020-10-26"),
    ("002", 6, "mlrs", "azerbaijan", "armenia", "2020-10-26"),
    ("002", 24, "aircraft", "azerbaijan", "armenia", "2020-10-26"),
    ("002", 16, "helicopters", "azerbaijan", "armenia", "2020-10-26"),
    ("002", 220, "drones", "azerbaijan", "armenia", "2020-10-26"),
    ("003", 217, "killed", "azerbaijan", "third_party", "2020-10-30"),
    ("003", 1166, "killed", "armenia", "armenia", "2020-10-30"),
    ("003", 17, "captured", "armenia", "armenia", "2020-10-30"),
    ("003", 5000, "killed", "unknown", "third_party", "2020-10-22"),
    ("003", 92, "killed", "azerbaijan", "unattributed", "2020-10-30"),
    ("003", 40, "killed", "armenia", "unattributed", "2020-10-30"),
    ("003", 392, "wounded", "azerbaijan", "unattributed", "2020-10-30"),
    ("003", 100, "wounded", "armenia", "unattributed", "2020-10-30"),
    ("003", 2, "wounded", "armenia", "unattributed", "2020-10-30"),
    ("003", 1, "wounded", "third_party", "unattributed", "2020-10-30"),
    ("003", 90000, "displaced", "armenia", "armenia", "2020-10-30"),
    ("003", 13, "air_defense", "armenia", "unattributed", "2020-10-30"),
    ("003", 2, "killed", "armenia", "armenia", "2020-09-27"),
    ("003", 12, "wounded", "armenia", "armenia", "2020-09-27"),
    ("003", 2, "killed", "armenia", "armenia", "2020-10-10"),
    ("003", 40, "killed", "armenia", "armenia", "2020-10-17"),
    ("003", 91, "killed", "azerbaijan", "azerbaijan", "2020-10-21"),
    ("003", 392, "wounded", "azerbaijan", "azerbaijan", "2020-10-21"),
    ("003", 90000, "displaced", "armenia", "armenia", "2020-10-23"),
    ("003", 7, "wounded", "unknown", "unattributed", "2020-10-30"),
    ("003", 2, "wounded", "third_party", "unattributed", "2020-10-01"),
    ("003", 188, "killed", "azerbaijan", "third_party", "2020-10-30"),
    ("003", 1166, "killed", "armenia", "armenia", "2020-10-28"),
    ("003", 250, "armored_vehicles", "armenia", "azerbaijan", "2020-10-07"),
    ("003", 150, "vehicles", "armenia", "azerbaijan", "2020-10-07"),
    ("003", 11, "other_equipment", "armenia", "azerbaijan", "2020-10-07"),
    ("003", 270, "artillery", "armenia", "azerbaijan", "2020-10-07"),
    ("003", 60, "air_defense", "armenia", "azerbaijan", "2020-10-07"),
    ("003", 4, "air_defense", "armenia", "azerbaijan", "2020-10-07"),
    ("003", 25, "air_defense", "armenia", "azerbaijan", "2020-10-07"),
    ("003", 18, "drones", "armenia", "azerbaijan", "2020-10-07"),
    ("003", 8, "other_equipment", "armenia", "azerbaijan", "2020-10-07"),
    ("003", 2, "artillery", "armenia", "azerbaijan", "2020-10-14"),
    ("003", 3, "missile_launchers", "armenia", "azerbaijan", "2020-10-14"),
    ("003", 39, "vehicles", "azerbaijan", "armenia", "2020-10-02"),
    ("003", 21, "killed", "azerbaijan", "unattributed", "2020-10-28"),
    ("003", 1, "killed", "azerbaijan", "unattributed", "2020-10-28"),
    ("003", 70, "wounded", "azerbaijan", "unattributed", "2020-10-28"),
    ("003", 93, "killed", "azerbaijan", "third_party", "2020-10-05"),
    ("003", 28, "killed", "azerbaijan", "third_party", "2020-10-01"),
    ("003", 60, "wounded", "azerbaijan", "third_party", "2020-10-01"),
    ("003", 188, "killed", "azerbaijan", "third_party", "2020-10-20"),
    ("003", 50, "killed", "azerbaijan", "third_party", "2020-10-14"),
    ("004", 800, "killed", "armenia", "azerbaijan", "2020-11-08"),
    ("004", 4, "killed", "azerbaijan", "azerbaijan", "2020-10-27"),
    ("004", 10, "wounded", "azerbaijan", "azerbaijan", "2020-10-27"),
    ("004", 3, "mlrs", "armenia", "azerbaijan", "2020-10-28"),
    ("004", 6, "artillery", "armenia", "azerbaijan", "2020-10-28"),
    ("004", 5, "artillery", "armenia", "azerbaijan", "2020-10-28"),
    ("004", 1, "artillery", "armenia", "azerbaijan", "2020-10-28"),
    ("004", 2, "artillery", "armenia", "azerbaijan", "2020-10-28"),
    ("004", 6, "vehicles", "armenia", "azerbaijan", "2020-10-28"),
    ("004", 2, "tanks", "armenia", "azerbaijan", "2020-10-29"),
    ("004", 2, "mlrs", "armenia", "azerbaijan", "2020-10-29"),
    ("004", 14, "artillery", "armenia", "azerbaijan", "2020-10-29"),
    ("004", 6, "vehicles", "armenia", "azerbaijan", "2020-10-29"),
]


@pytest.fixture(scope="module")
def claims():
    df = load_claims()
    df["day"] = df["claim_date"].dt.strftime("%Y-%m-%d")
    return df


@pytest.mark.parametrize(
    ("doc", "value", "category", "subject_side", "claimant_side", "day"),
    CLAIMS,
    ids=[f"{c[0]}-{c[1]}-{c[2]}-{c[5]}" for c in CLAIMS],
)
def test_seed_claim(claims, doc, value, category, subject_side, claimant_side, day):
    hits = claims[
        claims["doc_id"].str.startswith(doc)
        & (claims["value"] == value)
        & (claims["category"] == category)
    ]
    assert not hits.empty, "claim not found"
    assert (
        (hits["subject_side"] == subject_side)
        & (hits["claimant_side"] == claimant_side)
        & (hits["day"] == day)
    ).any(), hits[["subject_side", "claimant_side", "day"]]


def test_every_category_of_the_examples_is_covered():
    assert {c[2] for c in CLAIMS} >= {
        "killed",
        "wounded",
        "captured",
        "displaced",
        "tanks",
        "armored_vehicles",
        "artillery",
        "mlrs",
        "air_defense",
        "radars",
        "drones",
        "helicopters",
        "aircraft",
        "missile_launchers",
        "vehicles",
        "other_equipment",
    }
    assert len(CLAIMS) >= 40
