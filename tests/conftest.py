"""A synthetic claims table for the chart tests (tests/test_plots.py).

Modelled on the seed documents: most figures are the seeds' own (Armenian
Ministry of Defence 26 October, Oryx, Azerbaijani Ministry of Defence 7 October,
Artsakh 28 October, SOHR, Putin, Azerbaijan's Prosecutor General); a few earlier
points and the 700-1,000 range are invented so that every qualifier and scope,
and a timeline with several steps, are exercised.
"""

from __future__ import annotations

import pandas as pd
import pytest

from lossdata import validate

DOCS = {
    "000": "000_c96127608e434645",
    "002": "002_69adbbfe00a9a621",
    "003": "003_09c5668dc815a85a",
    "004": "004_da75a60ae01185ed",
}
ARM_MOD = ("Armenian Ministry of Defence", "armenia")
AZE_MOD = ("Azerbaijani Ministry of Defence", "azerbaijan")
ARTSAKH = ("Artsakh authorities", "armenia")
SOHR = ("Syrian Observatory for Human Rights", "third_party")
ORYX = ("Oryx", "third_party")
PUTIN = ("Vladimir Putin", "third_party")
AZE = ("Azerbaijan", "azerbaijan")
ARM = ("Armenia", "armenia")
MERCS = ("Syrian mercenaries", "azerbaijan")
BOTH = ("both sides", "unknown")

# doc, claimant, subject, population, category, status, value_text, value, qualifier,
# low, high, claim_date, date_basis, scope
# fmt: off
ROWS = [
    # Killed: the Armenian MoD's running count of Azerbaijani troops (first two invented).
    ("002", ARM_MOD, AZE, "military", "killed", None, "2,250", 2250, "exact",
     None, None, "2020-10-04", "text", "cumulative"),
    ("002", ARM_MOD, AZE, "military", "killed", None, "4,650", 4650, "exact",
     None, None, "2020-10-14", "text", "cumulative"),
    ("002", ARM_MOD, AZE, "military", "killed", None, "6,674", 6674, "exact",
     None, None, "2020-10-26", "text", "cumulative"),
    ("003", ARTSAKH, AZE, "mixed", "killed", None, "6,914", 6914, "exact",
     None, None, "2020-10-30", "document", "cumulative"),
    ("003", SOHR, MERCS, "mercenary", "killed", None, "at least 119", 119, "at_least",
     119, None, "2020-10-13", "text", "cumulative"),
    ("003", SOHR, MERCS, "mercenary", "killed", None, "at least 188", 188, "at_least",
     188, None, "2020-10-20", "text", "cumulative"),
    ("003", ("RIA Novosti", "third_party"), MERCS, "mercenary", "killed", None, "93", 93,
     "exact", None, None, "2020-10-05", "text", "cumulative"),
    ("003", PUTIN, BOTH, "mixed", "killed", None, "nearly 5,000", 5000, "about",
     None, None, "2020-10-22", "text", "cumulative"),
    ("004", ("South Front", "unattributed"), AZE, "military", "killed", None, "700–1,000",
     850, "range", 700, 1000, "2020-10-27", "document", "cumulative"),
    ("003", ("Wikipedia", "unattributed"), AZE, "civilian", "killed", None, "21", 21,
     "exact", None, None, "2020-10-28", "text", "incident"),
    ("003", ("Prosecutor General of Azerbaijan", "azerbaijan"), AZE, "civilian", "killed",
     None, "91", 91, "exact", None, None, "2020-10-21", "text", "cumulative"),
    ("003", ("Prosecutor General of Azerbaijan", "azerbaijan"), AZE, "civilian", "wounded",
     None, "392", 392, "exact", None, None, "2020-10-21", "text", "cumulative"),
    # Killed: Armenian servicemen per Artsakh (the first two invented).
    ("003", ARTSAKH, ("Artsakh", "armenia"), "military", "killed", None, "481", 481,
     "exact", None, None, "2020-10-10", "text", "cumulative"),
    ("003", ARTSAKH, ("Artsakh", "armenia"), "military", "killed", None, "772", 772,
     "exact", None, None, "2020-10-20", "text", "cumulative"),
    ("003", ARTSAKH, ("Artsakh", "armenia"), "military", "killed", None, "1,166", 1166,
     "exact", None, None, "2020-10-28", "text", "cumulative"),
    ("004", (("Pro-Azerbaijani sources", "azerbaijan")), ARM, "military", "killed", None,
     "at least 800", 800, "at_least", 800, None, "2020-10-20", "document", "incident"),
    ("003", ("Armenian government", "armenia"), ARM, "civilian", "killed", None, "40", 40,
     "exact", None, None, "2020-10-17", "text", "cumulative"),
    ("003", AZE_MOD, ARM, "military", "killed_or_wounded", None, "more than 2,300", 2300,
     "more_than", 2300, None, "2020-09-30", "text", "cumulative"),
    # Equipment the Armenian MoD says Azerbaijan lost, 26 October.
    ("002", ARM_MOD, AZE, "military", "armored_vehicles", "destroyed", "600", 600, "exact",
     None, None, "2020-10-26", "text", "cumulative"),
    ("002", ARM_MOD, AZE, "military", "mlrs", "destroyed", "6", 6, "exact",
     None, None, "2020-10-26", "text", "cumulative"),
    ("002", ARM_MOD, AZE, "military", "aircraft", "downed", "24", 24, "exact",
     None, None, "2020-10-26", "text", "cumulative"),
    ("002", ARM_MOD, AZE, "military", "helicopters", "downed", "16", 16, "exact",
     None, None, "2020-10-26", "text", "cumulative"),
    ("002", ARM_MOD, AZE, "military", "drones", "downed", "220", 220, "exact",
     None, None, "2020-10-26", "text", "cumulative"),
    ("003", ARM_MOD, AZE, "military", "drones", "downed", "27", 27, "exact",
     None, None, "2020-09-27", "text", "period"),
    ("000", ARM_MOD, AZE, "military", "drones", "downed", "four", 4, "exact",
     None, None, "2020-11-04", "text", "incident"),
    ("003", ("Artsakh Defence Army", "armenia"), AZE, "military", "aircraft", "downed",
     "four", 4, "exact", None, None, "2020-10-02", "text", "period"),
    ("000", ORYX, AZE, "military", "tanks", "lost", "around 30", 30, "about",
     None, None, "2020-11-06", "document", "cumulative"),
    # Equipment Oryx says Armenia lost (documented by footage), 6 November.
    ("000", ORYX, ARM, "military", "armored_vehicles", "lost", "257", 257, "exact",
     None, None, "2020-11-06", "document", "cumulative"),
    ("000", ORYX, ARM, "military", "tanks", "lost", "173", 173, "exact",
     None, None, "2020-11-06", "document", "cumulative"),
    ("000", ORYX, ARM, "military", "tanks", "captured", "64", 64, "exact",
     None, None, "2020-11-06", "document", "cumulative"),
    ("000", ORYX, ARM, "military", "artillery", "lost", "147", 147, "exact",
     None, None, "2020-11-06", "document", "cumulative"),
    ("000", ORYX, ARM, "military", "mlrs", "lost", "67", 67, "exact",
     None, None, "2020-11-06", "document", "cumulative"),
    ("000", ORYX, ARM, "military", "air_defense", "lost", "23", 23, "exact",
     None, None, "2020-11-06", "document", "cumulative"),
    ("000", ORYX, ARM, "military", "radars", "lost", "14", 14, "exact",
     None, None, "2020-11-06", "document", "cumulative"),
    # Equipment the Azerbaijani MoD says Armenia lost, by 7 October, and on 14 October.
    ("003", AZE_MOD, ARM, "military", "tanks", "destroyed", "about 250", 250, "about",
     None, None, "2020-10-07", "text", "cumulative"),
    ("003", AZE_MOD, ARM, "military", "artillery", "destroyed", "270", 270, "exact",
     None, None, "2020-10-07", "text", "cumulative"),
    ("003", AZE_MOD, ARM, "military", "air_defense", "destroyed", "60", 60, "exact",
     None, None, "2020-10-07", "text", "cumulative"),
    ("003", AZE_MOD, ARM, "military", "vehicles", "destroyed", "150", 150, "exact",
     None, None, "2020-10-07", "text", "cumulative"),
    ("003", AZE_MOD, ARM, "military", "tanks", "destroyed", "five", 5, "exact",
     None, None, "2020-10-14", "text", "period"),
    ("003", AZE_MOD, ARM, "military", "mlrs", "destroyed", "three", 3, "exact",
     None, None, "2020-10-14", "text", "period"),
]
# fmt: on


def make_claims() -> pd.DataFrame:
    """The synthetic table, validated by the contract."""
    records = []
    for i, row in enumerate(ROWS):
        (
            doc,
            (claimant, claimant_side),
            (subject, subject_side),
            population,
            category,
            status,
            value_text,
            value,
            qualifier,
            low,
            high,
            date,
            basis,
            scope,
        ) = row
        quote = f"{claimant} said {subject} lost {value_text} ({category})."
        start = quote.index(value_text)
        records.append(
            {
                "claim_id": f"c{i:03d}",
                "doc_id": DOCS[doc],
                "char_start": 1000 + start,
                "char_end": 1000 + start + len(value_text),
                "quote": quote,
                "value_text": value_text,
                "value": value,
                "value_low": low,
                "value_high": high,
                "qualifier": qualifier,
                "category": category,
                "status": status,
                "subject": subject,
                "subject_side": subject_side,
                "population": population,
                "claimant": claimant,
                "claimant_side": claimant_side,
                "conflict": "armenia-azerbaijan",
                "claim_date": pd.Timestamp(date),
                "date_basis": basis,
                "scope": scope,
                "claimant_basis": None,
            }
        )
    df = pd.DataFrame(records)
    df["value_low"] = df["value_low"].astype("Int64")
    df["value_high"] = df["value_high"].astype("Int64")
    return validate(df)


@pytest.fixture
def claims() -> pd.DataFrame:
    """A fresh copy of the synthetic claims table (categorical dtypes, as validated)."""
    return make_claims()
