"""The responsibility findings: eleven named rules over a map's not ended efforts.

Each rule returns rows with the columns of :data:`FINDING_COLUMNS`; messages
are sentences in the map's language (or the one asked for) that name actors
and efforts by name. The rules are explained in the README. A rule is one
:class:`Rule` in :data:`RULES` plus its keys in every catalog.

Planned efforts (:attr:`actormap.model.ActorMap.planned_ids`) cover no cell,
carry no handover and take no part in an overlap; the rules about an
effort's arrangements (lead, follow-up, basis, dates) read every effort that
has not ended, planned ones included. A measure (an effort with a
``parent``) without a lead or follow-up of its own has those of its plan, or
of the plan's plan.

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

from actormap.analysis.cells import planned_cells
from actormap.analysis.components import component_labels, cut_offs
from actormap.analysis.context import Context, effort_rows, topmost_plans, with_plans
from actormap.analysis.wording import localize
from actormap.dates import last_day
from actormap.model import ActorMap, ancestors
from actormap.schema import LEVELS, POPULATION

__all__ = ["FINDING_COLUMNS", "HANDOVERS", "RULES", "SEVERITIES", "Rule", "find_all", "find_facts"]

SEVERITIES = ("high", "medium", "low")
FINDING_COLUMNS = ["rule", "severity", "level", "to_level", "target_group", "efforts", "actors", "message"]
HANDOVERS = (("prevention", "early_intervention"), ("early_intervention", "treatment"))
"""The levels a person is handed over between: health promotion reaches everyone and hands nobody over."""


def _uncovered(c: Context) -> list[dict]:
    return [
        c.finding("uncovered", {"group": c.group(group)}, level, group, message=f"message_{level}")
        for level, group in c.cells_in("uncovered")
    ]


def _planned_only(c: Context) -> list[dict]:
    cells = planned_cells(c.map)
    planned: dict[tuple[str, str], list[str]] = {}
    for effort, level, group in zip(cells["id"], cells["level"], cells["target_group"]):
        planned.setdefault((level, group), []).append(effort)
    findings = []
    for level, group in c.cells_in("planned"):
        efforts = list(dict.fromkeys([*planned.get((level, group), []), *planned.get((level, POPULATION), [])]))
        actors = list(dict.fromkeys(actor for effort in efforts for actor in c.participants(effort)))
        say = {"group": c.group(group), "efforts": c.effort_names(efforts)}
        findings.append(c.finding("planned_only", say, level, group, efforts, actors, message=f"message_{level}"))
    return findings


def _no_lead(c: Context) -> list[dict]:
    return _unowned(c, "no_lead", set(c.leads))


def _multiple_leads(c: Context) -> list[dict]:
    several = {effort: leads for effort, leads in c.leads.items() if len(leads) > 1}
    efforts = c.efforts[c.efforts["id"].isin(several.keys())]
    findings = []
    for effort in effort_rows(efforts):
        leads = several[effort[0]]
        say: dict = {"count": c.count(len(leads)), "actors": c.names(leads)}
        findings.append(c.effort_finding("multiple_leads", effort, list(leads), **say))
    return findings


def _no_follow_up(c: Context) -> list[dict]:
    return _unowned(c, "no_follow_up", set(c.participation.loc[c.participation["role"] == "follow_up", "effort"]))


def _unowned(c: Context, rule: str, owned: set[str]) -> list[dict]:
    """The efforts with no owner (lead or follow-up) of their own nor in their plans, one finding per plan.

    A measure whose plan lacks the owner too is named in its plan's finding,
    not in one of its own: the gap is the plan's.
    """
    lacking = c.efforts[~c.efforts["id"].isin(with_plans(c.map.efforts, owned))]
    parent = dict(zip(c.map.efforts["id"], c.map.efforts["parent"]))
    top = topmost_plans(pd.DataFrame({"id": list(lacking["id"]), "parent": [parent[e] for e in lacking["id"]]}))
    measures: dict[str, list[str]] = {}
    for effort, plan in top.items():
        if plan != effort and plan in top:
            measures.setdefault(plan, []).append(effort)
    findings = []
    reported = [top[effort] == effort or top[effort] not in top for effort in lacking["id"]]
    for effort in effort_rows(lacking[np.array(reported, dtype=bool)]):
        under = measures.get(effort[0], [])
        involved = list(dict.fromkeys(a for e in (effort[0], *under) for a in c.participants(e)))
        if not under:
            findings.append(c.effort_finding(rule, effort, involved))
            continue
        say = {"measures": c.effort_names(under), "count": c.count(len(under))}
        variant = "message_plan_one" if len(under) == 1 else "message_plan"
        finding = c.effort_finding(rule, effort, involved, message=variant, **say)
        findings.append(finding | {"efforts": (effort[0], *under)})
    return findings


def _expired(c: Context) -> list[dict]:
    """Efforts not marked ended whose planned ``end`` lies before the map's date; the end as it is written."""
    as_of = c.map.as_of
    over = [(last := last_day(end)) is not None and last < as_of for end in c.efforts["end"]]
    past = c.efforts[np.array(over, dtype=bool)]
    findings = []
    for effort, end in zip(effort_rows(past), past["end"]):
        year, month, day = ([*map(int, end.strip().split("-")), 0, 0])[:3]
        say: dict = {"year": year}
        if month:
            say["month"] = ("month", month)
        if day:
            say["day"] = day
        variant = "message_day" if day else "message_month" if month else "message_year"
        findings.append(c.effort_finding("expired", effort, c.participants(effort[0]), message=variant, **say))
    return findings


def _informal_only(c: Context) -> list[dict]:
    formal = set(c.participation.loc[c.participation["basis"] != "informal", "effort"])
    informal = c.efforts[c.efforts["id"].isin(c.participation["effort"]) & ~c.efforts["id"].isin(formal)]
    findings = []
    for effort in effort_rows(informal):
        actors = c.participants(effort[0])
        findings.append(c.effort_finding("informal_only", effort, actors, actors=c.names(actors)))
    return findings


def _uncoordinated_overlap(c: Context) -> list[dict]:
    """Per (level, target group): running efforts with a lead that form two or more unlinked clusters.

    Two efforts are linked when an actor takes part in both, a relation
    links a lead of one to a lead of the other, or they belong to one plan
    (one is the other's plan, or they share a plan up their ``parent``
    chains). A population-wide effort reaches every group at its level, so it
    counts in each of their cells. A cell whose led efforts fall into two or
    more clusters is one finding, which names the clusters (so never two
    efforts that share an actor as apart); the same efforts overlapping for
    several target groups are reported once.
    """
    cells = _reach(c.map)
    led = cells[cells["id"].isin(c.leads.keys())].reset_index(drop=True)
    led["cell"] = led.groupby(["level", "target_group"], sort=False).ngroup()
    led["cluster"] = _effort_clusters(led, c)
    counts = led.groupby("cell")["cluster"].nunique()
    groups: dict[tuple, tuple[list[str], dict[str, int]]] = {}
    for _, cell in led[led["cell"].isin(counts.index[counts > 1])].groupby("cell"):
        level, group = cell["level"].iat[0], cell["target_group"].iat[0]
        key = (level, tuple(sorted(cell["id"])))
        groups.setdefault(key, ([], dict(zip(cell["id"], cell["cluster"]))))[0].append(group)
    findings = []
    for (level, efforts), (target_groups, cluster_of) in groups.items():
        clusters: dict[int, list[str]] = {}
        for effort in efforts:
            clusters.setdefault(cluster_of[effort], []).append(effort)
        parts = tuple((tuple(members), tuple(_leads_of(c, members))) for members in clusters.values())
        say = {"group": c.group(*target_groups), "count": c.count(len(parts)), "clusters": ("clusters", parts)}
        group = ",".join(target_groups)
        leads = _leads_of(c, efforts)
        findings.append(
            c.finding("uncoordinated_overlap", say, level, group, efforts, leads, message=f"message_{level}")
        )
    return findings


def _leads_of(c: Context, efforts) -> list[str]:
    return list(dict.fromkeys(actor for effort in efforts for actor in c.leads[effort]))


def _reach(actor_map: ActorMap) -> pd.DataFrame:
    """The running cells, with each population-wide effort also in every other group's cell at its level."""
    cells = actor_map.running_cells
    wide = cells[cells["target_group"] == POPULATION]
    others = [group for group in actor_map.target_groups if group != POPULATION]
    spread = wide.loc[wide.index.repeat(len(others))].assign(target_group=others * len(wide))
    return pd.concat([cells, spread]).drop_duplicates(["id", "level", "target_group"])


def _effort_clusters(led: pd.DataFrame, c: Context) -> list[int]:
    """The cluster of each row of ``led`` (a led effort in a cell), as the connected components of one graph.

    The graph's nodes are the rows, the (cell, actor) pairs and the (cell,
    plan) pairs; a row links to its actors and to its topmost plan, and a
    relation links two actors that both lead an effort in the cell. Linear in
    participations and relations, for every cell at once.
    """
    members = led[["cell", "id"]].reset_index().merge(c.pairs, left_on="id", right_on="effort")
    relations = c.map.relations[["from", "to"]]
    leads = members.loc[members["role"] == "lead", ["cell", "actor"]].drop_duplicates()
    linked = relations.merge(leads, left_on="from", right_on="actor").merge(
        leads, left_on=["to", "cell"], right_on=["actor", "cell"]
    )
    top = topmost_plans(c.map.efforts)
    plans = pd.Series(["\0plan:" + top.get(effort, effort) for effort in led["id"]], dtype=object)
    keys, _ = pd.factorize(pd.concat([members["actor"], linked["from"], linked["to"], plans], ignore_index=True))
    cells = np.concatenate([members["cell"], linked["cell"], linked["cell"], led["cell"]])
    nodes = pd.factorize(cells * (keys.max(initial=0) + 1) + keys)[0] + len(led)
    ends = len(members), len(members) + len(linked), len(members) + 2 * len(linked)
    first = np.concatenate([members["index"], nodes[ends[0] : ends[1]], np.arange(len(led))])
    second = np.concatenate([nodes[: ends[0]], nodes[ends[1] : ends[2]], nodes[ends[2] :]])
    return component_labels(first, second, int(nodes.max(initial=len(led) - 1)) + 1)[: len(led)]


def _broken_handover(c: Context) -> list[dict]:
    relations = list(zip(c.map.relations["from"], c.map.relations["to"]))
    cells = c.map.running_cells
    findings = []
    for group in c.map.target_groups:
        in_group = cells[cells["target_group"] == group]
        for lower, higher in HANDOVERS:
            low_efforts = list(in_group.loc[in_group["level"] == lower, "id"])
            high_efforts = list(in_group.loc[in_group["level"] == higher, "id"])
            if not low_efforts or not high_efforts:
                continue
            low = set().union(*map(c.doers, low_efforts))
            high = set().union(*map(c.doers, high_efforts))
            if low & high or any((a in low and b in high) or (a in high and b in low) for a, b in relations):
                continue
            say = {"group": c.group(group)}
            efforts, actors = low_efforts + high_efforts, sorted(low | high)
            findings.append(
                c.finding(
                    "broken_handover", say, lower, group, efforts, actors, to_level=higher, message=f"message_{lower}"
                )
            )
    return findings


def _isolated_actor(c: Context) -> list[dict]:
    actors = c.map.actors
    relations = c.map.relations
    active = set(c.participation["actor"]) | set(relations["from"]) | set(relations["to"])
    with_active_unit = ancestors(actors, set(c.participation["actor"]))
    isolated = actors[~actors["id"].isin(active | with_active_unit)]
    return [c.finding("isolated_actor", {"actor": c.names([a])}, actors=(a,)) for a in isolated["id"]]


def _single_point(c: Context) -> list[dict]:
    return [
        c.finding(
            "single_point",
            {"actor": c.names([actor]), "cut_off": ("cut_off", (cut.first, cut.total))},
            actors=(actor,),
            message="message_one" if cut.total == 1 else "message",
        )
        for actor, cut in sorted(cut_offs(c.map).items(), key=lambda item: (-item[1].total, item[0]))
    ]


@dataclass(frozen=True)
class Rule:
    """A rule: its name, severity, the function that finds it (context -> finding rows) and its messages.

    ``messages`` are the rule's catalog keys besides its ``title`` and
    ``help``: the message variants a finding names, and parts of a message
    that :mod:`actormap.analysis.wording` writes.
    """

    name: str
    severity: str
    function: Callable[[Context], list[dict]]
    messages: tuple[str, ...] = ("message",)

    @property
    def message_keys(self) -> tuple[str, ...]:
        """The catalog keys of the rule: its title, its one-line help and its messages.

        Examples
        --------
        >>> RULES["expired"].message_keys[1:]
        ('rule.expired.help', 'rule.expired.message_year', 'rule.expired.message_month', 'rule.expired.message_day')
        """
        return tuple(f"rule.{self.name}.{part}" for part in ("title", "help", *self.messages))


BY_LEVEL = tuple(f"message_{level}" for level in LEVELS)
"""Messages with one variant per level, so each sentence names its level as a native writer would."""

OWNER_MESSAGES = ("message", "message_plan_one", "message_plan")
"""An effort's missing lead or follow-up, alone or with the measures of its plan that lack it too."""

RULES = {
    rule.name: rule
    for rule in (
        Rule("uncovered", "high", _uncovered, BY_LEVEL),
        Rule("planned_only", "medium", _planned_only, BY_LEVEL),
        Rule("no_lead", "high", _no_lead, OWNER_MESSAGES),
        Rule("multiple_leads", "medium", _multiple_leads),
        Rule("no_follow_up", "medium", _no_follow_up, OWNER_MESSAGES),
        Rule("expired", "medium", _expired, ("message_year", "message_month", "message_day")),
        Rule("informal_only", "low", _informal_only),
        Rule("uncoordinated_overlap", "medium", _uncoordinated_overlap, (*BY_LEVEL, "cluster")),
        Rule("broken_handover", "high", _broken_handover, tuple(f"message_{lower}" for lower, _ in HANDOVERS)),
        Rule("isolated_actor", "low", _isolated_actor),
        Rule("single_point", "medium", _single_point, ("message", "message_one", "more", "more_one")),
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
    context = Context(actor_map, {name: rule.severity for name, rule in RULES.items()})
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
    ('Nobody is responsible for following up “Mini-Maria”.', 'Ingen ansvarar för att följa upp ”Mini-Maria”.')
    """
    return localize(find_facts(actor_map), actor_map, language)
