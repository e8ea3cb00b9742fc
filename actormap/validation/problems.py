"""Problems found in a map: stable codes, located messages, and the errors that carry them.

A problem is located the way a spreadsheet shows it: the file, the row
(header = row 1) and the column. Codes are stable kebab-case names; each has
one message template per language that says what is wrong and what is allowed.
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from actormap.i18n import catalog, t, tn

__all__ = [
    "CODES",
    "ConflictError",
    "MESSAGES",
    "MapError",
    "NotAMapError",
    "PROBLEM_COLUMNS",
    "Problem",
    "ProblemCode",
    "format_problem",
    "localized_messages",
    "problem",
    "problem_message",
    "problems_frame",
]


class ProblemCode(NamedTuple):
    """A problem code: its stable kebab-case name, its severity and the catalog key of its message template.

    An ``"error"`` stops a map from loading or saving; a ``"warning"`` does not.
    """

    code: str
    severity: str
    message_key: str


CODES = {
    entry.code: entry
    for entry in (
        ProblemCode("not-a-map", "error", "problem.not-a-map"),
        ProblemCode("missing-file", "error", "problem.missing-file"),
        ProblemCode("empty-file", "error", "problem.empty-file"),
        ProblemCode("unreadable-encoding", "error", "problem.unreadable-encoding"),
        ProblemCode("unreadable-csv", "error", "problem.unreadable-csv"),
        ProblemCode("unreadable-workbook", "error", "problem.unreadable-workbook"),
        ProblemCode("invalid-metadata", "error", "problem.invalid-metadata"),
        ProblemCode("missing-column", "error", "problem.missing-column"),
        ProblemCode("duplicate-column", "error", "problem.duplicate-column"),
        ProblemCode("blank-header", "error", "problem.blank-header"),
        ProblemCode("extra-cell", "error", "problem.extra-cell"),
        ProblemCode("missing-value", "error", "problem.missing-value"),
        ProblemCode("duplicate-id", "error", "problem.duplicate-id"),
        ProblemCode("ambiguous-id", "error", "problem.ambiguous-id"),
        ProblemCode("duplicate-row", "error", "problem.duplicate-row"),
        ProblemCode("unknown-actor", "error", "problem.unknown-actor"),
        ProblemCode("unknown-effort", "error", "problem.unknown-effort"),
        ProblemCode("unknown-level", "error", "problem.unknown-level"),
        ProblemCode("unknown-type", "error", "problem.unknown-type"),
        ProblemCode("unknown-role", "error", "problem.unknown-role"),
        ProblemCode("unknown-basis", "error", "problem.unknown-basis"),
        ProblemCode("unknown-funding", "error", "problem.unknown-funding"),
        ProblemCode("unknown-status", "error", "problem.unknown-status"),
        ProblemCode("unknown-kind", "error", "problem.unknown-kind"),
        ProblemCode("unknown-target-group", "error", "problem.unknown-target-group"),
        ProblemCode("control-character", "error", "problem.control-character"),
        ProblemCode("parent-cycle", "error", "problem.parent-cycle"),
        ProblemCode("effort-parent-cycle", "error", "problem.effort-parent-cycle"),
        ProblemCode("invalid-date", "error", "problem.invalid-date"),
        ProblemCode("end-before-start", "error", "problem.end-before-start"),
        ProblemCode("funding-not-funder", "error", "problem.funding-not-funder"),
        ProblemCode("invalid-pathway", "error", "problem.invalid-pathway"),
        ProblemCode("invalid-expectation", "error", "problem.invalid-expectation"),
        ProblemCode("unknown-expectation", "warning", "problem.unknown-expectation"),
        ProblemCode("unused-actor", "warning", "problem.unused-actor"),
        ProblemCode("empty-effort", "warning", "problem.empty-effort"),
    )
}
"""Every problem code by name: the one list :func:`problem` accepts (templates in ``actormap/locales``)."""

MESSAGES = {code: catalog("en")[entry.message_key] for code, entry in CODES.items()}
"""The English message template of each problem code."""

PROBLEM_COLUMNS = ["file", "row", "column", "code", "severity", "message"]


class Problem(NamedTuple):
    """One located problem; ``row`` and ``column`` are None for a whole file.

    ``message`` is in English; ``fields`` (name, value pairs) fill the
    message in any language (see :func:`problem_message`).
    """

    file: str
    row: int | None
    column: str | None
    code: str
    severity: str
    message: str
    fields: tuple = ()


def problem(code: str, file: str, row: int | None = None, column: str | None = None, **fields) -> Problem:
    """Build the problem ``code`` at a location, with its message's fields.

    ``suggestion`` (with ``suggestion_name``) is a value the user may have
    meant; ``allowed`` lists the values allowed.

    Raises
    ------
    ValueError
        When ``code`` is not in :data:`CODES`.

    Examples
    --------
    >>> problem("missing-value", "actors.csv", 3, "name", name="name").message
    '"name" is required and is empty'
    >>> found = problem("unknown-role", "participation.csv", 2, "role", value="Leder", suggestion="lead",
    ...                 allowed="lead, partner")
    >>> found.message, problem_message(found.code, found.fields, "da")
    ('unknown role "Leder" (allowed: lead, partner); did you mean "lead"?', \
'ukendt rolle "Leder" (tilladte: lead, partner); mente du "lead"?')
    """
    if code not in CODES:
        raise ValueError(f"unknown problem code {code!r}; add it to CODES in actormap/validation/problems.py")
    said = tuple((name, value if isinstance(value, (str, int)) else str(value)) for name, value in fields.items())
    return Problem(file, row, column, code, CODES[code].severity, problem_message(code, said, "en"), said)


def problem_message(code: str, fields, language: str = "en") -> str:
    """The message of problem ``code`` in ``language``, filled from its ``fields`` (name, value pairs)."""
    values = dict(fields)
    suggestion, name = values.pop("suggestion", ""), values.pop("suggestion_name", "")
    said = t("problem.did_you_mean_named" if name else "problem.did_you_mean", language, value=suggestion, name=name)
    values["suggestion"] = said if suggestion else ""
    if code == "unknown-level" and "allowed" in values:
        values["allowed"] = t("problem.level_allowed", language, levels=values["allowed"])
    allowed = t("problem.allowed", language, allowed=values["allowed"]) if "allowed" in values else ""
    values["hint"] = values["suggestion"] or allowed
    if "detail" in values:  # a reason of our own, in words of its own
        values["reason"] = t(f"problem.reason.{values['detail']}", language, **values)
    return t(CODES[code].message_key, language, **values)


def problems_frame(problems: list[Problem]) -> pd.DataFrame:
    """The problems as a table, errors first, in file and row order (``fields`` last, for translations)."""
    frame = pd.DataFrame(problems, columns=[*PROBLEM_COLUMNS, "fields"])
    frame["row"] = frame["row"].astype("Int64")
    frame["column"] = frame["column"].astype(object).where(frame["column"].notna(), None)
    frame["_warning"] = frame["severity"].ne("error")
    frame = frame.sort_values(["_warning", "file", "row"], kind="stable", na_position="first")
    return frame.drop(columns="_warning").reset_index(drop=True)


def localized_messages(problems: pd.DataFrame, language: str) -> pd.Series:
    """The ``message`` column of a problems table (see :func:`problems_frame`) written in ``language``."""
    return pd.Series(
        [problem_message(code, fields, language) for code, fields in zip(problems["code"], problems["fields"])],
        index=problems.index,
        dtype=object,
    )


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
        super().__init__(f"the map has {tn('count.errors', len(errors))}; first: {format_problem(errors.iloc[0])}")


class NotAMapError(MapError):
    """The path is not a map folder or workbook at all."""


class ConflictError(Exception):
    """The map changed on disk since it was loaded; saving would overwrite someone's work."""
