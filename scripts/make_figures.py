"""Write every lossdata chart as PNG and SVG (default: docs/figures/).

python scripts/make_figures.py [-o DIR]
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from lossdata.figures import make_figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "-o",
        "--outdir",
        default="docs/figures",
        metavar="DIR",
        help="where to write the figures (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    for path in make_figures(outdir=args.outdir):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
