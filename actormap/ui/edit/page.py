"""Edit: the map's tables in data editors, validated before saving, saved safely against conflicts.

The editors work on the version of the map that was current when editing
began (the "base"). A save is refused when the files on disk are no longer
that version, so two managers never overwrite each other's work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pandas as pd
import streamlit as st

from actormap.analysis.compare import compare_findings
from actormap.analysis.rules import find_all
from actormap.files.merge import diff_maps
from actormap.i18n import t, tn
from actormap.model import ActorMap
from actormap.schema import LEVELS, TABLES
from actormap.ui.data import cached_findings
from actormap.ui.edit import transfer
from actormap.ui.edit.state import editing_base, generation, just_saved, reload_editors
from actormap.ui.tables import show_findings, show_problems
from actormap.ui.widgets import describer
from actormap.validation.checks import check_tables

__all__ = ["render"]


def render(actor_map: ActorMap, language: str, path: Path | None, read_only: bool, example: bool = False) -> None:
    """The edit page for the map read from ``path`` (None for an upload); only downloads when ``read_only``.

    Editing needs a map folder: an upload or a workbook can only be downloaded,
    and a bundled ``example`` is never edited in place.
    """
    st.title(t("ui.page_edit", language))
    if path is None or not path.is_dir():
        st.info(t("ui.edit_folder_only", language))
        transfer.downloads(actor_map, language)
        return
    if read_only or example:
        st.info(t("ui.example_read_only" if example else "ui.read_only", language, folder=path))
        transfer.downloads(actor_map, language)
        return
    if not transfer.password_ok(language):
        return
    if just_saved():
        st.success(t("ui.saved", language))
    base = editing_base(actor_map, path)
    if base.version != actor_map.version:
        st.warning(t("ui.changed_on_disk", language))
        _show_disk_changes(base, actor_map, language)
    candidate = _editors(base, language)
    _review_and_save(base, candidate, path, language)
    st.divider()
    transfer.render(actor_map, path, language)


def _editors(base: ActorMap, language: str) -> ActorMap:
    tables = {}
    tabs = st.tabs([t(f"ui.table_{name}", language) for name in TABLES])
    for tab, name in zip(tabs, TABLES):
        with tab:
            raw = base.tables.get(name)
            if raw is None:
                raw = pd.DataFrame(columns=[column.name for column in TABLES[name]], dtype=object)
            edited = st.data_editor(
                raw.rename_axis(t("ui.col_row", language)),  # the file's row numbers, as problems name them
                num_rows="dynamic",
                hide_index=False,
                width="stretch",
                placeholder="",  # an empty cell looks empty, not "None"
                column_config=_column_config(base, name, raw, language),
                key=f"edit_{name}_{generation()}",
            )
            tables[name] = _as_table(edited)
    if "relations" not in base.tables and tables["relations"].empty:
        del tables["relations"]
    return replace(base, tables=tables)


def _as_table(edited: pd.DataFrame) -> pd.DataFrame:
    """Edited rows as a map table: text cells, blank rows dropped, numbered as the saved file's rows."""
    text = edited.astype(object).where(edited.notna(), "").map(str)
    text = text[(text.map(str.strip) != "").any(axis=1)]
    return text.set_axis(pd.RangeIndex(2, len(text) + 2), axis=0)


def _column_config(base: ActorMap, name: str, raw: pd.DataFrame, language: str) -> dict:
    names = {
        "actor": base.actor_names,
        "effort": base.effort_names,
    }
    config = {}
    for column in TABLES[name]:
        present = [v for v in raw.get(column.name, pd.Series(dtype=object)).dropna().astype(str).unique()]
        if isinstance(column.allowed, tuple) or column.allowed == "level":
            allowed = LEVELS if column.allowed == "level" else column.allowed
            options = list(dict.fromkeys(["", *allowed, *present]))
            config[column.name] = st.column_config.SelectboxColumn(  # a code's catalog kind is its column's name
                column.name,
                options=options,
                format_func=describer(column.name, language),
                required=column.required,
                help=column.help,
            )
        elif column.allowed in names:
            known = names[column.allowed]
            options = list(dict.fromkeys(["", *known, *present]))
            config[column.name] = st.column_config.SelectboxColumn(
                column.name,
                options=options,
                required=column.required,
                help=column.help,
                format_func=_with_name(known),
            )
        elif column.allowed == "target_groups":
            config[column.name] = st.column_config.TextColumn(
                column.name,
                required=True,
                help=t("ui.edit_target_groups_help", language, groups=", ".join(base.target_groups)),
            )
        else:
            config[column.name] = st.column_config.TextColumn(column.name, required=column.required, help=column.help)
    return config


def _with_name(names: dict[str, str]) -> Callable[[object], str]:
    """How a selectbox shows an id: with its name (``skola · Skolan``), an id the map lacks as it is."""

    def label(value: object) -> str:
        text = str(value)
        return f"{text} · {names[text]}" if text in names else text

    return label


def _review_and_save(base: ActorMap, candidate: ActorMap, path: Path, language: str) -> None:
    changed = [
        name
        for name, table in candidate.tables.items()
        if name not in base.formats or not base.formats[name].unchanged(table)
    ]
    if not changed:
        st.caption(t("ui.edit_no_changes", language))
        return
    problems = check_tables(candidate)
    errors = problems[problems["severity"] == "error"]
    if not errors.empty:
        st.error(tn("ui.edit_errors", len(errors), language))
        show_problems(errors, language)
    warnings = problems[problems["severity"] == "warning"]
    if not warnings.empty:
        with st.expander(tn("ui.edit_warnings", len(warnings), language)):
            show_problems(warnings, language)
    if errors.empty:
        _finding_preview(base, candidate, language)
    columns = st.columns([1, 1, 4])
    if columns[0].button(t("ui.save", language), type="primary", disabled=not errors.empty, key="edit_save"):
        transfer.write_map(candidate, base, path, language)
    if columns[1].button(t("ui.discard", language), key="edit_discard"):
        reload_editors()
        st.rerun()


def _finding_preview(base: ActorMap, candidate: ActorMap, language: str) -> None:
    before = cached_findings(base.version, language, base)
    appeared, resolved = compare_findings(before, find_all(candidate, language))
    names = base.actor_names | candidate.actor_names
    if appeared.empty and resolved.empty:
        st.caption(t("ui.edit_findings_same", language))
    if not appeared.empty:
        st.markdown(f"**{tn('ui.edit_findings_new', len(appeared), language)}**")
        show_findings(appeared, names, language)
    if not resolved.empty:
        st.markdown(f"**{tn('ui.edit_findings_resolved', len(resolved), language)}**")
        show_findings(resolved, names, language)


def _show_disk_changes(base: ActorMap, current: ActorMap, language: str) -> None:
    transfer.show_diff(diff_maps(base, current), language)
    if st.button(t("ui.reload", language), key="edit_reload"):
        reload_editors()
        st.rerun()
