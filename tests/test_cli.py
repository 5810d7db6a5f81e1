"""The command line, called through main(argv) as a user would."""

import io
import json
import sys

import pandas as pd
import pytest

from lossdata import _writers
from lossdata.build import claims_to_csv
from lossdata.cli import main
from lossdata.datasets import read_claims_csv
from lossdata.extract import extract_claims
from lossdata.schema import empty_claims, validate


def test_extract_prints_csv(tmp_path, capsysbinary):
    path = tmp_path / "a.txt"
    path.write_text("The Armenian MoD said 12 Azerbaijani drones were shot down.", "utf-8")
    assert main(["extract", str(path), "--published", "2020-10-20"]) == 0
    df = pd.read_csv(io.BytesIO(capsysbinary.readouterr().out))
    assert df["value"].tolist() == [12] and df["doc_id"].tolist() == ["a"]


def test_build_then_validate(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "catalog.csv").write_text(
        "doc_id,title,outlet,url,published,date_note\nd1,T,Outlet,,2020-10-20,by hand\n", "utf-8"
    )
    (seeds / "d1.txt").write_text("Baku said 3 Armenian tanks were destroyed.", "utf-8")
    data = tmp_path / "data"
    assert main(["build", "--seeds", str(seeds), "--data", str(data), "--no-figures"]) == 0
    assert main(["validate", str(data / "claims.csv")]) == 0
    assert (data / "datapackage.json").is_file()


def test_errors_are_reported_not_raised(tmp_path, capsys):
    assert main(["build", "--seeds", str(tmp_path / "none"), "--no-figures"]) == 1
    assert "no catalog" in capsys.readouterr().err
    assert main(["extract", str(tmp_path / "missing.txt")]) == 1


def test_evaluate_passes_its_arguments_through(tmp_path, capsys):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "t1.txt").write_text("The ministry said 12 soldiers were killed.", "utf-8")
    (tmp_path / "catalog.csv").write_text(
        "doc_id,title,outlet,url,published,words\nt1,T,Wire,,2031-01-05,7\n", "utf-8"
    )
    gold = tmp_path / "gold.csv"
    gold.write_text(
        "doc_id,quote,value_text,value,value_low,value_high,qualifier,category,status,subject,"
        "subject_side,population,claimant,claimant_side,claim_date,date_basis,scope,optional\n"
        "t1,The ministry said 12 soldiers were killed.,12,12,,,exact,killed,,unknown,unknown,"
        "military,the ministry,unattributed,2031-01-05,document,unknown,no\n",
        "utf-8",
    )
    argv = ["evaluate", "--docs", str(docs), "--catalog", str(tmp_path / "catalog.csv")]
    assert main([*argv, "--gold", str(gold)]) == 0
    assert "overall" in capsys.readouterr().out
    assert main(["evaluate", "--set", "devset", "--devset-dir", str(tmp_path / "none")]) == 2
    assert "devset folder not found" in capsys.readouterr().err


# --- extract over a corpus, in this process (the subprocess runs: test_cli_corpus.py) ------

WOUNDED = "The army said 5 soldiers were wounded on 2 May 2023."
KILLED = "On 3 May 2023, 40 soldiers were killed near the river."


def test_one_file_gives_the_csv_it_always_gave(tmp_path, capsysbinary):
    path = tmp_path / "report.txt"
    path.write_text(KILLED, "utf-8")
    argv = ["extract", str(path), "--published", "2023-05-04", "--outlet", "Wire"]
    assert main([*argv, "--spreadsheet-safe"]) == 0
    want = extract_claims(KILLED, doc_id="report", published="2023-05-04", outlet="Wire")
    assert capsysbinary.readouterr().out == claims_to_csv(want, spreadsheet_safe=True)
    assert main([*argv, "--doc-id", "mine"]) == 0
    want = extract_claims(KILLED, doc_id="mine", published="2023-05-04", outlet="Wire")
    assert capsysbinary.readouterr().out == claims_to_csv(want)


def test_a_text_without_claims_gives_the_header(tmp_path, capsysbinary):
    path = tmp_path / "quiet.txt"
    path.write_text("Nothing to count here.", "utf-8")
    assert main(["extract", str(path)]) == 0
    assert capsysbinary.readouterr().out == claims_to_csv(validate(empty_claims()))


def test_metadata_comes_from_the_line_then_the_catalog_then_the_defaults(tmp_path, capsysbinary):
    (tmp_path / "a.txt").write_text(KILLED, "utf-8")
    (tmp_path / "b.txt").write_text(KILLED, "utf-8")
    lines = tmp_path / "more.jsonl"
    lines.write_text(
        json.dumps({"text": WOUNDED, "doc_id": "l1", "outlet": "Own Outlet"})
        + "\n"
        + json.dumps({"text": WOUNDED})
        + "\n",
        "utf-8",
    )
    catalog = tmp_path / "catalog.csv"
    catalog.write_text(
        "doc_id,published,outlet,title\n"
        "a,2023-05-10,Catalog Outlet,A\n"
        "l1,,Catalog Outlet,L\n"
        "more:2,2023-06-01,,M\n",
        "utf-8",
    )
    argv = ["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), str(lines)]
    assert main([*argv, "--catalog", str(catalog), "--outlet", "Default", "-q", "-j", "1"]) == 0
    got = read_claims_csv(io.BytesIO(capsysbinary.readouterr().out))
    assert got.set_index("doc_id")["claimant"].to_dict() == {
        "a": "Catalog Outlet",
        "b": "Default",
        "l1": "Own Outlet",
        "more:2": "Default",
    }
    want = extract_claims(WOUNDED, doc_id="more:2", published="2023-06-01", outlet="Default")
    assert got[got.doc_id == "more:2"]["claim_id"].tolist() == want["claim_id"].tolist()


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("files", "options", "bar"),
    [(2, [], True), (1, [], False), (2, ["--quiet"], False)],
    ids=["two-documents", "one-document", "quiet"],
)
def test_a_progress_bar_on_a_terminal(tmp_path, monkeypatch, capsysbinary, files, options, bar):
    for n in range(files):
        (tmp_path / f"d{n}.txt").write_text(WOUNDED, "utf-8")
    err = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", err)
    assert main(["extract", str(tmp_path), "-j", "1", *options]) == 0
    shown = err.getvalue()
    assert ("\rextract: " in shown and f"{files} docs" in shown) == bar
    assert ("documents read" in shown or "document read" in shown) == ("--quiet" not in options)


def test_no_progress_bar_off_a_terminal(tmp_path, capsys):
    for n in range(3):
        (tmp_path / f"d{n}.txt").write_text(WOUNDED, "utf-8")
    assert main(["extract", str(tmp_path), "-j", "1"]) == 0
    assert capsys.readouterr().err == "lossdata extract: 3 documents read, 3 claims\n"


def test_output_is_written_whole_or_not_at_all(tmp_path, capsys, monkeypatch):
    (tmp_path / "d.txt").write_text(WOUNDED, "utf-8")
    out = tmp_path / "out" / "claims.csv"
    assert main(["extract", str(tmp_path / "d.txt"), "-o", str(out)]) == 0
    before = out.read_bytes()
    assert read_claims_csv(out)["value"].tolist() == [5]

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(_writers.CsvWriter, "write", interrupted)
    assert main(["extract", str(tmp_path / "d.txt"), "-o", str(out)]) == 130
    assert out.read_bytes() == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["claims.csv"]  # no temporary file


# --- validate: CSV and Parquet, every violation by row and column -----------------------------

BROKEN = [
    # (row, column, the value written, words of the report)
    (1, "value", "1,000", "row 1, column value: '1,000' is not a whole number"),
    (1, "claim_date", "2020-13-45", "row 1, column claim_date: '2020-13-45' is not a valid date"),
    (2, "category", "bogus", "row 2, column category: 'bogus' is not one of the column's values"),
    (2, "quote", "", "row 2, column quote: is empty"),
    (3, "char_start", "-4", "row 3, column char_start: -4 is less than 0"),
    (3, "subject_side", "tigray", "row 3: subject_side and claimant_side must be sides of"),
]


def _claims() -> pd.DataFrame:
    text = " ".join(f"The army said {n} soldiers were wounded on 2 May 2023." for n in (5, 6, 7))
    return extract_claims(text, doc_id="d")


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_validate_lists_every_violation(tmp_path, capsys, suffix):
    df = _claims()
    df["claim_date"] = df["claim_date"].dt.strftime("%Y-%m-%d")  # as a CSV holds it
    df = df.astype(object)
    for row, column, value, _ in BROKEN:
        df.loc[row - 1, column] = value
    path = tmp_path / f"claims{suffix}"
    if suffix == ".csv":
        df.to_csv(path, index=False)
    else:
        df.astype(str).where(df.notna(), None).to_parquet(path, index=False)
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"lossdata validate: error: {path}: {len(BROKEN)} violations"
    assert len(err) == 1 + len(BROKEN)
    for *_, words in BROKEN:
        assert sum(line.startswith(f"- {words}") for line in err) == 1, words


def test_validate_accepts_what_extract_writes(tmp_path, capsys):
    (tmp_path / "d.txt").write_text(WOUNDED + " " + KILLED, "utf-8")
    for fmt in ("csv", "parquet"):
        out = tmp_path / f"claims.{fmt}"
        assert main(["extract", str(tmp_path / "d.txt"), "--format", fmt, "-o", str(out)]) == 0
        assert main(["validate", str(out)]) == 0
        assert capsys.readouterr().err.endswith(f"{out}: 2 claims, valid\n")


def test_parquet_needs_pyarrow(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now fails
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    (tmp_path / "d.txt").write_text(WOUNDED, "utf-8")
    out = tmp_path / "claims.parquet"
    assert main(["extract", str(tmp_path / "d.txt"), "--format", "parquet", "-o", str(out)]) == 1
    assert capsys.readouterr().err == (
        "lossdata extract: error: Parquet needs pyarrow: install lossdata[parquet]\n"
    )
    assert not out.exists()
    out.write_bytes(b"PAR1")
    assert main(["validate", str(out)]) == 1
    assert "install lossdata[parquet]" in capsys.readouterr().err


LINE = json.dumps({"text": WOUNDED})
STDIN_CASES = [
    # (id, what stdin holds, options, the doc ids extracted)
    ("text", WOUNDED, [], ["stdin"]),
    ("text-doc-id", WOUNDED, ["--doc-id", "mine"], ["mine"]),
    ("jsonl-detected", f"\n  {LINE}\n{LINE}", [], ["stdin:2", "stdin:3"]),
    ("jsonl-said", LINE, ["--stdin-format", "jsonl"], ["stdin:1"]),
    ("text-said", LINE, ["--stdin-format", "text"], ["stdin"]),
]


@pytest.mark.parametrize(
    ("data", "options", "ids"), [c[1:] for c in STDIN_CASES], ids=[c[0] for c in STDIN_CASES]
)
def test_standard_input(monkeypatch, capsysbinary, data, options, ids):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode("utf-8"))))
    assert main(["extract", "-", "--quiet", *options]) == 0
    got = read_claims_csv(io.BytesIO(capsysbinary.readouterr().out))
    assert got["doc_id"].unique().tolist() == ids


def test_the_formats_offered_are_the_formats_written():
    from lossdata import cli

    assert cli.FORMATS == _writers.FORMATS
