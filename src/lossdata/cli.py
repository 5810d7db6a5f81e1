"""Command line: ``lossdata build | figures | extract | validate``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = ["main"]


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
    e.add_argument("path", help="a UTF-8 text file, or - for standard input")
    e.add_argument("--doc-id", default=None)
    e.add_argument("--published", default=None, help="publication date, YYYY-MM-DD")
    e.add_argument("--outlet", default=None)
    v = sub.add_parser("validate", help="check a claims CSV against the schema")
    v.add_argument("path")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except (FileNotFoundError, ValueError, TypeError, KeyError) as exc:
        print(f"lossdata {args.command}: error: {exc}", file=sys.stderr)
        return 1


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

    claims = None
    if args.data:
        with open(args.data, encoding="utf-8") as fh:
            claims = read_claims_csv(fh)
    for path in make_figures(claims, args.output):
        print(f"wrote {path}", file=sys.stderr)
    return 0


def _extract(args: argparse.Namespace) -> int:
    from .build import claims_to_csv
    from .extract import extract_claims

    if args.path == "-":
        text, doc_id = sys.stdin.read(), args.doc_id or "stdin"
    else:
        path = Path(args.path)
        text, doc_id = path.read_text(encoding="utf-8"), args.doc_id or path.stem
    df = extract_claims(text, doc_id=doc_id, published=args.published, outlet=args.outlet)
    sys.stdout.buffer.write(claims_to_csv(df))
    return 0


def _validate(args: argparse.Namespace) -> int:
    from .datasets import read_claims_csv
    from .schema import validate

    with open(args.path, encoding="utf-8") as fh:
        df = validate(read_claims_csv(fh))
    print(f"{args.path}: {len(df)} claims, valid", file=sys.stderr)
    return 0


_COMMANDS = {"build": _build, "figures": _figures, "extract": _extract, "validate": _validate}
