"""The agreements the law or the map requires: which ones the map lacks, or has only informally.

Each :class:`~actormap.model.Expectation` (the country's shipped checklist
less ``expect_off``, and the map's own ``[[expect]]``) asks for a relation
of one kind between two sides. A side is an actor id, an actor type, or a
list of these; the actors it matches are the actor of that id and every
actor of those types. The expectation is met when a relation of its kind
whose basis is not ``informal`` links an actor of one side to an actor of
the other: in either direction for an ``agreement`` or a ``collaboration``,
from ``from`` to ``to`` for a ``referral`` or a ``commission``. When a side
matches no actor at all, the relation cannot exist, and the finding says why.
A message names a side by its topmost matching actors (those with no other
matching actor up their ``parent`` chain), or by what it names when it
matches nobody, a side of several names first where the direction does not
matter; the finding's actors are every matching actor of both sides.

>>> from actormap import read_map
>>> from actormap.analysis.rules import find_all
>>> m, _ = read_map({"map.toml": b'target_groups = ["adults"]\\n[[expect]]\\nid = "sol"\\nfrom = "social_services"\\n'
...                              b'to = "health_care"\\nkind = "agreement"\\nbasis = "SoL 5 kap. 9 a \\xc2\\xa7"',
...                  "actors.csv": b"id,name,type\\nifo,IFO,social_services\\nvgr,VGR,health_care\\n",
...                  "efforts.csv": b"id,name,level,target_groups\\nmm,Care,4,adults\\n",
...                  "participation.csv": b"actor,effort,role\\nifo,mm,lead\\nvgr,mm,partner\\n",
...                  "relations.csv": b"from,to,kind,basis\\nvgr,ifo,agreement,informal\\n"})
>>> finding = find_all(m).set_index("rule").loc["missing_agreement"]
>>> finding["actors"], finding["message"]
(('ifo', 'vgr'), 'The agreement between IFO and VGR is only informal, although SoL 5 kap. 9 a § requires a formal one.')
"""

from __future__ import annotations

import pandas as pd

from actormap.analysis.context import Context
from actormap.model import Expectation
from actormap.schema import ACTOR_TYPES, RELATION_KINDS

__all__ = ["DIRECTED_KINDS", "missing_agreement", "side_entries"]

DIRECTED_KINDS = ("referral", "commission")
"""The relation kinds that run one way, from ``from`` to ``to``; an agreement or a collaboration runs both ways."""


def missing_agreement(c: Context) -> list[dict]:
    """One finding per expectation the map does not meet: no relation of its kind, only informal ones, or no side."""
    actors = c.map.actors
    known = set(actors["id"])
    parent = dict(zip(actors["id"], actors["parent"]))
    by_type: dict[str, list[str]] = {}
    for actor, kind in zip(actors["id"], actors["type"]):
        by_type.setdefault(kind, []).append(actor)
    relations = c.map.relations
    findings = []
    for expected in c.map.expectations:
        if expected.kind not in RELATION_KINDS:
            continue  # validation names the unknown kind
        sides = [_matching(side, known, by_type) for side in (expected.source_actor, expected.target)]
        written = [side_entries(side) for side in (expected.source_actor, expected.target)]
        named = [tuple(_topmost(found, parent)) or entries for found, entries in zip(sides, written)]
        if expected.kind not in DIRECTED_KINDS and len(named[0]) == 1 < len(named[1]):
            named.reverse()  # "between A or B and C" reads right; "between C and A or B" does not
        say = {"source": ("side", named[0]), "target": ("side", named[1]), "basis": expected.basis or expected.id}
        involved = list(dict.fromkeys([*sides[0], *sides[1]]))
        if not all(sides):
            say["missing"] = ("side", written[1] if sides[0] else written[0])
            message = f"message_{expected.kind}_absent"
        else:
            linking = _linking(relations, expected, set(sides[0]), set(sides[1]))
            if (linking["basis"] != "informal").any():
                continue
            message = f"message_{expected.kind}_informal" if len(linking) else f"message_{expected.kind}"
        findings.append(c.finding("missing_agreement", say, actors=involved, message=message))
    return findings


def side_entries(side) -> tuple[str, ...]:
    """A side of an expectation as its entries: an actor id or type, or a list of them.

    Examples
    --------
    >>> side_entries("health_care"), side_entries(["committee", "social_services"])
    (('health_care',), ('committee', 'social_services'))
    """
    entries = [side] if isinstance(side, str) else list(side)
    return tuple(str(entry).strip() for entry in entries if str(entry).strip())


def _matching(side, known: set[str], by_type: dict[str, list[str]]) -> list[str]:
    """The actors a side matches, in table order per entry: an actor id first, else every actor of a type."""
    found: list[str] = []
    for entry in side_entries(side):
        if entry in known:
            found.append(entry)
        elif entry in ACTOR_TYPES:
            found.extend(by_type.get(entry, []))
    return list(dict.fromkeys(found))


def _topmost(found: list[str], parent: dict[str, str]) -> list[str]:
    """The actors of ``found`` with no other actor of ``found`` up their ``parent`` chain: whom a side is named by.

    Examples
    --------
    >>> _topmost(["kf", "ks", "sdf", "ifo"], {"kf": "", "ks": "kf", "sdf": "", "ifo": "sdf"})
    ['kf', 'sdf']
    """
    matched = set(found)
    top = []
    for actor in found:
        seen, node = {actor}, parent.get(actor, "")
        while node and node not in seen and node not in matched:
            seen.add(node)
            node = parent.get(node, "")
        if not node or node in seen:
            top.append(actor)
    return top


def _linking(relations: pd.DataFrame, expected: Expectation, sources: set[str], targets: set[str]) -> pd.DataFrame:
    """The relations of the expected kind from a source to a target (or back, unless the kind is directed)."""
    of_kind = relations[relations["kind"] == expected.kind]
    forward = of_kind["from"].isin(sources) & of_kind["to"].isin(targets)
    if expected.kind not in DIRECTED_KINDS:
        forward |= of_kind["from"].isin(targets) & of_kind["to"].isin(sources)
    return of_kind[forward]
