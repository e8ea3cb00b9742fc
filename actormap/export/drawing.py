"""The network view drawn on a Matplotlib axes, with labels placed so that they never run together.

:func:`draw_network` draws the nodes and edges of a
:class:`~actormap.view.network.NetworkView` in the app's colours, line
widths and dashes, and names the nodes. Each label tries four places
around its node (below, above, right, left) and takes the first that
touches no other label, no node and stays inside the axes. Up to
:data:`LABEL_ALL` nodes every node is named (when no place is free, the
one with the least overlap is taken); above that only the most connected
actors and efforts are named, and a label that finds no free place is
left out. Sizes are in points for a 1920x1080 image and scale with
``scale``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib import patheffects
from matplotlib.collections import LineCollection
from matplotlib.transforms import Bbox, offset_copy

from actormap.export.spacing import spread_positions
from actormap.view.labels import LABEL_WIDTH
from actormap.view.style import ACTOR_SHAPE, EFFORT_SHAPE, NODE_SHAPES

__all__ = ["LABEL_ALL", "LINE_POINTS", "MARKERS", "Labelled", "draw_network", "label_candidates"]

LABEL_ALL = 60
"""Up to this many nodes every node is named; above it only the most connected ones."""
CENTRAL_ACTORS = 25
"""How many actors (the most connected) are named on a larger network."""
CENTRAL_EFFORTS = 15
"""Every effort is named when there are at most this many; else the most connected this many."""
EDGES_SEEN = 300
"""Above this many edges the lines fade (to a floor), so that a large network is not a black mass."""
HEADING_COLOR = "#555555"
HEADING_SIZE = 15.0
TEXT_COLOR = "#1B1B1B"
BORDER_COLOR = "#333333"
MARKERS = {ACTOR_SHAPE: "o", EFFORT_SHAPE: "s"}
"""The Matplotlib marker of each node shape."""
LINE_POINTS = 0.85
"""Points per pixel of the app's line widths: the printed lines weigh as the lines on screen look."""


@dataclass(frozen=True)
class Labelled:
    """How many actors and efforts were drawn, and how many of them carry their name."""

    actors: int
    efforts: int
    named_actors: int
    named_efforts: int

    @property
    def everything(self) -> bool:
        return self.named_actors == self.actors and self.named_efforts == self.efforts


def _sizes(count: int) -> tuple[float, float]:
    """Node radius and label size in points, for ``count`` nodes on a 1920x1080 image."""
    if count <= 25:
        return 11.0, 14.0
    if count <= LABEL_ALL:
        return 8.5, 12.0
    if count <= 150:
        return 6.0, 11.0
    return 4.0, 10.0


def _degrees(view) -> dict[str, int]:
    degree: dict[str, int] = {}
    for edge in view.edges:
        for end in (edge["from"], edge["to"]):
            degree[end] = degree.get(end, 0) + 1
    return degree


def label_candidates(view) -> list[str]:
    """The ids of the nodes to name, most connected first.

    Every node up to :data:`LABEL_ALL` nodes; above that the
    :data:`CENTRAL_ACTORS` most connected actors and the efforts (all of
    them when few, else the most connected :data:`CENTRAL_EFFORTS`).

    Examples
    --------
    >>> from actormap.view.network import NetworkView
    >>> view = NetworkView([{"id": "a", "kind": "actor", "label": "A"}, {"id": "e", "kind": "effort", "label": "E"}],
    ...                    [{"from": "a", "to": "e"}])
    >>> label_candidates(view)
    ['a', 'e']
    """
    nodes = [node for node in view.nodes if node["kind"] != "heading"]
    degree = _degrees(view)
    ranked = sorted(nodes, key=lambda node: (-degree.get(node["id"], 0), node["label"]))
    if len(nodes) <= LABEL_ALL:
        return [node["id"] for node in ranked]
    actors = [node["id"] for node in ranked if node["kind"] == "actor"][:CENTRAL_ACTORS]
    efforts = [node["id"] for node in ranked if node["kind"] == "effort"][:CENTRAL_EFFORTS]
    chosen = set(actors) | set(efforts)
    return [node["id"] for node in ranked if node["id"] in chosen]


def draw_network(ax, view, scale: float = 1.0, lanes: bool = True) -> Labelled:
    """Draw ``view`` on ``ax`` (whose place in its figure is final) and name its nodes.

    Positions are spread to fill the axes with room for names (see
    :func:`~actormap.export.spacing.spread_positions`; ``lanes`` for the
    levels layout). The data units of ``ax`` become pixels, y pointing down.
    """
    ax.set_axis_off()
    nodes = [node for node in view.nodes if node["kind"] != "heading"]
    headings = [node for node in view.nodes if node["kind"] == "heading"]
    radius, font = (value * scale for value in _sizes(len(nodes)))
    where = _place(ax, nodes, headings, radius, font, scale, lanes)
    nodes = [{**node, "x": where[node["id"]][0], "y": where[node["id"]][1]} for node in nodes]
    _edges(ax, view, where, scale)
    for kind, shape in NODE_SHAPES.items():
        group = [node for node in nodes if node["kind"] == kind]
        if group:
            marker = MARKERS[shape]
            side = 2 * radius * (1.0 if marker == "o" else 0.92)
            ax.scatter(
                [n["x"] for n in group],
                [n["y"] for n in group],
                s=side**2,
                marker=marker,
                zorder=3,
                c=[n["color"]["background"] for n in group],
                edgecolors=BORDER_COLOR,
                linewidths=0.8 * scale,
            )
    _headings(ax, headings, where, scale)
    named = _labels(ax, nodes, label_candidates(view), radius, font, must=len(nodes) <= LABEL_ALL)
    return Labelled(
        sum(n["kind"] == "actor" for n in nodes),
        sum(n["kind"] == "effort" for n in nodes),
        sum(n["kind"] == "actor" and n["id"] in named for n in nodes),
        sum(n["kind"] == "effort" and n["id"] in named for n in nodes),
    )


def _headings(ax, headings: list[dict], where: dict, scale: float) -> None:
    """The levels' names over their columns, made smaller where two would touch."""
    renderer = ax.figure.canvas.get_renderer()
    xs = sorted(where[heading["id"]][0] for heading in headings)
    for heading in headings:
        x, y = where[heading["id"]]
        room = min([abs(other - x) for other in xs if other != x], default=float("inf")) * 0.92
        text = ax.text(
            x,
            y + HEADING_SIZE * scale * ax.figure.dpi / 72,
            heading["label"],
            fontweight="bold",
            fontsize=HEADING_SIZE * scale,
            color=HEADING_COLOR,
            ha="center",
            va="baseline",
            zorder=4,
            parse_math=False,
        )
        width = text.get_window_extent(renderer).width
        if width > room:
            text.set_fontsize(HEADING_SIZE * scale * room / width)


def _place(
    ax, nodes: list[dict], headings: list[dict], radius: float, font: float, scale: float, lanes: bool
) -> dict[str, tuple[float, float]]:
    """Positions in pixels of the axes, with margins for the names of the outermost nodes."""
    box = ax.get_window_extent(ax.figure.canvas.get_renderer())
    pixel = ax.figure.dpi / 72
    width, height = box.width, box.height
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    font_px, radius_px = font * pixel, radius * pixel
    label_w = LABEL_WIDTH * 0.55 * font_px
    line_h = font_px * 1.2
    pad_x = min(label_w / 2 + radius_px, width * 0.12)
    heading_room = 2 * line_h + radius_px if headings else 0.0
    bottom = radius_px + 3 * line_h
    heading_dx = (
        max((len(heading["label"]) * 0.68 * HEADING_SIZE * scale * pixel for heading in headings), default=0.0)
        + 3 * line_h
    )
    where = spread_positions(
        nodes,
        width - 2 * pad_x,
        height - radius_px - bottom,
        label_w + 2 * radius_px + 8,
        2 * radius_px + 2 * line_h + 6,
        lanes,
        headings,
        heading_room,
        heading_dx,
    )
    return {node: (x + pad_x, y + radius_px) for node, (x, y) in where.items()}


def _edges(ax, view, where: dict, scale: float) -> None:
    """One line collection per style: colour, width and dashes as in the app (widths in points)."""
    styles: dict[tuple, list] = {}
    for edge in view.edges:
        if edge["from"] in where and edge["to"] in where:
            key = (edge["color"], float(edge["width"]), bool(edge["dashes"]))
            styles.setdefault(key, []).append([where[edge["from"]], where[edge["to"]]])
    alpha = min(0.85, max(0.12, EDGES_SEEN / max(len(view.edges), 1)))
    for (color, width, dashed), segments in sorted(styles.items(), key=lambda item: item[0][1]):
        ax.add_collection(
            LineCollection(
                segments,
                colors=color,
                linewidths=max(width * LINE_POINTS, 1.0) * scale,
                linestyles=(0, (5, 3)) if dashed else "solid",
                alpha=alpha,
                zorder=1,
                capstyle="round",
            )
        )


_PLACES = (  # (dx, dy) in node radii plus a gap, and the text's alignment: below, above, beside, then diagonal
    ((0, -1), "center", "top"),
    ((0, 1), "center", "bottom"),
    ((1, 0), "left", "center"),
    ((-1, 0), "right", "center"),
    ((0.7, -0.7), "left", "top"),
    ((-0.7, -0.7), "right", "top"),
    ((0.7, 0.7), "left", "bottom"),
    ((-0.7, 0.7), "right", "bottom"),
)
SMALLER = (0.85, 0.72)
"""Where every place around a node is taken, a label that must be shown tries again at these shares of the size."""


def _labels(ax, nodes: list[dict], chosen: list[str], radius: float, font: float, must: bool) -> set[str]:
    """Place the labels of ``chosen`` nodes greedily, in order; return the ids that got one.

    A place costs the area it shares with labels already placed (and the
    headings) ten times, with other nodes three times, and outside the axes four
    times. When labels are optional (``must`` false), one that would touch
    another label or leave the axes is left out; covering a node is allowed.
    """
    renderer = ax.figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    by_id = {node["id"]: node for node in nodes}
    markers = _node_boxes(ax, nodes, radius * ax.figure.dpi / 72)
    row_of = {node["id"]: row for row, node in enumerate(nodes)}
    placed = [text.get_window_extent(renderer).extents for text in ax.texts]
    named = set()
    for node_id in chosen:
        node = by_id[node_id]
        own = markers[row_of[node_id]][None, :]
        labels = np.array(placed).reshape(-1, 4)
        text = ax.text(
            node["x"], node["y"], node["label"], color=TEXT_COLOR, zorder=5, linespacing=1.05, parse_math=False
        )
        sizes = (font, *(font * share for share in SMALLER)) if must else (font,)
        tries = (
            (*_cost(box, labels, markers, own, frame), size, candidate, box)
            for size, candidate, box in _tries(ax, text, sizes, radius, renderer)
        )
        cost, hard, size, candidate, box = min(_until_free(tries), key=lambda attempt: attempt[0])
        if hard and not must:
            text.remove()
            continue
        _size(text, size)
        _put(ax, text, candidate, radius, renderer)
        placed.append(box.extents)
        named.add(node_id)
    return named


def _tries(ax, text, sizes: tuple[float, ...], radius: float, renderer):
    """Put ``text`` at each of ``sizes`` in each place around its node in turn; yield the size, place and box."""
    for size in sizes:
        _size(text, size)
        for place in _PLACES:
            yield size, place, _put(ax, text, place, radius, renderer)


def _until_free(tries):
    """The scored tries, (cost, ...), up to the first that costs nothing: no need to look further."""
    for attempt in tries:
        yield attempt
        if attempt[0] == 0:
            return


def _cost(box: Bbox, labels: np.ndarray, markers: np.ndarray, own: np.ndarray, frame: Bbox) -> tuple[float, float]:
    """What a label in ``box`` costs, and the part of that which touches other labels or leaves the axes."""
    hard = 10 * _overlap(box, labels) + _outside(box, frame)
    return hard + 3 * (_overlap(box, markers) - _overlap(box, own)), hard


def _size(text, size: float) -> None:
    text.set(fontsize=size, path_effects=[patheffects.withStroke(linewidth=3 * size / 12, foreground="white")])


def _put(ax, text, place, radius: float, renderer) -> Bbox:
    """Move ``text`` to ``place`` beside its node; return the box it then covers, in pixels."""
    (dx, dy), ha, va = place
    gap = radius + 2.5
    text.set(ha=ha, va=va, transform=offset_copy(ax.transData, ax.figure, x=dx * gap, y=dy * gap, units="points"))
    return text.get_window_extent(renderer)


def _node_boxes(ax, nodes: list[dict], pixels: float) -> np.ndarray:
    """The nodes' marks as rows of (x0, y0, x1, y1) in pixels."""
    centres = ax.transData.transform([(node["x"], node["y"]) for node in nodes]).reshape(-1, 2)
    return np.hstack([centres - pixels, centres + pixels])


def _overlap(box: Bbox, occupied: np.ndarray) -> float:
    """Area of ``box`` covered by the ``occupied`` boxes (rows of x0, y0, x1, y1; counted once per box)."""
    width = np.minimum(box.x1, occupied[:, 2]) - np.maximum(box.x0, occupied[:, 0])
    height = np.minimum(box.y1, occupied[:, 3]) - np.maximum(box.y0, occupied[:, 1])
    return float((width.clip(0) * height.clip(0)).sum())


def _outside(box: Bbox, frame: Bbox) -> float:
    """Area of ``box`` outside the axes, weighed heavily: a cut-off label is worse than a crowded one."""
    inside_w = max(0.0, min(box.x1, frame.x1) - max(box.x0, frame.x0))
    inside_h = max(0.0, min(box.y1, frame.y1) - max(box.y0, frame.y0))
    return 4 * (box.width * box.height - inside_w * inside_h)
