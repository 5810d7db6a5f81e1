"""lossdata: loss claims in war reporting, with who claimed them and when.

The public names are imported on first use (PEP 562), so that ``import lossdata``
and the command line's ``--help`` start without pandas, pandera or matplotlib.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> the module that defines it
_EXPORTS = {
    "iter_corpus": "lossdata.corpus",
    "extract_corpus": "lossdata.corpus",
    "CorpusError": "lossdata.corpus",
    "__data_version__": "lossdata.datasets",
    "data_version": "lossdata.datasets",
    "list_datasets": "lossdata.datasets",
    "describe": "lossdata.datasets",
    "tally_series": "lossdata.analysis",
    "latest_claims": "lossdata.analysis",
    "inflation_ratio": "lossdata.analysis",
    "claims_wide": "lossdata.analysis",
    "claim_spread": "lossdata.analysis",
    "Claim": "lossdata.extract",
    "extract_claims": "lossdata.extract",
    "iter_claims": "lossdata.extract",
    "list_conflicts": "lossdata.conflicts",
    "load_claims": "lossdata.datasets",
    "load_documents": "lossdata.datasets",
    "read_document": "lossdata.datasets",
    "plot_claim_timeline": "lossdata.plots",
    "plot_claims_matrix": "lossdata.plots",
    "plot_competing_claims": "lossdata.plots",
    "plot_equipment_losses": "lossdata.plots",
    "plot_inflation_ratio": "lossdata.plots",
    "ClaimsSchema": "lossdata.schema",
    "ClaimsValidationError": "lossdata.schema",
    "validate": "lossdata.schema",
}

__all__ = [  # the same names as _EXPORTS (tests/test_api.py keeps them in step)
    "iter_corpus",
    "extract_corpus",
    "CorpusError",
    "__data_version__",
    "data_version",
    "list_datasets",
    "describe",
    "tally_series",
    "latest_claims",
    "inflation_ratio",
    "claims_wide",
    "claim_spread",
    "Claim",
    "ClaimsSchema",
    "ClaimsValidationError",
    "extract_claims",
    "iter_claims",
    "list_conflicts",
    "load_claims",
    "load_documents",
    "plot_claim_timeline",
    "plot_claims_matrix",
    "plot_competing_claims",
    "plot_equipment_losses",
    "plot_inflation_ratio",
    "read_document",
    "validate",
]


def __getattr__(name: str) -> Any:
    try:
        module = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module 'lossdata' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


if TYPE_CHECKING:  # for type checkers and IDEs: the same names, imported eagerly
    from .analysis import (
        claim_spread,
        claims_wide,
        inflation_ratio,
        latest_claims,
        tally_series,
    )
    from .conflicts import list_conflicts
    from .corpus import CorpusError, extract_corpus, iter_corpus
    from .datasets import (
        __data_version__,
        data_version,
        describe,
        list_datasets,
        load_claims,
        load_documents,
        read_document,
    )
    from .extract import Claim, extract_claims, iter_claims
    from .plots import (
        plot_claim_timeline,
        plot_claims_matrix,
        plot_competing_claims,
        plot_equipment_losses,
        plot_inflation_ratio,
    )
    from .schema import ClaimsSchema, ClaimsValidationError, validate
