"""The network view: which nodes and edges to draw, styled and placed, after the user's filters.

Pure data (lists of dicts in vis-network's vocabulary), built in one pass
over the tables: handing the lists to the page costs nothing, while adding
nodes one by one through pyvis is quadratic. Every node carries its
``kind``: ``"actor"``, ``"effort"`` or ``"heading"`` (a level's name above
its column); readers ask the kind, never the shape it is drawn in.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import pandas as pd

from actormap.i18n import code_label, level_name, t
from actormap.model import ActorMap
from actormap.view.filters import ViewFilters
from actormap.view.labels import role_label, target_group_labels, wrapped
from actormap.view.layout import level_header_positions
from actormap.view.style import NODE_SHAPES, actor_color, edge_style, effort_color, faded, relation_style

__all__ = ["HEADING_PREFIX", "MAX_DRAWN_NODES", "NetworkView", "network_view"]

HEADING_PREFIX = "\0level:"
"""A level heading's node id is this prefix and the level (no actor or effort id can start with NUL)."""
MAX_DRAWN_NODES = 1500
"""The most nodes drawn one by one: a browser stays responsive up to here (see the README's benchmarks),
and a printed page is unreadable long before. Larger views keep their most connected part."""


@dataclass
class NetworkView:
    """Nodes and edges ready for vis-network, the actor types shown, and what a size limit hid.

    Each node has an ``id``, a ``kind`` (actor, effort or heading), a
    ``label``, a ``title`` (its tooltip), a ``shape`` and its ``x`` and ``y``.
    """

    nodes: list[dict] = field(default_factory=list)
    edges: list[dict] = field(default_factory=list)
    actor_types: list[str] = field(default_factory=list)
    hidden_actors: int = 0
    hidden_efforts: int = 0
    found: tuple[str, ...] = ()
    """The actors and efforts drawn whose name holds the search text."""

    def ids(self, kind: str) -> list[str]:
        """The ids of the nodes of ``kind`` (actor, effort or heading), in the view's order."""
        return [node["id"] for node in self.nodes if node["kind"] == kind]

    def height_for(self, width: int, low: int = 420, high: int = 900) -> int:
        """A canvas height that fits the drawing's shape at ``width`` pixels, between ``low`` and ``high``."""
        if not self.nodes:
            return low
        xs = [node["x"] for node in self.nodes]
        ys = [node["y"] for node in self.nodes]
        aspect = (max(ys) - min(ys) + 160) / (max(xs) - min(xs) + 320)
        return int(min(max(width * aspect, low), high))


def network_view(
    actor_map: ActorMap,
    positions: dict[str, tuple[float, float]],
    filters: ViewFilters,
    language: str = "en",
    level_headings: bool = False,
    max_nodes: int | None = None,
) -> NetworkView:
    """Select, style and place the nodes and edges that ``filters`` keep.

    ``level_headings`` adds the levels' names above their columns (for the
    levels layout). Above ``max_nodes`` only the most connected actors and
    their efforts are kept; the view counts what it hid. ``filters.without``
    is not applied here: :func:`~actormap.view.selection.select` removes
    those actors from the map first.
    """
    efforts, participation, actors = _selected(actor_map, filters)
    relations = actor_map.relations
    relations = relations[relations["from"].isin(actors["id"]) & relations["to"].isin(actors["id"])]
    if filters.focus and filters.focus in set(actors["id"]):
        keep = _neighbourhood(filters.focus, filters.depth, participation, relations)
        efforts = efforts[efforts["id"].isin(keep)]
        actors = actors[actors["id"].isin(keep)]
        participation = participation[participation["actor"].isin(keep) & participation["effort"].isin(keep)]
        relations = relations[relations["from"].isin(keep) & relations["to"].isin(keep)]
    hidden = (0, 0)
    if max_nodes is not None and len(actors) + len(efforts) > max_nodes:
        before = (len(actors), len(efforts))
        actors, efforts, participation, relations = _most_connected(
            actors, efforts, participation, relations, max_nodes
        )
        hidden = (before[0] - len(actors), before[1] - len(efforts))
    found = _found(filters.search, actors, efforts)
    marked = set(filters.highlight) | found
    nodes = _actor_nodes(actors, positions, marked, language) + _effort_nodes(efforts, positions, marked, language)
    if level_headings and nodes:
        nodes += _heading_nodes(level_header_positions(positions), language)
    edges = _participation_edges(participation, language) + _relation_edges(relations, language)
    return NetworkView(nodes, edges, sorted(set(actors["type"])), *hidden, found=tuple(sorted(found)))


def _most_connected(actors, efforts, participation, relations, max_nodes: int):
    """The actors with the most participations (a third of the budget) and the efforts they share most."""
    degree = participation.groupby("actor").size().sort_values(ascending=False, kind="stable")
    kept_actors = set(degree.index[: max(1, max_nodes // 3)])
    participation = participation[participation["actor"].isin(kept_actors)]
    shared = participation.groupby("effort")["actor"].nunique().sort_values(ascending=False, kind="stable")
    kept_efforts = set(shared.index[: max_nodes - len(kept_actors)])
    participation = participation[participation["effort"].isin(kept_efforts)]
    relations = relations[relations["from"].isin(kept_actors) & relations["to"].isin(kept_actors)]
    return (actors[actors["id"].isin(kept_actors)], efforts[efforts["id"].isin(kept_efforts)], participation, relations)


def _selected(actor_map: ActorMap, filters: ViewFilters) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    efforts = actor_map.active_efforts
    if filters.levels:
        efforts = efforts[efforts["level"].isin(filters.levels)]
    if filters.target_groups:
        wanted = set(filters.target_groups)
        efforts = efforts[efforts["target_groups"].map(lambda groups: bool(wanted & set(groups)))]
    actors = actor_map.actors
    if filters.actor_types:
        actors = actors[actors["type"].isin(filters.actor_types)]
    participation = actor_map.active_participation
    participation = participation[
        participation["effort"].isin(efforts["id"]) & participation["actor"].isin(actors["id"])
    ]
    if filters.roles:
        participation = participation[participation["role"].isin(filters.roles)]
    if filters.bases:
        participation = participation[participation["basis"].isin(filters.bases)]
    if filters.narrows_efforts():
        actors = actors[actors["id"].isin(participation["actor"])]
        if filters.roles or filters.bases:
            efforts = efforts[efforts["id"].isin(participation["effort"])]
    return efforts, participation, actors


def _neighbourhood(start: str, depth: int, participation: pd.DataFrame, relations: pd.DataFrame) -> set[str]:
    """Nodes within ``depth`` steps of ``start`` along participations and relations."""
    adjacency: dict[str, set[str]] = {}
    for source, target in list(zip(participation["actor"], participation["effort"])) + list(
        zip(relations["from"], relations["to"])
    ):
        adjacency.setdefault(source, set()).add(target)
        adjacency.setdefault(target, set()).add(source)
    seen, queue = {start: 0}, deque([start])
    while queue:
        node = queue.popleft()
        if seen[node] < depth:
            for neighbour in adjacency.get(node, ()):
                if neighbour not in seen:
                    seen[neighbour] = seen[node] + 1
                    queue.append(neighbour)
    return set(seen)


def _found(search: str, actors: pd.DataFrame, efforts: pd.DataFrame) -> set[str]:
    """The actors and efforts whose name holds ``search`` (case aside); none for an empty search."""
    text = search.strip().lower()
    if not text:
        return set()
    return {
        node
        for table in (actors, efforts)
        for node in table.loc[table["name"].str.lower().str.contains(text, regex=False), "id"]
    }


def _heading_nodes(headings: dict[str, tuple[float, float]], language: str) -> list[dict]:
    return [
        {
            "id": f"{HEADING_PREFIX}{level}",
            "kind": "heading",
            "label": level_name(level, language).upper(),
            "shape": "text",
            "x": x,
            "y": y,
            "font": {"size": 40, "color": "#444444", "bold": True},
            "physics": False,
            "fixed": True,
            "chosen": False,
            "title": level_name(level, language),
        }
        for level, (x, y) in headings.items()
    ]


def _node(
    node_id: str, kind: str, label: str, title: str, color: str, positions, marked: set[str], size: float
) -> dict:
    x, y = positions.get(node_id, (0.0, 0.0))
    node = {
        "id": node_id,
        "kind": kind,
        "label": wrapped(label),
        "title": title,
        "shape": NODE_SHAPES[kind],
        "size": size,
        "x": x,
        "y": y,
        "color": {"background": color, "border": "#333333"},
        "borderWidth": 1,
    }
    if marked and node_id in marked:
        node.update(
            borderWidth=5,
            size=size * 1.4,
            color={"background": color, "border": "#000000"},
            font={"size": 24, "bold": True},
        )
    elif marked:
        node.update(color={"background": faded(color), "border": faded("#333333")}, font={"color": "#B5B5B5"})
    return node


def _actor_nodes(actors: pd.DataFrame, positions, marked: set[str], language: str) -> list[dict]:
    nodes = []
    for actor in actors.itertuples(index=False):
        lines = [actor.name, f"{t('ui.actor_type', language)}: {code_label('type', actor.type, language)}"]
        lines += [value for value in (actor.sector, actor.description, actor.document) if value]
        color = actor_color(actor.type)
        nodes.append(_node(actor.id, "actor", actor.name, "\n".join(lines), color, positions, marked, 16))
    return nodes


def _effort_nodes(efforts: pd.DataFrame, positions, marked: set[str], language: str) -> list[dict]:
    nodes = []
    for effort in efforts.itertuples(index=False):
        groups = ", ".join(target_group_labels(effort.target_groups, language))
        lines = [
            effort.name,
            f"{t('ui.level', language)}: {level_name(effort.level, language)}",
            f"{t('ui.target_groups', language)}: {groups}",
            f"{t('ui.status', language)}: {code_label('status', effort.status, language)}",
        ]
        lines += [value for value in (effort.description, effort.document) if value]
        color = effort_color(effort.level)
        nodes.append(_node(effort.id, "effort", effort.name, "\n".join(lines), color, positions, marked, 18))
    return nodes


def _participation_edges(participation: pd.DataFrame, language: str) -> list[dict]:
    """One edge per actor and effort, drawn in the style of its heaviest role, listing every role."""
    edges: dict[tuple[str, str], dict] = {}
    columns = (participation[c] for c in ("actor", "effort", "role", "basis"))
    for actor, effort, role, basis in zip(*columns):
        style = edge_style(role, basis)
        label = role_label(role, basis, language)
        edge = edges.get((actor, effort))
        if edge is None:
            edges[(actor, effort)] = {"from": actor, "to": effort, "title": label, **style}
            continue
        edge["title"] += "\n" + label
        if style["width"] > edge["width"]:
            edge.update(style)
    return list(edges.values())


def _relation_edges(relations: pd.DataFrame, language: str) -> list[dict]:
    return [
        {
            "from": source,
            "to": target,
            **relation_style(basis),
            "title": f"{code_label('kind', kind, language)} ({code_label('basis', basis, language)})",
        }
        for source, target, kind, basis in zip(
            relations["from"], relations["to"], relations["kind"], relations["basis"]
        )
        if source != target
    ]
