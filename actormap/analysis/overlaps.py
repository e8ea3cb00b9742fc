"""Efforts that overlap without coordination: one cell's led efforts falling into clusters that do not work together.

Two efforts are linked when an actor takes part in both, a relation links a
lead of one to a lead of the other, or they belong to one plan. The clusters
are the connected components of one numbered graph for every cell at once.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from actormap.analysis.components import component_labels
from actormap.analysis.context import Context, topmost_plans
from actormap.analysis.wording import LISTED
from actormap.model import ActorMap
from actormap.schema import POPULATION

__all__ = ["uncoordinated_overlap"]


def uncoordinated_overlap(c: Context) -> list[dict]:
    """Per (level, target group): running efforts with a lead that form two or more unlinked clusters.

    Two efforts are linked when an actor takes part in both, a relation
    links a lead of one to a lead of the other, or they belong to one plan
    (one is the other's plan, or they share a plan up their ``parent``
    chains). A population-wide effort reaches every group at its level, so it
    counts in each of their cells. A cell whose led efforts fall into two or
    more clusters is one finding, which names the clusters (so never two
    efforts that share an actor as apart); the same efforts overlapping for
    several target groups are reported once.
    """
    cells = _reach(c.map)
    led = cells[cells["id"].isin(c.leads.keys())].reset_index(drop=True)
    led["cell"] = led.groupby(["level", "target_group"], sort=False).ngroup()
    led["cluster"] = _effort_clusters(led, c)
    counts = led.groupby("cell")["cluster"].nunique()
    groups: dict[tuple, tuple[list[str], dict[str, int]]] = {}
    for _, cell in led[led["cell"].isin(counts.index[counts > 1])].groupby("cell"):
        level, group = cell["level"].iat[0], cell["target_group"].iat[0]
        key = (level, tuple(sorted(cell["id"])))
        groups.setdefault(key, ([], dict(zip(cell["id"], cell["cluster"]))))[0].append(group)
    findings = []
    for (level, efforts), (target_groups, cluster_of) in groups.items():
        clusters: dict[int, list[str]] = {}
        for effort in efforts:
            clusters.setdefault(cluster_of[effort], []).append(effort)
        named = tuple((tuple(members), tuple(_leads_of(c, members))) for members in list(clusters.values())[:LISTED])
        say = {
            "group": c.group(*target_groups),
            "count": c.count(len(clusters)),
            "clusters": ("clusters", (named, len(clusters))),
        }
        group = ",".join(target_groups)
        leads = _leads_of(c, efforts)
        findings.append(
            c.finding("uncoordinated_overlap", say, level, group, efforts, leads, message=f"message_{level}")
        )
    return findings


def _leads_of(c: Context, efforts) -> list[str]:
    return list(dict.fromkeys(actor for effort in efforts for actor in c.leads[effort]))


def _reach(actor_map: ActorMap) -> pd.DataFrame:
    """The running cells, with each population-wide effort also in every other group's cell at its level."""
    cells = actor_map.running_cells
    wide = cells[cells["target_group"] == POPULATION]
    others = [group for group in actor_map.target_groups if group != POPULATION]
    spread = wide.loc[wide.index.repeat(len(others))].assign(target_group=others * len(wide))
    return pd.concat([cells, spread]).drop_duplicates(["id", "level", "target_group"])


def _effort_clusters(led: pd.DataFrame, c: Context) -> list[int]:
    """The cluster of each row of ``led`` (a led effort in a cell), as the connected components of one graph.

    The graph's nodes are the rows, the (cell, actor) pairs and the (cell,
    plan) pairs; a row links to its actors and to its topmost plan, and a
    relation links two actors that both lead an effort in the cell. Linear in
    participations and relations, for every cell at once.
    """
    members = led[["cell", "id"]].reset_index().merge(c.pairs, left_on="id", right_on="effort")
    relations = c.map.relations[["from", "to"]]
    leads = members.loc[members["role"] == "lead", ["cell", "actor"]].drop_duplicates()
    linked = relations.merge(leads, left_on="from", right_on="actor").merge(
        leads, left_on=["to", "cell"], right_on=["actor", "cell"]
    )
    top = topmost_plans(c.map.efforts)
    plans = pd.Series(["\0plan:" + top.get(effort, effort) for effort in led["id"]], dtype=object)
    keys, _ = pd.factorize(pd.concat([members["actor"], linked["from"], linked["to"], plans], ignore_index=True))
    cells = np.concatenate([members["cell"], linked["cell"], linked["cell"], led["cell"]])
    nodes = pd.factorize(cells * (keys.max(initial=0) + 1) + keys)[0] + len(led)
    ends = len(members), len(members) + len(linked), len(members) + 2 * len(linked)
    first = np.concatenate([members["index"], nodes[ends[0] : ends[1]], np.arange(len(led))])
    second = np.concatenate([nodes[: ends[0]], nodes[ends[1] : ends[2]], nodes[ends[2] :]])
    return component_labels(first, second, int(nodes.max(initial=len(led) - 1)) + 1)[: len(led)]
