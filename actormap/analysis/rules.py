"""The responsibility findings: nine named rules over a map's not ended efforts.

Each rule returns rows with the columns of :data:`FINDING_COLUMNS`; messages
are sentences in the map's language (or the one asked for) that name actors
and efforts by name. The rules are explained in the README. A rule is one
:class:`Rule` in :data:`RULES` plus its keys in every catalog.

The analysis does not depend on the language: :func:`find_facts` returns
the findings with their message's arguments as codes and ids, and
:func:`actormap.analysis.wording.localize` writes the sentences, so switching the language costs
only the writing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from actormap.analysis.components import component_labels, cut_off_counts
from actormap.analysis.wording import localize
from actormap.model import ActorMap, ancestors
from actormap.schema import LEVELS

__all__ = ["FINDING_COLUMNS", "RULES", "SEVERITIES", "Rule", "find_all", "find_facts"]

SEVERITIES = ("high", "medium", "low")
FINDING_COLUMNS = ["rule", "severity", "level", "to_level", "target_group", "efforts", "actors", "message"]


class _Context:
    """What the rules share: the map, its active efforts and participations.

    ``names``, ``group`` and ``level`` mark a message argument as ids or
    codes for :func:`localize` to put into words.
    """

    def __init__(self, actor_map: ActorMap):
        self.map = actor_map
        self.efforts = actor_map.active_efforts
        self.participation = actor_map.active_participation
        self.cells = actor_map.active_cells
        self.pairs = self.participation[["effort", "actor", "role"]].drop_duplicates()
        self.members = _distinct_by_effort(self.participation)
        self.leads = _distinct_by_effort(self.participation[self.participation["role"] == "lead"])

    @staticmethod
    def names(actors) -> tuple:
        return ("actors", tuple(actors))

    @staticmethod
    def group(*groups: str) -> tuple:
        return ("groups", groups)

    @staticmethod
    def level(level: str) -> tuple:
        return ("level", level)

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
            severity=RULES[rule].severity,
            level=level,
            to_level=to_level,
            target_group=target_group,
            efforts=tuple(efforts),
            actors=tuple(actors),
            say=(message, say),
        )

    def effort_finding(self, rule: str, effort: tuple, involved=(), **say) -> dict:
        """A finding about one effort, given as its (id, level, target groups)."""
        effort_id, level, groups = effort
        return self.finding(
            rule, {"effort": ("effort", effort_id), **say}, level, ",".join(groups), (effort_id,), involved
        )

    def participants(self, effort: str) -> list[str]:
        return self.members.get(effort, [])


def _distinct_by_effort(participation: pd.DataFrame) -> dict[str, list[str]]:
    """Each effort's distinct actors in row order (one sort; pandas' groupby-unique is far slower)."""
    pairs = participation[["effort", "actor"]].drop_duplicates()
    efforts, names = pd.factorize(pairs["effort"])
    actors = pairs["actor"].to_numpy(object)[np.argsort(efforts, kind="stable")].tolist()
    ends = np.cumsum(np.bincount(efforts, minlength=len(names))).tolist()
    return {effort: actors[start:end] for effort, start, end in zip(names.tolist(), [0, *ends], ends)}


def _effort_rows(efforts: pd.DataFrame):
    """The efforts' (id, level, target groups) as plain tuples: pandas' itertuples builds a named tuple per row."""
    return zip(*(efforts[column].to_numpy(object) for column in ("id", "level", "target_groups")))


def _uncovered(c: _Context) -> list[dict]:
    cells = c.cells[["level", "target_group"]].drop_duplicates()
    covered = set(zip(cells["level"], cells["target_group"]))
    return [
        c.finding("uncovered", {"level": c.level(level), "group": c.group(group)}, level, group)
        for level in LEVELS
        for group in c.map.target_groups
        if (level, group) not in covered
    ]


def _no_lead(c: _Context) -> list[dict]:
    without = c.efforts[~c.efforts["id"].isin(c.leads.keys())]
    return [c.effort_finding("no_lead", effort, c.participants(effort[0])) for effort in _effort_rows(without)]


def _multiple_leads(c: _Context) -> list[dict]:
    several = {effort: leads for effort, leads in c.leads.items() if len(leads) > 1}
    efforts = c.efforts[c.efforts["id"].isin(several.keys())]
    findings = []
    for effort in _effort_rows(efforts):
        leads = several[effort[0]]
        findings.append(
            c.effort_finding("multiple_leads", effort, list(leads), count=len(leads), actors=c.names(leads))
        )
    return findings


def _no_follow_up(c: _Context) -> list[dict]:
    followed = set(c.participation.loc[c.participation["role"] == "follow_up", "effort"])
    without = c.efforts[~c.efforts["id"].isin(followed)]
    return [c.effort_finding("no_follow_up", effort, c.participants(effort[0])) for effort in _effort_rows(without)]


def _informal_only(c: _Context) -> list[dict]:
    formal = set(c.participation.loc[c.participation["basis"] != "informal", "effort"])
    informal = c.efforts[c.efforts["id"].isin(c.participation["effort"]) & ~c.efforts["id"].isin(formal)]
    findings = []
    for effort in _effort_rows(informal):
        actors = c.participants(effort[0])
        findings.append(c.effort_finding("informal_only", effort, actors, actors=c.names(actors)))
    return findings


def _uncoordinated_overlap(c: _Context) -> list[dict]:
    """Per (level, target group): efforts with a lead that form two or more unlinked clusters.

    Two efforts are linked when an actor takes part in both or a relation
    links a lead of one to a lead of the other. A cell whose led efforts fall
    into two or more clusters is one finding; the same efforts overlapping
    for several target groups are reported once.
    """
    led = c.cells[c.cells["id"].isin(c.leads.keys())].reset_index(drop=True)
    led["cell"] = led.groupby(["level", "target_group"], sort=False).ngroup()
    clusters = pd.Series(_effort_clusters(led, c), index=led.index).groupby(led["cell"]).nunique()
    groups: dict[tuple, list[str]] = {}
    for _, cell in led[led["cell"].isin(clusters.index[clusters > 1])].groupby("cell"):
        level, group = cell["level"].iat[0], cell["target_group"].iat[0]
        groups.setdefault((level, tuple(sorted(cell["id"]))), []).append(group)
    findings = []
    for (level, efforts), target_groups in groups.items():
        leads = list(dict.fromkeys(actor for e in efforts for actor in c.leads[e]))
        say = {
            "count": len(efforts),
            "level": c.level(level),
            "group": c.group(*target_groups),
            "efforts": ("effort_leads", tuple((e, tuple(c.leads[e])) for e in efforts)),
        }
        findings.append(c.finding("uncoordinated_overlap", say, level, ",".join(target_groups), efforts, leads))
    return findings


def _effort_clusters(led: pd.DataFrame, c: _Context) -> list[int]:
    """The cluster of each row of ``led`` (a led effort in a cell), as the connected components of one graph.

    The graph's nodes are the rows and the (cell, actor) pairs; a row links
    to its actors, and a relation links two actors that both lead an effort
    in the cell. Linear in participations and relations, for every cell at once.
    """
    members = led[["cell", "id"]].reset_index().merge(c.pairs, left_on="id", right_on="effort")
    relations = c.map.relations[["from", "to"]]
    leads = members.loc[members["role"] == "lead", ["cell", "actor"]].drop_duplicates()
    linked = relations.merge(leads, left_on="from", right_on="actor").merge(
        leads, left_on=["to", "cell"], right_on=["actor", "cell"]
    )
    actors, _ = pd.factorize(pd.concat([members["actor"], linked["from"], linked["to"]], ignore_index=True))
    cells = np.concatenate([members["cell"], linked["cell"], linked["cell"]])
    nodes = pd.factorize(cells * (actors.max(initial=0) + 1) + actors)[0] + len(led)
    ends = len(members), len(members) + len(linked)
    first = np.concatenate([members["index"], nodes[ends[0] : ends[1]]])
    second = np.concatenate([nodes[: ends[0]], nodes[ends[1] :]])
    return component_labels(first, second, int(nodes.max(initial=len(led) - 1)) + 1)[: len(led)]


def _broken_handover(c: _Context) -> list[dict]:
    relations = list(zip(c.map.relations["from"], c.map.relations["to"]))
    cells = c.cells
    findings = []
    for group in c.map.target_groups:
        in_group = cells[cells["target_group"] == group]
        for lower, higher in zip(LEVELS, LEVELS[1:]):
            low_efforts = list(in_group.loc[in_group["level"] == lower, "id"])
            high_efforts = list(in_group.loc[in_group["level"] == higher, "id"])
            if not low_efforts or not high_efforts:
                continue
            low = set().union(*map(c.participants, low_efforts))
            high = set().union(*map(c.participants, high_efforts))
            if low & high or any((a in low and b in high) or (a in high and b in low) for a, b in relations):
                continue
            say = {"group": c.group(group), "level": c.level(lower), "to_level": c.level(higher)}
            efforts, actors = low_efforts + high_efforts, sorted(low | high)
            findings.append(c.finding("broken_handover", say, lower, group, efforts, actors, to_level=higher))
    return findings


def _isolated_actor(c: _Context) -> list[dict]:
    actors = c.map.actors
    relations = c.map.relations
    active = set(c.participation["actor"]) | set(relations["from"]) | set(relations["to"])
    with_active_unit = ancestors(actors, set(c.participation["actor"]))
    isolated = actors[~actors["id"].isin(active | with_active_unit)]
    return [c.finding("isolated_actor", {"actor": c.names([a])}, actors=(a,)) for a in isolated["id"]]


def _single_point(c: _Context) -> list[dict]:
    return [
        c.finding(
            "single_point",
            {"actor": c.names([actor]), "count": count},
            actors=(actor,),
            message="message_one" if count == 1 else "message",
        )
        for actor, count in sorted(cut_off_counts(c.map).items(), key=lambda item: (-item[1], item[0]))
    ]


@dataclass(frozen=True)
class Rule:
    """A rule: its name, severity, the function that finds it (context -> finding rows) and message variants."""

    name: str
    severity: str
    function: Callable[[_Context], list[dict]]
    variants: tuple[str, ...] = ()

    @property
    def message_keys(self) -> tuple[str, ...]:
        """The catalog keys of the rule's title, message and variants (a second message, or a part of one).

        Examples
        --------
        >>> RULES["single_point"].message_keys
        ('rule.single_point.title', 'rule.single_point.message', 'rule.single_point.message_one')
        """
        return tuple(f"rule.{self.name}.{part}" for part in ("title", "message", *self.variants))


RULES = {
    rule.name: rule
    for rule in (
        Rule("uncovered", "high", _uncovered),
        Rule("no_lead", "high", _no_lead),
        Rule("multiple_leads", "medium", _multiple_leads),
        Rule("no_follow_up", "medium", _no_follow_up),
        Rule("informal_only", "low", _informal_only),
        Rule("uncoordinated_overlap", "medium", _uncoordinated_overlap, ("effort",)),
        Rule("broken_handover", "high", _broken_handover),
        Rule("isolated_actor", "low", _isolated_actor),
        Rule("single_point", "medium", _single_point, ("message_one",)),
    )
}
"""Every rule by name, in the order the README explains them."""

FACT_COLUMNS = [*FINDING_COLUMNS[:-1], "say"]


def find_facts(actor_map: ActorMap) -> pd.DataFrame:
    """Run every rule; the findings sorted by severity, rule and level, with ``say`` in place of ``message``.

    Parameters
    ----------
    actor_map : ActorMap
        The map; ended efforts do not count.

    Returns
    -------
    DataFrame
        One row per finding, with the columns of :data:`FINDING_COLUMNS` but
        ``say`` (the message variant and its arguments as ids and codes) in
        place of ``message``; :func:`actormap.analysis.wording.localize` writes it.

    Examples
    --------
    >>> from actormap import read_map
    >>> m, _ = read_map({"map.toml": b'target_groups = ["youth"]',
    ...                  "actors.csv": b"id,name,type\\nsn,Social board,committee\\npol,Police,police\\n",
    ...                  "efforts.csv": b"id,name,level,target_groups\\nmm,Mini-Maria,4,youth\\n",
    ...                  "participation.csv": b"actor,effort,role\\nsn,mm,lead\\npol,mm,partner\\n"})
    >>> find_facts(m).loc[3, ["rule", "efforts", "say"]].tolist()
    ['no_follow_up', ('mm',), ('message', {'effort': ('effort', 'mm')})]
    """
    context = _Context(actor_map)
    rows = [row for rule in RULES.values() for row in rule.function(context)]
    frame = pd.DataFrame(rows, columns=FACT_COLUMNS)
    order = {name: rank for rank, name in enumerate(RULES)}
    keys = pd.DataFrame(
        {
            "severity": frame["severity"].map(SEVERITIES.index),
            "rule": frame["rule"].map(order),
            "level": frame["level"].map(lambda level: LEVELS.index(level) if level in LEVELS else len(LEVELS)),
        }
    )
    return frame.loc[keys.sort_values(["severity", "rule", "level"], kind="stable").index].reset_index(drop=True)


def find_all(actor_map: ActorMap, language: str | None = None) -> pd.DataFrame:
    """Run every rule; return the findings, with messages, sorted by severity, rule and level.

    Parameters
    ----------
    actor_map : ActorMap
        The map; ended efforts do not count.
    language : str, optional
        The messages' language code (see :data:`actormap.schema.LANGUAGES`); default the map's.

    Returns
    -------
    DataFrame
        One row per finding, with the columns of :data:`FINDING_COLUMNS`:
        ``efforts`` and ``actors`` are tuples of ids, ``target_group`` is
        comma-separated, and ``level``, ``to_level`` and ``target_group`` are
        ``""`` where the rule has none.

    Examples
    --------
    >>> from actormap import read_map
    >>> m, _ = read_map({"map.toml": b'target_groups = ["youth"]',
    ...                  "actors.csv": b"id,name,type\\nsn,Social board,committee\\npol,Police,police\\n",
    ...                  "efforts.csv": b"id,name,level,target_groups\\nmm,Mini-Maria,4,youth\\n",
    ...                  "participation.csv": b"actor,effort,role\\nsn,mm,lead\\npol,mm,partner\\n"})
    >>> findings = find_all(m)
    >>> findings["rule"].tolist()
    ['uncovered', 'uncovered', 'uncovered', 'no_follow_up', 'informal_only']
    >>> findings.loc[3, "message"], find_all(m, "sv").loc[3, "message"]
    ('Nobody follows up or evaluates “Mini-Maria”.', 'Ingen följer upp eller utvärderar ”Mini-Maria”.')
    """
    return localize(find_facts(actor_map), actor_map, language)
