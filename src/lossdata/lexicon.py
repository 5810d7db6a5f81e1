"""The package's knowledge, loaded once from the YAML files in ``resources/``.

Code elsewhere holds the grammar; every word list it uses comes from here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from typing import NamedTuple

import yaml

__all__ = [
    "Match",
    "MultiMatcher",
    "PhraseMatcher",
    "labelled",
    "load",
    "phrase_pattern",
    "words_of",
]


@functools.cache
def load(name: str) -> dict:
    """The parsed ``resources/<name>.yaml`` (cached: each file is read once)."""
    path = resources.files("lossdata") / "resources" / f"{name}.yaml"
    try:
        with path.open("r", encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except FileNotFoundError:
        raise FileNotFoundError(f"lossdata lexicon {name!r} is missing from the package") from None
    if not isinstance(data, dict):
        raise ValueError(f"lossdata lexicon {name!r} must hold a mapping at its top level")
    return data


class Match(NamedTuple):
    """A phrase found in a text (a named tuple: the grammar makes many of them)."""

    start: int
    end: int
    text: str
    label: str


def phrase_pattern(phrase: str) -> str:
    """A regex for ``phrase``: its words in order, any white space between them."""
    # Inner white space matches any run of white space; hyphens match a hyphen or space.
    parts = [re.escape(p) for p in phrase.split()]
    return r"\s+".join(parts)


_WORD = re.compile(r"\w+")


class PhraseMatcher:
    """Finds whole-word, case-insensitive occurrences of labelled phrases.

    Longer phrases win over their prefixes ("shot down" over "shot"). The text's words
    are looked up in a table keyed by each phrase's first word, and only the phrases
    that start with that word are tried there: the cost grows with the text, not with
    the size of the lexicon (thousands of actor aliases), and stays linear.
    """

    def __init__(self, labelled: Iterable[tuple[str, str]], *, case_sensitive: bool = False):
        self.labels: dict[str, str] = {}
        for phrase, label in labelled:
            key = " ".join(str(phrase).split())
            if not key:
                continue
            key = key if case_sensitive else key.lower()
            self.labels.setdefault(key, label)
        self.case_sensitive = case_sensitive
        flags = 0 if case_sensitive else re.IGNORECASE
        groups: dict[tuple[str, int], list[str]] = {}
        wordless: list[str] = []
        for p in self.labels:
            w = _WORD.search(p)
            if w is None:
                wordless.append(p)
            else:
                groups.setdefault((w.group().lower(), w.start()), []).append(p)
        self._by_word: dict[str, list[tuple[int, re.Pattern[str]]]] = {}
        for (word, prefix), phrases in groups.items():
            self._by_word.setdefault(word, []).append((prefix, _compile(phrases, flags)))
        self._wordless = _compile(wordless, flags) if wordless else None

    def finditer(
        self,
        text: str,
        start: int = 0,
        end: int | None = None,
        *,
        words: Sequence[tuple[int, str]] | None = None,
    ) -> Iterator[Match]:
        """Occurrences in ``text[start:end]``, left to right, never overlapping.

        ``words``: the span's words as ``(start, lowercased word)``, from ``words_of``,
        when several matchers read the same span (each then skips tokenising it)."""
        end = len(text) if end is None else end
        if words is None:
            words = words_of(text, start, end)
        yield from self._finish(text, start, end, self._scan(text, start, end, words))

    def _finish(self, text: str, start: int, end: int, hits: list[re.Match[str]]) -> list[Match]:
        """``Match`` records from a scan's hits, with the phrases that start with no word."""
        if not hits and self._wordless is None:
            return []
        if self._wordless is not None:
            hits = sorted(
                [*hits, *self._wordless.finditer(text, start, end)],
                key=lambda m: (m.start(), -m.end()),
            )
        out = []
        last = start
        labels = self.labels
        for m in hits:
            s, e = m.span()
            if s < last:
                continue
            last = e
            found = m.group()
            key = found if self.case_sensitive else found.lower()
            label = labels.get(key)
            if label is None:  # written with other white space than the lexicon's
                label = labels[" ".join(key.split())]
            out.append(Match(s, e, found, label))
        return out

    def _scan(
        self, text: str, start: int, end: int, words: Sequence[tuple[int, str]]
    ) -> list[re.Match[str]]:
        out = []
        last = start
        by_word = self._by_word
        for w_start, word in words:
            if w_start < last:
                continue
            candidates = by_word.get(word)
            if not candidates:
                continue
            best = None
            for prefix, pattern in candidates:
                pos = w_start - prefix
                if pos < last:
                    continue
                m = pattern.match(text, pos, end)
                if m and (best is None or m.end() > best.end()):
                    best = m
            if best is not None:
                out.append(best)
                last = best.end()
        return out

    def findall(
        self,
        text: str,
        start: int = 0,
        end: int | None = None,
        *,
        words: Sequence[tuple[int, str]] | None = None,
    ) -> list[Match]:
        return list(self.finditer(text, start, end, words=words))

    def search(self, text: str, start: int = 0, end: int | None = None) -> Match | None:
        """The first occurrence in ``text[start:end]``, or None."""
        return next(self.finditer(text, start, end), None)

    def match_at(self, text: str, pos: int, end: int | None = None) -> Match | None:
        """An occurrence that starts exactly at ``pos``, or None."""
        end = len(text) if end is None else end
        w = _WORD.match(text, pos, end)
        hits = self._scan(text, pos, end, [(pos, w.group().lower())]) if w else []
        if not hits and self._wordless is not None:
            m = self._wordless.match(text, pos, end)
            hits = [m] if m else []
        if not hits or hits[0].start() != pos:
            return None
        m = hits[0]
        key = " ".join(m.group().split())
        key = key if self.case_sensitive else key.lower()
        return Match(m.start(), m.end(), m.group(), self.labels[key])


class MultiMatcher:
    """Several ``PhraseMatcher``s read in one pass over a span's words.

    Each matcher finds exactly what its own ``findall`` finds; the words are looked up
    once in a table merged from all the matchers' first words, instead of once per
    matcher, which is most of the cost when a dozen lexicons read every sentence.
    """

    def __init__(self, matchers: Sequence[PhraseMatcher]):
        self.matchers = tuple(matchers)
        table: dict[str, list[tuple[int, int, re.Pattern[str]]]] = {}
        for i, matcher in enumerate(self.matchers):
            for word, candidates in matcher._by_word.items():
                table.setdefault(word, []).extend((i, p, pat) for p, pat in candidates)
        self._table = table

    def findall(
        self,
        text: str,
        start: int = 0,
        end: int | None = None,
        *,
        words: Sequence[tuple[int, str]] | None = None,
    ) -> list[list[Match]]:
        """Each matcher's ``findall(text, start, end)``, in the matchers' order."""
        end = len(text) if end is None else end
        if words is None:
            words = words_of(text, start, end)
        n = len(self.matchers)
        hits: list[list[re.Match[str]]] = [[] for _ in range(n)]
        last = [start] * n
        table = self._table
        for w_start, word in words:
            candidates = table.get(word)
            if candidates is None:
                continue
            best: dict[int, re.Match[str]] = {}
            for i, prefix, pattern in candidates:
                pos = w_start - prefix
                if w_start < last[i] or pos < last[i]:
                    continue
                m = pattern.match(text, pos, end)
                if m and (i not in best or m.end() > best[i].end()):
                    best[i] = m
            for i, m in best.items():
                hits[i].append(m)
                last[i] = m.end()
        return [
            matcher._finish(text, start, end, found) if found or matcher._wordless else []
            for matcher, found in zip(self.matchers, hits, strict=True)
        ]


def words_of(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """The words of ``text[start:end]`` as ``(start, lowercased word)``, for ``finditer``."""
    end = len(text) if end is None else end
    return [(w.start(), w.group().lower()) for w in _WORD.finditer(text, start, end)]


def _compile(phrases: list[str], flags: int) -> re.Pattern[str]:
    body = "|".join(phrase_pattern(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w@-])(?:{body})(?![\w-])", flags)


def labelled(mapping: dict[str, Iterable[str]]) -> list[tuple[str, str]]:
    """``{label: [phrase, ...]}`` -> ``[(phrase, label), ...]``."""
    return [(str(p), label) for label, phrases in mapping.items() for p in phrases]
