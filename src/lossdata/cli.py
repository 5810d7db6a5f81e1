"""Command line: ``lossdata build | figures | extract | validate | evaluate``."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from . import __version__

__all__ = ["main"]

# lossdata._writers.FORMATS, written out: importing it would load pandas for --help.
FORMATS = ("csv", "jsonl", "parquet")


class _FileError(Exception):
    """An error about one input or output, reported as ``<file>: <reason>``."""

    def __init__(self, name: object, reason: str) -> None:
        super().__init__(f"{name}: {reason}")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="lossdata", description=__doc__)
    p.add_argument(
        "--version",
        action="version",
        version=f"lossdata {__version__}",
        help="print the version and exit",
    )
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="rebuild data/claims.csv (and the charts) from seeds/")
    b.add_argument("--seeds", default="seeds", help="folder of .txt files and catalog.csv")
    b.add_argument("--data", default="data", help="output folder for claims.csv")
    b.add_argument("--figures", default="docs/figures", help="output folder for the charts")
    b.add_argument("--no-figures", action="store_true", help="build the table only")
    f = sub.add_parser("figures", help="draw every chart as PNG and SVG")
    f.add_argument("-o", "--output", default="docs/figures", help="output folder")
    f.add_argument("--data", default=None, help="claims.csv to draw (default: the shipped one)")
    e = sub.add_parser(
        "extract",
        help="extract the claims of texts, folders, JSONL files or stdin",
        description="Extract the claims of every document: text (.txt, .md), HTML (.html, "
        ".htm) and JSONL files, folders (read recursively, in sorted order) and - for "
        "standard input, in parallel; the table goes to standard output or -o FILE.",
        epilog="A document's doc_id is its file name without the suffix, a JSONL line's "
        "doc_id (else <file stem>:<line number>), or 'stdin'. Its metadata is the JSONL "
        "line's, then the --catalog row's, then --published, --outlet and --conflict. "
        "A document that cannot be read is skipped with a line on standard error, and "
        "the exit status is then 1.",
    )
    e.add_argument("paths", nargs="+", metavar="PATH", help="a file, a folder, or - for stdin")
    e.add_argument("-o", "--output", default=None, metavar="FILE", help="write here, atomically")
    e.add_argument("--format", choices=FORMATS, default="csv", help="default: csv")
    e.add_argument("--doc-id", default=None, help="the doc_id of a single text")
    e.add_argument("--published", default=None, help="default publication date, YYYY-MM-DD")
    e.add_argument("--outlet", default=None, help="default outlet")
    e.add_argument("--conflict", default=None, help="default conflict id (default: detected)")
    e.add_argument(
        "--catalog",
        default=None,
        metavar="CSV",
        help="per-document metadata: doc_id and any of published, outlet, conflict",
    )
    e.add_argument(
        "--stdin-format",
        choices=("auto", "text", "jsonl"),
        default="auto",
        help="standard input as one text or JSONL; auto: JSONL when it starts with {",
    )
    e.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        default=os.cpu_count() or 1,
        help="worker processes (default: one per CPU; 1: no pool)",
    )
    e.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    e.add_argument(
        "--spreadsheet-safe",
        action="store_true",
        help="escape text cells a spreadsheet would run as formulas (=, +, -, @)",
    )
    e.add_argument(
        "--max-bytes",
        type=_positive,
        default=None,
        help="skip larger files, JSONL lines or stdin (default: 50 MB)",
    )
    v = sub.add_parser("validate", help="check a claims CSV or Parquet file against the schema")
    v.add_argument("path")
    # Listed for --help only: main() hands "evaluate ..." to lossdata.evaluation unparsed.
    sub.add_parser("evaluate", add_help=False, help="score the extractor against gold claims")
    return p


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, got {text!r}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["evaluate"]:
        from .evaluation import main as evaluate

        return evaluate(argv[1:])
    args = _parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except KeyboardInterrupt:
        print(f"lossdata {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # "lossdata extract x | head": the reader left, nothing to say
        _silence_stdout()
        return 1
    except Exception as exc:  # the command line never shows a traceback
        print(f"lossdata {args.command}: error: {_describe(exc)}", file=sys.stderr)
        return 1


_EXPECTED = (OSError, ValueError, LookupError, TypeError, OverflowError, _FileError)


def _describe(exc: BaseException) -> str:
    """An exception in a few words: ``<file>: <reason>`` where a file is known."""
    if isinstance(exc, OSError) and exc.filename is not None and exc.strerror:
        return f"{exc.filename}: {exc.strerror}"
    if isinstance(exc, KeyError) and exc.args:
        return str(exc.args[0])
    text = str(exc) or type(exc).__name__
    if isinstance(exc, _EXPECTED):
        return text
    return f"unexpected {type(exc).__name__}: {text} (please report this)"


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that Python's exit flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _write_stdout(data: bytes) -> None:
    """Write bytes to standard output; a failed write (a full disk) names <stdout>."""
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        _silence_stdout()
        raise _FileError("<stdout>", exc.strerror or str(exc)) from None


def _build(args: argparse.Namespace) -> int:
    from .build import build

    out = build(args.seeds, args.data)
    print(f"wrote {out}", file=sys.stderr)
    if not args.no_figures:
        from .datasets import read_claims_csv
        from .figures import make_figures

        with out.open(encoding="utf-8") as fh:
            claims = read_claims_csv(fh)
        for path in make_figures(claims, args.figures):
            print(f"wrote {path}", file=sys.stderr)
    return 0


def _figures(args: argparse.Namespace) -> int:
    from .datasets import read_claims_csv
    from .figures import make_figures

    out = Path(args.output)
    if out.exists() and not out.is_dir():
        raise _FileError(out, "exists and is not a folder; -o takes a folder")
    claims = None
    if args.data:
        with open(args.data, encoding="utf-8") as fh:
            try:
                claims = read_claims_csv(fh)
            except (ValueError, UnicodeDecodeError) as exc:
                raise _FileError(args.data, _first_line(exc)) from None
    for path in make_figures(claims, out):
        print(f"wrote {path}", file=sys.stderr)
    return 0


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _extract(args: argparse.Namespace) -> int:
    from ._io import terminate_as_exit
    from ._sources import Options, Reader, read_catalog
    from ._writers import open_writer
    from .corpus import check_metadata, stream
    from .inputs import MAX_BYTES

    defaults: dict[str, str | None] = {}
    for key in ("published", "outlet", "conflict"):
        try:
            defaults[key] = check_metadata({key: getattr(args, key)})[key]
        except (TypeError, ValueError) as exc:
            raise _FileError(f"--{key}", str(exc)) from None
    _check_paths(args)
    if args.format == "parquet" and args.output is None and sys.stdout.isatty():
        raise _FileError("<stdout>", "a terminal; write Parquet with -o FILE, or redirect")
    options = Options(
        limit=args.max_bytes or MAX_BYTES,
        defaults=defaults,
        catalog=read_catalog(args.catalog) if args.catalog else {},
        stdin_format=args.stdin_format,
        doc_id=args.doc_id,
    )
    reader = Reader(options, sys.stdin.buffer if sys.stdin is not None else None)
    report = _Report(quiet=args.quiet)
    batches = stream(reader.tasks(args.paths), jobs=args.jobs, on_outcome=report.add)
    try:
        with (
            terminate_as_exit(),
            contextlib.closing(batches),  # on any error, the workers stop at once
            open_writer(
                args.format,
                args.output,
                stdout=_write_stdout,
                spreadsheet_safe=args.spreadsheet_safe,
            ) as writer,
        ):
            for batch in batches:
                for message in batch.dropped:
                    report.note(message)
                writer.write(batch.frame)
                report.claims += len(batch.frame)
    finally:
        report.close()
    report.summary(ignored=reader.ignored)
    return 1 if report.skipped else 0


def _check_paths(args: argparse.Namespace) -> None:
    if args.paths.count("-") > 1:
        raise _FileError("-", "standard input can be read only once")
    if args.doc_id is not None:
        one = args.paths[0] if len(args.paths) == 1 else None
        if one is None or (one != "-" and (Path(one).is_dir() or one.endswith(".jsonl"))):
            raise _FileError("--doc-id", "names a single text: give one text file or -")


class _Report:
    """What ``lossdata extract`` says on standard error: a line for each skipped document
    (always), notes, a progress bar on a terminal, and a closing summary."""

    def __init__(self, *, quiet: bool, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.read = self.claims = self.seen = 0
        self.skipped: Counter[str] = Counter()
        self.bar: Any = None
        self._tty = not quiet and self.stream.isatty()

    def add(self, outcome: Any) -> None:
        """Count one document's outcome as it arrives."""
        self.seen += 1
        for note in outcome.notes:
            self.note(f"{outcome.source}: {note}")
        if outcome.skipped:
            self.skipped[outcome.skipped] += 1
            self._say(f"lossdata extract: error: {outcome.source}: {outcome.reason}")
        else:
            self.read += 1
        if self._tty and self.bar is None and self.seen > 1:  # no bar for a single document
            from tqdm import tqdm

            self.bar = tqdm(desc="extract", unit=" docs", file=self.stream, initial=self.seen - 1)
        if self.bar is not None:
            self.bar.update(1)

    def note(self, text: str) -> None:
        if not self.quiet:
            self._say(f"lossdata extract: note: {text}")

    def _say(self, line: str) -> None:
        if self.bar is not None:
            self.bar.write(line, file=self.stream)
        else:
            print(line, file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def summary(self, *, ignored: int = 0) -> None:
        if self.quiet:
            return
        parts = [f"{_count(self.read, 'document')} read, {_count(self.claims, 'claim')}"]
        if self.skipped:
            kinds = sorted(self.skipped.items(), key=lambda kv: (-kv[1], kv[0]))
            why = ", ".join(f"{n} {kind}" for kind, n in kinds)
            parts.append(f"{sum(self.skipped.values())} skipped ({why})")
        if ignored:
            parts.append(f"{_count(ignored, 'file')} of other types ignored")
        print("lossdata extract: " + "; ".join(parts), file=self.stream, flush=True)


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _validate(args: argparse.Namespace) -> int:
    from .inputs import InputError, read_claims_table
    from .schema import ClaimsValidationError

    try:
        df = read_claims_table(args.path)
        problems = _violations(df)
    except (InputError, ClaimsValidationError) as exc:
        raise _FileError(args.path, str(exc)) from None
    if problems:
        lines = [f"lossdata validate: error: {args.path}: {_count(len(problems), 'violation')}"]
        lines += [f"- {p}" for p in problems]
        print("\n".join(lines), file=sys.stderr)
        return 1
    print(f"{args.path}: {_count(len(df), 'claim')}, valid", file=sys.stderr)
    return 0


def _violations(df: Any) -> list[str]:
    """Every cell and row of ``df`` that breaks the contract, in plain words, by row and
    column: cells that cannot be read as their type, then pandera's checks (lazily)."""
    import pandera.pandas as pa

    from ._cells import parse_cells
    from .schema import COLUMNS, FIELDS, ClaimsSchema, _check_columns, _coerce_categories

    _check_columns(df)  # missing or unexpected columns: the table's fault, said at once
    parsed, cells = parse_cells(df[COLUMNS], FIELDS)
    found = {(row, column): f"{why}" for row, column, why in cells}
    broken = {row for row, _, _ in cells}
    try:
        ClaimsSchema.validate(_coerce_categories(parsed), lazy=True)
    except pa.errors.SchemaErrors as exc:
        for case in exc.failure_cases.to_dict("records"):
            row = None if case["index"] != case["index"] else case["index"]  # NaN: no row
            if case["schema_context"] == "DataFrameSchema":  # a rule across the row
                # An unreadable cell makes a row rule fail for no reason of its own.
                if row not in broken:
                    found.setdefault((row, None), str(case["check"]))
            elif (row, case["column"]) not in found:
                found[(row, case["column"])] = _in_words(case["check"], case["failure_case"])
    order = {c: i for i, c in enumerate(COLUMNS)}
    keys = sorted(found, key=lambda k: (k[0] is None, k[0] or 0, order.get(k[1], -1)))
    return [_where(row, column) + found[row, column] for row, column in keys]


def _where(row: object, column: str | None) -> str:
    at = [f"row {row}"] if row is not None else []
    at += [f"column {column}"] if column else []
    return (", ".join(at) + ": ") if at else ""


def _in_words(check: str, value: object) -> str:
    """A pandera check that a value failed, as a sentence."""
    shown = value.strftime("%Y-%m-%d") if hasattr(value, "strftime") else repr(value)
    check = str(check)
    name, _, arg = check.partition("(")
    arg = arg.rstrip(")").removesuffix(" 00:00:00")
    if name == "isin":
        return f"{shown} is not one of the column's values"
    if name == "greater_than_or_equal_to":
        return f"{shown} is less than {arg}"
    if name == "greater_than":
        return f"{shown} is not more than {arg}"
    if name == "less_than":
        return f"{shown} is not less than {arg}"
    if name == "str_length":
        return "is empty"
    if name == "not_nullable":
        return "is empty, but the column needs a value"
    if name in ("field_uniqueness", "unique"):
        return f"{shown} appears in more than one row"
    if name in ("dtype", "coerce_dtype"):
        return f"{shown} cannot be read as {arg}"
    return f"{shown} fails {check}"


_COMMANDS = {"build": _build, "figures": _figures, "extract": _extract, "validate": _validate}
