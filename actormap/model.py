"""The loaded map: raw tables as the files hold them, metadata, and how each file was written."""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass, field, replace
from functools import cached_property

import pandas as pd

from actormap.dates import as_date, first_day
from actormap.expected import Expectation, Pathway, held_expectations, read_pathways, read_user_voice_levels
from actormap.i18n import read_cell
from actormap.normalize import normalize_table
from actormap.schema import DEFAULT_NOT_EXPECTED, DEFAULT_TARGET_GROUPS, TABLES

__all__ = ["ActorMap", "CsvDialect", "Expectation", "Pathway", "TableFormat", "ancestors", "descendants"]


@dataclass(frozen=True)
class CsvDialect:
    """How a CSV file is written: its text encoding, BOM, delimiter and line ending."""

    encoding: str = "utf-8"
    bom: bool = False
    delimiter: str = ","
    newline: str = "\n"


@dataclass(frozen=True)
class TableFormat:
    """What a save needs to write a table back as it came.

    ``header`` maps each column of the table to the header text in the file
    (column names are matched case-insensitively and trimmed, so ``" Name"``
    is the column ``name``). ``source`` and ``loaded`` are the file's bytes
    and the table as loaded: a table that was not edited is written back
    byte for byte.
    """

    dialect: CsvDialect = CsvDialect()
    header: dict[str, str] = field(default_factory=dict)
    source: bytes | None = None
    loaded: pd.DataFrame | None = field(default=None, compare=False, repr=False)

    def unchanged(self, table: pd.DataFrame) -> bool:
        """Whether ``table`` holds exactly the columns and cells that were loaded (the index aside)."""
        if self.loaded is None:
            return False
        if table is self.loaded:
            return True
        return (
            list(table.columns) == list(self.loaded.columns)
            and table.shape == self.loaded.shape
            and bool((table.fillna("").to_numpy() == self.loaded.fillna("").to_numpy()).all())
        )


@dataclass(frozen=True)
class ActorMap:
    """A map: its tables, metadata and version.

    ``tables`` holds the raw text of each file (index = spreadsheet row
    number, header = row 1; ``relations`` may be missing). The properties
    ``actors``, ``efforts``, ``participation`` and ``relations`` give the
    clean views that validation and analysis read. ``version`` is a hash of
    the files' content, for :func:`actormap.save_map`'s conflict check.
    """

    tables: dict[str, pd.DataFrame]
    meta: dict
    formats: dict[str, TableFormat] = field(default_factory=dict)
    version: str = ""
    warnings: pd.DataFrame | None = None
    meta_source: bytes | None = None
    label: str = ""
    saved: datetime.date | None = None

    @property
    def target_groups(self) -> tuple[str, ...]:
        """The map's target groups in order; the default ones when ``map.toml`` gives no list (validation says why)."""
        groups = self.meta.get("target_groups")
        return tuple(groups) if isinstance(groups, list) and groups else DEFAULT_TARGET_GROUPS

    @property
    def name(self) -> str:
        """The map's name from its metadata, else its folder or file name."""
        return str(self.meta.get("name") or self.label)

    @property
    def language(self) -> str:
        return str(self.meta.get("language") or "en")

    def with_warnings(self, warnings: pd.DataFrame) -> ActorMap:
        """The same map carrying its validation warnings (the clean views already built are kept)."""
        copy = replace(self, warnings=warnings)
        fields = {item.name for item in dataclasses.fields(self)}
        copy.__dict__.update({key: value for key, value in self.__dict__.items() if key not in fields})
        return copy

    def clean(self, table: str) -> pd.DataFrame:
        """The clean view of ``table`` (see :func:`actormap.normalize.normalize_table`)."""
        return self._clean[table]

    @cached_property
    def _clean(self) -> dict[str, pd.DataFrame]:
        return {name: normalize_table(name, self.tables.get(name), self.target_groups) for name in TABLES}

    @property
    def as_of(self) -> datetime.date:
        """The date the map describes (``as_of`` in ``map.toml``), else today."""
        return as_date(self.meta.get("as_of")) or datetime.date.today()

    @cached_property
    def not_expected(self) -> frozenset[tuple[str, str]]:
        """The (level, target group) cells no effort is expected in: ``[coverage] not_expected``, else the default.

        Levels may be written as an id, a number or a name in any language;
        entries that name no level are left to validation.
        """
        coverage = self.meta.get("coverage")
        written = coverage.get("not_expected") if isinstance(coverage, dict) else None
        if not isinstance(written, list):
            return frozenset(DEFAULT_NOT_EXPECTED)
        return frozenset(cell for entry in written if (cell := read_cell(entry)))

    @cached_property
    def pathways(self) -> tuple[Pathway, ...]:
        """The map's declared pathways with two or more steps that name a level; validation reports the rest."""
        return read_pathways(self.meta)

    @cached_property
    def expectations(self) -> tuple[Expectation, ...]:
        """The relations the map must have on :attr:`as_of` (see :func:`actormap.expected.held_expectations`)."""
        return held_expectations(self.meta, self.as_of)

    @property
    def user_voice_levels(self) -> tuple[str, ...]:
        """The levels at which users are served and should be heard (``user_voice_levels``, else the default)."""
        return read_user_voice_levels(self.meta)

    @cached_property
    def active_efforts(self) -> pd.DataFrame:
        """The efforts that have not ended, planned ones included: the rules about arrangements read these."""
        return self.efforts[self.efforts["status"] != "ended"]

    @cached_property
    def planned_ids(self) -> frozenset[str]:
        """The efforts that are only planned: ``status`` planned, or a ``start`` after :attr:`as_of`."""
        efforts, as_of = self.active_efforts, self.as_of
        dated = efforts[efforts["start"] != ""]
        later = [(first_day(start) or as_of) > as_of for start in dated["start"]]
        return frozenset(efforts.loc[efforts["status"] == "planned", "id"]) | frozenset(dated["id"][later])

    @cached_property
    def running_efforts(self) -> pd.DataFrame:
        """The efforts that run (not ended, not planned): the only ones that cover a cell or carry a handover."""
        return self.active_efforts[~self.active_efforts["id"].isin(self.planned_ids)]

    @cached_property
    def active_cells(self) -> pd.DataFrame:
        """One row per not ended effort and target group it reaches: ``id``, ``level``, ``target_group``."""
        return _cells(self.active_efforts)

    @cached_property
    def running_cells(self) -> pd.DataFrame:
        """One row per running effort and target group it reaches: ``id``, ``level``, ``target_group``."""
        return _cells(self.running_efforts)

    @cached_property
    def active_participation(self) -> pd.DataFrame:
        """Participation rows in efforts that have not ended, with the effort's level and target groups."""
        return _with_efforts(self.participation, self.active_efforts)

    @cached_property
    def running_participation(self) -> pd.DataFrame:
        """Participation rows in running efforts, with the effort's level and target groups."""
        return _with_efforts(self.participation, self.running_efforts)

    @cached_property
    def actor_names(self) -> dict[str, str]:
        """Each actor's name by id."""
        return dict(zip(self.actors["id"].tolist(), self.actors["name"].tolist()))

    @cached_property
    def effort_names(self) -> dict[str, str]:
        """Each effort's name by id."""
        return dict(zip(self.efforts["id"].tolist(), self.efforts["name"].tolist()))

    @property
    def actors(self) -> pd.DataFrame:
        return self.clean("actors")

    @property
    def efforts(self) -> pd.DataFrame:
        return self.clean("efforts")

    @property
    def participation(self) -> pd.DataFrame:
        return self.clean("participation")

    @property
    def relations(self) -> pd.DataFrame:
        return self.clean("relations")


def _cells(efforts: pd.DataFrame) -> pd.DataFrame:
    cells = efforts[["id", "level", "target_groups"]].explode("target_groups")
    return cells.rename(columns={"target_groups": "target_group"})


def _with_efforts(participation: pd.DataFrame, efforts: pd.DataFrame) -> pd.DataFrame:
    kept = efforts[["id", "level", "target_groups"]]
    return participation.merge(kept, left_on="effort", right_on="id", how="inner").drop(columns="id")


def descendants(table: pd.DataFrame, ids: set[str]) -> set[str]:
    """``ids`` and every row below them down the ``parent`` chains: sub-units of actors, or measures of plans.

    Examples
    --------
    >>> actors = pd.DataFrame({"id": ["kf", "sn", "ifo", "vc"], "parent": ["", "kf", "sn", ""]})
    >>> sorted(descendants(actors, {"sn"}))
    ['ifo', 'sn']
    """
    found = set(ids)
    while True:
        below = set(table.loc[table["parent"].isin(found) & ~table["id"].isin(found), "id"])
        if not below:
            return found
        found |= below


def ancestors(actors: pd.DataFrame, ids: set[str]) -> set[str]:
    """Every row up the ``parent`` chains of ``ids`` (a loop ends the walk): actors, or efforts and their plans.

    Examples
    --------
    >>> actors = pd.DataFrame({"id": ["kf", "sn", "ifo"], "parent": ["", "kf", "sn"]})
    >>> sorted(ancestors(actors, {"ifo"}))
    ['kf', 'sn']
    """
    parent = dict(zip(actors["id"].tolist(), actors["parent"].tolist()))
    found: set[str] = set()
    for node in ids:
        node = parent.get(node, "")
        while node and node not in found:
            found.add(node)
            node = parent.get(node, "")
    return found
