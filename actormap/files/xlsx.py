"""The map as one Excel workbook: a sheet per table and a ``map`` sheet of key/value rows.

Every cell is read as text the way Excel shows it (a whole number stays
``7``, not ``7.0``), and every cell is written as text, so a name that
starts with ``=``, ``+``, ``-`` or ``@`` never turns into a formula. The
``map`` sheet holds the metadata of ``map.toml``, a list comma-separated,
a date as ``YYYY-MM-DD``, each key of a table on a row of its own
(``coverage.not_expected``) and each key of an entry of an array of tables
with the entry's number from 1 (``expect[2].to``). ``from`` and ``to`` of an
``[[expect]]`` are one actor id or type, or a list of them: a comma makes the
cell a list (``committee,`` is a list of one).

>>> meta = {"name": "Ale", "as_of": datetime.date(2016, 5, 1), "target_groups": ["youth", "adults"],
...         "coverage": {"not_expected": ["treatment:youth"]},
...         "expect": [{"id": "pol", "from": ["sn"], "to": "police", "kind": "agreement", "basis": "KF 2016"}]}
>>> header, rows = meta_to_sheet(meta)
>>> rows  # doctest: +NORMALIZE_WHITESPACE
[['name', 'Ale'], ['as_of', '2016-05-01'], ['target_groups', 'youth, adults'],
 ['coverage.not_expected', 'treatment:youth'], ['expect[1].id', 'pol'], ['expect[1].from', 'sn,'],
 ['expect[1].to', 'police'], ['expect[1].kind', 'agreement'], ['expect[1].basis', 'KF 2016']]
>>> meta_from_sheet(rows) == meta
True
"""

from __future__ import annotations

import datetime
import io
import re
from typing import Any

from actormap.dates import as_date
from actormap.schema import TABLES

__all__ = ["META_SHEET", "SheetRows", "meta_from_sheet", "meta_to_sheet", "read_workbook", "write_workbook"]

META_SHEET = "map"

_META_TABLES = ("coverage",)
"""The tables of ``map.toml`` the sheet writes a row per key of, as ``table.key``."""
_META_ARRAYS = ("pathway", "expect")
"""The arrays of tables of ``map.toml`` the sheet writes a row per key of each entry, as ``array[n].key``."""
_META_LISTS = ("target_groups", "coverage.not_expected", "user_voice_levels", "expect_off", "pathway[].steps")
"""The keys whose value the sheet writes comma-separated (an entry's key with ``[]`` for its number)."""
_META_ITEM_LISTS = ("expect[].from", "expect[].to")
"""The keys that hold one item or a list: a cell with a comma is a list, and a list of one ends with a comma."""
_ENTRY = re.compile(r"(\w+)\[(\d+)\]\.(.+)", re.ASCII)

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
    """The ``map`` sheet of ``meta``: its header and one key/value row per key.

    A table's keys are rows ``table.key``; the keys of each entry of an array
    of tables (a list of tables) are rows ``array[n].key``, ``n`` from 1.
    """
    rows = []
    for key, value in meta.items():
        if isinstance(value, dict):
            rows += [[f"{key}.{name}", _meta_cell(item)] for name, item in value.items()]
        elif isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            for number, entry in enumerate(value, start=1):
                rows += [
                    [f"{key}[{number}].{name}", _meta_cell(item, f"{key}[].{name}")] for name, item in entry.items()
                ]
        else:
            rows.append([key, _meta_cell(value)])
    return ["key", "value"], rows


def _meta_cell(value, key: str = "") -> str:
    if isinstance(value, list):
        text = ", ".join(map(str, value))
        return text + "," if key in _META_ITEM_LISTS and len(value) == 1 else text
    return str(value)


def meta_from_sheet(rows: list[list[str]]) -> dict[str, Any]:
    """The metadata in the ``map`` sheet's rows (below its header), as ``map.toml`` would hold it.

    ``target_groups``, ``user_voice_levels``, ``expect_off``,
    ``coverage.not_expected`` and each pathway's ``steps`` become lists (an
    ``[[expect]]``'s ``from`` and ``to`` when they hold a comma), a whole
    ``year`` a number, an ``as_of`` or ``until`` written YYYY-MM-DD a date,
    rows ``coverage.<key>`` the table ``coverage``, and rows
    ``pathway[n].<key>`` and ``expect[n].<key>`` the arrays of tables, in
    the order of their numbers. Values that are none of these stay text;
    :func:`actormap.validation.metadata.check_meta` reports them.
    """
    cells = {row[0].strip(): row[1].strip() if len(row) > 1 else "" for row in rows if row and row[0].strip()}
    meta: dict[str, Any] = {}
    entries: dict[str, dict[int, dict[str, Any]]] = {}
    for key, text in cells.items():
        found = _ENTRY.fullmatch(key)
        if found and found[1] in _META_ARRAYS and not isinstance(meta.get(found[1]), str):
            array, number, name = found[1], int(found[2]), found[3]
            entries.setdefault(array, {}).setdefault(number, {})[name] = _entry_value(f"{array}[].{name}", text)
            meta.setdefault(array, [])
            continue
        value: Any = _split(text) if key in _META_LISTS else text
        table, _, name = key.partition(".")
        if table in _META_TABLES and name and not isinstance(meta.get(table), str):
            meta.setdefault(table, {})[name] = value
        else:
            meta[key] = value
    for array, numbered in entries.items():
        meta[array] = [numbered[number] for number in sorted(numbered)]
    if meta.get("year", "").isdecimal():  # not isdigit: "²" is a digit that int() refuses
        meta["year"] = int(meta["year"])
    if isinstance(meta.get("as_of"), str) and as_date(meta["as_of"]) is not None:
        meta["as_of"] = as_date(meta["as_of"])
    return meta


def _split(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


def _entry_value(key: str, text: str) -> Any:
    """An entry's cell as ``map.toml`` holds it: a list, a date (``until``) or text."""
    if key in _META_LISTS or (key in _META_ITEM_LISTS and "," in text):
        return _split(text)
    if key.endswith("].until") and as_date(text) is not None:
        return as_date(text)
    return text


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
