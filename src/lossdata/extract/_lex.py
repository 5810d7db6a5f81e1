"""The grammar's word lists, compiled once from the YAML lexicons."""

from __future__ import annotations

import functools
import re

from .. import lexicon

__all__ = ["lex", "windowed", "words_pattern"]


def _alternation(phrases) -> str:
    return (
        "|".join(sorted((lexicon.phrase_pattern(str(p)) for p in phrases), key=len, reverse=True))
        or r"(?!x)x"
    )


# Where a list's phrases stand in a pattern; ``{}`` is the list, ``{name}`` another list
# passed by keyword.
_TEMPLATES = {
    "word": r"(?<![\w-])(?:{})(?![\w-])",
    "start": r"(?:{})\b",  # read with .match(text, pos): "^" would hold only at 0
    "end": r"\b(?:{})\s*$",
    "line": r"^[ \t]*(?:{})\b.*$",
    "gap": r"\s*,?\s*(?:{})\s*",
    # an attack noun, then "on", "of" or "against" right before a name: its target
    "target": r"(?<![\w-])(?:{})\s+(?:{links})\s+(?:(?:{article})\s+)?#?$",
    # a run of the phrases at the end of the span, or a colon: "... rose to | 64"
    "trailing": r"(?:(?:^|(?<=[\s:]))(?:(?:{})\s+)+|:\s*)$",
    # a run of the phrases, each followed by white space (or none): "were reportedly"
    "run": r"\s*(?:(?:{})\s+)*",
    # one of the phrases after white space: "according to | which"
    "after_space": r"\s+(?:{})\b",
    # right after a figure: "64 | of which"
    "opens": r"\s*(?:{})\b",
    # the phrase, then only white space: "of | ..."
    "then_space": r"(?:{}) ",
    # at the end of a word: "fatal|ities"
    "suffix": r"(?:{})$",
    # one of the phrases, with an optional article, right before a name: "by (the) | X"
    "before_name": r"\b(?:{})\s+(?:(?:{article})\s+)?$",
    # a preposition and an optional article after a noun phrase: "civilians | in the | Ganja"
    "place_gap": r"\s*(?:{})\s+(?:(?:{article})\s+)?",
    # a short adjunct before a postponed subject: "said | in a statement | the Ministry"
    "adjunct": r"\s+(?:(?:{})\s+(?:[\w'’-]+\s+){{0,4}}?)?(?=(?:{article})\s|[A-Z])",
    # an optional article and up to two words before a name: "according to | the | X"
    "lead_gap": r"\s*(?:(?:{})\s+)?(?:[\w'’-]+\s+){{0,2}}?",
    # auxiliaries and adverbs between a subject and its verb, at the end of the span
    "aux_tail": r"(?:\s+(?:{}|(?:{day_preps})\s+\w+(?:{day_endings})))*\s*$",
    # punctuation, a dash, or a word that opens a clause
    "clause_split": r"[,;:.!?()\[\]\"“”]|\s[–—-]\s|\b(?:{})\s",
    # a clause break: a colon, a dash, a contrast, a participle clause, a full stop
    "clause_break": (
        r":|\||\s[–—]\s|,?\s+(?:{})\b|(?:,|\s+(?:{conj}))\s+(?!(?:{not_participles})\b)"
        r"(?=\w+(?:{endings})\b)|\.\s"
    ),
    # "among (the) (more than) | 1,500": a count that describes a larger group
    "among": r"\b(?:{})\s+(?:(?:{article})\s+)?(?:(?:{hedges})\s+)?$",
    # ", who were ... | 90": a count inside a relative clause
    "relative": r",\s*(?:{})\s+(?:{verbs})\b[^,;]*$",
    # an error margin before a figure: "±", "+/-", "may vary by", "a margin of error of"
    "margin": r"(?:±|\+/-|\b(?:{})|\b(?:{nouns})\s+(?:(?:{of})\s+)?)\s*$",
    # the words between two counts of one list: ", and", "as well as"
    "list_gap": r"^[\s,;]*(?:(?:{})\s+)?$",
    # a comma and a conjunction between coordinated counts: "30 Azerbaijani and 25 ..."
    "coord_gap": r"\s*,?\s*(?:(?:{})\s*)?",
    # the words or a dash that join the two dates of a period: "3 May | and | 9 ..."
    "join": r"\s*(?:{}|[–-])\s*",
    # "Azerbaijan('s forces) (had) (further) | destroyed": the agent of a loss verb
    "agent": r"['’]?s?\s+(?:\w+\s+){{0,2}}?(?:(?:{})\s+)?(?:(?:{adverbs})\s+)?",
}


def words_pattern(
    phrases, *, anchor: str = "word", ignore_case: bool = True, **lists
) -> re.Pattern[str]:
    """One helper that turns a list of phrases into a pattern (case-insensitive unless
    ``ignore_case`` is false).

    ``anchor`` names the position of the phrases (see ``_TEMPLATES``): ``word`` (whole
    words anywhere), ``start`` (at the start of the span searched), ``end`` (at the end),
    ``line`` (a whole line that opens with one), and so on. Templates with more than one
    list take the others by keyword: ``words_pattern(attacks, anchor="target", links=...)``.
    """
    others = {name: _alternation(words) for name, words in lists.items()}
    template = _TEMPLATES[anchor]
    flags = (re.IGNORECASE if ignore_case else 0) | (re.MULTILINE if anchor == "line" else 0)
    return re.compile(template.format(_alternation(phrases), **others), flags)


@functools.cache
def lex() -> dict:
    losses = lexicon.load("losses")
    equipment = lexicon.load("equipment")
    reporting = lexicon.load("reporting")
    documents = lexicon.load("documents")
    roles = lexicon.load("roles")
    dates = lexicon.load("dates")
    article = documents["article"]
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
        "increment_after": words_pattern(reporting["increment_after"], anchor="opens"),
        "increment_before": words_pattern(reporting["increment_before"], anchor="end"),
        "scope": [
            (label, lexicon.PhraseMatcher((w, label) for w in words))
            for label, words in reporting["scope"].items()
        ],
        "other_era": words_pattern(reporting["other_era"]),
        "heading_claim": words_pattern(reporting["heading_claims"]),
        "heading_claim_words": frozenset(w.lower() for w in reporting["heading_claims"]),
        "message_heads": frozenset(w.lower() for w in reporting["message_heads"]),
        "death_words": frozenset(w.lower() for w in losses["death_words"]),
        "section_end": words_pattern(documents["section_end"], anchor="line"),
        "bullet": re.compile(documents["bullet"]),
        "np_stop": lexicon.PhraseMatcher((w, "stop") for w in documents["np_stop"]),
        "gap_words": frozenset(w.lower() for w in documents["gap_words"]),
        "enemy": words_pattern(documents["enemy"]),
        "own": words_pattern(documents["own"]),
        "linker_tail": words_pattern(documents["linkers"], anchor="trailing"),
        "nested_before": words_pattern(documents["nested"], anchor="gap"),
        "nested_after": words_pattern(documents["nested_after"], anchor="opens"),
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
        "target_of": words_pattern(
            roles["attacks"], anchor="target", links=roles["attack_links"], article=article
        ),
        # claimants
        "back_reference": words_pattern(reporting["back_references"], anchor="after_space"),
        "named_only": frozenset(w.lower() for w in reporting["named_only"]),
        "adjunct": words_pattern(
            reporting["adjunct_prepositions"], anchor="adjunct", ignore_case=False, article=article
        ),
        "lead_gap": words_pattern(article, anchor="lead_gap", ignore_case=False),
        "clause_split": words_pattern(roles["clause_openers"], anchor="clause_split"),
        "aux_tail": words_pattern(
            reporting["verb_auxiliaries"],
            anchor="aux_tail",
            day_preps=reporting["verb_day_prepositions"],
            day_endings=reporting["verb_day_endings"],
        ),
        "anaphors": frozenset(w.lower() for w in reporting["anaphors"]),
        "articles": frozenset(w.lower() for w in roles["articles"]),
        "name_links": frozenset(w.lower() for w in roles["name_links"]),
        # counts
        "describing": words_pattern(
            documents["describing"],
            anchor="among",
            article=article,
            hedges=documents["describing_hedges"],
        ),
        "relative_clause": words_pattern(
            documents["relative_pronouns"],
            anchor="relative",
            ignore_case=False,
            verbs=documents["relative_verbs"],
        ),
        "margin": words_pattern(
            losses["margin_words"],
            anchor="margin",
            nouns=losses["margin_nouns"],
            of=losses["margin_of"],
        ),
        "noun_loss": words_pattern(losses["noun_loss_endings"], anchor="suffix"),
        "container_link": words_pattern(documents["container_links"], anchor="then_space"),
        "partitive": words_pattern(documents["partitives"], anchor="opens"),
        "coordinator_end": words_pattern(documents["coordinators"], anchor="end"),
        "pronoun_one_after": frozenset(w.lower() for w in documents["pronoun_one_after"]),
        "pronoun_one_before": frozenset(w.lower() for w in documents["pronoun_one_before"]),
        "toll_link": words_pattern(documents["toll_links"]),
        "inclusion": words_pattern(documents["inclusions"], anchor="opens"),
        "list_gap": words_pattern(documents["list_joiners"], anchor="list_gap"),
        "coord_gap": words_pattern(documents["coordinators"], anchor="coord_gap"),
        "count_aux": words_pattern(documents["count_auxiliaries"], anchor="run"),
        "clause_break": words_pattern(
            documents["contrast"],
            anchor="clause_break",
            ignore_case=False,
            conj=documents["clause_conjunctions"],
            not_participles=documents["not_participles"],
            endings=documents["participle_endings"],
        ),
        "not_noun_after": words_pattern(
            documents["not_nouns_after_count"], anchor="after_space", ignore_case=False
        ),
        # subjects
        "place_gap": words_pattern(
            roles["place_prepositions"], anchor="place_gap", ignore_case=False, article=article
        ),
        "by_agent": words_pattern(
            roles["agent_prepositions"], anchor="before_name", ignore_case=False, article=article
        ),
        "object_gap_words": frozenset(w.lower() for w in roles["object_gap_words"]),
        "agent_verb": words_pattern(
            roles["agent_auxiliaries"],
            anchor="agent",
            ignore_case=False,
            adverbs=roles["agent_adverbs"],
        ),
        # when
        "period_join": words_pattern(dates["period_joiners"], anchor="join"),
    }


@functools.cache
def windowed(settings) -> dict:
    """Patterns whose bounds are settings (``lossdata.settings.Settings``), compiled once
    per settings object."""
    st = settings
    return {
        # "Armenian MoD: 1,200 troops killed": a claimant name at the head of a line
        "headline_claimant": re.compile(rf"\s*([^:\n]{{2,{st.headline_claimant}}}):\s"),
        # a tweet's signature: "— Name (@handle)"
        "signature": re.compile(rf"—\s*([^()\n]{{2,{st.signature_name}}}?)\s*\((@\w+)\)"),
        # "17 were injured, | including four women": the total's clause before a part
        "nested_tail": re.compile(rf"[^.;:()]{{0,{st.nested_tail}}}?,\s*$"),
    }
