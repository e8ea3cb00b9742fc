"""Labels shared by the app's pages and the exports: names wrapped or shortened, codes in words
(levels, target groups, roles, severities, rules), the coverage grid with its headings.

>>> wrapped("Kommunens forebyggende team"), shortened("Mini-Maria Göteborg", 12)
('Kommunens\\nforebyggende\\nteam', 'Mini-Maria …')
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

import pandas as pd

from actormap.i18n import code_label, level_name, t
from actormap.schema import LEVELS

__all__ = [
    "LABEL_WIDTH",
    "coverage_grid",
    "grid_rows",
    "level_labels",
    "level_number",
    "role_label",
    "rule_title",
    "severity_label",
    "shortened",
    "target_group_labels",
    "wrapped",
]

LABEL_WIDTH = 16
"""A node's name wraps at this many characters, so long names do not run into each other."""


def wrapped(text: str, width: int = LABEL_WIDTH, max_lines: int | None = None, cut_words: bool = False) -> str:
    """``text`` on lines of at most ``width`` characters, cut after ``max_lines``.

    A longer word stays whole unless ``cut_words`` (for a fixed cell, where
    it would run into the next).
    """
    lines = textwrap.wrap(text, width, break_long_words=cut_words)[:max_lines]
    return "\n".join(lines) or text


def shortened(text: str, limit: int) -> str:
    """``text``, ending in "…" where it is longer than ``limit`` characters."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def level_number(level: str) -> int:
    """A level's number, 1 (promotion) to 4 (treatment)."""
    return LEVELS.index(level) + 1


def level_labels(levels: Iterable[str], language: str) -> list[str]:
    """The names of ``levels`` in ``language``."""
    return [level_name(level, language) for level in levels]


def target_group_labels(groups: Iterable[str], language: str) -> list[str]:
    """The names of the target groups ``groups`` in ``language``."""
    return [code_label("target_group", group, language) for group in groups]


def role_label(role: str, basis: str, language: str) -> str:
    """A role and the basis it rests on, e.g. "Lead (formal)"."""
    return f"{code_label('role', role, language)} ({code_label('basis', basis, language)})"


def severity_label(severity: str, language: str) -> str:
    """A finding's severity in words, e.g. "high"."""
    return t(f"severity.{severity}", language)


def rule_title(rule: str, language: str) -> str:
    """The title of a rule of the findings."""
    return t(f"rule.{rule}.title", language)


def coverage_grid(
    counts: pd.DataFrame, measure: str, levels: Iterable[str], groups: Iterable[str], language: str
) -> pd.DataFrame:
    """One ``measure`` of :func:`actormap.analysis.coverage.coverage` (``counts``) as a grid in ``language``.

    Rows are ``levels`` (headed by their names; the index is named "Level"),
    columns ``groups`` (headed by their names).
    """
    levels, groups = list(levels), list(groups)
    grid = counts.pivot(index="level", columns="target_group", values=measure).reindex(index=levels, columns=groups)
    grid.index = pd.Index(level_labels(levels, language), name=t("ui.col_level", language))
    grid.columns = pd.Index(target_group_labels(groups, language))
    return grid


def grid_rows(grid: pd.DataFrame) -> list[list]:
    """A grid as table rows: each row's heading, then its counts."""
    return [[heading, *counts] for heading, counts in zip(grid.index, grid.values.tolist())]
