"""What a map expects beyond its tables: pathways across services, relations it must have, where users are heard.

``map.toml`` declares them (``[[pathway]]``, ``[[expect]]``, ``expect_off``,
``user_voice_levels``) and the map's country adds its shipped checklist (see
:mod:`actormap.checklists`). These functions read what is well formed and
leave the rest to validation (:mod:`actormap.validation.expected`);
:class:`actormap.model.ActorMap` offers them as properties.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from actormap.checklists import shipped_expectations
from actormap.dates import as_date
from actormap.i18n import level_aliases, read_cell
from actormap.schema import DEFAULT_USER_VOICE_LEVELS, RELATION_KINDS

__all__ = [
    "Expectation",
    "Pathway",
    "expectation_sides",
    "held_expectations",
    "read_pathways",
    "read_user_voice_levels",
]


@dataclass(frozen=True)
class Pathway:
    """A path a person takes across services (``[[pathway]]`` in ``map.toml``): a name and (level, group) steps."""

    name: str
    steps: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Expectation:
    """A relation the map must have (``[[expect]]``, or its country's shipped checklist).

    ``source_actor`` and ``target`` (``from`` and ``to`` in the file) each
    hold one or more actor ids or actor types: an entry is an actor id when
    the map has an actor with that id, else a type of
    :data:`actormap.schema.ACTOR_TYPES`. The relation is there when a
    relation of ``kind`` links an actor matching any entry of
    ``source_actor`` with one matching any entry of ``target``. ``basis``
    names the law or decision that requires it, ``source`` and
    ``source_title`` the page it was checked against, and ``until`` the
    first day it no longer holds (None: no end known).
    """

    id: str
    source_actor: tuple[str, ...]
    target: tuple[str, ...]
    kind: str
    basis: str
    source: str = ""
    source_title: str = ""
    until: datetime.date | None = None


def read_pathways(meta: dict) -> tuple[Pathway, ...]:
    """The declared pathways with a name and two or more steps that each name a level and a group.

    Examples
    --------
    >>> read_pathways({"pathway": [{"name": "Release", "steps": ["4:released_prisoners", "Behandling:adults"]},
    ...                            {"name": "Too short", "steps": ["4:youth"]}]})
    (Pathway(name='Release', steps=(('treatment', 'released_prisoners'), ('treatment', 'adults'))),)
    """
    declared = meta.get("pathway")
    found = []
    for entry in declared if isinstance(declared, list) else []:
        steps = entry.get("steps") if isinstance(entry, dict) else None
        if not isinstance(steps, list):
            continue
        cells = tuple(cell for step in steps if (cell := read_cell(step)))
        if len(cells) >= 2 and len(cells) == len(steps):
            found.append(Pathway(str(entry.get("name", "")).strip(), cells))
    return tuple(found)


def held_expectations(meta: dict, as_of: datetime.date) -> tuple[Expectation, ...]:
    """The relations a map must have on ``as_of``: its country's checklist less ``expect_off``, then its own.

    A requirement whose ``until`` is on or before ``as_of`` no longer holds
    and is left out; so are entries without an id, a ``from``, a ``to`` or a
    known ``kind`` (validation reports them).

    Examples
    --------
    >>> meta = {"expect": [
    ...     {"id": "pol", "from": "sn", "to": "police", "kind": "agreement", "basis": "KF 2016-03-01"},
    ...     {"id": "old", "from": ["sn", "ifo"], "to": "vc", "kind": "referral", "basis": "", "until": "2026-01-01"}]}
    >>> [(found.id, found.source_actor, found.target) for found in held_expectations(meta, datetime.date(2026, 6, 1))]
    [('pol', ('sn',), ('police',))]
    >>> [found.id for found in held_expectations(meta, datetime.date(2025, 12, 31))]
    ['pol', 'old']
    """
    off = meta.get("expect_off")
    off = {str(item) for item in off} if isinstance(off, list) else set()
    shipped = [entry for entry in shipped_expectations(meta.get("country")) if entry.get("id") not in off]
    own = meta.get("expect")
    found = (_expectation(entry) for entry in [*shipped, *(own if isinstance(own, list) else [])])
    return tuple(
        expectation
        for expectation in found
        if expectation is not None and (expectation.until is None or as_of < expectation.until)
    )


def _expectation(entry) -> Expectation | None:
    """An ``[[expect]]`` table as an :class:`Expectation`; None when it lacks an id, a side or a known kind."""
    if not isinstance(entry, dict):
        return None
    expectation_id, kind = (str(entry.get(key, "")).strip() for key in ("id", "kind"))
    sides = expectation_sides(entry.get("from")), expectation_sides(entry.get("to"))
    if not (expectation_id and all(sides) and kind.lower() in RELATION_KINDS):
        return None
    basis, source, title = (str(entry.get(key, "")).strip() for key in ("basis", "source", "source_title"))
    return Expectation(expectation_id, *sides, kind.lower(), basis, source, title, as_date(entry.get("until")))


def expectation_sides(value) -> tuple[str, ...]:
    """``from`` or ``to``: one actor id or type, or a list of them, as a tuple of trimmed texts."""
    written = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return tuple(item.strip() for item in written if isinstance(item, str) and item.strip())


def read_user_voice_levels(meta: dict) -> tuple[str, ...]:
    """The levels at which users are served and should be heard (``user_voice_levels``, else the default).

    Examples
    --------
    >>> read_user_voice_levels({"user_voice_levels": [4, "Tidig insats", "treatment"]})
    ('treatment',)
    >>> read_user_voice_levels({})
    ('early_intervention', 'treatment')
    """
    written = meta.get("user_voice_levels")
    if not isinstance(written, list):
        return DEFAULT_USER_VOICE_LEVELS
    aliases = level_aliases()
    return tuple(dict.fromkeys(aliases[key] for key in (str(v).strip().lower() for v in written) if key in aliases))
