"""What the finding rules share: a map's not ended efforts and participations, who leads them, its cells' states.

A rule (see :mod:`actormap.analysis.rules`) takes a :class:`Context` and
returns finding rows made with :meth:`Context.finding`; its message's
arguments are ``(kind, value)`` pairs that :mod:`actormap.analysis.wording`
puts into words.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property

import numpy as np
import pandas as pd

from actormap.analysis.cells import cell_states
from actormap.analysis.components import HubGraph, hub_graph
from actormap.model import ActorMap
from actormap.schema import WORKING_ROLES

__all__ = ["Context", "EffortActors", "dated", "distinct_by_effort", "effort_rows", "topmost_plans", "with_plans"]


class Context:
    """What the rules share: the map, its not ended efforts and participations, and its cells' states.

    ``numbered`` holds the participations' efforts and actors as numbers
    (:class:`EffortActors`) and ``lead_rows`` marks the rows in role ``lead``.

    ``severities`` gives each rule's severity by name. ``names``,
    ``effort_names``, ``group`` and ``count`` mark a message argument as
    ids, codes or a count for :mod:`actormap.analysis.wording` to put into words.
    """

    def __init__(self, actor_map: ActorMap, severities: Mapping[str, str]):
        self.map = actor_map
        self.severities = severities
        self.efforts = actor_map.active_efforts
        self.participation = actor_map.active_participation
        self.numbered = EffortActors(self.participation)
        roles = self.participation["role"].to_numpy(dtype=object)
        self.lead_rows = roles == "lead"
        self.members = self.numbered.distinct()
        self.leads = self.numbered.distinct(self.lead_rows)
        self.workers = self.numbered.distinct(np.isin(roles, WORKING_ROLES))

    @cached_property
    def states(self) -> pd.Series:
        return cell_states(self.map)

    @cached_property
    def hub(self) -> HubGraph:
        """The collaboration network, built once for the rules that read it (see :func:`hub_graph`)."""
        return hub_graph(self.map)

    @staticmethod
    def names(actors) -> tuple:
        return ("actors", tuple(actors))

    @staticmethod
    def effort_names(efforts) -> tuple:
        return ("efforts", tuple(efforts))

    @staticmethod
    def group(*groups: str) -> tuple:
        return ("groups", groups)

    @staticmethod
    def count(count: int) -> tuple:
        return ("count", count)

    def finding(
        self,
        rule: str,
        say: dict,
        level="",
        target_group="",
        efforts=(),
        actors=(),
        to_level="",
        message: str = "message",
    ) -> dict:
        """A finding row; ``say`` holds the arguments of the rule's message (``message`` names a variant)."""
        return dict(
            rule=rule,
            severity=self.severities[rule],
            level=level,
            to_level=to_level,
            target_group=target_group,
            efforts=tuple(efforts),
            actors=tuple(actors),
            say=(message, say),
        )

    def effort_finding(self, rule: str, effort: tuple, involved=(), message: str = "message", **say) -> dict:
        """A finding about one effort, given as its (id, level, target groups)."""
        effort_id, level, groups = effort
        say = {"effort": ("effort", effort_id), **say}
        return self.finding(rule, say, level, ",".join(groups), (effort_id,), involved, message=message)

    def participants(self, effort: str) -> list[str]:
        return self.members.get(effort, [])

    def doers(self, effort: str) -> list[str]:
        """The actors that do the effort's work (see :data:`~actormap.schema.WORKING_ROLES`)."""
        return self.workers.get(effort, [])

    def cells_in(self, state: str) -> list[tuple[str, str]]:
        """The (level, target group) cells in ``state`` (see :func:`cell_states`), level by level."""
        return [cell for cell, found in self.states.items() if found == state]


def distinct_by_effort(participation: pd.DataFrame) -> dict[str, list[str]]:
    """Each effort's distinct actors in row order."""
    return EffortActors(participation).distinct()


class EffortActors:
    """A participation table's efforts and actors numbered once, to list each effort's distinct actors fast.

    The (effort, actor) pairs are deduplicated as integers and put in effort
    order by one stable sort: far faster than pandas' groupby-unique or a
    two-column ``drop_duplicates`` on text.
    """

    def __init__(self, participation: pd.DataFrame):
        self.efforts, self.effort_ids = pd.factorize(participation["effort"])
        self.actors, actor_ids = pd.factorize(participation["actor"])
        self.actor_ids = np.asarray(actor_ids, dtype=object)
        self.width = max(len(actor_ids), 1)

    def distinct(self, rows: np.ndarray | None = None) -> dict[str, list[str]]:
        """Each effort's distinct actors in row order, among ``rows`` (a boolean mask; default all)."""
        efforts, actors = (self.efforts, self.actors) if rows is None else (self.efforts[rows], self.actors[rows])
        pairs = pd.unique(efforts.astype(np.int64) * self.width + actors)
        pair_efforts, pair_actors = np.divmod(pairs, self.width)
        order = np.argsort(pair_efforts, kind="stable")
        names = self.actor_ids[pair_actors[order]].tolist()
        ends = np.cumsum(np.bincount(pair_efforts, minlength=len(self.effort_ids))).tolist()
        found = zip(self.effort_ids.tolist(), [0, *ends], ends)
        return {effort: names[start:end] for effort, start, end in found if end > start}


def dated(text: str) -> tuple[str, dict]:
    """A readable date as a message variant and its arguments: a year, a month or a day, as the plan writes it.

    Examples
    --------
    >>> dated("2025"), dated("2025-12"), dated("2025-12-15")[1]
    (('message_year', {'year': 2025}), ('message_month', {'year': 2025, 'month': ('month', 12)}), \
{'year': 2025, 'month': ('month', 12), 'day': 15})
    """
    year, month, day = ([*map(int, text.strip().split("-")), 0, 0])[:3]
    say: dict = {"year": year}
    if month:
        say["month"] = ("month", month)
    if day:
        say["day"] = day
    return ("message_day" if day else "message_month" if month else "message_year"), say


def effort_rows(efforts: pd.DataFrame):
    """The efforts' (id, level, target groups) as plain tuples: pandas' itertuples builds a named tuple per row."""
    return zip(*(efforts[column].to_numpy(object) for column in ("id", "level", "target_groups")))


def with_plans(efforts: pd.DataFrame, own: set[str]) -> set[str]:
    """The efforts in ``own`` and every effort whose plan, or the plan's plan and so on, is in ``own``.

    A measure without a lead (or follow-up) of its own takes its nearest
    plan's; a loop of plans ends the walk.

    Examples
    --------
    >>> efforts = pd.DataFrame({"id": ["plan", "prog", "measure", "loop"], "parent": ["", "plan", "prog", "loop"]})
    >>> sorted(with_plans(efforts, {"plan"}))
    ['measure', 'plan', 'prog']
    """
    parent = {effort: plan for effort, plan in zip(efforts["id"].tolist(), efforts["parent"].tolist()) if plan}
    known: dict[str, bool] = {}
    for start in parent:
        path: dict[str, None] = {}
        node, answer = start, False
        while node and node not in path:
            if node in own or node in known:
                answer = node in own or known[node]
                break
            path[node] = None
            node = parent.get(node, "")
        known.update(dict.fromkeys(path, answer))
    return own | {effort for effort, inherits in known.items() if inherits}


def topmost_plans(efforts: pd.DataFrame) -> dict[str, str]:
    """Each effort's topmost plan up its ``parent`` chain (itself when it has none); a loop ends the walk.

    Examples
    --------
    >>> efforts = pd.DataFrame({"id": ["plan", "prog", "measure", "alone"], "parent": ["", "plan", "prog", ""]})
    >>> topmost_plans(efforts)
    {'plan': 'plan', 'prog': 'plan', 'measure': 'plan', 'alone': 'alone'}
    """
    parent = {effort: plan for effort, plan in zip(efforts["id"].tolist(), efforts["parent"].tolist()) if plan}
    settled: dict[str, str] = {}
    for start in parent:  # only measures walk: the rest are their own topmost plan
        path: dict[str, None] = {}
        node = start
        while node not in settled and node in parent and node not in path:
            path[node] = None
            node = parent[node]
        settled.update(dict.fromkeys([*path, start], settled.get(node, node)))
    ids = efforts["id"].tolist()
    return dict(zip(ids, ids)) | settled
