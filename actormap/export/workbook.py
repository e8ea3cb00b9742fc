"""The report workbook (.xlsx): findings, coverage, who does what, actor profiles and the raw tables.

Sheets, in this order: about (the map, the export date and version, the
filters, the headline figures), findings (those about efforts and actors
most severe first, then those about cells level by level, see
:mod:`actormap.analysis.reading`; coloured by severity), coverage
(efforts, actors and lead actors per level and target group, each cell
filled by its state and saying it in text as in the app, with the key
below), who does what
(actors x efforts with the roles; on a large map one row per actor and
effort), actor profiles, then the map's own
tables ``actors``, ``efforts``, ``participation``, ``relations`` and
``map``, so the workbook also loads as the map it reports on.

As in :mod:`actormap.files.xlsx`, every text cell is stored as text, so a name
such as ``=cmd|' /C calc'!A0`` never becomes a formula. Every sheet has its
header row frozen, its column widths set, and the map's name, the date and
the filters in its printed header and footer.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Alignment, Font, PatternFill

from actormap.analysis.coverage import actor_profiles, coverage, responsibility_matrix
from actormap.analysis.reading import reading_order
from actormap.export.text import xml_safe
from actormap.files.xlsx import META_SHEET, meta_to_sheet
from actormap.i18n import code_label, codes_text, level_name, t
from actormap.schema import LEVELS, ROLES, TABLES
from actormap.view.labels import (
    cell_key,
    coverage_cells,
    grid_rows,
    level_labels,
    rule_title,
    severity_label,
    shortened,
    target_group_labels,
)
from actormap.view.selection import Selection, filter_parts
from actormap.view.style import cell_color, cell_text_color

__all__ = ["report_workbook"]

HEADER_FILL = PatternFill("solid", fgColor="DDE3EA")
SEVERITY_FILLS = {"high": "F5B7B1", "medium": "FAD7A0", "low": "FCF3CF"}
MEASURES = ("efforts", "actors", "lead_actors")
MATRIX_CELLS = 20_000
"""Above this many actor x effort cells, "who does what" lists one row per actor and effort instead of a grid."""


def report_workbook(selection: Selection) -> bytes:
    """The report of ``selection`` as ``.xlsx`` bytes, in the selection's language."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    language = selection.language
    _about(workbook, selection)
    _findings(workbook, selection)
    _coverage(workbook, selection)
    _matrix(workbook, selection)
    _profiles(workbook, selection)
    tables = selection.actor_map.tables
    for name in TABLES:
        if name in tables:
            table = tables[name].fillna("").astype(str)
            _sheet(workbook, name, list(map(str, table.columns)), table.values.tolist(), selection)
    _sheet(workbook, META_SHEET, *meta_to_sheet(selection.actor_map.meta), selection)
    workbook.properties.title = xml_safe(selection.title)
    workbook.properties.subject = xml_safe(selection.description)
    workbook.properties.language = language
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet(
    workbook: Workbook,
    title: str,
    header: list[str],
    rows: list[list],
    selection: Selection,
    freeze: str = "A2",
    wide: tuple[int, ...] = (),
    width: int | None = None,
):
    """A sheet of a header row and rows: text stays text, header frozen, widths set, printed with the stamp.

    Columns in ``wide`` wrap their text at 70 characters; ``width`` fixes the width of all but the first column.
    """
    sheet = workbook.create_sheet(title[:31])
    for cells in [header, *rows]:
        sheet.append([xml_safe(cell) if isinstance(cell, str) else cell for cell in cells])
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = TYPE_STRING
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for column, name in enumerate(header, start=1):
        letter = sheet.cell(1, column).column_letter
        longest = max([len(str(name))] + [len(str(row[column - 1])) for row in rows[:500] if len(row) >= column])
        chosen = width if width is not None and column > 1 else min(max(longest + 2, 8), 70 if column in wide else 45)
        sheet.column_dimensions[letter].width = chosen
        if column in wide or width is not None:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = freeze
    _print_setup(sheet, selection)
    return sheet


def _print_setup(sheet, selection: Selection) -> None:
    """Landscape, one page wide, header row on every page; the map, date and filters on every page."""

    def code(text: str, limit: int) -> str:
        return shortened(xml_safe(text).replace("&", "&&"), limit)

    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.oddHeader.center.text = code(selection.title, 120)
    sheet.oddHeader.center.size = 11
    sheet.oddFooter.left.text = code(" · ".join(selection.notes[-2:]), 180)
    sheet.oddFooter.left.size = 8
    sheet.oddFooter.right.text = "&P / &N"


def _about(workbook: Workbook, selection: Selection) -> None:
    language, meta = selection.language, selection.source.meta
    rows: list[list] = [[t("export.about_map", language), selection.title]]
    rows += [[t(f"export.about_{key}", language), str(meta[key])] for key in ("municipality", "year") if meta.get(key)]
    rows += [
        [t("export.about_exported", language), selection.date.isoformat()],
        [t("export.about_version", language), selection.source.version[:8]],
        [t("export.about_filters", language), "; ".join(filter_parts(selection)) or t("export.filters_none", language)],
    ]
    rows += [list(figure) for figure in selection.figures]
    if meta.get("description"):
        rows.append([t("export.about_description", language), str(meta["description"])])
    _sheet(
        workbook,
        t("export.sheet_about", language),
        [t("export.field", language), t("export.value", language)],
        rows,
        selection,
        wide=(2,),
    )


def _names(selection: Selection) -> dict[str, str]:
    return selection.source.actor_names | selection.source.effort_names


def _findings(workbook: Workbook, selection: Selection) -> None:
    language, findings, names = selection.language, reading_order(selection.findings), _names(selection)
    header = [
        t(key, language)
        for key in (
            "ui.col_severity",
            "ui.col_rule",
            "ui.col_level",
            "export.col_to_level",
            "ui.col_target_group",
            "ui.col_message",
            "ui.efforts",
            "ui.actors",
        )
    ]
    with_new = bool(selection.filters.without)
    header += [t("export.col_new", language)] if with_new else []
    header += [t("export.col_effort_ids", language), t("export.col_actor_ids", language)]
    rows = []
    for finding in findings.itertuples():
        groups = codes_text("target_group", finding.target_group, language)
        row = [
            severity_label(finding.severity, language),
            rule_title(finding.rule, language),
            level_name(finding.level, language) if finding.level else "",
            level_name(finding.to_level, language) if finding.to_level else "",
            groups,
            finding.message,
            "; ".join(names.get(e, e) for e in finding.efforts),
            "; ".join(names.get(a, a) for a in finding.actors),
        ]
        row += [t("export.new", language) if finding.new else ""] if with_new else []
        rows.append(row + [",".join(finding.efforts), ",".join(finding.actors)])
    sheet = _sheet(workbook, t("export.sheet_findings", language), header, rows, selection, wide=(6,))
    for (cell,), severity in zip(sheet.iter_rows(min_row=2, max_col=1), findings["severity"]):
        cell.fill = PatternFill("solid", fgColor=SEVERITY_FILLS[severity])
    sheet.auto_filter.ref = sheet.dimensions


def _coverage(workbook: Workbook, selection: Selection) -> None:
    """Three blocks (efforts, actors, lead actors), levels down and target groups across, then the key.

    A cell is filled by its state and says it as in the app: a count (a
    number, also 0 for an empty cell) or a mark (text).
    """
    language = selection.language
    levels, groups = selection.shown_levels, selection.shown_target_groups
    counts = coverage(selection.actor_map)
    labels = target_group_labels(groups, language)
    rows: list[list] = []
    states: list[list[str]] = []
    for measure in MEASURES:
        if rows:
            rows += [[], [t(f"ui.measure_{measure}", language), *labels]]
            states += [[], []]
        texts, grid_states = coverage_cells(counts, measure, levels, groups, language)
        rows += [[heading, *map(_count_or_mark, cells)] for heading, *cells in grid_rows(texts)]
        states += [["", *row] for row in grid_states.values.tolist()]
    key = cell_key(language)
    rows += [[], [t("ui.cell_key", language)], *([mark, meaning] for _, mark, meaning in key)]
    states += [[], [], *([state] for state, _, _ in key)]
    header = [t("ui.measure_efforts", language), *labels]
    sheet = _sheet(workbook, t("export.sheet_coverage", language), header, rows, selection, width=16)
    for cells, row_states in zip(sheet.iter_rows(min_row=2), states):
        for cell, state in zip(cells, row_states):
            if state:
                fill = cell_color(state)[1:]
                cell.fill = PatternFill("solid", fgColor=fill, bgColor=fill)
                cell.font = Font(bold=state == "uncovered", color=cell_text_color(state)[1:])
                cell.alignment = Alignment(horizontal="center")
    for block in range(1, len(MEASURES)):
        for cell in sheet[1 + block * (len(levels) + 2)]:
            cell.font, cell.fill = Font(bold=True), HEADER_FILL
    sheet.cell(len(MEASURES) * (len(levels) + 2) + 1, 1).font = Font(bold=True)


def _count_or_mark(text: str) -> int | str:
    """A coverage cell's text as the workbook stores it: a count as a number, a mark as text."""
    return int(text) if text.isdigit() else text


def _matrix(workbook: Workbook, selection: Selection) -> None:
    """Actors x efforts with the roles; above :data:`MATRIX_CELLS` cells one row per actor and effort instead."""
    language, names, actor_map = selection.language, _names(selection), selection.actor_map
    efforts = actor_map.active_efforts
    pairs = actor_map.active_participation
    if selection.filters.narrows():
        pairs = pairs[pairs["actor"].isin(selection.actors) & pairs["effort"].isin(selection.efforts)]
    levels = dict(zip(efforts["id"], efforts["level"]))

    def roles(cell: str) -> str:
        return ", ".join(code_label("role", role, language) for role in ROLES if role in cell.split(","))

    title = t("export.sheet_matrix", language)
    if pairs["actor"].nunique() * pairs["effort"].nunique() > MATRIX_CELLS:
        held = pairs.groupby(["actor", "effort"], sort=False)["role"].agg(",".join).reset_index()
        actor_rank = {actor: rank for rank, actor in enumerate(actor_map.actors["id"])}
        held = held.assign(
            _actor=held["actor"].map(actor_rank), _level=held["effort"].map(lambda effort: LEVELS.index(levels[effort]))
        ).sort_values(["_actor", "_level"], kind="stable")
        header = [t(key, language) for key in ("ui.profile_actor", "ui.col_level", "ui.col_effort", "ui.roles")]
        rows = [
            [names.get(actor, actor), level_name(levels[effort], language), names.get(effort, effort), roles(held)]
            for actor, effort, held in zip(held["actor"], held["effort"], held["role"])
        ]
        _sheet(workbook, title, header, rows, selection)
        return
    matrix = responsibility_matrix(actor_map)
    matrix = matrix.loc[matrix.index.isin(pairs["actor"]), matrix.columns.isin(pairs["effort"])]
    header = [t("ui.profile_actor", language)]
    header += [f"{level_name(levels[effort], language)} · {names.get(effort, effort)}" for effort in matrix.columns]
    rows = [[names.get(actor, actor), *map(roles, cells)] for actor, cells in zip(matrix.index, matrix.values.tolist())]
    sheet = _sheet(workbook, title, header, rows, selection, freeze="B2", width=22)
    sheet.row_dimensions[1].height = 62


def _profiles(workbook: Workbook, selection: Selection) -> None:
    language = selection.language
    profiles = actor_profiles(selection.actor_map)
    if selection.filters.narrows():
        profiles = profiles[profiles["actor"].isin(selection.actors)]
    header = [
        t(key, language)
        for key in (
            "ui.profile_actor",
            "ui.actor_type",
            "ui.levels",
            "ui.roles",
            "ui.efforts",
            "ui.profile_partners",
            "export.col_id",
        )
    ]
    rows = [
        [
            profile.name,
            code_label("type", profile.type, language),
            ", ".join(level_labels(profile.levels, language)),
            ", ".join(code_label("role", role, language) for role in profile.roles),
            profile.efforts,
            profile.partners,
            profile.actor,
        ]
        for profile in profiles.itertuples()
    ]
    sheet = _sheet(workbook, t("export.sheet_profiles", language), header, rows, selection)
    sheet.auto_filter.ref = sheet.dimensions
