"""The README's "Analysing the data" section runs as written (its examples are doctests)."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
SECTION = "## Analysing the data"
HELPERS = ("latest_claims", "claims_wide", "claim_spread", "inflation_ratio", "tally_series")
FENCE = re.compile(r"^```(\w*)\s*$")


def examples_of(text: str, heading: str) -> str:
    """The section under ``heading`` (up to the next ``## ``), with every line outside its
    ```pycon / ```python blocks blanked, so that doctest reports README line numbers."""
    lines = text.splitlines()
    start = lines.index(heading)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    kept, inside = [""] * len(lines), False
    for i in range(start + 1, end):
        fence = FENCE.match(lines[i])
        if fence:
            inside = not inside and fence.group(1) in ("pycon", "python")
        elif inside:
            kept[i] = lines[i]
    return "\n".join(kept) + "\n"


def test_the_section_shows_every_helper() -> None:
    source = examples_of(README.read_text(encoding="utf-8"), SECTION)
    examples = doctest.DocTestParser().get_examples(source)
    called = " ".join(e.source for e in examples)
    for helper in HELPERS:
        assert f"{helper}(" in called, f"the README section does not run {helper}"
    assert all(e.want for e in examples if e.source.startswith("print("))


def test_the_section_runs_as_written() -> None:
    source = examples_of(README.read_text(encoding="utf-8"), SECTION)
    test = doctest.DocTestParser().get_doctest(source, {}, SECTION, str(README), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    report: list[str] = []
    runner.run(test, out=report.append)
    if runner.failures:
        pytest.fail("".join(report), pytrace=False)
