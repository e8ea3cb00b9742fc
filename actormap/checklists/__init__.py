"""Agreements the law requires of a municipality, by country: checklists shipped as data (``se.toml`` …).

Each file lists ``[[expect]]`` entries as ``map.toml`` does: ``id``, ``from``
and ``to`` (an actor type, or a list of types), ``kind``, ``basis`` (the law, by
section, in the country's language), and ``source`` and ``source_title``: the
published page the requirement was checked against. An entry may carry
``until``, the first day it no longer holds (a map whose ``as_of`` is that day
or later is not held to it). A header comment in each file says when and how
its entries were checked. A map is held to its country's list (``country`` in
``map.toml``) unless it switches entries off with ``expect_off``.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

__all__ = ["COUNTRIES", "shipped_expectations"]

COUNTRIES = ("SE", "DK", "NO")
"""The countries with a shipped checklist (``country`` in ``map.toml``)."""


def shipped_expectations(country) -> tuple[dict, ...]:
    """The requirements shipped for ``country`` (SE, DK or NO, any case) as ``[[expect]]`` tables; none for others.

    Anything that is not one of those country codes (a number, a list, nothing)
    has no checklist. The tables are shared: read them, do not change them.

    Examples
    --------
    >>> keys = {"id", "from", "to", "kind", "basis", "source", "source_title"}
    >>> all(keys <= set(entry) for entry in shipped_expectations("se"))
    True
    >>> shipped_expectations("FI"), shipped_expectations(["SE"])
    ((), ())
    """
    code = country.strip().upper() if isinstance(country, str) else ""
    return _shipped(code) if code in COUNTRIES else ()


@cache
def _shipped(code: str) -> tuple[dict, ...]:
    text = resources.files("actormap.checklists").joinpath(f"{code.lower()}.toml").read_text("utf-8")
    return tuple(tomllib.loads(text).get("expect", []))
