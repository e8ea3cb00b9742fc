"""Overview: headline figures, the coverage heatmap with its key and the filterable list of findings.

The list shows the findings that name who should act first; the cells with
no running effort are summed up level by level above it, pointing at the
heatmap (see :mod:`actormap.analysis.reading`).
"""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from actormap.analysis.compare import filter_findings
from actormap.analysis.reading import cell_lines, reading_order
from actormap.analysis.rules import RULES, SEVERITIES
from actormap.i18n import t, tn
from actormap.model import ActorMap
from actormap.schema import LEVELS
from actormap.ui.data import cached_coverage, cached_findings
from actormap.ui.tables import show_findings
from actormap.ui.widgets import describer, filter_row, remembered
from actormap.view.labels import cell_key, coverage_cells, coverage_grid, rule_title, severity_label
from actormap.view.style import cell_css

__all__ = ["render"]

MEASURES = ("efforts", "actors", "lead_actors")


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
    texts, states = coverage_cells(counts, measure, LEVELS, actor_map.target_groups, language)
    numbers = coverage_grid(counts, measure, LEVELS, actor_map.target_groups, language)
    highest = max(int(numbers.max().max()), 1)
    styles = pd.DataFrame(
        [
            [cell_css(state, count / highest) for state, count in zip(*row)]
            for row in zip(states.values, numbers.values)
        ],
        index=texts.index,
        columns=texts.columns,
    )
    centred = {column: st.column_config.TextColumn(alignment="center") for column in texts.columns}
    st.dataframe(texts.style.apply(lambda _: styles, axis=None), width="stretch", column_config=centred, key="coverage")
    st.markdown(_key(language), unsafe_allow_html=True)


def _key(language: str) -> str:
    """The heatmap's key as one line of HTML: each state's colour around what its cells say, then its meaning."""
    entries = [
        f'<span style="{cell_css(state, 0.3)}; padding: 0 0.4em; border-radius: 3px">'
        f"{html.escape(mark)}</span> {html.escape(meaning)}"
        for state, mark, meaning in cell_key(language)
    ]
    key = html.escape(t("ui.cell_key", language))
    return f'<p style="font-size: 0.85em">{key}: ' + " &nbsp;·&nbsp; ".join(entries) + "</p>"


def _findings(actor_map: ActorMap, findings: pd.DataFrame, language: str) -> None:
    st.subheader(t("ui.findings_title", language))
    if findings.empty:
        st.success(t("ui.no_findings", language))
        return
    lines = cell_lines(findings, language)
    if lines:
        st.markdown(f"**{t('reading.cells_heading', language)}**")
        st.markdown("\n".join(f"- {line}" for line in lines))
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
    shown = filter_findings(
        reading_order(findings), level=levels, target_group=groups, rule=rules, severity=severities, actor=actors
    )
    st.caption(tn("ui.findings_count_reading", len(findings), language, shown=len(shown)))
    if shown.empty:
        st.info(t("ui.no_findings_filtered", language))
        return
    show_findings(shown, names, language)
