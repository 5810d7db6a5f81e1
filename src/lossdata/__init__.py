"""lossdata: loss claims in war reporting, with who claimed them and when."""

from .conflicts import list_conflicts
from .datasets import load_claims, load_documents, read_document
from .extract import Claim, extract_claims, iter_claims
from .plots import (
    plot_claim_timeline,
    plot_claims_matrix,
    plot_competing_claims,
    plot_equipment_losses,
)
from .schema import ClaimsSchema, ClaimsValidationError, validate

__all__ = [
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
    "read_document",
    "validate",
]
__version__ = "0.1.0"
