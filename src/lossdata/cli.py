"""Command line: ``lossdata build | figures | extract | validate | evaluate``."""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = ["main"]


class _FileError(Exception):
    """An error about one input or output, reported as ``<file>: <reason>``."""

    def __init__(self, name: object, reason: str) -> None:
        super().__init__(f"{name}: {reason}")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="lossdata", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="rebuild data/claims.csv (and the charts) from seeds/")
    b.add_argument("--seeds", default="seeds", help="folder of .txt files and catalog.csv")
    b.add_argument("--data", default="data", help="output folder for claims.csv")
    b.add_argument("--figures", default="docs/figures", help="output folder for the charts")
    b.add_argument("--no-figures", action="store_true", help="build the table only")
    f = sub.add_parser("figures", help="draw every chart as PNG and SVG")
    f.add_argument("-o", "--output", default="docs/figures", help="output folder")
    f.add_argument("--data", default=None, help="claims.csv to draw (default: the shipped one)")
    e = sub.add_parser("extract", help="extract the claims of one text file to CSV on stdout")
    e.add_argument("path", help="a text file (UTF-8, UTF-16, cp1252, ...), or - for stdin")
    e.add_argument("--doc-id", default=None)
    e.add_argument("--published", default=None, help="publication date, YYYY-MM-DD")
    e.add_argument("--outlet", default=None)
    e.add_argument(
        "--spreadsheet-safe",
        action="store_true",
        help="escape text cells a spreadsheet would run as formulas (=, +, -, @)",
    )
    e.add_argument(
        "--max-bytes", type=int, default=None, help="refuse larger inputs (default: 50 MB)"
    )
    v = sub.add_parser("validate", help="check a claims CSV against the schema")
    v.add_argument("path")
    # Listed for --help only: main() hands "evaluate ..." to lossdata.evaluation unparsed.
    sub.add_parser("evaluate", add_help=False, help="score the extractor against gold claims")
    return p


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


def _read_input(path: str, limit: int | None) -> str:
    """The text of ``path`` (or stdin for "-"), size-limited; a non-UTF-8 guess is stated."""
    from .inputs import MAX_BYTES, InputError, read_text

    name = "<stdin>" if path == "-" else path
    try:
        got = read_text(sys.stdin.buffer if path == "-" else path, limit=limit or MAX_BYTES)
    except InputError as exc:
        raise _FileError(name, str(exc)) from None
    if got.assumed:
        print(f"lossdata extract: note: {name}: not UTF-8; read as {got.encoding}", file=sys.stderr)
    return got.text


def _extract(args: argparse.Namespace) -> int:
    from .build import claims_to_csv
    from .dates import to_date
    from .extract import extract_claims

    try:
        to_date(args.published)
    except ValueError as exc:
        raise _FileError("--published", str(exc)) from None
    text = _read_input(args.path, args.max_bytes)
    doc_id = args.doc_id or ("stdin" if args.path == "-" else Path(args.path).stem)
    df = extract_claims(text, doc_id=doc_id, published=args.published, outlet=args.outlet)
    _write_stdout(claims_to_csv(df, spreadsheet_safe=args.spreadsheet_safe))
    return 0


def _validate(args: argparse.Namespace) -> int:
    import pandas as pd

    from .inputs import InputError, read_text
    from .schema import FIELDS, ClaimsValidationError, validate

    try:
        got = read_text(args.path)
    except InputError as exc:
        raise _FileError(args.path, str(exc)) from None
    if got.assumed:
        raise _FileError(
            args.path, f"not UTF-8 (it looks like {got.encoding}); a claims CSV is UTF-8"
        )
    try:
        # Every cell as text: validate names each one it cannot read, by row and column.
        df = pd.read_csv(
            io.StringIO(got.text),
            dtype=str,
            keep_default_na=False,
            na_values={
                f.name: [""] for f in FIELDS if f.nullable or f.kind in ("int", "Int64", "date")
            },
        )
        df.index = pd.RangeIndex(1, len(df) + 1)  # rows counted from 1, after the header
        df = validate(df)
    except ClaimsValidationError as exc:
        raise _FileError(args.path, str(exc)) from None
    except ValueError as exc:  # a CSV pandas cannot parse
        raise _FileError(args.path, _first_line(exc)) from None
    print(f"{args.path}: {len(df)} claims, valid", file=sys.stderr)
    return 0


_COMMANDS = {"build": _build, "figures": _figures, "extract": _extract, "validate": _validate}
