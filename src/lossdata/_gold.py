"""Gold annotations and where they stand; the document sets they belong to.

A *document set* is the texts, their catalog (doc_id, title, outlet, url, published,
words and an optional conflict) and the gold rows of the claims in them. Three are
known to the evaluation: the package's seeds with ``tests/gold/claims.csv``, the
development set (``docs/*.txt``, ``catalog_*.csv``, ``gold/<doc_id>.csv``) and a
user's own folder laid out like it. ``lossdata.evaluation`` re-exports the public names.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .text import normalize

__all__ = [
    "CATALOG_COLUMNS",
    "GOLD_COLUMNS",
    "REPO_ROOT",
    "DocumentSet",
    "default_devset_dir",
    "default_seed_gold",
    "find_quote",
    "load_catalog",
    "load_devset",
    "load_document_set",
    "load_gold",
    "load_seeds",
    "locate_gold",
    "number_positions",
]

REPO_ROOT = Path(__file__).resolve().parents[2]
GOLD_COLUMNS = (
    "doc_id",
    "quote",
    "value_text",
    "value",
    "value_low",
    "value_high",
    "qualifier",
    "category",
    "status",
    "subject",
    "subject_side",
    "population",
    "claimant",
    "claimant_side",
    "claim_date",
    "date_basis",
    "scope",
    "optional",
    "note",
)
CATALOG_COLUMNS = ("doc_id", "title", "outlet", "url", "published", "words", "conflict")
SEED_GOLD = Path("tests") / "gold" / "claims.csv"
_OPTIONAL_GOLD_COLUMNS = ("note",)


# --------------------------------------------------------------------------- gold files


def load_gold(path: str | Path) -> pd.DataFrame:
    """Read a gold CSV, or every ``*.csv`` of a folder: strings, ``value`` int, ``optional`` bool.

    ``value_low``/``value_high`` become nullable ints; a missing ``note`` column is
    added empty, a ``conflict`` column is kept when present. Raises ``ValueError``
    naming the rows with a missing column, a non-integer value or an ``optional``
    other than yes/no.
    """
    path = Path(path)
    if path.is_dir():
        frames = [load_gold(p) for p in sorted(path.glob("*.csv"))]
        if not frames:
            raise ValueError(f"{path}: no gold *.csv files")
        return pd.concat(frames, ignore_index=True)
    gold = pd.read_csv(path, dtype=str, keep_default_na=False)
    for col in _OPTIONAL_GOLD_COLUMNS:
        if col not in gold.columns:
            gold[col] = ""
    missing = [c for c in GOLD_COLUMNS if c not in gold.columns]
    if missing:
        raise ValueError(f"{path}: missing columns: {', '.join(missing)}")
    problems = []
    for col in ("value", "value_low", "value_high"):
        text = gold[col].str.strip()
        bad = ~text.str.fullmatch(r"\d+") & ((col == "value") | (text != ""))
        problems += [
            f"row {i + 2}: {col} {v!r} is not a whole number" for i, v in text[bad].items()
        ]
    optional = gold["optional"].str.strip().str.lower()
    problems += [
        f"row {i + 2}: optional {v!r} is not yes/no"
        for i, v in optional[~optional.isin(["yes", "no"])].items()
    ]
    if problems:
        raise ValueError(f"{path}: " + "; ".join(problems))
    gold["value"] = gold["value"].astype("int64")
    for col in ("value_low", "value_high"):
        gold[col] = pd.to_numeric(gold[col].replace("", None)).astype("Int64")
    gold["optional"] = optional.eq("yes")
    return gold.reset_index(drop=True)


# --------------------------------------------------------------------------- locating


def _shorten(text: str, width: int = 100) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def find_quote(text: str, quote: str) -> list[tuple[int, int]]:
    """Every span of ``quote`` in the normalised ``text``, trying looser forms in turn.

    First the quote as it stands, then the quote normalised like the text (quotes,
    dashes, spaces, mojibake), then both with any run of white space matching any
    other (line breaks, doubled spaces, the " \\n" a CRLF becomes). Empty when not found.
    """
    if not quote:
        return []
    for q in dict.fromkeys((quote, normalize(quote).text)):
        spans = [(m.start(), m.start() + len(q)) for m in re.finditer(re.escape(q), text)]
        if spans:
            return spans
    words = normalize(quote).text.split()
    if not words:
        return []
    loose = re.compile(r"\s+".join(re.escape(w) for w in words))
    return [m.span() for m in loose.finditer(text)]


def number_positions(quote: str, value_text: str) -> list[int]:
    """Offsets of ``value_text`` in ``quote`` where it stands as a whole number or word.

    Falls back to every plain occurrence when none stands alone.
    """
    if not value_text:
        return []
    bounded = re.compile(rf"(?<!\w)(?<!\d[.,]){re.escape(value_text)}(?!\w)(?![.,]\d)")
    found = [m.start() for m in bounded.finditer(quote)]
    return found or [m.start() for m in re.finditer(re.escape(value_text), quote)]


def _value_positions(span_text: str, value_text: str) -> list[int]:
    """``number_positions`` of the value as written, else as normalised, else loosely spaced."""
    for v in dict.fromkeys((value_text, normalize(value_text).text)):
        found = number_positions(span_text, v)
        if found:
            return found
    words = value_text.split()
    if len(words) > 1:
        loose = re.compile(r"\s+".join(re.escape(w) for w in words))
        return [m.start() for m in loose.finditer(span_text)]
    return []


def locate_gold(gold: pd.DataFrame, texts: Mapping[str, str]) -> tuple[pd.DataFrame, list[str]]:
    """Add ``quote_start`` and ``position`` (of the number) to ``gold``; list the rows not found.

    ``texts`` are the normalised documents. The quote is found with ``find_quote``;
    ``position`` is where ``value_text`` stands inside it as a whole number ("25" is
    not found inside "250"), else the quote's start. When several rows share a quote
    and a ``value_text`` ("one ..., one ...", or a sentence printed twice), the k-th of
    them in file order takes the k-th occurrence. Both are NA when the quote is not in
    the document; such rows and rows with an unknown doc_id are reported, not dropped.
    """
    starts: list[int | None] = []
    positions: list[int | None] = []
    errors = []
    seen: dict[tuple[str, str, str], int] = {}
    for i, row in gold.reset_index(drop=True).iterrows():
        text = texts.get(row["doc_id"])
        spans = [] if text is None else find_quote(text, row["quote"])
        if not spans:
            why = "unknown doc_id" if text is None else "quote not found in the normalised text"
            errors.append(
                f"gold row {i + 2} ({row['doc_id']}, {row['value_text']!r}): "
                f"{why}: {_shorten(row['quote'])!r}"
            )
            starts.append(None)
            positions.append(None)
            continue
        key = (row["doc_id"], row["quote"], row["value_text"])
        nth = seen[key] = seen.get(key, -1) + 1
        assert text is not None
        hits = [
            (s, s + p) for s, e in spans for p in _value_positions(text[s:e], row["value_text"])
        ]
        start, pos = hits[nth] if nth < len(hits) else hits[0] if hits else (spans[0][0],) * 2
        starts.append(start)
        positions.append(pos)
    out = gold.copy()
    out["quote_start"] = pd.array(starts, dtype="Int64")
    out["position"] = pd.array(positions, dtype="Int64")
    return out, errors


# --------------------------------------------------------------------------- document sets


@dataclass(frozen=True)
class DocumentSet:
    """Raw texts by doc_id, their catalog (one row each, strings) and the gold rows."""

    name: str
    texts: dict[str, str]
    catalog: pd.DataFrame
    gold: pd.DataFrame

    def select(self, doc_ids: Iterable[str] | None) -> DocumentSet:
        """The same set restricted to ``doc_ids``; ``KeyError`` naming unknown ids."""
        if doc_ids is None:
            return self
        wanted = list(dict.fromkeys(doc_ids))
        unknown = [d for d in wanted if d not in self.texts]
        if unknown:
            raise KeyError(
                f"unknown doc_id(s) {', '.join(unknown)}; valid ids: {', '.join(self.texts)}"
            )
        keep = self.gold["doc_id"].isin(wanted) | ~self.gold["doc_id"].isin(self.texts)
        return DocumentSet(
            self.name,
            {d: self.texts[d] for d in wanted},
            self.catalog[self.catalog["doc_id"].isin(wanted)].reset_index(drop=True),
            # Rows of unknown documents stay, to be reported by ``locate_gold``.
            self.gold[keep].reset_index(drop=True),
        )


def load_catalog(paths: str | Path | Sequence[str | Path]) -> pd.DataFrame:
    """One or more catalog CSVs as one frame of strings (missing columns and cells are "")."""
    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
    frames = [pd.read_csv(p, dtype=str, keep_default_na=False) for p in paths]
    catalog = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    for col in CATALOG_COLUMNS:
        if col not in catalog.columns:
            catalog[col] = ""
    catalog = catalog.fillna("")
    dupes = catalog["doc_id"][catalog["doc_id"].duplicated()].tolist()
    if dupes:
        raise ValueError(f"doc_id(s) listed twice in the catalog: {', '.join(dupes)}")
    return catalog.reset_index(drop=True)


def load_document_set(
    docs: str | Path,
    catalogs: Sequence[str | Path],
    gold: str | Path,
    *,
    name: str = "documents",
) -> DocumentSet:
    """``docs/*.txt`` (doc_id = file name without .txt), their catalogs and gold (CSV or folder).

    A document missing from the catalogs gets empty metadata; a catalog row without
    a text file is an error.
    """
    docs = Path(docs)
    if not docs.is_dir():
        raise FileNotFoundError(f"documents folder not found: {docs}")
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(docs.glob("*.txt"))}
    if not texts:
        raise FileNotFoundError(f"no .txt documents in {docs}")
    catalog = load_catalog(catalogs)
    orphans = sorted(set(catalog["doc_id"]) - set(texts))
    if orphans:
        raise FileNotFoundError(f"catalog lists documents without a text in {docs}: {orphans}")
    extra = pd.DataFrame({"doc_id": [d for d in texts if d not in set(catalog["doc_id"])]})
    catalog = pd.concat([catalog, extra], ignore_index=True).fillna("")
    catalog = catalog.set_index("doc_id").loc[list(texts)].reset_index()
    return DocumentSet(name, texts, catalog, load_gold(gold))


def default_devset_dir() -> Path:
    """``$LOSSDATA_DEVSET``, else ``../shared/devset`` beside the current directory or,
    for an editable install, beside the repository."""
    env = os.environ.get("LOSSDATA_DEVSET")
    if env:
        return Path(env)
    here = Path.cwd().parent / "shared" / "devset"
    return here if here.is_dir() else REPO_ROOT.parent / "shared" / "devset"


def load_devset(path: str | Path | None = None) -> DocumentSet:
    """The development set in ``path`` (default ``default_devset_dir()``)."""
    root = Path(path) if path is not None else default_devset_dir()
    if not root.is_dir():
        raise FileNotFoundError(f"devset folder not found: {root} (set LOSSDATA_DEVSET)")
    catalogs = sorted(root.glob("catalog*.csv"))
    return load_document_set(root / "docs", catalogs, root / "gold", name="devset")


def default_seed_gold() -> Path:
    """``tests/gold/claims.csv`` under the current directory if there, else in the repository."""
    here = Path.cwd() / SEED_GOLD
    return here if here.is_file() else REPO_ROOT / SEED_GOLD


def load_seeds(gold: str | Path | None = None) -> DocumentSet:
    """The package's seeds (normalised texts) with the seed gold (``default_seed_gold()``)."""
    import lossdata

    seeds = lossdata.load_documents()
    texts = {d: lossdata.read_document(d) for d in seeds["doc_id"]}
    catalog = pd.DataFrame({"doc_id": list(texts)})
    for col in CATALOG_COLUMNS[1:]:
        values = seeds[col] if col in seeds.columns else pd.Series([""] * len(seeds))
        if col == "published":
            values = pd.to_datetime(values).dt.strftime("%Y-%m-%d")
        catalog[col] = values.fillna("").astype(str).to_numpy()
    path = Path(gold) if gold is not None else default_seed_gold()
    return DocumentSet("seeds", texts, catalog, load_gold(path))
