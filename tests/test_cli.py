"""The command line, called through main(argv) as a user would."""

import io

import pandas as pd

from lossdata.cli import main


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
