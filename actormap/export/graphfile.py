"""The full graph for Gephi (GEXF) and yEd (GraphML), with every attribute and the app's look.

The graph is :func:`actormap.analysis.graph.build_graph` of the selection's map
(after a what-if removal), cut down to the nodes the filters keep when
they narrow the view. :func:`portable_graph` turns it into what both
formats can hold: edge keys and values as text (a role stays the key of
its participation edge; a relation's key ``0`` becomes ``"0"``) and every
node named by a ``label`` (its name). GEXF adds Gephi's ``viz`` colour,
size and position; GraphML adds yEd's shape, colour, position and label,
and a line style per edge. The map's name, the export date and the filters
are in the file's metadata.

Read back, the graph is the same, node by node and attribute by attribute:
``networkx.read_gexf`` gives every attribute but ``id`` (which is the
node's id itself) plus ``viz`` (and a ``DiGraph`` without the keys when no
two edges join the same nodes; the role stays an attribute);
``networkx.read_graphml(..., edge_key_type=str, force_multigraph=True)``
gives every attribute plus yEd's ``x``, ``y`` and ``shape_type``.
"""

from __future__ import annotations

import io
from xml.etree import ElementTree

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter
from networkx.readwrite.graphml import GraphMLWriter

from actormap.analysis.graph import build_graph
from actormap.export.text import xml_safe
from actormap.view.selection import Selection
from actormap.view.style import ROLE_COLORS, actor_color, edge_style, effort_color, hex_rgb, relation_style

__all__ = ["GRAPH_FORMATS", "graph_file", "portable_graph", "selected_graph"]

GRAPH_FORMATS = ("gexf", "graphml")
YED = "http://www.yworks.com/xml/graphml"


def _text(value) -> str | int | float | bool:
    """A value both formats can hold: numbers and booleans as they are, None as "", sequences joined."""
    if value is None:
        return ""
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, (tuple, list, set, frozenset)):
        return xml_safe(",".join(str(item) for item in value))
    return xml_safe(str(value))


def portable_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` with text edge keys and values, and a ``label`` (the name) on every node.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("sn", name="Socialnämnden", groups=("youth", "adults"), note=None)
    >>> G.add_edge("sn", "sn", key=0, relation="parent")
    0
    >>> H = portable_graph(G)
    >>> H.nodes["sn"], list(H.edges(keys=True))
    ({'name': 'Socialnämnden', 'groups': 'youth,adults', 'note': '', 'label': 'Socialnämnden'}, [('sn', 'sn', '0')])
    """
    H = nx.MultiDiGraph(**{key: _text(value) for key, value in G.graph.items()})
    for node, data in G.nodes(data=True):
        attributes = {key: _text(value) for key, value in data.items()}
        attributes.setdefault("label", str(attributes.get("name") or node))
        H.add_node(node, **attributes)
    for source, target, key, data in G.edges(keys=True, data=True):
        H.add_edge(source, target, key=str(key), **{name: _text(value) for name, value in data.items()})
    return H


def selected_graph(selection: Selection) -> nx.MultiDiGraph:
    """The portable graph of the selection: the whole map after a removal, or the nodes the filters keep."""
    G = build_graph(selection.actor_map)
    if selection.filters.narrows():
        G = G.subgraph(selection.actors + selection.efforts).copy()
    G.graph["name"] = selection.title
    return portable_graph(G)


def _color(data: dict) -> str:
    if data.get("kind") == "effort":
        return effort_color(data.get("level", ""))
    return actor_color(data.get("type", ""))


def _edge_look(data: dict) -> tuple[str, float, bool]:
    if data.get("relation") == "participation":
        style = edge_style(data.get("role", ""), data.get("basis", ""))
        return style["color"], style["width"], style["dashes"]
    if data.get("relation") == "relation":
        style = relation_style(data.get("basis", ""))
        return style["color"], style["width"], style["dashes"]
    return ROLE_COLORS["advisory"], 1.0, True


def graph_file(selection: Selection, graph_format: str) -> bytes:
    """The selection's graph as GEXF 1.2 or GraphML bytes (UTF-8)."""
    G = selected_graph(selection)
    positions = {node: selection.positions.get(node, (0.0, 0.0)) for node in G}
    description = selection.description
    if graph_format == "gexf":
        return _gexf(G, positions, description, selection.date.isoformat())
    if graph_format == "graphml":
        return _graphml(G, positions, description)
    raise ValueError(f"unknown graph format {graph_format!r}; allowed: {', '.join(GRAPH_FORMATS)}")


def _gexf(G: nx.MultiDiGraph, positions: dict, description: str, date: str) -> bytes:
    G = G.copy()
    for node, data in G.nodes(data=True):
        red, green, blue = hex_rgb(_color(data))
        x, y = positions[node]
        data["viz"] = {
            "color": {"r": red, "g": green, "b": blue, "a": 1.0},
            "size": 10.0,
            "position": {"x": float(x), "y": float(-y), "z": 0.0},
        }
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    meta = writer.xml.find("meta")
    meta.set("lastmodifieddate", date)
    meta.find("creator").text = "actormap"
    ElementTree.SubElement(meta, "description").text = description
    writer.add_graph(G)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _graphml(G: nx.MultiDiGraph, positions: dict, description: str) -> bytes:
    G = G.copy()
    G.graph["description"] = description
    writer = GraphMLWriter(encoding="utf-8", prettyprint=True)
    writer.add_graph_element(G)
    root = writer.xml
    root.set("xmlns:y", YED)
    root.insert(0, ElementTree.Element("key", {"for": "edge", "id": "yed_edge", "yfiles.type": "edgegraphics"}))
    root.insert(0, ElementTree.Element("key", {"for": "node", "id": "yed_node", "yfiles.type": "nodegraphics"}))
    graph = root.find("graph")
    for element in graph.findall("node"):
        data = G.nodes[element.get("id")]
        x, y = positions[element.get("id")]
        _yed_node(element, data, x, y)
    edges = graph.findall("edge")
    for element, (_, _, data) in zip(edges, G.edges(data=True)):
        color, width, dashed = _edge_look(data)
        look = ElementTree.SubElement(ElementTree.SubElement(element, "data", {"key": "yed_edge"}), "y:PolyLineEdge")
        ElementTree.SubElement(
            look, "y:LineStyle", {"color": color, "type": "dashed" if dashed else "line", "width": f"{width:g}"}
        )
        ElementTree.SubElement(look, "y:Arrows", {"source": "none", "target": "none"})
    buffer = io.BytesIO()
    if writer.prettyprint:
        writer.indent(root)
    ElementTree.ElementTree(root).write(buffer, encoding="utf-8", xml_declaration=True)
    return buffer.getvalue()


def _yed_node(element, data: dict, x: float, y: float) -> None:
    """yEd's drawing of a node: a circle (actor) or square (effort) in its colour, named below."""
    size = 30.0 if data.get("kind") == "effort" else 28.0
    look = ElementTree.SubElement(ElementTree.SubElement(element, "data", {"key": "yed_node"}), "y:ShapeNode")
    ElementTree.SubElement(
        look,
        "y:Geometry",
        {"x": f"{x - size / 2:.1f}", "y": f"{y - size / 2:.1f}", "width": f"{size:g}", "height": f"{size:g}"},
    )
    ElementTree.SubElement(look, "y:Fill", {"color": _color(data), "transparent": "false"})
    ElementTree.SubElement(look, "y:BorderStyle", {"color": "#333333", "type": "line", "width": "1.0"})
    label = ElementTree.SubElement(
        look, "y:NodeLabel", {"modelName": "sandwich", "modelPosition": "s", "fontSize": "12", "textColor": "#1B1B1B"}
    )
    label.text = str(data.get("label", ""))
    ElementTree.SubElement(look, "y:Shape", {"type": "rectangle" if data.get("kind") == "effort" else "ellipse"})
