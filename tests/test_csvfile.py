"""Reading CSV files the way Excel and people write them, and writing them back."""

import codecs

from hypothesis import given, settings
from hypothesis import strategies as st

from actormap.files.csvfile import parse_csv, write_csv
from actormap.model import CsvDialect


def test_excel_nordic_semicolon_cp1252_crlf():
    data = "id;name;type\r\nsn;Socialförvaltningen Ærø;committee\r\n;;\r\n".encode("cp1252")
    parsed = parse_csv(data, "actors.csv")
    assert parsed.dialect == CsvDialect("cp1252", False, ";", "\r\n")
    assert parsed.header == ["id", "name", "type"]
    assert parsed.rows == [["sn", "Socialförvaltningen Ærø", "committee"]]
    assert parsed.row_numbers == [2]
    assert parsed.problems == []


def test_utf8_bom_tab_and_utf16():
    text = "id\tname\r\nå\tÖstra skolan\r\n"
    bom = parse_csv(codecs.BOM_UTF8 + text.encode(), "a.csv")
    assert (bom.dialect.encoding, bom.dialect.bom, bom.dialect.delimiter) == ("utf-8", True, "\t")
    utf16 = parse_csv(text.encode("utf-16"), "a.csv")
    assert utf16.rows == [["å", "Östra skolan"]]
    assert utf16.dialect.encoding == "utf-16"


def test_blank_rows_keep_spreadsheet_numbers_and_trailing_columns_go():
    data = b'id,name,,\n\na1,A,,\n,,,\nb2,"B\nwith newline",,\n\n\n'
    parsed = parse_csv(data, "actors.csv")
    assert parsed.header == ["id", "name"]
    assert parsed.rows == [["a1", "A"], ["b2", "B\nwith newline"]]
    assert parsed.row_numbers == [3, 5]


def test_short_rows_are_padded_and_long_rows_reported():
    parsed = parse_csv(b"actor,effort,role\na,e\nb,e,lead,extra\n", "participation.csv")
    assert parsed.rows == [["a", "e", ""], ["b", "e", "lead"]]
    assert [(p.row, p.code, p.message) for p in parsed.problems] == [
        (
            3,
            "extra-cell",
            "the row has 4 cells but the header has 3 columns; remove the extra cells or add a header for them",
        )
    ]


def test_binary_and_undecodable_bytes_are_problems_not_exceptions():
    binary = parse_csv(b"id,name\x00\x01", "actors.csv")
    assert [p.code for p in binary.problems] == ["unreadable-encoding"]
    undefined = parse_csv(b"id,name\n\x81\x8d\x8f\xc3\x28\n", "actors.csv")
    assert [p.code for p in undefined.problems] == ["unreadable-encoding"]


def test_canonical_file_writes_back_byte_identical():
    data = 'id,name\na1,"Skåne, Malmö"\na2,"He said ""hi"""\n'.encode()
    parsed = parse_csv(data, "a.csv")
    assert write_csv(parsed.header, parsed.rows, parsed.dialect) == data


cells = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\x00"), max_size=12
) | st.sampled_from(["å", "Ø, æ", '"', ";", "\t", "\r\n", "a\nb", " padded ", "=1+1"])


@settings(max_examples=200, deadline=None)
@given(
    header=st.lists(st.text(alphabet="abcdefghij_", min_size=1, max_size=8), min_size=2, max_size=5, unique=True),
    body=st.lists(st.lists(cells, min_size=5, max_size=5), max_size=6),
    dialect=st.builds(
        CsvDialect, st.just("utf-8"), st.booleans(), st.sampled_from([",", ";", "\t"]), st.sampled_from(["\n", "\r\n"])
    ),
)
def test_any_table_of_text_survives_write_then_parse(header, body, dialect):
    """Map files have two or more columns, so the header line shows the delimiter."""
    rows = [row[: len(header)] for row in body]
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    parsed = parse_csv(write_csv(header, rows, dialect), "t.csv")
    assert parsed.problems == []
    assert parsed.header == header
    assert parsed.rows == rows
    assert parsed.dialect.delimiter == dialect.delimiter
