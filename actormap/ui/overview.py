"""Overview: headline figures, the coverage heatmap and the filterable list of findings."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from actormap.analysis.compare import filter_findings
from actormap.analysis.rules import RULES, SEVERITIES
from actormap.i18n import t
from actormap.model import ActorMap
from actormap.schema import LEVELS
from actormap.ui.data import cached_coverage, cached_findings
from actormap.ui.tables import show_findings
from actormap.ui.widgets import describer, filter_row, remembered
from actormap.view.labels import coverage_grid, rule_title, severity_label
from actormap.view.style import EMPTY_CELL_COLOR, EMPTY_CELL_TEXT_COLOR, heat_color

__all__ = ["render"]

MEASURES = ("efforts", "actors", "lead_actors")
EMPTY_CELL = f"background-color: {EMPTY_CELL_COLOR}; color: {EMPTY_CELL_TEXT_COLOR}; font-weight: bold"


def render(actor_map: ActorMap, language: str) -> None:
    findings = cached_findings(actor_map.version, language, actor_map)
    _heading(actor_map, language)
    _figures(actor_map, findings, language)
    _coverage(actor_map, language)
    _findings(actor_map, findings, language)


def _heading(actor_map: ActorMap, language: str) -> None:
    st.title(actor_map.name)
    facts = [str(actor_map.meta[key]) for key in ("municipality", "year") if actor_map.meta.get(key)]
    if facts:
        st.caption(" · ".join(facts))
    if actor_map.meta.get("description"):
        with st.expander(t("ui.about_map", language)):
            st.write(actor_map.meta["description"])


def _figures(actor_map: ActorMap, findings: pd.DataFrame, language: str) -> None:
    active = actor_map.active_efforts
    columns = st.columns(5)
    columns[0].metric(t("ui.actors", language), len(actor_map.actors))
    columns[1].metric(t("ui.efforts", language), len(active))
    for column, severity in zip(columns[2:], SEVERITIES):
        column.metric(t(f"ui.findings_{severity}", language), int((findings["severity"] == severity).sum()))


def _coverage(actor_map: ActorMap, language: str) -> None:
    st.subheader(t("ui.coverage", language))
    st.caption(t("ui.coverage_help", language))
    measure = remembered(
        st.radio,
        "coverage_measure",
        language,
        t("ui.measure", language),
        MEASURES,
        horizontal=True,
        format_func=lambda m: t(f"ui.measure_{m}", language),
    )
    counts = cached_coverage(actor_map.version, actor_map)
    grid = coverage_grid(counts, measure, LEVELS, actor_map.target_groups, language)
    highest = max(int(grid.max().max()), 1)
    st.dataframe(grid.style.map(lambda value: _heat(value, highest)), width="stretch", key="coverage")


def _heat(value: int, highest: int) -> str:
    """A green that deepens with the count; an empty cell in red, so it stands out."""
    if value == 0:
        return EMPTY_CELL
    share = value / highest
    text = "#FFFFFF" if share > 0.55 else "#1B1B1B"
    return f"background-color: {heat_color(share)}; color: {text}"


def _findings(actor_map: ActorMap, findings: pd.DataFrame, language: str) -> None:
    st.subheader(t("ui.findings_title", language))
    if findings.empty:
        st.success(t("ui.no_findings", language))
        return
    names = actor_map.actor_names
    rules, severities, levels, groups, actors = filter_row(
        [
            ("filter_rule", t("ui.filter_rule", language), RULES, lambda rule: rule_title(rule, language)),
            (
                "filter_severity",
                t("ui.filter_severity", language),
                SEVERITIES,
                lambda severity: severity_label(severity, language),
            ),
            ("filter_level", t("ui.filter_level", language), LEVELS, describer("level", language)),
            (
                "filter_target_group",
                t("ui.filter_target_group", language),
                actor_map.target_groups,
                describer("target_group", language),
            ),
            ("filter_actor", t("ui.filter_actor", language), names, names.__getitem__),
        ],
        language,
    )
    shown = filter_findings(findings, level=levels, target_group=groups, rule=rules, severity=severities, actor=actors)
    st.caption(t("ui.findings_count", language, shown=len(shown), total=len(findings)))
    if shown.empty:
        st.info(t("ui.no_findings_filtered", language))
        return
    show_findings(shown, language)
