"""The package's knowledge, loaded once from the YAML files in ``resources/``.

Code elsewhere holds the grammar; every word list it uses comes from here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources

import yaml

__all__ = ["PhraseMatcher", "Match", "load"]


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


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    text: str
    label: str


def _phrase_pattern(phrase: str) -> str:
    # Inner white space matches any run of white space; hyphens match a hyphen or space.
    parts = [re.escape(p) for p in phrase.split()]
    return r"\s+".join(parts)


class PhraseMatcher:
    """Finds whole-word, case-insensitive occurrences of labelled phrases.

    Longer phrases win over their prefixes ("shot down" over "shot"). The compiled
    pattern is an alternation of literals between word boundaries, which the regex
    engine matches in time linear in the text for a fixed lexicon.
    """

    def __init__(self, labelled: Iterable[tuple[str, str]], *, case_sensitive: bool = False):
        self.labels: dict[str, str] = {}
        for phrase, label in labelled:
            key = " ".join(phrase.split())
            key = key if case_sensitive else key.lower()
            self.labels.setdefault(key, label)
        alternatives = sorted(self.labels, key=len, reverse=True)
        flags = 0 if case_sensitive else re.IGNORECASE
        body = "|".join(_phrase_pattern(p) for p in alternatives) or r"(?!x)x"
        self.case_sensitive = case_sensitive
        self.pattern = re.compile(rf"(?<![\w@-])(?:{body})(?![\w-])", flags)

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Match]:
        end = len(text) if end is None else end
        for m in self.pattern.finditer(text, start, end):
            key = " ".join(m.group().split())
            key = key if self.case_sensitive else key.lower()
            yield Match(m.start(), m.end(), m.group(), self.labels[key])

    def findall(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        return list(self.finditer(text, start, end))


def labelled(mapping: dict[str, Iterable[str]]) -> list[tuple[str, str]]:
    """``{label: [phrase, ...]}`` -> ``[(phrase, label), ...]``."""
    return [(str(p), label) for label, phrases in mapping.items() for p in phrases]
