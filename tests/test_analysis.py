"""The analysis helpers (lossdata.analysis) on small hand-made tables and on the shipped one.

Each table is built from the contract's columns and passed through ``validate``, so
the helpers see what ``load_claims()`` gives; the figures are invented.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from lossdata import extract_claims, load_claims, validate
from lossdata.analysis import (
    INFLATION_COLUMNS,
    SPREAD_COLUMNS,
    TALLY_COLUMNS,
    claim_spread,
    claims_wide,
    inflation_ratio,
    latest_claims,
    tally_series,
)
from lossdata.schema import CATEGORIES, COLUMNS

RU_UA = "russia-ukraine"
AR_AZ = "armenia-azerbaijan"
# Claimants, with their side.
GS = ("General Staff of the Armed Forces of Ukraine", "ukraine")
RU_MOD = ("Russian Ministry of Defence", "russia")
ZEL = ("Volodymyr Zelensky", "ukraine")
UK = ("UK Ministry of Defence", "third_party")
ARM_MOD = ("Armenian Ministry of Defence", "armenia")
AZE_MOD = ("Azerbaijani Ministry of Defence", "azerbaijan")
REUTERS = ("Reuters", "third_party")
# Subjects, with their side.
RU = ("Russia", "russia")
UA = ("Ukraine", "ukraine")
ARM = ("Armenia", "armenia")
ART = ("Artsakh", "armenia")
AZE = ("Azerbaijan", "azerbaijan")


def claim(
    by: tuple[str, str],
    of: tuple[str, str],
    value: int,
    date: str | None,
    *,
    scope: str = "cumulative",
    category: str = "killed",
    population: str = "military",
    conflict: str = RU_UA,
) -> dict:
    """One row of the contract: ``by`` claims ``value`` ``category`` of ``of`` on ``date``."""
    return {
        "claimant": by[0],
        "claimant_side": by[1],
        "subject": of[0],
        "subject_side": of[1],
        "value": value,
        "claim_date": date,
        "scope": scope,
        "category": category,
        "population": population,
        "conflict": conflict,
    }


def table(*rows: dict) -> pd.DataFrame:
    """The rows as a validated claims table (ids in row order: c00, c01, ...)."""
    records = []
    for i, row in enumerate(rows):
        text = f"{row['value']:,}"
        quote = f"{row['claimant']} said {text} were lost."
        start = quote.index(text)
        records.append(
            {
                "claim_id": f"c{i:02d}",
                "doc_id": f"d{i // 3}",
                "char_start": start,
                "char_end": start + len(text),
                "quote": quote,
                "value_text": text,
                "value_low": None,
                "value_high": None,
                "qualifier": "exact",
                "status": None,
                "date_basis": "text" if row["claim_date"] else "unknown",
                "claimant_basis": None,
                **row,
                "claim_date": pd.Timestamp(row["claim_date"]) if row["claim_date"] else pd.NaT,
            }
        )
    df = pd.DataFrame(records, columns=COLUMNS)
    for column in ("value_low", "value_high"):
        df[column] = df[column].astype("Int64")
    return validate(df)


def ids(df: pd.DataFrame) -> list[str]:
    return df["claim_id"].astype(str).tolist()


# --- latest_claims ----------------------------------------------------------------------

LATEST = [
    pytest.param(
        [claim(GS, RU, 100, "2022-10-01"), claim(GS, RU, 5, "2022-10-05", scope="incident")],
        {},
        ["c00"],
        id="cumulative-beats-later-incident",
    ),
    pytest.param(
        [claim(GS, RU, 150, "2022-10-05"), claim(GS, RU, 100, "2022-10-01")],
        {},
        ["c00"],
        id="latest-cumulative-wins",
    ),
    pytest.param(
        [
            claim(GS, RU, 80, "2022-10-01", scope="unknown"),
            claim(GS, RU, 9, "2022-10-03", scope="period"),
        ],
        {},
        ["c00"],
        id="unstated-scope-beats-period",
    ),
    pytest.param(
        [claim(GS, RU, 64, "2022-10-01"), claim(GS, RU, 173, "2022-10-01")],
        {},
        ["c01"],
        id="same-day-larger-figure-wins",
    ),
    pytest.param(
        [claim(GS, RU, 100, "2022-10-01"), claim(GS, RU, 150, "2022-10-05")],
        {"as_of": "2022-10-03"},
        ["c00"],
        id="as-of-drops-later-claims",
    ),
    pytest.param(
        [claim(GS, RU, 100, "2022-10-01"), claim(GS, RU, 900, None)],
        {"as_of": "2022-12-31"},
        ["c00"],
        id="as-of-drops-undated-claims",
    ),
    pytest.param(
        [claim(GS, RU, 100, None), claim(GS, RU, 50, "2022-10-01")],
        {},
        ["c01"],
        id="dated-beats-undated",
    ),
    pytest.param(
        [claim(GS, RU, 40, "2022-10-01", population="civilian"), claim(GS, RU, 900, "2022-10-02")],
        {},
        ["c00", "c01"],
        id="populations-never-merged",
    ),
    pytest.param(
        [
            claim(REUTERS, RU, 100, "2022-10-01"),
            claim(REUTERS, ARM, 30, "2020-10-01", conflict=AR_AZ),
        ],
        {},
        ["c01", "c00"],
        id="conflicts-never-merged",
    ),
    pytest.param(
        [claim(GS, RU, 100, "2022-10-01"), claim(GS, RU, 5, "2022-10-05", scope="incident")],
        {"scope": "incident"},
        ["c01"],
        id="scope-restricts",
    ),
    pytest.param(
        [claim(GS, RU, 40, "2022-10-01", population="civilian"), claim(GS, RU, 900, "2022-10-02")],
        {"population": ["military"]},
        ["c01"],
        id="population-restricts",
    ),
    pytest.param(
        [claim(GS, RU, 100, "2022-10-01"), claim(ZEL, RU, 120, "2022-10-02")],
        {"by": ("claimant_side", "subject_side", "category")},
        ["c01"],
        id="by-side",
    ),
    pytest.param(
        [claim(GS, RU, 100, "2022-10-01")],
        {"as_of": "2022-09-01"},
        [],
        id="empty-before-first-claim",
    ),
]


@pytest.mark.parametrize(("rows", "options", "expected"), LATEST)
def test_latest_claims(rows: list[dict], options: dict, expected: list[str]) -> None:
    assert ids(latest_claims(table(*rows), **options)) == expected


def test_latest_claims_keeps_rows_whole_and_ignores_row_order() -> None:
    rows = [
        claim(GS, RU, 100, "2022-10-01"),
        claim(GS, RU, 150, "2022-10-05"),
        claim(RU_MOD, UA, 61_000, "2022-10-03"),
        claim(GS, RU, 7, "2022-10-09", scope="incident"),
    ]
    claims = table(*rows)
    out = latest_claims(claims)
    assert list(out.columns) == list(claims.columns)
    assert out.dtypes.equals(claims.dtypes)
    shuffled = claims.sample(frac=1, random_state=3)
    pd.testing.assert_frame_equal(latest_claims(shuffled), out)


# --- claims_wide -------------------------------------------------------------------------


def test_claims_wide_one_column_per_claimant_one_row_per_day() -> None:
    claims = table(
        claim(GS, RU, 100, "2022-10-01"),
        claim(GS, RU, 130, "2022-10-04"),
        claim(UK, RU, 90, "2022-10-02"),
        claim(GS, RU, 3, "2022-10-03", scope="incident"),  # not a running total
    )
    wide = claims_wide(claims, "killed", subject_side="russia")
    assert list(wide.columns) == [
        "General Staff of the Armed Forces of Ukraine",
        "UK Ministry of Defence",
    ]
    assert wide.columns.name == "claimant" and wide.index.name == "claim_date"
    assert list(wide.index.strftime("%m-%d")) == ["10-01", "10-02", "10-03", "10-04"]
    gs = wide["General Staff of the Armed Forces of Ukraine"].tolist()
    assert gs[0] == 100 and math.isnan(gs[1]) and math.isnan(gs[2]) and gs[3] == 130
    filled = claims_wide(claims, "killed", subject_side="russia", fill=True)
    assert filled["General Staff of the Armed Forces of Ukraine"].tolist() == [100, 100, 100, 130]
    assert math.isnan(filled["UK Ministry of Defence"].iloc[0])  # nothing said yet


def test_claims_wide_keeps_the_last_figure_of_a_period() -> None:
    claims = table(
        claim(GS, RU, 100, "2022-10-03"),  # Monday
        claim(GS, RU, 120, "2022-10-06"),
        claim(GS, RU, 110, "2022-10-06", scope="unknown"),  # same day: cumulative wins
        claim(GS, RU, 200, "2022-10-12"),
    )
    weekly = claims_wide(claims, "killed", freq="W")
    assert weekly.iloc[:, 0].tolist() == [120, 200]


def test_claims_wide_puts_a_sides_subjects_in_one_column() -> None:
    claims = table(
        claim(AZE_MOD, ARM, 100, "2020-10-01", conflict=AR_AZ),
        claim(AZE_MOD, ART, 140, "2020-10-02", conflict=AR_AZ),
    )
    wide = claims_wide(claims, "killed", subject_side="armenia")
    assert wide["Azerbaijani Ministry of Defence"].tolist() == [100, 140]


WIDE_MIXED = [
    pytest.param(
        [claim(GS, RU, 100, "2022-10-01"), claim(GS, RU, 5, "2022-10-02", population="civilian")],
        {"subject_side": "russia"},
        "population",
        id="populations",
    ),
    pytest.param(
        [claim(REUTERS, RU, 100, "2022-10-01"), claim(REUTERS, UA, 80, "2022-10-02")],
        {},
        "subject_side",
        id="subject-sides",
    ),
    pytest.param(
        [
            claim(REUTERS, RU, 100, "2022-10-01"),
            claim(REUTERS, ARM, 8, "2020-10-02", conflict=AR_AZ),
        ],
        {},
        "conflict",
        id="conflicts",
    ),
]


@pytest.mark.parametrize(("rows", "options", "option"), WIDE_MIXED)
def test_claims_wide_refuses_to_mix(rows: list[dict], options: dict, option: str) -> None:
    with pytest.raises(ValueError, match=f"more than one {option}.*pass {option}="):
        claims_wide(table(*rows), "killed", **options)
    wide = claims_wide(table(*rows[:1]), "killed", **options)
    assert wide.shape == (1, 1)


def test_claims_wide_empty() -> None:
    wide = claims_wide(table(claim(GS, RU, 100, "2022-10-01")), "tanks")
    assert wide.empty and isinstance(wide.index, pd.DatetimeIndex)


# --- claim_spread ----------------------------------------------------------------------------


def test_claim_spread_lowest_and_highest_figure_of_each_subject() -> None:
    claims = table(
        claim(GS, RU, 50_000, "2022-09-01"),
        claim(GS, RU, 55_110, "2022-09-21"),  # GS's latest
        claim(RU_MOD, RU, 5_937, "2022-09-21"),
        claim(UK, RU, 25_000, "2022-09-15"),
        claim(RU_MOD, UA, 61_207, "2022-09-21"),
        claim(GS, RU, 300, "2022-09-30", population="civilian", scope="incident"),
    )
    out = claim_spread(claims, "killed")
    assert list(out.columns) == list(SPREAD_COLUMNS)
    assert out["subject"].tolist() == ["Russia", "Ukraine"]
    russia = out.iloc[0]
    assert (russia["low"], russia["low_claimant"]) == (5_937, "Russian Ministry of Defence")
    assert (russia["high"], russia["high_claimant"]) == (55_110, GS[0])
    assert russia["ratio"] == pytest.approx(55_110 / 5_937)
    assert russia["n_claimants"] == 3 and russia["date"] == pd.Timestamp("2022-09-21")
    assert out.iloc[1]["ratio"] == 1.0 and out.iloc[1]["n_claimants"] == 1
    earlier = claim_spread(claims, "killed", subject_side="russia", as_of="2022-09-10")
    assert earlier["high"].tolist() == [50_000] and earlier["low_claimant"].tolist() == [GS[0]]


SPREAD_CASES = [
    pytest.param(
        [claim(GS, RU, 0, "2022-09-01"), claim(UK, RU, 10, "2022-09-01")],
        {},
        [(0, 10, None)],
        id="lowest-zero-no-ratio",
    ),
    pytest.param(
        [claim(GS, RU, 10, "2022-09-01"), claim(UK, RU, 10, "2022-09-01")],
        {},
        [(10, 10, 1.0)],
        id="tie",
    ),
    pytest.param(
        [claim(GS, RU, 10, "2022-09-01"), claim(UK, RU, 30, "2022-09-01", population="civilian")],
        {},
        [(30, 30, 1.0), (10, 10, 1.0)],
        id="one-row-per-population",
    ),
    pytest.param(
        [claim(GS, RU, 10, "2022-09-01"), claim(UK, RU, 30, "2022-09-01", scope="incident")],
        {"scope": None},
        [(10, 30, 3.0)],
        id="scope-none-takes-every-scope",
    ),
    pytest.param([claim(GS, RU, 10, "2022-09-01")], {"population": "civilian"}, [], id="empty"),
]


@pytest.mark.parametrize(("rows", "options", "expected"), SPREAD_CASES)
def test_claim_spread_cases(rows: list[dict], options: dict, expected: list[tuple]) -> None:
    out = claim_spread(table(*rows), "killed", **options)
    assert list(out.columns) == list(SPREAD_COLUMNS)
    got = [(r.low, r.high, None if math.isnan(r.ratio) else r.ratio) for r in out.itertuples()]
    assert got == expected


def test_claim_spread_ties_name_the_first_claimant_alphabetically() -> None:
    out = claim_spread(
        table(claim(UK, RU, 10, "2022-09-01"), claim(GS, RU, 10, "2022-09-01")), "killed"
    )
    assert out["low_claimant"].tolist() == out["high_claimant"].tolist() == [GS[0]]


# --- inflation_ratio -----------------------------------------------------------------------

WAR = [
    claim(RU_MOD, RU, 5_937, "2022-09-21"),  # what Russia admits
    claim(GS, RU, 55_110, "2022-09-21"),  # what Ukraine claims of Russia
    claim(GS, RU, 60_000, "2022-10-01", scope="incident"),  # not a running total
    claim(UK, RU, 25_000, "2022-09-21"),  # a third party: neither side
    claim(GS, RU, 900, "2022-09-25", population="civilian"),  # not military
    claim(RU_MOD, UA, 61_207, "2022-09-21"),
    claim(ZEL, UA, 10_000, "2022-06-01", scope="unknown"),
    claim(ZEL, UA, 31_000, "2024-02-26", scope="unknown"),
    claim(GS, RU, 2_000, "2022-09-21", category="tanks"),
    claim(RU_MOD, UA, 0, "2022-09-21", category="aircraft"),
    claim(ZEL, UA, 0, "2022-09-21", category="helicopters"),
    claim(RU_MOD, UA, 50, "2022-09-21", category="helicopters"),
]

INFLATION = [
    pytest.param("russia", "killed", {}, (55_110, GS[0], 5_937, RU_MOD[0]), "", id="russia-killed"),
    pytest.param(
        "ukraine", "killed", {}, (61_207, RU_MOD[0], 31_000, ZEL[0]), "", id="ukraine-latest-own"
    ),
    pytest.param(
        "ukraine",
        "killed",
        {"as_of": "2023-01-01"},
        (61_207, RU_MOD[0], 10_000, ZEL[0]),
        "",
        id="ukraine-as-of",
    ),
    pytest.param(
        "russia",
        "tanks",
        {},
        (2_000, GS[0], None, None),
        "no russia-side claim of its own military tanks",
        id="own-missing",
    ),
    pytest.param(
        "ukraine",
        "aircraft",
        {},
        (0, RU_MOD[0], None, None),
        "no ukraine-side claim of its own military aircraft",
        id="own-missing-enemy-zero",
    ),
    pytest.param(
        "ukraine",
        "helicopters",
        {},
        (50, RU_MOD[0], 0, ZEL[0]),
        "the ukraine side admits 0 military helicopters",
        id="own-zero",
    ),
    pytest.param(
        "ukraine",
        "tanks",
        {},
        (None, None, None, None),
        "no claim by either side of ukraine's military tanks",
        id="both-missing",
    ),
    pytest.param(
        "russia",
        "killed",
        {"population": "civilian"},
        (900, GS[0], None, None),
        "no russia-side claim of its own civilian killed",
        id="population-civilian",
    ),
    pytest.param(
        "ukraine",
        "killed",
        {"as_of": "2022-05-01"},
        (None, None, None, None),
        "no claim by either side of ukraine's military killed",
        id="as-of-before-any-claim",
    ),
]


@pytest.mark.parametrize(("side", "category", "options", "claims", "reason"), INFLATION)
def test_inflation_ratio(
    side: str, category: str, options: dict, claims: tuple, reason: str
) -> None:
    out = inflation_ratio(table(*WAR), category, side=side, **options)
    assert list(out.columns) == list(INFLATION_COLUMNS)
    assert len(out) == 1  # each side belongs to one conflict
    row = out.iloc[0]
    got = tuple(
        None if pd.isna(row[c]) else row[c]
        for c in ("enemy_claim", "enemy_claimant", "own_claim", "own_claimant")
    )
    assert got == claims
    assert row["conflict"] == RU_UA and row["side"] == side and row["reason"] == reason
    if reason:
        assert math.isnan(row["ratio"])
    else:
        assert row["ratio"] == pytest.approx(claims[0] / claims[2])


def test_inflation_ratio_one_row_per_category_with_dates() -> None:
    out = inflation_ratio(table(*WAR), ["killed", "tanks"], side="russia")
    assert out["category"].tolist() == ["killed", "tanks"]
    assert out["enemy_claim_date"].tolist() == [pd.Timestamp("2022-09-21")] * 2
    assert out["own_claim_date"].iloc[0] == pd.Timestamp("2022-09-21")
    assert pd.isna(out["own_claim_date"].iloc[1])
    assert out["population"].tolist() == ["military", "military"]


def test_inflation_ratio_of_extracted_claims() -> None:
    text = (
        "On 21 September 2022 the Russian Defence Minister said 5,937 Russian soldiers had "
        "been killed since the war began. The same day Ukraine's General Staff said 55,110 "
        "Russian soldiers had been killed since the start of the invasion."
    )
    claims = extract_claims(text, doc_id="t", published="2022-09-22")
    row = inflation_ratio(claims, "killed", side="russia").iloc[0]
    assert (row["enemy_claim"], row["own_claim"]) == (55_110, 5_937)
    assert row["ratio"] == pytest.approx(9.28, abs=0.01)


# --- tally_series ----------------------------------------------------------------------------


def test_tally_series_increments_and_corrections() -> None:
    claims = table(
        claim(GS, RU, 150, "2022-10-05"),
        claim(GS, RU, 100, "2022-10-01"),
        claim(GS, RU, 140, "2022-10-09"),  # a correction downwards
        claim(GS, RU, 120, "2022-10-09", scope="unknown"),  # same day: cumulative wins
        claim(GS, RU, 7, "2022-10-07", scope="incident"),  # not a running total
        claim(GS, RU, 160, None),  # undated
        claim(UK, RU, 999, "2022-10-03"),  # another claimant
    )
    out = tally_series(claims, claimant=GS[0], category="killed")
    assert list(out.columns) == list(TALLY_COLUMNS)
    assert out["value"].tolist() == [100, 150, 140]
    assert out["increment"].tolist() == [pd.NA, 50, -10]
    assert out["correction"].tolist() == [False, False, True]
    assert ids(out) == ["c01", "c00", "c02"]


def test_tally_series_keeps_subjects_and_populations_apart() -> None:
    claims = table(
        claim(AZE_MOD, ARM, 100, "2020-10-01", conflict=AR_AZ),
        claim(AZE_MOD, ART, 40, "2020-10-02", conflict=AR_AZ),
        claim(AZE_MOD, ARM, 130, "2020-10-03", conflict=AR_AZ),
        claim(AZE_MOD, ARM, 9, "2020-10-04", conflict=AR_AZ, population="civilian"),
    )
    out = tally_series(claims, claimant=AZE_MOD[0], category="killed")
    assert list(zip(out["subject"], out["population"], out["value"], strict=True)) == [
        ("Armenia", "civilian", 9),
        ("Armenia", "military", 100),
        ("Armenia", "military", 130),
        ("Artsakh", "military", 40),
    ]
    assert out["increment"].tolist() == [pd.NA, pd.NA, 30, pd.NA]
    only = tally_series(claims, claimant=AZE_MOD[0], category="killed", subject="Artsakh")
    assert only["value"].tolist() == [40]


def test_tally_series_empty() -> None:
    out = tally_series(table(claim(GS, RU, 1, "2022-10-01")), claimant=GS[0], category="tanks")
    assert out.empty and list(out.columns) == list(TALLY_COLUMNS)


# --- Bad options ------------------------------------------------------------------------------

CLAIMS = [claim(GS, RU, 100, "2022-10-01")]
ERRORS = [
    pytest.param(
        lambda c: latest_claims(c, by=("claimant", "whom")), "column in by 'whom'", id="by"
    ),
    pytest.param(lambda c: latest_claims(c, population="soldiers"), "population", id="population"),
    pytest.param(lambda c: latest_claims(c, scope="total"), "scope 'total'", id="scope"),
    pytest.param(lambda c: latest_claims(c, as_of="last week"), "as_of", id="as-of"),
    pytest.param(lambda c: claims_wide(c, "deaths"), "category 'deaths'", id="category"),
    pytest.param(lambda c: claims_wide(c, "killed", subject_side="rus"), "subject_side", id="side"),
    pytest.param(lambda c: claims_wide(c, "killed", freq="fortnight"), "freq", id="freq"),
    pytest.param(lambda c: claim_spread(c, ["killed"]), "category must be one", id="categories"),
    pytest.param(
        lambda c: inflation_ratio(c, "killed", side="third_party"), "side", id="not-a-side"
    ),
    pytest.param(
        lambda c: inflation_ratio(c, ["killed", "dead"], side="russia"), "'dead'", id="list"
    ),
    pytest.param(
        lambda c: inflation_ratio(c, "killed", side="russia", population=None), "pop", id="pop"
    ),
    pytest.param(
        lambda c: tally_series(c, claimant="Kyiv", category="killed"), "claimant", id="who"
    ),
    pytest.param(
        lambda c: tally_series(c, claimant=GS[0], category="killed", subject="Moscow"),
        "subject 'Moscow'",
        id="subject",
    ),
    pytest.param(lambda c: latest_claims(c.drop(columns="scope")), "lacks column", id="column"),
]


@pytest.mark.parametrize(("call", "message"), ERRORS)
def test_bad_options_name_the_valid_ones(call, message: str) -> None:
    with pytest.raises(ValueError, match=message) as info:
        call(table(*CLAIMS))
    assert "\n" not in str(info.value)


def test_error_lists_valid_values() -> None:
    with pytest.raises(ValueError, match="valid: armenia, azerbaijan, ethiopia, tigray"):
        inflation_ratio(table(*CLAIMS), "killed", side="crimea")


# --- The shipped table ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped() -> pd.DataFrame:
    return load_claims()


def test_latest_claims_on_the_shipped_table(shipped: pd.DataFrame) -> None:
    out = latest_claims(shipped)
    keys = ["conflict", "claimant", "subject", "category", "population"]
    assert not out.duplicated(keys).any()
    assert len(out) == len(shipped.drop_duplicates(keys))
    assert set(out["claim_id"]) <= set(shipped["claim_id"])


def test_claims_wide_on_the_shipped_table(shipped: pd.DataFrame) -> None:
    wide = claims_wide(shipped, "killed", subject_side="armenia", population="military")
    assert (
        wide.index.is_monotonic_increasing
        and (wide.index.to_series().diff().dropna() == pd.Timedelta("1D")).all()
    )
    assert set(wide.columns) <= set(shipped["claimant"])


def test_claim_spread_on_the_shipped_table(shipped: pd.DataFrame) -> None:
    out = claim_spread(shipped, "killed")
    assert (out["low"] <= out["high"]).all()
    assert (out["ratio"].dropna() >= 1).all()


@pytest.mark.parametrize("side", ["armenia", "azerbaijan"])
def test_inflation_ratio_on_the_shipped_table(shipped: pd.DataFrame, side: str) -> None:
    out = inflation_ratio(shipped, CATEGORIES, side=side)
    assert list(out.columns) == list(INFLATION_COLUMNS)
    assert out["category"].tolist() == CATEGORIES
    assert (out["reason"].eq("") == out["ratio"].notna()).all()


def test_tally_series_on_the_shipped_table(shipped: pd.DataFrame) -> None:
    for claimant in sorted(shipped["claimant"].unique()):
        out = tally_series(shipped, claimant=claimant, category="killed")
        assert (out["correction"] == out["increment"].lt(0).fillna(False)).all()
        assert not out.duplicated(["conflict", "subject", "population", "claim_date"]).any()
