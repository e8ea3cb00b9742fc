"""Problems with what a map expects: ``[[pathway]]``, ``[[expect]]``, ``expect_off`` and ``user_voice_levels``.

Each problem is located at the key as ``map.toml`` (or a workbook's ``map``
sheet) writes it, an entry of an array of tables by its number from 1:
``pathway[1].steps``, ``expect[2].to``. The checks that need the map's actor
ids (an ``[[expect]]``'s ``from`` and ``to``) run with the tables, in
:func:`check_expectation_actors`; the rest need only the metadata.
"""

from __future__ import annotations

import difflib
from typing import Any

from actormap.checklists import COUNTRIES, shipped_expectations
from actormap.dates import as_date
from actormap.expected import expectation_sides
from actormap.i18n import level_aliases, split_cell
from actormap.schema import ACTOR_TYPES, LEVELS, RELATION_KINDS
from actormap.validation.problems import Problem, problem

__all__ = [
    "LEVELS_TEXT",
    "check_expectation_actors",
    "check_expectations",
    "check_pathways",
    "check_user_voice_levels",
    "closest",
]

LEVELS_TEXT = ", ".join(f"{level} ({number})" for number, level in enumerate(LEVELS, start=1))
"""The levels with their numbers, as messages list them."""


def check_pathways(declared, file: str, groups: tuple[str, ...] | None) -> list[Problem]:
    """Problems with ``[[pathway]]``: each a table with a ``name`` and two or more ``"level:group"`` steps.

    ``groups`` are the map's target groups; None when they are themselves
    wrong (reported once, not again for every step).

    Examples
    --------
    >>> declared = [{"name": "Release", "steps": ["4:released", "behandlng:adults"]}, {"steps": "4:adults"}]
    >>> [(found.column, found.message) for found in check_pathways(declared, "map.toml", ("adults",))]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('pathway[1].steps', 'unknown target group "released" in step "4:released" of pathway 1
      (the map\\'s groups: adults)'),
     ('pathway[1].steps', 'unknown level "behandlng" in step "behandlng:adults" of pathway 1 (allowed: promotion (1),
      prevention (2), early_intervention (3), treatment (4) or a level\\'s name); did you mean "behandling"?'),
     ('pathway[2].name', 'pathway 2 needs a name, e.g. name = "From prison to the municipality"'),
     ('pathway[2].steps', 'the steps of pathway 2 must be a list of two or more texts written level:group,
      e.g. ["treatment:youth", "treatment:adults"]')]
    """
    if not isinstance(declared, list):
        return [problem("invalid-pathway", file, column="pathway", detail="pathway")]
    allowed = ", ".join(groups or ())
    problems = []
    for number, entry in enumerate(declared, start=1):
        where = f"pathway[{number}]"
        if not isinstance(entry, dict):
            problems.append(problem("invalid-pathway", file, column=where, detail="pathway"))
            continue
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            problems.append(
                problem("invalid-pathway", file, column=f"{where}.name", detail="pathway_name", number=number)
            )
        steps = entry.get("steps")
        if not isinstance(steps, list) or len(steps) < 2:
            problems.append(
                problem("invalid-pathway", file, column=f"{where}.steps", detail="pathway_steps", number=number)
            )
        for step in steps if isinstance(steps, list) else []:
            problems += _check_step(step, file, f"{where}.steps", number, groups, allowed)
    return problems


def _check_step(step, file: str, column: str, number: int, groups: tuple[str, ...] | None, allowed: str):
    said: dict[str, Any] = dict(value=str(step), number=number, levels=LEVELS_TEXT, groups=allowed)
    parts = split_cell(step)
    if parts is None:
        return [problem("invalid-pathway", file, column=column, detail="pathway_step", **said)]
    level, group = parts
    problems = []
    aliases = level_aliases()
    if level.lower() not in aliases:
        suggestion = closest(level.lower(), aliases)
        problems.append(
            problem(
                "invalid-pathway",
                file,
                column=column,
                detail="pathway_level",
                level=level,
                suggestion=suggestion,
                **said,
            )
        )
    if groups is not None and group not in groups:
        suggestion = closest(group, groups)
        problems.append(
            problem(
                "invalid-pathway",
                file,
                column=column,
                detail="pathway_group",
                group=group,
                suggestion=suggestion,
                **said,
            )
        )
    return problems


def check_expectations(meta: dict, file: str) -> list[Problem]:
    """Problems with ``[[expect]]`` and ``expect_off`` that the metadata alone shows.

    Each ``[[expect]]`` needs an ``id`` unique among the map's and its
    country's shipped requirements, ``from`` and ``to`` (an actor id or type,
    or a list of them), a ``kind`` of relation and a ``basis``; ``until``,
    when given, is a date. ``expect_off`` lists ids of the country's shipped
    requirements; an id that names none is a warning.

    Examples
    --------
    >>> meta = {"country": "SE", "expect_off": ["se-missbruk"],
    ...         "expect": [{"id": "pol", "from": "sn", "to": "", "kind": "avtal"}]}
    >>> [(found.column, found.code) for found in check_expectations(meta, "map.toml")]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('expect[1].to', 'invalid-expectation'), ('expect[1].kind', 'invalid-expectation'),
     ('expect[1].basis', 'invalid-expectation'), ('expect_off', 'unknown-expectation')]
    """
    country = meta.get("country")
    shipped = [str(entry.get("id")) for entry in shipped_expectations(country)]
    problems = []
    if "expect" in meta:
        problems += _check_expect(meta["expect"], file, shipped, str(country or "").strip().upper())
    if "expect_off" in meta:
        problems += _check_expect_off(meta["expect_off"], file, shipped, country)
    return problems


def _check_expect(declared, file: str, shipped: list[str], country: str) -> list[Problem]:
    if not isinstance(declared, list):
        return [problem("invalid-expectation", file, column="expect", detail="expect")]
    first: dict[str, int] = {}  # each id's first requirement
    problems = []
    for number, entry in enumerate(declared, start=1):
        if isinstance(entry, dict):
            problems += _check_entry(entry, number, file, first, shipped, country)
        else:
            problems.append(problem("invalid-expectation", file, column=f"expect[{number}]", detail="expect"))
    return problems


def _check_entry(entry: dict, number: int, file: str, first: dict, shipped: list[str], country: str) -> list[Problem]:
    """Problems of ``[[expect]]`` number ``number``; its id, if new, is added to ``first``."""

    def bad(at: str, detail: str, **fields) -> Problem:
        return problem(
            "invalid-expectation", file, column=f"expect[{number}].{at}", detail=detail, number=number, **fields
        )

    kinds = ", ".join(RELATION_KINDS)
    problems = []
    expectation_id = entry.get("id")
    if not isinstance(expectation_id, str) or not expectation_id.strip():
        problems.append(bad("id", "expect_id"))
    elif expectation_id.strip() in first:
        problems.append(bad("id", "expect_id_repeated", value=expectation_id, first=first[expectation_id.strip()]))
    elif expectation_id.strip() in shipped:
        problems.append(bad("id", "expect_id_shipped", value=expectation_id, country=country))
    else:
        first[expectation_id.strip()] = number
    problems += [
        bad(side, "expect_side", side=side, types=", ".join(ACTOR_TYPES))
        for side in ("from", "to")
        if not _well_formed_side(entry.get(side))
    ]
    kind = entry.get("kind")
    if not isinstance(kind, str) or not kind.strip():
        problems.append(bad("kind", "expect_kind", kinds=kinds))
    elif kind.strip().lower() not in RELATION_KINDS:
        suggestion = closest(kind.strip().lower(), RELATION_KINDS)
        problems.append(bad("kind", "expect_kind_unknown", value=kind, kinds=kinds, suggestion=suggestion))
    basis = entry.get("basis")
    if not isinstance(basis, str) or not basis.strip():
        problems.append(bad("basis", "expect_basis"))
    if "until" in entry and as_date(entry["until"]) is None:
        problems.append(bad("until", "expect_until", value=str(entry["until"])))
    return problems


def _well_formed_side(value) -> bool:
    """Whether ``from`` or ``to`` is a non-empty text, or a non-empty list of non-empty texts."""
    written = value if isinstance(value, list) else [value]
    return bool(written) and all(isinstance(item, str) and item.strip() for item in written)


def _check_expect_off(off, file: str, shipped: list[str], country) -> list[Problem]:
    if not isinstance(off, list) or not all(isinstance(item, str) for item in off):
        return [problem("invalid-metadata", file, column="expect_off", detail="expect_off")]
    code = country.strip().upper() if isinstance(country, str) else ""
    countries = ", ".join(COUNTRIES)
    problems = []
    for value in off:
        said: dict[str, Any]
        if value in shipped:
            continue
        if shipped:
            said = dict(
                detail="expect_off_unknown", allowed=", ".join(shipped), suggestion=closest(value, shipped, cutoff=0.5)
            )
        elif code:
            said = dict(detail="expect_off_no_checklist", countries=countries)
        else:
            said = dict(detail="expect_off_no_country", countries=countries)
        problems.append(problem("unknown-expectation", file, column="expect_off", value=value, country=code, **said))
    return problems


def check_expectation_actors(declared, file: str, actor_ids) -> list[Problem]:
    """Problems with ``[[expect]]`` ``from`` and ``to`` values that are neither an actor id of the map nor a type.

    ``actor_ids`` are the ids of the map's actors. Entries that are not
    well formed are :func:`check_expectations`' to report.

    Examples
    --------
    >>> declared = [{"id": "pol", "from": ["sn", "socialnämnden"], "to": "polis"}]
    >>> [found.message for found in check_expectation_actors(declared, "map.toml", {"sn"})]
    ... # doctest: +NORMALIZE_WHITESPACE
    ['from "socialnämnden" of requirement 1 is neither an actor id in actors.csv nor an actor type
      (committee, administration, school, social_services, health_care, police, ngo, user_organisation,
      state_agency, other)',
     'to "polis" of requirement 1 is neither an actor id in actors.csv nor an actor type (committee, administration,
      school, social_services, health_care, police, ngo, user_organisation, state_agency, other);
      did you mean "police"?']
    """
    known = {*actor_ids, *ACTOR_TYPES}
    types = ", ".join(ACTOR_TYPES)
    problems = []
    for number, entry in enumerate(declared if isinstance(declared, list) else [], start=1):
        for key in ("from", "to"):
            value = entry.get(key) if isinstance(entry, dict) else None
            if not _well_formed_side(value):
                continue
            problems += [
                problem(
                    "invalid-expectation",
                    file,
                    column=f"expect[{number}].{key}",
                    detail="expect_actor",
                    side=key,
                    value=side,
                    number=number,
                    types=types,
                    suggestion=closest(side, sorted(known), cutoff=0.6),
                )
                for side in expectation_sides(value)
                if side not in known
            ]
    return problems


def check_user_voice_levels(written, file: str) -> list[Problem]:
    """Problems with ``user_voice_levels``: a list of levels, each an id, a number or a name in any language.

    Examples
    --------
    >>> [found.message for found in check_user_voice_levels(["4", "Tidig insatser"], "map.toml")]
    ['unknown level "Tidig insatser"; did you mean "tidiga insatser" (early_intervention)?']
    """
    if not isinstance(written, list):
        return [problem("invalid-metadata", file, column="user_voice_levels", detail="user_voice_levels")]
    aliases = level_aliases()
    problems = []
    for value in written:
        key = str(value).strip().lower()
        if isinstance(value, (str, int)) and not isinstance(value, bool) and key in aliases:
            continue
        close = closest(key, aliases)
        said: dict[str, Any] = dict(value=str(value), allowed=LEVELS_TEXT, suggestion=close)
        said["suggestion_name"] = aliases.get(close, "")
        if said["suggestion_name"] == close:
            said["suggestion_name"] = ""
        problems.append(problem("unknown-level", file, column="user_voice_levels", **said))
    return problems


def closest(value: str, allowed, cutoff: float = 0.75) -> str:
    """The allowed value closest to ``value``, or ""."""
    close = difflib.get_close_matches(value, list(allowed), n=1, cutoff=cutoff)
    return close[0] if close else ""
