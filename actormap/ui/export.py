"""Export: the network view's filters and a what-if removal, then one download button per format.

A file is made only when its button is clicked (Streamlit calls the
library then), so the page stays quick however many formats it offers.
"""

from __future__ import annotations

import datetime
from functools import partial

import streamlit as st

from actormap.export import EXPORT_FORMATS, ViewFilters, export_bytes, file_name, parse_size
from actormap.i18n import LANGUAGE_NAMES, t, tn
from actormap.model import ActorMap
from actormap.schema import ACTOR_TYPES, LEVELS
from actormap.ui.data import cached_selection
from actormap.ui.widgets import describer, filter_row, remembered, usable_layout
from actormap.view.selection import LAYOUTS

__all__ = ["render"]

SIZES = ("1920x1080", "1280x720", "3840x2160", "1024x768")
"""Image sizes offered: full HD projectors first, then the smaller and the 4K ones."""


def render(actor_map: ActorMap, language: str) -> None:
    st.title(t("ui.export_title", language))
    st.caption(t("ui.export_help", language))
    filters, layout, export_language, size = _controls(actor_map, language)
    layout = usable_layout(actor_map, layout, language)
    today = datetime.date.today().isoformat()
    selection = cached_selection(actor_map.version, repr(filters), export_language, layout, today, actor_map, filters)
    st.info("\n\n".join([selection.title, *selection.notes]))
    st.caption(
        t(
            "export.shown",
            export_language,
            actors=tn("count.actors", len(selection.actors), export_language),
            efforts=tn("count.efforts", len(selection.efforts), export_language),
        )
    )
    st.subheader(t("ui.export_downloads", language))
    columns = st.columns(2)
    for index, export in enumerate(EXPORT_FORMATS.values()):
        columns[index % 2].download_button(
            t(export.label_key, language),
            data=partial(export_bytes, selection, export.name, size),
            file_name=file_name(actor_map.label, export.name),
            mime=export.media_type,
            key=f"export_{export.name}",
            on_click="ignore",
            width="stretch",
        )


def _controls(actor_map: ActorMap, language: str) -> tuple[ViewFilters, str, str, tuple[int, int]]:
    names = actor_map.actor_names
    levels, groups, types = filter_row(
        [
            ("export_levels", t("ui.levels", language), LEVELS, describer("level", language)),
            (
                "export_groups",
                t("ui.target_groups", language),
                actor_map.target_groups,
                describer("target_group", language),
            ),
            ("export_types", t("ui.actor_types", language), ACTOR_TYPES, describer("type", language)),
        ],
        language,
    )
    row = st.columns(3)
    focus = remembered(
        row[0].selectbox,
        "export_focus",
        language,
        t("ui.focus", language),
        ["", *names],
        format_func=lambda actor: names.get(actor, t("ui.focus_none", language)),
    )
    depth = row[1].slider(t("ui.depth", language), 1, 6, 2, key="export_depth", disabled=not focus)
    without = remembered(
        row[2].multiselect,
        "export_without",
        language,
        t("ui.export_without", language),
        list(names),
        format_func=names.__getitem__,
    )
    row = st.columns(3)
    layout = remembered(
        row[0].radio,
        "export_layout",
        language,
        t("ui.layout", language),
        LAYOUTS,
        format_func=lambda kind: t(f"ui.layout_{kind}", language),
    )
    languages = list(LANGUAGE_NAMES)
    export_language = row[1].selectbox(
        t("ui.export_language", language),
        languages,
        key="export_language",
        index=languages.index(language),
        format_func=LANGUAGE_NAMES.__getitem__,
    )
    size = row[2].selectbox(t("ui.export_size", language), SIZES, key="export_size")
    filters = ViewFilters(
        levels=tuple(levels),
        target_groups=tuple(groups),
        actor_types=tuple(types),
        focus=focus,
        depth=depth,
        without=tuple(actor for actor in without if actor != focus),
    )
    return filters, layout, export_language, parse_size(size)
