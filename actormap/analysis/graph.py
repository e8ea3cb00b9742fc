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
import pandas as pd

from actormap.model import ActorMap

__all__ = ["build_graph", "collaboration_graph"]


def build_graph(actor_map: ActorMap) -> nx.MultiDiGraph:
    """Build the full graph of a map: actors, efforts, participations, relations and parents.

    Parameters
    ----------
    actor_map : ActorMap
        The map; ended efforts are included (``status`` is a node attribute).

    Returns
    -------
    networkx.MultiDiGraph
        The graph, named after the map, following the convention in the module docstring.

    Examples
    --------
    See the module docstring.
    """
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
        (
            row.source,
            row.target,
            {
                "relation": "relation",
                "kind": row.kind,
                "basis": row.basis,
                "description": row.description,
                "document": row.document,
            },
        )
        for row in relations.itertuples(index=False)
    )
    actors = actor_map.actors
    with_parent = actors[actors["parent"] != ""]
    G.add_edges_from(
        (child, parent, {"relation": "parent"}) for child, parent in zip(with_parent["id"], with_parent["parent"])
    )
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


def collaboration_graph(actor_map: ActorMap) -> nx.Graph:
    """The actors linked by a shared running effort or by a relation (parents and plans are not collaboration).

    Each edge lists the ids of the ``efforts`` the two actors share and whether a ``relation`` links them.
    Building it costs k² for an effort of k participants; analysis uses :func:`cut_off_counts` instead.
    """
    G = nx.Graph()
    G.add_nodes_from(actor_map.actors["id"])
    pairs = actor_map.running_participation[["actor", "effort"]].drop_duplicates()
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
