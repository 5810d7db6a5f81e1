"""Nothing lost, nothing forged: atomic writes, the figure set, checksums, CSV escapes."""

from __future__ import annotations

import errno
import io
import json
import os
import signal
import stat
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.figure import Figure

from lossdata import _io, datasets
from lossdata._io import atomic_write, replace_dir
from lossdata.build import SeedReadError, build_claims, claims_to_csv, describe
from lossdata.datasets import DataIntegrityError, load_claims, read_claims_csv
from lossdata.export import escape_cell, spreadsheet_safe, unescape_spreadsheet
from lossdata.figures import FIGURES, make_figures, save_figure
from lossdata.plots import plot_competing_claims

plt.switch_backend("Agg")


# --- atomic_write --------------------------------------------------------------------------


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_atomic_write_gives_normal_permissions_and_no_leftovers(tmp_path):
    old = os.umask(0o022)
    try:
        path = atomic_write(tmp_path / "out.csv", b"a,b\n")
    finally:
        os.umask(old)
    assert path.read_bytes() == b"a,b\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert _leftovers(tmp_path) == []


def test_atomic_write_does_not_follow_a_planted_symlink(tmp_path):
    victim = tmp_path / "victim"
    victim.write_text("keep")
    for name in (".out.csv.tmp", ".out.csv.1.tmp", f".out.csv.{os.getpid()}.tmp"):
        (tmp_path / name).symlink_to(victim)  # the names an attacker could guess
    atomic_write(tmp_path / "out.csv", b"new")
    assert victim.read_text() == "keep" and (tmp_path / "out.csv").read_bytes() == b"new"


def test_atomic_write_removes_its_temporary_file_on_error(tmp_path, monkeypatch):
    def full_disk(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(_io.os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space left") as info:
        atomic_write(tmp_path / "out.csv", b"data")
    assert info.value.filename == str(tmp_path / "out.csv")
    assert list(tmp_path.iterdir()) == []


def test_sigterm_during_a_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    def terminated(fd):
        os.kill(os.getpid(), signal.SIGTERM)  # delivered before the next bytecode

    monkeypatch.setattr(_io.os, "fsync", terminated)
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(SystemExit) as info:
        atomic_write(tmp_path / "out.csv", b"data")
    assert info.value.code == 128 + signal.SIGTERM
    assert list(tmp_path.iterdir()) == []
    assert signal.getsignal(signal.SIGTERM) == before  # the handler is restored


# --- the figure set ------------------------------------------------------------------------


def test_figure_set_is_replaced_as_a_whole(claims, tmp_path):
    out = tmp_path / "figures"
    make_figures(claims, out, figures=FIGURES[:2])
    (out / "stale.png").write_bytes(b"old")  # a file the set does not own: kept
    paths = make_figures(claims, out, figures=FIGURES[:1])
    assert sorted(p.name for p in out.iterdir()) == sorted([p.name for p in paths] + ["stale.png"])
    assert _leftovers(tmp_path) == [] and _leftovers(out) == []
    assert stat.S_IMODE(out.stat().st_mode) == 0o777 & ~_io._umask()


def test_a_failing_chart_leaves_the_old_set_untouched(claims, tmp_path, monkeypatch):
    out = tmp_path / "figures"
    make_figures(claims, out, figures=FIGURES[:2])
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def broken(*args, **kwargs):
        raise RuntimeError("drawing failed")

    monkeypatch.setattr("lossdata.figures.render", broken)
    with pytest.raises(RuntimeError):
        make_figures(claims, out, figures=FIGURES[:2])
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert _leftovers(tmp_path) == []


def test_figures_into_an_existing_file_is_refused(claims, tmp_path):
    target = tmp_path / "file.png"
    target.write_bytes(b"x")
    with pytest.raises(NotADirectoryError, match="exists and is not a folder"):
        make_figures(claims, target)
    assert target.read_bytes() == b"x"


def test_replace_dir_keeps_files_it_does_not_own(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    replace_dir(out, lambda d: (d / "a.png").write_bytes(b"1"), owned={"a.png"})
    assert sorted(p.name for p in out.iterdir()) == ["a.png", "notes.txt"]


def test_save_figure_writes_through_atomic_write(tmp_path):
    path = save_figure(Figure(), tmp_path / "chart.png")
    assert path.read_bytes().startswith(b"\x89PNG") and _leftovers(tmp_path) == []


# --- $ in labels ---------------------------------------------------------------------------


def test_dollar_in_a_claimant_name_is_drawn_not_parsed_as_math(claims):
    rows = claims[claims["category"] == "killed"].copy()
    rows["claimant"] = rows["claimant"].astype("string")
    rows.loc[rows.index, "claimant"] = "A$B $5"
    fig = Figure(figsize=(8, 5), layout="constrained")
    ax = plot_competing_claims(rows, "killed", ax=fig.add_subplot())
    fig.canvas.draw()  # mathtext would raise here on "$B $"
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert any(t.startswith(r"A\$B \$5") for t in labels), labels
    rendered = [t._preprocess_math(t.get_text()) for t in ax.get_yticklabels()]
    assert any(text.startswith("A$B $5") and not math for text, math in rendered)


# --- datapackage.json checks ---------------------------------------------------------------


@pytest.fixture
def shipped(tmp_path, monkeypatch):
    """A data folder as a build writes it (the shipped table), that load_claims reads."""
    data = (datasets.resource_dir("data") / "claims.csv").read_bytes()
    rows = len(read_claims_csv(io.BytesIO(data)))
    (tmp_path / "claims.csv").write_bytes(data)
    (tmp_path / "datapackage.json").write_text(json.dumps(describe(data, rows)))
    monkeypatch.setattr(datasets, "resource_dir", lambda name: tmp_path)
    return tmp_path


def test_shipped_descriptor_records_hash_bytes_and_rows():
    folder = datasets.resource_dir("data")
    resource = json.loads((folder / "datapackage.json").read_text())["resources"][0]
    data = (folder / "claims.csv").read_bytes()
    assert resource["hash"] == describe(data, 0)["resources"][0]["hash"]
    assert resource["bytes"] == len(data)
    assert resource["rows"] == len(read_claims_csv(io.BytesIO(data)))


CORRUPTIONS = [
    # (how the table is changed, words the error must contain)
    (lambda data: data.split(b"\n", 1)[0] + b"\n", "0 rows instead of"),  # header only
    (lambda data: data[: len(data) // 2].rsplit(b"\n", 1)[0] + b"\n", "rows instead of"),
    (lambda data: data.replace(b",killed,", b",wounded,", 1), "sha256"),
    (lambda data: b"", "bytes instead of"),
]


@pytest.mark.parametrize(("corrupt", "words"), CORRUPTIONS, ids=["header", "half", "edit", "empty"])
def test_a_changed_table_does_not_load(shipped, corrupt, words):
    path = shipped / "claims.csv"
    path.write_bytes(corrupt(path.read_bytes()))
    with pytest.raises(DataIntegrityError, match="claims.csv") as info:
        load_claims(validate_table=False)
    assert words in str(info.value)


def test_a_descriptor_without_a_hash_is_refused(shipped):
    descriptor = json.loads((shipped / "datapackage.json").read_text())
    del descriptor["resources"][0]["hash"]
    (shipped / "datapackage.json").write_text(json.dumps(descriptor))
    with pytest.raises(DataIntegrityError, match="no sha256 for claims.csv"):
        load_claims(validate_table=False)


def test_the_shipped_copy_loads(shipped):
    assert len(load_claims(validate_table=False)) > 0


# --- a build names the seed it could not read ----------------------------------------------


def test_build_names_unreadable_seeds(tmp_path):
    (tmp_path / "catalog.csv").write_text(
        "doc_id,title,outlet,url,published,date_note\n"
        "good,T,O,,2020-10-20,x\nbad,T,O,,2020-10-20,x\n",
        "utf-8",
    )
    (tmp_path / "good.txt").write_text("Baku said 3 Armenian tanks were destroyed.", "utf-8")
    (tmp_path / "bad.txt").write_bytes(b"Baku said \xff\xfe 3 tanks were destroyed.")
    with pytest.raises(SeedReadError, match=r"1 seed\(s\): .*bad\.txt: not UTF-8"):
        build_claims(tmp_path)


# --- CSV for spreadsheets ------------------------------------------------------------------


ESCAPES = [
    # (cell, escaped)
    ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
    ("+1 killed", "'+1 killed"),
    ("-5 soldiers", "'-5 soldiers"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"),
    ("\rx", "'\rx"),
    ("'quoted'", "''quoted'"),  # already begins with a quote: one more, so it reverses
    ("Armenia", "Armenia"),
    ("", ""),
]


@pytest.mark.parametrize(("cell", "escaped"), ESCAPES, ids=[repr(c) for c, _ in ESCAPES])
def test_escape_cell(cell, escaped):
    assert escape_cell(cell) == escaped
    frame = pd.DataFrame({"quote": pd.array([cell], dtype="string")})
    assert unescape_spreadsheet(spreadsheet_safe(frame))["quote"].tolist() == [cell]


def test_spreadsheet_safe_export_round_trips(claims):
    table = claims.copy()
    table["quote"] = table["quote"].astype("string")
    table.loc[table.index[0], "quote"] = "=1+1 said the ministry"
    table.loc[table.index[1], "claimant"] = "@evil"
    safe = claims_to_csv(table, spreadsheet_safe=True)
    assert b',"\'=1+1 said the ministry",' in safe or b",'=1+1 said the ministry," in safe
    back = read_claims_csv(io.BytesIO(safe), spreadsheet_safe=True)
    pd.testing.assert_frame_equal(back, read_claims_csv(io.BytesIO(claims_to_csv(table))))
    raw = read_claims_csv(io.BytesIO(claims_to_csv(table)))  # the raw export round-trips too
    assert raw.loc[0, "quote"] == "=1+1 said the ministry"
