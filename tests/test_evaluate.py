"""lossdata.evaluation: matching and scoring on hand-made frames, then the real seeds."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest

import lossdata
from lossdata import evaluation as ev
from lossdata.text import normalize

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "claims.csv"

# Raised to the figure reached when the evaluation issue is resolved.
F1_FLOOR = 0.98  # overall F1 on the seeds when the evaluation issue was resolved (0.986)


def _pred(*rows: tuple[str, str, int, int]) -> pd.DataFrame:
    """Predictions from (doc_id, category, value, char_start); labels p0, p1, ..."""
    df = pd.DataFrame(rows, columns=["doc_id", "category", "value", "char_start"])
    return df.set_axis([f"p{i}" for i in range(len(df))])


def _gold(*rows: tuple[str, str, int, int | None, bool]) -> pd.DataFrame:
    """Gold rows from (doc_id, category, value, position, optional); labels g0, g1, ..."""
    df = pd.DataFrame(rows, columns=["doc_id", "category", "value", "position", "optional"])
    df["position"] = df["position"].astype("Int64")
    return df.set_axis([f"g{i}" for i in range(len(df))])


# (id, predictions, gold, pairs, absorbed, false positives, false negatives)
MATCH_CASES = [
    (
        "exact match",
        _pred(("d", "killed", 4, 10)),
        _gold(("d", "killed", 4, 10, False)),
        [("p0", "g0")],
        [],
        [],
        [],
    ),
    (
        "match despite an offset",
        _pred(("d", "killed", 4, 500)),
        _gold(("d", "killed", 4, 10, False)),
        [("p0", "g0")],
        [],
        [],
        [],
    ),
    (
        "wrong category",
        _pred(("d", "wounded", 4, 10)),
        _gold(("d", "killed", 4, 10, False)),
        [],
        [],
        ["p0"],
        ["g0"],
    ),
    (
        "wrong value",
        _pred(("d", "killed", 5, 10)),
        _gold(("d", "killed", 4, 10, False)),
        [],
        [],
        ["p0"],
        ["g0"],
    ),
    (
        "other document",
        _pred(("e", "killed", 4, 10)),
        _gold(("d", "killed", 4, 10, False)),
        [],
        [],
        ["p0"],
        ["g0"],
    ),
    (
        "two predictions, one gold: the nearer wins",
        _pred(("d", "killed", 4, 40), ("d", "killed", 4, 12)),
        _gold(("d", "killed", 4, 10, False)),
        [("p1", "g0")],
        [],
        ["p0"],
        [],
    ),
    (
        "one prediction, two gold: the nearer is matched",
        _pred(("d", "tanks", 2, 100)),
        _gold(("d", "tanks", 2, 10, False), ("d", "tanks", 2, 90, False)),
        [("p0", "g1")],
        [],
        [],
        ["g0"],
    ),
    (
        "greedy by distance: closest pair first, then the rest",
        _pred(("d", "tanks", 2, 50), ("d", "tanks", 2, 95)),
        _gold(("d", "tanks", 2, 10, False), ("d", "tanks", 2, 90, False)),
        [("p1", "g1"), ("p0", "g0")],
        [],
        [],
        [],
    ),
    (
        "optional gold absorbs a prediction",
        _pred(("d", "killed", 100, 10)),
        _gold(("d", "killed", 100, 10, True)),
        [],
        [("p0", "g0")],
        [],
        [],
    ),
    (
        "unmatched optional gold is no false negative",
        _pred(),
        _gold(("d", "killed", 100, 10, True)),
        [],
        [],
        [],
        [],
    ),
    (
        "optional nearer than required: it absorbs, the required is missed",
        _pred(("d", "killed", 3, 12)),
        _gold(("d", "killed", 3, 10, True), ("d", "killed", 3, 80, False)),
        [],
        [("p0", "g0")],
        [],
        ["g1"],
    ),
    (
        "equal distance: required gold wins over optional",
        _pred(("d", "killed", 3, 50)),
        _gold(("d", "killed", 3, 40, True), ("d", "killed", 3, 60, False)),
        [("p0", "g1")],
        [],
        [],
        [],
    ),
    (
        "gold without a position still matches, after located rows",
        _pred(("d", "killed", 7, 10), ("d", "killed", 7, 20)),
        _gold(("d", "killed", 7, None, False), ("d", "killed", 7, 21, False)),
        [("p1", "g1"), ("p0", "g0")],
        [],
        [],
        [],
    ),
    ("nothing predicted", _pred(), _gold(("d", "killed", 4, 10, False)), [], [], [], ["g0"]),
    ("nothing in gold", _pred(("d", "killed", 4, 10)), _gold(), [], [], ["p0"], []),
]


@pytest.mark.parametrize(
    ("pred", "gold", "pairs", "absorbed", "fps", "fns"),
    [case[1:] for case in MATCH_CASES],
    ids=[case[0] for case in MATCH_CASES],
)
def test_match(pred, gold, pairs, absorbed, fps, fns):
    m = ev.match(pred, gold)
    assert (m.pairs, m.absorbed, m.false_positives, m.false_negatives) == (
        pairs,
        absorbed,
        fps,
        fns,
    )


# (id, predictions, gold, max_distance, pairs, false positives, false negatives)
DISTANCE_CASES = [
    (
        "within the limit",
        _pred(("d", "killed", 4, 15)),
        _gold(("d", "killed", 4, 10, False)),
        5,
        [("p0", "g0")],
        [],
        [],
    ),
    (
        "beyond the limit",
        _pred(("d", "killed", 4, 16)),
        _gold(("d", "killed", 4, 10, False)),
        5,
        [],
        ["p0"],
        ["g0"],
    ),
    (
        "gold without a position never within a limit",
        _pred(("d", "killed", 4, 10)),
        _gold(("d", "killed", 4, None, False)),
        1000,
        [],
        ["p0"],
        ["g0"],
    ),
]


@pytest.mark.parametrize(
    ("pred", "gold", "max_distance", "pairs", "fps", "fns"),
    [case[1:] for case in DISTANCE_CASES],
    ids=[case[0] for case in DISTANCE_CASES],
)
def test_match_max_distance(pred, gold, max_distance, pairs, fps, fns):
    m = ev.match(pred, gold, max_distance=max_distance)
    assert (m.pairs, m.false_positives, m.false_negatives) == (pairs, fps, fns)


def test_baseline_keys_ignore_category():
    pred = _pred(("d", "dimensionless", 4, 11))
    gold = _gold(("d", "killed", 4, 10, False))
    assert ev.match(pred, gold, keys=ev.BASELINE_KEYS).pairs == [("p0", "g0")]


# (id, Scores, precision, recall, f1)
SCORE_CASES = [
    ("perfect", ev.Scores(tp=4), 1.0, 1.0, 1.0),
    ("half and half", ev.Scores(tp=2, fp=2, fn=2), 0.5, 0.5, 0.5),
    ("precise, incomplete", ev.Scores(tp=1, fp=0, fn=3), 1.0, 0.25, 0.4),
    ("nothing predicted", ev.Scores(fn=3), 0.0, 0.0, 0.0),
    ("nothing at all", ev.Scores(), 0.0, 0.0, 0.0),
    ("absorbed rows do not count", ev.Scores(tp=1, fp=1, fn=1, absorbed=5), 0.5, 0.5, 0.5),
]


@pytest.mark.parametrize(
    ("scores", "precision", "recall", "f1"),
    [case[1:] for case in SCORE_CASES],
    ids=[case[0] for case in SCORE_CASES],
)
def test_scores(scores, precision, recall, f1):
    assert (scores.precision, scores.recall, scores.f1) == pytest.approx((precision, recall, f1))


def test_score_by_doc_sums_to_overall():
    pred = _pred(("a", "killed", 4, 10), ("a", "killed", 9, 30), ("b", "tanks", 2, 5))
    gold = _gold(
        ("a", "killed", 4, 10, False),
        ("b", "tanks", 2, 7, False),
        ("b", "tanks", 3, 9, False),
        ("b", "tanks", 50, 9, True),
    )
    per_doc, m = ev.score_by_doc(pred, gold, ["a", "b"])
    assert per_doc == {"a": ev.Scores(tp=1, fp=1), "b": ev.Scores(tp=1, fn=1)}
    assert ev.total(per_doc) == ev.score(m) == ev.Scores(tp=2, fp=1, fn=1)


def test_attribute_accuracy():
    pred = _pred(("d", "killed", 4, 10), ("d", "killed", 5, 20), ("d", "killed", 6, 30))
    pred["claimant_side"] = ["armenia", "azerbaijan", "armenia"]
    pred["subject_side"] = pd.Categorical(["azerbaijan"] * 3)
    pred["population"] = ["civilian", "military", "civilian"]
    pred["qualifier"] = ["exact"] * 3
    pred["claim_date"] = pd.to_datetime(["2020-10-26", "2020-10-27", None])
    gold = _gold(
        ("d", "killed", 4, 10, False), ("d", "killed", 5, 20, False), ("d", "killed", 6, 30, True)
    )
    gold["claimant_side"] = ["armenia", "armenia", "armenia"]
    gold["subject_side"] = ["azerbaijan"] * 3
    gold["population"] = ["civilian", "military", "military"]
    gold["qualifier"] = ["exact", "about", "exact"]
    gold["claim_date"] = ["2020-10-26", "2020-10-28", ""]
    gold["date_basis"] = ["text", "document", "text"]
    acc = ev.attribute_accuracy(ev.match(pred, gold), pred, gold)
    assert acc == {
        "claimant_side": (1, 2),
        "subject_side": (2, 2),
        "population": (2, 2),
        "qualifier": (1, 2),
        "claim_date": (1, 1),  # only where gold date_basis is "text"; optional row left out
    }


# (id, quote, value_text, expected offsets)
POSITION_CASES = [
    ("plain", "lost 6,674 troops", "6,674", [5]),
    ("not inside a longer number", "about 250 tanks and 25 Osas", "25", [20]),
    ("not the tail of a grouped number", "1,166 and 166 more", "166", [10]),
    ("every whole word", "one Osa, one BMP-2, one gun", "one", [0, 9, 20]),
    ("word not inside a word", "someone saw one tank", "one", [12]),
    ("falls back to a plain occurrence", "T-72s", "72", [2]),
    ("absent", "no number here", "four", []),
]


@pytest.mark.parametrize(
    ("quote", "value_text", "expected"),
    [case[1:] for case in POSITION_CASES],
    ids=[case[0] for case in POSITION_CASES],
)
def test_number_positions(quote, value_text, expected):
    assert ev.number_positions(quote, value_text) == expected


def test_locate_gold_reports_missing_quotes_and_takes_kth_occurrence():
    texts = {"d": "Intro. They destroyed one Osa, one BMP-2 and 25 of 250 tanks. End."}
    rows = [
        ("d", "They destroyed one Osa, one BMP-2 and 25 of 250 tanks.", "one"),
        ("d", "They destroyed one Osa, one BMP-2 and 25 of 250 tanks.", "one"),
        ("d", "They destroyed one Osa, one BMP-2 and 25 of 250 tanks.", "25"),
        ("d", "They destroyed one Osa, one BMP-2 and 25 of 250 tanks.", "seven"),
        ("d", "A sentence that is not there.", "4"),
        ("x", "Unknown document.", "4"),
    ]
    gold = pd.DataFrame(rows, columns=["doc_id", "quote", "value_text"])
    located, errors = ev.locate_gold(gold, texts)
    text = texts["d"]
    assert located["position"].tolist()[:4] == [
        text.index("one Osa"),
        text.index("one BMP"),
        text.index("25 of"),
        text.index("They"),
    ]
    assert located["position"].isna().tolist()[4:] == [True, True]
    assert len(errors) == 2
    assert "quote not found" in errors[0] and "unknown doc_id" in errors[1]


def test_load_gold_rejects_bad_rows(tmp_path):
    header = ",".join(ev.GOLD_COLUMNS)
    good = "d,q,four,4,,,exact,killed,,A,armenia,civilian,B,azerbaijan,2020-10-01,text,period,no,"
    bad = "d,q,four,four,,,exact,killed,,A,armenia,civilian,B,azerbaijan,,document,period,maybe,"
    path = tmp_path / "gold.csv"
    path.write_text(f"{header}\n{good}\n", encoding="utf-8")
    gold = ev.load_gold(path)
    assert gold.loc[0, "value"] == 4 and not gold.loc[0, "optional"]
    assert pd.isna(gold.loc[0, "value_low"])
    path.write_text(f"{header}\n{good}\n{bad}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"row 3: value 'four'.*row 3: optional 'maybe'"):
        ev.load_gold(path)


def test_missing_gold_file_exits_2(tmp_path, capsys):
    assert ev.main(["--gold", str(tmp_path / "none.csv")]) == 2
    assert "gold file not found" in capsys.readouterr().err


def test_baseline_without_quantulum_exits_2(monkeypatch, capsys):
    def unavailable():
        raise ImportError("No module named 'quantulum3'")

    monkeypatch.setattr(ev, "import_quantulum", unavailable)
    assert ev.main(["--baseline"]) == 2
    assert 'pip install ".[eval]"' in capsys.readouterr().err


# --------------------------------------------------------------------------- real seeds

needs_gold = pytest.mark.skipif(not GOLD.is_file(), reason="tests/gold/claims.csv not written yet")


@needs_gold
def test_every_gold_quote_is_in_its_document():
    texts = {d: lossdata.read_document(d) for d in lossdata.load_documents()["doc_id"]}
    _, errors = ev.locate_gold(ev.load_gold(GOLD), texts)
    assert errors == []


@needs_gold
def test_f1_does_not_fall_below_the_floor(tmp_path, capsys):
    out = tmp_path / "metrics.json"
    assert ev.main(["--json", str(out)]) == 0
    metrics = json.loads(out.read_text(encoding="utf-8"))
    assert metrics["lossdata"]["f1"] >= F1_FLOOR
    assert "overall" in capsys.readouterr().out


# The bars the devset must hold (issue "Read war reporting it has never seen"); measured
# 0.940 / 0.924 / 0.934 / 0.929 when they were first met.
DEVSET_FLOORS = {"f1": 0.92, "claimant_side": 0.90, "subject_side": 0.88, "claim_date": 0.85}


def test_devset_scores_hold_their_floors(tmp_path, monkeypatch):
    """Runs only where the development set lies beside the repository (as in CI)."""
    monkeypatch.delenv("LOSSDATA_DEVSET", raising=False)
    if not ev.default_devset_dir().is_dir():
        pytest.skip("no development set beside the repository")
    out = tmp_path / "metrics.json"
    assert ev.main(["--set", "devset", "--json", str(out)]) == 0
    metrics = json.loads(out.read_text(encoding="utf-8"))
    assert metrics["lossdata"]["f1"] >= DEVSET_FLOORS["f1"]
    for attr in ("claimant_side", "subject_side", "claim_date"):
        assert metrics["attributes"][attr]["accuracy"] >= DEVSET_FLOORS[attr], attr


# --------------------------------------------------------------------------- ranges


def _ranged(pred: pd.DataFrame, bounds: list[tuple[int | None, int | None]]) -> pd.DataFrame:
    """``pred`` or gold with value_low/value_high (None = no bound)."""
    out = pred.copy()
    out["value_low"] = pd.array([lo for lo, _ in bounds], dtype="Int64")
    out["value_high"] = pd.array([hi for _, hi in bounds], dtype="Int64")
    return out


# (id, prediction value and bounds, gold value and bounds, matched)
RANGE_CASES = [
    ("same midpoint and bounds", (850, 700, 1000), (850, 700, 1000), True),
    ("bounds agree, midpoints differ", (850, 700, 1000), (851, 700, 1000), True),
    ("value agrees, bounds differ", (850, 700, 1000), (850, 800, 900), True),
    ("value agrees, no bounds in gold", (850, 700, 1000), (850, None, None), True),
    ("one bound agrees only", (850, 700, 1000), (800, 600, 1000), False),
    ("open lower bounds do not make a range", (188, 188, None), (200, 188, None), False),
    ("neither value nor bounds", (10, 5, 15), (20, 10, 30), False),
]


@pytest.mark.parametrize(
    ("p", "g", "matched"),
    [case[1:] for case in RANGE_CASES],
    ids=[case[0] for case in RANGE_CASES],
)
def test_range_matches_on_value_or_both_bounds(p, g, matched):
    pred = _ranged(_pred(("d", "killed", p[0], 10)), [p[1:]])
    gold = _ranged(_gold(("d", "killed", g[0], 10, False)), [g[1:]])
    m = ev.match(pred, gold)
    assert m.pairs == ([("p0", "g0")] if matched else [])
    assert ev.match(pred.assign(category="wounded"), gold).pairs == []


def test_range_matching_prefers_the_nearer_candidate():
    pred = _ranged(_pred(("d", "killed", 15, 100)), [(10, 20)])
    gold = _ranged(
        _gold(("d", "killed", 15, 10, False), ("d", "killed", 16, 95, False)),
        [(None, None), (10, 20)],
    )
    assert ev.match(pred, gold).pairs == [("p0", "g1")]


# --------------------------------------------------------------------------- quotes

# (id, raw document, gold quote as written in the raw file, value_text, number in the text)
QUOTE_CASES = [
    ("verbatim", "Intro. Rebels lost 40 trucks. End.", "Rebels lost 40 trucks.", "40", "40 trucks"),
    (
        "curly quotes folded",
        "He said \u201cnine men died\u201d today.",
        "He said \u201cnine men died\u201d today.",
        "nine",
        "nine men",
    ),
    (
        "en dash range",
        "Between 30\u201340 homes burned.",
        "Between 30\u201340 homes burned.",
        "30\u201340",
        "30\u201340 homes",
    ),
    (
        "non-breaking space",
        "Some 1\u00a0200 people fled.",
        "Some 1\u00a0200 people fled.",
        "1\u00a0200",
        "1 200 people",
    ),
    (
        "line break inside the quote",
        "The mayor said that\r\nsix houses collapsed.",
        "The mayor said that six houses collapsed.",
        "six",
        "six houses",
    ),
    (
        "doubled space in the quote",
        "Officials counted 70 dead.",
        "Officials  counted 70 dead.",
        "70",
        "70 dead",
    ),
]


@pytest.mark.parametrize(
    ("raw", "quote", "value_text", "number"),
    [case[1:] for case in QUOTE_CASES],
    ids=[case[0] for case in QUOTE_CASES],
)
def test_locate_gold_in_the_normalised_text(raw, quote, value_text, number):
    text = normalize(raw).text
    gold = pd.DataFrame({"doc_id": ["d"], "quote": [quote], "value_text": [value_text]})
    located, errors = ev.locate_gold(gold, {"d": text})
    assert errors == []
    assert located.loc[0, "position"] == text.index(number)


def test_a_sentence_printed_twice_gives_each_row_its_own_occurrence():
    text = "Three boats sank.\n\nThe navy said: Three boats sank."
    gold = pd.DataFrame(
        {"doc_id": ["d", "d"], "quote": ["Three boats sank."] * 2, "value_text": ["Three"] * 2}
    )
    located, _ = ev.locate_gold(gold, {"d": text})
    assert located["position"].tolist() == [0, text.rindex("Three")]


# --------------------------------------------------------------------------- devset folders

GOLD_HEADER = ",".join(ev.GOLD_COLUMNS[:-1])  # a devset-like gold: note last, no conflict


def _gold_line(doc, quote, value_text, value, category, optional="no", low="", high=""):
    return (
        f'{doc},"{quote}",{value_text},{value},{low},{high},exact,{category},,Northland,unknown,'
        f"military,Wire,unattributed,2031-05-02,document,incident,{optional}"
    )


def _write_devset(root: Path) -> Path:
    """A two-document devset written for these tests: one text with claims, one without."""
    (root / "docs").mkdir(parents=True)
    (root / "gold").mkdir()
    (root / "docs" / "tA_01.txt").write_text(
        "Northland said 14 soldiers were killed and 3 tanks destroyed.\n", "utf-8"
    )
    (root / "docs" / "tB_01.txt").write_text("A quiet day at the border.\n", "utf-8")
    head = "doc_id,title,outlet,url,published,words"
    (root / "catalog_A.csv").write_text(f"{head}\ntA_01,T,Wire,,2031-05-02,10\n", "utf-8")
    (root / "catalog_B.csv").write_text(
        f"{head},conflict\ntB_01,Q,Paper,,,5,northland-southland\n", "utf-8"
    )
    quote = "Northland said 14 soldiers were killed and 3 tanks destroyed."
    (root / "gold" / "tA_01.csv").write_text(
        f"{GOLD_HEADER},note\n"
        + _gold_line("tA_01", quote, "14", 14, "killed")
        + ",\n"
        + _gold_line("tA_01", quote, "3", 3, "tanks")
        + ",a note\n",
        "utf-8",
    )
    (root / "gold" / "tB_01.csv").write_text(f"{GOLD_HEADER},note\n", "utf-8")
    return root


def test_load_devset_reads_docs_catalogs_and_gold(tmp_path):
    ds = ev.load_devset(_write_devset(tmp_path / "dev"))
    assert list(ds.texts) == ["tA_01", "tB_01"]
    assert ds.catalog["conflict"].tolist() == ["", "northland-southland"]
    assert ds.catalog["published"].tolist() == ["2031-05-02", ""]
    assert ds.gold["value"].tolist() == [14, 3] and ds.gold["note"].tolist() == ["", "a note"]
    assert ds.select(["tB_01"]).gold.empty
    with pytest.raises(KeyError, match="tC_01"):
        ds.select(["tC_01"])


def test_devset_dir_from_the_environment(tmp_path, monkeypatch):
    root = _write_devset(tmp_path / "elsewhere")
    monkeypatch.setenv("LOSSDATA_DEVSET", str(root))
    assert ev.load_devset().name == "devset"
    assert list(ev.load_devset().texts) == ["tA_01", "tB_01"]


def test_evaluate_with_a_stub_extractor(tmp_path):
    ds = ev.load_devset(_write_devset(tmp_path / "dev"))
    calls = []

    def extract(text, *, doc_id, published, outlet):
        calls.append((doc_id, published, outlet))
        rows = [(14, "killed", "third_party", "rule_a"), (3, "tanks", "unattributed", "rule_b")]
        if doc_id != "tA_01":
            rows = [(9, "killed", "unattributed", "rule_b")]
        return pd.DataFrame(
            {
                "doc_id": doc_id,
                "value": [r[0] for r in rows],
                "category": [r[1] for r in rows],
                "char_start": [text.find(str(r[0])) for r in rows],
                "claimant_side": [r[2] for r in rows],
                "claimant_basis": [r[3] for r in rows],
                "conflict": "northland-southland",
                "quote": text.strip(),
            }
        )

    report = ev.evaluate(
        ds.texts, ds.catalog, ds.gold, extract=extract, profiles={"northland-southland"}
    )
    assert calls == [("tA_01", dt.date(2031, 5, 2), "Wire"), ("tB_01", None, "Paper")]
    assert report.per_doc == {"tA_01": ev.Scores(tp=2), "tB_01": ev.Scores(fp=1)}
    assert report.subtotals() == {}  # one document per prefix: no useful split
    assert report.attributes()["claimant_side"] == (1, 2)
    assert report.attributes()["population"] == (0, 0)  # not predicted: not compared
    assert report.claimant_by_basis() == {"rule_a": (0, 1), "rule_b": (1, 1)}
    assert report.conflicts == {"tB_01": ("northland-southland", "northland-southland")}
    assert [wrong for _, _, wrong in report.attribute_errors()] == [["claimant_side"]]
    metrics = report.as_dict()
    assert metrics["lossdata"]["tp"] == 2 and metrics["conflict_documents"]["correct"] == 1


def test_groups_by_prefix():
    assert ev.groups(["dA_1", "dA_2", "dB_1"]) == {"dA_*": ["dA_1", "dA_2"], "dB_*": ["dB_1"]}
    assert ev.groups(["a_1", "b_1"]) == {}
    assert ev.groups(["dA_1", "dA_2"]) == {}


def test_main_on_a_folder_of_ones_own(tmp_path, capsys):
    root = _write_devset(tmp_path / "mine")
    out = tmp_path / "m.json"
    argv = ["--docs", str(root / "docs"), "--catalog", str(root / "catalog_A.csv")]
    argv += ["--catalog", str(root / "catalog_B.csv"), "--gold", str(root / "gold")]
    assert ev.main([*argv, "--errors", "--attribute-errors", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "overall" in printed and "false negatives" in printed and "side errors" in printed
    assert json.loads(out.read_text("utf-8"))["documents"] == ["tA_01", "tB_01"]
    assert ev.main(["--set", "devset", "--devset-dir", str(tmp_path / "none")]) == 2
    assert ev.main(["--docs", str(root / "docs")]) == 2


def test_a_conflict_without_a_profile_is_expected_as_unknown(tmp_path):
    ds = ev.load_devset(_write_devset(tmp_path / "dev"))
    pred = pd.DataFrame(
        {"doc_id": ["tB_01"], "category": ["killed"], "value": [9], "char_start": [0]}
    )
    assert ev.evaluate(ds.texts, ds.catalog, ds.gold, pred=pred).conflicts == {}
    pred["conflict"] = "unknown"
    report = ev.evaluate(ds.texts, ds.catalog, ds.gold, pred=pred)
    assert report.conflicts == {"tB_01": ("unknown", "unknown")}
    assert "russia-ukraine" in ev.known_conflicts()
