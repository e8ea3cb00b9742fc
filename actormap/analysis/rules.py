"""The responsibility findings: sixteen named rules over a map's efforts, relations and requirements.

Each rule returns rows with the columns of :data:`FINDING_COLUMNS`; messages
are sentences in the map's language (or the one asked for) that name actors
and efforts by name. The rules are explained in the README. A rule is one
:class:`Rule` in :data:`RULES` plus its keys in every catalog; the longer
ones live in modules of their own: :mod:`~actormap.analysis.overlaps`,
:mod:`~actormap.analysis.handovers` (the default chains and the map's
pathways), :mod:`~actormap.analysis.agreements` (the relations the law or
the map requires), :mod:`~actormap.analysis.work` (who does the work, what
pays for it, whether users are heard) and :mod:`~actormap.analysis.network`
(isolated actors, a split network, single points).

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

from actormap.analysis.agreements import missing_agreement
from actormap.analysis.cells import planned_cells
from actormap.analysis.context import Context, dated, effort_rows, topmost_plans, with_plans
from actormap.analysis.handovers import HANDOVERS, broken_handover
from actormap.analysis.network import fragmented, isolated_actor, single_point
from actormap.analysis.overlaps import uncoordinated_overlap
from actormap.analysis.wording import localize
from actormap.analysis.work import grant_only, no_performer, no_user_voice
from actormap.dates import last_day
from actormap.model import ActorMap, descendants
from actormap.schema import LEVELS, MUNICIPAL_TYPES, POPULATION, RELATION_KINDS

__all__ = ["FINDING_COLUMNS", "HANDOVERS", "RULES", "SEVERITIES", "Rule", "find_all", "find_facts"]

SEVERITIES = ("high", "medium", "low")
FINDING_COLUMNS = ["rule", "severity", "level", "to_level", "target_group", "efforts", "actors", "message"]


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
    """Efforts nobody follows up; an effort only other principals take part in follows itself up, as they do."""
    followed = set(c.participation.loc[c.participation["role"] == "follow_up", "effort"])
    return _unowned(c, "no_follow_up", followed | _others_own(c))


def _others_own(c: Context) -> set[str]:
    """The efforts in which no body of the municipality takes part, nor in any plan they are measures of.

    The municipality's bodies are the actors of :data:`~actormap.schema.MUNICIPAL_TYPES`
    and their sub-units. A region's care, the police's patrols or a prison's
    release work are followed up by their own principal, which a
    municipality's map cannot ask of it; an effort nobody takes part in is
    still the map's gap.
    """
    actors = c.map.actors
    municipal = descendants(actors, set(actors.loc[actors["type"].isin(MUNICIPAL_TYPES), "id"]))
    theirs = {effort for effort, members in c.members.items() if not municipal.isdisjoint(members)}
    if (c.map.efforts["parent"] != "").any():  # measures of the municipality's plans are its own too
        theirs = descendants(c.map.efforts, theirs)
    return set(c.members) - theirs


def _unowned(c: Context, rule: str, owned: set[str]) -> list[dict]:
    """The efforts with no owner (lead or follow-up) of their own nor in their plans, one finding per plan.

    A measure whose plan lacks the owner too is named in its plan's finding,
    not in one of its own: the gap is the plan's.
    """
    lacking = c.efforts[~c.efforts["id"].isin(with_plans(c.map.efforts, owned))]
    parent = dict(zip(c.map.efforts["id"].tolist(), c.map.efforts["parent"].tolist()))
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
        variant, say = dated(end)
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

OVERLAP_MESSAGES = (*BY_LEVEL, "cluster", "more_groups", "more_groups_one")
"""An overlap by its level; a group of efforts with its leads, and how many more groups past the first ones."""

DATED_MESSAGES = ("message_year", "message_month", "message_day")
"""A sentence with a date written as the plan writes it: a year, a month or a day."""

HANDOVER_MESSAGES = (
    *(f"message_{lower}" for lower, _ in HANDOVERS),
    "message_pathway",
    "message_pathway_empty",
    *(f"step_{level}" for level in LEVELS),
)
"""A broken default chain by its lower level, a pathway's broken handover or empty step, and a step in words."""

AGREEMENT_MESSAGES = (
    *(f"message_{kind}{variant}" for kind in RELATION_KINDS for variant in ("", "_informal", "_absent")),
    "or",
)
"""A required relation by its kind: missing, only informal, or impossible for want of a side; sides joined by "or"."""

FRAGMENT_MESSAGES = ("message", "message_alone", "message_alone_one", "message_loners", "message_loners_one", "part")
"""Parts of the network, with or without the actors that work alone, or only those; a part in words."""

RULES = {
    rule.name: rule
    for rule in (
        Rule("uncovered", "high", _uncovered, BY_LEVEL),
        Rule("planned_only", "medium", _planned_only, BY_LEVEL),
        Rule("no_lead", "high", _no_lead, OWNER_MESSAGES),
        Rule("multiple_leads", "medium", _multiple_leads),
        Rule("no_follow_up", "medium", _no_follow_up, OWNER_MESSAGES),
        Rule("no_performer", "medium", no_performer, ("message", "message_one")),
        Rule("expired", "medium", _expired, DATED_MESSAGES),
        Rule("grant_only", "medium", grant_only, (*DATED_MESSAGES, "message_open")),
        Rule("informal_only", "low", _informal_only),
        Rule("uncoordinated_overlap", "medium", uncoordinated_overlap, OVERLAP_MESSAGES),
        Rule("broken_handover", "high", broken_handover, HANDOVER_MESSAGES),
        Rule("missing_agreement", "high", missing_agreement, AGREEMENT_MESSAGES),
        Rule("no_user_voice", "medium", no_user_voice, BY_LEVEL),
        Rule("isolated_actor", "low", isolated_actor),
        Rule("fragmented", "medium", fragmented, FRAGMENT_MESSAGES),
        Rule("single_point", "medium", single_point, ("message", "message_one", "more", "more_one")),
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
    ['uncovered', 'uncovered', 'uncovered', 'no_follow_up', 'no_user_voice', 'informal_only']
    >>> findings.loc[3, "message"], find_all(m, "sv").loc[3, "message"]
    ('Nobody is responsible for following up “Mini-Maria”.', 'Ingen ansvarar för att följa upp ”Mini-Maria”.')
    """
    return localize(find_facts(actor_map), actor_map, language)
