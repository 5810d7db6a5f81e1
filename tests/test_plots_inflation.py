"""The inflation chart: the enemy's claim against a side's own figure, read back from the Axes.

Drawn against ``lossdata.analysis.inflation_ratio`` (the real one, and a stand-in
that returns rows the sentences cannot give: no claim at all, a ratio over 100).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from _plot_axes import artists, caption, hex_color, texts, title
from _plot_tables import RU_DOC, RUSSIA_UKRAINE, SOURCES, extract
from matplotlib.figure import Figure

from lossdata import analysis
from lossdata.plots import SIDE_COLORS, NoClaimsError, plot_inflation_ratio

plt.switch_backend("Agg")


@pytest.fixture(scope="module")
def ru():
    return extract(RUSSIA_UKRAINE, "ru")


@pytest.fixture
def ax():
    return Figure(figsize=(8, 4), layout="constrained").add_subplot()


def rows(ax):
    return [" ".join(t.get_text().split("\n")) for t in ax.get_yticklabels()]


def dot_values(ax, gid):
    return [float(line.get_xdata()[0]) for line in artists(ax, gid)]


def test_ratio_of_each_sides_losses(ru, ax):
    out = plot_inflation_ratio(ru, sources=SOURCES, ax=ax)
    assert out is ax
    assert rows(ax) == ["Losses of Russia Killed", "Losses of Ukraine Killed"]
    assert texts(ax, "ratio") == ["×23.6", "×0.7"]  # 140,000 / 5,937; 6,000 / 9,000
    assert dot_values(ax, "own-claim") == [5937.0, 9000.0]
    assert dot_values(ax, "enemy-claim") == [140000.0, 6000.0]
    own = [hex_color(line.get_color()) for line in artists(ax, "own-claim")]
    enemy = [hex_color(line.get_color()) for line in artists(ax, "enemy-claim")]
    assert own == [SIDE_COLORS["russia"], SIDE_COLORS["ukraine"]]  # the side's own colour
    assert enemy == [SIDE_COLORS["ukraine"], SIDE_COLORS["russia"]]  # the enemy's colour
    lines = artists(ax, "ratio-line")
    assert [sorted(line.get_xdata()) for line in lines] == [[5937, 140000], [6000, 9000]]
    assert ax.get_xscale() == "log"
    assert "log scale: the line between two figures is their ratio" in title(ax)
    assert "population: military" in title(ax)
    labels = texts(ax, "claim-label")
    assert "140,000\nGeneral Staff of the Armed\nForces of Ukraine\n1 Jun 2023" in labels
    text = caption(ax)
    for outlet in ("Ukrainska Pravda, 2 Jun 2023", "Reuters, 22 Sep 2022", "TASS, 2 Mar 2023"):
        assert outlet in text
    assert "4 claims" in text and not RU_DOC.search(text)


def test_as_of_moves_the_comparison_back(ru, ax):
    plot_inflation_ratio(ru, sides="russia", as_of="2023-03-01", ax=ax)
    assert texts(ax, "ratio") == ["×25.3"]  # 150,000 / 5,937
    assert "as of 2023-03-01" in title(ax)


def test_a_missing_figure_shows_the_reason(ru, ax):
    plot_inflation_ratio(ru, categories=["killed", "tanks"], sides="russia", ax=ax)
    assert rows(ax) == ["Losses of Russia Killed", "Losses of Russia Tanks"]
    assert texts(ax, "ratio") == ["×23.6"]
    (reason,) = texts(ax, "reason")
    assert reason.startswith("no ratio: ") and "russia" in reason
    assert dot_values(ax, "enemy-claim") == [140000.0, 3400.0]  # the claim still shown
    assert dot_values(ax, "own-claim") == [5937.0]


def test_seed_war_without_admissions_shows_only_reasons(claims, ax):
    plot_inflation_ratio(claims, ax=ax)
    assert rows(ax) == ["Losses of Armenia / Artsakh Killed", "Losses of Azerbaijan Killed"]
    assert texts(ax, "ratio") == []
    assert len(texts(ax, "reason")) == 2
    assert dot_values(ax, "own-claim") == [1166.0]
    assert dot_values(ax, "enemy-claim") == [6674.0]


def test_no_claim_to_compare_is_a_clear_error(ru, ax):
    with pytest.raises(NoClaimsError, match="no claim to compare for sides russia"):
        plot_inflation_ratio(ru, categories="captured", sides="russia", ax=ax)


# --- Against a stand-in: the contract of analysis.inflation_ratio ------------------------------

STAND_IN = [
    # side, category, enemy claim, enemy claimant, own claim, own claimant, ratio, reason
    ("russia", "killed", 120000, "General Staff of the Armed Forces of Ukraine", 1000,
     "Russian Ministry of Defence", 120.0, ""),
    ("russia", "tanks", None, None, None, None, np.nan, "no claim by either side"),
]  # fmt: skip


def stand_in(calls):
    def inflation_ratio(claims, category, *, side, population="military", scope=None, as_of=None):
        calls.append((category, side, population, as_of))
        out = []
        for s, cat, enemy, enemy_by, own, own_by, ratio, reason in STAND_IN:
            if s == side and cat == category:
                out.append(
                    {
                        "conflict": "russia-ukraine",
                        "side": s,
                        "category": cat,
                        "population": population,
                        "enemy_claim": enemy,
                        "enemy_claimant": enemy_by,
                        "enemy_claim_date": pd.Timestamp("2023-03-01") if enemy else pd.NaT,
                        "own_claim": own,
                        "own_claimant": own_by,
                        "own_claim_date": pd.Timestamp("2022-09-21") if own else pd.NaT,
                        "ratio": ratio,
                        "reason": reason,
                    }
                )
        return pd.DataFrame(out, columns=list(analysis.INFLATION_COLUMNS))

    return inflation_ratio


def test_drawn_from_the_analysis_contract(ru, ax, monkeypatch):
    calls = []
    monkeypatch.setattr(analysis, "inflation_ratio", stand_in(calls))
    plot_inflation_ratio(
        ru, categories=["killed", "tanks"], sides="russia", population="military", ax=ax
    )
    assert calls == [("killed", "russia", "military", None), ("tanks", "russia", "military", None)]
    assert texts(ax, "ratio") == ["×120"]
    (reason,) = texts(ax, "reason")
    assert reason == "no ratio: no claim by either side"
    assert dot_values(ax, "own-claim") == [1000.0] and dot_values(ax, "enemy-claim") == [120000.0]
    lo, hi = ax.get_xlim()
    assert lo < 1000 and hi > 120000  # room for both labels
