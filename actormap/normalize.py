"""Clean views of the raw tables: trimmed cells, canonical codes, defaults filled.

The raw tables keep the exact text of the files (so a save writes back what
the user wrote); everything that reads a map's meaning reads these views.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from actormap.i18n import level_aliases
from actormap.schema import TABLES

__all__ = ["normalize_table", "split_target_groups"]

_LIST_SEPARATOR = re.compile(r"\s*[,;]\s*")


def normalize_table(name: str, raw: pd.DataFrame | None, target_groups: tuple[str, ...]) -> pd.DataFrame:
    """Return table ``name`` with every schema column, trimmed and in canonical form.

    Codes (type, role, basis, status, kind) are lower-cased, levels given as a
    number or a name in en/sv/da/nb become the level id, blank ``status`` and
    ``basis`` take their defaults, and ``target_groups`` becomes a tuple of
    the map's target group ids. Values that are not allowed are kept as
    written (trimmed) so the validator can report them.

    Examples
    --------
    >>> raw = pd.DataFrame({"id": [" e1"], "name": ["Mini-Maria"], "level": ["Behandling"],
    ...                     "target_groups": ["Youth, families"]}, index=[2])
    >>> row = normalize_table("efforts", raw, ("youth", "families")).loc[2]
    >>> row["id"], row["level"], row["target_groups"], row["status"]
    ('e1', 'treatment', ('youth', 'families'), 'active')
    """
    index = raw.index if raw is not None else pd.RangeIndex(0)
    clean = {}
    for column in TABLES[name]:
        values = raw[column.name] if raw is not None and column.name in raw.columns else pd.Series("", index=index)
        if column.allowed is None and not column.required:
            clean[column.name] = values.fillna("").astype(object)  # free text, shown as written
        elif column.allowed is None or column.allowed in ("actor", "effort", "date"):
            clean[column.name] = _trimmed(values)
        else:
            clean[column.name] = _converted(values, _converter(column, target_groups))
    return pd.DataFrame(clean, index=index)


def _text(value) -> str:
    """A cell as trimmed text: missing cells (None, NaN) are empty."""
    return "" if value is None or (isinstance(value, float) and value != value) else str(value).strip()


def _trimmed(values: pd.Series) -> pd.Series:
    cells = values.to_numpy(dtype=object)
    try:
        trimmed = [cell.strip() for cell in cells]
    except AttributeError:  # cells that are not text (missing, or numbers after an edit)
        trimmed = [_text(cell) for cell in cells]
    return pd.Series(trimmed, index=values.index, dtype=object)


def _converted(values: pd.Series, convert) -> pd.Series:
    """A code column converted value by value: a code column has few distinct values, each worked out once."""
    numbers, distinct = pd.factorize(values.to_numpy(dtype=object), use_na_sentinel=False)
    canonical = np.empty(len(distinct), dtype=object)
    for number, value in enumerate(distinct):
        canonical[number] = convert(value)
    return pd.Series(canonical[numbers], index=values.index, dtype=object)


def _converter(column, target_groups: tuple[str, ...]):
    """The function that turns one cell of a code column into its canonical form."""

    def text(value) -> str:
        return _text(value) or column.default

    if column.allowed == "level":
        aliases = level_aliases()
        return lambda value: aliases.get(text(value).lower(), text(value))
    if column.allowed == "target_groups":
        return lambda value: split_target_groups(text(value), target_groups)
    return lambda value: text(value).lower()


def split_target_groups(cell: str, target_groups: tuple[str, ...]) -> tuple[str, ...]:
    """Split a comma-separated cell, matching the map's target groups case-insensitively.

    Examples
    --------
    >>> split_target_groups("Youth; adults,", ("youth", "adults"))
    ('youth', 'adults')
    """
    by_lower = {group.lower(): group for group in target_groups}
    parts = [part for part in _LIST_SEPARATOR.split(cell.strip()) if part]
    return tuple(by_lower.get(part.lower(), part) for part in parts)
