"""Bad input on the command line: one line naming the file and the reason, never a traceback.

Each case runs ``python -m lossdata`` as a user would, in a subprocess.
"""

from __future__ import annotations

import errno
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lossdata import _io, _writers
from lossdata.cli import main
from lossdata.inputs import InputError, decode

SENTENCE = "Nothing to count here."
SUMMARY = re.compile(r"lossdata extract: [\d,]+ documents? read, .*; [\d,]+ skipped \(")


def run(*args: str, cwd: Path | None = None, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lossdata", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def assert_one_line_error(proc: subprocess.CompletedProcess, command: str, *words: str) -> None:
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    # extract goes on past a document it skips, and closes with its summary
    lines = [line for line in proc.stderr.strip().splitlines() if not SUMMARY.match(line)]
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith(f"lossdata {command}: error: "), lines[0]
    for w in words:
        assert w in lines[0], lines[0]


@pytest.fixture
def text_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(SENTENCE, "utf-8")
    return path


def _cases(tmp: Path, text_file: Path) -> list[tuple[list[str], list[str]]]:
    folder = tmp / "folder"
    folder.mkdir()
    binary = tmp / "binary.bin"
    binary.write_bytes(b"\x00\x01\x02killed\x00" * 50)
    bad_bom = tmp / "bad_bom.txt"
    bad_bom.write_bytes(b"\xef\xbb\xbfkilled \xff\xfe\xfd")
    return [
        (["extract", str(folder)], [str(folder), "no .txt, .md, .html, .htm, .jsonl files"]),
        (["extract", str(tmp / "missing.txt")], ["missing.txt", "No such file"]),
        (["extract", str(text_file / "child")], ["child", "Not a directory"]),
        (["extract", "/dev/zero"], ["/dev/zero", "larger than 50 MB"]),
        (["extract", str(text_file), "--max-bytes", "5"], ["a.txt", "larger than"]),
        (["extract", str(binary)], ["binary.bin", "NUL bytes"]),
        (["extract", str(bad_bom)], ["bad_bom.txt", "byte-order mark"]),
        (["extract", str(text_file), "--published", "0001-01-01"], ["--published", "1900"]),
        (["extract", str(text_file), "--published", "2150-01-01"], ["--published", "2099"]),
        (["extract", str(text_file), "--published", "2020-10-28garbage"], ["garbage"]),
        (["extract", str(text_file), "--published", "2020-13-45"], ["not a valid date"]),
        (["figures", "-o", str(text_file)], [str(text_file), "not a folder"]),
        (["figures", "--data", str(folder)], [str(folder), "Is a directory"]),
        (["validate", str(folder)], [str(folder), "Is a directory"]),
        (["validate", str(binary)], ["binary.bin", "NUL bytes"]),
        (["validate", str(bad_bom)], ["bad_bom.txt", "byte-order mark"]),
        (["build", "--seeds", str(tmp / "none"), "--no-figures"], ["no catalog"]),
    ]


CASE_IDS = [
    "dir",
    "missing",
    "not-a-dir",
    "dev-zero",
    "limit",
    "binary",
    "bad-bom",
    "year-1",
    "year-2150",
    "garbage",
    "month-13",
    "figures-file",
    "figures-data-dir",
    "validate-dir",
    "validate-binary",
    "validate-bad-bom",
    "build-no-catalog",
]


@pytest.mark.parametrize("k", range(len(CASE_IDS)), ids=CASE_IDS)
def test_bad_input_is_one_line(tmp_path, text_file, k):
    args, words = _cases(tmp_path, text_file)[k]
    assert_one_line_error(run(*args), args[0], *words)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_is_one_line(text_file):
    text_file.chmod(0)
    assert_one_line_error(run("extract", str(text_file)), "extract", "Permission denied")


def test_full_disk_on_stdout_is_one_line(text_file):
    with open("/dev/full", "w") as full:
        proc = run("extract", str(text_file), stdout=full)
    assert_one_line_error(proc, "extract", "<stdout>", "No space left")


def test_full_disk_during_a_build_is_one_line(tmp_path, monkeypatch, capsys):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "catalog.csv").write_text(
        "doc_id,title,outlet,url,published,date_note\nd1,T,Outlet,,2020-10-20,x\n", "utf-8"
    )
    (seeds / "d1.txt").write_text(SENTENCE, "utf-8")

    def full_disk(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(_io.os, "fsync", full_disk)
    data = tmp_path / "data"
    assert main(["build", "--seeds", str(seeds), "--data", str(data), "--no-figures"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"lossdata build: error: {data / 'claims.csv'}: No space left on device"]
    assert not data.exists() or list(data.iterdir()) == []


def test_validate_names_every_unreadable_cell(tmp_path):
    from lossdata.schema import COLUMNS

    path = tmp_path / "claims.csv"
    row = {c: "x" for c in COLUMNS} | {
        "value": "1,000",
        "char_start": "abc",
        "claim_date": "2020-13-45",
    }
    path.write_text(",".join(COLUMNS) + "\n" + ",".join(f'"{row[c]}"' for c in COLUMNS) + "\n")
    proc = run("validate", str(path))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"lossdata validate: error: {path}: ")
    for words in (
        "row 1, column value: '1,000'",
        "row 1, column char_start: 'abc'",
        "row 1, column claim_date: '2020-13-45'",
    ):
        assert words in proc.stderr


# --- encodings -----------------------------------------------------------------------------

ENGLISH = (
    "On 27 September the ministry\u2019s statement said 12 soldiers were killed near "
    "F\u00fczuli \u2014 \u201ca heavy loss\u201d, the spokesman added. "
) * 3
RUSSIAN = (
    "\u041c\u0438\u043d\u0438\u0441\u0442\u0435\u0440\u0441\u0442\u0432\u043e "
    "\u043e\u0431\u043e\u0440\u043e\u043d\u044b \u0441\u043e\u043e\u0431\u0449\u0438"
    "\u043b\u043e, \u0447\u0442\u043e 12 \u0441\u043e\u043b\u0434\u0430\u0442 "
    "\u043f\u043e\u0433\u0438\u0431\u043b\u0438 \u0432\u043e\u0437\u043b\u0435 "
    "\u0433\u043e\u0440\u043e\u0434\u0430. "
) * 3
FRENCH = (
    "Les forces arm\u00e9niennes ont d\u00e9clar\u00e9 que douze soldats "
    "azerba\u00efdjanais ont \u00e9t\u00e9 tu\u00e9s \u00e0 F\u00fczuli, "
    "pr\u00e8s de la fronti\u00e8re. "
) * 3

ENCODINGS = [
    # (text, encoding written, says it assumed another encoding)
    (ENGLISH, "utf-8", False),
    (ENGLISH, "utf-8-sig", False),
    (ENGLISH, "utf-16", True),  # with a byte-order mark
    (ENGLISH.replace("\u2014", "-"), "cp1252", True),
    (RUSSIAN, "cp1251", True),
    (FRENCH, "latin-1", True),
]


@pytest.mark.parametrize(
    ("text", "encoding", "assumed"), ENCODINGS, ids=[e for _, e, _ in ENCODINGS]
)
def test_encodings_are_detected(text, encoding, assumed):
    got = decode(text.encode(encoding))
    assert got.text == text and got.assumed == assumed


@pytest.mark.parametrize(
    ("text", "encoding", "assumed"), ENCODINGS, ids=[e for _, e, _ in ENCODINGS]
)
def test_extract_states_the_assumed_encoding(tmp_path, text, encoding, assumed):
    path = tmp_path / "doc.txt"
    path.write_bytes(text.encode(encoding))
    proc = run("extract", str(path), "--published", "2020-10-28")
    assert proc.returncode == 0, proc.stderr
    assert ("not UTF-8; read as" in proc.stderr) == assumed


def test_decode_refuses_binary():
    with pytest.raises(InputError, match="NUL"):
        decode(b"\x00\x00\x01")


# --- extract: options that stop the run before it starts (in this process) ------------------


def _fatal_cases(tmp: Path, text_file: Path) -> dict[str, tuple[list[str], list[str]]]:
    folder = tmp / "folder"
    folder.mkdir()
    catalogs = {
        "no-doc-id": "name,published\na,2020-10-20\n",
        "bad-date": "doc_id,published\na,2020-13-45\n",
        "twice": "doc_id,outlet\na,X\na,Y\n",
    }
    for name, content in catalogs.items():
        (tmp / f"{name}.csv").write_text(content, "utf-8")
    t = str(text_file)
    return {
        "doc-id-folder": (["extract", str(folder), "--doc-id", "x"], ["--doc-id", "single text"]),
        "doc-id-two": (["extract", t, t, "--doc-id", "x"], ["--doc-id"]),
        "stdin-twice": (["extract", "-", "-"], ["standard input can be read only once"]),
        "safe-jsonl": (
            ["extract", t, "--format", "jsonl", "--spreadsheet-safe"],
            ["--spreadsheet-safe", "--format csv"],
        ),
        "conflict": (["extract", t, "--conflict", "mars"], ["--conflict", "unknown conflict"]),
        "outlet-ok-conflict-bad": (["extract", t, "--outlet", "W", "--conflict", "x"], ["'x'"]),
        "catalog-missing": (
            ["extract", t, "--catalog", str(tmp / "none.csv")],
            ["none.csv", "No such file"],
        ),
        "catalog-no-doc-id": (
            ["extract", t, "--catalog", str(tmp / "no-doc-id.csv")],
            ["no-doc-id.csv", "needs a doc_id column"],
        ),
        "catalog-bad-date": (
            ["extract", t, "--catalog", str(tmp / "bad-date.csv")],
            ["bad-date.csv: line 2: published is not a valid date"],
        ),
        "catalog-twice": (
            ["extract", t, "--catalog", str(tmp / "twice.csv")],
            ["twice.csv: line 3", "listed twice"],
        ),
        "output-folder": (["extract", t, "-o", str(folder)], [str(folder), "is a folder"]),
    }


FATAL_IDS = [
    "doc-id-folder",
    "doc-id-two",
    "stdin-twice",
    "safe-jsonl",
    "conflict",
    "outlet-ok-conflict-bad",
    "catalog-missing",
    "catalog-no-doc-id",
    "catalog-bad-date",
    "catalog-twice",
    "output-folder",
]


@pytest.mark.parametrize("case", FATAL_IDS)
def test_a_bad_option_stops_extract_with_one_line(tmp_path, text_file, capsys, case):
    args, words = _fatal_cases(tmp_path, text_file)[case]
    assert main(args) == 1
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("lossdata extract: error: "), captured.err
    for w in words:
        assert w in lines[0]
    assert captured.out == ""


def test_parquet_is_not_written_to_a_terminal(text_file, capsys, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["extract", str(text_file), "--format", "parquet"]) == 1
    assert capsys.readouterr().err == (
        "lossdata extract: error: <stdout>: a terminal; write Parquet with -o FILE, or redirect\n"
    )


def test_full_disk_during_extract_leaves_no_file(tmp_path, text_file, monkeypatch, capsys):
    def full_disk(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(_writers.os, "fsync", full_disk)
    out = tmp_path / "out" / "claims.parquet"
    assert main(["extract", str(text_file), "--format", "parquet", "-o", str(out)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"lossdata extract: error: {out}: No space left on device"]
    assert list(out.parent.iterdir()) == []
