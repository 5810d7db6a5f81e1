"""Tables for the chart tests, built by ``extract_claims`` from sentences written here.

A Russia–Ukraine table (``ru0``, ``ru1``, ... with their outlets in ``SOURCES``) and a
short Tigray one: other wars than the seeds', for charts that must work for any sides.
"""

from __future__ import annotations

import re
import warnings

import pandas as pd

import lossdata

# (sentence, published, outlet); doc ids are ru0, ru1, ...
RUSSIA_UKRAINE = [
    (
        "Ukraine's General Staff said on 1 December 2022 that 90,000 Russian soldiers had "
        "been killed since the start of the invasion.",
        "2022-12-02",
        "Kyiv Independent",
    ),
    (
        "Ukraine's General Staff said on 1 March 2023 that 150,000 Russian soldiers had been "
        "killed since the start of the invasion.",
        "2023-03-02",
        "Kyiv Independent",
    ),
    (
        "Ukraine's General Staff said on 1 June 2023 that 140,000 Russian soldiers had been "
        "killed since the start of the invasion.",
        "2023-06-02",
        "Ukrainska Pravda",
    ),
    (
        "Russia's defence ministry said on 2 March 2023 that 6,000 Ukrainian soldiers were "
        "killed since the start of the war.",
        "2023-03-02",
        "TASS",
    ),
    (
        "Russia's defence ministry admitted on 21 September 2022 that 5,937 Russian soldiers "
        "had been killed since the start of the operation.",
        "2022-09-22",
        "Reuters",
    ),
    (
        "Russia's defence ministry said on 21 September 2022 that 61,207 Ukrainian soldiers "
        "had been killed since the start of the operation.",
        "2022-09-22",
        "Reuters",
    ),
    (
        "Ukraine said on 22 August 2022 that about 9,000 Ukrainian soldiers had been killed "
        "since the start of the war.",
        "2022-08-23",
        "Reuters",
    ),
    (
        "Ukraine's General Staff said on 1 March 2023 that 3,400 Russian tanks had been "
        "destroyed since the start of the invasion.",
        "2023-03-02",
        "Kyiv Independent",
    ),
    (
        "Ukraine's General Staff said on 1 March 2023 that 300 Russian aircraft had been "
        "destroyed since the start of the invasion.",
        "2023-03-02",
        "Kyiv Independent",
    ),
    (
        "Russia's defence ministry said on 2 March 2023 that 3 Ukrainian helicopters had "
        "been downed since the start of the war.",
        "2023-03-02",
        "TASS",
    ),
    (
        "Russia's defence ministry said on 2 March 2023 that 8,000 Ukrainian tanks had been "
        "destroyed since the start of the war.",
        "2023-03-02",
        "TASS",
    ),
    (
        "The UN human rights office said on 3 March 2023 that 8,000 civilians had been "
        "killed in Ukraine since the start of the invasion.",
        "2023-03-04",
        "AP",
    ),
]
SOURCES = {
    f"ru{i}": {"outlet": outlet, "published": published}
    for i, (_, published, outlet) in enumerate(RUSSIA_UKRAINE)
}
RU_DOC = re.compile(r"\bru\d+\b")


def extract(sentences, prefix):
    """One validated table of the claims of ``sentences``, doc ids ``prefix0``, ..."""
    frames = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for i, (text, published, outlet) in enumerate(sentences):
            doc = f"{prefix}{i}"
            table = lossdata.extract_claims(text, doc_id=doc, published=published, outlet=outlet)
            frames.append(table)
    return lossdata.validate(pd.concat(frames, ignore_index=True))


TIGRAY = [
    (
        "Ethiopia's government said on 20 November 2020 that 500 Tigrayan fighters had been "
        "killed since the start of the war.",
        "2020-11-21",
        "Addis Standard",
    ),
    (
        "The TPLF said on 25 November 2020 that 2,000 Ethiopian soldiers had been killed since "
        "the start of the war.",
        "2020-11-26",
        "Tigrai TV",
    ),
    (
        "The TPLF said on 5 December 2020 that 3,500 Ethiopian soldiers had been killed since "
        "the start of the war.",
        "2020-12-06",
        "Tigrai TV",
    ),
]
