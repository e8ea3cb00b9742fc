"""Reading and writing one CSV file as Excel and people really write them.

Detects the encoding (UTF-8 with or without BOM, UTF-16 from Excel's
"Unicode text", cp1252 from old Excel), the delimiter (``,``, ``;`` or tab)
and the line ending, and remembers them so a save writes the file back the
way it came. Cells are kept as the exact text of the file.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass

from actormap.problems import Problem, problem

__all__ = ["CsvDialect", "ParsedCsv", "parse_csv", "write_csv"]

DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True)
class CsvDialect:
    """How a CSV file is written: its text encoding, BOM, delimiter and line ending."""

    encoding: str = "utf-8"
    bom: bool = False
    delimiter: str = ","
    newline: str = "\n"


@dataclass
class ParsedCsv:
    """A parsed file: header cells, data rows with their spreadsheet row numbers, and problems."""

    header: list[str]
    rows: list[list[str]]
    row_numbers: list[int]
    dialect: CsvDialect
    problems: list[Problem]


def parse_csv(data: bytes, file: str) -> ParsedCsv:
    """Parse CSV bytes; problems are returned, never raised.

    Rows are numbered as a spreadsheet shows them (header = row 1). Blank
    rows are skipped, trailing empty columns dropped, and rows shorter than
    the header padded with empty cells.

    Examples
    --------
    >>> parsed = parse_csv("id;name\\r\\na1;Sk\\u00e5ne\\r\\n".encode("cp1252"), "actors.csv")
    >>> parsed.header, parsed.rows, parsed.dialect.delimiter, parsed.dialect.encoding
    (['id', 'name'], [['a1', 'Skåne']], ';', 'cp1252')
    """
    text, encoding, bom, reason = _decode(data)
    if text is None:
        return ParsedCsv([], [], [], CsvDialect(), [problem("unreadable-encoding", file, reason=reason)])
    dialect = CsvDialect(encoding, bom, _sniff_delimiter(text), "\r\n" if "\r\n" in text else "\n")
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=dialect.delimiter))
    except csv.Error as error:
        return ParsedCsv([], [], [], dialect, [problem("unreadable-csv", file, reason=str(error))])
    return _table_from_records(records, dialect, file)


def _decode(data: bytes) -> tuple[str | None, str, bool, str]:
    """Decode bytes as UTF-8 (BOM or not), UTF-16 with BOM, or cp1252."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = [("utf-8", True, data[len(codecs.BOM_UTF8) :])]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = [("utf-16", True, data)]
    elif b"\x00" in data:
        return None, "", False, "the file holds binary data, not text"
    else:
        candidates = [("utf-8", False, data), ("cp1252", False, data)]
    for encoding, bom, payload in candidates:
        try:
            return payload.decode(encoding), encoding, bom, ""
        except UnicodeDecodeError:
            continue
    return None, "", False, "it is neither UTF-8 nor Windows-1252 text"


def _sniff_delimiter(text: str) -> str:
    """The delimiter used most in the header line; ``,`` when none is."""
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    counts = {delimiter: first_line.count(delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def _table_from_records(records: list[list[str]], dialect: CsvDialect, file: str) -> ParsedCsv:
    numbered = [(number, record) for number, record in enumerate(records, start=1) if any(cell.strip() for cell in record)]
    if not numbered:
        return ParsedCsv([], [], [], dialect, [])
    (_, header), body = numbered[0], numbered[1:]
    width = _used_width(header, body)
    header = header[:width] + [""] * (width - len(header))
    problems = [
        problem("extra-cell", file, number, None, count=len(_trim_trailing_blanks(cells)), width=width)
        for number, cells in body
        if len(_trim_trailing_blanks(cells)) > width
    ]
    rows = [cells[:width] + [""] * (width - len(cells)) for _, cells in body]
    return ParsedCsv(header, rows, [number for number, _ in body], dialect, problems)


def _used_width(header: list[str], body: list[tuple[int, list[str]]]) -> int:
    """The header's width, less trailing columns with neither a header nor a value."""
    width = len(header)
    while width and not header[width - 1].strip() and not any(
        len(cells) >= width and cells[width - 1].strip() for _, cells in body
    ):
        width -= 1
    return width


def _trim_trailing_blanks(cells: list[str]) -> list[str]:
    end = len(cells)
    while end and not cells[end - 1].strip():
        end -= 1
    return cells[:end]


def write_csv(header: list[str], rows: list[list[str]], dialect: CsvDialect) -> bytes:
    """Serialise a table in ``dialect``, always as UTF-8 (with BOM when the dialect has one).

    A cell is quoted when it holds the delimiter, a quote or a line break
    (carriage return included, whatever the line ending).

    Examples
    --------
    >>> write_csv(["id", "name"], [["a1", "Ø, Å"]], CsvDialect(delimiter=";"))
    b'id;name\\na1;\\xc3\\x98, \\xc3\\x85\\n'
    """
    special = (dialect.delimiter, '"', "\r", "\n")

    def quoted(cell: str) -> str:
        return '"' + cell.replace('"', '""') + '"' if any(char in cell for char in special) else cell

    lines = [dialect.delimiter.join(map(quoted, row)) for row in [header, *rows]]
    text = dialect.newline.join(lines) + dialect.newline
    return (codecs.BOM_UTF8 if dialect.bom else b"") + text.encode("utf-8")
