"""The app's frame: page set-up, the sidebar (map, language, page) and the invalid-map state."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import streamlit as st

from actormap.files.load import saved_on
from actormap.i18n import LANGUAGE_NAMES, t
from actormap.ui import edit, export, network, overview, responsibilities, whatif
from actormap.ui.data import (
    MapSource,
    cached_map,
    cached_municipalities,
    cached_municipality,
    files_of,
    map_sources,
    uploaded_files,
)
from actormap.ui.options import parse_options
from actormap.ui.tables import show_invalid
from actormap.ui.widgets import chosen, remember, remembered
from actormap.validation.problems import NotAMapError

__all__ = ["main", "picker_label"]

PAGES = ("overview", "network", "responsibilities", "whatif", "edit", "export")
VIEWS = {
    "overview": overview.render,
    "network": network.render,
    "responsibilities": responsibilities.render,
    "whatif": whatif.render,
    "export": export.render,
}
"""The pages that show the map, or one municipality's part of it; the edit page is drawn apart."""
UPLOAD = "upload"


def main(arguments: Sequence[str]) -> None:
    """Draw the app for the map and page chosen in the sidebar; ``arguments``: the command line after ``--``."""
    st.set_page_config(page_title="actormap", layout="wide")  # the default icon: no font fetched from the web
    options = parse_options(arguments)
    sources = {source.key: source for source in map_sources(options.maps)}
    choice = chosen("map", st.session_state.get("language", "en"))
    if choice not in sources and choice != UPLOAD:
        choice = next(iter(sources), UPLOAD)
    remember("map", choice)  # the picker shows it in whichever language the map brings
    actor_map, problems = _load(choice, sources)
    _follow_map_language(actor_map, choice)
    language = st.session_state.get("language", "en")
    page, municipality_place = _sidebar(sources, language)
    if choice == UPLOAD and problems is None:
        st.info(t("ui.upload_waiting", language))
        st.stop()
    if problems is not None and show_invalid(problems, language):
        st.stop()
    with municipality_place:
        municipality = _pick_municipality(actor_map, page, language)
    if page == "edit":
        example = choice in sources and sources[choice].example
        edit.render(actor_map, language, _path_of(choice, sources), options.read_only, example)
        return
    if municipality:
        actor_map = cached_municipality(actor_map.version, municipality, actor_map)
    VIEWS[page](actor_map, language)


def picker_label(source: MapSource, language: str) -> str:
    """The map's name in the picker, led by what tells it apart: "Example", or its folder beside a namesake."""
    if source.example:
        return f"{t('ui.example', language)} · {source.label}"
    return f"{source.apart} · {source.label}" if source.apart else source.label


def _path_of(choice: str, sources: dict[str, MapSource]) -> Path | None:
    """Where the chosen map was read from; None for an upload."""
    return sources[choice].path if choice in sources else None


def _pick_municipality(actor_map, page: str, language: str) -> str:
    """In a map of several municipalities, the one the pages show ("" for all); editing covers them all."""
    options = cached_municipalities(actor_map.version, actor_map)
    if not options:
        return ""
    if chosen("municipality", language, "") not in ("", *options):
        remember("municipality", "")
    return remembered(
        st.selectbox,
        "municipality",
        language,
        t("ui.municipality", language),
        ["", *options],
        format_func=lambda name: name or t("ui.municipality_all", language),
        disabled=page == "edit",
        help=t("ui.municipality_edit", language) if page == "edit" else None,
    )


def _follow_map_language(actor_map, choice: str) -> None:
    """Speak a newly chosen map's language, unless the user has picked a language."""
    if actor_map is None or st.session_state.get("language_for") == choice:
        return
    st.session_state["language_for"] = choice
    if not st.session_state.get("language_picked"):
        st.session_state["language"] = actor_map.language


def _pick_language() -> None:
    st.session_state["language_picked"] = True


def _load(choice: str, sources: dict):
    """The chosen map and its problems; (None, None) while nothing is uploaded."""
    if choice == UPLOAD:
        uploads = st.session_state.get("upload") or []
        if not uploads:
            return None, None
        return cached_map(uploaded_files(uploads), "upload")
    try:
        path = sources[choice].path
        return cached_map(files_of(path), path.name, saved_on(path))
    except NotAMapError as error:
        return None, error.problems


def _sidebar(sources: dict, language: str):
    """Draw the sidebar; return the page picked and the place under the map picker for the municipality picker."""
    with st.sidebar:
        st.title("actormap")
        options = [*sources, UPLOAD]

        def label(key: str) -> str:
            return picker_label(sources[key], language) if key in sources else t("ui.upload_option", language)

        if remembered(st.selectbox, "map", language, t("ui.map", language), options, format_func=label) == UPLOAD:
            st.file_uploader(
                t("ui.upload", language),
                type=["csv", "xlsx", "toml"],
                accept_multiple_files=True,
                key="upload",
                help=t("ui.upload_help", language, limit=st.get_option("server.maxUploadSize")),
            )
        municipality_place = st.container()
        st.selectbox(
            t("ui.language", language),
            list(LANGUAGE_NAMES),
            key="language",
            format_func=LANGUAGE_NAMES.__getitem__,
            on_change=_pick_language,
        )
        page = remembered(
            st.radio,
            "page",
            language,
            t("ui.page", language),
            list(PAGES),
            format_func=lambda page: t(f"ui.page_{page}", language),
        )
    return page, municipality_place
