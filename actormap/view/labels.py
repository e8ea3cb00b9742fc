"""Labels shared by the app's pages and the exports: names wrapped or shortened, codes in words
(levels, target groups, roles, severities, rules), the coverage grid with its headings, and each
coverage cell's state in text with its key, so the grid reads without its colours.

>>> wrapped("Kommunens forebyggende team"), shortened("Mini-Maria Göteborg", 12)
('Kommunens\\nforebyggende\\nteam', 'Mini-Maria …')
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

import pandas as pd

from actormap.i18n import code_label, first_of, join_names, level_name, t
from actormap.schema import LEVELS

__all__ = [
    "CELL_MARKS",
    "CELL_STATES_SHOWN",
    "LABEL_WIDTH",
    "cell_key",
    "cell_text",
    "coverage_cells",
    "coverage_grid",
    "grid_rows",
    "first_names",
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


def first_names(ids, names: dict[str, str], language: str) -> str:
    """The first three of these actors or efforts by name, then how many more.

    Examples
    --------
    >>> first_names(("a", "b", "c", "d", "e"), {"a": "IFO", "b": "Polisen", "c": "Skolan"}, "sv")
    'IFO, Polisen, Skolan och 2 till'
    """
    return join_names(first_of(ids, language, lambda item: names.get(item, item)), language)


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


CELL_STATES_SHOWN = ("covered", "population", "planned", "uncovered", "not_expected")
"""The states a coverage cell is shown in, in the order of the key."""
CELL_MARKS = {"population": "≈", "planned": "(plan)", "uncovered": "0", "not_expected": "–"}
"""What a coverage cell says in place of its count when nothing of its own runs there (a covered one: the count)."""
COVERED_MARK = "1, 2, …"
"""How the key shows a covered cell: by its count."""


def cell_text(state: str, count: int) -> str:
    """What a coverage cell in ``state`` says: its count when covered, else the state's mark.

    Examples
    --------
    >>> [cell_text(state, 0) for state in CELL_STATES_SHOWN], cell_text("covered", 3)
    (['0', '≈', '(plan)', '0', '–'], '3')
    """
    return str(count) if state == "covered" else CELL_MARKS.get(state, str(count))


def cell_key(language: str) -> list[tuple[str, str, str]]:
    """The key of the coverage grid in ``language``: (state, what a cell shows, what it means), one per state.

    Examples
    --------
    >>> [(mark, meaning) for _, mark, meaning in cell_key("sv")][1:3]
    [('≈', 'täckt av en insats för hela befolkningen'), ('(plan)', 'bara planerad')]
    """
    marks = {"covered": COVERED_MARK, **CELL_MARKS}
    return [(state, marks[state], t(f"ui.cell_{state}", language)) for state in CELL_STATES_SHOWN]


def coverage_cells(
    counts: pd.DataFrame, measure: str, levels: Iterable[str], groups: Iterable[str], language: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One ``measure`` of :func:`actormap.analysis.coverage.coverage` as a grid of texts, and the grid of states.

    Both grids have the rows and columns of :func:`coverage_grid`. A cell the
    map does not expect but that has a running effort shows as covered: it is.

    Examples
    --------
    >>> counts = pd.DataFrame({"level": ["promotion", "treatment"], "target_group": ["youth", "youth"],
    ...                        "efforts": [0, 2], "state": ["population", "covered"]})
    >>> texts, states = coverage_cells(counts, "efforts", ["promotion", "treatment"], ["youth"], "en")
    >>> texts.values.tolist(), states.values.tolist()
    ([['≈'], ['2']], [['population'], ['covered']])
    """
    levels, groups = list(levels), list(groups)
    running = counts["state"].where(~((counts["state"] == "not_expected") & (counts["efforts"] > 0)), "covered")
    shown = counts.assign(state=running)
    states = coverage_grid(shown, "state", levels, groups, language).fillna("uncovered")
    numbers = coverage_grid(shown, measure, levels, groups, language).fillna(0).astype(int)
    texts = pd.DataFrame(
        [[cell_text(state, count) for state, count in zip(*row)] for row in zip(states.values, numbers.values)],
        index=numbers.index,
        columns=numbers.columns,
    )
    return texts, states
