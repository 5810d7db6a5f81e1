"""Seeds -> ``data/claims.csv``, its ``datapackage.json`` and its card ``README.md``,
deterministically and atomically."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from pathlib import Path

import pandas as pd

from ._card import card
from ._io import atomic_write
from .export import spreadsheet_safe as _spreadsheet_safe
from .extract import extract_claims
from .schema import datapackage, validate

__all__ = [
    "SeedReadError",
    "build",
    "build_claims",
    "claims_to_csv",
    "data_version_of",
    "describe",
    "read_catalog",
    "write_atomic",
]


class SeedReadError(OSError):
    """One or more seed texts could not be read; the message names each and why."""


CATALOG_COLUMNS = ["doc_id", "title", "outlet", "url", "published", "date_note"]
# Optional: the data card lists them per source (the shipped catalog has both).
CARD_COLUMNS = ["licence", "provenance"]


def read_catalog(seeds_dir: str | os.PathLike) -> list[dict[str, str]]:
    """The rows of ``seeds_dir/catalog.csv``, checked: the ``CATALOG_COLUMNS`` (other
    columns, such as the ``CARD_COLUMNS``, are kept), one row per text file."""
    seeds = Path(seeds_dir)
    path = seeds / "catalog.csv"
    if not path.is_file():
        raise FileNotFoundError(f"no catalog at {path}: a seeds folder needs catalog.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in CATALOG_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path} lacks columns: {', '.join(missing)}")
        rows = list(reader)
    ids = [r["doc_id"] for r in rows]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{path} lists a doc_id twice")
    for r in rows:
        if not (seeds / f"{r['doc_id']}.txt").is_file():
            raise FileNotFoundError(f"{path} lists {r['doc_id']!r} but its .txt is missing")
    texts = {p.stem for p in seeds.glob("*.txt")}
    unlisted = sorted(texts - set(ids))
    if unlisted:
        raise ValueError(f"{path} does not list: {', '.join(unlisted)}")
    return rows


def build_claims(seeds_dir: str | os.PathLike) -> pd.DataFrame:
    """Extract the claims of every document in ``seeds_dir`` into one validated table."""
    seeds = Path(seeds_dir)
    frames, unreadable = [], []
    for row in read_catalog(seeds):
        path = seeds / f"{row['doc_id']}.txt"
        try:
            raw = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            unreadable.append(f"{path}: {_reason(exc)}")
            continue
        frames.append(
            extract_claims(
                raw,
                doc_id=row["doc_id"],
                published=row["published"] or None,
                outlet=row["outlet"] or None,
            )
        )
    if unreadable:
        # Never a dataset that silently lacks a document.
        raise SeedReadError(f"could not read {len(unreadable)} seed(s): " + "; ".join(unreadable))
    df = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    df = df.sort_values(["doc_id", "char_start", "category"], kind="stable")
    return validate(df.reset_index(drop=True))


def _reason(exc: BaseException) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return f"not UTF-8 (byte {exc.start}: {exc.reason})"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc)


def claims_to_csv(df: pd.DataFrame, *, spreadsheet_safe: bool = False) -> bytes:
    """The table as UTF-8 CSV bytes: same table, same bytes.

    With ``spreadsheet_safe=True`` text cells that a spreadsheet would run as a
    formula are escaped with a leading single quote (see ``lossdata.export``);
    read such a file back with ``read_claims_csv(..., spreadsheet_safe=True)``.
    """
    if spreadsheet_safe:
        df = _spreadsheet_safe(df)
    buf = io.StringIO()
    df.to_csv(buf, index=False, lineterminator="\n", date_format="%Y-%m-%d")
    return buf.getvalue().encode("utf-8")


write_atomic = atomic_write  # the name earlier versions exported


def data_version_of(data: bytes) -> str:
    """The data version of a table file: ``<package version>+<first 12 hex of its sha256>``,
    so that it changes whenever the bytes do."""
    from . import __version__

    return f"{__version__}+{hashlib.sha256(data).hexdigest()[:12]}"


def describe(data: bytes, rows: int, path: str = "claims.csv") -> dict:
    """The Data Package descriptor of a table file: schema, sha256, size, row count and the
    data version."""
    descriptor = datapackage(path)
    descriptor["resources"][0].update(
        hash="sha256:" + hashlib.sha256(data).hexdigest(), bytes=len(data), rows=rows
    )
    descriptor["version"] = data_version_of(data)
    return descriptor


def build(seeds_dir: str | os.PathLike = "seeds", data_dir: str | os.PathLike = "data") -> Path:
    """Rebuild ``data_dir/claims.csv``, ``datapackage.json`` and ``README.md`` from ``seeds_dir``.

    The descriptor records the table's sha256, size, row count and data version, which
    ``load_claims`` checks; the README is the data card (``lossdata.describe()``) written
    from the same descriptor and the seeds' catalog. The table is written first.
    """
    df = build_claims(seeds_dir)
    data = claims_to_csv(df)
    out = atomic_write(Path(data_dir) / "claims.csv", data)
    descriptor = describe(data, len(df))
    text = json.dumps(descriptor, indent=2, sort_keys=True) + "\n"
    atomic_write(Path(data_dir) / "datapackage.json", text.encode("utf-8"))
    readme = card(descriptor, read_catalog(seeds_dir), name=descriptor["resources"][0]["name"])
    atomic_write(Path(data_dir) / "README.md", readme.encode("utf-8"))
    return out
