"""The data card of a shipped table: what it holds, how it was built, its sources, its
known limits and how to cite it.

The prose lives in ``resources/descr/<name>.md`` (as scikit-learn keeps ``descr/*.rst``);
the facts are filled in from the schema, the seed catalog and ``datapackage.json``. One
function writes the card, so ``lossdata.describe()`` and the ``data/README.md`` that
``lossdata build`` writes never disagree.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping
from importlib import resources
from string import Template

from .schema import columns_markdown

__all__ = ["card", "citation"]

_WIDTH = 88  # the card's line length, as the rest of the repository's Markdown


def card(descriptor: Mapping, catalog: Iterable[Mapping[str, str]], *, name: str) -> str:
    """The card of table ``name`` from its Data Package ``descriptor`` and the catalog rows
    of its source documents."""
    resource = _resource(descriptor, name)
    catalog = list(catalog)
    dates = sorted(row["published"] for row in catalog if row.get("published"))
    template = resources.files("lossdata") / "resources" / "descr" / f"{name}.md"
    version = str(descriptor.get("version", "unversioned"))
    text = Template(template.read_text(encoding="utf-8")).substitute(
        name=name,
        title=descriptor.get("title", "lossdata"),
        version=version,
        package_version=_package_version(),
        rows=resource.get("rows", "?"),
        path=resource.get("path", f"{name}.csv"),
        bytes=resource.get("bytes", "?"),
        sha256=str(resource.get("hash", "not recorded")).removeprefix("sha256:"),
        columns=columns_markdown(),
        sources="\n".join(_source(row) for row in catalog),
        documents=len(catalog),
        published=f"{dates[0]} to {dates[-1]}" if dates else "on unknown dates",
        citation=citation(descriptor, name=name),
    )
    return text if text.endswith("\n") else text + "\n"


def citation(descriptor: Mapping, *, name: str) -> str:
    """How to cite table ``name``: a sentence and a BibTeX entry, with the data version."""
    title = descriptor.get("title", "lossdata")
    version = descriptor.get("version", "unversioned")
    package = _package_version()
    sentence = (
        f"lossdata contributors. *{title}: the lossdata `{name}` table*, data version "
        f"{version} (lossdata {package}). Code under the MIT licence; quoted texts under "
        "their own licences."
    )
    bibtex = "\n".join(
        [
            "```bibtex",
            f"@misc{{lossdata_{name.replace('-', '_')},",
            "  author = {{lossdata contributors}},",
            f"  title = {{{title}: the lossdata {name} table}},",
            f"  note = {{Data version {version}, lossdata {package}}},",
            "}",
            "```",
        ]
    )
    return _wrap(sentence, subsequent="") + "\n\n" + bibtex


def _source(row: Mapping[str, str]) -> str:
    """One source as a Markdown list item: title, outlet, date, then its details."""
    outlet = row.get("outlet") or "outlet not identified"
    head = f'- `{row.get("doc_id", "")}`: "{row.get("title", "")}", {outlet}'
    if row.get("published"):
        head += f", {row['published']}"
    details = [
        ("address", row.get("url") or "not known"),
        ("date", row.get("date_note")),
        ("licence", row.get("licence") or "not stated in the catalog"),
        ("provenance", row.get("provenance")),
    ]
    lines = [_wrap(head + ".")]
    for label, value in details:
        if value:
            lines.append(_wrap(f"{label}: {value}", initial="  - ", subsequent="    "))
    return "\n".join(lines)


def _wrap(text: str, *, initial: str = "", subsequent: str = "  ") -> str:
    # Addresses are never broken, so that they stay clickable.
    return textwrap.fill(
        " ".join(text.split()),
        width=_WIDTH,
        initial_indent=initial,
        subsequent_indent=subsequent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _resource(descriptor: Mapping, name: str) -> Mapping:
    for resource in descriptor.get("resources", []):
        if resource.get("name") == name:
            return resource
    valid = ", ".join(str(r.get("name")) for r in descriptor.get("resources", [])) or "none"
    raise ValueError(f"unknown dataset {name!r}; valid names: {valid}")


def _package_version() -> str:
    from . import __version__  # read at call time: the package is fully imported by then

    return __version__
