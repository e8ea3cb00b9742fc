"""Validation: every problem of a map at once, at the exact file, row and column."""

import re
import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from conftest import CORPUS, write_map

import actormap
from actormap.dates import DATE_FORMATS
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
        assert translated != english or english == "{reason}", key  # a code whose reasons are translated


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


# --- plans, dates, as_of and [coverage] ---------------------------------------------------------------------

PLAN = dict(
    OK,
    efforts="id,name,level,target_groups,parent,start,end\nplan,ANDT-plan,2,youth,,2015,2018\n"
    "e1,Mini-Maria,treatment,youth,plan,2016-05,2016\n",
    participation="actor,effort,role\nsn,plan,lead\nsn,e1,lead\n",
)


def plan_efforts(*rows: str) -> dict[str, str]:
    """The plan map with these efforts rows below the plan's (id, name, level, target_groups, parent, start, end)."""
    efforts = PLAN["efforts"].split("e1,", 1)[0] + "".join(f"{row}\n" for row in rows)
    participation = "actor,effort,role\nsn,plan,lead\n" + "".join(f"sn,{row.split(',')[0]},lead\n" for row in rows)
    return {**PLAN, "efforts": efforts, "participation": participation}


def test_a_plan_with_its_measures_and_periods_is_valid(tmp_path):
    _, problems = actormap.check_map(write_map(tmp_path / "m", **PLAN, meta="as_of = 2016-05-01\n"))
    assert located(problems) == []


@pytest.mark.parametrize(
    "rows, expected",
    [
        (["e1,Mini-Maria,4,youth,planen,,"], [("efforts.csv", 3, "parent", "unknown-effort")]),
        (["e1,Mini-Maria,4,youth,e1,,"], [("efforts.csv", 3, "parent", "effort-parent-cycle")]),
        (
            ["e1,Mini-Maria,4,youth,e2,,", "e2,Fältgruppen,3,youth,e3,,", "e3,Stöd,3,youth,e1,,"],
            [("efforts.csv", 3, "parent", "effort-parent-cycle")],
        ),  # one loop, one problem, at its first row
        (["e1,Mini-Maria,4,youth,,2015/16,"], [("efforts.csv", 3, "start", "invalid-date")]),
        (["e1,Mini-Maria,4,youth,,hösten 2016,"], [("efforts.csv", 3, "start", "invalid-date")]),
        (["e1,Mini-Maria,4,youth,,,2024-13"], [("efforts.csv", 3, "end", "invalid-date")]),
        (
            ["e1,Mini-Maria,4,youth,,2016-02-30,16"],
            [("efforts.csv", 3, "start", "invalid-date"), ("efforts.csv", 3, "end", "invalid-date")],
        ),
        (["e1,Mini-Maria,4,youth,,2016-05,2016-04-30"], [("efforts.csv", 3, "end", "end-before-start")]),
        (["e1,Mini-Maria,4,youth,,2017,2016"], [("efforts.csv", 3, "end", "end-before-start")]),
        (["e1,Mini-Maria,4,youth,,2016-05, 2016 "], []),  # a year ends on 31 December; cells are trimmed
        (["e1,Mini-Maria,4,youth,,2016-05-01,2016-05-01"], []),
        (["e1,Mini-Maria,4,youth,,,2016"], []),  # an end without a start, and a start without an end, are fine
        (["e1,Mini-Maria,4,youth,,2015/16,2014"], [("efforts.csv", 3, "start", "invalid-date")]),
    ],
)
def test_each_plan_and_date_problem_alone(tmp_path, rows, expected):
    _, problems = actormap.check_map(write_map(tmp_path / "m", **plan_efforts(*rows)))
    assert located(problems) == expected


def test_date_and_cycle_messages_name_the_formats_and_the_start(tmp_path):
    files = plan_efforts("e1,Mini-Maria,4,youth,e1,2015/16,", "e2,Fältgruppen,3,youth,,2016-05,2016-04")
    _, problems = actormap.check_map(write_map(tmp_path / "m", **files))
    assert [format_problem(row) for row in problems.itertuples()] == [
        'efforts.csv:3:start: the date "2015/16" cannot be read; write it as YYYY, YYYY-MM or YYYY-MM-DD, '
        "e.g. 2016, 2016-09 or 2016-09-01",
        "efforts.csv:3:parent: the parent chain loops: e1 → e1; an effort cannot be part of itself, "
        "directly or through others",
        'efforts.csv:4:end: the end "2016-04" is before the start "2016-05"; correct one of them',
    ]
    assert DATE_FORMATS in problems.loc[0, "message"]
    assert localized_messages(problems, "sv").tolist() == [
        'datumet "2015/16" går inte att läsa; skriv det som ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD, '
        "t.ex. 2016, 2016-09 eller 2016-09-01",
        "kedjan av överordnade går runt i en ring: e1 → e1; en insats kan inte ingå i sig själv, "
        "direkt eller via andra",
        'slutdatumet "2016-04" ligger före startdatumet "2016-05"; rätta ett av dem',
    ]


GROUPS = 'target_groups = ["population", "youth"]\n'
AS_OF = 'as_of must be a date written YYYY-MM-DD, e.g. 2016-05-01, not "{}"'
COVERAGE = 'coverage must be a table, e.g. a line [coverage] followed by not_expected = ["treatment:population"]'


@pytest.mark.parametrize(
    "meta, expected",
    [
        ("as_of = 2016-05-01\n", []),
        ('as_of = "2016-05-01"\n', []),
        ('as_of = "2016"\n', [("as_of", AS_OF.format("2016"))]),
        ("as_of = 2016\n", [("as_of", AS_OF.format("2016"))]),
        ("as_of = 10:30:00\n", [("as_of", AS_OF.format("10:30:00"))]),
        ('as_of = "hösten 2016"\n', [("as_of", AS_OF.format("hösten 2016"))]),
        (
            GROUPS + '[coverage]\nnot_expected = ["4:population", "Tidlig indsats:population", " treatment : youth"]\n',
            [],
        ),
        (GROUPS + "[coverage]\nnot_expected = []\n", []),
        (GROUPS + "[coverage]\n", []),  # the default
        (GROUPS + '[coverage]\nexpect_off = "x"\n', []),  # other keys are not this check's
        (
            GROUPS + 'coverage = "treatment:population"\n',
            [("coverage", COVERAGE)],
        ),
        (
            GROUPS + '[coverage]\nnot_expected = "treatment:population"\n',
            [
                (
                    "coverage.not_expected",
                    'coverage.not_expected must be a list of texts written level:group, e.g. ["treatment:population"]',
                )
            ],
        ),
        (
            GROUPS + '[coverage]\nnot_expected = ["tretment:population"]\n',
            [
                (
                    "coverage.not_expected",
                    'unknown level "tretment" in "tretment:population" (allowed: promotion (1), prevention (2), '
                    'early_intervention (3), treatment (4) or a level\'s name); did you mean "treatment"?',
                )
            ],
        ),
        (
            GROUPS + '[coverage]\nnot_expected = ["treatment:adults"]\n',
            [
                (
                    "coverage.not_expected",
                    'unknown target group "adults" in "treatment:adults" (the map\'s groups: population, youth)',
                )
            ],
        ),
        (
            GROUPS + '[coverage]\nnot_expected = ["behandling:yuoth"]\n',
            [
                (
                    "coverage.not_expected",
                    'unknown target group "yuoth" in "behandling:yuoth" (the map\'s groups: population, youth); '
                    'did you mean "youth"?',
                )
            ],
        ),
        (
            GROUPS + '[coverage]\nnot_expected = ["treatment", 4, ":youth"]\n',
            [
                (
                    "coverage.not_expected",
                    f'"{value}" is not written level:group, e.g. "treatment:population"; levels: promotion (1), '
                    "prevention (2), early_intervention (3), treatment (4) or a level's name; "
                    "the map's groups: population, youth",
                )
                for value in ("treatment", 4, ":youth")
            ],
        ),
        (
            'target_groups = "youth"\n[coverage]\nnot_expected = ["treatment:youth"]\n',
            [("target_groups", 'target_groups must be a non-empty list of names, e.g. ["youth", "adults"]')],
        ),  # wrong groups are reported once, not again for every entry
    ],
)
def test_as_of_and_coverage_problems_are_located_at_their_key(tmp_path, meta, expected):
    _, problems = actormap.check_map(write_map(tmp_path / "m", **PLAN, meta=meta))
    metadata = problems[problems["file"] == "map.toml"]
    assert [(row.row, row.column, row.code, row.message) for row in metadata.itertuples()] == [
        (pd.NA, column, "invalid-metadata", message) for column, message in expected
    ]


def test_coverage_problems_in_each_language_keep_the_value(tmp_path):
    meta = GROUPS + '[coverage]\nnot_expected = ["behandling:yuoth"]\n'
    _, problems = actormap.check_map(write_map(tmp_path / "m", **PLAN, meta=meta))
    assert localized_messages(problems, "da").tolist() == [
        'ukendt målgruppe "yuoth" i "behandling:yuoth" (kortets målgrupper: population, youth); mente du "youth"?'
    ]


def test_a_workbook_map_sheet_is_checked_as_map_toml_is(tmp_path):
    workbook = tmp_path / "plan.xlsx"
    actormap.save_map(actormap.load_map(write_map(tmp_path / "m", **PLAN)), workbook)
    book = openpyxl.load_workbook(workbook)
    book["map"].append(["as_of", "hösten 2016"])
    book["map"].append(["coverage.not_expected", "treatment:youth, treatment:elderly"])
    book.save(workbook)
    _, problems = actormap.check_map(workbook)
    assert located(problems) == [
        ("plan.xlsx[map]", None, "as_of", "invalid-metadata"),
        ("plan.xlsx[map]", None, "coverage.not_expected", "invalid-metadata"),
    ]
    assert 'unknown target group "elderly" in "treatment:elderly"' in problems.loc[1, "message"]


BEFORE_PLANS = sorted((Path(__file__).parent / "corpus" / "before-plans").iterdir())
"""The five example maps as they were before efforts had plans and dates (actormap 0.1.0)."""


@pytest.mark.parametrize("old", BEFORE_PLANS, ids=lambda path: path.name)
def test_a_map_written_before_plans_and_dates_has_the_problems_it_had(old):
    _, problems = actormap.check_map(old)
    had = [("actors.csv", "id", "unused-actor")] if old.name == "goteborg" else []
    assert [(row.file, row.column, row.code) for row in problems.itertuples()] == had


# --- what the map expects: [[pathway]], [[expect]], expect_off, user_voice_levels; funding ---------------------

EXPECTS = """country = "SE"
target_groups = ["population", "youth", "adults"]
user_voice_levels = ["3", "Behandling"]
expect_off = ["se-missbruk-overenskommelse"]

[[pathway]]
name = "Youth to adult services"
steps = ["treatment:youth", "4:adults"]

[[expect]]
id = "police"
from = ["sn", "social_services"]
to = "police"
kind = "Agreement"
basis = "KF 2016-03-01 § 12"
until = 2027-01-01
"""
TYPES = "committee, administration, school, social_services, health_care, police, ngo, user_organisation, " + (
    "state_agency, other"
)
LEVEL_LIST = "promotion (1), prevention (2), early_intervention (3), treatment (4)"


def expects(*tables: str, **keys: str) -> str:
    """A map.toml of a Swedish map with the groups population and youth, these keys and these arrays of tables."""
    lines = ['country = "SE"', 'target_groups = ["population", "youth"]', *(f"{k} = {v}" for k, v in keys.items())]
    return "\n".join(lines) + "\n" + "".join(f"\n{table.strip()}\n" for table in tables)


PATHWAY = '[[pathway]]\nname = "Release"\n'
EXPECT = '[[expect]]\nid = "pol"\nfrom = "sn"\nto = "police"\nkind = "agreement"\nbasis = "KF 2016"\n'


def test_a_map_with_pathways_expectations_and_user_voice_levels_is_valid(tmp_path):
    actor_map, problems = actormap.check_map(write_map(tmp_path / "m", **PLAN, meta=EXPECTS))
    assert located(problems) == []
    assert [(p.name, p.steps) for p in actor_map.pathways] == [
        ("Youth to adult services", (("treatment", "youth"), ("treatment", "adults")))
    ]
    assert [(e.id, e.source_actor, e.target, e.kind) for e in actor_map.expectations] == [
        ("police", ("sn", "social_services"), ("police",), "agreement")
    ]
    assert actor_map.user_voice_levels == ("early_intervention", "treatment")


@pytest.mark.parametrize(
    "meta, expected",
    [
        (expects(pathway='"prison:adults"'), [("pathway", "invalid-pathway")]),
        (expects(pathway="[1]"), [("pathway[1]", "invalid-pathway")]),
        (
            expects('[[pathway]]\nsteps = ["4:youth"]'),
            [("pathway[1].name", "invalid-pathway"), ("pathway[1].steps", "invalid-pathway")],
        ),
        (
            expects(PATHWAY + 'steps = ["4:youth", "behandlng:yuoth", "treatment", 4]'),
            [("pathway[1].steps", "invalid-pathway")] * 4,
        ),
        (expects(expect='"police"'), [("expect", "invalid-expectation")]),
        (expects(expect='["police"]'), [("expect[1]", "invalid-expectation")]),
        (
            expects('[[expect]]\nid = 7\nfrom = []\nto = ["police", 1]\nkind = 3'),
            [
                ("expect[1].id", "invalid-expectation"),
                ("expect[1].from", "invalid-expectation"),
                ("expect[1].to", "invalid-expectation"),
                ("expect[1].kind", "invalid-expectation"),
                ("expect[1].basis", "invalid-expectation"),
            ],
        ),
        (expects(EXPECT, EXPECT), [("expect[2].id", "invalid-expectation")]),
        (
            expects(EXPECT.replace('"pol"', '"se-missbruk-overenskommelse"')),
            [("expect[1].id", "invalid-expectation")],
        ),
        (
            expects(EXPECT.replace('to = "police"', 'to = ["polis", "ifo"]').replace('"agreement"', '"avtal"')),
            [
                ("expect[1].kind", "invalid-expectation"),
                ("expect[1].to", "invalid-expectation"),
                ("expect[1].to", "invalid-expectation"),
            ],
        ),
        (expects(EXPECT + 'until = "2027"\n'), [("expect[1].until", "invalid-expectation")]),
        (expects(expect_off='"se-missbruk-overenskommelse"'), [("expect_off", "invalid-metadata")]),
        (expects(expect_off='["se-missbruk", "se-missbruk-overenskommelse"]'), [("expect_off", "unknown-expectation")]),
        (expects(user_voice_levels='"treatment"'), [("user_voice_levels", "invalid-metadata")]),
        (expects(user_voice_levels='[4, "behandlng", true]'), [("user_voice_levels", "unknown-level")] * 2),
    ],
)
def test_each_pathway_and_expectation_problem_is_located_at_its_key(tmp_path, meta, expected):
    _, problems = actormap.check_map(write_map(tmp_path / "m", **PLAN, meta=meta))
    assert [(row.file, row.row, row.column, row.code) for row in problems.itertuples()] == [
        ("map.toml", pd.NA, column, code) for column, code in expected
    ]


def test_pathway_and_expectation_messages_name_the_entry_and_what_is_allowed(tmp_path):
    meta = expects(
        PATHWAY + 'steps = ["4:youth", "behandlng:yuoth", "treatment"]',
        EXPECT.replace('from = "sn"', 'from = ["sn", "comittee"]').replace('"agreement"', '"avtal"'),
        EXPECT.replace('basis = "KF 2016"', 'until = "snart"'),
        expect_off='["se-missbruk"]',
    )
    _, problems = actormap.check_map(write_map(tmp_path / "m", **PLAN, meta=meta))
    assert [format_problem(row) for row in problems.itertuples()] == [
        f'map.toml:pathway[1].steps: unknown level "behandlng" in step "behandlng:yuoth" of pathway 1 (allowed: '
        f'{LEVEL_LIST} or a level\'s name); did you mean "behandling"?',
        'map.toml:pathway[1].steps: unknown target group "yuoth" in step "behandlng:yuoth" of pathway 1 '
        '(the map\'s groups: population, youth); did you mean "youth"?',
        'map.toml:pathway[1].steps: step "treatment" of pathway 1 is not written level:group; levels: '
        f"{LEVEL_LIST} or a level's name; the map's groups: population, youth",
        'map.toml:expect[1].kind: unknown relation kind "avtal" in requirement 1 (allowed: agreement, collaboration, '
        "commission, referral)",
        'map.toml:expect[2].id: the id "pol" is used again (first by requirement 1); ids must be unique',
        "map.toml:expect[2].basis: requirement 2 needs a basis: the law or decision that requires it, "
        'e.g. basis = "socialtjänstlagen 5 kap. 9 a §"',
        "map.toml:expect[2].until: until of requirement 2 must be a date written YYYY-MM-DD, e.g. 2027-01-01, "
        'not "snart"',
        f'map.toml:expect[1].from: from "comittee" of requirement 1 is neither an actor id in actors.csv nor an actor '
        f'type ({TYPES}); did you mean "committee"?',
        'map.toml:expect_off: warning: expect_off names "se-missbruk", which is none of the requirements shipped '
        'for SE (those are: se-missbruk-overenskommelse); did you mean "se-missbruk-overenskommelse"?',
    ]
    assert list(problems["severity"]) == ["error"] * 8 + ["warning"]
    assert localized_messages(problems.iloc[[0, 7]], "sv").tolist() == [
        f'okänd nivå "behandlng" i steget "behandlng:yuoth" i insatskedja 1 (tillåtna: {LEVEL_LIST} eller en nivås '
        'namn); menade du "behandling"?',
        f'from "comittee" i krav 1 är varken ett aktörs-id i actors.csv eller en aktörstyp ({TYPES}); '
        'menade du "committee"?',
    ]
    assert localized_messages(problems.iloc[[4]], "da").tolist() == [
        'id\'et "pol" bruges igen (første gang i krav 1); et id skal være entydigt'
    ]
    assert localized_messages(problems.iloc[[8]], "nb").tolist() == [
        'expect_off nevner "se-missbruk", som ikke er et av de medfølgende kravene for SE '
        '(de er: se-missbruk-overenskommelse); mente du "se-missbruk-overenskommelse"?'
    ]


@pytest.mark.parametrize(
    "country, message",
    [
        (
            'country = "FI"\n',
            'expect_off names "x", but no requirements are shipped for the map\'s country "FI" '
            "(countries with a checklist: SE, DK, NO)",
        ),
        (
            "",
            'expect_off names "x", but the map gives no country; checklists are shipped for SE, DK, NO, '
            'e.g. country = "SE"',
        ),
    ],
)
def test_expect_off_without_a_shipped_checklist_is_a_warning_that_says_why(tmp_path, country, message):
    loaded = actormap.load_map(write_map(tmp_path / "m", **PLAN, meta=country + 'expect_off = ["x"]\n'))
    assert [(row.column, row.code, row.message) for row in loaded.warnings.itertuples()] == [
        ("expect_off", "unknown-expectation", message)
    ]


def test_a_workbook_map_sheet_locates_pathway_and_expect_rows(tmp_path):
    workbook = tmp_path / "plan.xlsx"
    actormap.save_map(actormap.load_map(write_map(tmp_path / "m", **PLAN, meta=EXPECTS)), workbook)
    book = openpyxl.load_workbook(workbook)
    rows = {row[0].value: row for row in book["map"].iter_rows(min_row=2)}
    rows["expect[1].to"][1].value = "polis,"
    rows["pathway[1].steps"][1].value = "treatment:youth"
    book.save(workbook)
    _, problems = actormap.check_map(workbook)
    assert located(problems) == [
        ("plan.xlsx[map]", None, "pathway[1].steps", "invalid-pathway"),
        ("plan.xlsx[map]", None, "expect[1].to", "invalid-expectation"),
    ]
    assert problems.loc[1, "message"].startswith('to "polis" of requirement 1 is neither an actor id')


@pytest.mark.parametrize(
    "rows, expected",
    [
        ("sn,plan,funder,,grant\nsn,e1,funder,,budget\n", []),
        ("sn,plan,lead,,grant\n", [("participation.csv", 2, "funding", "funding-not-funder")]),
        (
            "sn,plan,lead,,\nsn,e1,partner,,projektmedel\n",
            [
                ("participation.csv", 3, "funding", "unknown-funding"),
                ("participation.csv", 3, "funding", "funding-not-funder"),
            ],
        ),
        ("sn,plan,boss,,grant\nsn,e1,lead,,\n", [("participation.csv", 2, "role", "unknown-role")]),
    ],
)
def test_funding_belongs_on_a_funder_row(tmp_path, rows, expected):
    participation = "actor,effort,role,basis,funding\n" + rows
    _, problems = actormap.check_map(write_map(tmp_path / "m", **{**PLAN, "participation": participation}))
    assert located(problems) == expected


def test_funding_on_another_role_says_what_funding_is(tmp_path):
    participation = "actor,effort,role,basis,funding\nsn,plan,lead,,Grant\nsn,e1,lead,,\n"
    _, problems = actormap.check_map(write_map(tmp_path / "m", **{**PLAN, "participation": participation}))
    assert [format_problem(row) for row in problems.itertuples()] == [
        "participation.csv:2:funding: funding says what a funder's money is; this row's role is \"lead\": "
        'clear "grant" here, or write it on a row where the actor\'s role is funder'
    ]
    assert localized_messages(problems, "sv").tolist() == [
        'funding anger vad en finansiärs pengar är; radens roll är "lead": töm "grant" här, eller skriv det på en '
        "rad där aktörens roll är funder"
    ]
