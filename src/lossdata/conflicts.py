"""Conflict profiles: which war a text is about, and the two sides of it.

A profile (``resources/conflicts/<id>.yaml``) names a conflict's sides with their
actors, demonyms and places, and its dates. Knowledge of a particular war lives
there, never in code: adding a conflict is a data change.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

import yaml

from .settings import SETTINGS

__all__ = [
    "UNKNOWN",
    "Profile",
    "Side",
    "claimant_sides",
    "allowed_sides",
    "choose_conflict",
    "covering",
    "detect_conflict",
    "get_profile",
    "list_conflicts",
    "side_labels",
    "side_palette",
    "subject_sides",
]

UNKNOWN = "unknown"  # the conflict of a text no profile fits
THIRD_PARTY = "third_party"


@dataclass(frozen=True)
class Side:
    """One side of a conflict."""

    id: str
    name: str  # canonical subject name of the side's state or people
    government: str  # canonical claimant for "<country> says"
    country_names: tuple[str, ...]
    demonyms: tuple[str, ...]
    actors: tuple[dict, ...]
    subjects: tuple[dict, ...]
    places: tuple[str, ...]
    label: str = ""


@dataclass(frozen=True)
class Profile:
    """A conflict: id, title, dates, two sides and the third parties it knows."""

    id: str
    title: str
    start: dt.date
    end: dt.date | None
    names: tuple[str, ...]
    sides: tuple[Side, ...]
    third_actors: tuple[dict, ...]
    third_subjects: tuple[dict, ...]
    # Dated turning points charts draw ("War begins", "Ceasefire"), oldest first.
    events: tuple[tuple[dt.date, str], ...] = ()

    @property
    def side_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.sides)

    def opponent(self, side: str) -> str | None:
        """The other side of ``side``, or None for a third party."""
        ids = self.side_ids
        if side not in ids or len(ids) != 2:
            return None
        return ids[1] if side == ids[0] else ids[0]

    def side(self, side_id: str) -> Side | None:
        return next((s for s in self.sides if s.id == side_id), None)

    def covers(self, day: dt.date | None) -> bool:
        """Whether a document of ``day`` can be about this conflict (undated: yes)."""
        if day is None:
            return True
        if day < self.start:
            return False
        return self.end is None or day <= self.end + dt.timedelta(days=730)


def _folder():
    return resources.files("lossdata") / "resources" / "conflicts"


def _date(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _side(entry: dict) -> Side:
    return Side(
        id=entry["id"],
        name=entry["name"],
        government=entry.get("government", f"{entry['name']} government"),
        country_names=tuple(entry.get("country_names", ())),
        demonyms=tuple(entry.get("demonyms", ())),
        actors=tuple(entry.get("actors", ())),
        subjects=tuple(entry.get("subjects", ())),
        places=tuple(entry.get("places", ())),
        label=entry.get("label", entry["name"]),
    )


@functools.cache
def _profiles() -> dict[str, Profile]:
    out = {}
    for path in sorted(_folder().iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".yaml"):
            continue
        with path.open("r", encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
        third = data.get("third_parties") or {}
        profile = Profile(
            id=data["id"],
            title=data["title"],
            start=_date(data["start"]),
            end=_date(data.get("end")),
            names=tuple(data.get("names", ())),
            sides=tuple(_side(s) for s in data["sides"]),
            third_actors=tuple(third.get("actors", ())),
            third_subjects=tuple(third.get("subjects", ())),
            events=tuple(
                sorted((_date(e["date"]), str(e["label"])) for e in data.get("events") or ())
            ),
        )
        out[profile.id] = profile
    return out


def list_conflicts() -> list[str]:
    """The ids of the conflict profiles lossdata knows.

    >>> "russia-ukraine" in list_conflicts()
    True
    """
    return sorted(_profiles())


def get_profile(conflict: str) -> Profile | None:
    """The profile of ``conflict``; None for ``"unknown"``; ValueError naming the valid ids."""
    if conflict == UNKNOWN:
        return None
    try:
        return _profiles()[conflict]
    except KeyError:
        valid = ", ".join([*list_conflicts(), UNKNOWN])
        raise ValueError(f"unknown conflict {conflict!r}; valid: {valid}") from None


def subject_sides() -> list[str]:
    """Every value ``subject_side`` may take, over all profiles."""
    ids = [i for p in _profiles().values() for i in p.side_ids]
    return [*dict.fromkeys(ids), THIRD_PARTY, "unknown"]


def claimant_sides() -> list[str]:
    """Every value ``claimant_side`` may take, over all profiles."""
    ids = [i for p in _profiles().values() for i in p.side_ids]
    return [*dict.fromkeys(ids), THIRD_PARTY, "unattributed"]


def allowed_sides(conflict: str) -> tuple[frozenset[str], frozenset[str]]:
    """(subject sides, claimant sides) a row of ``conflict`` may take."""
    profile = _profiles().get(conflict)
    ids = profile.side_ids if profile else ()
    return (
        frozenset([*ids, THIRD_PARTY, "unknown"]),
        frozenset([*ids, THIRD_PARTY, "unattributed"]),
    )


_SIDE_COLOURS = ("#D55E00", "#0072B2")  # Okabe-Ito vermillion and blue


def side_palette() -> dict[str, str]:
    """A colour per side id: the first side of each conflict vermillion, the second blue."""
    return {s.id: _SIDE_COLOURS[i % 2] for p in _profiles().values() for i, s in enumerate(p.sides)}


def side_labels() -> dict[str, str]:
    """A display label per side id (the profile's ``label``, else the side's name)."""
    return {s.id: s.label for p in _profiles().values() for s in p.sides}


def covering(published: dt.date | None) -> tuple[str, ...]:
    """The ids of the profiles whose dates fit ``published`` (all of them for None)."""
    return tuple(p.id for p in _profiles().values() if p.covers(published))


def detect_conflict(text: str, published: dt.date | None = None) -> str:
    """The profile whose actors, demonyms and places ``text`` names most, among those whose
    dates fit ``published``; ``"unknown"`` when none is named often enough, or when states
    and armed groups outside the profile are named more."""
    from .actors import all_conflicts_matcher, conflict_evidence, gazetteer

    ids = covering(published)
    found = all_conflicts_matcher(ids).findall(text)  # one pass for every profile
    evidence, at = {}, 0
    for conflict in ids:
        g = gazetteer(conflict)
        n = len(g.phrase_matchers)
        claimants, subjects, places = g.mentions_from(found[at : at + n])
        at += n
        evidence[conflict] = conflict_evidence(conflict, [*claimants, *subjects, *places])
    return choose_conflict(evidence)


def choose_conflict(evidence: Mapping[str, tuple[int, int]]) -> str:
    """The conflict named most, from ``{id: (own mentions, foreign mentions)}``: it must be
    named more than states and armed groups outside it, and at least
    ``SETTINGS.conflict_min_score`` times; else ``"unknown"``."""
    best, best_score = UNKNOWN, 0
    for conflict, (own, foreign) in evidence.items():
        if own > best_score and own > foreign:
            best, best_score = conflict, own
    return best if best_score >= SETTINGS.conflict_min_score else UNKNOWN
