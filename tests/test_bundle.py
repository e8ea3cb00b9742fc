"""Downloads, upload previews and merges of a map, and the history kept by saves."""

import io
import zipfile
from dataclasses import replace

import pandas as pd
import pytest
from conftest import KOMMUN, edited, write_map

import actormap
from actormap.files.bundle import workbook_bytes, zip_bytes
from actormap.files.history import list_history
from actormap.files.load import read_map
from actormap.files.merge import diff_maps, merge_maps
from actormap.files.save import restore_version


def test_zip_download_is_excel_csv_and_loads_back_the_same(kommun):
    data = zip_bytes(kommun, delimiter=";")
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert sorted(archive.namelist()) == ["actors.csv", "efforts.csv", "map.toml", "participation.csv"]
    actors = archive.read("actors.csv")
    assert actors.startswith(b"\xef\xbb\xbfid;name;type;parent\r\n")
    assert "Vårdcentralen".encode() in actors
    again, problems = read_map({name: archive.read(name) for name in archive.namelist()})
    assert problems.empty
    for table in kommun.tables:
        pd.testing.assert_frame_equal(again.tables[table], kommun.tables[table])


def test_workbook_download_loads_back_the_same(kommun):
    again, problems = read_map({"kommun.xlsx": workbook_bytes(kommun)})
    assert problems.empty
    assert again.meta == kommun.meta
    pd.testing.assert_frame_equal(again.tables["participation"], kommun.tables["participation"])


def test_diff_counts_rows_added_changed_removed(kommun):
    incoming = edited(kommun, "actors", 2, "name", "Socialnämnden i Testkommun")
    actors = incoming.tables["actors"].drop(index=[10])  # orphan
    actors.loc[11] = ["kf", "Kommunfullmäktige", "committee", ""]
    incoming = replace(incoming, tables={**incoming.tables, "actors": actors})
    diff = diff_maps(kommun, incoming).set_index("table")
    assert diff.loc["actors"].tolist() == [1, 1, 1]
    assert diff.loc["participation"].tolist() == [0, 0, 0]


def test_merge_replaces_same_keys_adds_new_and_keeps_the_rest(kommun, tmp_path):
    incoming, _ = read_map(
        {
            "actors.csv": (
                "id,name,type,Telefon\nsn,Socialnämnden (ny),committee,08-123\nkf,Kommunfullmäktige,committee,\n"
            ).encode(),
            "efforts.csv": b"id,name,level,target_groups\n",
            "participation.csv": b"actor,effort,role\nkf,prev1,follow_up\n",
        }
    )
    merged = merge_maps(kommun, incoming)
    actors = merged.tables["actors"]
    assert list(actors.columns) == ["id", "name", "type", "parent", "Telefon"]
    assert actors["id"].tolist() == ["ifo", "skola", "polis", "vc", "ngo", "fn", "fritid", "orphan", "sn", "kf"]
    assert actors.loc[actors["id"] == "sn", "name"].item() == "Socialnämnden (ny)"
    assert len(merged.tables["efforts"]) == len(kommun.tables["efforts"])
    assert len(merged.tables["participation"]) == len(kommun.tables["participation"]) + 1
    folder = write_map(tmp_path / "m", **KOMMUN)
    actormap.save_map(merged, folder)
    assert actormap.load_map(folder).actors.set_index("id").at["kf", "name"] == "Kommunfullmäktige"


def test_every_save_keeps_the_previous_version_and_retention_bounds_them(tmp_path):
    folder = write_map(tmp_path / "m", **KOMMUN)
    original = (folder / "actors.csv").read_bytes()
    current = actormap.load_map(folder)
    for n in range(4):
        actormap.save_map(edited(current, "actors", 2, "name", f"Namn {n}"), folder, keep_history=3)
        current = actormap.load_map(folder)
    kept = list_history(folder)
    assert len(kept) == 3
    assert (folder / ".history" / kept[-1] / "actors.csv").read_bytes().count(b"Namn 0") == 1
    assert original not in [(folder / ".history" / stamp / "actors.csv").read_bytes() for stamp in kept]
    restore_version(folder, kept[-1], expected_version=current.version, keep_history=3)
    assert actormap.load_map(folder).actors.at[2, "name"] == "Namn 0"
    assert len(list_history(folder)) == 3


def test_a_save_that_changes_nothing_keeps_no_history(tmp_path):
    folder = write_map(tmp_path / "m", **KOMMUN)
    actormap.save_map(actormap.load_map(folder), folder)
    assert list_history(folder) == []


def test_restoring_a_missing_version_is_refused(tmp_path):
    folder = write_map(tmp_path / "m", **KOMMUN)
    with pytest.raises(actormap.MapError):
        restore_version(folder, "20000101T000000.000000Z")
