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
        "doc_id,title,outlet,url,published,date_note\nd1,T,Outlet,,2020-10-20,by hand\n", "utf-8")
    (seeds / "d1.txt").write_text("Baku said 3 Armenian tanks were destroyed.", "utf-8")
    data = tmp_path / "data"
    assert main(["build", "--seeds", str(seeds), "--data", str(data), "--no-figures"]) == 0
    assert main(["validate", str(data / "claims.csv")]) == 0
    assert (data / "datapackage.json").is_file()


def test_errors_are_reported_not_raised(tmp_path, capsys):
    assert main(["build", "--seeds", str(tmp_path / "none"), "--no-figures"]) == 1
    assert "no catalog" in capsys.readouterr().err
    assert main(["extract", str(tmp_path / "missing.txt")]) == 1
