"""The map as one Excel workbook: a sheet per table and a ``map`` sheet of key/value rows.

Every cell is read as text the way Excel shows it (a whole number stays
``7``, not ``7.0``), and every cell is written as text, so a name that
starts with ``=``, ``+``, ``-`` or ``@`` never turns into a formula. The
``map`` sheet holds the metadata of ``map.toml``, a list comma-separated,
a date as ``YYYY-MM-DD`` and each key of a table on a row of its own:

>>> meta = {"name": "Ale", "as_of": datetime.date(2016, 5, 1), "target_groups": ["youth", "adults"],
...         "coverage": {"not_expected": ["treatment:youth"]}}
>>> header, rows = meta_to_sheet(meta)
>>> rows  # doctest: +NORMALIZE_WHITESPACE
[['name', 'Ale'], ['as_of', '2016-05-01'], ['target_groups', 'youth, adults'],
 ['coverage.not_expected', 'treatment:youth']]
>>> meta_from_sheet(rows) == meta
True
"""

from __future__ import annotations

import datetime
import io
from typing import Any

from actormap.dates import as_date
from actormap.schema import TABLES

__all__ = ["META_SHEET", "SheetRows", "meta_from_sheet", "meta_to_sheet", "read_workbook", "write_workbook"]

META_SHEET = "map"

_META_TABLES = ("coverage",)
"""The tables of ``map.toml`` the sheet writes a row per key of, as ``table.key``."""
_META_LISTS = ("target_groups", "coverage.not_expected")
"""The keys whose value the sheet writes comma-separated."""

SheetRows = tuple[list[str], list[list[str]], list[int]]
"""A sheet's header cells, its data rows, and their row numbers in the sheet."""


def read_workbook(data: bytes) -> dict[str, SheetRows]:
    """Read every sheet whose name (case-insensitive) is a table or ``map``.

    Raises whatever openpyxl raises for a file that is not a workbook; the
    loader turns that into a located problem.
    """
    from openpyxl import load_workbook  # here, so that loading a folder of CSV files never imports openpyxl

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    wanted = set(TABLES) | {META_SHEET}
    sheets = {}
    for sheet in workbook.worksheets:
        name = sheet.title.strip().lower()
        if name in wanted and name not in sheets:
            sheets[name] = _sheet_rows(sheet)
    workbook.close()
    return sheets


def _sheet_rows(sheet) -> SheetRows:
    numbered = [
        (number, [_cell_text(value) for value in values])
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
    ]
    numbered = [(number, cells) for number, cells in numbered if any(cell.strip() for cell in cells)]
    if not numbered:
        return [], [], []
    (_, header), body = numbered[0], numbered[1:]
    while (
        header
        and not header[-1].strip()
        and not any(len(c) >= len(header) and c[len(header) - 1].strip() for _, c in body)
    ):
        header = header[:-1]
    width = len(header)
    rows = [cells[:width] + [""] * (width - len(cells)) for _, cells in body]
    return header, rows, [number for number, _ in body]


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


def meta_to_sheet(meta: dict) -> tuple[list[str], list[list[str]]]:
    """The ``map`` sheet of ``meta``: its header and one key/value row per key (a table's keys as ``table.key``)."""
    rows = []
    for key, value in meta.items():
        if isinstance(value, dict):
            rows += [[f"{key}.{name}", _meta_cell(item)] for name, item in value.items()]
        else:
            rows.append([key, _meta_cell(value)])
    return ["key", "value"], rows


def _meta_cell(value) -> str:
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def meta_from_sheet(rows: list[list[str]]) -> dict[str, Any]:
    """The metadata in the ``map`` sheet's rows (below its header), as ``map.toml`` would hold it.

    ``target_groups`` and ``coverage.not_expected`` become lists, a whole
    ``year`` a number, an ``as_of`` written YYYY-MM-DD a date, and rows
    ``coverage.<key>`` the table ``coverage``. Values that are none of these
    stay text; :func:`actormap.validation.metadata.check_meta` reports them.
    """
    cells = {row[0].strip(): row[1].strip() if len(row) > 1 else "" for row in rows if row and row[0].strip()}
    meta: dict[str, Any] = {}
    for key, text in cells.items():
        value: Any = [item.strip() for item in text.split(",") if item.strip()] if key in _META_LISTS else text
        table, _, name = key.partition(".")
        if table in _META_TABLES and name and not isinstance(meta.get(table), str):
            meta.setdefault(table, {})[name] = value
        else:
            meta[key] = value
    if meta.get("year", "").isdecimal():  # not isdigit: "²" is a digit that int() refuses
        meta["year"] = int(meta["year"])
    if isinstance(meta.get("as_of"), str) and as_date(meta["as_of"]) is not None:
        meta["as_of"] = as_date(meta["as_of"])
    return meta


def write_workbook(sheets: dict[str, tuple[list[str], list[list[str]]]], meta: dict) -> bytes:
    """Write the tables and the metadata (as the ``map`` sheet) as an ``.xlsx`` workbook; every cell is text."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, (header, rows) in sheets.items():
        _write_sheet(workbook.create_sheet(name), header, rows)
    _write_sheet(workbook.create_sheet(META_SHEET), *meta_to_sheet(meta))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_sheet(sheet, header: list[str], rows: list[list[str]]) -> None:
    from openpyxl.cell.cell import TYPE_STRING

    for cells in [header, *rows]:
        sheet.append(cells)
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is not None:
                cell.data_type = TYPE_STRING
    sheet.freeze_panes = "A2"
    for column, title in enumerate(header, start=1):
        width = max([len(title)] + [len(str(row[column - 1])) for row in rows[:200]])
        sheet.column_dimensions[sheet.cell(1, column).column_letter].width = min(max(width + 2, 8), 60)
