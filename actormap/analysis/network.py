"""The collaboration network: actors outside it, actors it hangs on, and whether it is one network or several.

``isolated_actor`` and ``single_point`` are explained in the README;
this docstring explains ``fragmented``.

The network is the one :mod:`actormap.analysis.components` builds: actors
that share a running effort, actors a relation links, and each actor with
its ``parent`` (a committee and its administration stay together, and a
council that takes part in nothing still holds its committees together).
Only actors that take part in something, a running effort or a relation,
are counted; those that take part in nothing are ``isolated_actor``'s.

``fragmented`` is one finding when the counted actors fall into two or
more parts: it names each part of two or more actors by its busiest actors
(most running efforts and relations) with its size, and the actors that
work alone; its actors are everyone outside the largest part.

>>> from actormap import read_map
>>> from actormap.analysis.rules import find_all
>>> m, _ = read_map({"map.toml": b'target_groups = ["adults"]',
...                  "actors.csv": b"id,name,type\\nnav,NAV,social_services\\nhf,Health trust,health_care\\n"
...                                b"pol,Police,police\\n",
...                  "efforts.csv": b"id,name,level,target_groups\\nfu,Follow-up,4,adults\\nbar,Bars,2,adults\\n",
...                  "participation.csv": b"actor,effort,role\\nnav,fu,lead\\nhf,fu,partner\\npol,bar,lead\\n"})
>>> finding = find_all(m).set_index("rule").loc["fragmented"]
>>> finding["actors"], finding["message"]
(('pol',), 'Police works alone: it shares no running effort, relation or parent body with any other actor.')
"""

from __future__ import annotations

import pandas as pd

from actormap.analysis.components import HubGraph, component_labels, cut_offs, hub_graph
from actormap.analysis.context import Context
from actormap.model import ActorMap, ancestors

__all__ = ["fragmented", "isolated_actor", "network_parts", "single_point"]


def network_parts(actor_map: ActorMap, graph: HubGraph | None = None) -> list[list[str]]:
    """The actors that take part in something, by part of the collaboration network, largest part first.

    Within a part, and between parts of one size, actors keep their order in
    the actors table; an actor that works alone is a part of one. Linear in
    the network.

    Parameters
    ----------
    actor_map : ActorMap
        The map; planned and ended efforts link nobody.
    graph : HubGraph, optional
        The map's :func:`~actormap.analysis.components.hub_graph`, when the caller has it already.

    Returns
    -------
    list of list of str
        The parts, as actor ids.
    """
    graph = hub_graph(actor_map) if graph is None else graph
    size = int(max(graph.first.max(initial=-1), graph.second.max(initial=-1), len(graph.actors) - 1)) + 1
    labels = component_labels(graph.first, graph.second, size)
    node = {actor: number for number, actor in enumerate(graph.actors)}
    relations = actor_map.relations
    counted = set(actor_map.running_participation["actor"]) | set(relations["from"]) | set(relations["to"])
    parts: dict[object, list[str]] = {}
    for actor in actor_map.actors["id"]:
        if actor in counted:
            parts.setdefault(labels[node[actor]] if actor in node else f"\0{actor}", []).append(actor)
    return sorted(parts.values(), key=len, reverse=True)


def fragmented(c: Context) -> list[dict]:
    """One finding when the actors at work fall into two or more parts (actors that work alone included)."""
    parts = network_parts(c.map, c.hub)
    if len(parts) < 2:
        return []
    groups = [part for part in parts if len(part) > 1]
    alone = [part[0] for part in parts if len(part) == 1]
    busy = _busyness(c)
    say: dict = {"alone": ("some_actors", tuple(alone))}
    if len(groups) > 1:
        ranked = tuple(tuple(sorted(part, key=lambda actor: -busy.get(actor, 0))) for part in groups)
        say |= {"count": c.count(len(groups)), "parts": ("parts", ranked)}
        message = "message" if not alone else "message_alone_one" if len(alone) == 1 else "message_alone"
    else:
        message = "message_loners_one" if len(alone) == 1 else "message_loners"
    largest = set(groups[0]) if groups else set()
    outside = [actor for part in parts for actor in part if actor not in largest]
    order = {actor: index for index, actor in enumerate(c.map.actors["id"])}
    return [c.finding("fragmented", say, actors=sorted(outside, key=order.__getitem__), message=message)]


def _busyness(c: Context) -> dict[str, int]:
    """How many running efforts and relations each actor takes part in."""
    pairs = c.map.running_participation[["actor", "effort"]].drop_duplicates()
    relations = c.map.relations
    ends = pd.concat([pairs["actor"], relations["from"], relations["to"]], ignore_index=True)
    return ends.value_counts().to_dict()


def isolated_actor(c: Context) -> list[dict]:
    actors = c.map.actors
    relations = c.map.relations
    active = set(c.participation["actor"]) | set(relations["from"]) | set(relations["to"])
    with_active_unit = ancestors(actors, set(c.participation["actor"]))
    isolated = actors[~actors["id"].isin(active | with_active_unit)]
    return [c.finding("isolated_actor", {"actor": c.names([a])}, actors=(a,)) for a in isolated["id"]]


def single_point(c: Context) -> list[dict]:
    return [
        c.finding(
            "single_point",
            {"actor": c.names([actor]), "cut_off": ("cut_off", (cut.first, cut.total))},
            actors=(actor,),
            message="message_one" if cut.total == 1 else "message",
        )
        for actor, cut in sorted(cut_offs(c.map, graph=c.hub).items(), key=lambda item: (-item[1].total, item[0]))
    ]
