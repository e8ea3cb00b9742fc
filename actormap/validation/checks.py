"""Every problem of a map at once: missing columns and values, unknown codes and ids, dates, cycles.

Checks run column by column with pandas, so a large map validates in about
the time it takes to read; messages are built only for the cells that fail.
"""

from __future__ import annotations

import difflib
import re
from functools import cache

import pandas as pd

from actormap.i18n import level_names
from actormap.model import ActorMap, ancestors
from actormap.schema import LEVELS, META_FILE, TABLES, Column
from actormap.validation.expected import check_expectation_actors
from actormap.validation.funding import funding_not_funder
from actormap.validation.metadata import check_meta
from actormap.validation.periods import ends_before_starts, invalid_dates
from actormap.validation.problems import Problem, problem, problems_frame

__all__ = ["check_tables", "validate_map"]

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Characters XML 1.0 forbids, so no .xlsx, GEXF or GraphML file can hold them."""
_CONTROL_BYTES = bytes(sorted(set(range(32)) - {9, 10, 13}))

MAX_SUGGESTIONS = 200
"""Did-you-mean suggestions are looked up for at most this many cells per check."""

_UNKNOWN = {
    "actor": "unknown-actor",
    "effort": "unknown-effort",
    "type": "unknown-type",
    "role": "unknown-role",
    "basis": "unknown-basis",
    "funding": "unknown-funding",
    "status": "unknown-status",
    "kind": "unknown-kind",
}
"""The problem code of a value outside its vocabulary: by the table an id refers to, or by the code column."""


def validate_map(actor_map: ActorMap, files: dict[str, str], meta_file: str | None = None) -> list[Problem]:
    """Check a map's tables against the format; return every problem found.

    ``files`` names the file (or workbook sheet) of each loaded table, for
    the problems' locations; ``meta_file`` that of the metadata, where an
    ``[[expect]]`` naming no actor of the map is located (default: the
    workbook's ``map`` sheet when the tables are sheets, else ``map.toml``).
    Tables missing from ``actor_map.tables`` are not checked here; the loader
    reports missing files.
    """
    problems: list[Problem] = []
    ids = {name: _ids(actor_map.clean(name)) for name in ("actors", "efforts")}
    for name, columns in TABLES.items():
        raw = actor_map.tables.get(name)
        if raw is None:
            continue
        clean = actor_map.clean(name)
        file = files[name]
        problems += _missing_columns(raw, columns, file) + _control_characters(raw, file)
        for column in columns:
            if column.name in raw.columns:
                problems += _check_column(clean, raw, column, file, actor_map, ids)
    for table in ("actors", "efforts"):
        if table in files:
            problems += _duplicate_ids(actor_map.clean(table), files[table])
    effort_ids = actor_map.efforts["id"]
    problems += [
        problem("ambiguous-id", files["efforts"], row, "id", value=value)
        for row, value in effort_ids[effort_ids.isin(ids["actors"].index)].items()
    ]
    if "participation" in actor_map.tables:
        problems += _duplicate_rows(actor_map.participation, files["participation"])
        problems += funding_not_funder(actor_map.participation, files["participation"])
    if "actors" in actor_map.tables:
        book = next((file.rpartition("[")[0] for file in files.values() if file.endswith("]")), "")
        meta_file = meta_file or (f"{book}[map]" if book else META_FILE)  # "map": files.xlsx.META_SHEET
        problems += check_expectation_actors(actor_map.meta.get("expect"), meta_file, ids["actors"].index)
        problems += _parent_cycles(actor_map.actors, files["actors"], "parent-cycle")
    if "efforts" in actor_map.tables:
        problems += _parent_cycles(actor_map.efforts, files["efforts"], "effort-parent-cycle")
        problems += ends_before_starts(actor_map.efforts, files["efforts"])
    return problems + _warnings(actor_map, files)


def check_tables(actor_map: ActorMap) -> pd.DataFrame:
    """Every problem of a map in memory (e.g. after edits), located by table file name and row.

    Rows are the tables' index: the spreadsheet rows as loaded, or as the
    caller numbered them after an edit.
    """
    files = {table: f"{table}.csv" for table in actor_map.tables}
    return problems_frame(check_meta(actor_map.meta, META_FILE) + validate_map(actor_map, files))


def _ids(clean: pd.DataFrame) -> pd.Series:
    """Row ids by name: the set of ids and the actor or effort name behind each."""
    named = clean[clean["id"] != ""].drop_duplicates("id")
    return pd.Series(named["name"].to_numpy(), index=named["id"].to_numpy())


def _control_characters(raw: pd.DataFrame, file: str) -> list[Problem]:
    """Cells holding a control character, which workbooks and XML cannot store (tabs and line breaks are fine).

    Each column is first checked as one joined text, in C, so a clean column costs about a millisecond.
    """
    problems = []
    for column in raw.columns:
        cells = raw[column].to_numpy(dtype=object)
        try:
            text = "\n".join(cells).encode("utf-8", "surrogatepass")
        except TypeError:  # cells that are not text (after an edit)
            text = "\n".join(cell for cell in cells if isinstance(cell, str)).encode("utf-8", "surrogatepass")
        if len(text.translate(None, _CONTROL_BYTES)) == len(text):
            continue
        for row, cell in zip(raw.index, cells):
            found = _CONTROL.search(cell) if isinstance(cell, str) else None
            if found:
                problems.append(
                    problem("control-character", file, row, str(column), character=f"U+{ord(found.group()):04X}")
                )
    return problems


def _missing_columns(raw: pd.DataFrame, columns: tuple[Column, ...], file: str) -> list[Problem]:
    header = ", ".join(str(c) for c in raw.columns) or "(nothing)"
    return [
        problem("missing-column", file, 1, column.name, name=column.name, header=header)
        for column in columns
        if column.required and column.name not in raw.columns
    ]


def _check_column(
    clean: pd.DataFrame, raw: pd.DataFrame, column: Column, file: str, actor_map: ActorMap, ids: dict
) -> list[Problem]:
    values = clean[column.name]
    if column.allowed == "target_groups":
        present = values.map(len) > 0
    else:
        present = values != ""
    problems = []
    if column.required:
        problems += [
            problem("missing-value", file, row, column.name, name=column.name) for row in values.index[~present]
        ]
    if column.allowed == "level":
        bad = values[present & ~values.isin(LEVELS)]
        problems += [_unknown_level(file, row, value) for row, value in bad.items()]
    elif column.allowed == "target_groups":
        problems += _unknown_target_groups(values, file, actor_map.target_groups)
    elif column.allowed == "date":
        problems += invalid_dates(values, file, column.name)
    elif column.allowed in ("actor", "effort"):
        known = ids[column.allowed + "s"]
        bad = values[present & ~values.isin(known.index)]
        problems += [
            problem(
                _UNKNOWN[column.allowed],
                file,
                row,
                column.name,
                value=value,
                **(_suggest_id(value, known) if n < MAX_SUGGESTIONS else {}),
            )
            for n, (row, value) in enumerate(bad.items())
        ]
    elif isinstance(column.allowed, tuple):
        bad = values[present & ~values.isin(column.allowed)]
        problems += [
            problem(
                _UNKNOWN[column.name],
                file,
                row,
                column.name,
                value=str(raw.at[row, column.name]).strip(),
                suggestion=_suggest(value, column.allowed),
                allowed=", ".join(column.allowed),
            )
            for row, value in bad.items()
        ]
    return problems


@cache
def _level_spellings() -> dict[str, tuple[str, str]]:
    """Each level's id and its name in every language, lower-cased: the spelling as written and the level."""
    spellings = {name.lower(): (name, level) for level, names in level_names().items() for name in names.values()}
    return spellings | {level: (level, level) for level in LEVELS}


def _unknown_level(file: str, row: int, value: str) -> Problem:
    spellings = _level_spellings()
    close = difflib.get_close_matches(value.lower(), list(spellings), n=1, cutoff=0.75)
    suggestion = {}
    if close:
        spelling, level = spellings[close[0]]
        suggestion = {"suggestion": spelling, "suggestion_name": level if spelling != level else ""}
    allowed = ", ".join(f"{level} ({number})" for number, level in enumerate(LEVELS, start=1))
    return problem("unknown-level", file, row, "level", value=value, allowed=allowed, **suggestion)


def _unknown_target_groups(values: pd.Series, file: str, target_groups: tuple[str, ...]) -> list[Problem]:
    exploded = values.explode().dropna()
    bad = exploded[~exploded.isin(target_groups)]
    return [
        problem(
            "unknown-target-group",
            file,
            row,
            "target_groups",
            value=value,
            suggestion=_suggest(value, target_groups),
            allowed=", ".join(target_groups),
        )
        for row, value in bad.items()
    ]


def _suggest(value: str, allowed) -> str:
    """The allowed value closest to ``value``, or ""."""
    close = difflib.get_close_matches(value.lower(), list(allowed), n=1, cutoff=0.6)
    return close[0] if close else ""


def _suggest_id(value: str, known: pd.Series) -> dict[str, str]:
    """The id a mistyped reference meant, by id or by the actor's name, with that name (none: empty)."""
    by_name = known[known.str.lower() == value.lower()]
    if len(by_name):
        return {"suggestion": by_name.index[0], "suggestion_name": by_name.iloc[0]}
    close = difflib.get_close_matches(value, list(known.index), n=1, cutoff=0.6)
    return {"suggestion": close[0], "suggestion_name": known[close[0]]} if close else {}


def _duplicate_ids(clean: pd.DataFrame, file: str) -> list[Problem]:
    """Rows that repeat an earlier row's id, each with the first row of that id."""
    values = clean["id"]
    values = values[values != ""]
    repeated = values[values.duplicated(keep="first")]
    first_rows = values.reset_index().drop_duplicates("id").set_index("id")["index"]
    return [
        problem("duplicate-id", file, row, "id", value=value, first=first_rows[value])
        for row, value in repeated.items()
    ]


def _duplicate_rows(clean: pd.DataFrame, file: str) -> list[Problem]:
    """Rows that repeat an earlier row exactly, each with the row it repeats."""
    columns = list(clean.columns)
    repeated = clean.duplicated(keep="first")
    if not repeated.any():
        return []
    involved = clean[clean.duplicated(keep=False)]
    first = involved.reset_index().groupby(columns, sort=False)["index"].transform("first")
    first.index = involved.index
    return [problem("duplicate-row", file, row, None, first=int(first[row])) for row in clean.index[repeated]]


def _parent_cycles(table: pd.DataFrame, file: str, code: str) -> list[Problem]:
    """One problem ``code`` per loop in the parent chains of actors or efforts, at the first row of the loop."""
    parent = {node: up for node, up in zip(table["id"], table["parent"]) if node and up}
    row_of = dict(zip(table["id"], table.index))
    state: dict[str, int] = {}  # 1 = on the current walk, 2 = done
    problems = []
    for start in parent:
        walk = []
        node = start
        while node in parent and node not in state:
            state[node] = 1
            walk.append(node)
            node = parent[node]
        if state.get(node) == 1:
            cycle = walk[walk.index(node) :]
            first = min(cycle, key=row_of.__getitem__)
            loop = cycle[cycle.index(first) :] + cycle[: cycle.index(first)] + [first]
            problems.append(problem(code, file, row_of[first], "parent", cycle=" → ".join(loop)))
        for visited in walk:
            state[visited] = 2
    return problems


def _warnings(actor_map: ActorMap, files: dict[str, str]) -> list[Problem]:
    if not {"actors", "efforts", "participation"} <= actor_map.tables.keys():
        return []
    participation, relations, actors = actor_map.participation, actor_map.relations, actor_map.actors
    active = set(participation["actor"]) | set(relations["from"]) | set(relations["to"])
    active_or_parent = active | ancestors(actors, active)
    unused = actors[(actors["id"] != "") & ~actors["id"].isin(active_or_parent)]
    efforts = actor_map.efforts
    carried = efforts["parent"] != ""  # a measure nobody takes part in of its own is carried by its plan's actors
    empty = efforts[~efforts["id"].isin(participation["effort"]) & (efforts["id"] != "") & ~carried]
    return [problem("unused-actor", files["actors"], row, "id", value=value) for row, value in unused["id"].items()] + [
        problem("empty-effort", files["efforts"], row, "id", value=value) for row, value in empty["id"].items()
    ]
