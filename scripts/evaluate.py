"""Score ``lossdata.extract_claims`` against gold annotations; see ``lossdata.evaluation``.

Run ``python scripts/evaluate.py --help`` (or ``lossdata evaluate --help``) for the options:
``--set seeds`` (default), ``--set devset``, or ``--docs DIR --catalog CSV --gold PATH``.
"""

from lossdata.evaluation import main

raise SystemExit(main())
