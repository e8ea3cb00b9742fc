"""Node positions: every actor and not ended effort placed, the same each time, idle actors in a row below."""

import pytest

from actormap.view.layout import force_layout, levels_layout

IDLE = {"orphan", "fn"}
"""Kommun's actors in no effort that runs: one only in an ended effort, one only a parent."""


@pytest.mark.parametrize("layout", [levels_layout, force_layout])
def test_actors_in_no_running_effort_stand_below_the_drawing_and_positions_are_stable(kommun, layout):
    positions = layout(kommun)
    assert set(positions) == set(kommun.actors["id"]) | set(kommun.active_efforts["id"])
    idle = {node: position for node, position in positions.items() if node in IDLE}
    linked = {node: position for node, position in positions.items() if node not in IDLE}
    assert min(y for _, y in idle.values()) > max(y for _, y in linked.values())
    assert layout(kommun) == positions
