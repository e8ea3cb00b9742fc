"""Saving a map: validated first, written atomically, refused when someone else saved in between."""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
from dataclasses import replace
from pathlib import Path

from actormap.files.csvfile import write_csv
from actormap.files.history import HISTORY_DIR, history_map, keep_previous
from actormap.files.load import map_files, version_of
from actormap.files.meta import dump_meta, parse_meta
from actormap.files.xlsx import write_workbook
from actormap.model import ActorMap, CsvDialect, TableFormat
from actormap.schema import META_FILE
from actormap.validation.checks import check_tables
from actormap.validation.problems import ConflictError, MapError, NotAMapError

__all__ = ["HISTORY_KEEP", "atomic_write", "map_bytes", "restore_version", "save_map", "table_rows"]

LOCK_FILE = "lock"
"""The lock file that serialises saves to a folder, kept in its ``.history`` so the map's own folder stays clean."""
HISTORY_KEEP = 20
"""How many earlier versions a folder keeps by default."""


def save_map(
    actor_map: ActorMap,
    path: str | Path,
    expected_version: str | None = None,
    excel: bool = False,
    keep_history: int = HISTORY_KEEP,
) -> str:
    """Write ``actor_map`` to the folder or ``.xlsx`` workbook ``path``; return the new version.

    Tables that were not edited are written back byte for byte; edited ones
    as UTF-8 with the file's own delimiter, line ending and column order
    (with a BOM where the file had one, where it came as another encoding,
    or where ``excel`` asks for it). Each file is written to a temporary
    file and renamed over the old one, so a crash leaves the old file whole.
    A folder's files as they were are first kept in ``.history/`` (the
    ``keep_history`` newest versions; 0 keeps none).

    Parameters
    ----------
    actor_map : ActorMap
        The map to write.
    path : str or Path
        A folder (created if missing) or an ``.xlsx`` workbook.
    expected_version : str, optional
        The version the map was loaded at (:attr:`ActorMap.version`); when
        given, the save is refused if the files on disk are no longer at it.
    excel : bool, default False
        Write edited CSV files with a BOM, so Excel reads them as UTF-8.
    keep_history : int, default HISTORY_KEEP
        How many earlier versions a folder keeps in ``.history/``.

    Returns
    -------
    str
        The new version of the files on disk, to pass as ``expected_version`` next time.

    Raises
    ------
    MapError
        When the map has errors; nothing is written.
    ConflictError
        When ``expected_version`` is given and the files on disk have changed
        since (someone else saved); nothing is written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from actormap.files.load import load_map, read_map
    >>> m, _ = read_map({"actors.csv": b"id,name,type\\nsn,Social board,committee\\n",
    ...                  "efforts.csv": b"id,name,level,target_groups\\nmm,Mini-Maria,4,youth\\n",
    ...                  "participation.csv": b"actor,effort,role\\nsn,mm,lead\\n"})
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> version = save_map(m, folder)
    >>> load_map(folder).version == version
    True
    >>> save_map(m, folder, expected_version="stale")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    actormap.validation.problems.ConflictError: ... was changed by someone else since you loaded it; ...
    """
    path = Path(path)
    problems = check_tables(replace(actor_map))  # a fresh copy: no clean views cached from before the edit
    if (problems["severity"] == "error").any():
        raise MapError(problems)
    workbook = path.suffix.lower() == ".xlsx"
    files = map_bytes(actor_map, workbook=path.name if workbook else None, excel=excel)
    folder = path.parent if workbook else path
    folder.mkdir(parents=True, exist_ok=True)
    with _locked(folder):
        before = _files_on_disk(path)
        current = version_of(before) if before is not None else None
        if expected_version is not None and current != expected_version:
            raise ConflictError(
                f"{path} was changed by someone else since you loaded it; reload to see their changes, then edit again"
            )
        changed = {
            name: data
            for name, data in files.items()
            if not (folder / name).exists() or (folder / name).read_bytes() != data
        }
        if changed and not workbook and before is not None:
            keep_previous(folder, before, keep_history)
        for name, data in changed.items():
            atomic_write(folder / name, data)
    return version_of(map_files(path))


def restore_version(
    path: str | Path, stamp: str, expected_version: str | None = None, keep_history: int = HISTORY_KEEP
) -> str:
    """Make the kept version ``stamp`` the current one (the current one is kept in turn)."""
    return save_map(history_map(path, stamp), path, expected_version, keep_history=keep_history)


def _files_on_disk(path: Path) -> dict[str, bytes] | None:
    """The map's files as they are now; None when there is no map there yet."""
    try:
        return map_files(path)
    except NotAMapError:
        return None


def map_bytes(actor_map: ActorMap, workbook: str | None = None, excel: bool = False) -> dict[str, bytes]:
    """The files of a map by name: CSV files and ``map.toml``, or one workbook named ``workbook``."""
    if workbook is not None:
        sheets = {
            name: table_rows(table, actor_map.formats.get(name, TableFormat()))
            for name, table in actor_map.tables.items()
        }
        return {workbook: write_workbook(sheets, actor_map.meta)}
    files = {
        f"{name}.csv": _table_bytes(table, actor_map.formats.get(name), excel)
        for name, table in actor_map.tables.items()
    }
    if actor_map.meta or actor_map.meta_source is not None:
        files[META_FILE] = _meta_bytes(actor_map)
    return files


def _meta_bytes(actor_map: ActorMap) -> bytes:
    """The loaded ``map.toml`` when the metadata is unchanged, else the metadata written anew."""
    if actor_map.meta_source is not None and parse_meta(actor_map.meta_source, META_FILE)[0] == actor_map.meta:
        return actor_map.meta_source
    return dump_meta(actor_map.meta)


def _table_bytes(table, table_format: TableFormat | None, excel: bool) -> bytes:
    table_format = table_format or TableFormat()
    source = table_format.source
    if source is not None and not excel and table_format.unchanged(table):
        return source
    dialect = table_format.dialect
    bom = dialect.bom or excel or dialect.encoding != "utf-8"
    return write_csv(*table_rows(table, table_format), CsvDialect("utf-8", bom, dialect.delimiter, dialect.newline))


def table_rows(table, table_format: TableFormat) -> tuple[list[str], list[list[str]]]:
    header = [table_format.header.get(column, str(column)) for column in table.columns]
    return header, table.fillna("").astype(str).to_numpy().tolist()


def atomic_write(target: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``target``, then rename it over ``target``."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, target.stat().st_mode if target.exists() else 0o644)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


@contextlib.contextmanager
def _locked(folder: Path):
    """Hold an exclusive lock on the folder while checking and writing, across processes."""
    (folder / HISTORY_DIR).mkdir(exist_ok=True)
    with open(folder / HISTORY_DIR / LOCK_FILE, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
