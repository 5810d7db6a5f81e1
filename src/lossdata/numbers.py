"""Numbers in running text: "6,674", "1.5 million", "Ninety-one", "a dozen",
"700–1,000", "between 10 and 20", with their hedges ("at least", "up to").

``find_numbers`` returns only counts: dates, years, clock times, percentages,
money, distances, ordinals, reference marks and model designations ("T-72") are
recognised and left out.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from . import lexicon

__all__ = ["Number", "find_numbers", "number_cues", "parse_number"]


@dataclass(frozen=True)
class Number:
    """A count found in text. ``start``/``end`` span ``text`` (hedge words excluded)."""

    start: int
    end: int
    text: str
    value: int
    low: int | None
    high: int | None
    qualifier: str


@functools.cache
def _grammar() -> dict:
    words = lexicon.load("number_words")
    units_data = lexicon.load("units")
    dates = lexicon.load("dates")
    small = {**words["units"], **words["tens"]}
    scales = words["scales"]
    multiples = words["multiples"]
    word_alt = "|".join(
        sorted(map(re.escape, [*small, *scales, *multiples]), key=len, reverse=True)
    )
    small_alt = "|".join(sorted(map(re.escape, small), key=len, reverse=True))
    lead_a = "|".join(map(re.escape, [*scales, *multiples]))
    articles, joiners = _alternation(words["articles"]), _alternation(words["joiners"])
    # A run of number words: "ninety-one", "two hundred and five", "a dozen", "two dozen".
    word_run = (
        rf"(?:\b(?:{articles})\s+(?={lead_a})|\b(?=(?:{small_alt})\b))"
        rf"(?:{word_alt})(?:(?:\s+(?:{joiners})\s+|\s+|-)(?:{word_alt})\b)*"
    )
    # Thousands separated by commas, or by (no-break) spaces: "6,674", "122 883".
    grouped = r"\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]?\d)"
    body = rf"(?:{grouped}|\d+)(?:\.\d+)?(?![\d,]\d)"
    digits = rf"(?<![\w.,$€£#@/:-]){body}"
    # The second end of a range may follow a hyphen: "260-280".
    digits_b = rf"(?<![\w.,$€£#@/:]){body}"
    scale_alt = "|".join(map(re.escape, scales))
    single = rf"(?:{digits}(?:\s+(?:{scale_alt})\b)?|{word_run}\b)"
    single_b = rf"(?:{digits_b}(?:\s+(?:{scale_alt})\b)?|{word_run}\b)"
    # Without a number word in the text, only figures can be counts: the same patterns
    # without the number words' branches scan several times faster.
    figures = rf"(?:{digits}(?:\s+(?:{scale_alt})\b)?)"
    figures_b = rf"(?:{digits_b}(?:\s+(?:{scale_alt})\b)?)"
    openers = _alternation(words["range_openers"])
    months = "|".join(sorted(map(re.escape, dates["months"]), key=len, reverse=True))
    range_words = _alternation([*words["range_to"], *words["range_and"]])
    return {
        "small": small,
        "scales": scales,
        "multiples": multiples,
        "skip": {w.lower() for w in [*words["articles"], *words["joiners"]]},
        "range_to": frozenset(words["range_to"]),
        "range_and": frozenset(words["range_and"]),
        "single": single,
        "number": re.compile(single, re.IGNORECASE),
        "range": _range(openers, single, single_b, range_words),
        "number_figures": re.compile(figures, re.IGNORECASE),
        "range_figures": _range(openers, figures, figures_b, range_words),
        "vague": lexicon.PhraseMatcher((v, "vague") for v in words["vague"]),
        "revision": _compile(
            r"\b(?:", words["revisions"], rf")\s+(?:{_alternation(words['revision_from'])})\s+$"
        ),
        "before": _compile(r"(?:^|(?<=\W))(?P<q>", words["qualifiers_before"], r")\s+$"),
        "qualifiers_before": {k.lower(): v for k, v in words["qualifiers_before"].items()},
        "after": _compile(r"^\s*(?P<q>", words["qualifiers_after"], r")\b"),
        "qualifiers_after": {k.lower(): v for k, v in words["qualifiers_after"].items()},
        "unit_after": _compile(r"^(?:\s*|-)(?:", units_data["after"], r")(?![a-z])"),
        "unit_before": _compile(r"(?:^|(?<=[\s(]))(?:", units_data["before"], r")\s*$"),
        "month_after": re.compile(rf"^\s*(?:{months})\b", re.IGNORECASE),
        "month_before": re.compile(rf"\b(?:{months})\.?\s*$", re.IGNORECASE),
        "date_before": re.compile(rf"\b(?:{months})\.?\s+\d{{1,2}},\s*$", re.IGNORECASE),
    }


@functools.cache
def number_cues() -> frozenset[str]:
    """Lowercased words without one of which (or a digit) a text holds no count: the
    number words ("five", "dozen", "million")."""
    words = lexicon.load("number_words")
    phrases = [*words["units"], *words["tens"], *words["scales"], *words["multiples"]]
    return frozenset(w for p in phrases for _, w in lexicon.words_of(str(p).lower()))


def _range(openers: str, a: str, b: str, joiners: str) -> re.Pattern[str]:
    """ "260-280", "between 9 and 15", "from 5 to 7": two counts ``a`` and ``b`` joined."""
    return re.compile(
        rf"(?P<between>\b(?:{openers})\s+)?(?P<a>{a})"
        rf"(?:\s*(?P<dash>[–-])\s*|\s+(?P<word>{joiners})\s+)(?P<b>{b})",
        re.IGNORECASE,
    )


def _compile(head: str, phrases: object, tail: str) -> re.Pattern[str]:
    """``head`` + an alternation of the lexicon's phrases, longest first, + ``tail``."""
    return re.compile(head + _alternation(phrases) + tail, re.IGNORECASE)


def _alternation(phrases: object) -> str:
    """An alternation of the lexicon's phrases, longest first."""
    return "|".join(sorted(map(_phrase, phrases), key=len, reverse=True))  # type: ignore[arg-type]


def _phrase(p: str) -> str:
    return r"\s+".join(re.escape(w) for w in str(p).split())


def parse_number(text: str) -> int | None:
    """The integer a number's text stands for, or None.

    >>> parse_number("Ninety-one"), parse_number("1.5 million"), parse_number("two dozen")
    (91, 1500000, 24)
    """
    if text.isascii() and text.isdigit():
        return int(text)  # the common case, without the grammar
    g = _grammar()
    t = re.sub(r"(?<=\d)[ \u00a0\u202f,](?=\d{3}\b)", "", text.strip().lower())
    m = re.fullmatch(r"(\d{1,15}(?:\.\d{1,6})?)(?:\s+([a-z]+))?", t)
    if m:
        value = float(m.group(1))
        if m.group(2):
            if m.group(2) not in g["scales"]:
                return None
            value *= g["scales"][m.group(2)]
        return int(value) if value == int(value) else None
    total = current = 0
    seen = False
    for word in re.split(r"[\s-]+", t):
        if word in g["skip"]:
            continue
        if word in g["small"]:
            current += g["small"][word]
        elif word in g["multiples"]:
            current = (current or 1) * g["multiples"][word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in g["scales"]:
            total += (current or 1) * g["scales"][word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


_WORDED = re.compile(r"[^\d\s,.]")
_WORD = re.compile(r"\w+")


_ISO_AFTER_RANGE = re.compile(r"-\d+-\d")
_CODE_AFTER = re.compile(r"-\d")
# Clock time, reference mark, ISO date, fraction, model ("9K33", "2A36").
_MARK_AFTER = re.compile(r"(?::\d|\]|\.\d|/\d|[A-Za-z]\w*\d|[A-Za-z]{1,2}\d|[A-Z](?![a-z]))")
# "[42]", "T-72", "TB2", "2020-09-27", hashtags, paths.
_MARK_BEFORE = re.compile(r"(?:\[|[A-Za-z]-|[A-Za-z]|\d-|#|@|/)$")


def _excluded(
    text: str,
    start: int,
    end: int,
    value_text: str,
    *,
    range_start: bool = False,
    floor: int = 0,
) -> bool:
    """True when the number at text[start:end] is not a count (a date, a unit, a name).

    ``range_start``: the number opens a hyphenated range ("260-280"), so a hyphen and a
    digit after it are not an ISO date. ``floor``: where the span read starts; what
    stands before it (the end of the sentence before) says nothing of the number."""
    # A plain four-digit number in the modern era is a year (the commonest case: first).
    if value_text.isdigit() and len(value_text) == 4 and 1800 <= int(value_text) <= 2100:
        return True
    g = _grammar()
    before = text[max(floor, start - 24) : start]
    after = text[end : end + 24]
    if range_start and _ISO_AFTER_RANGE.match(after):
        return True  # "2020-09-27"
    # The patterns that look back only matter when a word or symbol stands before the
    # number: a run of bare figures ("1 1 1 ...") skips them (and stays fast).
    worded = _WORDED.search(before) is not None
    if g["unit_after"].match(after) or (worded and g["unit_before"].search(before)):
        return True
    if g["month_after"].match(after) or (worded and g["month_before"].search(before)):
        return True
    if not range_start and _CODE_AFTER.match(after):
        return True  # an ISO date or a code: "2020-09", "10-2"
    if _MARK_AFTER.match(after):
        return True
    if value_text[:1].isdigit() and _MARK_BEFORE.search(before):
        return True
    # "November 10, 20203780": digits glued to a date
    return worded and value_text[:1].isdigit() and g["date_before"].search(before) is not None


# What every web address or domain the pattern below finds holds (checked first: the
# pattern is slow to fail on long words).
_URL_CUES = ("://", "www.", "pic.", ".com", ".org")


def _url_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    span = text[start:end]
    if not any(cue in span for cue in _URL_CUES):
        return []
    return [
        m.span() for m in re.finditer(r"(?:https?://|www\.|pic\.)\S+|\S+\.(?:com|org)\S*", span)
    ]


def _qualifier(text: str, start: int, end: int, floor: int = 0) -> tuple[str | None, int]:
    g = _grammar()
    before_start = max(floor, start - 20)
    # Hedges are words: where only figures stand around a number, skip the patterns.
    m = (
        g["before"].search(text, before_start, start)
        if _WORDED.search(text, before_start, start)
        else None
    )
    if m:
        return g["qualifiers_before"][" ".join(m.group("q").lower().split())], m.start("q")
    after_end = min(len(text), end + 12)
    m = g["after"].match(text, end, after_end) if _WORDED.search(text, end, after_end) else None
    if m:
        return g["qualifiers_after"][" ".join(m.group("q").lower().split())], start
    return None, start


def find_numbers(
    text: str, start: int = 0, end: int | None = None, *, words: Iterable[str] | None = None
) -> list[Number]:
    """Every count in ``text[start:end]``, in order, with its hedge and bounds.

    ``words``: the span's lowercased words, when the caller has them already."""
    g = _grammar()
    end = len(text) if end is None else end
    if words is None:
        words = (w.lower() for w in _WORD.findall(text, start, end))
    worded = not number_cues().isdisjoint(words)
    number, ranges = (
        (g["number"], g["range"]) if worded else (g["number_figures"], g["range_figures"])
    )
    urls = [(s + start, e + start) for s, e in _url_spans(text, start, end)]
    out: list[Number] = []
    # Characters already read as part of a number or a URL: a mark per character keeps
    # the check constant-time, so number-dense text stays linear.
    used = bytearray(end - start + 1)

    def free(s: int, e: int) -> bool:
        return not any(used[s - start : e - start])

    def take(s: int, e: int) -> None:
        used[s - start : e - start] = b"\x01" * (e - s)

    for s, e in urls:
        take(s, min(e, end))

    for m in ranges.finditer(text, start, end):
        a, b = m.group("a"), m.group("b")
        if m.group("word") in g["range_and"] and not m.group("between"):
            continue  # "92 Azerbaijani and 40 Armenian": two numbers, not a range
        if m.group("between") is None and m.group("word") in g["range_to"] and not a[:1].isdigit():
            continue
        if m.group("word") in g["range_to"] and g["revision"].search(
            text, max(0, m.start() - 40), m.start()
        ):
            continue  # "rose from 12 to 17": a revised toll, two figures
        va, vb = parse_number(a), parse_number(b)
        if va is None or vb is None or not va < vb:
            continue
        s, e = m.start("a"), m.end("b")
        if _excluded(text, s, e, b, floor=start):
            take(s, e)  # "between 9 and 15 October": both ends are dates
            continue
        dash = m.group("dash") == "-"
        if _excluded(text, m.start("a"), m.end("a"), a, range_start=dash, floor=start):
            continue
        if not free(s, e):
            continue
        take(s, e)
        out.append(Number(s, e, text[s:e], (va + vb) // 2, va, vb, "range"))

    for m in number.finditer(text, start, end):
        s, e = m.span()
        value_text = m.group()
        if not free(s, e) or (not value_text[:1].isdigit() and g["vague"].match_at(text, s)):
            continue
        value = parse_number(value_text)
        if value is None or _excluded(text, s, e, value_text, floor=start):
            continue
        qualifier, _ = _qualifier(text, s, e, start)
        if qualifier is None and text[e : e + 1] == "+":
            qualifier = "at_least"  # "3,100+ killed"
        low = high = None
        if qualifier in ("at_least", "more_than"):
            low = value
        elif qualifier in ("up_to", "less_than"):
            high = value
        take(s, e)
        out.append(Number(s, e, value_text, value, low, high, qualifier or "exact"))
    return sorted(out, key=lambda n: n.start)
