"""Problems found in a map: stable codes, located messages, and the errors that carry them.

A problem is located the way a spreadsheet shows it: the file, the row
(header = row 1) and the column. Codes are stable kebab-case names; each has
one message template that says what is wrong and what is allowed.
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

__all__ = [
    "ConflictError",
    "MESSAGES",
    "MapError",
    "NotAMapError",
    "PROBLEM_COLUMNS",
    "Problem",
    "WARNING_CODES",
    "format_problem",
    "problem",
    "problems_frame",
]

MESSAGES = {
    "not-a-map": "{path} is not a map: {reason}",
    "missing-file": "the file is missing; a map needs actors.csv, efforts.csv and participation.csv",
    "empty-file": "the file is empty; it needs a header row with the columns {columns}",
    "unreadable-encoding": "cannot read the text ({reason}); save it from Excel as \"CSV UTF-8\"",
    "unreadable-csv": "cannot read the CSV ({reason})",
    "unreadable-workbook": "cannot read the workbook ({reason}); save it again from Excel as .xlsx",
    "invalid-metadata": "{reason}",
    "missing-column": "the required column \"{name}\" is missing; the header has: {header}",
    "duplicate-column": "the column \"{name}\" appears more than once in the header",
    "blank-header": "this column has values but no header; give it a name or delete it",
    "extra-cell": "the row has {count} cells but the header has {width} columns; "
    "remove the extra cells or add a header for them",
    "missing-value": "\"{name}\" is required and is empty",
    "duplicate-id": "the id \"{value}\" is used again (first in row {first}); ids must be unique",
    "ambiguous-id": "the id \"{value}\" is both an actor and an effort; give one of them another id",
    "duplicate-row": "this row repeats row {first} exactly; remove one of them",
    "unknown-actor": "no actor has the id \"{value}\" in actors.csv{suggestion}",
    "unknown-effort": "no effort has the id \"{value}\" in efforts.csv{suggestion}",
    "unknown-level": "unknown level \"{value}\"{hint}",
    "unknown-type": "unknown actor type \"{value}\" (allowed: {allowed}){suggestion}",
    "unknown-role": "unknown role \"{value}\" (allowed: {allowed}){suggestion}",
    "unknown-basis": "unknown basis \"{value}\" (allowed: {allowed}){suggestion}",
    "unknown-status": "unknown status \"{value}\" (allowed: {allowed}){suggestion}",
    "unknown-kind": "unknown relation kind \"{value}\" (allowed: {allowed}){suggestion}",
    "unknown-target-group": "unknown target group \"{value}\"{hint}",
    "parent-cycle": "the parent chain loops: {cycle}; an actor cannot be its own parent, directly or through others",
    "unused-actor": "the actor \"{value}\" takes part in no effort and has no relation, "
    "and none of its sub-units takes part in anything",
    "empty-effort": "the effort \"{value}\" has no participant",
}
"""One message template per problem code."""

WARNING_CODES = frozenset({"unused-actor", "empty-effort"})

PROBLEM_COLUMNS = ["file", "row", "column", "code", "severity", "message"]


class Problem(NamedTuple):
    """One located problem; ``row`` and ``column`` are None for a whole file."""

    file: str
    row: int | None
    column: str | None
    code: str
    severity: str
    message: str


def problem(code: str, file: str, row: int | None = None, column: str | None = None, **fields) -> Problem:
    """Build the problem ``code`` at a location, filling its message template.

    Examples
    --------
    >>> problem("missing-value", "actors.csv", 3, "name", name="name").message
    '"name" is required and is empty'
    """
    severity = "warning" if code in WARNING_CODES else "error"
    fields.setdefault("suggestion", "")
    if "allowed" in fields:
        fields["hint"] = fields["suggestion"] or f"; allowed: {fields['allowed']}"
    return Problem(file, row, column, code, severity, MESSAGES[code].format(**fields))


def problems_frame(problems: list[Problem]) -> pd.DataFrame:
    """The problems as a table, errors first, in file and row order."""
    frame = pd.DataFrame(problems, columns=PROBLEM_COLUMNS)
    frame["row"] = frame["row"].astype("Int64")
    frame["column"] = frame["column"].astype(object).where(frame["column"].notna(), None)
    frame["_warning"] = frame["severity"].ne("error")
    frame = frame.sort_values(["_warning", "file", "row"], kind="stable", na_position="first")
    return frame.drop(columns="_warning").reset_index(drop=True)


def format_problem(row: Problem | pd.Series) -> str:
    """``file:row:column: message`` as compilers print it; warnings say so.

    Examples
    --------
    >>> format_problem(problem("missing-value", "actors.csv", 3, "name", name="name"))
    'actors.csv:3:name: "name" is required and is empty'
    """
    location = [str(row.file)]
    if row.row is not None and not pd.isna(row.row):
        location.append(str(int(row.row)))
    if isinstance(row.column, str) and row.column:
        location.append(str(row.column))
    prefix = "warning: " if row.severity == "warning" else ""
    return f"{':'.join(location)}: {prefix}{row.message}"


class MapError(Exception):
    """The map has errors; ``problems`` is the table of every one found."""

    def __init__(self, problems: pd.DataFrame):
        self.problems = problems
        errors = problems[problems["severity"] == "error"]
        super().__init__(f"the map has {len(errors)} error(s); first: {format_problem(errors.iloc[0])}")


class NotAMapError(MapError):
    """The path is not a map folder or workbook at all."""


class ConflictError(Exception):
    """The map changed on disk since it was loaded; saving would overwrite someone's work."""
