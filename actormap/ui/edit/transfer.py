"""Edit page, part two: downloads, uploads that replace or merge, the version history, and the password."""

from __future__ import annotations

import hmac
from functools import partial
from pathlib import Path

import streamlit as st

from actormap.files.bundle import workbook_bytes, zip_bytes
from actormap.files.history import history_time, list_history
from actormap.files.save import restore_version, save_map
from actormap.i18n import t, tn
from actormap.model import ActorMap
from actormap.ui.data import cached_map, cached_upload_preview, uploaded_files
from actormap.ui.edit.state import finish_save, generation
from actormap.ui.tables import show_invalid, show_problems
from actormap.ui.widgets import remembered
from actormap.validation.problems import ConflictError, MapError

__all__ = ["downloads", "password_ok", "render", "show_diff", "write_map"]


def password_ok(language: str) -> bool:
    """True when no editor password is set in Streamlit's secrets, or the right one was given.

    The comparison takes constant time and the password is never logged or shown.
    """
    try:
        expected = st.secrets.get("editor_password")
    except (FileNotFoundError, KeyError, st.errors.StreamlitSecretNotFoundError):
        expected = None
    if not expected or st.session_state.get("editor_unlocked"):
        return True
    given = st.text_input(t("ui.password", language), type="password", key="editor_password")
    if given and hmac.compare_digest(given.encode(), str(expected).encode()):
        st.session_state["editor_unlocked"] = True
        st.rerun()
    if given:
        st.error(t("ui.password_wrong", language))
    return False


def downloads(actor_map: ActorMap, language: str) -> None:
    st.subheader(t("ui.download", language))
    columns = st.columns(3)
    delimiter = remembered(
        columns[0].radio,
        "download_delimiter",
        language,
        t("ui.delimiter", language),
        [";", ","],
        horizontal=True,
        format_func=lambda d: t("ui.delimiter_semicolon" if d == ";" else "ui.delimiter_comma", language),
    )
    stem = actor_map.label or "map"
    # the files are written only when a button is clicked, not on every rerun
    columns[1].download_button(
        t("ui.download_zip", language),
        partial(zip_bytes, actor_map, delimiter),
        f"{stem}.zip",
        mime="application/zip",
        key="download_zip",
        on_click="ignore",
    )
    columns[2].download_button(
        t("ui.download_xlsx", language),
        partial(workbook_bytes, actor_map, f"{stem}.xlsx"),
        f"{stem}.xlsx",
        key="download_xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
    )


def render(actor_map: ActorMap, path: Path, language: str) -> None:
    """Downloads, upload to replace or merge, and the history of a map folder."""
    downloads(actor_map, language)
    _upload(actor_map, path, language)
    _history(actor_map, path, language)


def _upload(actor_map: ActorMap, path: Path, language: str) -> None:
    st.subheader(t("ui.upload_into", language))
    uploads = st.file_uploader(
        t("ui.upload", language),
        type=["csv", "xlsx", "toml"],
        accept_multiple_files=True,
        key=f"edit_upload_{generation()}",
    )
    if not uploads:
        return
    incoming, problems = cached_map(uploaded_files(uploads), actor_map.label)
    if show_invalid(problems, language):
        return
    for mode, (result, diff) in cached_upload_preview(actor_map.version, incoming.version, actor_map, incoming).items():
        st.markdown(f"**{t(f'ui.upload_{mode}', language)}**")
        show_diff(diff, language)
        if st.button(t(f"ui.upload_{mode}_button", language), key=f"upload_{mode}"):
            write_map(result, actor_map, path, language)


def show_diff(diff, language: str) -> None:
    """A :func:`actormap.files.bundle.diff_maps` table: the rows added, changed and removed per table."""
    diff = diff.assign(table=diff["table"].map(lambda name: t(f"ui.table_{name}", language)))
    st.dataframe(diff.rename(columns={c: t(f"ui.diff_{c}", language) for c in diff.columns}), hide_index=True)


def _history(actor_map: ActorMap, path: Path, language: str) -> None:
    st.subheader(t("ui.history", language))
    stamps = list_history(path)
    if not stamps:
        st.caption(t("ui.history_empty", language))
        return
    stamp = remembered(
        st.selectbox,
        "history_stamp",
        language,
        t("ui.history_version", language),
        stamps,
        format_func=lambda s: history_time(s).astimezone().strftime("%Y-%m-%d %H:%M:%S"),
    )
    if st.button(t("ui.history_restore", language), key="history_restore"):
        try:
            restore_version(path, stamp, expected_version=actor_map.version)
        except (ConflictError, MapError):
            st.error(t("ui.conflict", language))
            return
        finish_save()


def write_map(result: ActorMap, actor_map: ActorMap, path: Path, language: str) -> None:
    """Save ``result`` over ``actor_map`` at ``path``, refused when the files changed since; say what went wrong."""
    try:
        save_map(result, path, expected_version=actor_map.version)
    except ConflictError:
        st.error(t("ui.conflict", language))
        return
    except MapError as error:
        st.error(tn("ui.edit_errors", int((error.problems["severity"] == "error").sum()), language))
        show_problems(error.problems, language)
        return
    finish_save()
