"""lossdata: loss claims in war reporting, with who claimed them and when."""

from .datasets import load_claims, load_documents, read_document
from .extract import extract_claims
from .schema import ClaimsSchema, ClaimsValidationError, validate

__all__ = [
    "ClaimsSchema",
    "ClaimsValidationError",
    "extract_claims",
    "load_claims",
    "load_documents",
    "read_document",
    "validate",
]
__version__ = "0.1.0"
