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

import pandas as pd

from actormap.model import CsvDialect
from actormap.validation.problems import Problem, problem

__all__ = ["CsvDialect", "ParsedCsv", "parse_csv", "write_csv"]

DELIMITERS = (",", ";", "\t")


@dataclass
class ParsedCsv:
    """A parsed file: header cells, the data rows (index = spreadsheet row number), and problems."""

    header: list[str]
    body: pd.DataFrame
    dialect: CsvDialect
    problems: list[Problem]

    @property
    def rows(self) -> list[list[str]]:
        return self.body.to_numpy().tolist()

    @property
    def row_numbers(self) -> list[int]:
        return self.body.index.tolist()


def _empty(dialect: CsvDialect, problems: list[Problem]) -> ParsedCsv:
    return ParsedCsv([], pd.DataFrame(dtype=object), dialect, problems)


def parse_csv(data: bytes, file: str) -> ParsedCsv:
    """Parse CSV bytes; problems are returned, never raised.

    Rows are numbered as a spreadsheet shows them (header = row 1). Blank
    rows are skipped, trailing empty columns dropped, and rows shorter than
    the header padded with empty cells. pandas' C parser reads well-formed
    files; a file with ragged rows is read again with the csv module, which
    says where the extra cells are.

    Examples
    --------
    >>> parsed = parse_csv("id;name\\r\\na1;Sk\\u00e5ne\\r\\n".encode("cp1252"), "actors.csv")
    >>> parsed.header, parsed.rows, parsed.dialect.delimiter, parsed.dialect.encoding
    (['id', 'name'], [['a1', 'Skåne']], ';', 'cp1252')
    """
    text, encoding, bom, detail = _decode(data)
    if text is None:
        return _empty(CsvDialect(), [problem("unreadable-encoding", file, detail=detail)])
    dialect = CsvDialect(encoding, bom, _sniff_delimiter(text), "\r\n" if "\r\n" in text else "\n")
    try:
        records, lengths = _records(text, dialect.delimiter)
    except csv.Error as error:
        return _empty(dialect, [problem("unreadable-csv", file, reason=str(error))])
    return _table_from_records(records, lengths, dialect, file)


def _decode(data: bytes) -> tuple[str | None, str, bool, str]:
    """Decode bytes as UTF-8 (BOM or not), UTF-16 with BOM, or cp1252; else say why not (a reason's key)."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = [("utf-8", True, data[len(codecs.BOM_UTF8) :])]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = [("utf-16", True, data)]
    elif b"\x00" in data:
        return None, "", False, "binary"
    else:
        candidates = [("utf-8", False, data), ("cp1252", False, data)]
    for encoding, bom, payload in candidates:
        try:
            return payload.decode(encoding), encoding, bom, ""
        except UnicodeDecodeError:
            continue
    return None, "", False, "encoding"


def _sniff_delimiter(text: str) -> str:
    """The delimiter used most in the header line; ``,`` when none is."""
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    counts = {delimiter: first_line.count(delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def _records(text: str, delimiter: str) -> tuple[pd.DataFrame, pd.Series]:
    """Every record (blank ones too) as text cells numbered from 1, and how many cells each record has."""
    if not text.strip():
        return pd.DataFrame(dtype=object), pd.Series(dtype=int)
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            header=None,
            dtype=object,
            na_filter=False,
            skip_blank_lines=False,
            engine="c",
            quotechar='"',
            doublequote=True,
        )
        lengths = pd.Series(frame.shape[1], index=frame.index)
    except (pd.errors.ParserError, ValueError):  # ragged rows: let the csv module count the cells
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        widest = max(map(len, records))
        frame = pd.DataFrame([record + [""] * (widest - len(record)) for record in records], dtype=object)
        lengths = pd.Series([len(record) for record in records])
    numbers = pd.RangeIndex(1, len(frame) + 1)
    return frame.set_axis(numbers, axis=0).set_axis(range(frame.shape[1]), axis=1), lengths.set_axis(numbers)


def _table_from_records(records: pd.DataFrame, lengths: pd.Series, dialect: CsvDialect, file: str) -> ParsedCsv:
    """The first non-blank record is the header; cells beyond its width are extra cells."""
    if records.empty:
        return _empty(dialect, [])
    filled = records.ne("")  # a cell of spaces counts as filled here; validation reports such a row
    records = records[filled.any(axis=1)]
    filled = filled.loc[records.index]
    if records.empty:
        return _empty(dialect, [])
    header, body, body_filled = records.iloc[0].tolist(), records.iloc[1:], filled.iloc[1:]
    width = int(lengths[records.index[0]])
    while width and not header[width - 1].strip() and not body_filled[width - 1].any():
        width -= 1
    beyond = body_filled.iloc[:, width:]
    problems = [
        problem(
            "extra-cell", file, int(row), None, count=int(max(i for i, v in enumerate(cells) if v)) + 1, width=width
        )
        for row, cells in zip(beyond.index[beyond.any(axis=1)], body_filled[beyond.any(axis=1)].to_numpy().tolist())
    ]
    return ParsedCsv(header[:width], body.iloc[:, :width], dialect, problems)


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
