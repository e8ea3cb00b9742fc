"""Comparing and filtering findings: what an edit or a removal creates and resolves."""

from __future__ import annotations

import pandas as pd

from actormap.analysis.rules import find_all
from actormap.analysis.slices import without_actors
from actormap.model import ActorMap

__all__ = ["compare_findings", "filter_findings", "finding_changes", "new_findings"]


def _finding_key(finding, left: frozenset = frozenset()) -> tuple:
    """What a finding is about: its cell and efforts, or its actors but those that ``left`` when it names no effort."""
    about = frozenset(finding.efforts) or frozenset(finding.actors) - left
    return finding.rule, finding.level, finding.to_level, finding.target_group, about


def finding_changes(
    before: ActorMap, after: ActorMap, language: str | None = None, left=()
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The findings that appear and the ones that disappear going from map ``before`` to map ``after``.

    ``left`` names the actors ``after`` is without (see :func:`compare_findings`).
    """
    return compare_findings(find_all(before, language), find_all(after, language), left)


def compare_findings(old: pd.DataFrame, new: pd.DataFrame, left=()) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The findings of ``new`` that ``old`` lacks (appeared) and those of ``old`` that ``new`` lacks (resolved).

    Two findings are the same when they have the same rule, level, target
    group and efforts (or actors, when they name no effort), whatever their
    wording. Actors that ``left`` between the two do not count: a required
    agreement still missing when one of the actors it names has left is the
    same finding, not a new one. A finding that names no effort has not
    appeared when an old one of its rule and cell names all its actors (a
    network in fewer pieces, say).

    Parameters
    ----------
    old, new : DataFrame
        Findings, as :func:`~actormap.analysis.rules.find_all` returns them.
    left : iterable of str, optional
        Ids of the actors that ``new`` is without (a what-if removal).

    Returns
    -------
    appeared, resolved : DataFrame
        Rows of ``new`` and of ``old``, in their order, with a fresh index.

    Examples
    --------
    >>> from actormap import read_map
    >>> m, _ = read_map({"map.toml": b'target_groups = ["youth"]',
    ...                  "actors.csv": b"id,name,type\\nsn,Social board,committee\\nifo,IFO,social_services\\n",
    ...                  "efforts.csv": b"id,name,level,target_groups\\nmm,Mini-Maria,4,youth\\n",
    ...                  "participation.csv": b"actor,effort,role\\nsn,mm,lead\\nifo,mm,partner\\n"})
    >>> from actormap.analysis.slices import without_actors
    >>> appeared, resolved = compare_findings(find_all(m), find_all(without_actors(m, ["sn"])))
    >>> appeared["rule"].tolist(), resolved["rule"].tolist()
    (['no_lead'], [])
    """
    left = frozenset(left)
    old_keys = {_finding_key(f, left) for f in old.itertuples()}
    new_keys = {_finding_key(f) for f in new.itertuples()}
    named_before: dict[tuple, list[frozenset]] = {}
    for key in old_keys:
        named_before.setdefault(key[:-1], []).append(key[-1])

    def appears(finding) -> bool:
        """Not found before; one that names no effort also not when it names fewer of the same actors."""
        key = _finding_key(finding)
        if finding.efforts:
            return key not in old_keys
        return not any(key[-1] <= before for before in named_before.get(key[:-1], []))

    appeared = new[[appears(f) for f in new.itertuples()]].reset_index(drop=True)
    resolved = old[[_finding_key(f, left) not in new_keys for f in old.itertuples()]].reset_index(drop=True)
    return appeared, resolved


def new_findings(actor_map: ActorMap, removed, language: str | None = None) -> pd.DataFrame:
    """The findings that appear when the actors ``removed`` leave, compared to the full map.

    Parameters
    ----------
    actor_map : ActorMap
        The full map.
    removed : iterable of str
        Ids of the actors that leave (see :func:`~actormap.analysis.slices.without_actors`).
    language : str, optional
        The messages' language code; default the map's.

    Returns
    -------
    DataFrame
        The new findings, with the columns of :func:`~actormap.analysis.rules.find_all`.

    Examples
    --------
    >>> from actormap import read_map
    >>> m, _ = read_map({"map.toml": b'target_groups = ["youth"]',
    ...                  "actors.csv": b"id,name,type\\nsn,Social board,committee\\npol,Police,police\\n",
    ...                  "efforts.csv": b"id,name,level,target_groups\\nmm,Mini-Maria,4,youth\\n",
    ...                  "participation.csv": b"actor,effort,role\\nsn,mm,lead\\npol,mm,partner\\n"})
    >>> new_findings(m, ["sn"]).loc[0, "message"]
    'No actor leads “Mini-Maria”, so nobody is clearly responsible for it.'
    """
    removed = list(removed)
    return finding_changes(actor_map, without_actors(actor_map, removed), language, removed)[0]


def filter_findings(
    findings: pd.DataFrame, level=None, target_group=None, rule=None, actor=None, severity=None
) -> pd.DataFrame:
    """Keep the findings that match every given filter (each a value or a list of values).

    Parameters
    ----------
    findings : DataFrame
        Findings, as :func:`~actormap.analysis.rules.find_all` returns them.
    level : str or list of str, optional
        Levels; a finding matches on its ``level`` or its ``to_level``.
    target_group : str or list of str, optional
        Target groups; a finding matches when it concerns any of them.
    rule, severity : str or list of str, optional
        Rule names and severities.
    actor : str or list of str, optional
        Actor ids; a finding matches when it names any of them.

    Returns
    -------
    DataFrame
        The matching rows, in order, with a fresh index; all of them when no filter is given.

    Examples
    --------
    >>> from actormap import read_map
    >>> m, _ = read_map({"map.toml": b'target_groups = ["youth"]',
    ...                  "actors.csv": b"id,name,type\\nsn,Social board,committee\\npol,Police,police\\n",
    ...                  "efforts.csv": b"id,name,level,target_groups\\nmm,Mini-Maria,4,youth\\n",
    ...                  "participation.csv": b"actor,effort,role\\nsn,mm,lead\\npol,mm,partner\\n"})
    >>> findings = find_all(m)
    >>> filter_findings(findings, severity="high")["level"].tolist()
    ['promotion', 'prevention', 'early_intervention']
    >>> filter_findings(findings, rule=["no_follow_up", "informal_only"], actor="pol")["rule"].tolist()
    ['no_follow_up', 'informal_only']
    """

    def wanted(values):
        return {values} if isinstance(values, str) else set(values)

    keep = pd.Series(True, index=findings.index)
    if level:
        keep &= findings["level"].isin(wanted(level)) | findings["to_level"].isin(wanted(level))
    if target_group:
        keep &= findings["target_group"].map(lambda groups: bool(set(groups.split(",")) & wanted(target_group)))
    if rule:
        keep &= findings["rule"].isin(wanted(rule))
    if severity:
        keep &= findings["severity"].isin(wanted(severity))
    if actor:
        keep &= findings["actors"].map(lambda actors: bool(set(actors) & wanted(actor)))
    return findings[keep].reset_index(drop=True)
