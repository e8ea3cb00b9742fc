"""Validation: every problem of a map at once, at the exact file, row and column."""

import re
import shutil

import pandas as pd
import pytest
from conftest import CORPUS, write_map

import actormap
from actormap.i18n import catalog
from actormap.schema import LANGUAGES
from actormap.validation.problems import CODES, format_problem, localized_messages, problem

OK = dict(
    actors="id,name,type\nsn,Socialnämnden,committee\n",
    efforts="id,name,level,target_groups\ne1,Mini-Maria,treatment,youth\n",
    participation="actor,effort,role\nsn,e1,lead\n",
)


def located(problems):
    return [(r.file, None if pd.isna(r.row) else int(r.row), r.column, r.code) for r in problems.itertuples()]


def test_corpus_reports_every_problem_located():
    _, problems = actormap.check_map(CORPUS / "invalid")
    assert located(problems) == [
        ("actors.csv", 3, "type", "unknown-type"),
        ("actors.csv", 4, "id", "duplicate-id"),
        ("actors.csv", 5, "parent", "parent-cycle"),
        ("actors.csv", 8, "name", "missing-value"),
        ("efforts.csv", 2, "level", "unknown-level"),
        ("efforts.csv", 3, "target_groups", "unknown-target-group"),
        ("efforts.csv", 3, "status", "unknown-status"),
        ("efforts.csv", 5, "id", "ambiguous-id"),
        ("participation.csv", 3, "actor", "unknown-actor"),
        ("participation.csv", 4, None, "duplicate-row"),
        ("participation.csv", 5, None, "extra-cell"),
        ("participation.csv", 5, "effort", "unknown-effort"),
        ("participation.csv", 5, "basis", "unknown-basis"),
        ("participation.csv", 6, "role", "unknown-role"),
        ("relations.csv", 1, "E", "blank-header"),
        ("relations.csv", 1, "kind", "duplicate-column"),
        ("relations.csv", 2, "kind", "unknown-kind"),
        ("relations.csv", 3, "to", "missing-value"),
        ("actors.csv", 5, "id", "unused-actor"),
        ("actors.csv", 6, "id", "unused-actor"),
        ("actors.csv", 7, "id", "unused-actor"),
        ("actors.csv", 8, "id", "unused-actor"),
        ("efforts.csv", 4, "id", "empty-effort"),
        ("efforts.csv", 5, "id", "empty-effort"),
    ]
    assert set(problems.loc[problems["code"].isin(["unused-actor", "empty-effort"]), "severity"]) == {"warning"}


def test_messages_say_what_is_allowed_and_suggest():
    _, problems = actormap.check_map(CORPUS / "invalid")
    lines = {format_problem(row) for row in problems.itertuples()}
    assert 'efforts.csv:2:level: unknown level "Behandlng"; did you mean "Behandling" (treatment)?' in lines
    assert (
        'participation.csv:3:actor: no actor has the id "Socialnämnden" in actors.csv; '
        'did you mean "sn" (Socialnämnden)?'
    ) in lines
    assert (
        "actors.csv:5:parent: the parent chain loops: a → b → a; an actor cannot be its own parent, "
        "directly or through others" in lines
    )
    assert ('efforts.csv:3:status: unknown status "done" (allowed: planned, active, ended)') in lines


def test_messages_are_written_in_each_language_from_the_same_fields():
    _, problems = actormap.check_map(CORPUS / "invalid")
    by_code = {code: rows for code, rows in problems.groupby("code", sort=False)}
    level, actor = by_code["unknown-level"], by_code["unknown-actor"]
    assert localized_messages(level, "en").tolist() == level["message"].tolist()
    assert localized_messages(level, "sv").tolist() == ['okänd nivå "Behandlng"; menade du "Behandling" (treatment)?']
    assert localized_messages(actor, "da").tolist() == [
        'ingen aktør har id\'et "Socialnämnden" i actors.csv; mente du "sn" (Socialnämnden)?'
    ]
    assert localized_messages(by_code["unknown-status"], "nb").tolist() == [
        'ukjent status "done" (tillatte: planned, active, ended)'
    ]
    for language in LANGUAGES.keys() - {"en"}:
        assert not set(localized_messages(problems, language)) & set(problems["message"]), language


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_every_problem_text_is_translated_with_the_english_placeholders(language):
    keys = [key for key in catalog("en") if key.startswith("problem.")]
    assert {f"problem.{code}" for code in CODES} <= set(keys)
    for key in keys:
        english, translated = catalog("en")[key], catalog(language)[key]
        assert set(re.findall(r"{(\w+)}", translated)) == set(re.findall(r"{(\w+)}", english)), key
        assert translated != english or key == "problem.invalid-metadata", key


def test_a_problem_code_outside_the_registry_is_refused():
    with pytest.raises(ValueError, match="unknown problem code 'unknown-colour'; add it to CODES"):
        problem("unknown-colour", "actors.csv", 2, "colour", value="red")


def test_the_corpus_files_are_never_changed_by_validation(tmp_path):
    copy = shutil.copytree(CORPUS / "invalid", tmp_path / "invalid")
    before = {p.name: p.read_bytes() for p in copy.iterdir()}
    actormap.check_map(copy)
    assert {p.name: p.read_bytes() for p in copy.iterdir()} == before


@pytest.mark.parametrize(
    "files, expected",
    [
        ({"actors": OK["actors"], "efforts": OK["efforts"]}, [("participation.csv", None, None, "missing-file")]),
        ({**OK, "participation": "\n\n"}, [("participation.csv", None, None, "empty-file")]),
        (
            {**OK, "efforts": "id,name,target_groups\ne1,Mini-Maria,youth\n"},
            [("efforts.csv", 1, "level", "missing-column")],
        ),
        ({**OK, "efforts": "ID , Name,LEVEL,Target_Groups\ne1,Mini-Maria,Tidlig innsats,youth\n"}, []),
        ({**OK, "participation": "actor,effort,role\nsn,e1,lead\nsn,e1,follow_up\n"}, []),
        (
            {**OK, "meta": 'language = "fi"\nyear = "2015"\n'},
            [("map.toml", None, "language", "invalid-metadata"), ("map.toml", None, "year", "invalid-metadata")],
        ),
        ({**OK, "meta": "name = [unclosed\n"}, [("map.toml", None, None, "invalid-metadata")]),
        (
            {**OK, "efforts": "id,name,level,target_groups\ne1,Mini-Maria,5,\n"},
            [("efforts.csv", 2, "level", "unknown-level"), ("efforts.csv", 2, "target_groups", "missing-value")],
        ),
        (
            {**OK, "actors": "id,name,type,parent\nsn,Socialnämnden,committee,sn\n"},
            [("actors.csv", 2, "parent", "parent-cycle")],
        ),
        (
            {**OK, "actors": "id,name,type,parent\nsn,Socialnämnden,committee,\n,IFO,social_services,\n"},
            [("actors.csv", 3, "id", "missing-value")],
        ),  # an empty id is missing, not a loop of empty parents
        (
            {**OK, "actors": 'id,name,type,note\nsn,Social\x01nämnden,committee,"two\nlines\ta tab"\n'},
            [("actors.csv", 2, "name", "control-character")],
        ),  # line breaks and tabs are text
    ],
)
def test_each_problem_alone(tmp_path, files, expected):
    _, problems = actormap.check_map(write_map(tmp_path / "m", **files))
    assert located(problems) == expected


def test_a_control_character_is_named_and_the_map_never_reaches_a_workbook(tmp_path):
    folder = write_map(tmp_path / "m", **{**OK, "actors": "id,name,type\nsn,Social\x0bnämnden,committee\n"})
    actor_map, problems = actormap.check_map(folder)
    assert [format_problem(row) for row in problems.itertuples()] == [
        "actors.csv:2:name: the cell holds an invisible control character (U+000B) that workbooks and XML files "
        "cannot store; delete it"
    ]
    with pytest.raises(actormap.MapError):
        actormap.save_map(actor_map, tmp_path / "copy.xlsx")


def test_unreadable_encoding_is_located(tmp_path):
    folder = write_map(tmp_path / "m", **OK)
    (folder / "actors.csv").write_bytes(b"id,name,type\n\x81\x8d\x8f\xff\xfe\x00\x00")
    _, problems = actormap.check_map(folder)
    assert located(problems)[0] == ("actors.csv", None, None, "unreadable-encoding")
    assert 'save it from Excel as "CSV UTF-8"' in problems.loc[0, "message"]


def test_load_map_raises_with_every_problem(tmp_path):
    folder = write_map(tmp_path / "m", **{**OK, "participation": "actor,effort,role\nx,e1,boss\n"})
    with pytest.raises(actormap.MapError) as raised:
        actormap.load_map(folder)
    assert located(raised.value.problems) == [
        ("participation.csv", 2, "actor", "unknown-actor"),
        ("participation.csv", 2, "role", "unknown-role"),
        ("actors.csv", 2, "id", "unused-actor"),
    ]


def test_warnings_do_not_stop_loading(tmp_path):
    folder = write_map(tmp_path / "m", **{**OK, "actors": OK["actors"] + "kf,Kommunfullmäktige,committee\n"})
    loaded = actormap.load_map(folder)
    assert located(loaded.warnings) == [("actors.csv", 3, "id", "unused-actor")]


def test_a_committee_acting_through_its_administration_is_not_unused(tmp_path):
    actors = "id,name,type,parent\nkf,Kommunfullmäktige,committee,\nsn,Socialnämnden,committee,kf\n"
    loaded = actormap.load_map(write_map(tmp_path / "m", **{**OK, "actors": actors}))
    assert loaded.warnings.empty


def test_not_a_map(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    for path in (tmp_path, tmp_path / "missing", tmp_path / "notes.txt"):
        with pytest.raises(actormap.NotAMapError):
            actormap.check_map(path)
