"""Problems with the values of a map's metadata (``map.toml``)."""

from __future__ import annotations

from actormap.schema import DEFAULT_TARGET_GROUPS, LANGUAGES
from actormap.validation.problems import Problem, problem

__all__ = ["check_meta"]


def check_meta(meta: dict, file: str) -> list[Problem]:
    """Problems with known keys' values: language, year and target groups."""
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
    if not isinstance(groups, list) or not groups or not all(isinstance(g, str) and g.strip() for g in groups):
        problems.append(problem("invalid-metadata", file, column="target_groups", detail="target_groups"))
    elif len(set(groups)) != len(groups):
        problems.append(problem("invalid-metadata", file, column="target_groups", detail="target_groups_repeated"))
    return problems
