"""Rebuild data/claims.csv from seeds/ (same as ``lossdata build --no-figures``)."""

from lossdata.cli import main

if __name__ == "__main__":
    raise SystemExit(main(["build", "--no-figures"]))
