"""The map's metadata: map.toml and the workbook's map sheet write back what they read, as_of and coverage too."""

import datetime
import tomllib

from hypothesis import given
from hypothesis import strategies as st

from actormap.files.meta import dump_meta, parse_meta
from actormap.files.xlsx import meta_from_sheet, meta_to_sheet

text = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
"""Any text TOML can hold: control characters, quotes, backslashes and DEL too."""
scalar = st.one_of(
    text,
    st.integers(-(2**63), 2**63 - 1),
    st.booleans(),
    st.floats(allow_nan=False),
    st.dates(),
    st.datetimes(),
    st.times(),
)
value = st.recursive(scalar, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3))

toml_meta = st.fixed_dictionaries(
    {
        "name": text,
        "language": st.sampled_from(["en", "sv", "da", "nb"]),
        "year": st.integers(1900, 2100),
        "target_groups": st.lists(text, max_size=4),
    },
    optional={
        "as_of": st.dates(),
        "coverage": st.fixed_dictionaries({"not_expected": st.lists(text, max_size=4)}, optional={"expect_off": value}),
        "description": text,
        "plan": st.dictionaries(text, value, max_size=3),
    },
).flatmap(lambda meta: st.dictionaries(text, value, max_size=3).map(lambda extra: {**extra, **meta}))


@given(toml_meta)
def test_map_toml_round_trips_with_as_of_and_coverage(meta):
    data = dump_meta(meta)
    assert tomllib.loads(data.decode("utf-8")) == meta
    assert parse_meta(data, "map.toml")[0] == meta


def test_as_of_is_written_as_a_toml_date_and_coverage_as_a_table():
    meta = {"name": "Ale", "as_of": "2016-05-01", "coverage": {"not_expected": ["treatment:population"]}}
    data = dump_meta(meta).decode()
    assert data == 'name = "Ale"\nas_of = 2016-05-01\n\n[coverage]\nnot_expected = ["treatment:population"]\n'
    assert tomllib.loads(data) == {**meta, "as_of": datetime.date(2016, 5, 1)}
    assert 'as_of = "hösten 2016"' in dump_meta({"as_of": "hösten 2016"}).decode()  # kept for validation


cell = st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=12).map(str.strip)
item = cell.filter(lambda entry: entry and "," not in entry)
sheet_meta = st.fixed_dictionaries(
    {"name": cell},
    optional={
        "language": st.sampled_from(["en", "sv", "da", "nb"]),
        "year": st.integers(0, 3000),
        "as_of": st.dates(),
        "description": cell,
        "target_groups": st.lists(item, max_size=4),
        "coverage": st.fixed_dictionaries({"not_expected": st.lists(item, max_size=4)}),
    },
)


@given(sheet_meta)
def test_the_map_sheet_round_trips_with_as_of_and_coverage(meta):
    header, rows = meta_to_sheet(meta)
    assert header == ["key", "value"]
    assert all(isinstance(value, str) for _, value in rows)
    assert meta_from_sheet(rows) == meta


def test_the_map_sheet_keeps_what_is_no_date_as_text_for_validation():
    rows = [["as_of", "hösten 2016"], ["coverage.not_expected", "4:population, tidlig indsats:population"]]
    assert meta_from_sheet(rows) == {
        "as_of": "hösten 2016",
        "coverage": {"not_expected": ["4:population", "tidlig indsats:population"]},
    }
    assert meta_from_sheet([["coverage", "none"]]) == {"coverage": "none"}
