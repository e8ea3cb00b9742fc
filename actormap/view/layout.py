"""Node positions computed in Python, so the browser draws without a physics simulation.

``levels_layout`` reads left to right as the four levels of intervention:
efforts stand in four columns, grouped by target group; each actor stands
where its efforts are, so an actor spanning levels sits between their
columns and a broken handover shows as an empty stretch between two
columns. ``force_layout`` is a seeded spring layout. Both are stable: the
same map gives the same positions.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from actormap.model import ActorMap
from actormap.schema import LEVELS

__all__ = ["BAND", "FORCE_LIMIT", "force_fits", "force_layout", "level_header_positions", "levels_layout"]

FORCE_LIMIT = 1500
"""The most actors and efforts the force layout places: networkx's spring layout takes about 2 s at
1,500 on this project's machine and grows faster than linearly. Larger maps use the levels layout."""
BAND = 480.0
"""Distance between two level columns."""
ROW = 110.0
GROUP_GAP = 56.0
ACTOR_GAP = 96.0
IDLE_GAP = 170.0


def levels_layout(actor_map: ActorMap) -> dict[str, tuple[float, float]]:
    """Positions of every actor and not ended effort in the levels layout."""
    positions = _effort_positions(actor_map)
    positions.update(_actor_positions(actor_map, positions))
    return positions


def _effort_positions(actor_map: ActorMap) -> dict[str, tuple[float, float]]:
    efforts = actor_map.active_efforts
    group_rank = {group: rank for rank, group in enumerate(actor_map.target_groups)}
    positions = {}
    for column, level in enumerate(LEVELS):
        in_level = efforts[efforts["level"] == level]
        first_group = in_level["target_groups"].map(
            lambda groups: group_rank.get(groups[0], len(group_rank)) if groups else len(group_rank)
        )
        ordered = in_level.assign(_group=first_group).sort_values(["_group", "name"], kind="stable")
        y, previous = 0.0, None
        column_positions = []
        for effort, group in zip(ordered["id"], ordered["_group"]):
            if previous is not None:
                y += ROW + (GROUP_GAP if group != previous else 0.0)
            column_positions.append((effort, y))
            previous = group
        middle = y / 2
        positions.update({effort: (column * BAND, y - middle) for effort, y in column_positions})
    return positions


def _actor_positions(actor_map: ActorMap, efforts: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Each actor at the mean of its efforts, moved off the effort columns, then spread out in its lane."""
    pairs = actor_map.active_participation[["actor", "effort"]].drop_duplicates()
    pairs = pairs[pairs["effort"].isin(efforts.keys())]
    coordinates = pd.DataFrame.from_dict(efforts, orient="index", columns=["x", "y"])
    joined = pairs.join(coordinates, on="effort")
    desired = joined.groupby("actor")[["x", "y"]].mean()
    actors = actor_map.actors["id"]
    idle = actors[~actors.isin(desired.index)]
    column_offset = (desired["x"] / BAND).round() * BAND - desired["x"]
    on_column = column_offset.abs() < BAND * 0.15
    desired.loc[on_column, "x"] = (desired["x"] / BAND).round()[on_column] * BAND - BAND * 0.32
    positions = {}
    for lane_x, lane in desired.groupby(desired["x"].round(-1)):
        positions.update(_spread(lane.sort_values("y", kind="stable"), float(lane_x)))
    lowest = max((y for _, y in [*positions.values(), *efforts.values()]), default=0.0)
    return positions | _bottom_row(list(idle), lowest, -BAND * 0.25, 3 * BAND)


def _bottom_row(nodes: list[str], lowest: float, left: float, width: float) -> dict[str, tuple[float, float]]:
    """Nodes linked to nothing in rows under the drawing, so they neither stretch the picture nor hide."""
    per_row = max(1, int(width // IDLE_GAP))
    return {
        node: (left + (i % per_row) * IDLE_GAP, lowest + 2 * ACTOR_GAP + (i // per_row) * ACTOR_GAP)
        for i, node in enumerate(nodes)
    }


def _spread(lane: pd.DataFrame, x: float) -> dict[str, tuple[float, float]]:
    """Keep actors of one lane at least ``ACTOR_GAP`` apart, centred where they wanted to be."""
    placed: list[float] = []
    for y in lane["y"]:
        placed.append(max(y, placed[-1] + ACTOR_GAP) if placed else y)
    shift = lane["y"].mean() - sum(placed) / len(placed)
    return {actor: (x, y + shift) for actor, y in zip(lane.index, placed)}


def force_fits(actor_map: ActorMap) -> bool:
    """Whether the map's actors and not ended efforts are few enough for the force layout."""
    return len(actor_map.actors) + len(actor_map.active_efforts) <= FORCE_LIMIT


def force_layout(actor_map: ActorMap, seed: int = 7) -> dict[str, tuple[float, float]]:
    """A seeded spring layout of actors and not ended efforts (fewer iterations on large maps).

    Nodes linked to nothing stand in rows under it: in a spring layout they
    drift far out and shrink the rest. From 500 nodes on networkx computes
    the layout with scipy's sparse matrices.
    """
    G = nx.Graph()
    G.add_nodes_from(actor_map.actors["id"])
    G.add_nodes_from(actor_map.active_efforts["id"])
    pairs = actor_map.active_participation
    G.add_edges_from(zip(pairs["actor"], pairs["effort"]))
    G.add_edges_from(zip(actor_map.relations["from"], actor_map.relations["to"]))
    linked = G.subgraph([node for node, degree in G.degree if degree])
    size = max(len(linked), 1)
    raw = nx.spring_layout(linked, seed=seed, iterations=50 if size <= 1000 else 15, scale=None) if len(linked) else {}
    scale = 90.0 * size**0.5
    positions = {node: (float(x) * scale, float(y) * scale) for node, (x, y) in raw.items()}
    xs, ys = [x for x, _ in positions.values()] or [0.0], [y for _, y in positions.values()] or [0.0]
    idle = [node for node in G if node not in positions]
    return positions | _bottom_row(idle, max(ys), min(xs), max(xs) - min(xs))


def level_header_positions(positions: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Where each level's heading stands in the levels layout: above its column."""
    top = min((y for _, y in positions.values()), default=0.0) - 110.0
    return {level: (column * BAND, top) for column, level in enumerate(LEVELS)}
