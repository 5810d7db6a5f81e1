"""Text normalisation with an offset map, mojibake repair and sentence splitting.

Every later stage works on the *normalised* text; ``Document.raw_offset`` maps a
position in it back to the raw file, so a claim can always be traced to the bytes
it came from.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import ftfy

__all__ = ["Document", "normalize", "repair_big5_gbk", "sentences", "paragraphs"]

# One-to-one character replacements: typographic variants folded to one form each,
# so that the grammar needs to know a single dash, a single quote and one space.
_CHAR_MAP = {
    **dict.fromkeys("\u2010\u2011", "-"),  # hyphen, non-breaking hyphen
    **dict.fromkeys("\u2012\u2013\u2212\ufe63\uff0d", "\u2013"),  # figure dash, en dash, minus
    **dict.fromkeys("\u2014\u2015", "\u2014"),  # em dash, horizontal bar
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033", '"'),
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'"),
    **dict.fromkeys("\u00a0\u2007\u2009\u200a\u202f\u2002\u2003\u2004\u2005\u2006", " "),
}
# One pass that visits only the characters to fold (``str.translate`` with a dict looks
# up every character of the text in Python's slow path).
_FOLDED = re.compile("[" + "".join(map(re.escape, _CHAR_MAP)) + "]")
_CR = re.compile(r"\r\n?")

# Characters a GBK-encoded text shows when it is decoded as Big5: CJK ideographs,
# CJK symbols and a few Big5 punctuation marks that stand for Latin-1 quotes.
_CJK_RUN = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u00a7\u203b]+")
_LETTER = re.compile(r"[^\W\d_]")
_CJK_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
# What a repaired run may contain: Latin letters with diacritics, Cyrillic, Greek,
# general punctuation. Anything still CJK means the run was not mojibake.
_PLAUSIBLE = re.compile(r"[\u0020-\u024f\u0370-\u03ff\u0400-\u04ff\u2010-\u206f]+")


@dataclass(frozen=True)
class Document:
    """A normalised text and the map from its characters back to the raw text."""

    text: str
    raw: str
    offsets: Sequence[int]  # offsets[i] = raw index of normalised char i; one extra at end

    def raw_offset(self, i: int) -> int:
        """Position in the raw text of normalised position ``i``."""
        return self.offsets[max(0, min(i, len(self.offsets) - 1))]


class _Builder:
    """Accumulates normalised text together with each character's raw offset."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offsets: list[int] = []

    def add(self, text: str, raw_start: int, raw_end: int) -> None:
        self.parts.append(text)
        if len(text) == raw_end - raw_start:
            self.offsets.extend(range(raw_start, raw_end))
        else:
            # A replacement of another length: spread its characters over the raw span.
            span = max(raw_end - raw_start, 1)
            n = max(len(text), 1)
            self.offsets.extend(raw_start + (k * span) // n for k in range(len(text)))


def _compose(base: Document, replace: list[tuple[int, int, str]]) -> Document:
    """Apply non-overlapping replacements (in ``base.text`` coordinates) to ``base``."""
    if not replace:
        return base
    b = _Builder()
    pos = 0
    for start, end, new in sorted(replace):
        b.add(base.text[pos:start], pos, start)
        b.add(new, start, end)
        pos = end
    b.add(base.text[pos:], pos, len(base.text))
    text = "".join(b.parts)
    # Every index in b.offsets lies in base.text: look them all up at C speed.
    offsets = tuple(map(base.offsets.__getitem__, b.offsets)) + (len(base.raw),)
    return Document(text=text, raw=base.raw, offsets=offsets)


def repair_big5_gbk(run: str) -> str | None:
    """Undo GBK-read-as-Big5 mojibake in one run of CJK characters, or return None.

    The repair is kept only where it yields plausible non-CJK text (Latin letters
    with diacritics, Cyrillic, punctuation); a genuine Chinese run fails that test.
    """
    try:
        fixed = run.encode("big5").decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    if fixed == run or not _PLAUSIBLE.fullmatch(fixed):
        return None
    return fixed


def _big5_gbk_replacements(text: str) -> list[tuple[int, int, str]]:
    cjk = len(_CJK_CHAR.findall(text))
    if cjk == 0:
        return []
    letters = len(_LETTER.findall(text)) or 1
    # A text that is mostly CJK is real Chinese or Japanese: leave it alone.
    if cjk / letters > 0.3:
        return []
    out = []
    for m in _CJK_RUN.finditer(text):
        fixed = repair_big5_gbk(m.group())
        if fixed is not None:
            out.append((m.start(), m.end(), fixed))
    # Lone punctuation marks (section sign, reference mark) are only repaired when
    # the text shows real ideograph mojibake too.
    if not any(_CJK_CHAR.search(text[s:e]) for s, e, _ in out):
        return []
    return out


# ftfy works on bounded segments of a line, so that a scraped page that is one long
# line costs linear time: a segment ends after white space near ``_SEGMENT`` characters,
# or after an ASCII character (mojibake is never ASCII) where a "word" is longer.
_SEGMENT = 1024
_TOKEN = re.compile(r"\S+\s*|\s+")
_FINE_DIFF = 256  # character-level diff only for changed runs up to this length
_FTFY_OPTIONS = dict(
    normalization=None,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_character_width=False,
    remove_control_chars=False,
)


def _segments(line: str) -> Iterator[tuple[int, int]]:
    """Spans of ``line`` of about ``_SEGMENT`` characters, cut after white space."""
    pos, n = 0, len(line)
    while n - pos > _SEGMENT:
        window = line[pos + _SEGMENT // 2 : pos + _SEGMENT]
        cut = max(window.rfind(" "), window.rfind("\t"))
        if cut < 0:  # a very long "word": cut after its last ASCII character in the window
            cut = max(
                (i for i in range(len(window) - 1, -1, -1) if window[i].isascii()),
                default=len(window) - 1,
            )
        end = pos + _SEGMENT // 2 + cut + 1
        yield pos, end
        pos = end
    if pos < n:
        yield pos, n


def _diff(old: str, new: str, base: int) -> Iterator[tuple[int, int, str]]:
    """Replacements turning ``old`` into ``new``: a diff of words, refined to characters."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    starts = [0]
    for tok in a:
        starts.append(starts[-1] + len(tok))
    if len(a) == len(b):
        # The repair kept every word boundary (the usual case: mojibake and entities sit
        # inside words): pair the words in order. A word diff of text that repeats itself
        # costs quadratic time in difflib.
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                yield from _refine(x, y, base + starts[i])
        return
    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag != "equal":
            yield from _refine(old[starts[i1] : starts[i2]], "".join(b[j1:j2]), base + starts[i1])


def _refine(old: str, new: str, base: int) -> Iterator[tuple[int, int, str]]:
    """Replacements for one changed run: common ends trimmed, short middles diffed by char."""
    k = 0
    while k < min(len(old), len(new)) and old[k] == new[k]:
        k += 1
    m = 0
    while m < min(len(old), len(new)) - k and old[-1 - m] == new[-1 - m]:
        m += 1
    old, new, base = old[k : len(old) - m], new[k : len(new) - m], base + k
    if len(old) > _FINE_DIFF or len(new) > _FINE_DIFF:
        yield base, base + len(old), new
        return
    sm = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag != "equal":
            yield base + i1, base + i2, new[j1:j2]


def _ftfy_replacements(text: str) -> list[tuple[int, int, str]]:
    """Ordinary mojibake (UTF-8 read as Latin-1 or cp1252), repaired segment by segment."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        if not line.isascii():
            for start, end in _segments(line):
                segment = line[start:end]
                if segment.isascii():
                    continue
                fixed = ftfy.fix_text(segment, **_FTFY_OPTIONS)
                if fixed != segment:
                    out.extend(_diff(segment, fixed, pos + start))
        pos += len(line)
    return out


# Invisible characters that would split a number ("1\u200b20"): zero-width space, word
# joiner, byte-order mark and soft hyphen go everywhere; the zero-width (non-)joiners
# carry meaning in Persian, Indic scripts and emoji, so they go only next to a digit.
_INVISIBLE = re.compile(
    r"[\u200b\u2060\ufeff\u00ad]+"
    r"|[\u200c\u200d]+(?=[\u200b-\u200d\u2060\ufeff\u00ad]*\d)|(?<=\d)[\u200c\u200d]+"
)
# A minus sign before a digit (and not between two numbers) is a sign, kept as "-".
_MINUS = re.compile(r"(?<!\d)\u2212(?=\d)")


_ANY_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")


def _invisible_replacements(text: str) -> list[tuple[int, int, str]]:
    if _ANY_INVISIBLE.search(text) is None:  # the usual case, found at C speed
        return []
    return [(m.start(), m.end(), "") for m in _INVISIBLE.finditer(text)]


def normalize(raw: str) -> Document:
    """Repair mojibake and fold typographic variants, keeping an offset map.

    >>> normalize("700\u6bcf1,000 F\u90a6zuli").text
    '700\u20131,000 F\u00fczuli'
    """
    if not isinstance(raw, str):
        raise TypeError(f"expected str, got {type(raw).__name__}")
    doc = Document(text=raw, raw=raw, offsets=range(len(raw) + 1))  # no copy until a repair
    doc = _compose(doc, _big5_gbk_replacements(doc.text))
    doc = _compose(doc, _ftfy_replacements(doc.text))
    doc = _compose(doc, _invisible_replacements(doc.text))
    # These steps keep the length, so the offset map stays valid: CRLF becomes " \n",
    # a lone CR a line break, a minus sign before a digit "-".
    folded = doc.text
    if "\r" in folded:
        folded = _CR.sub(lambda m: " \n" if len(m.group()) == 2 else "\n", folded)
    if "\u2212" in folded:
        folded = _MINUS.sub("-", folded)
    folded = _FOLDED.sub(lambda m: _CHAR_MAP[m.group()], folded)
    return Document(text=folded, raw=doc.raw, offsets=doc.offsets)


_PARA = re.compile(r"\n\s*\n|\n(?=[ \t]*(?:\u2022|[-\u2013\u2014*] ))")
# A sentence ends at . ! ? (optionally followed by a closing quote or bracket reference)
# before white space and a capital, digit or opening quote; or at a line break.
_SENT_END = re.compile(r"""(?<=[.!?])(["')\]]*(?:\[\w{1,4}\])*)\s+(?=["'(\[]?[A-Z0-9\u2022])|\n+""")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|St|Jr|Sr|No|vs|U\.S|U\.N|e\.g|i\.e|approx|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Pres|Gov|Sen|Rep)|\b[A-Z])\.$"
)


def paragraphs(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Spans of paragraphs in ``text[start:end]``: blocks separated by blank lines or bullets."""
    end = len(text) if end is None else end
    pos = start
    for m in _PARA.finditer(text, start, end):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if pos < end:
        yield pos, end


def sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Spans of sentences within ``text[start:end]``, trimmed of white space."""
    end = len(text) if end is None else end
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        stop = m.end(1) if m.group(1) is not None else m.start()
        if m.group(1) is not None and _ABBREV.search(text, max(pos, m.start() - 8), m.start()):
            continue
        yield from _trim(text, pos, stop)
        pos = m.end()
    yield from _trim(text, pos, end)


def _trim(text: str, s: int, e: int) -> Iterator[tuple[int, int]]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        yield s, e
