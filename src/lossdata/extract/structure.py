"""The shape of a document: posts, paragraphs, lines, sentences, list items, headlines,
section headings and table rows, each sentence indexed once for what the grammar needs."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields
from operator import itemgetter

from .. import lexicon
from ..actors import Gazetteer, Mention
from ..dates import DateMention, date_cues, find_dates
from ..numbers import Number, find_numbers, number_cues
from ..settings import Settings
from ..text import paragraphs, sentences
from ._lex import lex
from .scan import ACTOR_ROLES, FRAME_LEXICONS, Scanner

_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?<![\w.,/-])(1[89]\d\d|20\d\d)(?![\w/-])")  # a year of the modern era

__all__ = ["Doc", "Sentence", "between", "document_sentences", "sections", "section_date"]


@dataclass
class Doc:
    """What every part of the grammar reads: the normalised text and the conflict's names."""

    text: str
    gaz: Gazetteer | None  # None until the conflict is known
    ref: dt.date | None
    settings: Settings
    year_of: dt.date | None = None  # an undated document's latest full date: years only
    scanner: Scanner | None = None  # what each sentence is indexed for


def between(items: Sequence, start: int, end: int, *, key=lambda m: m.start) -> list:
    """The items (sorted by ``start``) that start in ``[start, end)``: a bisect, not a scan."""
    keys = items.starts if isinstance(items, Hits) else [key(m) for m in items]
    lo = bisect.bisect_left(keys, start)
    hi = bisect.bisect_left(keys, end, lo)
    return list(items[lo:hi])


class cached_property:  # noqa: N801 - named for what it stands in for
    """``functools.cached_property`` without its lock, which before Python 3.12 every
    first read takes: a sentence's dozen indexes are read once each, in one thread."""

    def __init__(self, func):
        self.func = func
        self.__doc__ = func.__doc__
        self.name = func.__name__

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


class Hits(list):
    """A list of matches sorted by start; their starts, for bisection, on first use."""

    def __init__(self, items, *, ordered: bool = False):
        super().__init__(items if ordered else sorted(items, key=lambda m: m.start))

    @cached_property
    def starts(self) -> list[int]:
        return [m.start for m in self]


@dataclass(eq=False)
class Sentence:
    """One sentence (or list item, or table row) and, computed once, what it contains."""

    doc: Doc
    start: int
    end: int
    para: int  # index of the paragraph
    list_item: bool
    line: int  # index of the line in the document
    heading: str | None = None  # the section heading the sentence stands under
    cells: tuple[tuple[int, int], ...] = ()  # a table row's cells
    counted: list[tuple[int, int]] = field(default_factory=list)  # the counts' noun phrases

    @property
    def text(self) -> str:
        return self.doc.text[self.start : self.end]

    def release(self) -> None:
        """Drop what was computed and cached for the sentence, once it has been read: a
        long document keeps no index of every sentence alive, which would make Python's
        garbage collector walk ever more objects (it cost 40% on 100 KB of bullet lines).
        A property asked for again is computed again."""
        cache = self.__dict__
        for name in cache.keys() - _FIELDS:
            del cache[name]

    @cached_property
    def numbers(self) -> list[Number]:
        # Most sentences hold no figure: a digit or a number word must be there first.
        if _DIGIT.search(self.doc.text, self.start, self.end) is None and number_cues().isdisjoint(
            self.word_set
        ):
            return []
        return find_numbers(self.doc.text, self.start, self.end, words=self.word_set)

    @cached_property
    def word_set(self) -> frozenset[str]:
        """The sentence's distinct words, lowercased: the cues that gate costly readers."""
        return frozenset(map(itemgetter(1), self.words))

    @cached_property
    def words(self) -> list[tuple[int, str]]:
        """The sentence's words, tokenised once for every lexicon that reads it."""
        return lexicon.words_of(self.doc.text, self.start, self.end)

    @cached_property
    def _found(self) -> list[list[lexicon.Match]]:
        """The hits of the lexicons every sentence needs (its frame: reporting verbs,
        "according to") and of every candidate conflict's actors, in one pass."""
        return self.doc.scanner.frame.findall(self.doc.text, self.start, self.end, words=self.words)

    def actors(self, conflict: str) -> tuple[list[Mention], list[Mention], list[Mention]]:
        """(claimants, subjects, places) of ``conflict``'s gazetteer in the sentence."""
        # Detecting the conflict asks first, the grammar again for the one detected.
        cached = self._actors.get(conflict)
        if cached is None:
            cached = self._actors[conflict] = self.doc.scanner.actors(
                conflict, self._found, self.doc.text, self.start, self.end, self.words
            )
        return cached

    @cached_property
    def _actors(self) -> dict[str, tuple[list[Mention], list[Mention], list[Mention]]]:
        return {}

    @cached_property
    def _frame_index(self) -> dict[str, Hits]:
        index = dict(zip(FRAME_LEXICONS, self._found, strict=False))
        index.update(zip(ACTOR_ROLES, self.actors(self.doc.gaz.conflict), strict=True))
        # A matcher's hits, and an actor matcher's mentions, come in order of start.
        return {name: Hits(hits, ordered=True) for name, hits in index.items()}

    @cached_property
    def _count_index(self) -> dict[str, Hits]:
        """The hits of the lexicons that read counts: a second pass, only for the
        sentences that hold a figure (or are asked about one)."""
        sc = self.doc.scanner
        found = sc.counts.findall(self.doc.text, self.start, self.end, words=self.words)
        return {
            name: Hits(hits, ordered=True) for name, hits in zip(sc.count_names, found, strict=True)
        }

    @property
    def people_loss(self) -> Hits:
        return self._count_index["people_loss"]

    @property
    def equip_loss(self) -> Hits:
        return self._count_index["equip_loss"]

    @property
    def equipment(self) -> Hits:
        return self._count_index["equipment"]

    @property
    def preps(self) -> Hits:
        """Prepositions that introduce a claimant ("according to", "per")."""
        return self._frame_index["preps"]

    @property
    def np_stops(self) -> Hits:
        """Words that end a noun phrase after a count ("were", "in", "according")."""
        return self._count_index["np_stop"]

    @property
    def people_nouns(self) -> Hits:
        return self._count_index["people_noun"]

    @property
    def claimants(self) -> Hits:
        return self._frame_index["claimants"]

    @property
    def subjects(self) -> Hits:
        return self._frame_index["subjects"]

    @property
    def places(self) -> Hits:
        return self._frame_index["places"]

    @property
    def verbs(self) -> Hits:
        return self._frame_index["verbs"]

    @cached_property
    def civilian_context(self) -> bool:
        """Whether the sentence speaks of civilians' places ("shelling of", "residential")."""
        return bool(self._count_index["civilian_context"])

    @cached_property
    def scope_word(self) -> str | None:
        """The scope the sentence's wording gives ("since the start", "overnight"), if any."""
        for label, _ in lex()["scope"]:
            if self._count_index[f"scope:{label}"]:
                return label
        return None

    @cached_property
    def both_sides(self) -> bool:
        """Whether the sentence speaks of both sides' losses ("on both sides")."""
        return lex()["both_sides"].search(self.doc.text, self.start, self.end) is not None

    @cached_property
    def era_marks(self) -> list[tuple[int, int | None]]:
        """Where the sentence names another era: (position, year or None for a word such as
        "genocide"), found once for every count in it."""
        text = self.doc.text
        marks: list[tuple[int, int | None]] = [
            (m.start(), None) for m in lex()["other_era"].finditer(text, self.start, self.end)
        ]
        marks += [(m.start(), int(m.group(1))) for m in _YEAR.finditer(text, self.start, self.end)]
        marks += [(d.start, d.date.year) for d in self.dates if d.has_year]
        return sorted(marks, key=lambda m: m[0])

    @cached_property
    def dates(self) -> list[DateMention]:
        if date_cues().isdisjoint(self.word_set):
            return []
        return find_dates(
            self.doc.text, self.start, self.end, reference=self.doc.ref, year_of=self.doc.year_of
        )


_FIELDS = frozenset(f.name for f in fields(Sentence))


# --------------------------------------------------------------------------- sections


def sections(text: str) -> list[tuple[int, int]]:
    """An archive page's posts (each closed by a "Posted in ..." line), or the whole text."""
    out, pos = [], 0
    for m in lex()["section_end"].finditer(text):
        out.append((pos, m.end()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def section_date(doc: Doc, start: int, end: int) -> dt.date | None:
    """A post's own date: a full date (with its year) in the post's first lines."""
    head_end = min(end, start + doc.settings.section_head)
    for d in find_dates(doc.text, start, head_end):
        if d.has_year and not d.since:
            return d.date
    return None


# --------------------------------------------------------------------------- sentences

_PIPE_ROW = re.compile(r"^[ \t]*\|?(?:[^|\n]*\|){2,}[^|\n]*$")
_CELL = re.compile(r"[^|]+")


def document_sentences(doc: Doc, start: int, end: int) -> Iterator[Sentence]:
    """The sentences of ``text[start:end]``: list items and table rows keep their line,
    and a short line ending in a colon (or a wiki heading) names the section under it."""
    text, bullet = doc.text, lex()["bullet"]
    heading: str | None = None
    line_no = 0
    for k, (ps, pe) in enumerate(paragraphs(text, start, end)):
        for line in re.finditer(r"[^\n]+", text[ps:pe]):
            line_no += 1
            ls, le = ps + line.start(), ps + line.end()
            if _PIPE_ROW.match(line.group()):
                cells = tuple(
                    (ls + c.start(), ls + c.end())
                    for c in _CELL.finditer(line.group())
                    if c.group().strip()
                )
                yield Sentence(doc, ls, le, k, True, line_no, heading, cells)
                continue
            m = bullet.match(text, ls, le)
            h = _heading(line.group(), doc.settings.heading_length)
            if h is not None:
                heading = h
            elif (
                heading is not None
                and not m
                and (len(line.group()) > doc.settings.prose_line or not find_numbers(text, ls, le))
            ):
                heading = None  # prose, or a line with no figure, ends a heading's reach
            body = m.end() if m else ls
            for s, e in sentences(text, body, le):
                for cs, ce in _chunks(text, s, e, doc.settings.max_sentence):
                    yield Sentence(doc, cs, ce, k, m is not None, line_no, heading)


def _heading(line: str, longest: int) -> str | None:
    """A short line ending in a colon, or a wiki heading, with no figure and no verb."""
    stripped = line.strip()
    if not stripped or len(stripped) > longest:
        return None
    if not (stripped.endswith(":") or (stripped.startswith("=") and stripped.endswith("="))):
        return None
    claim_words = lex()["heading_claim_words"]  # "Azerbaijani claim:" is a heading
    verbs = [v for v in lex()["verbs"].findall(stripped) if v.text.lower() not in claim_words]
    if find_numbers(stripped) or verbs:
        return None
    return stripped.strip("=: \t")


def _chunks(text: str, s: int, e: int, limit: int) -> Iterator[tuple[int, int]]:
    """Split a run-on "sentence" longer than any real one at white space, so the work per
    sentence stays bounded and the whole extraction linear in the length of the text."""
    while e - s > limit:
        cut = text.rfind(" ", s + limit // 2, s + limit)
        cut = cut if cut > s else s + limit
        yield s, cut
        s = cut
    yield s, e
