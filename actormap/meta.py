"""The map's metadata (``map.toml``): parse, check and write."""

from __future__ import annotations

import json
import tomllib

from actormap.problems import Problem, problem
from actormap.schema import DEFAULT_TARGET_GROUPS, LANGUAGES

__all__ = ["META_FILE", "META_KEYS", "check_meta", "dump_meta", "parse_meta"]

META_FILE = "map.toml"
"""The metadata's file name in a map folder."""
META_KEYS = ("name", "municipality", "country", "language", "year", "description", "target_groups")


def parse_meta(data: bytes, file: str) -> tuple[dict, list[Problem]]:
    """Parse ``map.toml`` bytes into a dict, with problems instead of exceptions."""
    try:
        meta = tomllib.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return {}, [problem("invalid-metadata", file, detail="toml", error=str(error))]
    return meta, check_meta(meta, file)


def check_meta(meta: dict, file: str) -> list[Problem]:
    """Problems with known keys' values: language, year and target groups."""
    problems = []
    language = meta.get("language", "en")
    if language not in LANGUAGES:
        problems.append(problem("invalid-metadata", file, column="language", detail="language", value=str(language),
                                allowed=", ".join(LANGUAGES)))
    year = meta.get("year")
    if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
        problems.append(problem("invalid-metadata", file, column="year", detail="year", value=str(year)))
    groups = meta.get("target_groups", list(DEFAULT_TARGET_GROUPS))
    if not isinstance(groups, list) or not groups or not all(isinstance(g, str) and g.strip() for g in groups):
        problems.append(problem("invalid-metadata", file, column="target_groups", detail="target_groups"))
    elif len(set(groups)) != len(groups):
        problems.append(problem("invalid-metadata", file, column="target_groups", detail="target_groups_repeated"))
    return problems


def dump_meta(meta: dict) -> bytes:
    """Write metadata as TOML (strings, numbers, booleans, lists and inline tables).

    Examples
    --------
    >>> print(dump_meta({"name": "Ale", "year": 2016, "target_groups": ["youth"]}).decode())
    name = "Ale"
    year = 2016
    target_groups = ["youth"]
    <BLANKLINE>
    """
    ordered = [key for key in META_KEYS if key in meta] + [key for key in meta if key not in META_KEYS]
    lines = [f"{_key(key)} = {_value(meta[key])}" for key in ordered]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _key(key: str) -> str:
    return key if key.replace("_", "").replace("-", "").isalnum() and key.isascii() else json.dumps(key)


def _value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)
