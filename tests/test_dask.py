"""lossdata.dask: extraction over a Dask bag or dataframe gives the serial result.

One two-process LocalCluster serves the whole module (starting one costs seconds); a
worker's exception reaches the caller with its type and message.
"""

from __future__ import annotations

import importlib
import sys

import pandas as pd
import pytest

dask = pytest.importorskip("dask")
pytest.importorskip("distributed")
db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")

from dask.distributed import Client, LocalCluster  # noqa: E402

import lossdata.dask as ldask  # noqa: E402
from lossdata.extract import extract_claims as serial_extract  # noqa: E402
from lossdata.schema import FIELDS  # noqa: E402

ORDER = ["doc_id", "char_start", "category"]

# Sentences written for these tests: three wars, a war no profile knows, and no claim.
NO_WAR = "The defence ministry said on 3 May 2023 that 40 soldiers were killed."
UKRAINE = (
    "Kyiv said on 4 March 2023 that Ukrainian forces destroyed 12 Russian tanks near Bakhmut. "
    "The General Staff added that 350 Russian soldiers were killed."
)
KARABAKH = (
    "On 12 October 2020 the Armenian Defence Ministry said 215 Azerbaijani soldiers had been "
    "killed near Hadrut."
)
TIGRAY = (
    "The Tigray People's Liberation Front said on 20 November 2020 that 300 Ethiopian soldiers "
    "were killed near Mekelle."
)
QUIET = "The weather in the capital was mild on Sunday."
UNDATED = "Officials said two drones were shot down and five civilians were wounded."

# Bag elements: plain texts and dicts, with and without their own metadata.
BAG_DOCS = [
    NO_WAR,
    {"text": UKRAINE, "doc_id": "kyiv-statement", "outlet": "Kyiv Daily"},
    {"text": KARABAKH, "published": "2020-10-13"},
    QUIET,
    {"text": TIGRAY, "doc_id": "tplf", "conflict": "ethiopia-tigray", "published": "2020-11-21"},
    UNDATED,
    {"text": None, "doc_id": "empty"},
]
DEFAULTS = {"published": "2023-05-05", "outlet": "Wire Service", "conflict": None}


def _serial_bag(docs: list, **defaults) -> pd.DataFrame:
    """The bag's claims one document at a time, by the module's documented rule."""
    frames = []
    for position, doc in enumerate(docs):
        doc = {"text": doc} if isinstance(doc, str) else doc
        if doc["text"] is None:
            continue
        options = {k: doc.get(k) if doc.get(k) is not None else defaults.get(k) for k in DEFAULTS}
        doc_id = doc.get("doc_id") or f"doc-{position}"
        frames.append(serial_extract(doc["text"], doc_id=doc_id, **options))
    return _sorted(pd.concat(frames))


def _sorted(df: pd.DataFrame) -> pd.DataFrame:
    return df.sort_values(ORDER, kind="stable").reset_index(drop=True)


def _frame_docs() -> pd.DataFrame:
    """A dataframe of documents with a string index and partly missing metadata."""
    return pd.DataFrame(
        {
            "body": [NO_WAR, UKRAINE, KARABAKH, QUIET, TIGRAY, UNDATED],
            "doc_id": [None, "kyiv-statement", None, None, "tplf", None],
            "published": pd.to_datetime(
                [None, "2023-03-05", "2020-10-13", None, "2020-11-21", "2023-05-01"]
            ),
            "outlet": ["Wire Service", None, "Caucasus Desk", None, None, None],
        },
        index=[f"r{i}" for i in range(6)],
    )


def _serial_frame(pdf: pd.DataFrame) -> pd.DataFrame:
    frames = []
    for label, row in pdf.iterrows():
        published = None if pd.isna(row["published"]) else row["published"].date()
        outlet = None if pd.isna(row["outlet"]) else row["outlet"]
        doc_id = f"doc-{label}" if pd.isna(row["doc_id"]) else row["doc_id"]
        options = {"doc_id": doc_id, "published": published, "outlet": outlet}
        frames.append(serial_extract(row["body"], **options))
    return _sorted(pd.concat(frames))


@pytest.fixture(scope="module")
def client():
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as c,
    ):
        yield c


def _assert_schema_dtypes(result) -> None:
    """The lazy frame's dtypes are the meta's, and the meta is the contract's."""
    meta = ldask.claims_meta()
    pd.testing.assert_series_equal(result.dtypes, meta.dtypes)
    assert list(meta.columns) == [f.name for f in FIELDS]
    for f in FIELDS:
        if f.kind == "category":
            assert list(meta[f.name].cat.categories) == list(f.values), f.name
        elif f.kind in ("int", "Int64", "date"):
            assert meta[f.name].dtype == f.dtype, f.name


def test_bag_on_a_cluster_equals_the_serial_result(client):
    bag = db.from_sequence(BAG_DOCS, npartitions=3)
    result = ldask.extract_claims(bag, **DEFAULTS)
    _assert_schema_dtypes(result)
    computed = result.compute()
    expected = _serial_bag(BAG_DOCS, **DEFAULTS)
    assert len(expected) >= 6 and set(expected["conflict"]) >= {"russia-ukraine", "unknown"}
    pd.testing.assert_frame_equal(_sorted(computed), expected)


def test_dataframe_on_a_cluster_equals_the_serial_result(client):
    pdf = _frame_docs()
    result = ldask.extract_claims(dd.from_pandas(pdf, npartitions=3), text_column="body")
    _assert_schema_dtypes(result)
    computed = result.compute()
    expected = _serial_frame(pdf)
    assert {"doc-r0", "doc-r2", "kyiv-statement", "tplf"} <= set(expected["doc_id"])
    pd.testing.assert_frame_equal(_sorted(computed), expected)


@pytest.mark.parametrize("npartitions", [1, 2, 7], ids=lambda n: f"{n}-partitions")
def test_bag_partitioning_does_not_change_the_rows(client, npartitions):
    bag = db.from_sequence(BAG_DOCS, npartitions=npartitions)
    computed = ldask.extract_claims(bag, **DEFAULTS).compute()
    pd.testing.assert_frame_equal(_sorted(computed), _serial_bag(BAG_DOCS, **DEFAULTS))


@pytest.mark.parametrize("npartitions", [1, 4], ids=lambda n: f"{n}-partitions")
def test_dataframe_partitioning_does_not_change_the_rows(client, npartitions):
    pdf = _frame_docs()
    ddf = dd.from_pandas(pdf, npartitions=npartitions)
    computed = ldask.extract_claims(ddf, text_column="body").compute()
    pd.testing.assert_frame_equal(_sorted(computed), _serial_frame(pdf))


def test_plain_texts_are_numbered_by_position_in_the_bag(client):
    bag = db.from_sequence([QUIET, NO_WAR, QUIET, UNDATED], npartitions=3)
    assert sorted(set(ldask.extract_claims(bag).compute()["doc_id"])) == ["doc-1", "doc-3"]


NO_CLAIMS = [
    ("empty-bag", lambda: db.from_sequence([])),
    ("bag-of-a-quiet-text", lambda: db.from_sequence([QUIET, {"text": None}])),
    ("frame-of-a-quiet-text", lambda: dd.from_pandas(pd.DataFrame({"text": [QUIET]}), 1)),
]


@pytest.mark.parametrize("make", [r[1] for r in NO_CLAIMS], ids=[r[0] for r in NO_CLAIMS])
def test_no_claims_give_an_empty_table_with_the_contract_dtypes(client, make):
    computed = ldask.extract_claims(make()).compute()
    assert computed.empty
    pd.testing.assert_series_equal(computed.dtypes, ldask.claims_meta().dtypes)


BAD = [
    # id, data factory, keyword options, error, message fragment
    ("number-in-bag", lambda: db.from_sequence([NO_WAR, 12]), {}, TypeError, "got int"),
    ("dict-without-text", lambda: db.from_sequence([{"body": NO_WAR}]), {}, ValueError, "'text'"),
    (
        "unknown-conflict",
        lambda: db.from_sequence([{"text": NO_WAR, "doc_id": "d1", "conflict": "atlantis"}]),
        {},
        ValueError,
        "document d1",
    ),
    (
        "bad-published",
        lambda: dd.from_pandas(pd.DataFrame({"text": [NO_WAR]}), npartitions=1),
        {"published": "yesterday"},
        ValueError,
        "document doc-0",
    ),
]


@pytest.mark.parametrize(
    ("make", "options", "error", "fragment"), [row[1:] for row in BAD], ids=[r[0] for r in BAD]
)
def test_a_bad_document_fails_with_its_name(client, make, options, error, fragment):
    with pytest.raises(error, match=fragment):
        ldask.extract_claims(make(), **options).compute()


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (pd.DataFrame({"text": [NO_WAR]}), "expected a dask.bag.Bag"),
        ([NO_WAR], "got list"),
    ],
    ids=["pandas-frame", "list"],
)
def test_input_that_is_not_a_dask_collection_is_refused(data, fragment):
    with pytest.raises(TypeError, match=fragment):
        ldask.extract_claims(data)


def test_a_dataframe_without_the_text_column_is_refused_at_once():
    ddf = dd.from_pandas(pd.DataFrame({"body": [NO_WAR]}), npartitions=1)
    with pytest.raises(ValueError, match="no 'text' column"):
        ldask.extract_claims(ddf)


def test_without_dask_the_import_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "dask", None)
    monkeypatch.delitem(sys.modules, "lossdata.dask")
    with pytest.raises(ImportError, match=r"install lossdata\[dask\]"):
        importlib.import_module("lossdata.dask")
