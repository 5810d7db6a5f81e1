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


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("忘把技攸扶扼抗我抒", "армянских"),
        ("\u4e2d\u6587", None),
    ],
)
def test_repair_big5_gbk(raw, expected):
    assert repair_big5_gbk(raw) == expected


def test_offsets_point_back_into_raw():
    raw = "Date 27 Sept \u6bcf F\u90a6zuli and \u201cquote\u201d end"
    doc = normalize(raw)
    i = doc.text.index("zuli")
    assert raw[doc.raw_offset(i) : doc.raw_offset(i) + 4] == "zuli"
    assert len(doc.offsets) == len(doc.text) + 1


def test_normalize_rejects_non_text():
    with pytest.raises(TypeError):
        normalize(b"bytes")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two three.", ["One.", "Two three."]),
        (
            "Gen. Smith said 5 were killed. Next one.",
            ["Gen. Smith said 5 were killed.", "Next one."],
        ),
        ("It hit U.S. bases.[12] Then more.", ["It hit U.S. bases.[12]", "Then more."]),
        ("Title line\nBody sentence.", ["Title line", "Body sentence."]),
    ],
)
def test_sentences(text, expected):
    assert [text[s:e] for s, e in sentences(text)] == expected


# Hostile input (issue 8): invisible characters, signs, long one-line pages.
HOSTILE_CASES = [
    # (raw, normalised)
    ("1\u200b20 killed", "120 killed"),  # zero-width space inside a number
    ("1\u206020", "120"),  # word joiner
    ("1\u00ad200", "1200"),  # soft hyphen
    ("\ufeffThe text", "The text"),  # byte-order mark
    ("1\u200c20 and 3\u200d4", "120 and 34"),  # (non-)joiners next to digits
    ("\u0645\u06cc\u200c\u0634\u0648\u062f", "\u0645\u06cc\u200c\u0634\u0648\u062f"),  # Persian
    ("\u221250 soldiers", "-50 soldiers"),  # minus sign before a number keeps the sign
    ("10\u221220", "10\u201320"),  # between two numbers it is a dash
    ("a \u2212 b", "a \u2013 b"),
    ("it\u00e2\u20ac\u2122s " * 3, "it's " * 3),  # cp1252 mojibake of a right quote
    ("&amp; M\u00fcnchen", "& M\u00fcnchen"),
    ("x" * 3000 + "caf\u00c3\u00a9" + "y" * 3000, "x" * 3000 + "caf\u00e9" + "y" * 3000),
    (("w" * 1023 + "\u00c3\u00a9") * 3, ("w" * 1023 + "\u00e9") * 3),  # cut inside no word
]


@pytest.mark.parametrize(("raw", "expected"), HOSTILE_CASES, ids=range(len(HOSTILE_CASES)))
def test_normalize_hostile(raw, expected):
    doc = normalize(raw)
    assert doc.text == expected
    _check_offsets(raw, doc)


def _check_offsets(raw, doc):
    """The map has one entry per character plus one, rises, and ASCII maps onto itself."""
    offsets = doc.offsets
    assert len(offsets) == len(doc.text) + 1 and offsets[-1] == len(raw)
    assert all(a <= b for a, b in zip(offsets, offsets[1:], strict=False))
    assert all(0 <= o <= len(raw) for o in offsets)
    for i, ch in enumerate(doc.text):
        if ch.isascii() and ch.isalnum():
            assert raw[offsets[i]] == ch, (i, ch)


def test_normalize_long_one_line_mojibake_completes():
    """A 200 KB page on one line with mojibake and escapes: linear work, offsets kept."""
    unit = "The minister\u00e2\u20ac\u2122s &amp; M\u00fcnchen statement: 5 killed. "
    raw = unit * (200_000 // len(unit) + 1)
    doc = normalize(raw)
    assert doc.text.count("minister's & M\u00fcnchen") == raw.count("minister")
    _check_offsets(raw, doc)
    i = doc.text.rindex("killed")
    assert raw[doc.raw_offset(i) : doc.raw_offset(i) + 6] == "killed"
