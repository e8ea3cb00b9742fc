"""Network: the map drawn with positions computed in Python, with filters, focus, search and highlights."""

from __future__ import annotations

import streamlit as st

from actormap.i18n import t, tn
from actormap.model import ActorMap
from actormap.schema import ACTOR_TYPES, BASES, LEVELS, ROLES
from actormap.ui.data import cached_findings, cached_layout
from actormap.ui.widgets import describer, filter_row, remembered, usable_layout
from actormap.view.filters import ViewFilters
from actormap.view.html import network_html
from actormap.view.network import MAX_DRAWN_NODES, network_view
from actormap.view.selection import LAYOUTS

__all__ = ["render"]

WIDTH = 1100
"""About the width of the drawing in the app's wide layout; the canvas height follows the drawing's shape."""
LEGEND_HEIGHT = 110
MAX_HIGHLIGHT = 300
"""The most severe findings offered for highlighting (a list of thousands only slows every rerun)."""


def render(actor_map: ActorMap, language: str) -> None:
    st.title(t("ui.page_network", language))
    filters, layout = _controls(actor_map, language)
    layout = usable_layout(actor_map, layout, language)
    positions = cached_layout(actor_map.version, layout, actor_map)
    view = network_view(
        actor_map, positions, filters, language, level_headings=layout == "levels", max_nodes=MAX_DRAWN_NODES
    )
    if view.hidden_actors or view.hidden_efforts:
        st.warning(
            t(
                "ui.network_limited",
                language,
                actors=tn("count.actors", view.hidden_actors, language),
                efforts=tn("count.efforts", view.hidden_efforts, language),
                limit=MAX_DRAWN_NODES,
            )
        )
    actors, efforts = len(view.ids("actor")), len(view.ids("effort"))
    st.caption(
        t(
            "ui.network_shown",
            language,
            actors=tn("count.actors", actors, language),
            efforts=tn("count.efforts", efforts, language),
        )
    )
    if filters.search.strip() and not view.found:
        st.info(t("ui.search_none", language, text=filters.search.strip()))
    height = view.height_for(WIDTH)
    st.iframe(network_html(view, language, height=height), height=height + LEGEND_HEIGHT)


def _controls(actor_map: ActorMap, language: str) -> tuple[ViewFilters, str]:
    names = actor_map.actor_names
    top = st.columns([2, 3, 3, 2])
    layout = remembered(
        top[0].radio,
        "net_layout",
        language,
        t("ui.layout", language),
        LAYOUTS,
        format_func=lambda kind: t(f"ui.layout_{kind}", language),
    )
    focus = remembered(
        top[1].selectbox,
        "net_focus",
        language,
        t("ui.focus", language),
        ["", *names],
        format_func=lambda a: names.get(a, t("ui.focus_none", language)),
    )
    depth = top[2].slider(t("ui.depth", language), 1, 6, 2, key="net_depth", disabled=not focus)
    search = top[3].text_input(t("ui.search", language), key="net_search")
    findings = cached_findings(actor_map.version, language, actor_map)
    highlight = remembered(
        st.selectbox,
        "net_highlight",
        language,
        t("ui.highlight", language),
        [-1, *range(min(len(findings), MAX_HIGHLIGHT))],
        format_func=lambda i: t("ui.highlight_none", language) if i < 0 else findings["message"].iloc[i],
    )
    marked = () if highlight < 0 else findings["efforts"].iloc[highlight] + findings["actors"].iloc[highlight]
    with st.expander(t("ui.filters", language), expanded=False):
        levels, groups, types, roles, bases = filter_row(
            [
                ("net_levels", t("ui.levels", language), LEVELS, describer("level", language)),
                (
                    "net_groups",
                    t("ui.target_groups", language),
                    actor_map.target_groups,
                    describer("target_group", language),
                ),
                ("net_types", t("ui.actor_types", language), ACTOR_TYPES, describer("type", language)),
                ("net_roles", t("ui.roles", language), ROLES, describer("role", language)),
                ("net_bases", t("ui.bases", language), BASES, describer("basis", language)),
            ],
            language,
        )
    filters = ViewFilters(
        levels=tuple(levels),
        target_groups=tuple(groups),
        actor_types=tuple(types),
        roles=tuple(roles),
        bases=tuple(bases),
        focus=focus,
        depth=depth,
        highlight=tuple(marked),
        search=search,
    )
    return filters, layout
