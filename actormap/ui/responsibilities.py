"""Responsibilities: who does what (actors x efforts with roles), and one actor's profile."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from actormap.analysis.compare import filter_findings
from actormap.analysis.reading import reading_order
from actormap.export.text import markdown_text
from actormap.i18n import code_label, codes_text, join_names, level_name, t, tn
from actormap.model import ActorMap
from actormap.schema import LEVELS
from actormap.ui.data import cached_findings, cached_matrix, cached_profiles, cached_roles
from actormap.ui.tables import show_findings, table_height
from actormap.ui.widgets import describer, remembered
from actormap.view.labels import level_labels, level_number, role_label, shortened

__all__ = ["render"]

MAX_ROWS, MAX_COLUMNS = 150, 80
"""A matrix larger than this is cut, with a note, so the page stays readable and fast."""


def render(actor_map: ActorMap, language: str) -> None:
    st.title(t("ui.page_responsibilities", language))
    _matrix(actor_map, language)
    _profile(actor_map, language)


def _matrix(actor_map: ActorMap, language: str) -> None:
    st.subheader(t("ui.matrix", language))
    levels = remembered(
        st.multiselect,
        "matrix_levels",
        language,
        t("ui.levels", language),
        list(LEVELS),
        format_func=describer("level", language),
    )
    view = remembered(
        st.radio,
        "matrix_view",
        language,
        t("ui.matrix_view", language),
        ["efforts", "grid"],
        format_func=lambda kind: t(f"ui.matrix_view_{kind}", language),
        horizontal=True,
    )
    matrix = cached_matrix(actor_map.version, actor_map)
    efforts = actor_map.efforts.set_index("id")
    columns = [e for e in matrix.columns if not levels or efforts.at[e, "level"] in levels]
    if view == "efforts":
        roles = cached_roles(actor_map.version, tuple(columns[:MAX_ROWS]), actor_map)
        _efforts_by_role(actor_map.actor_names, efforts, roles, language)
        return
    st.caption(t("ui.matrix_help", language))
    matrix = matrix[columns]
    matrix = matrix[(matrix != "").any(axis=1)]
    if matrix.shape[0] > MAX_ROWS or matrix.shape[1] > MAX_COLUMNS:
        st.warning(
            t(
                "ui.matrix_too_large",
                language,
                actors=tn("count.actors", matrix.shape[0], language),
                efforts=tn("count.efforts", matrix.shape[1], language),
                rows=MAX_ROWS,
                columns=MAX_COLUMNS,
            )
        )
        matrix = matrix.iloc[:MAX_ROWS, :MAX_COLUMNS]
    if matrix.empty:
        st.info(t("ui.network_empty", language))
        return
    names = actor_map.actor_names
    shown = matrix.apply(lambda column: column.map(lambda roles: codes_text("role", roles, language)))
    shown.index = [names[actor] for actor in matrix.index]
    shown.columns = _numbered([_column_title(efforts.at[e, "level"], efforts.at[e, "name"]) for e in matrix.columns])
    st.caption(
        t(
            "ui.matrix_levels",
            language,
            levels=", ".join(f"{level_number(level)} = {level_name(level, language)}" for level in LEVELS),
        )
    )
    config = {title: st.column_config.TextColumn(width="medium") for title in shown.columns}
    st.dataframe(shown, width="stretch", column_config=config, height=table_height(len(shown), 600))


def _efforts_by_role(names: dict[str, str], efforts: pd.DataFrame, roles: pd.DataFrame, language: str) -> None:
    """Who does what, effort by effort: a row per effort (led by its level), a column per role naming its actors."""
    st.caption(t("ui.matrix_efforts_help", language))
    if roles.empty:
        st.info(t("ui.network_empty", language))
        return
    table = pd.DataFrame(
        {
            t("ui.col_effort", language): [
                f"{level_name(efforts.at[e, 'level'], language)} · {efforts.at[e, 'name']}" for e in roles.index
            ],
            **{
                code_label("role", role, language): [join_names([names[a] for a in held], language) for held in column]
                for role, column in roles.items()
                if column.map(len).any()
            },
        }
    )
    st.table(table.map(markdown_text), hide_index=True)


def _column_title(level: str, name: str) -> str:
    """A short heading: the level's number and the effort's name, shortened."""
    return f"{level_number(level)} · {shortened(name, 28)}"


def _numbered(titles: list[str]) -> list[str]:
    """The titles with a repeated one numbered, "(2)", "(3)" …, so that no two columns share a heading.

    >>> _numbered(["1 · Mini-Maria", "1 · Mini-Maria", "2 · SSP"])
    ['1 · Mini-Maria', '1 · Mini-Maria (2)', '2 · SSP']
    """
    used: set[str] = set()
    unique = []
    for title in titles:
        candidate, number = title, 1
        while candidate in used:
            number += 1
            candidate = f"{title} ({number})"
        used.add(candidate)
        unique.append(candidate)
    return unique


def _profile(actor_map: ActorMap, language: str) -> None:
    st.subheader(t("ui.profile", language))
    profiles = cached_profiles(actor_map.version, actor_map).set_index("actor")
    names = actor_map.actor_names
    actor = remembered(
        st.selectbox,
        "profile_actor",
        language,
        t("ui.profile_actor", language),
        list(names),
        format_func=names.__getitem__,
    )
    profile = profiles.loc[actor]
    none = t("ui.none", language)
    facts = {
        t("ui.actor_type", language): code_label("type", profile["type"], language),
        t("ui.levels", language): ", ".join(level_labels(profile["levels"], language)) or none,
        t("ui.roles", language): ", ".join(code_label("role", role, language) for role in profile["roles"]) or none,
        t("ui.profile_partners", language): str(profile["partners"]),
    }
    st.markdown("  \n".join(f"**{name}:** {value}" for name, value in facts.items()))
    st.markdown(f"**{t('ui.efforts', language)}**")
    st.dataframe(_actor_efforts(actor_map, actor, language), hide_index=True, width="stretch", key="profile_efforts")
    st.markdown(f"**{t('ui.profile_findings', language)}**")
    findings = filter_findings(cached_findings(actor_map.version, language, actor_map), actor=actor)
    if findings.empty:  # about the actor only: the map may well have findings elsewhere
        st.caption(t("ui.profile_no_findings", language, actor=names[actor]))
    else:
        show_findings(reading_order(findings), names, language)


def _actor_efforts(actor_map: ActorMap, actor: str, language: str) -> pd.DataFrame:
    """One row per effort the actor takes part in, with all its roles (and their bases)."""
    rows = actor_map.participation[actor_map.participation["actor"] == actor]
    efforts = actor_map.efforts.set_index("id")
    rows = rows[rows["effort"].isin(efforts.index)]
    roles: dict[str, list[str]] = {}
    for effort, role, basis in zip(rows["effort"], rows["role"], rows["basis"]):
        roles.setdefault(effort, []).append(role_label(role, basis, language))
    return pd.DataFrame(
        {
            t("ui.col_effort", language): [efforts.at[e, "name"] for e in roles],
            t("ui.col_level", language): [level_name(efforts.at[e, "level"], language) for e in roles],
            t("ui.status", language): [code_label("status", efforts.at[e, "status"], language) for e in roles],
            t("ui.col_role", language): [", ".join(labels) for labels in roles.values()],
        }
    )
