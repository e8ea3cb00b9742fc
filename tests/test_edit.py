"""Editing a map in the browser: validated before saving, saved atomically, conflicts refused."""

import shutil
import sys

import pytest
from conftest import HERNING, edited, english, go, start_app
from streamlit.testing.v1 import AppTest

import actormap
from actormap.cli import parse_arguments
from actormap.cli.run import serve_command
from actormap.files.history import list_history
from actormap.i18n import t, tn
from actormap.ui.data import map_sources
from actormap.ui.main import picker_label
from actormap.ui.options import AppOptions, parse_options
from actormap.ui.widgets import key_for


@pytest.fixture
def herning(tmp_path, monkeypatch):
    """A copy of the Herning map, given to the app on the command line."""
    folder = shutil.copytree(HERNING, tmp_path / "herning")
    monkeypatch.setattr(sys, "argv", ["app.py", str(folder)])
    return folder


def edit_page(secrets=None) -> AppTest:
    return go(english(start_app(secrets=secrets)), "edit")


def edit(at: AppTest, table: str, edited=None, added=None, deleted=None) -> AppTest:
    """Change a table's editor the way the browser does: by row position."""
    at.session_state[f"edit_{table}_1"] = {
        "edited_rows": edited or {},
        "added_rows": added or [],
        "deleted_rows": deleted or [],
    }
    return at.run()


def snapshot(folder):
    return {path.name: path.read_bytes() for path in folder.iterdir() if path.is_file()}


def test_add_an_actor_and_its_participation_then_save(herning):
    before = snapshot(herning)
    at = edit_page()
    edit(at, "actors", added=[{"id": "ssp", "name": "SSP-samarbejdet", "type": "other"}])
    edit(
        at,
        "participation",
        added=[
            {"actor": "ssp", "effort": "bu_tidlig", "role": "partner", "basis": "agreement"},
            {"actor": "ssp", "effort": "misbrugsbehandling", "role": "partner", "basis": "agreement"},
        ],
    )
    assert [m.value for m in at.markdown] == [f"**{tn('ui.edit_findings_resolved', 1, 'en')}**"]
    assert at.table[0].value["Finding"].tolist() == ["Broken handover"]
    at.button(key="edit_save").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == [t("ui.saved", "en")]
    after = snapshot(herning)
    assert {name for name in after if after[name] != before[name]} == {"actors.csv", "participation.csv"}
    assert after["actors.csv"] == before["actors.csv"] + b"ssp,SSP-samarbejdet,other,,,,,\n"
    assert after["participation.csv"].endswith(b"ssp,misbrugsbehandling,partner,agreement,,,\n")
    kept = list_history(herning)
    assert len(kept) == 1
    assert (herning / ".history" / kept[0] / "actors.csv").read_bytes() == before["actors.csv"]
    loaded = actormap.load_map(herning)
    assert "ssp" in set(loaded.actors["id"])


def test_an_invalid_edit_is_refused_with_its_location_and_the_files_stay(herning):
    before = snapshot(herning)
    at = edit_page()
    edit(at, "efforts", edited={"1": {"level": "Behandlng"}})
    assert [e.value for e in at.error] == [tn("ui.edit_errors", 1, "en")]
    problems = at.dataframe[-1].value
    assert problems.iloc[0].tolist()[1:4] == ["efforts.csv", 3, "level"]
    assert at.button(key="edit_save").disabled
    assert snapshot(herning) == before


def test_a_save_over_someone_elses_save_is_refused(herning):
    at = edit_page()
    edit(at, "actors", edited={"0": {"name": "Mine"}})
    actormap.save_map(edited(actormap.load_map(herning), "actors", 3, "name", "Theirs"), herning)
    after_theirs = snapshot(herning)
    at.button(key="edit_save").click().run()
    assert t("ui.conflict", "en") in [e.value for e in at.error]
    assert snapshot(herning) == after_theirs
    assert t("ui.changed_on_disk", "en") in [w.value for w in at.warning]


def test_read_only_serving_shows_no_editor(herning, monkeypatch):
    monkeypatch.setattr(sys, "argv", ["app.py", "--read-only", str(herning)])
    at = edit_page()
    assert [i.value for i in at.info] == [t("ui.read_only", "en")]
    assert not [d for d in at.dataframe if d.key and d.key.startswith("edit_")]


@pytest.mark.parametrize(
    ("flags", "read_only"),
    [
        ([], False),
        (["--read-only"], True),
        (["--address", "0.0.0.0"], True),
        (["--address", "0.0.0.0", "--allow-edit"], False),
    ],
)
def test_serve_tells_the_app_on_its_command_line_whether_editing_is_off(herning, flags, read_only):
    command = serve_command(parse_arguments(["serve", *flags, str(herning)]))
    arguments = command[command.index("--") + 1 :]
    assert parse_options(arguments) == AppOptions(maps=(herning.resolve(),), read_only=read_only)


def test_a_misspelt_read_only_option_is_refused_not_ignored():
    with pytest.raises(ValueError, match="unknown option '--readonly': the app takes"):
        parse_options(["--readonly", "data/herning"])


def test_an_editor_password_guards_editing(herning):
    at = edit_page(secrets={"editor_password": "hemligt"})
    assert not [d for d in at.dataframe if d.key and d.key.startswith("edit_")]
    at.text_input(key="editor_password").set_value("fel").run()
    assert [e.value for e in at.error] == [t("ui.password_wrong", "en")]
    at.text_input(key="editor_password").set_value("hemligt").run()
    assert [d.key for d in at.dataframe][:4] == [
        "edit_actors_1",
        "edit_efforts_1",
        "edit_participation_1",
        "edit_relations_1",
    ]


def test_uploaded_files_are_previewed_then_merged_into_the_map(herning):
    at = edit_page()
    files = [(path.name, path.read_bytes(), "text/csv") for path in sorted(herning.glob("*.*"))]
    files = [
        (name, data.replace(b",Misbrugscenteret,", b",Misbrugscenteret Nord,") if name == "actors.csv" else data, kind)
        for name, data, kind in files
    ]
    at.file_uploader(key="edit_upload_1").set_value(files).run()
    diffs = [frame.value for frame in at.dataframe][-2:]  # the replace and the merge preview
    assert [diff.iloc[:, 1:].values.tolist() for diff in diffs] == [[[0, 1, 0]] * 1 + [[0, 0, 0]] * 3] * 2
    at.button(key="upload_merge").click().run()
    assert not at.exception
    assert "misbrugscenteret,Misbrugscenteret Nord," in (herning / "actors.csv").read_text("utf-8")


def test_a_bundled_example_is_not_edited_in_place_and_a_copy_of_it_is_told_apart(herning, tmp_path):
    copy = go(english(start_app(herning)), "edit")
    assert [d.key for d in copy.dataframe if d.key and d.key.startswith("edit_")]  # the copy is edited
    example = go(english(start_app(HERNING)), "edit")
    assert [info.value for info in example.info] == [t("ui.example_read_only", "en", folder=HERNING.resolve())]
    assert not [d for d in example.dataframe if d.key and d.key.startswith("edit_")]
    name = "Herning Kommune: høring om strategi på misbrugsbehandlingsområdet"
    labels = example.sidebar.selectbox(key=key_for("map", "en")).options
    assert labels[:3] == [
        name,
        "Example · Ale kommun: drogförebyggande arbete inom Tidiga samordnade insatser",
        "Example · Göteborgs Stad: plan för arbetet mot etablerat missbruk och beroende",
    ]
    assert f"Example · {name}" in labels  # the copy first, then the bundled one
    other = shutil.copytree(HERNING, tmp_path / "kopi")
    sources = map_sources([herning, other])
    assert [picker_label(source, "da") for source in sources[:2]] == [f"herning · {name}", f"kopi · {name}"]


def test_the_editor_numbers_its_rows_as_the_file_and_the_problems_do(herning):
    at = edit_page()
    actors = next(d for d in at.dataframe if d.key == "edit_actors_1").value
    assert actors.index.name == "Row" and actors.index[:3].tolist() == [2, 3, 4]  # row 1 is the header
    assert actors.loc[4, "id"] == "fou"
