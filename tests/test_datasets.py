"""The shipped data: the contract's dtypes, equal to a fresh build, inside the wheel."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

import lossdata
from lossdata.build import build_claims, claims_to_csv, read_catalog
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


def test_shipped_data_equals_a_fresh_build():
    fresh = claims_to_csv(build_claims(ROOT / "seeds"))
    assert (ROOT / "data" / "claims.csv").read_bytes() == fresh, (
        "data/claims.csv is stale: run `lossdata build`"
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
        df = lossdata.load_claims()
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
