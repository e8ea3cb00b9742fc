"""The map's metadata (``map.toml``): parse and write; its checks are in :mod:`actormap.validation.metadata`."""

from __future__ import annotations

import json
import tomllib

from actormap.schema import META_FILE
from actormap.validation.metadata import check_meta
from actormap.validation.problems import Problem, problem

__all__ = ["META_FILE", "META_KEYS", "dump_meta", "parse_meta"]

META_KEYS = ("name", "municipality", "country", "language", "year", "description", "target_groups")


def parse_meta(data: bytes, file: str) -> tuple[dict, list[Problem]]:
    """Parse ``map.toml`` bytes into a dict, with problems instead of exceptions."""
    try:
        meta = tomllib.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return {}, [problem("invalid-metadata", file, detail="toml", error=str(error))]
    return meta, check_meta(meta, file)


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
