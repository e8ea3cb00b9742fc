"""Problems with the values of a map's metadata (``map.toml``, or a workbook's ``map`` sheet).

``[[pathway]]``, ``[[expect]]``, ``expect_off`` and ``user_voice_levels``
are checked in :mod:`actormap.validation.expected`, from here.
"""

from __future__ import annotations

from actormap.dates import as_date
from actormap.i18n import level_aliases, split_cell
from actormap.schema import DEFAULT_TARGET_GROUPS, LANGUAGES
from actormap.validation.expected import (
    LEVELS_TEXT,
    check_expectations,
    check_pathways,
    check_user_voice_levels,
    closest,
)
from actormap.validation.problems import Problem, problem

__all__ = ["check_meta"]

NOT_EXPECTED = "coverage.not_expected"
"""Where ``[coverage] not_expected`` problems are located: the key as a workbook's ``map`` sheet writes it."""


def check_meta(meta: dict, file: str) -> list[Problem]:
    """Problems with known keys' values: language, year, target groups, as_of, ``[coverage]`` and what the map expects.

    What the map expects (``[[pathway]]``, ``[[expect]]``, ``expect_off``,
    ``user_voice_levels``) is checked here as far as the metadata shows it;
    whether an ``[[expect]]`` names actors of the map is checked with the
    tables (:func:`actormap.validation.expected.check_expectation_actors`).

    Examples
    --------
    >>> meta = {"as_of": "hösten 2016", "coverage": {"not_expected": ["treatment:youth", "behandling"]}}
    >>> [(found.column, found.message) for found in check_meta(meta, "map.toml")]  # doctest: +NORMALIZE_WHITESPACE
    [('as_of', 'as_of must be a date written YYYY-MM-DD, e.g. 2016-05-01, not "hösten 2016"'),
     ('coverage.not_expected', '"behandling" is not written level:group, e.g. "treatment:population"; levels:
     promotion (1), prevention (2), early_intervention (3), treatment (4) or a level\\'s name; the map\\'s groups:
     population, children, youth, adults, families, relatives')]
    """
    problems = []
    language = meta.get("language", "en")
    if language not in LANGUAGES:
        problems.append(
            problem(
                "invalid-metadata",
                file,
                column="language",
                detail="language",
                value=str(language),
                allowed=", ".join(LANGUAGES),
            )
        )
    year = meta.get("year")
    if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
        problems.append(problem("invalid-metadata", file, column="year", detail="year", value=str(year)))
    groups = meta.get("target_groups", list(DEFAULT_TARGET_GROUPS))
    valid_groups = isinstance(groups, list) and groups and all(isinstance(g, str) and g.strip() for g in groups)
    if not valid_groups:
        problems.append(problem("invalid-metadata", file, column="target_groups", detail="target_groups"))
    elif len(set(groups)) != len(groups):
        problems.append(problem("invalid-metadata", file, column="target_groups", detail="target_groups_repeated"))
    if "as_of" in meta and as_date(meta["as_of"]) is None:
        problems.append(problem("invalid-metadata", file, column="as_of", detail="as_of", value=str(meta["as_of"])))
    known_groups = tuple(groups) if valid_groups else None
    if "coverage" in meta:
        problems += _check_coverage(meta["coverage"], file, known_groups)
    if "pathway" in meta:
        problems += check_pathways(meta["pathway"], file, known_groups)
    problems += check_expectations(meta, file)
    if "user_voice_levels" in meta:
        problems += check_user_voice_levels(meta["user_voice_levels"], file)
    return problems


def _check_coverage(coverage, file: str, groups: tuple[str, ...] | None) -> list[Problem]:
    """Problems with ``[coverage]``: a table whose ``not_expected`` lists ``"level:group"`` texts.

    ``groups`` are the map's target groups; None when they are themselves
    wrong (that is reported once, not again for every entry).
    """
    if not isinstance(coverage, dict):
        return [problem("invalid-metadata", file, column="coverage", detail="coverage")]
    written = coverage.get("not_expected", [])
    if not isinstance(written, list):
        return [problem("invalid-metadata", file, column=NOT_EXPECTED, detail="not_expected")]
    aliases = level_aliases()
    levels = LEVELS_TEXT
    allowed = ", ".join(groups or DEFAULT_TARGET_GROUPS)

    def bad(detail: str, entry, level: str = "", group: str = "", suggestion: str = "") -> Problem:
        return problem(
            "invalid-metadata",
            file,
            column=NOT_EXPECTED,
            detail=detail,
            value=str(entry),
            level=level,
            group=group,
            suggestion=suggestion,
            levels=levels,
            groups=allowed,
        )

    problems = []
    for entry in written:
        parts = split_cell(entry)
        if parts is None:
            problems.append(bad("not_expected_entry", entry))
            continue
        level, group = parts
        if level.lower() not in aliases:
            problems.append(bad("not_expected_level", entry, level=level, suggestion=closest(level.lower(), aliases)))
        if groups is not None and group not in groups:
            problems.append(bad("not_expected_group", entry, group=group, suggestion=closest(group, groups)))
    return problems
