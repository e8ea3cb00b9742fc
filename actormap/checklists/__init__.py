"""Agreements the law requires of a municipality, by country: checklists shipped as data (``se.toml`` …).

Each file lists ``[[expect]]`` entries as ``map.toml`` does (``id``, ``from``,
``to``, ``kind``, ``basis``) plus ``source``: the published text the
requirement was checked against. A map is held to its country's list
(``country`` in ``map.toml``) unless it switches entries off with ``expect_off``.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

__all__ = ["COUNTRIES", "shipped_expectations"]

COUNTRIES = ("SE", "DK", "NO")
"""The countries with a shipped checklist (``country`` in ``map.toml``)."""


@cache
def shipped_expectations(country: str) -> tuple[dict, ...]:
    """The requirements shipped for ``country`` (SE, DK or NO, any case) as ``[[expect]]`` tables; none for others.

    Examples
    --------
    >>> all({"id", "from", "to", "kind", "basis", "source"} <= set(entry) for entry in shipped_expectations("se"))
    True
    >>> shipped_expectations("FI")
    ()
    """
    code = str(country).strip().upper()
    if code not in COUNTRIES:
        return ()
    text = resources.files("actormap.checklists").joinpath(f"{code.lower()}.toml").read_text("utf-8")
    return tuple(tomllib.loads(text).get("expect", []))
