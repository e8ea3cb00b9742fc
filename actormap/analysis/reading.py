"""Findings in the order a coordinator reads them: who should act first, then the empty cells, level by level.

A finding about an effort or an actor names who should act (a missing
lead, a broken handover, an agreement nobody follows up …); a finding
about a cell of the coverage table (``uncovered``, ``planned_only``) says
where nothing runs, which the coverage table already shows cell by cell.
Listed one by one, empty cells push the findings that name someone out of
a top ten; here they are told apart, and the cells are summed up as one
line per level instead.

The split works by rule name: a rule not in :data:`CELL_RULES` (a new
one included) counts as one that names who should act.

>>> import pandas as pd
>>> findings = pd.DataFrame({"rule": ["uncovered", "no_lead", "uncovered", "single_point"],
...                          "severity": ["high", "high", "high", "medium"],
...                          "level": ["promotion", "treatment", "promotion", ""],
...                          "target_group": ["children", "youth", "families", ""]})
>>> actionable, cells = split_findings(findings)
>>> actionable["rule"].tolist(), cells["target_group"].tolist()
(['no_lead', 'single_point'], ['children', 'families'])
>>> cell_lines(findings, "en")
['Health promotion: no effort for children and families — see the coverage table.']
"""

from __future__ import annotations

import pandas as pd

from actormap.analysis.rules import SEVERITIES
from actormap.i18n import code_label, join_names, level_name, t
from actormap.schema import LEVELS

__all__ = ["CELL_RULES", "cell_lines", "cell_summary", "reading_order", "split_findings"]

CELL_RULES = ("uncovered", "planned_only")
"""The rules about a cell of the coverage table, not about an effort or an actor; a line names them in this order."""


def split_findings(findings: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The findings that name who should act, most severe first, and the findings about cells, level by level.

    Parameters
    ----------
    findings : DataFrame
        Findings with at least the columns ``rule``, ``severity`` and ``level``, as
        :func:`~actormap.analysis.rules.find_all` returns them.

    Returns
    -------
    actionable, cells : DataFrame
        The rows whose rule is not in :data:`CELL_RULES`, sorted by severity
        (otherwise in their order), and the rows whose rule is, sorted by
        level (otherwise in their order); each with a fresh index.

    Examples
    --------
    >>> findings = pd.DataFrame({"rule": ["informal_only", "uncovered", "new_rule"],
    ...                          "severity": ["low", "high", "high"], "level": ["", "treatment", ""]})
    >>> [part["rule"].tolist() for part in split_findings(findings)]
    [['new_rule', 'informal_only'], ['uncovered']]
    """
    is_cell = findings["rule"].isin(CELL_RULES)
    actionable = _sorted(findings[~is_cell], findings["severity"], SEVERITIES)
    cells = _sorted(findings[is_cell], findings["level"], LEVELS)
    return actionable, cells


def reading_order(findings: pd.DataFrame) -> pd.DataFrame:
    """The findings that name who should act, most severe first, then the findings about cells, level by level.

    Examples
    --------
    >>> findings = pd.DataFrame({"rule": ["uncovered", "no_follow_up", "no_lead"],
    ...                          "severity": ["high", "medium", "high"], "level": ["treatment", "", ""]})
    >>> reading_order(findings)["rule"].tolist()
    ['no_lead', 'no_follow_up', 'uncovered']
    """
    return pd.concat(split_findings(findings), ignore_index=True)


def cell_summary(findings: pd.DataFrame) -> pd.DataFrame:
    """The findings about cells summed up per level and rule: which target groups each concerns.

    Parameters
    ----------
    findings : DataFrame
        Findings with at least the columns ``rule``, ``level`` and
        ``target_group`` (comma-separated); those of other rules are left out.

    Returns
    -------
    DataFrame
        One row per level and rule of :data:`CELL_RULES` that has findings,
        levels in order and rules in the order of :data:`CELL_RULES`, with the
        columns ``level``, ``rule`` and ``target_groups`` (a tuple, in the
        findings' order, each group once).

    Examples
    --------
    >>> findings = pd.DataFrame({"rule": ["planned_only", "uncovered", "uncovered", "no_lead"],
    ...                          "level": ["treatment", "treatment", "promotion", "treatment"],
    ...                          "target_group": ["youth", "children", "adults", "youth"]})
    >>> cell_summary(findings).values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['promotion', 'uncovered', ('adults',)], ['treatment', 'uncovered', ('children',)],
     ['treatment', 'planned_only', ('youth',)]]
    """
    cells = findings[findings["rule"].isin(CELL_RULES)]
    groups: dict[tuple[str, str], dict[str, None]] = {}
    for rule, level, target_groups in zip(cells["rule"], cells["level"], cells["target_group"]):
        held = groups.setdefault((level, rule), {})
        held.update(dict.fromkeys(group for group in str(target_groups).split(",") if group))
    ranks = {level: rank for rank, level in enumerate(LEVELS)}
    order = sorted(groups, key=lambda key: (ranks.get(key[0], len(LEVELS)), CELL_RULES.index(key[1])))
    return pd.DataFrame(
        [(level, rule, tuple(groups[level, rule])) for level, rule in order],
        columns=["level", "rule", "target_groups"],
    )


def cell_lines(findings: pd.DataFrame, language: str = "en") -> list[str]:
    """The findings about cells as one sentence per level in ``language``, pointing at the coverage table.

    Examples
    --------
    >>> findings = pd.DataFrame({"rule": ["uncovered", "planned_only", "uncovered"],
    ...                          "level": ["promotion", "promotion", "promotion"],
    ...                          "target_group": ["children", "youth", "families"]})
    >>> cell_lines(findings, "da")
    ['Sundhedsfremme: ingen indsats for børn og familier; kun planlagte indsatser for unge – se dækningstabellen.']
    """
    summary = cell_summary(findings)
    parts: dict[str, list[str]] = {}
    for level, rule, groups in summary.itertuples(index=False):
        names = join_names([code_label("target_group", group, language) for group in groups], language)
        parts.setdefault(level, []).append(t(f"reading.cells_{rule}", language, groups=names))
    return [
        t("reading.cells_line", language, level=level_name(level, language), parts="; ".join(said))
        for level, said in parts.items()
    ]


def _sorted(rows: pd.DataFrame, keys: pd.Series, order) -> pd.DataFrame:
    """``rows`` sorted (stable) by where their ``keys`` stand in ``order``; a key not in it comes last."""
    ranks = {value: rank for rank, value in enumerate(order)}
    rank = keys.loc[rows.index].map(lambda value: ranks.get(value, len(ranks)))
    return rows.loc[rank.sort_values(kind="stable").index].reset_index(drop=True)
