"""Findings in reading order: who should act first, by severity; then the empty cells, one line per level."""

import pandas as pd
import pytest
from conftest import DATA

import actormap
from actormap.analysis.reading import CELL_RULES, cell_lines, cell_summary, reading_order, split_findings
from actormap.analysis.rules import find_all


def findings(*rows: tuple[str, str, str, str]) -> pd.DataFrame:
    """Findings of (rule, severity, level, target groups) rows, each with its rule as its message."""
    frame = pd.DataFrame(rows, columns=["rule", "severity", "level", "target_group"])
    return frame.assign(message=[f"{rule} {level} {groups}".strip() for rule, _, level, groups in rows])


MIXED = findings(
    ("uncovered", "high", "treatment", "youth"),
    ("informal_only", "low", "", ""),
    ("planned_only", "medium", "promotion", "children"),
    ("no_lead", "high", "prevention", "youth,adults"),
    ("expired", "medium", "treatment", "adults"),
    ("uncovered", "high", "promotion", "families"),
    ("a_rule_added_later", "high", "", ""),
    ("uncovered", "high", "promotion", "youth"),
    ("single_point", "medium", "", ""),
)


def test_findings_that_name_who_should_act_come_first_by_severity_then_the_cells_by_level():
    assert reading_order(MIXED)["message"].tolist() == [
        "no_lead prevention youth,adults",
        "a_rule_added_later",
        "expired treatment adults",
        "single_point",
        "informal_only",
        "planned_only promotion children",
        "uncovered promotion families",
        "uncovered promotion youth",
        "uncovered treatment youth",
    ]
    assert list(reading_order(MIXED).index) == list(range(len(MIXED)))


def test_an_unknown_rule_counts_as_naming_who_should_act_and_an_unknown_severity_comes_last():
    odd = findings(("a_new_rule", "urgent", "", ""), ("no_lead", "low", "", ""), ("uncovered", "high", "x", "youth"))
    actionable, cells = split_findings(odd)
    assert actionable["rule"].tolist() == ["no_lead", "a_new_rule"]
    assert cells["rule"].tolist() == ["uncovered"]


def test_the_split_keeps_every_column_and_row_and_leaves_its_input_alone():
    before = MIXED.copy()
    actionable, cells = split_findings(MIXED)
    assert list(actionable.columns) == list(cells.columns) == list(MIXED.columns)
    assert len(actionable) + len(cells) == len(MIXED) and set(cells["rule"]) <= set(CELL_RULES)
    assert MIXED.equals(before)
    empty = split_findings(MIXED.iloc[:0])
    assert [len(part) for part in empty] == [0, 0]
    assert cell_lines(MIXED.iloc[:0], "en") == []


def test_cells_are_summed_up_per_level_and_rule_each_group_once():
    rows = [row[:4] for row in MIXED.itertuples(index=False, name=None)]
    twice = findings(*rows, ("uncovered", "high", "promotion", "youth"))
    assert cell_summary(twice).values.tolist() == [
        ["promotion", "uncovered", ("families", "youth")],
        ["promotion", "planned_only", ("children",)],
        ["treatment", "uncovered", ("youth",)],
    ]


@pytest.mark.parametrize(
    ("language", "lines"),
    [
        (
            "en",
            [
                "Health promotion: no effort for families and youth; only planned efforts for children"
                " — see the coverage table.",
                "Treatment: no effort for youth — see the coverage table.",
            ],
        ),
        (
            "sv",
            [
                "Hälsofrämjande: ingen insats för familjer och unga; bara planerade insatser för barn"
                " – se täckningstabellen.",
                "Behandling: ingen insats för unga – se täckningstabellen.",
            ],
        ),
        (
            "da",
            [
                "Sundhedsfremme: ingen indsats for familier og unge; kun planlagte indsatser for børn"
                " – se dækningstabellen.",
                "Behandling: ingen indsats for unge – se dækningstabellen.",
            ],
        ),
        (
            "nb",
            [
                "Helsefremmende: ingen tiltak for familier og ungdom; bare planlagte tiltak for barn"
                " – se dekningstabellen.",
                "Behandling: ingen tiltak for ungdom – se dekningstabellen.",
            ],
        ),
    ],
)
def test_one_line_per_level_in_every_language(language, lines):
    assert cell_lines(MIXED, language) == lines


def test_an_example_map_reads_who_should_act_first():
    found = find_all(actormap.load_map(DATA / "norway-plan"), "en")
    ordered = reading_order(found)
    is_cell = ordered["rule"].isin(CELL_RULES).tolist()
    assert is_cell == sorted(is_cell) and any(is_cell) and not all(is_cell)
    assert sorted(ordered["message"]) == sorted(found["message"])
