"""The claims of a whole corpus: many documents, over worker processes, in input order.

``iter_corpus`` yields validated claims tables batch by batch as the documents are
done, so memory stays flat however long the input; ``extract_corpus`` gathers them
into one table. Either equals ``extract_claims`` run on each document in turn, the
tables concatenated. A batch is validated once (``claims_frame``), never per document.

Workers get one small task per few documents, a ``(text, metadata)`` tuple each, and
send back plain tuples (one per claim); nothing large is pickled per task.
"""

from __future__ import annotations

import contextlib
import operator
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, NamedTuple

import pandas as pd

from ._pool import CorpusError, Task, ordered_map
from .conflicts import get_profile
from .dates import to_date
from .extract import Claim, claims_frame, iter_claims, paused_gc
from .schema import COLUMNS
from .settings import SETTINGS

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "Batch",
    "CorpusError",
    "Job",
    "MetadataError",
    "Outcome",
    "extract_corpus",
    "iter_corpus",
    "ordered_map",
    "stream",
]

# Documents per validated batch: validation costs some 60 ms a batch whatever its size,
# so a batch is large; a batch of claim-dense documents closes early at MAX_BATCH_ROWS.
DEFAULT_BATCH_SIZE = 512
MAX_BATCH_ROWS = 50_000
_as_row = operator.attrgetter(*COLUMNS)  # a Claim as a plain tuple, cheap to pickle


class MetadataError(ValueError):
    """A document's metadata field that cannot be used; ``field`` names it."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field


@dataclass(frozen=True)
class Outcome:
    """What became of one document: its claims as tuples, or why it was skipped."""

    source: str  # the document as messages name it ("a.txt", "b.jsonl:3", "document 7")
    doc_id: str | None = None
    rows: tuple[tuple[Any, ...], ...] = ()
    skipped: str | None = None  # a short kind of reason, for summaries ("bad JSON")
    reason: str = ""  # the reason in full
    notes: tuple[str, ...] = ()  # things worth saying that are no failure

    size: ClassVar[int] = 0  # no work to do

    def run(self) -> Outcome:
        """An outcome known before any work (a skip found while reading) is itself."""
        return self


class Job(NamedTuple):
    """One document's text and metadata, as sent to a worker."""

    source: str
    doc_id: str
    text: str
    published: str | None = None
    outlet: str | None = None
    conflict: str | None = None
    notes: tuple[str, ...] = ()

    @property
    def size(self) -> int:
        return len(self.text)

    def run(self) -> Outcome:
        """Extract the document's claims; any failure becomes a skip, never an exception."""
        if len(self.text) > SETTINGS.max_text:
            return self._skip(
                "too large",
                f"text is {len(self.text):,} characters; split it below {SETTINGS.max_text:,}",
            )
        try:
            claims = iter_claims(
                self.text,
                doc_id=self.doc_id,
                published=self.published,
                outlet=self.outlet,
                conflict=self.conflict,
            )
            with paused_gc():  # see lossdata.extract.paused_gc
                rows = tuple(map(_as_row, claims))
        except Exception as exc:  # a bug in the grammar must not sink the corpus
            return self._skip(
                "extraction failed",
                f"unexpected {type(exc).__name__}: {exc} (please report this)",
            )
        return Outcome(self.source, self.doc_id, rows, notes=self.notes)

    def _skip(self, kind: str, reason: str) -> Outcome:
        return Outcome(self.source, self.doc_id, skipped=kind, reason=reason, notes=self.notes)


@dataclass(frozen=True)
class Batch:
    """Consecutive documents' outcomes and their claims as one validated table."""

    frame: pd.DataFrame
    outcomes: list[Outcome]
    dropped: list[str]  # rows dropped for breaking the contract, in words


# --------------------------------------------------------------------------- batches


def stream(
    tasks: Iterable[Task],
    *,
    jobs: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> Iterator[Batch]:
    """Run ``tasks`` (see ``ordered_map``) and yield their outcomes ``batch_size`` at a time
    (fewer when they hold ``MAX_BATCH_ROWS`` claims) with the claims as one validated
    table; ``on_outcome`` sees each outcome as it arrives (a progress bar, a skip
    reported at once)."""
    group: list[Outcome] = []
    rows = 0
    with contextlib.closing(ordered_map(tasks, jobs=jobs)) as outcomes:  # stops the pool
        for outcome in outcomes:
            if on_outcome is not None:
                on_outcome(outcome)
            group.append(outcome)
            rows += len(outcome.rows)
            if len(group) >= batch_size or rows >= MAX_BATCH_ROWS:
                yield _batch(group)
                group, rows = [], 0
    if group:
        yield _batch(group)


def _batch(outcomes: list[Outcome]) -> Batch:
    claims = [Claim(*row) for o in outcomes for row in o.rows]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frame = claims_frame(claims)  # validates the batch once
    # claims_frame sorts by doc_id; restore the input order of the documents (doc ids
    # are unique, and within a document the order is extract_claims's own).
    position = {o.doc_id: i for i, o in enumerate(outcomes) if o.rows}
    if len(position) > 1:
        order = frame["doc_id"].map(position).to_numpy()
        if (order[1:] < order[:-1]).any():
            frame = frame.take(order.argsort(kind="stable")).reset_index(drop=True)
    return Batch(frame, outcomes, [str(w.message) for w in caught])


# --------------------------------------------------------------------------- the API

Record = str | tuple[str, Mapping[str, Any]] | Mapping[str, Any]


def iter_corpus(
    docs: Iterable[Record],
    *,
    jobs: int = 1,
    conflict: str | None = None,
    published: Any = None,
    outlet: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    errors: Literal["raise", "warn"] = "raise",
) -> Iterator[pd.DataFrame]:
    """The claims of ``docs`` as validated tables of up to ``batch_size`` documents, in order.

    A document is a text, a ``(text, metadata)`` pair, or a mapping with ``"text"``;
    metadata may give ``doc_id``, ``published``, ``outlet`` and ``conflict`` (other keys
    are ignored; a missing, None, empty or NaN value takes the keyword's default).
    A document without a ``doc_id`` gets ``doc-<n>``, n its 0-based position in ``docs``.
    ``jobs`` worker processes share the work (1: in this process). ``docs`` is read
    lazily, a few batches ahead. Batches without claims are not yielded.

    A document that cannot be extracted (not text, a bad date, a repeated doc_id, ...)
    raises ``CorpusError`` (or ``TypeError``) naming it, or with ``errors="warn"`` is
    skipped with a warning. Rows that break the contract are dropped with a warning,
    as in ``extract_claims``.
    """
    if not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be a whole number of at least 1, got {jobs!r}")
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a whole number of at least 1, got {batch_size!r}")
    if errors not in ("raise", "warn"):
        raise ValueError(f"errors must be 'raise' or 'warn', got {errors!r}")
    defaults = check_metadata({"published": published, "outlet": outlet, "conflict": conflict})
    batches = stream(_jobs(docs, defaults, errors), jobs=jobs, batch_size=batch_size)
    with contextlib.closing(batches):  # the caller stopping early stops the workers
        for batch in batches:
            for message in batch.dropped:
                warnings.warn(message, stacklevel=2)
            for o in batch.outcomes:
                if o.skipped and errors == "raise":
                    raise CorpusError(f"{o.source}: {o.reason}")
                if o.skipped:
                    warnings.warn(f"skipped {o.source}: {o.reason}", stacklevel=2)
            if len(batch.frame):
                yield batch.frame


def extract_corpus(
    docs: Iterable[Record],
    *,
    jobs: int = 1,
    conflict: str | None = None,
    published: Any = None,
    outlet: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    errors: Literal["raise", "warn"] = "raise",
) -> pd.DataFrame:
    """Every claim of ``docs`` as one validated table (see ``iter_corpus`` for the options).

    >>> extract_corpus(["The ministry said 12 soldiers were killed."])["doc_id"].tolist()
    ['doc-0']
    """
    frames = list(
        iter_corpus(
            docs,
            jobs=jobs,
            conflict=conflict,
            published=published,
            outlet=outlet,
            batch_size=batch_size,
            errors=errors,
        )
    )
    if not frames:
        return claims_frame([])
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


def _jobs(
    docs: Iterable[Record], defaults: dict[str, str | None], errors: str
) -> Iterator[Job | Outcome]:
    seen: set[str] = set()
    for n, record in enumerate(docs):
        source = f"document {n}"
        try:
            text, meta = _unpack(record)
            fields = check_metadata(meta, doc_id=True)
            doc_id = fields.pop("doc_id") or f"doc-{n}"
            if doc_id in seen:
                raise ValueError(f"repeats the doc_id {doc_id!r} of an earlier document")
        except (TypeError, ValueError) as exc:
            if errors == "raise":
                error = TypeError if isinstance(exc, TypeError) else CorpusError
                raise error(f"{source}: {exc}") from None
            yield Outcome(source, skipped="bad document", reason=str(exc))
            continue
        seen.add(doc_id)
        merged = {k: v if v is not None else defaults[k] for k, v in fields.items()}
        yield Job(source, doc_id, text, **merged)


def _unpack(record: object) -> tuple[str, Mapping[str, Any]]:
    if isinstance(record, str):
        return record, {}
    if isinstance(record, Mapping):
        text, meta = record.get("text"), record
    elif isinstance(record, (tuple, list)) and len(record) == 2:
        text, meta = record
        if meta is None:
            meta = {}
        if not isinstance(meta, Mapping):
            raise TypeError(f"metadata must be a mapping, got {type(meta).__name__}")
    else:
        raise TypeError(
            "a document is a text, a (text, metadata) pair or a mapping with 'text'; "
            f"got {type(record).__name__}"
        )
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    return text, meta


def _missing(value: object) -> bool:
    if value is None or (isinstance(value, str) and not value.strip()):
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or an array
        return False


def check_metadata(meta: Mapping[str, Any], *, doc_id: bool = False) -> dict[str, str | None]:
    """Checked metadata: ``published`` as an ISO day, ``conflict`` a known id, the rest
    strings; None where missing. Raises ``MetadataError`` naming the field."""
    out: dict[str, str | None] = {}
    for key in ("doc_id",) * doc_id + ("published", "outlet", "conflict"):
        value = meta.get(key)
        try:
            out[key] = _field(key, value)
        except (TypeError, ValueError) as exc:
            raise MetadataError(key, str(exc)) from None
    return out


def _field(key: str, value: object) -> str | None:
    if _missing(value):
        return None
    if key == "published":
        return to_date(value).isoformat()  # type: ignore[union-attr]
    if key == "doc_id" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise TypeError(f"{key} must be a string, got {type(value).__name__}")
    if key == "conflict":
        get_profile(value)  # a clear error naming the valid ids
    return value
