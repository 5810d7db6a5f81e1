"""The documents of ``lossdata extract``: files, folders, JSONL lines and standard input.

Read lazily and in a fixed order: the paths as given; a folder's files recursively,
sorted by name at every level, keeping ``.txt``, ``.md``, ``.html``/``.htm`` and
``.jsonl`` (other files are counted as ignored). A file named on the command line is
read as text whatever its suffix, unless it is HTML or JSONL.

- Text files are read in a worker (bounded by ``limit``, encoding detected, see
  ``lossdata.inputs``); so are HTML pages, stripped of markup and boilerplate by
  trafilatura when it is installed (``lossdata[html]``).
- A JSONL file holds one document a line: ``text``, and optionally ``doc_id``,
  ``published``, ``outlet``, ``conflict`` (``url`` and other keys are ignored). Lines
  are read here, one at a time, each bounded by ``limit``; blank lines are skipped.
- Standard input (``-``) is one plain text, or JSONL when ``stdin_format`` says so
  or, with ``"auto"``, when its first non-blank character is ``{``.

A document's doc_id is a file's stem (or ``doc_id`` for a single text), a JSONL line's
``doc_id`` or ``<file stem>:<line number>``, ``stdin`` for a text on standard input.
Its metadata is the line's own, then the catalog's row for its doc_id, then the
defaults. Whatever cannot be read becomes a skipped ``Outcome`` with its reason.
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import json
import os
import stat
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from .corpus import Job, MetadataError, Outcome, check_metadata
from .inputs import InputError, decode, describe_size, read_text

__all__ = ["CatalogError", "FileJob", "Options", "Reader", "read_catalog"]

SUFFIXES = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
HTML_MISSING = "install lossdata[html] to read HTML"
_BOM = b"\xef\xbb\xbf"
_SNIFF = 64 * 1024


class CatalogError(ValueError):
    """A ``--catalog`` file that cannot be used; the message names the file and the row."""


@dataclass(frozen=True)
class Options:
    """How to read the documents."""

    limit: int  # bytes per text or HTML file, per JSONL line, for standard input
    defaults: Mapping[str, str | None] = field(default_factory=dict)  # published, outlet, ...
    catalog: Mapping[str, Mapping[str, str | None]] = field(default_factory=dict)
    stdin_format: str = "auto"  # "auto", "text" or "jsonl"
    doc_id: str | None = None  # the doc_id of a single plain text


def read_catalog(path: str | os.PathLike[str]) -> dict[str, dict[str, str | None]]:
    """The metadata of ``path``, a CSV with ``doc_id`` and any of ``published``, ``outlet``
    and ``conflict`` (other columns are ignored), by doc_id; checked row by row."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            if "doc_id" not in (reader.fieldnames or []):
                raise CatalogError(f"{path}: a catalog needs a doc_id column")
            rows: dict[str, dict[str, str | None]] = {}
            for n, row in enumerate(reader, start=2):  # line 1 is the header
                doc_id = (row.get("doc_id") or "").strip()
                if not doc_id:
                    raise CatalogError(f"{path}: line {n}: doc_id is empty")
                if doc_id in rows:
                    raise CatalogError(f"{path}: line {n}: doc_id {doc_id!r} is listed twice")
                try:
                    rows[doc_id] = check_metadata(row)
                except MetadataError as exc:
                    raise CatalogError(f"{path}: line {n}: {exc}") from None
    except UnicodeDecodeError as exc:
        raise CatalogError(f"{path}: not UTF-8 (byte {exc.start})") from None
    except csv.Error as exc:
        raise CatalogError(f"{path}: not a CSV file ({exc})") from None
    return rows


class FileJob(NamedTuple):
    """A text or HTML file to read and extract, in a worker."""

    source: str
    doc_id: str
    path: str
    html: bool
    limit: int
    published: str | None = None
    outlet: str | None = None
    conflict: str | None = None
    size: int = 0  # bytes on disk, for grouping files into tasks

    def run(self) -> Outcome:
        """Read the file, then extract its claims; a failure becomes a skip."""
        try:
            got = read_text(self.path, limit=self.limit)
        except (OSError, InputError) as exc:
            kind, reason = _why(exc)
            return Outcome(self.source, self.doc_id, skipped=kind, reason=reason)
        notes = (f"not UTF-8; read as {got.encoding}",) if got.assumed else ()
        text = got.text
        if self.html:
            try:
                text = _strip_html(text)
            except Exception as exc:  # lxml and trafilatura raise many kinds
                reason = f"could not read the HTML ({type(exc).__name__}: {exc})"
                return Outcome(self.source, self.doc_id, skipped="bad HTML", reason=reason)
        meta = (self.published, self.outlet, self.conflict)
        return Job(self.source, self.doc_id, text, *meta, notes=notes).run()


@functools.cache
def _html_available() -> bool:
    try:
        import trafilatura  # noqa: F401
    except ImportError:  # missing, or installed without a dependency it needs
        return False
    return True


def _strip_html(html: str) -> str:
    import trafilatura

    # None when the page has no main text: an empty document, not an error.
    return trafilatura.extract(html, include_tables=True, include_comments=False) or ""


def _why(exc: BaseException) -> tuple[str, str]:
    """A reason to skip an input: a short kind for the summary, and the reason in full."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower(), exc.strerror
    reason = str(exc)
    if isinstance(exc, InputError):
        return ("too large" if reason.startswith("larger than") else "not text"), reason
    return "unreadable", reason or type(exc).__name__


class Reader:
    """Turns the command line's paths into tasks for ``lossdata.corpus.stream``, lazily."""

    def __init__(self, options: Options, stdin: BinaryIO | None = None) -> None:
        self.options = options
        self.stdin = stdin
        self.ignored = 0  # files in folders with other suffixes
        self._seen: dict[str, str] = {}  # doc_id -> the source that used it first

    def tasks(self, paths: Sequence[str]) -> Iterator[Job | FileJob | Outcome]:
        """A task (or a skip) per document, in a fixed order."""
        for path in paths:
            if path == "-":
                yield from self._stdin()
                continue
            try:
                st = os.stat(path)
            except OSError as exc:
                yield self._skip(path, exc)
                continue
            if stat.S_ISDIR(st.st_mode):
                yield from self._folder(Path(path))
            else:
                kind = SUFFIXES.get(Path(path).suffix.lower(), "text")
                yield from self._file(Path(path), kind, st.st_size)

    # ----------------------------------------------------------------------- files

    def _folder(self, root: Path) -> Iterator[Job | FileJob | Outcome]:
        found = False
        for item in self._walk(root, frozenset()):
            found = True
            if isinstance(item, Outcome):
                yield item
            else:
                yield from self._file(*item)
        if not found:
            what = ", ".join(SUFFIXES)
            yield Outcome(str(root), skipped="no documents", reason=f"no {what} files")

    def _walk(self, folder: Path, parents: frozenset) -> Iterator[tuple[Path, str, int] | Outcome]:
        """The files to read under ``folder`` with their kind and size, sorted at every level, and
        a skip for each folder that cannot be listed.

        ``parents`` holds the (device, inode) of the folders above, to stop at a
        symbolic link that leads back up (a loop).
        """
        try:
            st = os.stat(folder)
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            yield self._skip(str(folder), exc)
            return
        here = parents | {(st.st_dev, st.st_ino)}
        for entry in entries:
            path = Path(entry.path)
            kind = SUFFIXES.get(path.suffix.lower())
            try:
                inner = os.stat(path) if entry.is_dir() else None
            except OSError as exc:  # a link to itself, a folder that vanished
                yield self._skip(str(path), exc)
                continue
            if inner is not None and (inner.st_dev, inner.st_ino) in here:
                yield Outcome(
                    str(path), skipped="folder loop", reason="links back to a folder above it"
                )
            elif inner is not None:
                yield from self._walk(path, here)
            elif kind is None:
                self.ignored += 1
            elif entry.is_file():
                yield path, kind, entry.stat().st_size
            elif entry.is_symlink():  # a broken link: reported when it is opened
                yield path, kind, 0
            else:  # reading a FIFO named *.txt would wait forever
                yield Outcome(str(path), skipped="not a file", reason="not a regular file")

    def _file(self, path: Path, kind: str, size: int) -> Iterator[Job | FileJob | Outcome]:
        if kind == "jsonl":
            try:
                fh = open(path, "rb")  # noqa: SIM115 - closed below, read lazily
            except OSError as exc:
                yield self._skip(str(path), exc)
                return
            with fh:
                yield from self._jsonl(fh, str(path), path.stem)
        elif kind == "html" and not _html_available():
            yield Outcome(str(path), skipped=HTML_MISSING, reason=HTML_MISSING)
        else:
            doc_id = self.options.doc_id or path.stem
            task = FileJob(
                str(path),
                doc_id,
                str(path),
                kind == "html",
                self.options.limit,
                *self._meta(doc_id),
                size=size,
            )
            yield self._claim(task)

    # ----------------------------------------------------------------------- JSONL

    def _jsonl(self, fh: Any, name: str, stem: str) -> Iterator[Job | Outcome]:
        limit = self.options.limit
        for number in itertools.count(1):
            try:
                line = fh.readline(limit + 1)
            except OSError as exc:
                yield self._skip(name, exc)
                return
            if not line:
                return
            source = f"{name}:{number}"
            if number == 1:
                line = line.removeprefix(_BOM)
            if len(line) > limit and not line.endswith(b"\n"):
                while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
                reason = f"line larger than {describe_size(limit)}; not read"
                yield Outcome(source, skipped="too large", reason=reason)
                continue
            if not line.strip():
                continue
            yield self._line(line, source, f"{stem}:{number}")

    def _line(self, line: bytes, source: str, default_id: str) -> Job | Outcome:
        try:
            record = json.loads(line)
        except UnicodeDecodeError:
            return Outcome(source, skipped="bad JSON", reason="not UTF-8")
        except json.JSONDecodeError as exc:
            reason = f"not valid JSON: {exc.msg} (column {exc.colno})"
            return Outcome(source, skipped="bad JSON", reason=reason)
        if not isinstance(record, dict):
            return Outcome(source, skipped="bad JSON", reason="not a JSON object")
        text = record.get("text")
        if not isinstance(text, str):
            what = "has no" if text is None else "has a non-text"
            return Outcome(source, skipped="no text", reason=f'{what} "text" field')
        try:
            own = check_metadata(record, doc_id=True)
        except MetadataError as exc:
            kind = "bad published date" if exc.field == "published" else "bad metadata"
            return Outcome(source, skipped=kind, reason=str(exc))
        doc_id = own["doc_id"] or default_id
        return self._claim(Job(source, doc_id, text, *self._meta(doc_id, own)))

    # ----------------------------------------------------------------------- stdin

    def _stdin(self) -> Iterator[Job | Outcome]:
        if self.stdin is None:
            yield Outcome("<stdin>", skipped="no standard input", reason="no standard input")
            return
        prefix, fmt = b"", self.options.stdin_format
        if fmt == "auto":
            prefix = _sniff(self.stdin, self.options.limit)
            fmt = "jsonl" if prefix.removeprefix(_BOM).lstrip()[:1] == b"{" else "text"
        if fmt == "jsonl":
            if self.options.doc_id:
                raise ValueError(
                    "--doc-id: standard input is JSONL; give each line a doc_id instead"
                )
            yield from self._jsonl(_Prefixed(prefix, self.stdin), "<stdin>", "stdin")
            return
        limit = self.options.limit
        try:
            data = prefix + self.stdin.read(max(0, limit + 1 - len(prefix)))
            if len(data) > limit:
                raise InputError(f"larger than {describe_size(limit)}; not read")
            got = decode(data)
        except (OSError, InputError) as exc:
            yield self._skip("<stdin>", exc)
            return
        doc_id = self.options.doc_id or "stdin"
        notes = (f"not UTF-8; read as {got.encoding}",) if got.assumed else ()
        yield self._claim(Job("<stdin>", doc_id, got.text, *self._meta(doc_id), notes=notes))

    # ----------------------------------------------------------------------- helpers

    def _meta(self, doc_id: str, own: Mapping[str, str | None] | None = None) -> tuple:
        """published, outlet, conflict: the document's own, the catalog's, the defaults'."""
        row = self.options.catalog.get(doc_id, {})
        own = own or {}
        return tuple(
            next((v for v in (own.get(k), row.get(k), self.options.defaults.get(k)) if v), None)
            for k in ("published", "outlet", "conflict")
        )

    def _claim(self, task: Job | FileJob) -> Job | FileJob | Outcome:
        """``task``, unless an earlier document has its doc_id."""
        first = self._seen.get(task.doc_id)
        if first is not None:  # the same file named twice, or two files of the same name
            reason = f"repeats the doc_id {task.doc_id!r} of {first}"
            return Outcome(task.source, task.doc_id, skipped="repeated doc_id", reason=reason)
        self._seen[task.doc_id] = task.source
        return task

    @staticmethod
    def _skip(source: str, exc: BaseException) -> Outcome:
        kind, reason = _why(exc)
        return Outcome(source, skipped=kind, reason=reason)


def _sniff(stream: BinaryIO, limit: int) -> bytes:
    """The first bytes of ``stream``, up to its first non-blank one (or ``limit``)."""
    read = getattr(stream, "read1", stream.read)  # what is there: a pipe may stay open
    data = b""
    while len(data) <= limit:
        chunk = read(_SNIFF)
        data += chunk
        if not chunk or data.removeprefix(_BOM).strip():
            break
    return data


class _Prefixed:
    """``readline`` over bytes already read, then the rest of a stream."""

    def __init__(self, prefix: bytes, stream: BinaryIO) -> None:
        self._head = io.BytesIO(prefix)
        self._stream = stream

    def readline(self, size: int = -1) -> bytes:
        line = self._head.readline(size)
        if line.endswith(b"\n") or (size >= 0 and len(line) >= size):
            return line
        return line + self._stream.readline(-1 if size < 0 else size - len(line))
