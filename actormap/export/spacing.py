"""Room for the labels of a static image: the layout's positions stretched to fill a fixed frame.

A browser zooms; a slide does not. :func:`spread_positions` maps the
layout's positions into a frame of pixels and makes room for names. In the
levels layout, nodes stand in vertical lanes (the effort columns and the
actor lanes between them): lanes keep their left-to-right order but stand
at least ``min_dx`` apart (more beside a lane too full to name its nodes
above and below them), and nodes in one lane at least ``min_dy`` apart, as
far as the frame allows (up to twice as far where a lane has room). Other
layouts are scaled to the frame, then nodes that stand too close are pushed apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import numpy as np

__all__ = ["spread_positions"]

APART_LIMIT = 600
"""Above this many nodes a spring layout is drawn as it is (pushing all pairs apart costs n² a sweep)."""
WIDEST = 2.5
ROOMY = 2.0
"""A lane with room to spare spaces its nodes up to this many times ``min_dy``, for names of several lines."""
CROWDED = 0.8
"""A lane too full for names above and below its nodes names them beside: a crowded side widens a gap by this share."""


def spread_positions(
    nodes: list[dict],
    width: float,
    height: float,
    min_dx: float,
    min_dy: float,
    lanes: bool = True,
    headings: Sequence[dict] = (),
    heading_room: float = 0.0,
    heading_dx: float = 0.0,
) -> dict[str, tuple[float, float]]:
    """New ``(x, y)`` of each node (``id``, ``x``, ``y``) inside ``[0, width] x [0, height]``, y pointing down.

    ``headings`` (the levels' names) stand at ``y = 0`` above their lane,
    and the nodes below them, from ``heading_room`` down; two neighbouring
    lanes that both carry a heading stand at least ``heading_dx`` apart.

    Examples
    --------
    Lanes 10 apart move 300 apart; ``c``, too close under ``b``, moves 50 below it:

    >>> nodes = [{"id": "a", "x": 0, "y": 0}, {"id": "b", "x": 10, "y": 0}, {"id": "c", "x": 10, "y": 1},
    ...          {"id": "d", "x": 500, "y": 10}]
    >>> spread_positions(nodes, 1000, 100, 300, 50)
    {'a': (0.0, 0.0), 'b': (300.0, 0.0), 'c': (300.0, 50.0), 'd': (1000.0, 100.0)}
    """
    if not nodes:
        return {}
    if not lanes:
        return _apart(_scaled(nodes, width, height), width, height, max(min_dy, 0.75 * min_dx))
    all_lanes = sorted({_lane(node) for node in [*nodes, *headings]})
    headed = {_lane(heading) for heading in headings}
    height -= heading_room
    by_lane: dict[float, list[dict]] = {}
    for node in nodes:
        by_lane.setdefault(_lane(node), []).append(node)
    crowded = {lane for lane, members in by_lane.items() if len(members) * min_dy > height}
    least = [
        max(
            min_dx * (1 + CROWDED * (left in crowded) + CROWDED * (right in crowded)),
            heading_dx if left in headed and right in headed else 0.0,
        )
        for left, right in pairwise(all_lanes)
    ]
    xs = _lane_x(all_lanes, width, least)
    ys = [node["y"] for node in nodes]
    low, span = min(ys), max(ys) - min(ys)
    unit = height / span if span else 0.0
    placed: dict[str, tuple[float, float]] = {}
    for lane, members in by_lane.items():
        members = sorted(members, key=lambda node: node["y"])
        wanted = [(node["y"] - low) * unit if span else height / 2 for node in members]
        step = max(min_dy, min(height / len(members), ROOMY * min_dy))
        spaced: list[float] = []
        for y in wanted:
            spaced.append(max(y, spaced[-1] + step) if spaced else y)
        shift = sum(wanted) / len(wanted) - sum(spaced) / len(spaced)
        fitted = _fit_lane([y + shift for y in spaced], height)
        x = round(xs[lane], 1)
        placed.update({node["id"]: (x, round(y + heading_room, 1)) for node, y in zip(members, fitted)})
    return placed | {heading["id"]: (round(xs[_lane(heading)], 1), 0.0) for heading in headings}


def _lane(node: dict) -> float:
    return round(float(node["x"]), -1)


def _lane_x(lanes: list[float], width: float, least: list[float]) -> dict[float, float]:
    """Lane positions across ``width``: gaps as in the layout, none below its ``least`` where room allows and
    none above :data:`WIDEST` times the widest ``least`` (a filtered view leaves wide empty stretches)."""
    if len(lanes) == 1:
        return {lanes[0]: width / 2}
    gaps = [right - left for left, right in pairwise(lanes)]
    shrink = min(1.0, width / sum(least))
    least = [value * shrink for value in least]
    low, high = 0.0, width / min(gaps)
    for _ in range(50):  # the scale at which the widened gaps fill the width
        middle = (low + high) / 2
        if sum(max(gap * middle, floor) for gap, floor in zip(gaps, least)) > width:
            high = middle
        else:
            low = middle
    widest = WIDEST * max(least)
    positions, x = {lanes[0]: 0.0}, 0.0
    for lane, gap, floor in zip(lanes[1:], gaps, least):
        x += min(max(gap * low, floor), widest)
        positions[lane] = x
    stretch = width / x if x else 1.0
    return {lane: value * stretch for lane, value in positions.items()}


def _fit_lane(ys: list[float], height: float) -> list[float]:
    """One lane's positions moved into ``[0, height]``, squeezed only if the lane is taller than that."""
    low, high = min(ys), max(ys)
    if high - low > height:
        return [(y - low) * height / (high - low) for y in ys]
    move = -low if low < 0 else min(0.0, height - high)
    return [y + move for y in ys]


def _scaled(nodes: list[dict], width: float, height: float) -> dict[str, tuple[float, float]]:
    xs, ys = [node["x"] for node in nodes], [node["y"] for node in nodes]
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    return {
        node["id"]: (
            (node["x"] - min(xs)) * width / span_x if span_x else width / 2,
            (node["y"] - min(ys)) * height / span_y if span_y else height / 2,
        )
        for node in nodes
    }


def _apart(
    placed: dict[str, tuple[float, float]], width: float, height: float, distance: float
) -> dict[str, tuple[float, float]]:
    """Push nodes closer than ``distance`` apart (as far as the frame has room), a few sweeps over all pairs.

    A spring layout packs each part of the network tightly; a slide needs
    room for names. Maps above :data:`APART_LIMIT` nodes keep the layout.
    """
    ids = list(placed)
    if len(ids) < 2 or len(ids) > APART_LIMIT:
        return {node: (round(x, 1), round(y, 1)) for node, (x, y) in placed.items()}
    points = np.array([placed[node] for node in ids], dtype=float)
    distance = min(distance, 0.8 * (width * height / len(ids)) ** 0.5)
    jitter = np.random.default_rng(0).uniform(-0.5, 0.5, points.shape)
    points += jitter
    for _ in range(60):
        delta = points[:, None, :] - points[None, :, :]
        length = np.sqrt((delta**2).sum(axis=2)) + np.eye(len(ids))
        push = np.clip(distance - length, 0, None) / 2
        np.fill_diagonal(push, 0)
        if not push.any():
            break
        points += (delta / length[:, :, None] * push[:, :, None]).sum(axis=1)
        points[:, 0] = points[:, 0].clip(0, width)
        points[:, 1] = points[:, 1].clip(0, height)
    return {node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in zip(ids, points)}
