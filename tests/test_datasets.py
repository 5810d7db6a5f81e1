"""The shipped data: the contract's dtypes, equal to a fresh build (table, descriptor and
card), inside the wheel."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

import lossdata
from lossdata.build import CARD_COLUMNS, CATALOG_COLUMNS, build, read_catalog
from lossdata.schema import COLUMNS, FIELDS

ROOT = Path(__file__).resolve().parents[1]


def test_load_claims_has_the_contract():
    df = lossdata.load_claims()
    assert list(df.columns) == COLUMNS
    assert len(df) > 100
    checks = {
        "str": pd.api.types.is_string_dtype,
        "int": pd.api.types.is_integer_dtype,
        "Int64": lambda s: str(s.dtype) == "Int64",
        "date": pd.api.types.is_datetime64_any_dtype,
        "category": lambda s: isinstance(s.dtype, pd.CategoricalDtype),
    }
    for f in FIELDS:
        assert checks[f.kind](df[f.name]), (f.name, df[f.name].dtype)
    assert df["claim_id"].is_unique


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    """The data folder as a build from the seeds writes it now."""
    out = tmp_path_factory.mktemp("data")
    build(ROOT / "seeds", out)
    return out


@pytest.mark.parametrize("name", ["claims.csv", "datapackage.json", "README.md"])
def test_shipped_data_equals_a_fresh_build(fresh, name):
    assert (ROOT / "data" / name).read_bytes() == (fresh / name).read_bytes(), (
        f"data/{name} is stale: run `lossdata build`"
    )


def test_quotes_and_offsets_point_into_read_document():
    df = lossdata.load_claims()
    for doc_id, group in df.groupby("doc_id"):
        text = lossdata.read_document(doc_id)
        for row in group.itertuples():
            assert text[row.char_start : row.char_end] == row.value_text
            assert row.quote in text


def test_catalog_lists_every_seed():
    rows = read_catalog(ROOT / "seeds")
    assert len(rows) == 5 and all(r["published"] for r in rows)
    assert list(rows[0]) == CATALOG_COLUMNS + CARD_COLUMNS


def test_unknown_document_lists_the_valid_ids():
    with pytest.raises(KeyError, match="valid ids: 000_"):
        lossdata.read_document("nope")


def test_wheel_ships_the_data(tmp_path):
    """Build the wheel, install it into an empty folder, load from another directory."""
    wheel_dir, target = tmp_path / "wheel", tmp_path / "site"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheel_dir), str(ROOT)],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr
    wheel = next(wheel_dir.glob("lossdata-*.whl"))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    code = textwrap.dedent(f"""
        import lossdata
        assert lossdata.__file__.startswith({str(target)!r}), lossdata.__file__
        from importlib.resources import files
        from lossdata.datasets import describe
        df = lossdata.load_claims()
        card = (files("lossdata") / "data" / "README.md").read_text(encoding="utf-8")
        assert describe() == card, "the card shipped in the wheel is not describe()'s"
        print(len(df), len(lossdata.read_document("003_09c5668dc815a85a")))
    """)
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(target)},
    )
    assert out.returncode == 0, out.stderr
    n_claims, n_chars = map(int, out.stdout.split())
    assert n_claims == len(lossdata.load_claims()) and n_chars > 80000
