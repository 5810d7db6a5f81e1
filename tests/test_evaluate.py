"""scripts/evaluate.py: matching and scoring on hand-made frames, then the real seeds."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pandas as pd
import pytest

import lossdata

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "claims.csv"

# Raised to the figure reached when the evaluation issue is resolved.
F1_FLOOR = 0.98  # overall F1 on the seeds when the evaluation issue was resolved (0.986)


def _load_script():
    spec = importlib.util.spec_from_file_location("evaluate", ROOT / "scripts" / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["evaluate"] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


ev = _load_script()


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
    ("exact match",
     _pred(("d", "killed", 4, 10)), _gold(("d", "killed", 4, 10, False)),
     [("p0", "g0")], [], [], []),
    ("match despite an offset",
     _pred(("d", "killed", 4, 500)), _gold(("d", "killed", 4, 10, False)),
     [("p0", "g0")], [], [], []),
    ("wrong category",
     _pred(("d", "wounded", 4, 10)), _gold(("d", "killed", 4, 10, False)),
     [], [], ["p0"], ["g0"]),
    ("wrong value",
     _pred(("d", "killed", 5, 10)), _gold(("d", "killed", 4, 10, False)),
     [], [], ["p0"], ["g0"]),
    ("other document",
     _pred(("e", "killed", 4, 10)), _gold(("d", "killed", 4, 10, False)),
     [], [], ["p0"], ["g0"]),
    ("two predictions, one gold: the nearer wins",
     _pred(("d", "killed", 4, 40), ("d", "killed", 4, 12)), _gold(("d", "killed", 4, 10, False)),
     [("p1", "g0")], [], ["p0"], []),
    ("one prediction, two gold: the nearer is matched",
     _pred(("d", "tanks", 2, 100)),
     _gold(("d", "tanks", 2, 10, False), ("d", "tanks", 2, 90, False)),
     [("p0", "g1")], [], [], ["g0"]),
    ("greedy by distance: closest pair first, then the rest",
     _pred(("d", "tanks", 2, 50), ("d", "tanks", 2, 95)),
     _gold(("d", "tanks", 2, 10, False), ("d", "tanks", 2, 90, False)),
     [("p1", "g1"), ("p0", "g0")], [], [], []),
    ("optional gold absorbs a prediction",
     _pred(("d", "killed", 100, 10)), _gold(("d", "killed", 100, 10, True)),
     [], [("p0", "g0")], [], []),
    ("unmatched optional gold is no false negative",
     _pred(), _gold(("d", "killed", 100, 10, True)),
     [], [], [], []),
    ("optional nearer than required: it absorbs, the required is missed",
     _pred(("d", "killed", 3, 12)),
     _gold(("d", "killed", 3, 10, True), ("d", "killed", 3, 80, False)),
     [], [("p0", "g0")], [], ["g1"]),
    ("equal distance: required gold wins over optional",
     _pred(("d", "killed", 3, 50)),
     _gold(("d", "killed", 3, 40, True), ("d", "killed", 3, 60, False)),
     [("p0", "g1")], [], [], []),
    ("gold without a position still matches, after located rows",
     _pred(("d", "killed", 7, 10), ("d", "killed", 7, 20)),
     _gold(("d", "killed", 7, None, False), ("d", "killed", 7, 21, False)),
     [("p1", "g1"), ("p0", "g0")], [], [], []),
    ("nothing predicted",
     _pred(), _gold(("d", "killed", 4, 10, False)),
     [], [], [], ["g0"]),
    ("nothing in gold",
     _pred(("d", "killed", 4, 10)), _gold(),
     [], [], ["p0"], []),
]


@pytest.mark.parametrize(
    ("pred", "gold", "pairs", "absorbed", "fps", "fns"),
    [case[1:] for case in MATCH_CASES],
    ids=[case[0] for case in MATCH_CASES],
)
def test_match(pred, gold, pairs, absorbed, fps, fns):
    m = ev.match(pred, gold)
    assert (m.pairs, m.absorbed, m.false_positives, m.false_negatives) == (
        pairs, absorbed, fps, fns)


# (id, predictions, gold, max_distance, pairs, false positives, false negatives)
DISTANCE_CASES = [
    ("within the limit", _pred(("d", "killed", 4, 15)), _gold(("d", "killed", 4, 10, False)),
     5, [("p0", "g0")], [], []),
    ("beyond the limit", _pred(("d", "killed", 4, 16)), _gold(("d", "killed", 4, 10, False)),
     5, [], ["p0"], ["g0"]),
    ("gold without a position never within a limit",
     _pred(("d", "killed", 4, 10)), _gold(("d", "killed", 4, None, False)),
     1000, [], ["p0"], ["g0"]),
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
    gold = _gold(("a", "killed", 4, 10, False), ("b", "tanks", 2, 7, False),
                 ("b", "tanks", 3, 9, False), ("b", "tanks", 50, 9, True))
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
    gold = _gold(("d", "killed", 4, 10, False), ("d", "killed", 5, 20, False),
                 ("d", "killed", 6, 30, True))
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
        text.index("one Osa"), text.index("one BMP"), text.index("25 of"), text.index("They")]
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
