"""Widgets whose choice survives a change of language.

Streamlit matches a widget's value by the text it shows; when the labels
change language, a plain widget forgets what was chosen. These widgets get
a key per language and start from the value chosen in the last one.
"""

from __future__ import annotations

import streamlit as st

from actormap.i18n import code_label, level_name, t
from actormap.view.layout import FORCE_LIMIT, force_fits

__all__ = ["chosen", "describer", "filter_row", "key_for", "remember", "remembered", "usable_layout"]

MEMORY = "remembered_choices"


def key_for(name: str, language: str) -> str:
    """The widget key of ``name`` while the app speaks ``language``."""
    return f"{name}.{language}"


def remembered(widget, name: str, language: str, *args, **kwargs):
    """Draw ``widget`` (e.g. ``st.radio``) keyed per language, seeded with its last choice; return the choice.

    A multiselect's placeholder is written in ``language`` too.
    """
    if widget.__name__ == "multiselect":
        kwargs.setdefault("placeholder", t("ui.choose", language))
    memory = st.session_state.setdefault(MEMORY, {})
    key = key_for(name, language)
    if key not in st.session_state and name in memory:
        st.session_state[key] = memory[name]
    choice = widget(*args, key=key, **kwargs)
    memory[name] = choice
    return choice


def chosen(name: str, language: str, default=None):
    """The current choice of widget ``name``: as just changed in ``language``, else as last drawn."""
    key = key_for(name, language)
    if key in st.session_state:
        return st.session_state[key]
    return st.session_state.get(MEMORY, {}).get(name, default)


def remember(name: str, value):
    """Make ``value`` the choice of widget ``name`` (the widget shows it from the next draw on)."""
    st.session_state.setdefault(MEMORY, {})[name] = value
    for key in [key for key in st.session_state if str(key).startswith(f"{name}.")]:
        del st.session_state[key]
    return value


def usable_layout(actor_map, layout: str, language: str) -> str:
    """``layout``, or ``levels`` (saying why) when the map is too large for the force layout."""
    if layout == "force" and not force_fits(actor_map):
        st.info(t("ui.force_too_large", language, limit=FORCE_LIMIT))
        return "levels"
    return layout


def describer(kind: str, language: str):
    """How to show a code of ``kind`` (level, type, role, basis, target_group, status) in ``language``."""
    if kind == "level":
        return lambda code: level_name(code, language)
    return lambda code: code_label(kind, code, language)


def filter_row(filters: list[tuple], language: str) -> list[list]:
    """A row of remembered multiselects, one per ``(name, label, options, describe)``; their choices."""
    columns = st.columns(len(filters))
    return [
        remembered(column.multiselect, name, language, label, list(options), format_func=describe)
        for column, (name, label, options, describe) in zip(columns, filters)
    ]
