"""Handovers: whether someone carries people on from one step of their way through the services to the next.

A step is a level and a target group. The handover from a step to the next
holds when an actor does the work (see :data:`~actormap.schema.WORKING_ROLES`)
in running efforts at both steps, or when a ``referral`` or ``agreement``
relation links an actor that does the work at one step to one at the other,
in either direction. A ``collaboration`` or a ``commission`` alone hands
nobody over, and neither does a funder, an adviser or a follower-up.

Without ``[[pathway]]`` entries in ``map.toml`` each target group has its
default chain, prevention → early intervention → treatment, checked
wherever both levels have running efforts aimed at the group (health
promotion reaches everyone and hands nobody over). A map's pathways replace
those chains: each pair of consecutive steps is checked, a step's efforts
being the running efforts at its level aimed at its group or at the whole
population, and a step with no running effort is a finding of its own.

>>> from actormap import read_map
>>> from actormap.analysis.rules import find_all
>>> m, _ = read_map({"map.toml": b'target_groups = ["prisoners", "adults"]\\n'
...                              b'[[pathway]]\\nname = "Release"\\nsteps = ["4:prisoners", "4:adults"]',
...                  "actors.csv": b"id,name,type\\nkrim,Prison,state_agency\\nnav,NAV,social_services\\n",
...                  "efforts.csv": b"id,name,level,target_groups\\nout,Release,4,prisoners\\nfu,Follow-up,4,adults\\n",
...                  "participation.csv": b"actor,effort,role\\nkrim,out,lead\\nnav,fu,lead\\n",
...                  "relations.csv": b"from,to,kind\\nkrim,nav,collaboration\\n"})
>>> handover = find_all(m).set_index("rule").loc["broken_handover"]
>>> handover["message"]
'On the pathway “Release”, nobody carries people on from treatment for prisoners to treatment for adults: \
no actor does the work at both steps, and no referral or agreement links the actors.'
"""

from __future__ import annotations

from actormap.analysis.context import Context
from actormap.model import Pathway
from actormap.schema import POPULATION

__all__ = ["HANDOVERS", "HANDOVER_KINDS", "broken_handover"]

HANDOVERS = (("prevention", "early_intervention"), ("early_intervention", "treatment"))
"""The levels a person is handed over between by default: health promotion reaches everyone and hands nobody over."""

HANDOVER_KINDS = ("referral", "agreement")
"""The relations that carry a person from one step to the next; a collaboration or a commission alone does not."""


def broken_handover(c: Context) -> list[dict]:
    """The broken handovers: of the map's pathways when it declares any, else of each group's default chain."""
    relations = c.map.relations
    handing = relations[relations["kind"].isin(HANDOVER_KINDS) & (relations["from"] != relations["to"])]
    links = list(zip(handing["from"], handing["to"]))
    if c.map.pathways:
        return [finding for pathway in c.map.pathways for finding in _pathway(c, pathway, links)]
    return _chains(c, links)


def _chains(c: Context, links: list[tuple[str, str]]) -> list[dict]:
    """Each target group's default chain, where both levels of a handover have efforts aimed at the group."""
    cells = c.map.running_cells
    findings = []
    for group in c.map.target_groups:
        in_group = cells[cells["target_group"] == group]
        for lower, higher in HANDOVERS:
            low_efforts = list(in_group.loc[in_group["level"] == lower, "id"])
            high_efforts = list(in_group.loc[in_group["level"] == higher, "id"])
            if not low_efforts or not high_efforts:
                continue
            low, high = _doers(c, low_efforts), _doers(c, high_efforts)
            if _holds(low, high, links):
                continue
            findings.append(
                c.finding(
                    "broken_handover",
                    {"group": c.group(group)},
                    lower,
                    group,
                    low_efforts + high_efforts,
                    sorted(low | high),
                    to_level=higher,
                    message=f"message_{lower}",
                )
            )
    return findings


def _pathway(c: Context, pathway: Pathway, links: list[tuple[str, str]]) -> list[dict]:
    """A pathway's empty steps (each once) and its broken handovers between steps that have efforts."""
    cells = c.map.running_cells
    efforts = [_step_efforts(cells, level, group) for level, group in pathway.steps]
    name = ("pathway", pathway.name)
    findings = []
    for step in dict.fromkeys(step for step, found in zip(pathway.steps, efforts) if not found):
        say = {"pathway": name, "step": ("step", step)}
        findings.append(c.finding("broken_handover", say, step[0], step[1], message="message_pathway_empty"))
    for index, (step, following) in enumerate(zip(pathway.steps, pathway.steps[1:])):
        here, there = efforts[index], efforts[index + 1]
        if not here or not there:
            continue
        low, high = _doers(c, here), _doers(c, there)
        if _holds(low, high, links):
            continue
        say = {"pathway": name, "step": ("step", step), "next": ("step", following)}
        involved = list(dict.fromkeys([*here, *there]))
        findings.append(
            c.finding(
                "broken_handover",
                say,
                step[0],
                step[1],
                involved,
                sorted(low | high),
                to_level=following[0],
                message="message_pathway",
            )
        )
    return findings


def _step_efforts(cells, level: str, group: str) -> list[str]:
    """The running efforts at ``level`` aimed at ``group`` or at the whole population."""
    at_level = cells[(cells["level"] == level) & cells["target_group"].isin({group, POPULATION})]
    return list(dict.fromkeys(at_level["id"]))


def _doers(c: Context, efforts: list[str]) -> set[str]:
    return set().union(*map(c.doers, efforts))


def _holds(low: set[str], high: set[str], links: list[tuple[str, str]]) -> bool:
    """Whether an actor does the work on both sides, or a handing relation links the sides (either direction)."""
    return bool(low & high) or any((a in low and b in high) or (a in high and b in low) for a, b in links)
