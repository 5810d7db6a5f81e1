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

    The phrases that share a first word are compiled as one trie-shaped regex, read on
    a lowercased copy of the span: ``re``'s case-insensitive alternation tries every
    branch in turn, a case-sensitive trie rejects all but one on their first letter.
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
            self._by_word.setdefault(word, []).append((prefix, _compile(phrases)))
        self._wordless = _compile(wordless) if wordless else None
        self._reach = 4 * max(map(len, self.labels), default=0) + 16

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
        view = _View(text, start, end, lower=not self.case_sensitive)
        yield from self._finish(view, self._scan(view, words))

    def _finish(self, view: _View, hits: list[tuple[int, int]]) -> list[Match]:
        """``Match`` records from a scan's hits, with the phrases that start with no word."""
        if not hits and self._wordless is None:
            return []
        if self._wordless is not None:
            base = view.base
            extra = [
                (m.start() + base, m.end() + base)
                for m in self._wordless.finditer(view.text, view.start - base, view.end - base)
            ]
            hits = sorted([*hits, *extra], key=lambda h: (h[0], -h[1]))
        out = []
        last = view.start
        labels = self.labels
        text = view.source
        for s, e in hits:
            if s < last:
                continue
            last = e
            found = text[s:e]
            key = found if self.case_sensitive else found.lower()
            label = labels.get(key)
            if label is None:  # written with other white space than the lexicon's
                label = labels[" ".join(key.split())]
            out.append(Match(s, e, found, label))
        return out

    def _scan(self, view: _View, words: Sequence[tuple[int, str]]) -> list[tuple[int, int]]:
        out = []
        last = view.start
        by_word = self._by_word
        text, base, end = view.text, view.base, view.end - view.base
        for w_start, word in words:
            if w_start < last:
                continue
            candidates = by_word.get(word)
            if not candidates:
                continue
            best = -1
            for prefix, pattern in candidates:
                pos = w_start - prefix
                if pos < last:
                    continue
                m = pattern.match(text, pos - base, end)
                if m and m.end() + base > best:
                    best = m.end() + base
                    found = (pos, best)
            if best >= 0:
                out.append(found)
                last = best
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
        # Read no further than the longest phrase can reach (with room for wide white
        # space and the look-ahead), not to the end of the text.
        end = min(end, pos + self._reach)
        view = _View(text, pos, end, lower=not self.case_sensitive)
        hits = self._scan(view, [(pos, w.group().lower())]) if w else []
        if not hits and self._wordless is not None:
            m = self._wordless.match(view.text, pos - view.base, end - view.base)
            hits = [(m.start() + view.base, m.end() + view.base)] if m else []
        if not hits or hits[0][0] != pos:
            return None
        found = self._finish(view, hits[:1])
        return found[0] if found else None


class _View:
    """The span a matcher reads, lowercased for the case-insensitive ones, with the one
    character before it that the patterns' look-behind needs; ``base`` is its offset."""

    __slots__ = ("source", "text", "base", "start", "end")

    def __init__(self, source: str, start: int, end: int, *, lower: bool):
        self.source, self.start, self.end = source, start, end
        self.base = max(0, start - 1)
        self.text = _lowered(source[self.base : end]) if lower else source[self.base : end]


def _lowered(text: str) -> str:
    """``text`` lowercased, character for character: the few characters whose lowercase is
    longer ("İ") are kept as they are, so that offsets stay those of ``text``."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


class MultiMatcher:
    """Several ``PhraseMatcher``s read in one pass over a span's words.

    Each matcher finds exactly what its own ``findall`` finds; the words are looked up
    once in a table merged from all the matchers' first words, instead of once per
    matcher, which is most of the cost when a dozen lexicons read every sentence.
    """

    def __init__(self, matchers: Sequence[PhraseMatcher]):
        self.matchers = tuple(matchers)
        table: dict[str, list[tuple[int, int, re.Pattern[str], bool]]] = {}
        for i, matcher in enumerate(self.matchers):
            cs = matcher.case_sensitive
            for word, candidates in matcher._by_word.items():
                table.setdefault(word, []).extend((i, p, pat, cs) for p, pat in candidates)
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
        low = _View(text, start, end, lower=True)
        exact = _View(text, start, end, lower=False)
        base, stop = low.base, end - low.base
        n = len(self.matchers)
        hits: list[list[tuple[int, int]]] = [[] for _ in range(n)]
        last = [start] * n
        table = self._table
        for w_start, word in words:
            candidates = table.get(word)
            if candidates is None:
                continue
            best: dict[int, tuple[int, int]] = {}
            for i, prefix, pattern, cs in candidates:
                pos = w_start - prefix
                if w_start < last[i] or pos < last[i]:
                    continue
                m = pattern.match(exact.text if cs else low.text, pos - base, stop)
                if m and (i not in best or m.end() + base > best[i][1]):
                    best[i] = (pos, m.end() + base)
            for i, found in best.items():
                hits[i].append(found)
                last[i] = found[1]
        return [
            matcher._finish(exact if matcher.case_sensitive else low, found)
            if found or matcher._wordless
            else []
            for matcher, found in zip(self.matchers, hits, strict=True)
        ]


def words_of(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """The words of ``text[start:end]`` as ``(start, lowercased word)``, for ``finditer``."""
    end = len(text) if end is None else end
    return [(w.start() + start, w.group()) for w in _WORD.finditer(_lowered(text[start:end]))]


def _compile(phrases: list[str]) -> re.Pattern[str]:
    """One whole-word regex for ``phrases`` (lowercased unless case matters), shaped as
    a trie: the longest phrase that fits wins, as the lexicon's order intends."""
    root: dict[str, dict] = {}
    for phrase in phrases:
        node = root
        for i, part in enumerate(phrase.split()):
            units = [r"\s+"] if i else []
            for unit in [*units, *map(re.escape, part)]:
                node = node.setdefault(unit, {})
        node[""] = {}
    return re.compile(rf"(?<![\w@-])(?:{_trie(root)})(?![\w-])")


def _trie(node: dict[str, dict]) -> str:
    """The regex of a trie node: its branches, optional when a phrase ends there (a loop,
    not recursion, down a chain of single letters)."""
    out = []
    while True:
        units = [u for u in node if u]
        if len(units) == 1 and "" not in node:
            out.append(units[0])
            node = node[units[0]]
            continue
        if units:
            body = "|".join(u + _trie(node[u]) for u in units)
            out.append(f"(?:{body})?" if "" in node else f"(?:{body})")
        return "".join(out)


def labelled(mapping: dict[str, Iterable[str]]) -> list[tuple[str, str]]:
    """``{label: [phrase, ...]}`` -> ``[(phrase, label), ...]``."""
    return [(str(p), label) for label, phrases in mapping.items() for p in phrases]
