"""The grammar's word lists, compiled once from the YAML lexicons."""

from __future__ import annotations

import functools
import re

from .. import lexicon

__all__ = ["lex", "words_pattern"]


def words_pattern(phrases, *, anchor: str = "word") -> re.Pattern[str]:
    """One helper that turns a list of phrases into a case-insensitive pattern.

    ``anchor``: ``word`` (whole words anywhere), ``start`` (at the start of the span
    searched), ``end`` (at the end), ``line`` (a whole line that opens with one).
    """
    body = (
        "|".join(sorted((lexicon.phrase_pattern(str(p)) for p in phrases), key=len, reverse=True))
        or r"(?!x)x"
    )
    template = {
        "word": r"(?<![\w-])(?:{})(?![\w-])",
        "start": r"^(?:{})\b",
        "end": r"\b(?:{})\s*$",
        "line": r"^[ \t]*(?:{})\b.*$",
        "gap": r"\s*,?\s*(?:{})\s*",
        # an attack noun, then "on", "of" or "against" right before a name: its target
        "target": r"(?<![\w-])(?:{})\s+(?:on|of|against|targeting|at)\s+(?:the\s+)?#?$",
        # a run of the phrases at the end of the span, or a colon: "... rose to | 158"
        "trailing": r"(?:(?:^|(?<=[\s:]))(?:(?:{})\s+)+|:\s*)$",
    }[anchor]
    flags = re.IGNORECASE | (re.MULTILINE if anchor == "line" else 0)
    return re.compile(template.format(body), flags)


@functools.cache
def lex() -> dict:
    losses = lexicon.load("losses")
    equipment = lexicon.load("equipment")
    reporting = lexicon.load("reporting")
    documents = lexicon.load("documents")
    roles = lexicon.load("roles")
    return {
        "people_loss": lexicon.PhraseMatcher(lexicon.labelled(losses["people"])),
        "equip_loss": lexicon.PhraseMatcher(lexicon.labelled(losses["equipment"])),
        "people_noun": lexicon.PhraseMatcher(lexicon.labelled(losses["people_nouns"])),
        "equipment": lexicon.PhraseMatcher(lexicon.labelled(equipment["categories"])),
        "merge": {frozenset(m[:2]): m[2] for m in equipment["merge"]},
        "civilian_context": lexicon.PhraseMatcher((w, "c") for w in losses["civilian_context"]),
        "not_losses": words_pattern(losses["not_losses"]),
        "verbs": lexicon.PhraseMatcher((w, "verb") for w in reporting["verbs"]),
        "preps": lexicon.PhraseMatcher((w, "prep") for w in reporting["prepositions"]),
        "continuations": words_pattern(reporting["continuations"], anchor="start"),
        "references": lexicon.PhraseMatcher(lexicon.labelled(reporting["references"])),
        "scope": [
            (label, lexicon.PhraseMatcher((w, label) for w in words))
            for label, words in reporting["scope"].items()
        ],
        "other_era": words_pattern(reporting["other_era"]),
        "heading_claim": words_pattern(reporting["heading_claims"]),
        "death_words": frozenset(w.lower() for w in losses["death_words"]),
        "section_end": words_pattern(documents["section_end"], anchor="line"),
        "bullet": re.compile(documents["bullet"]),
        "np_stop": words_pattern(documents["np_stop"]),
        "gap_words": frozenset(w.lower() for w in documents["gap_words"]),
        "enemy": words_pattern(documents["enemy"]),
        "own": words_pattern(documents["own"]),
        "linker_tail": words_pattern(documents["linkers"], anchor="trailing"),
        "nested_before": words_pattern(documents["nested"], anchor="gap"),
        "nested_after": re.compile(r"\s*(?:of\s+(?:which|whom|them|those))\b", re.IGNORECASE),
        "containers": words_pattern(documents["containers"], anchor="end"),
        "function_words": frozenset(w.lower() for w in documents["gap_words"])
        | frozenset(w.lower() for w in documents["np_stop"])
        | frozenset(w.lower() for w in documents["np_filler"]),
        "agent_nouns": frozenset(w.lower() for w in roles["agent_nouns"]),
        "claimant_heads": frozenset(w.lower() for w in roles["claimant_heads"]),
        "determiners": frozenset(w.lower() for w in roles["determiners"]),
        "pronouns": frozenset(w.lower() for w in roles["pronouns"]),
        "phrase_breaks": words_pattern(roles["phrase_breaks"]),
        "state_heads": frozenset(w.lower() for w in roles["state_heads"]),
        "discourse": frozenset(w.lower() for w in roles["discourse"]),
        "both_sides": words_pattern(roles["both_sides"]),
        "target_of": words_pattern(roles["attacks"], anchor="target"),
    }
