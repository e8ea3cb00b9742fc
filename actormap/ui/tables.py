"""Library tables made readable: codes become words in the chosen language, columns get headings."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from actormap.export.text import markdown_text
from actormap.i18n import codes_text, level_name, t, tn
from actormap.validation.problems import localized_messages
from actormap.view.labels import first_names, rule_title, severity_label

__all__ = ["show_findings", "show_invalid", "show_problems", "table_height"]

ROW_PIXELS = 35
MAX_ROWS = 300
"""The most findings a page lists; the filters narrow them, and the report workbook lists them all."""


def table_height(rows: int, most: int = 720) -> int:
    """A dataframe height that shows every row up to ``most`` pixels (then it scrolls)."""
    return min(ROW_PIXELS * (rows + 1) + 3, most)


def problems_table(problems: pd.DataFrame, language: str) -> pd.DataFrame:
    """Validation problems in ``language``, headings and messages, errors first."""
    return pd.DataFrame(
        {
            t("ui.col_severity", language): problems["severity"].map(lambda s: t(f"ui.problem_{s}", language)),
            t("ui.col_file", language): problems["file"],
            t("ui.col_row", language): problems["row"],
            t("ui.col_column", language): problems["column"].fillna(""),
            t("ui.col_message", language): localized_messages(problems, language),
        }
    )


def findings_table(findings: pd.DataFrame, names: dict[str, str], language: str) -> pd.DataFrame:
    """Findings as the strategist reads them: severity, rule, where, who should act, and the sentence."""

    def place(row) -> str:
        if not row.level:
            return ""
        name = level_name(row.level, language)
        return f"{name} → {level_name(row.to_level, language)}" if row.to_level else name

    return pd.DataFrame(
        {
            t("ui.col_severity", language): findings["severity"].map(lambda s: severity_label(s, language)),
            t("ui.col_rule", language): findings["rule"].map(lambda r: rule_title(r, language)),
            t("ui.col_level", language): [place(row) for row in findings.itertuples()],
            t("ui.col_target_group", language): findings["target_group"].map(
                lambda groups: codes_text("target_group", groups, language)
            ),
            t("ui.col_actors", language): findings["actors"].map(lambda ids: first_names(ids, names, language)),
            t("ui.col_message", language): findings["message"],
        }
    )


def show_findings(findings: pd.DataFrame, names: dict[str, str], language: str) -> None:
    """Draw findings as a table whose sentences wrap, so each is read whole; past :data:`MAX_ROWS`, say so.

    A static table, not a data grid: a grid cuts a long sentence off at its
    column's edge. Every cell is escaped, so a name shows as written.
    """
    table = findings_table(findings.head(MAX_ROWS), names, language).map(markdown_text)
    message = t("ui.col_message", language)
    st.table(table.style.set_properties(subset=[message], width="45%"), hide_index=True)
    if len(findings) > MAX_ROWS:
        st.caption(tn("ui.findings_first", len(findings), language, shown=MAX_ROWS))


def show_invalid(problems: pd.DataFrame, language: str) -> bool:
    """When the map has errors, say so and list every problem; whether it has."""
    errors = int((problems["severity"] == "error").sum())
    if errors:
        st.error(tn("ui.invalid_map", errors, language))
        show_problems(problems, language)
    return bool(errors)


def show_problems(problems: pd.DataFrame, language: str) -> None:
    """Draw validation problems as a table: every row visible up to a screenful, the message widest."""
    st.dataframe(
        problems_table(problems, language),
        hide_index=True,
        width="stretch",
        placeholder="",
        column_config={t("ui.col_message", language): st.column_config.TextColumn(width="large")},
        height=table_height(len(problems)),
    )  # a whole-file problem has no row: an empty cell, not "None"
