"""Earlier versions of a map folder, kept in ``MAP/.history/<time>/`` on every save.

Each save first copies the files it is about to replace into a new folder
named by the UTC time; a retention setting bounds how many are kept.
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

from actormap.files.load import load_map

__all__ = ["HISTORY_DIR", "history_map", "history_time", "keep_previous", "list_history"]

HISTORY_DIR = ".history"
STAMP = "%Y%m%dT%H%M%S.%fZ"


def keep_previous(folder: Path, files: dict[str, bytes], keep: int) -> Path | None:
    """Store ``files`` (the version about to be replaced) and drop all but the ``keep`` newest versions."""
    if keep <= 0 or not files:
        return None
    stamp = datetime.datetime.now(datetime.UTC).strftime(STAMP)
    target = folder / HISTORY_DIR / stamp
    target.mkdir(parents=True)
    for name, data in files.items():
        (target / name).write_bytes(data)
    for old in list_history(folder)[keep:]:
        shutil.rmtree(folder / HISTORY_DIR / old)
    return target


def list_history(folder: str | Path) -> list[str]:
    """The kept versions of a map folder, newest first (folder names, which are UTC times)."""
    root = Path(folder) / HISTORY_DIR
    if not root.is_dir():
        return []
    return sorted((child.name for child in root.iterdir() if child.is_dir()), reverse=True)


def history_time(stamp: str) -> datetime.datetime:
    """When a kept version was replaced, as an aware UTC datetime."""
    return datetime.datetime.strptime(stamp, STAMP).replace(tzinfo=datetime.UTC)


def history_map(folder: str | Path, stamp: str):
    """Load a kept version, to restore it; raises :class:`MapError` when it has errors or is missing."""
    return load_map(Path(folder) / HISTORY_DIR / stamp)
