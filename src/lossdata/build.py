"""Seeds -> ``data/claims.csv`` (and its ``datapackage.json``), deterministically and atomically."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path

import pandas as pd

from .extract import extract_claims
from .schema import datapackage, validate

__all__ = ["build", "build_claims", "claims_to_csv", "read_catalog", "write_atomic"]

CATALOG_COLUMNS = ["doc_id", "title", "outlet", "url", "published", "date_note"]


def read_catalog(seeds_dir: str | os.PathLike) -> list[dict[str, str]]:
    """The rows of ``seeds_dir/catalog.csv``, checked: known columns, one row per text file."""
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
    frames = []
    for row in read_catalog(seeds):
        raw = (seeds / f"{row['doc_id']}.txt").read_text(encoding="utf-8")
        frames.append(extract_claims(raw, doc_id=row["doc_id"],
                                     published=row["published"] or None,
                                     outlet=row["outlet"] or None))
    df = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    df = df.sort_values(["doc_id", "char_start", "category"], kind="stable")
    return validate(df.reset_index(drop=True))


def claims_to_csv(df: pd.DataFrame) -> bytes:
    """The table as UTF-8 CSV bytes: same table, same bytes."""
    buf = io.StringIO()
    df.to_csv(buf, index=False, lineterminator="\n", date_format="%Y-%m-%d")
    return buf.getvalue().encode("utf-8")


def write_atomic(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` via a temporary file and a rename: readers never see half."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def build(seeds_dir: str | os.PathLike = "seeds", data_dir: str | os.PathLike = "data") -> Path:
    """Rebuild ``data_dir/claims.csv`` and ``datapackage.json`` from ``seeds_dir``."""
    df = build_claims(seeds_dir)
    out = write_atomic(Path(data_dir) / "claims.csv", claims_to_csv(df))
    descriptor = json.dumps(datapackage("claims.csv"), indent=2, sort_keys=True) + "\n"
    write_atomic(Path(data_dir) / "datapackage.json", descriptor.encode("utf-8"))
    return out
