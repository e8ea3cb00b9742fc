"""The map's metadata (``map.toml``): parse and write; its checks are in :mod:`actormap.validation.metadata`."""

from __future__ import annotations

import datetime
import json
import tomllib

from actormap.dates import as_date
from actormap.schema import META_FILE
from actormap.validation.metadata import check_meta
from actormap.validation.problems import Problem, problem

__all__ = ["META_FILE", "META_KEYS", "dump_meta", "parse_meta"]

META_KEYS = (
    "name",
    "municipality",
    "country",
    "language",
    "year",
    "as_of",
    "description",
    "target_groups",
    "user_voice_levels",
    "expect_off",
    "coverage",
    "pathway",
    "expect",
)
"""The keys the format knows, in the order :func:`dump_meta` writes them (others follow as they come)."""


def parse_meta(data: bytes, file: str) -> tuple[dict, list[Problem]]:
    """Parse ``map.toml`` bytes into a dict, with problems instead of exceptions."""
    try:
        meta = tomllib.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return {}, [problem("invalid-metadata", file, detail="toml", error=str(error))]
    return meta, check_meta(meta, file)


def dump_meta(meta: dict) -> bytes:
    """Write metadata as TOML: strings, numbers, booleans, dates, lists, then tables, then arrays of tables.

    ``as_of`` is written as a TOML date, also when it is held as text
    ``YYYY-MM-DD``; text that is no date stays text, for validation to report.
    A list of tables (``[[pathway]]``, ``[[expect]]``) is written as an array
    of tables after the other keys.

    Examples
    --------
    >>> meta = {"name": "Ale", "year": 2016, "as_of": "2016-05-01", "target_groups": ["youth"],
    ...         "coverage": {"not_expected": ["treatment:population"]},
    ...         "pathway": [{"name": "Youth to adult", "steps": ["treatment:youth", "treatment:adults"]}]}
    >>> print(dump_meta(meta).decode())
    name = "Ale"
    year = 2016
    as_of = 2016-05-01
    target_groups = ["youth"]
    <BLANKLINE>
    [coverage]
    not_expected = ["treatment:population"]
    <BLANKLINE>
    [[pathway]]
    name = "Youth to adult"
    steps = ["treatment:youth", "treatment:adults"]
    <BLANKLINE>
    >>> tomllib.loads(dump_meta(meta).decode())["as_of"]
    datetime.date(2016, 5, 1)
    """
    ordered = [key for key in META_KEYS if key in meta] + [key for key in meta if key not in META_KEYS]
    tables = [key for key in ordered if isinstance(meta[key], dict)]
    arrays = [key for key in ordered if _array_of_tables(meta[key])]
    lines = [f"{_key(key)} = {_value(meta[key], key)}" for key in ordered if key not in {*tables, *arrays}]
    for key in tables:  # a table's keys follow its header
        lines += ["", f"[{_key(key)}]", *_entries(meta[key])]
    for key in arrays:
        for table in meta[key]:
            lines += ["", f"[[{_key(key)}]]", *_entries(table)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _array_of_tables(value) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def _entries(table: dict) -> list[str]:
    return [f"{_key(name)} = {_value(value)}" for name, value in table.items()]


def _key(key: str) -> str:
    return key if key.replace("_", "").replace("-", "").isalnum() and key.isascii() else _string(key)


def _value(value, key: str = "") -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (datetime.date, datetime.time)):  # a datetime is a date too
        return value.isoformat()
    if key == "as_of" and isinstance(value, str) and as_date(value) is not None:
        return str(as_date(value))
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    return _string(str(value))


def _string(text: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, but TOML also forbids a raw DEL (U+007F)."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")
