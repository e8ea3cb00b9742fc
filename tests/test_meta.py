"""The map's metadata: map.toml and the workbook's map sheet write back what they read.

as_of and coverage too, and what the map expects: pathway and expect (arrays of tables), expect_off and
user_voice_levels.
"""

import datetime
import tomllib

from conftest import write_map
from hypothesis import given
from hypothesis import strategies as st

import actormap
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


def expectations(words, sides):
    """``[[expect]]`` entries: ``from`` and ``to`` one of ``sides`` or a list of them, ``until`` a date."""
    entry = st.fixed_dictionaries(
        {"id": words, "from": sides, "to": sides, "kind": words, "basis": words},
        optional={"until": st.dates(), "source": words, "source_title": words},
    )
    return st.lists(entry, min_size=1, max_size=3)


def pathways(words, steps):
    return st.lists(
        st.fixed_dictionaries({"name": words, "steps": st.lists(steps, max_size=3)}), min_size=1, max_size=3
    )


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
        "user_voice_levels": st.lists(text | st.integers(1, 4), max_size=3),
        "expect_off": st.lists(text, max_size=3),
        "pathway": pathways(text, text),
        "expect": expectations(text, text | st.lists(text, max_size=3)),
        "notes": st.lists(st.dictionaries(text, value, max_size=2), min_size=1, max_size=2),  # any array of tables
    },
).flatmap(lambda meta: st.dictionaries(text, value, max_size=3).map(lambda extra: {**extra, **meta}))


@given(toml_meta)
def test_map_toml_round_trips_with_as_of_coverage_pathways_and_expectations(meta):
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
        "user_voice_levels": st.lists(item, max_size=3),
        "expect_off": st.lists(item, max_size=3),
        "pathway": pathways(cell, item),
        "expect": expectations(cell, item | st.lists(item, min_size=1, max_size=3)),
    },
)


@given(sheet_meta)
def test_the_map_sheet_round_trips_with_as_of_coverage_pathways_and_expectations(meta):
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


def test_pathways_and_expectations_are_written_as_arrays_of_tables_after_the_other_keys():
    meta = {
        "name": "Ale",
        "expect": [{"id": "pol", "from": ["sn", "ifo"], "to": "police", "kind": "agreement", "basis": "KF"}],
        "coverage": {"not_expected": []},
        "expect_off": ["se-missbruk-overenskommelse"],
        "pathway": [{"name": "Youth to adult", "steps": ["4:youth", "4:adults"]}],
    }
    assert dump_meta(meta).decode() == (
        'name = "Ale"\nexpect_off = ["se-missbruk-overenskommelse"]\n\n[coverage]\nnot_expected = []\n\n'
        '[[pathway]]\nname = "Youth to adult"\nsteps = ["4:youth", "4:adults"]\n\n'
        '[[expect]]\nid = "pol"\nfrom = ["sn", "ifo"]\nto = "police"\nkind = "agreement"\nbasis = "KF"\n'
    )


def test_the_map_sheet_numbers_the_entries_of_an_array_from_1_and_a_comma_makes_a_list():
    rows = [
        ["expect[2].id", "later"],
        ["expect[1].id", "pol"],
        ["expect[1].from", "sn, ifo"],
        ["expect[1].to", "police"],
        ["expect[1].until", "2027-01-01"],
        ["expect[2].until", "next year"],
        ["pathway[1].steps", "4:youth, 4:adults"],
        ["user_voice_levels", "3, 4"],
    ]
    assert meta_from_sheet(rows) == {
        "expect": [
            {"id": "pol", "from": ["sn", "ifo"], "to": "police", "until": datetime.date(2027, 1, 1)},
            {"id": "later", "until": "next year"},
        ],
        "pathway": [{"steps": ["4:youth", "4:adults"]}],
        "user_voice_levels": ["3", "4"],
    }
    written = [["expect", "none"], ["expect[1].id", "x"]]
    assert meta_from_sheet(written) == {"expect": "none", "expect[1].id": "x"}  # as it is, for validation


def test_a_map_keeps_its_pathways_and_expectations_through_a_workbook_and_back(tmp_path):
    meta = (
        'country = "SE"\nuser_voice_levels = [3, "Behandling"]\nexpect_off = ["se-missbruk-overenskommelse"]\n\n'
        '[[pathway]]\nname = "Youth to adult"\nsteps = ["treatment:youth", "4:adults"]\n\n'
        '[[expect]]\nid = "police"\nfrom = ["sn"]\nto = "police"\nkind = "agreement"\nbasis = "KF"\n'
        "until = 2027-01-01\n"
    )
    files = dict(
        actors="id,name,type\nsn,Socialnämnden,committee\n",
        efforts="id,name,level,target_groups\ne1,Mini-Maria,4,youth\n",
        participation="actor,effort,role\nsn,e1,lead\n",
    )
    loaded = actormap.load_map(write_map(tmp_path / "m", **files, meta=meta))
    actormap.save_map(loaded, tmp_path / "m.xlsx")
    actormap.save_map(actormap.load_map(tmp_path / "m.xlsx"), tmp_path / "back")
    again = actormap.load_map(tmp_path / "back")
    assert again.meta == {**loaded.meta, "user_voice_levels": ["3", "Behandling"]}  # a sheet cell is text
    assert (again.pathways, again.expectations, again.user_voice_levels) == (
        loaded.pathways,
        loaded.expectations,
        loaded.user_voice_levels,
    )
