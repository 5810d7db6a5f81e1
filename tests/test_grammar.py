"""The open claim grammar of issue 7, section 3: one table row per phenomenon.

Every sentence here was written for this file. Each group is a list of ``Case``
rows with the columns that matter for its phenomenon; a row that the extractor
gets wrong today keeps the expectation of ``shared/spec/claims.md`` and is a
strict xfail whose reason says what is missing, so a fix is noticed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

import pandas as pd
import pytest

from lossdata import extract_claims


class Case(NamedTuple):
    id: str
    text: str
    expected: list[tuple]
    published: str | None = None
    outlet: str | None = None
    conflict: str | None = None


def ok(case: Case) -> Any:
    return pytest.param(case, id=case.id)


def xfail(case: Case, reason: str) -> Any:
    return pytest.param(case, id=case.id, marks=pytest.mark.xfail(strict=True, reason=reason))


def _plain(value: Any) -> Any:
    """A cell as a plain Python value: None for missing, ISO text for dates, int for ints."""
    if pd.isna(value):
        return None
    if isinstance(value, dt.datetime):  # pd.Timestamp too
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def observed(case: Case, columns: tuple[str, ...]) -> list[tuple]:
    df = extract_claims(
        case.text,
        doc_id="grammar",
        published=case.published,
        outlet=case.outlet,
        conflict=case.conflict,
    )
    return [tuple(_plain(v) for v in row) for row in df[list(columns)].itertuples(index=False)]


RU, AA, ET = "russia-ukraine", "armenia-azerbaijan", "ethiopia-tigray"

# Open claimants: an organisation or official no profile lists, before a reporting verb
# or after "according to"; a side's demonym inside the phrase gives the side, else
# third_party. Columns: (value, claimant, claimant_side).
CLAIMANT_COLUMNS = ("value", "claimant", "claimant_side")
OPEN_CLAIMANTS = [
    ok(
        Case(
            "unlisted-org-with-demonym",
            "The Ukrainian Volunteer Medics Association said 27 Ukrainian medics were killed in "
            "Donbas.",
            [(27, "Ukrainian Volunteer Medics Association", "ukraine")],
            conflict=RU,
        )
    ),
    ok(
        Case(
            "according-to-foreign-ngo",
            "According to the Norwegian Refugee Council, 5,000 people fled Kherson.",
            [(5000, "Norwegian Refugee Council", "third_party")],
            conflict=RU,
        )
    ),
    ok(
        Case(
            "researchers-no-side-demonym",
            "Researchers at a Danish university estimated that 2,300 Ukrainian civilians were "
            "killed in Mariupol.",
            [(2300, "Researchers at a Danish university", "third_party")],
            conflict=RU,
        )
    ),
    ok(
        Case(
            "group-without-demonym",
            "A monitoring group based in Geneva estimated that 310 Russian soldiers were killed in "
            "the assault.",
            [(310, "monitoring group based in Geneva", "third_party")],
            conflict=RU,
        )
    ),
    Case(
        "according-to-official-head-noun",
        "According to a Polish military analyst, 40 Russian helicopters have been lost.",
        [(40, "Polish military analyst", "third_party")],
        conflict=RU,
    ),
    Case(
        "present-tense-estimate",
        "Western analysts estimate that 70,000 Russian soldiers have been killed.",
        [(70000, "Western analysts", "third_party")],
        conflict=RU,
    ),
]

# A country, capital or people as claimant: that side's government.
CAPITALS = [
    ok(
        Case(
            "kyiv-reported",
            "Kyiv reported that 46 Russian tanks were destroyed.",
            [(46, "Ukrainian government", "ukraine")],
        )
    ),
    ok(
        Case(
            "moscow-said",
            "Moscow said 85 Ukrainian soldiers were killed near Bakhmut.",
            [(85, "Russian government", "russia")],
        )
    ),
    ok(
        Case(
            "baku-claimed",
            "Baku claimed that 19 Armenian soldiers were killed.",
            [(19, "Azerbaijani government", "azerbaijan")],
        )
    ),
    ok(
        Case(
            "nagorno-karabakh-said",
            "Nagorno-Karabakh said 16 of its soldiers were killed.",
            [(16, "Artsakh authorities", "armenia")],
            conflict=AA,
        )
    ),
]

# References: "the ministry", "it", "he", "the report", "an official statement" take the
# last matching actor named earlier in the document.
REFERENCES = [
    ok(
        Case(
            "continuation-opens-a-new-paragraph",
            "The Ukrainian General Staff published its morning update on Facebook.\n\n"
            "Moreover, 14 Russian tanks were destroyed over the past day.",
            [(14, "General Staff of the Armed Forces of Ukraine", "ukraine")],
            published="2023-03-02",
        )
    ),
    ok(
        Case(
            "accordingly-continues-the-presented-figures",
            "The Armenian Defence Ministry has presented the enemy's losses since the fighting "
            "began.\n\nAccordingly, Azerbaijan's losses stand at 1,200 casualties and 40 drones.",
            [
                (1200, "Armenian Ministry of Defence", "armenia"),
                (40, "Armenian Ministry of Defence", "armenia"),
            ],
            published="2020-10-20",
        )
    ),
    ok(
        Case(
            "this-brings-its-toll",
            "The Armenian Defence Ministry said 12 more servicemen had been killed on Monday. "
            "This brings its toll of military deaths since 27 September to 210.",
            [
                (12, "Armenian Ministry of Defence", "armenia"),
                (210, "Armenian Ministry of Defence", "armenia"),
            ],
            published="2020-10-12",
        )
    ),
    ok(
        Case(
            "new-paragraph-without-continuation-is-the-outlet",
            "The Ukrainian General Staff published its morning update on Facebook.\n\n"
            "Fighting went on near Bakhmut, where 14 Russian tanks were destroyed.",
            [(14, "unidentified outlet", "unattributed")],
            published="2023-03-02",
        )
    ),
    ok(
        Case(
            "the-ministry-said",
            "The Russian Defence Ministry issued its morning briefing. The ministry said 7 "
            "Ukrainian drones were shot down over Belgorod.",
            [(7, "Russian Ministry of Defence", "russia")],
        )
    ),
    ok(
        Case(
            "it-added",
            "The Azerbaijani Defence Ministry spoke of heavy fighting near Fuzuli. It added that "
            "13 Armenian tanks had been destroyed.",
            [(13, "Azerbaijani Ministry of Defence", "azerbaijan")],
        )
    ),
    ok(
        Case(
            "he-said",
            "Oleksandr Syrskyi visited the front near Pokrovsk. He said 600 Russian troops were "
            "killed in a week.",
            [(600, "Ukrainian Armed Forces", "ukraine")],
        )
    ),
    Case(
        "said-an-official-statement",
        "The Armenian Defence Ministry held a briefing in Yerevan. Twelve Azerbaijani drones "
        "were downed overnight, said an official statement.",
        [(12, "Armenian Ministry of Defence", "armenia")],
        published="2020-10-12",
        conflict=AA,
    ),
    Case(
        "the-report-lists",
        "The Ukrainian Defence Ministry published its weekly report. The report lists 9 "
        "aircraft, 14 tanks and 6 helicopters destroyed.",
        [
            (9, "Ukrainian Ministry of Defence", "ukraine"),
            (14, "Ukrainian Ministry of Defence", "ukraine"),
            (6, "Ukrainian Ministry of Defence", "ukraine"),
        ],
        conflict=RU,
    ),
]

# Headlines and structured pages: a headline frame ("X: figures" / "..., says X") and a
# section heading ("Per Armenian sources:") govern the lines under them.
# Columns: (value, category, subject_side, claimant_side).
FRAME_COLUMNS = ("value", "category", "subject_side", "claimant_side")
FRAMES = [
    ok(
        Case(
            "headline-with-own-frame-takes-body-category",
            "Artsakh defence ministry reports 31 more military casualties\nBy a staff reporter\n"
            "Updated on Monday\n\n"
            "The defence ministry of Artsakh reported 31 more military casualties on Friday, "
            "bringing the death toll to 410.",
            [
                (31, "killed", "armenia", "armenia"),
                (31, "killed", "armenia", "armenia"),
                (410, "killed", "armenia", "armenia"),
            ],
            published="2020-10-12",
        )
    ),
    ok(
        Case(
            "headline-colon-frame",
            "Ukraine's General Staff: 1,200 Russian troops killed",
            [(1200, "killed", "russia", "ukraine")],
        )
    ),
    xfail(
        Case(
            "headline-frames-body",
            "Ukraine's General Staff: 1,200 Russian troops killed\n\n"
            "The tally for the past day also lists 14 tanks and 30 artillery systems.",
            [
                (1200, "killed", "russia", "ukraine"),
                (14, "tanks", "russia", "ukraine"),
                (30, "artillery", "russia", "ukraine"),
            ],
            published="2023-11-02",
        ),
        reason="body sentence under the headline ('The tally ... also lists 14 tanks and 30 "
        "artillery systems') gives no rows at all; expected 14 tanks and 30 artillery, "
        "Russian losses claimed by the General Staff",
    ),
    ok(
        Case(
            "headline-says-ministry",
            "Fighting flares near Fuzuli, 23 Armenian servicemen killed, says Azerbaijani Defence "
            "Ministry\n\nThe ministry added that 5 tanks and 2 Osa systems were destroyed.",
            [
                (23, "killed", "armenia", "azerbaijan"),
                (5, "tanks", "armenia", "azerbaijan"),
                (2, "air_defense", "armenia", "azerbaijan"),
            ],
            published="2020-10-12",
        )
    ),
    ok(
        Case(
            "per-armenian-sources",
            "Per Armenian sources:\n* 2,425 Azerbaijani soldiers killed\n* 61 drones downed",
            [(2425, "killed", "azerbaijan", "armenia"), (61, "drones", "azerbaijan", "armenia")],
        )
    ),
    ok(
        Case(
            "per-tigrayan-sources-range",
            "Per Tigrayan sources:\n* 1,500–2,000 Ethiopian soldiers killed\n"
            "* 300 Eritrean soldiers captured",
            [(1750, "killed", "ethiopia", "tigray"), (300, "captured", "ethiopia", "tigray")],
            conflict=ET,
        )
    ),
    Case(
        "azerbaijani-claim-heading",
        "Azerbaijani claim:\n* 16 Armenian tanks destroyed\n* 4 Su-25 aircraft downed",
        [(16, "tanks", "armenia", "azerbaijan"), (4, "aircraft", "armenia", "azerbaijan")],
        conflict=AA,
    ),
    xfail(
        Case(
            "pipe-table-row",
            "Ukrainian civilians killed | Period | Source\n7,000+ | 2022 | UN OHCHR",
            [(7000, "killed", "ukraine", "third_party")],
            conflict=RU,
        ),
        reason="pipe table gives no rows; expected 7,000+ Ukrainian civilians killed, claimed "
        "by UN OHCHR (third_party), read from the header row and the Source column",
    ),
]

# Whose loss: the patient, not the agent; possessives; "the enemy" relative to the
# claimant; "it/they lost" after a named army; equipment counted by a side's ministry
# without a demonym is the opponent's. Columns: (value, category, subject_side, claimant_side).
WHOSE_LOSS = [
    ok(
        Case(
            "tally-name-before-loss-word-not-place-after",
            "The Syrian Observatory said the count of Syrian fighters killed near Hadrut has "
            "passed 60.",
            [(60, "killed", "azerbaijan", "third_party")],
            conflict=AA,
        )
    ),
    ok(
        Case(
            "tally-demonym-before-loss-word",
            "The number of Russians killed in the Kherson region has risen to 230, Kyiv said.",
            [(230, "killed", "russia", "ukraine")],
            conflict=RU,
        )
    ),
    ok(
        Case(
            "lost-by-names-the-loser",
            "The spokesman listed 30 drones, 5 helicopters, as well as 3 rocket systems lost by "
            "Baku.",
            [
                (30, "drones", "azerbaijan", "unattributed"),
                (5, "helicopters", "azerbaijan", "unattributed"),
                (3, "mlrs", "azerbaijan", "unattributed"),
            ],
            conflict=AA,
        )
    ),
    ok(
        Case(
            "destroyed-by-names-the-attacker",
            "Armenia said 12 tanks were destroyed by Azerbaijani drones near Fuzuli.",
            [(12, "tanks", "armenia", "armenia")],
            conflict=AA,
        )
    ),
    ok(
        Case(
            "speaker-is-no-attacker",
            "The Azerbaijani side said 12 servicemen had been killed and 30 others wounded.",
            [
                (12, "killed", "azerbaijan", "azerbaijan"),
                (30, "wounded", "azerbaijan", "azerbaijan"),
            ],
            conflict=AA,
        )
    ),
    ok(
        Case(
            "speaker-through-claimant-heads-is-no-attacker",
            "Artsakh military officials said the number of dead among military members had "
            "risen to 410.",
            [(410, "killed", "armenia", "armenia")],
            conflict=AA,
        )
    ),
    ok(
        Case(
            "object-of-a-loss-verb-is-no-attacker",
            "A spokeswoman for Armenia's Defence Ministry said its forces killed scores of "
            "Azerbaijani soldiers and destroyed 18 tanks.",
            [(18, "tanks", "azerbaijan", "armenia")],
            conflict=AA,
        )
    ),
    ok(
        Case(
            "by-after-a-loss-verb-names-the-attacker",
            "Since the start of the war, 52 civilians have been killed and 130 wounded by "
            "Azerbaijani shelling, Yerevan said.",
            [(52, "killed", "armenia", "armenia"), (130, "wounded", "armenia", "armenia")],
            conflict=AA,
        )
    ),
    ok(
        Case(
            "attacker-side-before-loss",
            "Armenian forces shelled the village, killing 4 people, Baku said.",
            [(4, "killed", "azerbaijan", "azerbaijan")],
            conflict=AA,
        )
    ),
    ok(
        Case(
            "bare-count-shares-coordinated-noun-phrase",
            "The TPLF said it had killed 700 and wounded 1,200 enemy soldiers since March.",
            [(700, "killed", "ethiopia", "tigray"), (1200, "wounded", "ethiopia", "tigray")],
            conflict=ET,
        )
    ),
    ok(
        Case(
            "active-loss-verb-keeps-its-object",
            "Ukrainian forces killed more than 40 Russian soldiers near Bakhmut, Kyiv said.",
            [(40, "killed", "russia", "ukraine")],
            conflict=RU,
        )
    ),
    ok(
        Case(
            "patient-not-agent-tanks",
            "Ukrainian forces destroyed 12 Russian tanks near Vuhledar, the General Staff said.",
            [(12, "tanks", "russia", "ukraine")],
        )
    ),
    ok(
        Case(
            "patient-not-agent-helicopters",
            "Armenian troops downed 3 Azerbaijani helicopters, the Armenian Defence Ministry said.",
            [(3, "helicopters", "azerbaijan", "armenia")],
        )
    ),
    ok(
        Case(
            "possessive-army-losses",
            "The Russian army's losses near Avdiivka reached 900 soldiers killed, Kyiv said.",
            [(900, "killed", "russia", "ukraine")],
        )
    ),
    ok(
        Case(
            "possessive-the-enemys",
            "The Ukrainian Navy said it had hit the enemy's 3 ammunition depots in Crimea.",
            [(3, "other_equipment", "russia", "ukraine")],
            conflict=RU,
        )
    ),
    Case(
        "the-enemy-of-russian-claimant",
        "The Russian Defence Ministry said the enemy lost 30 soldiers killed near Kupiansk.",
        [(30, "killed", "ukraine", "russia")],
        conflict=RU,
    ),
    Case(
        "the-enemy-of-armenian-claimant",
        "The Armenian Defence Ministry said the enemy lost 8 tanks overnight.",
        [(8, "tanks", "azerbaijan", "armenia")],
        conflict=AA,
    ),
    ok(
        Case(
            "equipment-by-russian-ministry",
            "Russia's Defence Ministry said its air defences shot down 24 drones overnight.",
            [(24, "drones", "ukraine", "russia")],
            conflict=RU,
        )
    ),
    ok(
        Case(
            "equipment-by-ukrainian-air-force",
            "The Ukrainian Air Force said 31 drones were shot down overnight.",
            [(31, "drones", "russia", "ukraine")],
            conflict=RU,
        )
    ),
    ok(
        Case(
            "they-lost-after-named-troops",
            "The Russian Defence Ministry said Ukrainian troops lost 14 tanks. They also lost 9 "
            "howitzers, it said.",
            [(14, "tanks", "ukraine", "russia"), (9, "artillery", "ukraine", "russia")],
            conflict=RU,
        )
    ),
    xfail(
        Case(
            "it-lost-after-named-army",
            "The Artsakh Defence Army fought off the offensive overnight. It lost 11 servicemen, "
            "the army said.",
            [(11, "killed", "armenia", "armenia")],
            conflict=AA,
        ),
        reason="'It lost' / 'the army said' after 'The Artsakh Defence Army' not resolved: "
        "subject_side unknown and claimant unattributed instead of armenia/armenia",
    ),
]

# Counts: how the number is written. Columns: (value, value_low, value_high, qualifier, category).
COUNT_COLUMNS = ("value", "value_low", "value_high", "qualifier", "category")
COUNTS = [
    ok(
        Case(
            "casualties-bringing-a-death-toll-were-deaths",
            "The ministry reported 31 more casualties on Friday, bringing the death toll to 410.",
            [(31, None, None, "exact", "killed"), (410, None, None, "exact", "killed")],
            conflict=AA,
        )
    ),
    ok(
        Case(
            "casualties-beside-a-death-toll-stay-casualties",
            "The ministry reported 31 casualties on Friday; the death toll stands at 410.",
            [(31, None, None, "exact", "killed_or_wounded"), (410, None, None, "exact", "killed")],
            conflict=AA,
        )
    ),
    ok(
        Case(
            "longer-noun-at-one-place-wins",
            "The shelling damaged 25 civilian facilities in Tartar, the ministry said.",
            [(25, None, None, "exact", "infrastructure")],
            conflict=AA,
        )
    ),
    ok(
        Case(
            "month-ending-the-sentence-before-is-no-date-of-the-count",
            "The toll rose to 31 aid workers killed since 9 March. Four have been injured.",
            [(31, None, None, "exact", "killed"), (4, None, None, "exact", "wounded")],
            conflict=RU,
        )
    ),
    ok(
        Case(
            "and-count-shares-the-loss-noun",
            "The ministry has reported 210 casualties among the troops and 17 civilians, it said.",
            [
                (210, None, None, "exact", "killed_or_wounded"),
                (17, None, None, "exact", "killed_or_wounded"),
            ],
            conflict=AA,
        )
    ),
    ok(
        Case(
            "and-count-shares-the-loss-verb",
            "Officials said 40 soldiers were killed, and 12 civilians.",
            [(40, None, None, "exact", "killed"), (12, None, None, "exact", "killed")],
            conflict=AA,
        )
    ),
    ok(
        Case(
            "and-count-with-its-own-clause-shares-nothing",
            "The army said 5 soldiers were killed and 20 families received food parcels.",
            [(5, None, None, "exact", "killed")],
            conflict=AA,
        )
    ),
    ok(
        Case(
            "heavy-fire-systems-are-mlrs",
            "Yerevan said two TOS-1A heavy fire systems and 4 flamethrower systems were destroyed.",
            [(2, None, None, "exact", "mlrs"), (4, None, None, "exact", "mlrs")],
            conflict=AA,
        )
    ),
    ok(
        Case(
            "murder-of-noun-first",
            "Prosecutors in Kyiv opened a case into the murder of six civilians in the village.",
            [(6, None, None, "exact", "killed")],
            conflict=RU,
        )
    ),
    ok(
        Case(
            "massacre-of-noun-first",
            "Witnesses described the massacre of 40 villagers near the river in Tigray.",
            [(40, None, None, "exact", "killed")],
            conflict=ET,
        )
    ),
    ok(
        Case(
            "murder-is-no-count-of-trials",
            "The Russian officer was charged with murder in 3 separate trials.",
            [],
            conflict=RU,
        )
    ),
    ok(
        Case(
            "list-joined-by-as-well-as",
            "The Russian Defence Ministry said 40 drones, 7 helicopters, as well as two rocket "
            "systems were destroyed.",
            [
                (40, None, None, "exact", "drones"),
                (7, None, None, "exact", "helicopters"),
                (2, None, None, "exact", "mlrs"),
            ],
            conflict=RU,
        )
    ),
    ok(
        Case(
            "space-thousands",
            "The Ukrainian General Staff said 5 540 Russian soldiers were killed in March.",
            [(5540, None, None, "exact", "killed")],
            conflict=RU,
        )
    ),
    ok(
        Case(
            "space-thousands-range",
            "Western analysts estimate that from 189 000 to 273 000 Russian soldiers have been "
            "killed or wounded.",
            [(231000, 189000, 273000, "range", "killed_or_wounded")],
            conflict=RU,
        )
    ),
    ok(
        Case(
            "colon-list",
            "The Ukrainian Defence Ministry said its forces destroyed: 40 tanks, 12 helicopters "
            "and 300 drones.",
            [
                (40, None, None, "exact", "tanks"),
                (12, None, None, "exact", "helicopters"),
                (300, None, None, "exact", "drones"),
            ],
            conflict=RU,
        )
    ),
    Case(
        "revised-toll",
        "The death toll in the Mekelle market strike rose from 12 to 17 and then to 23, "
        "Tigray health officials said.",
        [
            (12, None, None, "exact", "killed"),
            (17, None, None, "exact", "killed"),
            (23, None, None, "exact", "killed"),
        ],
        conflict=ET,
    ),
    ok(
        Case(
            "plus-is-at-least",
            "The UN said 3,100+ civilians were killed in the Donetsk region.",
            [(3100, 3100, None, "at_least", "killed")],
            conflict=RU,
        )
    ),
    ok(
        Case(
            "an-estimated-range-of-people",
            "Researchers put the toll at an estimated 40,000–60,000 people killed in Tigray.",
            [(50000, 40000, 60000, "range", "killed")],
            conflict=ET,
        )
    ),
    ok(
        Case(
            "neutralised",
            "The Azerbaijani Defence Ministry said 57 Armenian servicemen were neutralised.",
            [(57, None, None, "exact", "killed_or_wounded")],
            conflict=AA,
        )
    ),
    ok(
        Case(
            "lost-their-lives",
            "Nine Azerbaijani civilians lost their lives in the shelling of Tartar, Baku said.",
            [(9, None, None, "exact", "killed")],
            conflict=AA,
        )
    ),
    ok(
        Case(
            "noun-first",
            "Civilian deaths: 212, according to the UN monitoring mission.",
            [(212, None, None, "exact", "killed")],
            conflict=RU,
        )
    ),
    xfail(
        Case(
            "out-of-cases-of-injuries",
            "Out of 45 cases of injuries recorded in Ganja, 30 were civilians, Azerbaijan's Health "
            "Ministry said.",
            [(45, None, None, "exact", "wounded"), (30, None, None, "exact", "wounded")],
            conflict=AA,
        ),
        reason="'Out of 45 cases of injuries': the total 45 gives no row (only the part 30 is "
        "found)",
    ),
]

# Personnel convention: the daily tallies of Ukraine's General Staff and Russia's MoD count
# "losses"/"lost"/"eliminated" as killed_or_wounded unless the sentence says killed; other
# claimants' "lost" is killed; "KIA" is killed. Columns: (value, category, subject_side,
# claimant_side).
PERSONNEL = [
    Case(
        "general-staff-personnel-losses",
        "Ukraine's General Staff said Russian personnel losses over the past day amounted to 720.",
        [(720, "killed_or_wounded", "russia", "ukraine")],
        published="2023-06-14",
    ),
    ok(
        Case(
            "general-staff-lost-personnel",
            "Ukraine's General Staff said Russia lost 1,050 personnel in a day.",
            [(1050, "killed_or_wounded", "russia", "ukraine")],
            published="2023-11-02",
        )
    ),
    ok(
        Case(
            "general-staff-restated-cumulative",
            "The General Staff of Ukraine said Russia had lost 215,000 personnel since the "
            "invasion began.",
            [(215000, "killed_or_wounded", "russia", "ukraine")],
            published="2023-06-14",
        )
    ),
    ok(
        Case(
            "russian-mod-losses",
            "The Russian Defence Ministry said Ukraine lost up to 560 servicemen near Avdiivka.",
            [(560, "killed_or_wounded", "ukraine", "russia")],
            published="2023-11-02",
        )
    ),
    ok(
        Case(
            "ukrainian-military-eliminated",
            "Per the Ukrainian military, some 8,300 Russian troops have been eliminated since May.",
            [(8300, "killed_or_wounded", "russia", "ukraine")],
            published="2022-09-20",
        )
    ),
    ok(
        Case(
            "ukrainian-military-says-killed",
            "The Ukrainian military said 35 Russian soldiers were killed in the counterattack.",
            [(35, "killed", "russia", "ukraine")],
            published="2022-09-20",
        )
    ),
    ok(
        Case(
            "russian-mod-eliminated",
            "The Russian Defence Ministry said up to 560 Ukrainian servicemen were eliminated near "
            "Avdiivka.",
            [(560, "killed_or_wounded", "ukraine", "russia")],
            published="2023-11-02",
        )
    ),
    ok(
        Case(
            "russian-mod-says-killed",
            "The Russian Defence Ministry said 450 Ukrainian servicemen were killed near "
            "Zaporizhzhia.",
            [(450, "killed", "ukraine", "russia")],
            published="2023-06-14",
        )
    ),
    ok(
        Case(
            "lost-without-tally-practice",
            "The Armenian Defence Ministry said Azerbaijan had lost 200 troops in the fighting.",
            [(200, "killed", "azerbaijan", "armenia")],
            published="2020-10-12",
        )
    ),
    ok(
        Case(
            "kia",
            "A Pentagon official said 20,000 Russian soldiers were KIA in the battle for Bakhmut.",
            [(20000, "killed", "russia", "third_party")],
            conflict=RU,
        )
    ),
]

# Who the people counted were (population): the noun phrase, a total's parts, an
# elided noun, two populations named together, and what a sentence without a noun says.
# Columns: (value, category, population).
POPULATION_COLUMNS = ("value", "category", "population")
POPULATION = [
    ok(
        Case(
            "inclusion-of-two-populations-is-mixed",
            "Yerevan said the enemy suffered 900 manpower losses, which include both army "
            "servicemen and mercenaries.",
            [(900, "killed", "mixed")],
            conflict=AA,
        )
    ),
    ok(
        Case(
            "parts-adding-up-say-who-the-total-is",
            "Officials said 30 people were wounded, including 18 women and 12 children.",
            [(30, "wounded", "civilian"), (18, "wounded", "civilian"), (12, "wounded", "civilian")],
            conflict="unknown",
        )
    ),
    ok(
        Case(
            "including-children-leaves-the-rest-open",
            "The health ministry said 2,100 people have been killed, including 600 children.",
            [(2100, "killed", "mixed"), (600, "killed", "civilian")],
            conflict="unknown",
        )
    ),
    ok(
        Case(
            "people-listed-with-equipment-are-troops",
            "Baku said the Armenian side had lost 300 people, 12 drones and 20 tanks.",
            [(300, "killed", "military"), (12, "drones", "military"), (20, "tanks", "military")],
            conflict=AA,
        )
    ),
    ok(
        Case(
            "partitive-of-their",
            "Local officials said 12 more of their servicemen had been killed near the river.",
            [(12, "killed", "military")],
            conflict=AA,
        )
    ),
    ok(
        Case(
            "partitive-of-its",
            "Moscow said 4,100 of its troops had been killed in the Donetsk region.",
            [(4100, "killed", "military")],
            conflict=RU,
        )
    ),
    ok(
        Case(
            "others-take-the-count-before",
            "The ministry said 15 soldiers had been killed and 60 others injured in the fighting.",
            [(15, "killed", "military"), (60, "wounded", "military")],
            conflict=AA,
        )
    ),
    ok(
        Case(
            "more-take-the-count-before",
            "One civilian was killed and 9 more were wounded when the school was hit.",
            [(1, "killed", "civilian"), (9, "wounded", "civilian")],
            conflict=RU,
        )
    ),
    ok(
        Case(
            "parts-take-their-total",
            "Russian losses came to 310 troops (95 killed, 210 wounded, 5 captured), Kyiv said.",
            [
                (310, "killed_or_wounded", "military"),
                (95, "killed", "military"),
                (210, "wounded", "military"),
                (5, "captured", "military"),
            ],
            conflict=RU,
        )
    ),
    ok(
        Case(
            "bare-count-takes-coordinated-noun",
            "The rebels said they had killed 700 and wounded 1,200 government soldiers.",
            [(700, "killed", "military"), (1200, "wounded", "military")],
            conflict=ET,
        )
    ),
    ok(
        Case(
            "two-populations-are-mixed",
            "Kyiv said 85 Russian soldiers and mercenaries were killed near Bakhmut.",
            [(85, "killed", "mixed")],
            conflict=RU,
        )
    ),
    ok(
        Case(
            "displaced-are-civilians",
            "The fighting has displaced about 90,000 people from the border districts.",
            [(90000, "displaced", "civilian")],
            conflict=AA,
        )
    ),
    ok(
        Case(
            "people-in-a-town-are-civilians",
            "Seven people were killed in Barda on Tuesday, Baku said.",
            [(7, "killed", "civilian")],
            conflict=AA,
        )
    ),
    ok(
        Case(
            "people-with-no-place-are-civilians",
            "The prosecutor said 14 people died and 31 were injured after the strike.",
            [(14, "killed", "civilian"), (31, "wounded", "civilian")],
            conflict=AA,
        )
    ),
    ok(
        Case(
            "a-sides-bare-losses-are-military",
            "According to Yerevan, the Azerbaijani army lost 460 killed in a week.",
            [(460, "killed", "military")],
            conflict=AA,
        )
    ),
    ok(
        Case(
            "no-profile-toll-is-mixed",
            "The death toll in the province has risen to 1,240 people, the health ministry said.",
            [(1240, "killed", "mixed")],
            conflict="unknown",
        )
    ),
]

# What span a figure covers (scope): an increment is a period's, "since" a date or a
# running-total word makes it cumulative, an attack an incident; a figure the wording
# says nothing of is taken for a running total. Columns: (value, category, scope).
SCOPE_COLUMNS = ("value", "category", "scope")
SCOPE = [
    ok(
        Case(
            "increment-more-is-a-period",
            "The ministry reported 27 more military casualties on Friday.",
            [(27, "killed_or_wounded", "period")],
            conflict=AA,
            published="2020-10-12",
        )
    ),
    ok(
        Case(
            "another-n-is-a-period",
            "Kyiv said another 240 Russian soldiers had been killed.",
            [(240, "killed", "period")],
            conflict=RU,
        )
    ),
    ok(
        Case(
            "since-a-date-is-cumulative",
            "At least 610 civilians have been killed since 24 February, the UN said.",
            [(610, "killed", "cumulative")],
            conflict=RU,
            published="2022-04-01",
        )
    ),
    ok(
        Case(
            "past-24-hours-is-a-period",
            "Ukraine said 480 Russian troops were killed in the past 24 hours.",
            [(480, "killed", "period")],
            conflict=RU,
        )
    ),
    ok(
        Case(
            "an-attack-is-an-incident",
            "Three civilians were killed in a drone attack on the market, officials said.",
            [(3, "killed", "incident")],
            conflict=RU,
        )
    ),
    ok(
        Case(
            "no-wording-is-a-running-total",
            "The Armenian Defence Ministry said Azerbaijan had lost 120 tanks.",
            [(120, "tanks", "cumulative")],
            conflict=AA,
        )
    ),
    ok(
        Case(
            "later-more-means-others",
            "One resident was killed in the shelling and 14 more were wounded.",
            [(1, "killed", "incident"), (14, "wounded", "incident")],
            conflict=AA,
        )
    ),
]

# Conflict detection from the actors and places named, and wars with no profile.
# Columns: (value, conflict, subject_side, claimant_side).
CONFLICT_COLUMNS = ("value", "conflict", "subject_side", "claimant_side")
CONFLICTS = [
    ok(
        Case(
            "russia-ukraine-text",
            "Ukrainian officials said a Russian missile hit a railway station in Lviv, killing 7 "
            "civilians.",
            [(7, RU, "ukraine", "ukraine")],
            published="2022-05-03",
        )
    ),
    ok(
        Case(
            "tigray-text",
            "Tigray Defense Forces spokesman Getachew Reda said 3,000 Ethiopian soldiers had been "
            "captured near Mekelle.",
            [(3000, ET, "ethiopia", "tigray")],
            published="2021-07-20",
        )
    ),
    ok(
        Case(
            "karabakh-text",
            "Shelling of Stepanakert killed 4 civilians, the Artsakh Ombudsman said.",
            [(4, AA, "armenia", "armenia")],
        )
    ),
    ok(
        Case(
            "no-profile-belligerent",
            "Sudan's army said 45 Rapid Support Forces fighters were killed in Omdurman.",
            [(45, "unknown", "unknown", "unattributed")],
            published="2024-02-10",
        )
    ),
    ok(
        Case(
            "no-profile-civic-group",
            "A doctors' committee in Omdurman said 12 civilians died in shelling by the Rapid "
            "Support Forces.",
            [(12, "unknown", "unknown", "third_party")],
            published="2024-02-10",
        )
    ),
]

# Figures of another era are not claims of this conflict: a sentence dating its figure
# before the conflict's start, or naming a genocide or a world war.
# Columns: (value, category, conflict).
ERA_COLUMNS = ("value", "category", "conflict")
OTHER_ERA = [
    ok(
        Case(
            "dated-before-start",
            "The Armenian Defence Ministry said 20 Azerbaijani soldiers were killed near Hadrut. "
            "In 1994, some 30,000 people had been killed in the first war.",
            [(20, "killed", AA)],
            published="2020-10-15",
        )
    ),
    ok(
        Case(
            "genocide",
            "The Armenian Defence Ministry said 20 Azerbaijani soldiers were killed near Hadrut. "
            "Speakers at the rally recalled the 1.5 million victims of the Armenian Genocide.",
            [(20, "killed", AA)],
            published="2020-10-15",
        )
    ),
    ok(
        Case(
            "world-war",
            "The Russian Defence Ministry said 60 Ukrainian soldiers were killed near Izium. Putin "
            "recalled the 27 million Soviet citizens killed in the Second World War.",
            [(60, "killed", RU)],
            published="2022-05-09",
        )
    ),
    ok(
        Case(
            "famine-before-start",
            "During the 1984 famine, 400,000 people died in Tigray. Tigrayan officials said 40 "
            "civilians were killed in Axum.",
            [(40, "killed", ET)],
            published="2021-05-01",
        )
    ),
]

# Dates: month names only as whole words; no document date, no year guess; relative days
# from the document date; a date in an earlier paragraph does not carry.
# Columns: (value, claim_date, date_basis).
DATE_COLUMNS = ("value", "claim_date", "date_basis")
DATES = [
    ok(
        Case(
            "four-separate-attacks-not-september",
            "The Azerbaijani Defence Ministry said 4 separate attacks on Tartar were repelled and "
            "6 Armenian soldiers were killed.",
            [(6, "2020-10-05", "document")],
            published="2020-10-05",
        )
    ),
    ok(
        Case(
            "seven-marching-not-march",
            "The Armenian Defence Ministry said 7 marching soldiers of the Azerbaijani army were "
            "killed by artillery fire.",
            [(7, "2020-10-05", "document")],
            published="2020-10-05",
        )
    ),
    ok(
        Case(
            "no-document-date-no-year-guess",
            "The Armenian Defence Ministry said 14 Azerbaijani soldiers were killed on 3 October.",
            [(14, None, "unknown")],
        )
    ),
    ok(
        Case(
            "no-document-date-no-date",
            "The Armenian Defence Ministry said 14 Azerbaijani soldiers were killed.",
            [(14, None, "unknown")],
        )
    ),
    ok(
        Case(
            "on-tuesday-from-published",
            "The Armenian Defence Ministry said on Tuesday that 49 Armenian soldiers were killed "
            "in the Azerbaijani attack.",
            [(49, "2022-09-13", "text")],
            published="2022-09-15",
        )
    ),
    ok(
        Case(
            "explicit-date-in-sentence",
            "On 2 October the Armenian Defence Ministry said 9 Azerbaijani tanks were destroyed.",
            [(9, "2020-10-02", "text")],
            published="2020-10-05",
        )
    ),
    ok(
        Case(
            "earlier-paragraph-date-does-not-carry",
            "On 2 October, fighting spread to Hadrut.\n\n"
            "The Armenian Defence Ministry said 9 Azerbaijani tanks were destroyed.",
            [(9, "2020-10-05", "document")],
            published="2020-10-05",
        )
    ),
]

# Not claims: error margins, counts of attacks/strikes/shells, per-cent figures.
# Columns: (value, category); only the real loss figures are expected.
NOT_CLAIM_COLUMNS = ("value", "category")
NOT_CLAIMS = [
    ok(
        Case(
            "a-second-one-is-a-pronoun",
            "The footage shows a tank hit near the bridge and another one burning by the road, "
            "while a second one drives away.",
            [],
            conflict=RU,
        )
    ),
    ok(
        Case(
            "one-another-is-a-pronoun",
            "Both armies claim to have inflicted heavy military casualties on one another.",
            [],
            conflict=AA,
        )
    ),
    ok(
        Case(
            "one-as-a-count-stays",
            "Kyiv said one tank was destroyed and one soldier killed near the bridge.",
            [(1, "tanks"), (1, "killed")],
            conflict=RU,
        )
    ),
    ok(
        Case(
            "plus-minus-margin",
            "The UN monitoring mission said 412 civilians were killed in May, a figure accurate to "
            "±10.",
            [(412, "killed")],
            conflict=RU,
        )
    ),
    ok(
        Case(
            "may-vary-by",
            "The UN monitoring mission said 412 civilians were killed in May; the count may vary "
            "by 20.",
            [(412, "killed")],
            conflict=RU,
        )
    ),
    ok(
        Case(
            "strikes",
            "Russia launched 35 strikes on Odesa overnight, the Ukrainian Air Force said.",
            [],
            conflict=RU,
        )
    ),
    ok(
        Case(
            "attacks",
            "Ukrainian officials recorded 118 attacks on the town of Nikopol during the week.",
            [],
            conflict=RU,
        )
    ),
    ok(
        Case(
            "shells",
            "Azerbaijani forces fired 300 shells at Stepanakert, the Artsakh Ombudsman said.",
            [],
            conflict=AA,
        )
    ),
    ok(
        Case(
            "strikes-beside-a-toll",
            "Ukrainian officials said 4 Russian missile strikes on Dnipro killed 11 civilians.",
            [(11, "killed")],
            conflict=RU,
        )
    ),
    ok(
        Case(
            "percent-word",
            "About 30 percent of Ukraine's power grid was destroyed, officials said.",
            [],
            conflict=RU,
        )
    ),
    ok(
        Case(
            "percent-sign",
            "Ukrainian officials said 18% of the Russian tanks deployed near Kupiansk were "
            "destroyed.",
            [],
            conflict=RU,
        )
    ),
]


@pytest.mark.parametrize("case", OPEN_CLAIMANTS)
def test_open_claimants(case: Case) -> None:
    assert observed(case, CLAIMANT_COLUMNS) == case.expected


@pytest.mark.parametrize("case", CAPITALS)
def test_country_or_capital_as_claimant(case: Case) -> None:
    assert observed(case, CLAIMANT_COLUMNS) == case.expected


@pytest.mark.parametrize("case", REFERENCES)
def test_claimant_references(case: Case) -> None:
    assert observed(case, CLAIMANT_COLUMNS) == case.expected


@pytest.mark.parametrize("case", FRAMES)
def test_headlines_and_sections(case: Case) -> None:
    assert observed(case, FRAME_COLUMNS) == case.expected


@pytest.mark.parametrize("case", WHOSE_LOSS)
def test_whose_loss(case: Case) -> None:
    assert observed(case, FRAME_COLUMNS) == case.expected


@pytest.mark.parametrize("case", COUNTS)
def test_counts(case: Case) -> None:
    assert observed(case, COUNT_COLUMNS) == case.expected


@pytest.mark.parametrize("case", PERSONNEL)
def test_personnel_convention(case: Case) -> None:
    assert observed(case, FRAME_COLUMNS) == case.expected


@pytest.mark.parametrize("case", CONFLICTS)
def test_conflict_detection(case: Case) -> None:
    assert observed(case, CONFLICT_COLUMNS) == case.expected


@pytest.mark.parametrize("case", OTHER_ERA)
def test_other_era_dropped(case: Case) -> None:
    assert observed(case, ERA_COLUMNS) == case.expected


@pytest.mark.parametrize("case", DATES)
def test_dates(case: Case) -> None:
    assert observed(case, DATE_COLUMNS) == case.expected


@pytest.mark.parametrize("case", NOT_CLAIMS)
def test_not_claims(case: Case) -> None:
    assert observed(case, NOT_CLAIM_COLUMNS) == case.expected


@pytest.mark.parametrize("case", POPULATION)
def test_population(case: Case) -> None:
    assert observed(case, POPULATION_COLUMNS) == case.expected


@pytest.mark.parametrize("case", SCOPE)
def test_scope(case: Case) -> None:
    assert observed(case, SCOPE_COLUMNS) == case.expected
