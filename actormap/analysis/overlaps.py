"""Efforts that overlap without coordination: one cell's led efforts falling into clusters that do not work together.

Two efforts are linked when an actor takes part in both, a relation links a
lead of one to a lead of the other, or they belong to one plan. The clusters
are the connected components of one numbered graph for every cell at once.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from actormap.analysis.components import component_labels
from actormap.analysis.context import Context, EffortActors, topmost_plans
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
    relation links two actors that both lead an effort in the cell. All in
    numbers (the participations' actors as :attr:`Context.numbered` counts
    them): linear in participations and relations, for every cell at once.
    """
    numbered = c.numbered
    actor_count = len(numbered.actor_ids)
    rows, actors, leads = _members(led, numbered, c.lead_rows)
    cells = led["cell"].to_numpy(np.int64)
    member_cells = cells[rows]
    lead_keys = np.unique(member_cells[leads] * actor_count + actors[leads])
    linked_cells, sources, targets = _linked_leads(c.map.relations, numbered, lead_keys, actor_count)
    top = topmost_plans(c.map.efforts)
    plans = pd.factorize(pd.Series([top.get(effort, effort) for effort in led["id"]], dtype=object))[0]
    width = actor_count + (int(plans.max()) + 1 if len(plans) else 0)
    keys = np.concatenate(
        [
            member_cells * width + actors,
            linked_cells * width + sources,
            linked_cells * width + targets,
            cells * width + actor_count + plans,
        ]
    )
    nodes = pd.factorize(keys)[0] + len(led)
    ends = len(rows), len(rows) + len(sources), len(rows) + 2 * len(sources)
    first = np.concatenate([rows, nodes[ends[0] : ends[1]], np.arange(len(led))])
    second = np.concatenate([nodes[: ends[0]], nodes[ends[1] : ends[2]], nodes[ends[2] :]])
    return component_labels(first, second, int(nodes.max(initial=len(led) - 1)) + 1)[: len(led)]


def _members(led: pd.DataFrame, numbered: EffortActors, lead_rows: np.ndarray):
    """Each row of ``led`` repeated once per participation in its effort: the row, the actor's number, and lead."""
    order = np.argsort(numbered.efforts, kind="stable")
    counts = np.bincount(numbered.efforts, minlength=len(numbered.effort_ids))
    starts = np.cumsum(counts) - counts
    efforts = numbered.effort_ids.get_indexer(led["id"])
    sizes = counts[efforts]
    rows = np.repeat(np.arange(len(led)), sizes)
    offsets = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    picked = order[np.repeat(starts[efforts], sizes) + offsets]
    return rows, numbered.actors[picked].astype(np.int64), lead_rows[picked]


def _linked_leads(relations: pd.DataFrame, numbered: EffortActors, lead_keys: np.ndarray, actor_count: int):
    """The relations between two actors that both lead an effort in one cell: the cells and the two ends' numbers."""
    index = pd.Index(numbered.actor_ids)
    sources, targets = index.get_indexer(relations["from"]), index.get_indexer(relations["to"])
    known = (sources >= 0) & (targets >= 0)
    ends = pd.DataFrame({"actor": sources[known], "target": targets[known]})
    leading = pd.DataFrame({"cell": lead_keys // actor_count, "actor": lead_keys % actor_count})
    pairs = leading.merge(ends, on="actor")
    cells, sources, targets = (pairs[column].to_numpy(np.int64) for column in ("cell", "actor", "target"))
    both = np.isin(cells * actor_count + targets, lead_keys)
    return cells[both], sources[both], targets[both]
