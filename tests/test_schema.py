"""The schema: what it accepts, what it refuses and how it says so. One case per row."""

import pandas as pd
import pytest

from lossdata import ClaimsValidationError, validate
from lossdata.schema import columns_markdown, datapackage, empty_claims

GOOD = dict(
    claim_id="x-1",
    doc_id="x",
    char_start=1,
    char_end=3,
    quote="q",
    value_text="12",
    value=12,
    value_low=None,
    value_high=None,
    qualifier="exact",
    category="killed",
    status=None,
    subject="Armenia",
    subject_side="armenia",
    population="military",
    claimant="A",
    claimant_side="azerbaijan",
    conflict="armenia-azerbaijan",
    claim_date="2020-10-01",
    date_basis="text",
    scope="unknown",
    claimant_basis="verb_subject",
)

BAD = [
    ({"category": "kiled"}, "category: value outside the vocabulary"),
    ({"value": -1}, "column value: greater_than_or_equal_to"),
    ({"value_low": 20}, "value_low must not exceed value"),
    ({"value_high": 5}, "value must not exceed value_high"),
    ({"status": "destroyed"}, "status is only for equipment"),
    ({"claim_date": "1850-01-01"}, "column claim_date"),
    ({"char_end": 1}, "char_end must be greater than char_start"),
    ({"claimant_side": "nobody"}, "claimant_side: value outside the vocabulary"),
    ({"claimant_side": "russia"}, "sides of the row's conflict"),
    ({"subject_side": "tigray"}, "sides of the row's conflict"),
    ({"conflict": "martian-war"}, "conflict: value outside the vocabulary"),
]


def test_good_row_validates_with_dtypes():
    df = validate(pd.DataFrame([GOOD]))
    assert str(df["value_low"].dtype) == "Int64"
    assert str(df["category"].dtype) == "category"
    assert str(df["claim_date"].dtype).startswith("datetime64")


@pytest.mark.parametrize(("change", "message"), BAD, ids=[m for _, m in BAD])
def test_bad_rows_are_refused_readably(change, message):
    with pytest.raises(ClaimsValidationError, match=message):
        validate(pd.DataFrame([{**GOOD, **change}]))


def test_duplicate_ids_and_missing_columns():
    with pytest.raises(ClaimsValidationError, match="field_uniqueness"):
        validate(pd.DataFrame([GOOD, GOOD]))
    with pytest.raises(ClaimsValidationError, match="missing columns: scope"):
        validate(pd.DataFrame([GOOD]).drop(columns="scope"))
    with pytest.raises(ClaimsValidationError, match="DataFrame"):
        validate([GOOD])  # type: ignore[arg-type]


def test_docs_are_generated_from_the_schema():
    assert "| claim_id | str |" in columns_markdown()
    names = [f["name"] for f in datapackage()["resources"][0]["schema"]["fields"]]
    assert names == list(empty_claims().columns)


def test_readme_column_table_is_generated_from_the_schema():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    block = readme.split("<!-- columns:start -->\n")[1].split("\n<!-- columns:end -->")[0]
    assert block == columns_markdown()


# Unreadable cells and wrong columns are named, all at once, before any other check.
def _frame(**change):
    from lossdata.schema import COLUMNS

    row = {name: GOOD.get(name, "x") for name in COLUMNS}  # "x": columns added later
    return pd.DataFrame([row, {**row, "claim_id": "x-2"}]).assign(**change)


CELL_CASES = [
    # (column, bad cell in row 1, words in the message)
    ("value", "1,000", "row 1, column value: '1,000' is not a whole number"),
    ("char_start", "abc", "row 1, column char_start: 'abc' is not a whole number"),
    ("value_low", "1.5", "row 1, column value_low: '1.5' is not a whole number"),
    ("value", 2.5, "row 1, column value: 2.5 is not a whole number"),
    ("value", True, "row 1, column value: True is true/false"),
    ("value", "99999999999999999999", "too large for a 64-bit integer"),
    ("value", None, "row 1, column value: is empty, but the column needs a value"),
    ("claim_date", "2020-13-45", "row 1, column claim_date: '2020-13-45' is not a valid date"),
    ("claim_date", "28 Oct 2020", "row 1, column claim_date: '28 Oct 2020' is not a date"),
]


@pytest.mark.parametrize(
    ("column", "bad", "message"), CELL_CASES, ids=[f"{c}={b!r}" for c, b, _ in CELL_CASES]
)
def test_unreadable_cells_are_named_by_row_and_column(column, bad, message):
    df = _frame()
    df[column] = df[column].astype(object)
    df.loc[1, column] = bad
    with pytest.raises(ClaimsValidationError) as info:
        validate(df)
    assert message in str(info.value)
    assert "invalid literal" not in str(info.value)


def test_every_unreadable_cell_is_reported_at_once():
    df = _frame(value=["1,000", "12"], char_start=["1", "abc"], claim_date=["2020-13-45", None])
    message = str(pytest.raises(ClaimsValidationError, validate, df).value)
    assert "3 unreadable cell(s)" in message
    for words in ("row 0, column value", "row 1, column char_start", "row 0, column claim_date"):
        assert words in message


COLUMN_CASES = [
    # (change to the columns, message)
    (lambda df: df.assign(extra=1), "unexpected columns: extra"),
    (lambda df: df.drop(columns=["value", "quote"]), "missing columns: quote, value"),
    (
        lambda df: df.drop(columns="value").assign(valeu=1),
        "missing columns: value; unexpected columns: valeu",
    ),
    (lambda df: pd.concat([df, df[["quote"]]], axis=1), "repeated columns: quote"),
]


@pytest.mark.parametrize(("change", "message"), COLUMN_CASES, ids=[m for _, m in COLUMN_CASES])
def test_wrong_columns_are_named(change, message):
    with pytest.raises(ClaimsValidationError, match=message):
        validate(change(_frame()))
