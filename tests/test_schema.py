"""The schema: what it accepts, what it refuses and how it says so. One case per row."""

import pandas as pd
import pytest

from lossdata import ClaimsValidationError, validate
from lossdata.schema import columns_markdown, datapackage, empty_claims

GOOD = dict(claim_id="x-1", doc_id="x", char_start=1, char_end=3, quote="q", value_text="12",
            value=12, value_low=None, value_high=None, qualifier="exact", category="killed",
            status=None, subject="Armenia", subject_side="armenia", population="military",
            claimant="A", claimant_side="azerbaijan", claim_date="2020-10-01",
            date_basis="text", scope="unknown")

BAD = [
    ({"category": "kiled"}, "category: value outside the vocabulary"),
    ({"value": -1}, "column value: greater_than_or_equal_to"),
    ({"value_low": 20}, "value_low must not exceed value"),
    ({"value_high": 5}, "value must not exceed value_high"),
    ({"status": "destroyed"}, "status is only for equipment"),
    ({"claim_date": "1850-01-01"}, "column claim_date"),
    ({"char_end": 1}, "char_end must be greater than char_start"),
    ({"claimant_side": "nobody"}, "claimant_side: value outside the vocabulary"),
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
