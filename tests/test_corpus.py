"""``extract_corpus`` and ``iter_corpus``: a corpus gives what ``extract_claims`` gives per
document, concatenated, in input order, with one or several worker processes."""

from __future__ import annotations

import dataclasses
import itertools
import math
import warnings

import pandas as pd
import pytest

from lossdata import _pool, corpus
from lossdata._pool import ordered_map
from lossdata.corpus import CorpusError, Job, extract_corpus, iter_corpus
from lossdata.extract import extract_claims
from lossdata.schema import COLUMNS, validate

# Sentences written for these tests; doc ids out of alphabetical order on purpose, since
# a batch is validated as one table (sorted by doc_id) and must come back in input order.
DOCS = [
    ("The defence ministry said on 3 May 2023 that 40 soldiers were killed.", {"doc_id": "zulu"}),
    (
        "Kyiv said on Tuesday that Ukrainian forces destroyed 12 Russian tanks near Bakhmut.",
        {"doc_id": "alpha", "published": "2023-03-08", "outlet": "Wire"},
    ),
    ("Nothing to count in this one.", {"doc_id": "mike"}),
    (
        "Baku said 3 Armenian tanks were destroyed and 2 helicopters were shot down.",
        {"doc_id": "bravo", "published": "2020-10-20", "conflict": "armenia-azerbaijan"},
    ),
    ("The army said 5 soldiers were wounded and 7 were captured.", {"doc_id": "charlie"}),
]


def expected(docs, **defaults) -> pd.DataFrame:
    """``extract_claims`` per document, concatenated: what a corpus must give."""
    frames = []
    for n, (text, meta) in enumerate(docs):
        kwargs = {**defaults, **{k: v for k, v in meta.items() if v is not None}}
        kwargs.setdefault("doc_id", f"doc-{n}")
        frames.append(extract_claims(text, **kwargs))
    return pd.concat(frames, ignore_index=True)


@pytest.mark.parametrize(
    ("jobs", "batch_size"),
    [(1, 512), (1, 2), (2, 2), (2, 1)],
    ids=["one-process", "small-batches", "two-processes", "two-processes-batch-of-one"],
)
def test_corpus_equals_extract_claims_per_document(jobs, batch_size):
    got = extract_corpus(DOCS, jobs=jobs, batch_size=batch_size)
    pd.testing.assert_frame_equal(got, expected(DOCS))
    assert got["doc_id"].unique().tolist() == ["zulu", "alpha", "bravo", "charlie"]


def test_iter_corpus_yields_validated_batches_in_order():
    batches = list(iter_corpus(DOCS, batch_size=2))
    # Batches of two documents; the one without claims ("mike") leaves its batch short.
    assert [b["doc_id"].unique().tolist() for b in batches] == [
        ["zulu", "alpha"],
        ["bravo"],
        ["charlie"],
    ]
    for b in batches:
        pd.testing.assert_frame_equal(b, validate(b))
    pd.testing.assert_frame_equal(pd.concat(batches, ignore_index=True), expected(DOCS))


RECORDS = [
    # (record as given, the doc_id and metadata extract_claims gets)
    ("The army said 5 soldiers were wounded.", {}),
    (("The army said 6 soldiers were wounded.", {"doc_id": "own"}), {"doc_id": "own"}),
    (("The army said 7 soldiers were wounded.", None), {}),
    ({"text": "The army said 8 soldiers were wounded.", "url": "x"}, {}),
    (
        {"text": "The army said 9 soldiers were wounded.", "published": "2023-05-04"},
        {"published": "2023-05-04"},
    ),
    (("The army said 10 soldiers were wounded.", {"published": math.nan}), {}),
    (("The army said 11 soldiers were wounded.", {"outlet": "", "doc_id": 17}), {"doc_id": "17"}),
]


@pytest.mark.parametrize(
    "k",
    range(len(RECORDS)),
    ids=["text", "pair", "pair-none", "mapping", "published", "nan", "empty-and-int"],
)
def test_a_record_gives_its_metadata_else_the_defaults(k):
    record, meta = RECORDS[k]
    defaults = {"published": "2023-05-01", "outlet": "Default Wire"}
    got = extract_corpus([record], **defaults)
    text = record["text"] if isinstance(record, dict) else record
    text = text[0] if isinstance(text, tuple) else text
    want = extract_claims(text, **{"doc_id": "doc-0", **defaults, **meta})
    pd.testing.assert_frame_equal(got, want)


def test_unnamed_documents_are_numbered_by_position():
    docs = ["The army said 5 soldiers were wounded."] * 3
    docs[1] = ("The army said 6 soldiers were wounded.", {"doc_id": "named"})
    got = extract_corpus(docs)
    assert got["doc_id"].tolist() == ["doc-0", "named", "doc-2"]


BAD = [
    # (id, record, error raised, words of its message)
    ("not-text", 42, TypeError, "document 1: a document is a text"),
    ("text-not-str", (b"bytes", {}), TypeError, "text must be a str, got bytes"),
    ("metadata-not-mapping", ("x", ["doc"]), TypeError, "metadata must be a mapping"),
    ("bad-date", ("x", {"published": "2020-13-45"}), CorpusError, "not a valid date"),
    ("date-out-of-range", ("x", {"published": "1850-01-01"}), CorpusError, "1900"),
    ("unknown-conflict", ("x", {"conflict": "mars"}), CorpusError, "unknown conflict 'mars'"),
    ("outlet-not-str", ("x", {"outlet": 3}), CorpusError, "outlet must be a string"),
    ("repeated-doc-id", ("x", {"doc_id": "doc-0"}), CorpusError, "repeats the doc_id 'doc-0'"),
]


@pytest.mark.parametrize(
    ("record", "error", "words"), [b[1:] for b in BAD], ids=[b[0] for b in BAD]
)
def test_a_bad_document_raises_naming_it(record, error, words):
    docs = ["The army said 5 soldiers were wounded.", record]
    with pytest.raises(error, match="^document 1: ") as info:
        extract_corpus(docs)
    assert words in str(info.value)


@pytest.mark.parametrize(
    ("record", "error", "words"), [b[1:] for b in BAD], ids=[b[0] for b in BAD]
)
def test_a_bad_document_is_skipped_with_a_warning(record, error, words):
    docs = [
        "The army said 5 soldiers were wounded.",
        record,
        "The army said 6 soldiers were killed.",
    ]
    with pytest.warns(UserWarning, match="skipped document 1: ") as caught:
        got = extract_corpus(docs, errors="warn")
    assert any(words in str(w.message) for w in caught)
    assert got["doc_id"].tolist() == ["doc-0", "doc-2"]


def test_a_text_too_long_is_refused(monkeypatch):
    monkeypatch.setattr(corpus, "SETTINGS", dataclasses.replace(corpus.SETTINGS, max_text=20))
    with pytest.raises(CorpusError, match="document 0: text is 38 characters; split it below 20"):
        extract_corpus(["The army said 5 soldiers were wounded."])


def test_a_bug_in_the_grammar_skips_the_document_and_says_so(monkeypatch):
    def broken(text, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(corpus, "iter_claims", broken)
    with pytest.raises(CorpusError, match=r"unexpected RuntimeError: boom \(please report this\)"):
        extract_corpus(["The army said 5 soldiers were wounded."])


@pytest.mark.parametrize(
    ("options", "words"),
    [
        ({"jobs": 0}, "jobs must be"),
        ({"batch_size": 0}, "batch_size must be"),
        ({"errors": "ignore"}, "errors must be"),
        ({"published": "yesterday"}, "ISO date"),
        ({"conflict": "mars"}, "unknown conflict"),
    ],
    ids=["jobs", "batch-size", "errors", "published", "conflict"],
)
def test_bad_options_are_refused(options, words):
    with pytest.raises(ValueError, match=words):
        extract_corpus(["x"], **options)


def test_an_empty_corpus_gives_an_empty_valid_table():
    got = extract_corpus([])
    assert got.empty and list(got.columns) == COLUMNS
    pd.testing.assert_frame_equal(got, validate(got))
    assert list(iter_corpus(iter([]))) == []


@pytest.mark.parametrize("jobs", [1, 2], ids=["one-process", "two-processes"])
def test_the_input_is_read_lazily(jobs):
    """An endless corpus: the first batch comes out, and only a bounded number of
    documents were read ahead for it (memory stays flat however long the input)."""
    pulled = itertools.count()

    def endless():
        for n in pulled:
            yield f"The army said {n % 90 + 2} soldiers were wounded."

    batches = iter_corpus(endless(), jobs=jobs, batch_size=3)
    first = next(batches)
    batches.close()  # stops the workers
    assert first["doc_id"].tolist() == ["doc-0", "doc-1", "doc-2"]
    ahead = _pool.WINDOW * jobs * _pool.CHUNK_DOCS + _pool.CHUNK_DOCS + 3
    assert next(pulled) <= (3 if jobs == 1 else ahead)


def test_ordered_map_keeps_the_order_over_processes(monkeypatch):
    monkeypatch.setattr(_pool, "CHUNK_DOCS", 1)  # a task per document
    jobs = [
        Job(f"d{n}", f"d{n}", f"The army said {n + 2} soldiers were wounded.") for n in range(9)
    ]
    # Big first documents finish last; the order still is the input's.
    jobs[0] = jobs[0]._replace(text=jobs[0].text + " Nothing else." * 2000)
    got = [o.doc_id for o in ordered_map(jobs, jobs=2)]
    assert got == [j.doc_id for j in jobs]


def test_rows_that_break_the_contract_are_dropped_with_a_warning(monkeypatch):
    real = corpus.iter_claims

    def with_a_bad_row(text, **kwargs):
        for claim in real(text, **kwargs):
            yield dataclasses.replace(claim, value=-1)

    monkeypatch.setattr(corpus, "iter_claims", with_a_bad_row)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = extract_corpus(["The army said 5 soldiers were wounded."])
    assert got.empty
    assert any("dropped the figure '5'" in str(w.message) for w in caught)
