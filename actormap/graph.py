"""The map as a NetworkX graph, and the actors' collaboration network.

Convention
----------
:func:`build_graph` returns a ``networkx.MultiDiGraph``. Node keys are the
actor and effort ids (unique across both tables). Every node has
``kind="actor"`` or ``kind="effort"`` and every column of its row as
attributes (``target_groups`` as comma-separated text). Edges carry
``relation``:

- ``"participation"``: actor -> effort, one edge per role (the edge key is
  the role), with ``role``, ``basis`` and ``document``;
- ``"relation"``: actor -> actor from ``relations.csv``, with ``kind``,
  ``basis``, ``description`` and ``document``;
- ``"parent"``: actor -> its parent actor (organisation, not collaboration).

>>> from actormap.model import ActorMap
>>> import pandas as pd
>>> m = ActorMap({"actors": pd.DataFrame({"id": ["sn", "ifo"], "name": ["Socialnämnden", "IFO"],
...                                       "type": ["committee", "social_services"], "parent": ["", "sn"]}),
...               "efforts": pd.DataFrame({"id": ["mm"], "name": ["Mini-Maria"], "level": ["4"],
...                                        "target_groups": ["youth"]}),
...               "participation": pd.DataFrame({"actor": ["ifo", "ifo"], "effort": ["mm", "mm"],
...                                              "role": ["lead", "performer"]})}, {})
>>> G = build_graph(m)
>>> G.nodes["mm"]["kind"], G.nodes["mm"]["level"], sorted(G["ifo"]["mm"]), G["ifo"]["sn"][0]["relation"]
('effort', 'treatment', ['lead', 'performer'], 'parent')
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from actormap.model import ActorMap

__all__ = ["ancestors", "build_graph", "collaboration_graph", "component_labels", "cut_off_counts"]


def build_graph(actor_map: ActorMap) -> nx.MultiDiGraph:
    """Build the full graph of a map: actors, efforts, participations, relations and parents."""
    G = nx.MultiDiGraph(name=actor_map.name)
    G.add_nodes_from(_nodes(actor_map, "actors", "actor"))
    G.add_nodes_from(_nodes(actor_map, "efforts", "effort"))
    participation = _columns(actor_map.participation, ("actor", "effort", "role", "basis", "document"))
    G.add_edges_from(
        (actor, effort, role, {"relation": "participation", "role": role, "basis": basis, "document": document})
        for actor, effort, role, basis, document in zip(*participation)
    )
    relations = actor_map.relations.rename(columns={"from": "source", "to": "target"})
    G.add_edges_from(
        (row.source, row.target, {"relation": "relation", "kind": row.kind, "basis": row.basis,
                                  "description": row.description, "document": row.document})
        for row in relations.itertuples(index=False)
    )
    actors = actor_map.actors
    with_parent = actors[actors["parent"] != ""]
    G.add_edges_from((child, parent, {"relation": "parent"}) for child, parent in zip(with_parent["id"], with_parent["parent"]))
    return G


def _nodes(actor_map: ActorMap, table: str, kind: str):
    clean = actor_map.clean(table)
    raw = actor_map.tables.get(table)
    attributes = clean.copy()
    if "target_groups" in attributes:
        attributes["target_groups"] = attributes["target_groups"].map(",".join)
    if raw is not None:
        extra = [column for column in raw.columns if column not in attributes.columns]
        attributes = attributes.join(raw[extra].fillna("").astype(str))
    attributes["kind"] = kind
    names = list(attributes.columns)
    for values in zip(*_columns(attributes, names)):
        record = dict(zip(names, values))
        yield record["id"], record


def _columns(frame: pd.DataFrame, names) -> list:
    """Columns as plain object arrays: zipping them is much faster than iterating rows."""
    return [frame[name].to_numpy(dtype=object) for name in names]


def ancestors(actors: pd.DataFrame, ids: set[str]) -> set[str]:
    """Every actor up the ``parent`` chains of ``ids`` (a loop ends the walk).

    Examples
    --------
    >>> actors = pd.DataFrame({"id": ["kf", "sn", "ifo"], "parent": ["", "kf", "sn"]})
    >>> sorted(ancestors(actors, {"ifo"}))
    ['kf', 'sn']
    """
    parent = dict(zip(actors["id"], actors["parent"]))
    found: set[str] = set()
    for node in ids:
        node = parent.get(node, "")
        while node and node not in found:
            found.add(node)
            node = parent.get(node, "")
    return found


def _hub_graph(actor_map: ActorMap) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The collaboration network with each effort as a hub node, as numbered edge ends.

    An effort with k participants becomes k edges to its hub, not k² edges
    between the actors; efforts with one participant link nobody and are left
    out. Returns the two ends of every edge and the actors' ids: actor i is
    node i, and the hubs are numbered after the actors.
    """
    pairs = actor_map.active_participation[["actor", "effort"]].drop_duplicates()
    shared = pairs[pairs.groupby("effort")["actor"].transform("size") > 1]
    relations = actor_map.relations
    relations = relations[relations["from"] != relations["to"]]
    ends = pd.concat([shared["actor"], relations["from"], relations["to"]], ignore_index=True)
    actor_numbers, actors = pd.factorize(ends)
    hub_numbers = pd.factorize(shared["effort"])[0] + len(actors)
    linked = len(shared) + len(relations)
    first = actor_numbers[:linked]
    second = np.concatenate([hub_numbers, actor_numbers[linked:]])
    return first, second, actors.tolist()


def collaboration_graph(actor_map: ActorMap) -> nx.Graph:
    """The actors linked by a shared, not ended effort or by a relation (parents are not collaboration).

    Each edge lists the ids of the ``efforts`` the two actors share and whether a ``relation`` links them.
    Building it costs k² for an effort of k participants; analysis uses :func:`cut_off_counts` instead.
    """
    G = nx.Graph()
    G.add_nodes_from(actor_map.actors["id"])
    pairs = actor_map.active_participation[["actor", "effort"]].drop_duplicates()
    for effort, group in pairs.groupby("effort")["actor"]:
        members = list(group)
        for i, first in enumerate(members):
            for second in members[i + 1 :]:
                G.add_edge(first, second)
                G[first][second].setdefault("efforts", []).append(effort)
    for source, target in zip(actor_map.relations["from"], actor_map.relations["to"]):
        if source != target:
            G.add_edge(source, target, relation=True)
    return G


def cut_off_counts(actor_map: ActorMap) -> dict[str, int]:
    """Actors whose removal splits the collaboration network, with how many actors each cuts off.

    An actor is an articulation point of the collaboration network exactly
    when it is one of the hub graph (every hub has two or more actors, so
    every part it leaves behind holds an actor). "Cut off" counts the actors
    outside the largest part that remains. One depth-first search: linear.
    """
    first, second, actors = _hub_graph(actor_map)
    starts, neighbours = _adjacency(first, second, int(max(first.max(initial=-1), second.max(initial=-1))) + 1)
    return {actors[node]: count for node, count in _articulation_cut_offs(starts, neighbours, len(actors)).items()}


def component_labels(first: np.ndarray, second: np.ndarray, count: int) -> list[int]:
    """The connected component of each node ``0 .. count - 1`` of an undirected graph, given its edges' ends.

    A component is labelled by its lowest node. Linear in nodes and edges.

    Examples
    --------
    >>> component_labels(np.array([0, 3]), np.array([1, 2]), 5)
    [0, 0, 2, 2, 4]
    """
    starts, neighbours = _adjacency(first, second, count)
    labels = [-1] * count
    for root in range(count):
        if labels[root] >= 0:
            continue
        labels[root] = root
        stack = [root]
        while stack:
            node = stack.pop()
            for neighbour in neighbours[starts[node] : starts[node + 1]]:
                if labels[neighbour] < 0:
                    labels[neighbour] = root
                    stack.append(neighbour)
    return labels


def _adjacency(first: np.ndarray, second: np.ndarray, count: int) -> tuple[list[int], list[int]]:
    """Undirected edges as compressed rows: node i's neighbours are ``neighbours[starts[i]:starts[i + 1]]``."""
    sources, targets = np.concatenate([first, second]), np.concatenate([second, first])
    starts = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(np.bincount(sources, minlength=count), out=starts[1:])
    return starts.tolist(), targets[np.argsort(sources, kind="stable")].tolist()


def _articulation_cut_offs(starts: list[int], neighbours: list[int], actor_count: int) -> dict[int, int]:
    """Tarjan's articulation points, iterative, with the actors (nodes below ``actor_count``) each one cuts off."""
    size = len(starts) - 1
    order, low, below, parent = [-1] * size, [0] * size, [0] * size, [-1] * size
    cursor = starts[:-1]
    clock = 0
    counts: dict[int, int] = {}
    for root in range(size):
        if order[root] >= 0:
            continue
        order[root], below[root], clock = clock, int(root < actor_count), clock + 1
        parts: dict[int, list[int]] = {}
        stack = [root]
        while stack:
            node = stack[-1]
            edge = cursor[node]
            if edge < starts[node + 1]:
                cursor[node] = edge + 1
                neighbour = neighbours[edge]
                if order[neighbour] < 0:
                    order[neighbour] = low[neighbour] = clock
                    below[neighbour], parent[neighbour], clock = int(neighbour < actor_count), node, clock + 1
                    stack.append(neighbour)
                elif neighbour != parent[node] and order[neighbour] < low[node]:
                    low[node] = order[neighbour]
                continue
            stack.pop()
            up = parent[node]
            if up >= 0:
                low[up] = min(low[up], low[node])
                below[up] += below[node]
                if low[node] >= order[up] and up < actor_count:
                    parts.setdefault(up, []).append(below[node])
        counts.update(_cut_off_counts(parts, root, below[root]))
    return counts


def _cut_off_counts(parts: dict[int, list[int]], root: int, total: int) -> dict[int, int]:
    """Per articulation actor, the actors outside the largest part left when it goes (``total`` in the component)."""
    counts = {}
    for node, split in parts.items():
        pieces = split if node == root else [*split, total - 1 - sum(split)]
        pieces = [piece for piece in pieces if piece > 0]
        if len(pieces) >= 2:
            counts[node] = sum(pieces) - max(pieces)
    return counts
