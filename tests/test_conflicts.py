"""Conflict profiles: well-formed data, one side per name, and the API around them."""

import datetime as dt

import pytest

import lossdata
from lossdata.actors import gazetteer
from lossdata.conflicts import (
    allowed_sides,
    claimant_sides,
    detect_conflict,
    get_profile,
    list_conflicts,
    subject_sides,
)
from lossdata.schema import CLAIMANT_SIDES, SIDES

PROFILES = list_conflicts()


def test_the_contracts_profiles_are_there():
    assert {"armenia-azerbaijan", "russia-ukraine", "ethiopia-tigray"} <= set(PROFILES)
    assert lossdata.list_conflicts() == PROFILES


@pytest.mark.parametrize("conflict", PROFILES)
def test_profile_is_well_formed(conflict):
    p = get_profile(conflict)
    assert p.id == conflict and p.title
    assert len(p.sides) == 2 and len(set(p.side_ids)) == 2
    assert p.end is None or p.start < p.end
    for side in p.sides:
        assert side.name and side.government and side.demonyms and side.actors
        assert p.opponent(side.id) in p.side_ids and p.opponent(side.id) != side.id
        for actor in side.actors:
            assert actor["name"] and isinstance(actor.get("aliases", []), list)


@pytest.mark.parametrize("conflict", PROFILES)
def test_no_name_stands_for_both_sides(conflict):
    """An alias of one side's actor must not also name the other side's."""
    p = get_profile(conflict)
    owner: dict[str, str] = {}
    for side in p.sides:
        names = [side.government, *side.country_names, *side.demonyms, *side.places]
        for actor in side.actors:
            names += [actor["name"], *actor.get("aliases", [])]
        for name in names:
            key = " ".join(str(name).split()).lower()
            assert owner.setdefault(key, side.id) == side.id, f"{name!r} is on both sides"


def test_schema_vocabularies_come_from_the_profiles():
    assert subject_sides() == SIDES and claimant_sides() == CLAIMANT_SIDES
    for conflict in PROFILES:
        subject, claimant = allowed_sides(conflict)
        assert set(get_profile(conflict).side_ids) <= subject & claimant
    assert allowed_sides("unknown") == (
        frozenset({"third_party", "unknown"}),
        frozenset({"third_party", "unattributed"}),
    )


def test_an_unknown_conflict_id_lists_the_valid_ones():
    with pytest.raises(ValueError, match="valid: armenia-azerbaijan, .*unknown"):
        get_profile("martian-war")
    with pytest.raises(ValueError, match="unknown conflict 'martian-war'"):
        lossdata.extract_claims("Twelve soldiers were killed.", conflict="martian-war")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Kyiv said Russian forces lost 40 tanks near Kharkiv.", None, "russia-ukraine"),
        (
            "The Tigray Defense Forces said they captured Ethiopian soldiers in Mekelle.",
            None,
            "ethiopia-tigray",
        ),
        ("Baku said Armenian shelling hit Ganja.", "2020-10-11", "armenia-azerbaijan"),
        # A date before a war's start rules its profile out.
        ("Kyiv said Russian forces lost 40 tanks near Kharkiv.", "2005-01-01", "unknown"),
        ("Heavy rain fell on the capital on Tuesday.", None, "unknown"),
        # States outside every profile named more than the profile's own names.
        (
            "Israel said Hamas fighters attacked; Gaza and Israel traded fire, Russia said.",
            None,
            "unknown",
        ),
    ],
)
def test_detection(text, published, expected):
    day = dt.date.fromisoformat(published) if published else None
    assert detect_conflict(text, day) == expected


def test_a_state_is_a_side_in_its_war_and_a_third_party_elsewhere():
    mention = gazetteer("russia-ukraine").claimants("Moscow said")[0]
    assert mention.actor.side == "russia"
    mention = gazetteer("armenia-azerbaijan").claimants("Moscow said")[0]
    assert mention.actor.side == "third_party"


def _scalars(node):
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from _scalars(value)
    elif isinstance(node, list):
        for value in node:
            yield from _scalars(value)
    else:
        yield node


def test_no_lexicon_word_is_read_as_a_yaml_boolean():
    """An unquoted `on`, `no` or `off` in a word list is a boolean, not the word."""
    from importlib import resources

    import yaml

    folder = resources.files("lossdata") / "resources"
    files = [*folder.iterdir(), *(folder / "conflicts").iterdir()]
    for path in files:
        if path.name.endswith(".yaml"):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            assert not [v for v in _scalars(data) if isinstance(v, bool)], path.name
