"""The collaboration network as numbered edges: connected parts and single points of failure.

No networkx here: the analysis runs on numbered compressed-row graphs, which
is linear and several times faster at a country's size.

The network links actors that share a running effort (planned and ended ones
link nobody yet), actors a relation
links, and each actor to its ``parent``: an actor and its parent or
sub-units stay connected through the organisation. When an actor drops
out, what it cuts off is the actors outside the largest part that remains,
counting only actors that take part in something (a running effort, or a
relation) and never its own parents and sub-units (a committee
is never cut off from its own administration, nor the council from its
committees). Only an actor that takes part in something can drop out.

Below, IFO belongs to the social committee (SN), and the police links IFO
to the health centre (VC): without the police VC is cut off; without IFO
only SN would be, its own committee, which does not count.

>>> from actormap.model import ActorMap
>>> import pandas as pd
>>> m = ActorMap({"actors": pd.DataFrame({"id": ["sn", "ifo", "pol", "vc"], "name": ["SN", "IFO", "Pol", "VC"],
...                                       "type": "other", "parent": ["", "sn", "", ""]}),
...               "efforts": pd.DataFrame({"id": ["a", "b", "c"], "name": ["A", "B", "C"], "level": "4",
...                                        "target_groups": "youth"}),
...               "participation": pd.DataFrame({"actor": ["ifo", "pol", "pol", "vc", "sn"],
...                                              "effort": ["a", "a", "b", "b", "c"], "role": "partner"})}, {})
>>> cut_offs(m)
{'pol': CutOff(total=1, first=('vc',))}
"""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

import numpy as np
import pandas as pd

from actormap.analysis.organisation import Organisation
from actormap.model import ActorMap

__all__ = ["CutOff", "HubGraph", "component_labels", "cut_off_counts", "cut_offs", "hub_graph"]


class CutOff(NamedTuple):
    """What an actor's dropping out cuts off: how many actors (``total``), and the first few of them (ids)."""

    total: int
    first: tuple[str, ...]


class HubGraph(NamedTuple):
    """The collaboration network as numbered edges (see :func:`hub_graph`)."""

    first: np.ndarray
    second: np.ndarray
    actors: list[str]
    parents: np.ndarray
    taking_part: np.ndarray


def hub_graph(actor_map: ActorMap) -> HubGraph:
    """The collaboration network with each effort as a hub node, as numbered edge ends, and the parent links.

    An effort with k participants becomes k edges to its hub, not k² edges
    between the actors; efforts with one participant link nobody and are left
    out. Returns the two ends of every edge, the ids of the actors on an edge
    (actor i is node i, and the hubs are numbered after the actors), each
    one's parent node (-1 for none) and whether it takes part in something
    (a running effort or a relation). An actor on no edge is not numbered.
    """
    pairs = actor_map.running_participation[["actor", "effort"]].drop_duplicates()
    shared = pairs[pairs["effort"].duplicated(keep=False)]  # efforts with two or more actors
    relations = actor_map.relations
    relations = relations[relations["from"] != relations["to"]]
    actors = actor_map.actors
    known = set(actors["id"])
    children = actors[(actors["parent"] != "") & (actors["parent"] != actors["id"]) & actors["parent"].isin(known)]
    ends = pd.concat(
        [shared["actor"], relations["from"], children["id"], relations["to"], children["parent"]], ignore_index=True
    )
    actor_numbers, names = pd.factorize(ends)
    hub_numbers = pd.factorize(shared["effort"])[0] + len(names)
    linked = len(shared) + len(relations) + len(children)
    first = actor_numbers[:linked]
    second = np.concatenate([hub_numbers, actor_numbers[linked:]])
    parents = np.full(len(names), -1, dtype=np.int64)
    parents[actor_numbers[len(shared) + len(relations) : linked]] = actor_numbers[linked + len(relations) :]
    taking_part = pd.concat([pairs["actor"], actor_map.relations["from"], actor_map.relations["to"]])
    return HubGraph(first, second, names.tolist(), parents, names.isin(taking_part))


def cut_offs(actor_map: ActorMap, first: int = 3, graph: HubGraph | None = None) -> dict[str, CutOff]:
    """Actors whose dropping out splits the collaboration network, with what each one cuts off.

    An actor is an articulation point of the collaboration network exactly
    when it is one of the hub graph (every hub has two or more actors, so
    every part it leaves behind holds an actor). "Cut off" is the actors
    outside the largest part that remains, counting only those that take
    part in something and not the actor's own ancestors and descendants
    (``parent`` chains). Only an actor that takes part in something can drop
    out (a council that only links its committees does not), and one that
    cuts off nobody is left out. One
    depth-first search: linear in the network (plus, for the names, the
    articulation actors' relatives).

    Parameters
    ----------
    actor_map : ActorMap
        The map; planned and ended efforts do not link anyone.
    first : int
        How many of the cut-off actors to name, in the order of the search.
    graph : HubGraph, optional
        The map's :func:`hub_graph`, when the caller has it already.

    Returns
    -------
    dict
        A :class:`CutOff` per articulation actor id, in the order of the search.
    """
    ends, other_ends, actors, parents, taking_part = hub_graph(actor_map) if graph is None else graph
    size = int(max(ends.max(initial=-1), other_ends.max(initial=-1))) + 1
    starts, neighbours = _adjacency(ends, other_ends, size)
    organisation = Organisation(parents.tolist(), taking_part.tolist())
    found = _articulation_cut_offs(starts, neighbours, organisation, first)
    return {actors[node]: CutOff(count, tuple(actors[a] for a in names)) for node, (count, names) in found.items()}


def cut_off_counts(actor_map: ActorMap) -> dict[str, int]:
    """How many actors each articulation actor cuts off (see :func:`cut_offs`)."""
    return {actor: cut.total for actor, cut in cut_offs(actor_map, 0).items()}


def component_labels(first: np.ndarray, second: np.ndarray, count: int) -> list[int]:
    """The connected component of each node ``0 .. count - 1`` of an undirected graph, given its edges' ends.

    A component is labelled by its lowest node. Vectorised hooking and
    pointer jumping: each round every label moves to the lowest label it
    touches, then follows the pointers to their ends, so a few rounds over
    the edges, in numpy, do for any graph.

    Examples
    --------
    >>> component_labels(np.array([0, 3]), np.array([1, 2]), 5)
    [0, 0, 2, 2, 4]
    >>> component_labels(np.array([4, 3, 2, 1]), np.array([3, 2, 1, 0]), 6)
    [0, 0, 0, 0, 0, 5]
    """
    labels = np.arange(count, dtype=np.int64)
    ends = np.asarray(first, dtype=np.int64), np.asarray(second, dtype=np.int64)
    while len(ends[0]):
        here, there = labels[ends[0]], labels[ends[1]]
        apart = here != there
        if not apart.any():
            break
        here, there = here[apart], there[apart]
        lowest = np.minimum(here, there)
        np.minimum.at(labels, here, lowest)  # every label points at a lower one or at itself: no loops
        np.minimum.at(labels, there, lowest)
        while True:
            jumped = labels[labels]
            if np.array_equal(jumped, labels):
                break
            labels = jumped
    return labels.tolist()


def _adjacency(first: np.ndarray, second: np.ndarray, count: int) -> tuple[list[int], list[int]]:
    """Undirected edges as compressed rows: node i's neighbours are ``neighbours[starts[i]:starts[i + 1]]``."""
    sources, targets = np.concatenate([first, second]), np.concatenate([second, first])
    starts = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(np.bincount(sources, minlength=count), out=starts[1:])
    return starts.tolist(), targets[np.argsort(sources, kind="stable")].tolist()


def _articulation_cut_offs(
    starts: list[int], neighbours: list[int], organisation: Organisation, first: int
) -> dict[int, tuple[int, list[int]]]:
    """Tarjan's articulation points, iterative, with the actors each one cuts off: a count and the first ones.

    Actors are the nodes below ``len(organisation.parent)``. The search
    lists the counted actors in the order it finds them (``found``), so
    those of a search subtree are one range of that list: ``seen[u]`` were
    found before ``u``, and ``below[u]`` lie in its subtree. The part that a
    child ``u`` of ``v`` with ``low[u] >= order[v]`` leaves behind is that
    range; the rest of ``v``'s component (``v`` aside) is one more part.
    """
    actor_count = len(organisation.parent)
    counts = organisation.counts
    size = len(starts) - 1
    weight = counts + [0] * (size - actor_count)  # what each node adds to its subtree: 1 for a counted actor
    order, low, below, parent, seen = [-1] * size, [0] * size, [0] * size, [-1] * size, [0] * size
    cursor, stops = starts[:-1], starts[1:]
    clock = 0
    found: list[int] = []
    results: dict[int, tuple[int, list[int]]] = {}
    for root in range(size):
        if order[root] >= 0:
            continue
        order[root], seen[root], clock = clock, len(found), clock + 1
        if weight[root]:
            found.append(root)
        parts: dict[int, list[tuple[int, int]]] = {}
        stack = [root]
        push, pop = stack.append, stack.pop
        while stack:
            node = stack[-1]
            edge = cursor[node]
            if edge < stops[node]:
                cursor[node] = edge + 1
                neighbour = neighbours[edge]
                if order[neighbour] < 0:
                    order[neighbour] = low[neighbour] = clock
                    parent[neighbour], seen[neighbour], clock = node, len(found), clock + 1
                    if weight[neighbour]:
                        found.append(neighbour)
                    push(neighbour)
                elif neighbour != parent[node] and order[neighbour] < low[node]:
                    low[node] = order[neighbour]
                continue
            pop()
            below[node] += weight[node]
            up = parent[node]
            if up >= 0:
                if low[node] < low[up]:
                    low[up] = low[node]
                below[up] += below[node]
                if low[node] >= order[up] and up < actor_count:
                    parts.setdefault(up, []).append((seen[node], below[node]))
        component = (seen[root], seen[root] + below[root])
        for node, split in parts.items():
            if not counts[node]:
                continue
            cut = _cut_off(node, split, component, seen, found, organisation, first)
            if cut[0] > 0:
                results[node] = cut
    return results


def _cut_off(
    node: int,
    split: list[tuple[int, int]],
    component: tuple[int, int],
    seen: list[int],
    found: list[int],
    organisation: Organisation,
    first: int,
) -> tuple[int, list[int]]:
    """What ``node`` cuts off: its parts are the ranges ``split`` of ``found`` and the rest of ``component``.

    Parts are weighed by the counted actors in them that are not ``node``'s
    relatives: a sub-unit's whole subtree lies in one part (its parent links
    stay), and so do all the ancestors. ``seen[a]`` is counted actor ``a``'s place in ``found``.
    """
    own = organisation.counts[node]
    part_starts = [start for start, _ in split]
    counts = [component[1] - component[0] - own - sum(length for _, length in split)]
    counts += [length for _, length in split]

    def part_of(actor: int) -> int:
        index = bisect_right(part_starts, seen[actor]) - 1
        return index + 1 if index >= 0 and seen[actor] < split[index][0] + split[index][1] else 0

    for child in organisation.children[node]:
        if organisation.size[child]:
            counts[part_of(organisation.below[child])] -= organisation.size[child]
    if organisation.depth[node]:
        counts[part_of(organisation.above[node])] -= organisation.depth[node]
    largest = max(range(len(counts)), key=counts.__getitem__)
    count = sum(counts) - counts[largest]
    names: list[int] = []
    for part, weight in enumerate(counts):
        if part == largest or weight <= 0 or len(names) >= first:
            continue
        ranges = [split[part - 1]] if part else _rest(split, component, (seen[node], own))
        names += _unrelated(ranges, node, found, organisation, first - len(names))
    return count, names


def _rest(split: list[tuple[int, int]], component: tuple[int, int], own: tuple[int, int]) -> list[tuple[int, int]]:
    """The ranges of ``component`` outside the parts ``split`` and the actor's ``own`` range (one place, or none)."""
    cuts = sorted([*split, own])
    ranges, start = [], component[0]
    for begin, length in cuts:
        if begin > start:
            ranges.append((start, begin - start))
        start = max(start, begin + length)
    if component[1] > start:
        ranges.append((start, component[1] - start))
    return ranges


def _unrelated(
    ranges: list[tuple[int, int]], node: int, found: list[int], organisation: Organisation, wanted: int
) -> list[int]:
    """The first ``wanted`` actors in ``ranges`` of ``found`` that are not ``node``'s relatives."""
    names: list[int] = []
    for start, length in ranges:
        for index in range(start, start + length):
            if len(names) >= wanted:
                return names
            if not organisation.related(found[index], node):
                names.append(found[index])
    return names
