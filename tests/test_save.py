"""Saving: nothing changes that the user did not change, saves are atomic, conflicts are refused."""

import codecs
import datetime
import os
from dataclasses import replace

import openpyxl
import pandas as pd
import pytest
from conftest import KOMMUN, edited, write_map
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import actormap

EXCEL_ACTORS = (
    "Id;Name;Type;Anteckning\r\nsn;Socialförvaltningen;committee;Ærø og Åbo\r\nifo;IFO Øst;social_services;\r\n"
)


def snapshot(folder):
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if not path.name.startswith(".")}


@pytest.fixture
def excel_map(tmp_path):
    folder = write_map(tmp_path / "excel", **{k: v for k, v in KOMMUN.items() if k != "actors"})
    actors = KOMMUN["actors"].replace("\n", "\r\n").replace(",", ";")
    (folder / "actors.csv").write_bytes(actors.replace("Fritidsgården", "Fritidsgården Ærø").encode("cp1252"))
    return folder


def test_load_then_save_without_edit_changes_no_byte(tmp_path, excel_map):
    before = snapshot(excel_map)
    loaded = actormap.load_map(excel_map)
    version = actormap.save_map(loaded, excel_map, expected_version=loaded.version)
    assert snapshot(excel_map) == before
    assert version == loaded.version
    actormap.save_map(loaded, tmp_path / "copy")
    assert snapshot(tmp_path / "copy") == before


def test_excel_cp1252_semicolon_crlf_round_trips_an_edit(excel_map):
    loaded = actormap.load_map(excel_map)
    actormap.save_map(edited(loaded, "actors", 3, "name", "IFO Åmål"), excel_map)
    data = (excel_map / "actors.csv").read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    assert b"\r\n" in data and b";" in data.splitlines()[0]
    again = actormap.load_map(excel_map)
    expected = loaded.tables["actors"].copy()
    expected.loc[3, "name"] = "IFO Åmål"
    pd.testing.assert_frame_equal(again.tables["actors"], expected)
    assert again.actors.loc[9, "name"] == "Fritidsgården Ærø"


def test_header_spelling_extra_columns_and_order_are_kept(tmp_path):
    folder = write_map(tmp_path / "m", **{**KOMMUN})
    (folder / "actors.csv").write_text(EXCEL_ACTORS, encoding="utf-8-sig", newline="")
    (folder / "participation.csv").write_text("actor,effort,role\nsn,prev1,lead\nifo,prev1,follow_up\n")
    loaded = actormap.load_map(folder)
    assert list(loaded.tables["actors"].columns) == ["id", "name", "type", "Anteckning"]
    actormap.save_map(edited(loaded, "actors", 2, "Anteckning", "ny"), folder)
    assert (folder / "actors.csv").read_text("utf-8-sig").splitlines()[:2] == [
        "Id;Name;Type;Anteckning",
        "sn;Socialförvaltningen;committee;ny",
    ]


def test_conflicting_save_is_refused_and_the_other_save_survives(tmp_path):
    folder = write_map(tmp_path / "m", **KOMMUN)
    mine = actormap.load_map(folder)
    theirs = actormap.load_map(folder)
    actormap.save_map(edited(theirs, "actors", 2, "name", "Their name"), folder, expected_version=theirs.version)
    after_theirs = snapshot(folder)
    with pytest.raises(actormap.ConflictError, match="changed by someone else"):
        actormap.save_map(edited(mine, "actors", 3, "name", "My name"), folder, expected_version=mine.version)
    assert snapshot(folder) == after_theirs


def test_a_crash_between_write_and_rename_leaves_the_old_files_whole(tmp_path, monkeypatch):
    folder = write_map(tmp_path / "m", **KOMMUN)
    before = snapshot(folder)
    loaded = actormap.load_map(folder)

    def crash(source, target):
        raise OSError("disk pulled out")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk pulled out"):
        actormap.save_map(edited(loaded, "actors", 2, "name", "New"), folder)
    assert snapshot(folder) == before
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_an_invalid_map_is_never_saved(tmp_path):
    folder = write_map(tmp_path / "m", **KOMMUN)
    before = snapshot(folder)
    loaded = actormap.load_map(folder)
    with pytest.raises(actormap.MapError) as raised:
        actormap.save_map(edited(loaded, "efforts", 2, "level", "Behandlng"), folder)
    assert raised.value.problems.loc[0, ["file", "row", "column", "code"]].tolist() == [
        "efforts.csv",
        2,
        "level",
        "unknown-level",
    ]
    assert snapshot(folder) == before


def test_changed_metadata_is_written(tmp_path):
    folder = write_map(tmp_path / "m", **KOMMUN)
    loaded = actormap.load_map(folder)
    actormap.save_map(replace(loaded, meta={**loaded.meta, "year": 2016}), folder)
    assert actormap.load_map(folder).meta == {**loaded.meta, "year": 2016}


def test_workbook_round_trip_keeps_text_as_text(tmp_path):
    folder = write_map(tmp_path / "m", **KOMMUN)
    loaded = edited(actormap.load_map(folder), "actors", 2, "name", "=cmd|' /C calc'!A0 Ærø")
    workbook = tmp_path / "kommun.xlsx"
    actormap.save_map(loaded, workbook)
    sheet = openpyxl.load_workbook(workbook)["actors"]
    assert (sheet["B2"].value, sheet["B2"].data_type) == ("=cmd|' /C calc'!A0 Ærø", "s")
    again = actormap.load_map(workbook)
    for table in loaded.tables:
        pd.testing.assert_frame_equal(again.tables[table], loaded.tables[table])
    assert again.meta == loaded.meta


PLANNED = 'as_of = 2016-05-01\n\n[coverage]\nnot_expected = ["4:youth", "early_intervention:adults"]\n'


@pytest.mark.parametrize("target", ["copy", "copy.xlsx"])
def test_as_of_and_coverage_survive_an_edited_save_to_a_folder_or_workbook(tmp_path, target):
    folder = write_map(tmp_path / "m", **{**KOMMUN, "meta": KOMMUN["meta"] + PLANNED})
    loaded = actormap.load_map(folder)
    assert loaded.meta["as_of"] == datetime.date(2016, 5, 1)
    changed = replace(loaded, meta={**loaded.meta, "year": 2016})
    actormap.save_map(changed, tmp_path / target)
    again = actormap.load_map(tmp_path / target)
    assert again.meta == changed.meta
    assert (again.as_of, again.not_expected) == (
        datetime.date(2016, 5, 1),
        frozenset({("treatment", "youth"), ("early_intervention", "adults")}),
    )
    actormap.save_map(again, tmp_path / "back")
    assert actormap.load_map(tmp_path / "back").meta == changed.meta
    if target == "copy":
        assert "as_of = 2016-05-01\n" in (tmp_path / target / "map.toml").read_text("utf-8")


text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
    | st.sampled_from(list(',;\t"\n\r åäöæøÅÄÖÆØ')),
    max_size=15,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    names=st.lists(text.filter(str.strip), min_size=1, max_size=5),
    notes=st.lists(text, min_size=5, max_size=5),
    delimiter=st.sampled_from([",", ";", "\t"]),
    workbook=st.booleans(),
)
def test_any_text_survives_save_then_load(tmp_path_factory, names, notes, delimiter, workbook):
    folder = tmp_path_factory.mktemp("m")
    rows = [f"a{i}{delimiter}x{delimiter}other{delimiter}" for i in range(len(names))]
    write_map(
        folder,
        **{
            **KOMMUN,
            "actors": f"id{delimiter}name{delimiter}type{delimiter}notes\n" + "\n".join(rows) + "\n",
            "participation": "actor,effort,role\n" + "".join(f"a{i},prev1,lead\n" for i in range(len(names))),
        },
    )
    loaded = actormap.load_map(folder)
    frame = loaded.tables["actors"].copy()
    frame["name"] = names
    frame["notes"] = notes[: len(names)]
    changed = replace(loaded, tables={**loaded.tables, "actors": frame})
    target = tmp_path_factory.mktemp("out") / ("map.xlsx" if workbook else "map")
    actormap.save_map(changed, target)
    again = actormap.load_map(target)
    # XML, and so a workbook, stores every line break as a line feed, as Excel does
    stored = (lambda s: s.replace("\r\n", "\n").replace("\r", "\n")) if workbook else (lambda s: s)
    assert again.tables["actors"]["name"].tolist() == [stored(name) for name in names]
    assert again.tables["actors"]["notes"].tolist() == [stored(note) for note in notes[: len(names)]]
