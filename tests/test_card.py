"""The data card, the dataset names, the data version and CITATION.cff."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from pathlib import Path

import pytest
import yaml

import lossdata
from lossdata import datasets
from lossdata._card import card
from lossdata.build import describe as descriptor_of
from lossdata.datasets import DataIntegrityError
from lossdata.schema import FIELDS

ROOT = Path(__file__).resolve().parents[1]
CATALOG = list(csv.DictReader(io.StringIO((ROOT / "seeds" / "catalog.csv").read_text("utf-8"))))
WIKIPEDIA = "https://en.wikipedia.org/wiki/2020_Nagorno-Karabakh_conflict"


@pytest.fixture(scope="module")
def text() -> str:
    return datasets.describe()


# --- the card ------------------------------------------------------------------------------


def test_committed_card_is_the_generated_one(text):
    assert (ROOT / "data" / "README.md").read_text("utf-8") == text, (
        "data/README.md is stale: run `lossdata build`"
    )


def test_card_states_version_checksum_and_rows(text):
    descriptor = json.loads((ROOT / "data" / "datapackage.json").read_text("utf-8"))
    resource = descriptor["resources"][0]
    assert f"Data version **{descriptor['version']}**" in text
    assert resource["hash"].removeprefix("sha256:") in text
    assert f"{resource['rows']} rows and {resource['bytes']} bytes" in text


@pytest.mark.parametrize("field", FIELDS, ids=[f.name for f in FIELDS])
def test_card_lists_every_column(text, field):
    assert f"| {field.name} |" in text


@pytest.mark.parametrize(
    ("doc_id", "key"),
    [(row["doc_id"], key) for row in CATALOG for key in ("title", "outlet", "url", "published")],
)
def test_card_names_each_source_with_its_outlet_address_and_date(text, doc_id, key):
    row = next(r for r in CATALOG if r["doc_id"] == doc_id)
    expected = row[key] or {"outlet": "outlet not identified", "url": "address: not known"}[key]
    assert expected in " ".join(text.split())  # long titles wrap


def _accuracy_row(set_name: str) -> list[str]:
    """The README's Accuracy figures of lossdata on one set: precision to claim date."""
    for line in (ROOT / "README.md").read_text("utf-8").splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if cells[:2] == [set_name, "lossdata 0.1.0"]:
            return cells[2:]
    raise AssertionError(f"README's Accuracy table has no lossdata row for {set_name}")


@pytest.mark.parametrize(
    ("set_name", "columns"),
    [("devset", slice(0, 6)), ("seeds", slice(0, 3))],
    ids=["devset: precision to claim date", "seeds: precision, recall, F1"],
)
def test_card_quotes_the_measured_accuracy_of_the_readme(text, set_name, columns):
    figures = _accuracy_row(set_name)[columns]
    missing = [f for f in figures if f not in text]
    assert not missing, f"the card lacks README's {set_name} figures {missing}"
    assert re.search(r"expect\s+lower accuracy on new text", text)


def test_card_keeps_the_text_licences_apart_from_the_code_licence(text):
    licences = text.split("## Licences", 1)[1].split("##", 1)[0]
    assert "code is under the MIT licence" in licences
    assert "CC BY-SA 4.0" in licences and "Wikipedia contributors" in licences


def test_card_of_a_sparse_catalog_says_what_is_unknown():
    """A user's seeds folder may lack outlets, addresses and the card columns."""
    descriptor = descriptor_of(b"claim_id\n", 0)
    row = {"doc_id": "d1", "title": "A made-up report", "outlet": "", "url": "", "published": ""}
    out = card(descriptor, [row], name="claims")
    for words in ("outlet not identified", "address: not known", "not stated in the catalog"):
        assert words in out
    assert "published on unknown dates" in out


# --- names ---------------------------------------------------------------------------------


def test_list_datasets_names_the_seeds_table():
    assert datasets.list_datasets() == ["claims"]


UNKNOWN_NAME = [
    ("describe", lambda: datasets.describe("ukraine")),
    ("load_claims", lambda: datasets.load_claims(name="ukraine")),
]


@pytest.mark.parametrize("call", [c for _, c in UNKNOWN_NAME], ids=[n for n, _ in UNKNOWN_NAME])
def test_an_unknown_dataset_lists_the_valid_names(call):
    with pytest.raises(ValueError, match=r"unknown dataset 'ukraine'; valid names: claims$"):
        call()


def test_load_claims_by_name_is_the_default_table():
    assert datasets.load_claims(name="claims").equals(datasets.load_claims())


# --- the data version and the checksum -----------------------------------------------------


def test_data_version_is_the_package_version_and_the_table_hash():
    digest = hashlib.sha256((ROOT / "data" / "claims.csv").read_bytes()).hexdigest()
    assert datasets.data_version() == f"{lossdata.__version__}+{digest[:12]}"
    assert datasets.__data_version__ == datasets.data_version()


def test_data_version_changes_with_the_bytes():
    versions = {descriptor_of(data, 1)["version"] for data in (b"a\n1\n", b"a\n2\n", b"a\n1\n")}
    assert len(versions) == 2


@pytest.fixture
def shipped(tmp_path, monkeypatch):
    """A copy of the shipped data folder that the loaders read instead."""
    for name in ("claims.csv", "datapackage.json"):
        (tmp_path / name).write_bytes((ROOT / "data" / name).read_bytes())
    monkeypatch.setattr(datasets, "resource_dir", lambda name: tmp_path)
    return tmp_path


def test_a_tampered_table_is_refused_naming_what_changed(shipped):
    path = shipped / "claims.csv"
    data = path.read_bytes()
    path.write_bytes(data.replace(b",killed,", b",KILLED,", 1))  # same size, same rows
    with pytest.raises(DataIntegrityError) as info:
        datasets.load_claims(validate_table=False)
    message = str(info.value)
    assert message.startswith("claims.csv: the file differs from datapackage.json")
    assert re.search(r"sha256 [0-9a-f]{12}\.\.\. instead of [0-9a-f]{12}\.\.\.", message)
    assert "bytes instead of" not in message and "rows instead of" not in message


@pytest.mark.parametrize(
    ("version", "words"),
    [("0.1.0+000000000000", "does not match the recorded sha256"), (None, "no data version")],
    ids=["hand-edited", "missing"],
)
def test_a_descriptor_with_a_wrong_version_is_refused(shipped, version, words):
    path = shipped / "datapackage.json"
    descriptor = json.loads(path.read_text("utf-8"))
    descriptor["version"] = version
    path.write_text(json.dumps(descriptor), "utf-8")
    with pytest.raises(DataIntegrityError, match=words):
        datasets.data_version()


def test_a_descriptor_listing_no_tables_is_refused(shipped):
    path = shipped / "datapackage.json"
    descriptor = json.loads(path.read_text("utf-8"))
    descriptor["resources"] = []
    path.write_text(json.dumps(descriptor), "utf-8")
    with pytest.raises(DataIntegrityError, match="lists no tables"):
        datasets.load_claims()


# --- the catalog ---------------------------------------------------------------------------


@pytest.mark.parametrize("row", CATALOG, ids=[r["doc_id"] for r in CATALOG])
def test_every_source_has_a_licence_and_a_provenance(row):
    assert row["licence"] and row["provenance"]
    if not row["outlet"] or not row["url"]:  # an empty field says why in the notes
        why = r"not in the text|not identified|left empty|url is empty"
        assert re.search(why, row["provenance"])


def test_the_wikipedia_snapshot_is_cc_by_sa_at_its_canonical_address():
    row = next(r for r in CATALOG if r["outlet"] == "Wikipedia")
    assert (row["licence"], row["url"]) == ("CC BY-SA 4.0", WIKIPEDIA)


def test_load_documents_returns_the_card_columns():
    docs = lossdata.load_documents()
    assert {"licence", "provenance"} <= set(docs.columns)


# --- CITATION.cff --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cff() -> dict:
    return yaml.safe_load((ROOT / "CITATION.cff").read_text("utf-8"))


def test_citation_has_the_required_keys(cff):
    assert cff["cff-version"] == "1.2.0"
    assert cff["message"] and cff["title"]
    assert cff["authors"] and all(a.get("name") for a in cff["authors"])
    assert cff["type"] in ("software", "dataset") and cff["license"] == "MIT"


def test_citation_version_is_the_package_version(cff):
    assert str(cff["version"]) == lossdata.__version__


def test_citation_keeps_the_wikipedia_licence_apart(cff):
    (wiki,) = [r for r in cff["references"] if r.get("url") == WIKIPEDIA]
    assert wiki["license"] == "CC-BY-SA-4.0"


@pytest.mark.parametrize("row", CATALOG, ids=[r["doc_id"] for r in CATALOG])
def test_citation_references_every_source(cff, row):
    (ref,) = [r for r in cff["references"] if row["doc_id"] in r.get("notes", "")]
    assert ref.get("url", "") == row["url"]
