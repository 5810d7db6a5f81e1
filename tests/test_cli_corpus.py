"""``lossdata extract`` over a corpus, run as a user would: ``python -m lossdata`` in a
subprocess. A folder, a JSONL file and standard input in one run, in each format, read
back and compared with ``extract_claims`` per document; the summary, ``--quiet``,
``--jobs``; and every kind of bad input, each skipped with one line naming it.

Each process start costs about a second, so the runs are few and shared.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from lossdata.datasets import read_claims_csv
from lossdata.extract import extract_claims
from lossdata.schema import validate

# Sentences written for these tests.
TEXTS = {
    "b_first.txt": "The defence ministry said on 3 May 2023 that 40 soldiers were killed.",
    "a_second.md": "# Update\n\nKyiv said on Tuesday that Ukrainian troops destroyed 12 tanks.",
    "sub/c_third.txt": "Baku said 3 Armenian tanks were destroyed and 2 drones were shot down.",
}
PAGE = (
    "<html><head><title>News</title></head><body><article><h1>Losses</h1>"
    "<p>The army said on 2 May 2023 that 7 drones were shot down near the border.</p>"
    "</article></body></html>"
)
LINES = [
    {"text": "The ministry said 15 soldiers were wounded.", "doc_id": "w1", "outlet": "Wire"},
    {"text": "Officials said 4 tanks were captured.", "published": "2023-05-04"},
]
STDIN = "The army said 9 soldiers were captured on 1 May 2023."


def run(*args: str, stdin: str = "", env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lossdata", *args],
        input=stdin.encode("utf-8"),
        capture_output=True,
        timeout=300,
        env=env,
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    docs = root / "docs"
    for name, text in TEXTS.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, "utf-8")
    (docs / "sub" / "page.html").write_text(PAGE, "utf-8")
    (docs / "notes.csv").write_text("not a document\n", "utf-8")  # ignored, and counted
    lines = root / "lines.jsonl"
    lines.write_text("".join(json.dumps(r) + "\n" for r in LINES), "utf-8")
    return root


def expected(root: Path) -> pd.DataFrame:
    """The claims of the corpus's documents, in the order the command reads them."""
    import trafilatura

    page = trafilatura.extract(PAGE, include_tables=True, include_comments=False)
    published = "2023-05-05"  # the run's --published default
    frames = [
        extract_claims(TEXTS["a_second.md"], doc_id="a_second", published=published),
        extract_claims(TEXTS["b_first.txt"], doc_id="b_first", published=published),
        extract_claims(TEXTS["sub/c_third.txt"], doc_id="c_third", published=published),
        extract_claims(page, doc_id="page", published=published),
        extract_claims(LINES[0]["text"], doc_id="w1", outlet="Wire", published=published),
        extract_claims(LINES[1]["text"], doc_id="lines:2", published="2023-05-04"),
        extract_claims(STDIN, doc_id="stdin", published=published),
    ]
    return pd.concat(frames, ignore_index=True)


def extract(root: Path, *options: str) -> subprocess.CompletedProcess:
    paths = [str(root / "docs"), str(root / "lines.jsonl"), "-"]
    return run("extract", *paths, "--published", "2023-05-05", *options, stdin=STDIN)


READ_BACK = {
    "csv": lambda data: read_claims_csv(io.BytesIO(data)),
    "jsonl": lambda data: pd.read_json(io.BytesIO(data), lines=True, dtype=False),
    "parquet": lambda data: pd.read_parquet(io.BytesIO(data)),
}


@pytest.fixture(scope="module")
def csv_run(corpus):
    """CSV on standard output, in this process (no pool)."""
    return extract(corpus, "--jobs", "1")


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_a_folder_a_jsonl_file_and_stdin_give_extract_claims(corpus, csv_run, fmt):
    if fmt == "csv":
        proc, data = csv_run, csv_run.stdout
    else:  # to a file
        out = corpus / f"out.{fmt}"
        proc = extract(corpus, "--format", fmt, "-o", str(out), "--jobs", "1")
        assert proc.stdout == b""
        data = out.read_bytes()
    assert proc.returncode == 0, proc.stderr.decode()
    got = validate(READ_BACK[fmt](data))
    want = expected(corpus)
    assert got["doc_id"].unique().tolist() == want["doc_id"].unique().tolist()
    pd.testing.assert_frame_equal(got, want)
    # The summary: documents, claims, and the file of another type that was ignored.
    assert proc.stderr.decode().splitlines() == [
        f"lossdata extract: 7 documents read, {len(want)} claims; 1 file of other types ignored"
    ]


def test_two_jobs_give_the_same_bytes_and_quiet_says_nothing(corpus, csv_run):
    proc = extract(corpus, "--jobs", "2", "--quiet")
    assert proc.returncode == 0
    assert proc.stdout == csv_run.stdout
    assert proc.stderr == b""


# --- bad input: each skipped with one line, the rest extracted, exit 1 ---------------------


def _bad_corpus(root: Path) -> list[str]:
    """Bad inputs of every kind, with one good document; the paths to pass."""
    bad = root / "bad"
    (bad / "loop").mkdir(parents=True)
    (bad / "loop" / "up").symlink_to("..")
    (bad / "good.txt").write_text("The army said 5 soldiers were wounded.", "utf-8")
    (bad / "binary.txt").write_bytes(b"\x00\x01killed\x00" * 20)
    (bad / "locked.txt").write_text("No figures here.", "utf-8")
    (bad / "locked.txt").chmod(0)
    (bad / "page.html").write_text(PAGE, "utf-8")
    (bad / "one").mkdir()
    (bad / "one" / "same.txt").write_text("No figures.", "utf-8")
    (bad / "two").mkdir()
    (bad / "two" / "same.txt").write_text("No figures either.", "utf-8")
    (root / "empty").mkdir()  # named on the command line (an empty subfolder is no error)
    lines = [
        json.dumps({"text": "The army said 8 soldiers were wounded.", "doc_id": "fine"}),
        "{not json",
        json.dumps({"doc_id": "no-text"}),
        json.dumps({"text": "x", "published": "2020-13-45"}),
        json.dumps([1, 2]),
        json.dumps({"text": "x" * 3000}),
    ]
    data = "\n".join(lines).encode("utf-8") + b'\n{"text": "\xff"}\n'
    (bad / "lines.jsonl").write_bytes(data)
    # A stand-in for a missing trafilatura: importing it fails.
    stub = root / "no_trafilatura" / "trafilatura"
    stub.mkdir(parents=True)
    (stub / "__init__.py").write_text("raise ImportError('not installed')\n", "utf-8")
    return [str(bad), str(root / "missing.txt"), str(root / "empty")]


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    paths = _bad_corpus(root)
    env = {**os.environ, "PYTHONPATH": str(root / "no_trafilatura")}
    proc = run("extract", *paths, "--max-bytes", "2000", "--jobs", "2", env=env)
    return root / "bad", proc


ROOT = os.geteuid() == 0
BAD = [
    # (the file named, the reason given, its kind in the summary)
    pytest.param("missing.txt", "No such file or directory", "no such file", id="missing"),
    pytest.param("loop/up", "links back to a folder above it", "folder loop", id="folder-loop"),
    pytest.param("binary.txt", "contains NUL bytes", "not text", id="binary"),
    pytest.param(
        "locked.txt",
        "Permission denied",
        "permission denied",
        id="permission",
        marks=pytest.mark.skipif(ROOT, reason="root reads files whatever their mode"),
    ),
    pytest.param("page.html", "install lossdata[html] to read HTML", "install", id="no-html"),
    pytest.param("two/same.txt", "repeats the doc_id 'same' of", "repeated doc_id", id="repeat"),
    pytest.param("empty", "no .txt, .md, .html, .htm, .jsonl files", "no documents", id="empty"),
    pytest.param("lines.jsonl:2", "not valid JSON", "bad JSON", id="bad-json"),
    pytest.param("lines.jsonl:3", 'has no "text" field', "no text", id="no-text"),
    pytest.param("lines.jsonl:4", "published is not a valid date", "bad published", id="date"),
    pytest.param("lines.jsonl:5", "not a JSON object", "bad JSON", id="not-an-object"),
    pytest.param("lines.jsonl:6", "line larger than 2,000 bytes", "too large", id="too-large"),
    pytest.param("lines.jsonl:7", "not UTF-8", "bad JSON", id="not-utf8"),
]


@pytest.mark.parametrize(("name", "reason", "kind"), BAD)
def test_bad_input_is_skipped_with_one_line(bad_run, name, reason, kind):
    folder, proc = bad_run
    err = proc.stderr.decode()
    assert proc.returncode == 1 and "Traceback" not in err
    lines = [line for line in err.splitlines() if f"/{name}: " in line or f" {name}: " in line]
    assert len(lines) == 1, err
    assert lines[0].startswith("lossdata extract: error: ") and reason in lines[0]
    assert f" {kind}" in err.splitlines()[-1]  # the summary groups it by reason


def test_bad_input_does_not_stop_the_good(bad_run):
    _, proc = bad_run
    got = read_claims_csv(io.BytesIO(proc.stdout))
    assert got["doc_id"].tolist() == ["good", "fine"]
    summary = proc.stderr.decode().splitlines()[-1]
    skipped, read = len(BAD) - ROOT, 3 + ROOT  # good, one/same, fine (and locked, for root)
    assert summary.startswith(
        f"lossdata extract: {read} documents read, 2 claims; {skipped} skipped ("
    )
