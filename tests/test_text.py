"""Normalisation: mojibake repair, folding, offsets, sentences. One case per row."""

import pytest

from lossdata.text import normalize, repair_big5_gbk, sentences

NORMALIZE_CASES = [
    # (raw, normalised)
    ("700\u6bcf1,000 militants", "700\u20131,000 militants"),  # GBK read as Big5: en dash
    ("F\u90a6zuli", "F\u00fczuli"),
    ("\u203bquoted\u00a7 \u90a6", '"quoted" \u00fc'),  # Big5 marks that stand for quotes
    ("\u201csmart\u201d \u2018quotes\u2019", "\"smart\" 'quotes'"),
    ("6\u00a0674", "6 674"),
    ("a\u2014b \u2212 c", "a\u2014b \u2013 c"),
    ("caf\u00c3\u00a9", "caf\u00e9"),  # UTF-8 read as Latin-1, left to ftfy
    ("\u4e2d\u6587\u6587\u672c", "\u4e2d\u6587\u6587\u672c"),  # real Chinese is left alone
    ("line\r\nnext", "line \nnext"),
    ("", ""),
]


@pytest.mark.parametrize(("raw", "expected"), NORMALIZE_CASES)
def test_normalize(raw, expected):
    assert normalize(raw).text == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("忘把技攸扶扼抗我抒", "армянских"),
    ("\u4e2d\u6587", None),
])
def test_repair_big5_gbk(raw, expected):
    assert repair_big5_gbk(raw) == expected


def test_offsets_point_back_into_raw():
    raw = "Date 27 Sept \u6bcf F\u90a6zuli and \u201cquote\u201d end"
    doc = normalize(raw)
    i = doc.text.index("zuli")
    assert raw[doc.raw_offset(i):doc.raw_offset(i) + 4] == "zuli"
    assert len(doc.offsets) == len(doc.text) + 1


def test_normalize_rejects_non_text():
    with pytest.raises(TypeError):
        normalize(b"bytes")  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "expected"), [
    ("One. Two three.", ["One.", "Two three."]),
    ("Gen. Smith said 5 were killed. Next one.", ["Gen. Smith said 5 were killed.", "Next one."]),
    ("It hit U.S. bases.[12] Then more.", ["It hit U.S. bases.[12]", "Then more."]),
    ("Title line\nBody sentence.", ["Title line", "Body sentence."]),
])
def test_sentences(text, expected):
    assert [text[s:e] for s, e in sentences(text)] == expected
