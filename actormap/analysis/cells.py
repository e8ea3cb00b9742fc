"""What each cell of levels x target groups holds: covered, covered only population-wide, only planned, empty.

A cell is one level of intervention and one target group. Its state says
what a coordinator needs to know first:

- ``covered``: a running effort at that level is aimed at the group;
- ``population``: only a population-wide effort reaches it (one aimed at
  ``population`` reaches every group at its level);
- ``planned``: only planned efforts are aimed at it (or at the whole population at its level);
- ``uncovered``: nothing at all;
- ``not_expected``: the map does not expect an effort there (``[coverage]
  not_expected`` in ``map.toml``; by default early intervention and
  treatment for the whole population).

>>> from actormap import read_map
>>> m, _ = read_map({"map.toml": b'target_groups = ["population", "youth", "adults"]',
...                  "actors.csv": b"id,name,type\\nsn,Social board,committee\\n",
...                  "efforts.csv": b"id,name,level,target_groups,status\\n"
...                                 b"p,Alcohol policy,2,population,\\nmm,Mini-Maria,4,youth,planned\\n",
...                  "participation.csv": b"actor,effort,role\\nsn,p,lead\\nsn,mm,lead\\n"})
>>> states = cell_states(m)
>>> states["prevention", "youth"], states["treatment", "youth"], states["treatment", "adults"]
('population', 'planned', 'uncovered')
>>> states["treatment", "population"], states["prevention", "population"]
('not_expected', 'covered')
"""

from __future__ import annotations

import pandas as pd

from actormap.model import ActorMap
from actormap.schema import LEVELS, POPULATION

__all__ = ["CELL_STATES", "cell_states", "planned_cells"]

CELL_STATES = ("covered", "population", "planned", "uncovered", "not_expected")
"""Every state a cell can be in, from the best covered to the one nobody expects."""


def cell_states(actor_map: ActorMap) -> pd.Series:
    """The state of every (level, target group) cell of the map, indexed by level and target group in order."""
    running = _pairs(actor_map.running_cells)
    planned = _pairs(planned_cells(actor_map))
    wide = {level for level, group in running if group == POPULATION}
    planned_wide = {level for level, group in planned if group == POPULATION}
    grid = pd.MultiIndex.from_product([LEVELS, actor_map.target_groups], names=["level", "target_group"])
    states = [_state(cell, running, planned, wide, planned_wide, actor_map.not_expected) for cell in grid]
    return pd.Series(states, index=grid, name="state")


def planned_cells(actor_map: ActorMap) -> pd.DataFrame:
    """One row per planned effort and target group it reaches (``id``, ``level``, ``target_group``)."""
    cells = actor_map.active_cells
    return cells[cells["id"].isin(actor_map.planned_ids)]


def _pairs(cells: pd.DataFrame) -> set[tuple[str, str]]:
    return set(zip(cells["level"].tolist(), cells["target_group"].tolist()))


def _state(cell, running, planned, wide, planned_wide, not_expected) -> str:
    if cell in not_expected:
        return "not_expected"
    if cell in running:
        return "covered"
    if cell[0] in wide:
        return "population"
    return "planned" if cell in planned or cell[0] in planned_wide else "uncovered"
