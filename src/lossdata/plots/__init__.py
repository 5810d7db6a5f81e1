"""Charts that put competing loss claims side by side, honest at any scale.

Every helper takes the claims table first (as ``load_claims()`` returns it, or
the same columns with plain string dtypes), then keyword-only options; it draws on
``ax`` (a new figure with constrained layout when ``None``, so that a plain
``fig.savefig`` keeps legend and caption) and returns it. The helpers never call
``show()`` or ``savefig()``: ``lossdata.figures`` saves.

Each chart is coloured by side with one colour-blind-safe palette (``SIDE_COLORS``,
Okabe-Ito), keeps one population per linear axis (a log axis, with the reason in
the subtitle, where figures of several populations or of very different sizes must
share one), writes ticks compactly ("125k"), and carries a caption naming the
outlets and dates of the claims it draws. A selection with no claims raises
``NoClaimsError`` (a ``ValueError``) saying what is available instead.

Modules: ``_common`` (selection, figure labels), ``_style`` (palette, scales,
titles), ``_caption`` (sources), and one module per chart.
"""

from __future__ import annotations

from ._caption import provenance_caption
from ._common import (
    CATEGORY_LABELS,
    EQUIPMENT_CHART_CATEGORIES,
    TOTAL_SCOPES,
    NoClaimsError,
    WarEvent,
    figure_label,
)
from ._style import LOG_RATIO, SIDE_COLORS, SIDE_LABELS, compact_number
from .competing import plot_competing_claims
from .equipment import plot_equipment_losses
from .inflation import plot_inflation_ratio
from .matrix import plot_claims_matrix
from .timeline import WAR_EVENTS, plot_claim_timeline, war_events

__all__ = [
    "CATEGORY_LABELS",
    "EQUIPMENT_CHART_CATEGORIES",
    "LOG_RATIO",
    "SIDE_COLORS",
    "SIDE_LABELS",
    "TOTAL_SCOPES",
    "WAR_EVENTS",
    "NoClaimsError",
    "WarEvent",
    "compact_number",
    "figure_label",
    "plot_claim_timeline",
    "plot_claims_matrix",
    "plot_competing_claims",
    "plot_equipment_losses",
    "plot_inflation_ratio",
    "provenance_caption",
    "war_events",
]
