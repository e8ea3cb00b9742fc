"""The graph convention and the collaboration network's single points of failure."""

import random

import networkx as nx
import pandas as pd
import pytest

from actormap.analysis.components import cut_off_counts, cut_offs
from actormap.analysis.graph import build_graph, collaboration_graph
from actormap.model import ActorMap


def test_graph_follows_the_documented_convention(kommun):
    G = build_graph(kommun)
    assert G.nodes["ifo"]["kind"] == "actor" and G.nodes["treat2"]["kind"] == "effort"
    assert G.nodes["early1"]["target_groups"] == "youth,adults"
    assert sorted(G["ifo"]["early1"]) == ["follow_up", "lead"]
    assert G["ifo"]["sn"][0] == {"relation": "parent"}
    assert G.number_of_nodes() == 9 + 8
    assert G.number_of_edges() == 17 + 2  # participations and parent links


def test_collaboration_graph_links_shared_active_efforts_not_parents(kommun):
    C = collaboration_graph(kommun)
    assert set(C["ifo"]) == {"polis", "vc"}
    assert "orphan" in C and C.degree("orphan") == 0
    assert not C.has_edge("ifo", "sn")


def random_map(seed: int) -> ActorMap:
    rng = random.Random(seed)
    actors = [f"a{i}" for i in range(rng.randint(2, 14))]
    parents = [rng.choice(["", "", *actors[:i]]) if i else "" for i in range(len(actors))]
    efforts = [f"e{i}" for i in range(rng.randint(1, 8))]
    participation = [(rng.choice(actors), effort, "partner") for effort in efforts for _ in range(rng.randint(1, 4))]
    relations = [(rng.choice(actors), rng.choice(actors), "collaboration") for _ in range(rng.randint(0, 3))]
    return ActorMap(
        {
            "actors": pd.DataFrame({"id": actors, "name": actors, "type": "other", "parent": parents}),
            "efforts": pd.DataFrame({"id": efforts, "name": efforts, "level": "treatment", "target_groups": "youth"}),
            "participation": pd.DataFrame(participation, columns=["actor", "effort", "role"]),
            "relations": pd.DataFrame(relations, columns=["from", "to", "kind"]),
        },
        {},
    )


def taking_part(actor_map: ActorMap) -> set[str]:
    relations = actor_map.relations
    return set(actor_map.active_participation["actor"]) | set(relations["from"]) | set(relations["to"])


def removal_parts(actor_map: ActorMap) -> dict[str, list[set[str]]]:
    """By networkx: per actor, the parts its removal leaves of its component, counting only the actors that
    take part in something (an effort or a relation), its own relatives taken out."""
    counted = taking_part(actor_map)
    organisation = nx.DiGraph()
    organisation.add_edges_from(
        (child, parent) for child, parent in zip(actor_map.actors["id"], actor_map.actors["parent"]) if parent
    )
    C = collaboration_graph(actor_map)
    C.remove_edges_from(nx.selfloop_edges(C))
    C.add_edges_from(organisation.edges)
    parts = {}
    for actor in C:
        relatives = (
            nx.ancestors(organisation, actor) | nx.descendants(organisation, actor) if actor in organisation else set()
        )
        component = nx.node_connected_component(C, actor) - {actor}
        pieces = nx.connected_components(C.subgraph(component))
        parts[actor] = [(set(piece) & counted) - relatives for piece in pieces]
    return parts


@pytest.mark.parametrize("seed", range(80))
def test_cut_offs_match_removing_each_actor(seed):
    actor_map = random_map(seed)
    expected = {}
    for actor, parts in removal_parts(actor_map).items():
        sizes = [len(part) for part in parts]
        if actor in taking_part(actor_map) and len(parts) >= 2 and sum(sizes) > max(sizes):
            expected[actor] = sum(sizes) - max(sizes)
    assert cut_off_counts(actor_map) == expected
    named = cut_offs(actor_map, first=len(actor_map.actors))
    parts = removal_parts(actor_map)
    for actor, cut in named.items():
        largest = max(len(part) for part in parts[actor])
        everyone = set().union(*parts[actor])
        assert any(set(cut.first) == everyone - part for part in parts[actor] if len(part) == largest), actor
    assert all(len(cut.first) == min(3, cut.total) for cut in cut_offs(actor_map).values())
