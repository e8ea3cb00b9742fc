"""Loading a map from a folder, a workbook, or uploaded files, with every problem located."""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from actormap.files.csvfile import parse_csv
from actormap.files.meta import parse_meta
from actormap.files.xlsx import META_SHEET, meta_from_sheet, read_workbook
from actormap.model import ActorMap, CsvDialect, TableFormat
from actormap.schema import META_FILE, REQUIRED_TABLES, TABLES
from actormap.validation.checks import validate_map
from actormap.validation.metadata import check_meta
from actormap.validation.problems import MapError, NotAMapError, Problem, problem, problems_frame

__all__ = ["check_map", "load_map", "map_files", "read_map", "saved_on", "version_of"]

MAP_FILES = (META_FILE, *(f"{name}.csv" for name in TABLES))


def load_map(path: str | Path) -> ActorMap:
    """Load and validate the map at ``path`` (a folder or an ``.xlsx`` workbook).

    Parameters
    ----------
    path : str or Path
        A folder holding ``actors.csv``, ``efforts.csv``, ``participation.csv``
        (optionally ``relations.csv`` and ``map.toml``), or an ``.xlsx`` workbook.

    Returns
    -------
    ActorMap
        The map; its warnings, if any, are in ``warnings``.

    Raises
    ------
    NotAMapError
        When ``path`` is neither a map folder nor a workbook.
    MapError
        When the map has errors; ``error.problems`` lists every problem.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "actors.csv").write_text("id,name,type\\nsn,Socialnämnden,committee\\n")
    >>> _ = (folder / "efforts.csv").write_text("id,name,level,target_groups\\nm,Mini-Maria,4,youth\\n")
    >>> _ = (folder / "participation.csv").write_text("actor,effort,role\\nsn,m,lead\\n")
    >>> load_map(folder).efforts.loc[2, "level"]
    'treatment'
    """
    actor_map, problems = check_map(path)
    if (problems["severity"] == "error").any():
        raise MapError(problems)
    return actor_map


def check_map(path: str | Path) -> tuple[ActorMap, pd.DataFrame]:
    """Load the map at ``path`` and return it (with what could be read) and the table of all its problems.

    Unlike :func:`load_map`, errors in the map do not raise.

    Parameters
    ----------
    path : str or Path
        A map folder or an ``.xlsx`` workbook.

    Returns
    -------
    actor_map : ActorMap
        The map, with what could be read.
    problems : DataFrame
        Every error and warning, with the columns ``file``, ``row``, ``column``,
        ``code``, ``severity``, ``message`` and ``fields``; empty when all is well.

    Raises
    ------
    NotAMapError
        When ``path`` is neither a map folder nor a workbook.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "actors.csv").write_text("id,name,type\\nsn,Social board,committee\\n")
    >>> actor_map, problems = check_map(folder)
    >>> problems[["file", "code"]].values.tolist()
    [['efforts.csv', 'missing-file'], ['participation.csv', 'missing-file']]
    >>> list(actor_map.actors["id"])
    ['sn']
    """
    return read_map(map_files(path), name=Path(path).stem, saved=saved_on(path))


def map_files(path: str | Path) -> dict[str, bytes]:
    """The bytes of a map's files by name: the workbook, or the folder's map files."""
    path = Path(path)
    if path.is_file() and path.suffix.lower() == ".xlsx":
        return {path.name: path.read_bytes()}
    if not path.is_dir():
        detail = "no_folder" if not path.exists() else "not_folder"
        raise NotAMapError(problems_frame([problem("not-a-map", str(path), path=path, detail=detail)]))
    by_lower = {child.name.lower(): child for child in path.iterdir() if child.is_file()}
    files = {name: by_lower[name].read_bytes() for name in MAP_FILES if name in by_lower}
    if not files:
        raise NotAMapError(
            problems_frame(
                [problem("not-a-map", str(path), path=path, detail="no_map_files", files=", ".join(MAP_FILES))]
            )
        )
    return files


def saved_on(path: str | Path) -> datetime.date | None:
    """The day a map's files were last written: its workbook's, or the newest of its folder's map files."""
    path = Path(path)
    if path.is_file():
        return datetime.date.fromtimestamp(path.stat().st_mtime)
    if not path.is_dir():
        return None
    times = [child.stat().st_mtime for child in path.iterdir() if child.is_file() and child.name.lower() in MAP_FILES]
    return datetime.date.fromtimestamp(max(times)) if times else None


def version_of(files: Mapping[str, bytes]) -> str:
    """A hash of a map's file names and bytes: it changes when any file does."""
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
    return digest.hexdigest()[:16]


def read_map(
    files: Mapping[str, bytes], name: str = "", saved: datetime.date | None = None
) -> tuple[ActorMap, pd.DataFrame]:
    """Read a map from its files' bytes (a folder's files, or uploads) and validate it.

    Parameters
    ----------
    files : mapping of str to bytes
        File names to bytes: ``actors.csv``, ``efforts.csv``,
        ``participation.csv``, optionally ``relations.csv`` and ``map.toml``;
        or one ``*.xlsx`` workbook.
    name : str, optional
        The map's label (a folder or file name), used in export file names and
        as its name when ``map.toml`` gives none.
    saved : date, optional
        When the files were last written (see :func:`saved_on`); unknown for uploads.

    Returns
    -------
    actor_map : ActorMap
        The map, with what could be read.
    problems : DataFrame
        Every error and warning, as for :func:`check_map`. Nothing raises.

    Examples
    --------
    >>> files = {"map.toml": b'target_groups = ["youth"]',
    ...          "actors.csv": b"id,name,type\\nsn,Social board,committee\\npol,Police,police\\n",
    ...          "efforts.csv": b"id,name,level,target_groups\\nmm,Mini-Maria,4,youth\\n",
    ...          "participation.csv": b"actor,effort,role\\nsn,mm,lead\\npol,mm,partner\\n"}
    >>> m, problems = read_map(files, name="ale")
    >>> len(problems), m.label, list(m.actors["id"]), m.efforts.loc[2, "level"]
    (0, 'ale', ['sn', 'pol'], 'treatment')
    >>> files["participation.csv"] = b"actor,effort,role\\nsn,mm,boss\\npol,mm,partner\\n"
    >>> read_map(files)[1][["file", "row", "column", "code"]].values.tolist()
    [['participation.csv', 2, 'role', 'unknown-role']]
    """
    workbooks = [file for file in files if file.lower().endswith(".xlsx")]
    meta_source: bytes | None = None
    if workbooks:
        parsed, meta_rows, problems = _parse_workbook(workbooks[0], files[workbooks[0]])
        meta = meta_from_sheet(meta_rows)
        meta_problems = check_meta(meta, f"{workbooks[0]}[{META_SHEET}]")
    else:
        parsed, problems = _parse_csv_files(files)
        meta_source = _lookup(files, META_FILE)
        meta, meta_problems = parse_meta(meta_source, META_FILE) if meta_source is not None else ({}, [])
    problems += meta_problems
    tables, formats, table_problems = _build_tables(parsed)
    problems += table_problems
    actor_map = ActorMap(tables, meta, formats, version_of(files), meta_source=meta_source, label=name, saved=saved)
    problems += validate_map(actor_map, {table: parsed[table]["file"] for table in tables})
    frame = problems_frame(problems)
    warnings = frame[frame["severity"] == "warning"].reset_index(drop=True)
    return actor_map.with_warnings(warnings), frame


def _lookup(files: Mapping[str, bytes], name: str) -> bytes | None:
    for file, data in files.items():
        if Path(file).name.lower() == name:
            return data
    return None


def _parse_csv_files(files: Mapping[str, bytes]) -> tuple[dict, list[Problem]]:
    parsed, problems = {}, []
    for table in TABLES:
        file = f"{table}.csv"
        data = _lookup(files, file)
        if data is None:
            if table in REQUIRED_TABLES:
                problems.append(problem("missing-file", file))
            continue
        result = parse_csv(data, file)
        problems += result.problems
        if result.header:
            parsed[table] = dict(file=file, header=result.header, body=result.body, dialect=result.dialect, source=data)
        elif not any(p.code.startswith("unreadable") for p in result.problems):
            problems.append(problem("empty-file", file, columns=_required_columns(table)))
    return parsed, problems


def _parse_workbook(file: str, data: bytes) -> tuple[dict, list[list[str]], list[Problem]]:
    try:
        sheets = read_workbook(data)
    except Exception as error:  # openpyxl raises many kinds for a file that is no workbook
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        return {}, [], [problem("unreadable-workbook", file, reason=reason)]
    parsed, problems = {}, []
    for table in TABLES:
        location = f"{file}[{table}]"
        if table not in sheets:
            if table in REQUIRED_TABLES:
                problems.append(problem("missing-file", location))
            continue
        header, rows, numbers = sheets[table]
        if not header:
            problems.append(problem("empty-file", location, columns=_required_columns(table)))
            continue
        body = pd.DataFrame(rows, index=pd.Index(numbers, dtype="int64"), columns=range(len(header)), dtype=object)
        parsed[table] = dict(file=location, header=header, body=body, dialect=CsvDialect(), source=None)
    return parsed, sheets.get(META_SHEET, ([], [], []))[1], problems


def _required_columns(table: str) -> str:
    return ", ".join(column.name for column in TABLES[table] if column.required)


def _build_tables(parsed: dict) -> tuple[dict[str, pd.DataFrame], dict[str, TableFormat], list[Problem]]:
    tables, formats, problems = {}, {}, []
    for table, part in parsed.items():
        columns, keep, header_problems = _columns(table, part["header"], part["body"], part["file"])
        problems += header_problems
        frame = part["body"].iloc[:, keep].set_axis(columns, axis=1).astype(object)
        frame.index = frame.index.astype("int64")
        tables[table] = frame
        header = {column: part["header"][position] for column, position in zip(columns, keep)}
        formats[table] = TableFormat(part["dialect"], header, part["source"], frame)
    return tables, formats, problems


def _columns(
    table: str, header: list[str], body: pd.DataFrame, file: str
) -> tuple[list[str], list[int], list[Problem]]:
    """Column names (known ones canonical), the positions kept, and header problems."""
    known = {column.name for column in TABLES[table]}
    columns, keep, problems = [], [], []
    for position, text in enumerate(header):
        name = text.strip().lower() if text.strip().lower() in known else text
        if not text.strip():
            if (body[position].str.strip() != "").any():
                problems.append(problem("blank-header", file, 1, _column_letter(position)))
            continue
        if name in columns:
            problems.append(problem("duplicate-column", file, 1, name, name=name))
            continue
        columns.append(name)
        keep.append(position)
    return columns, keep, problems


def _column_letter(position: int) -> str:
    """Spreadsheet column letters: 0 -> A, 26 -> AA (any width, where openpyxl stops at XFD)."""
    letters = ""
    position += 1
    while position:
        position, remainder = divmod(position - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters
