"""The graph convention and the collaboration network's single points of failure."""

import random

import networkx as nx
import pandas as pd
import pytest

from actormap.analysis.components import cut_off_counts
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
    efforts = [f"e{i}" for i in range(rng.randint(1, 8))]
    participation = [(rng.choice(actors), effort, "partner") for effort in efforts for _ in range(rng.randint(1, 4))]
    relations = [(rng.choice(actors), rng.choice(actors), "collaboration") for _ in range(rng.randint(0, 3))]
    return ActorMap(
        {
            "actors": pd.DataFrame({"id": actors, "name": actors, "type": "other"}),
            "efforts": pd.DataFrame({"id": efforts, "name": efforts, "level": "treatment", "target_groups": "youth"}),
            "participation": pd.DataFrame(participation, columns=["actor", "effort", "role"]),
            "relations": pd.DataFrame(relations, columns=["from", "to", "kind"]),
        },
        {},
    )


@pytest.mark.parametrize("seed", range(60))
def test_cut_off_counts_match_removing_each_actor(seed):
    actor_map = random_map(seed)
    C = collaboration_graph(actor_map)
    C.remove_edges_from(nx.selfloop_edges(C))
    expected = {}
    for actor in C:
        component = nx.node_connected_component(C, actor) - {actor}
        pieces = [len(piece) for piece in nx.connected_components(C.subgraph(component))]
        if len(pieces) >= 2:
            expected[actor] = sum(pieces) - max(pieces)
    assert cut_off_counts(actor_map) == expected
