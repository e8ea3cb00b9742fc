"""The app's frame: page set-up, the sidebar (map, language, page) and the invalid-map state."""

from __future__ import annotations

import streamlit as st

from actormap.i18n import LANGUAGE_NAMES, t
from actormap.problems import NotAMapError
from actormap.ui import edit, network, overview, responsibilities, whatif
from actormap.ui.data import cached_map, files_of, map_sources
from actormap.ui.tables import problems_table

__all__ = ["main"]

PAGES = {
    "overview": overview.render,
    "network": network.render,
    "responsibilities": responsibilities.render,
    "whatif": whatif.render,
    "edit": edit.render,
}
UPLOAD = "upload"


def main() -> None:
    """Draw the app for the map and page chosen in the sidebar."""
    st.set_page_config(page_title="actormap", page_icon=":material/hub:", layout="wide")
    sources = {source.key: source for source in map_sources()}
    choice = st.session_state.get("map")
    if choice not in sources and choice != UPLOAD:
        choice = next(iter(sources), UPLOAD)
        st.session_state["map"] = choice
    actor_map, problems = _load(choice, sources)
    if actor_map is not None and st.session_state.get("language_for") != choice:
        st.session_state["language"] = actor_map.language
        st.session_state["language_for"] = choice
    language = st.session_state.get("language", "en")
    page = _sidebar(sources, language)
    if choice == UPLOAD and problems is None:
        st.info(t("ui.upload_waiting", language))
        st.stop()
    if problems is not None and (problems["severity"] == "error").any():
        errors = problems[problems["severity"] == "error"]
        st.error(t("ui.invalid_map", language, count=len(errors)))
        st.dataframe(problems_table(problems, language), hide_index=True, width="stretch", key="problems")
        st.stop()
    PAGES[page](actor_map, language)


def _load(choice: str, sources: dict):
    """The chosen map and its problems; (None, None) while nothing is uploaded."""
    if choice == UPLOAD:
        uploads = st.session_state.get("upload") or []
        if not uploads:
            return None, None
        return cached_map(tuple(sorted((upload.name, upload.getvalue()) for upload in uploads)), "upload")
    try:
        return cached_map(files_of(sources[choice].path), sources[choice].path.name)
    except NotAMapError as error:
        return None, error.problems


def _sidebar(sources: dict, language: str) -> str:
    with st.sidebar:
        st.title("actormap")
        options = [*sources, UPLOAD]
        st.selectbox(t("ui.map", language), options, key="map",
                     format_func=lambda key: sources[key].label if key in sources else t("ui.upload_option", language))
        if st.session_state.get("map", options[0]) == UPLOAD:
            st.file_uploader(t("ui.upload", language), type=["csv", "xlsx", "toml"], accept_multiple_files=True,
                             key="upload", help=t("ui.upload_help", language, limit=st.get_option("server.maxUploadSize")))
        st.selectbox(t("ui.language", language), list(LANGUAGE_NAMES), key="language",
                     format_func=LANGUAGE_NAMES.__getitem__)
        return st.radio(t("ui.page", language), list(PAGES), key="page",
                        format_func=lambda page: t(f"ui.page_{page}", language))
