"""The actormap command: exit codes, located problems, findings in every format."""

import json
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from conftest import HERNING, INVALID, KOMMUN, TWO_MUNICIPALITIES, write_map

from actormap.cli import main


@pytest.fixture
def kommun_folder(tmp_path):
    return write_map(tmp_path / "kommun", **KOMMUN)


def test_validate_valid_map_exits_0(kommun_folder, capsys):
    assert main(["validate", str(kommun_folder)]) == 0
    assert capsys.readouterr().out == ""


def test_validate_lists_every_problem_and_exits_1(capsys):
    assert main(["validate", str(INVALID)]) == 1
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 24
    assert 'efforts.csv:2:level: unknown level "Behandlng"; did you mean "Behandling" (treatment)?' in out.splitlines()
    assert err.strip().endswith("18 errors, 6 warnings")


def test_validate_json(capsys):
    main(["validate", str(INVALID), "--format", "json"])
    problems = json.loads(capsys.readouterr().out)
    assert problems[0] == {
        "file": "actors.csv",
        "row": 3,
        "column": "type",
        "code": "unknown-type",
        "severity": "error",
        "message": problems[0]["message"],
    }
    assert problems[9]["column"] is None and problems[9]["code"] == "duplicate-row"


def test_random_bytes_give_one_line_never_a_traceback(tmp_path):
    noise = bytes(random_byte for random_byte in range(256)) * 20
    (tmp_path / "noise.xlsx").write_bytes(noise)
    (tmp_path / "noise.bin").write_bytes(noise)
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "actors.csv").write_bytes(noise)
    for path, code in ((tmp_path / "noise.xlsx", 1), (tmp_path / "noise.bin", 2), (folder, 1)):
        done = subprocess.run([sys.executable, "-m", "actormap", "validate", str(path)], capture_output=True, text=True)
        assert done.returncode == code
        assert "Traceback" not in done.stderr + done.stdout
    assert done.stdout.splitlines()[0].startswith("actors.csv: cannot read the text")


def test_validate_locates_bad_dates_and_coverage_and_names_what_is_allowed(tmp_path, capsys):
    folder = write_map(
        tmp_path / "plan",
        meta='as_of = "våren 2016"\ntarget_groups = ["youth"]\n[coverage]\nnot_expected = ["treatment"]\n',
        actors="id,name,type\nsn,Socialnämnden,committee\n",
        efforts="id,name,level,target_groups,parent,start,end\nplan,ANDT-plan,2,youth,plan,2015/16,\n"
        "mm,Mini-Maria,4,youth,plan,2016-05,2016-04\n",
        participation="actor,effort,role\nsn,plan,lead\nsn,mm,lead\n",
    )
    assert main(["validate", str(folder)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        'efforts.csv:2:start: the date "2015/16" cannot be read; write it as YYYY, YYYY-MM or YYYY-MM-DD, '
        "e.g. 2016, 2016-09 or 2016-09-01",
        "efforts.csv:2:parent: the parent chain loops: plan → plan; an effort cannot be part of itself, "
        "directly or through others",
        'efforts.csv:3:end: the end "2016-04" is before the start "2016-05"; correct one of them',
        'map.toml:as_of: as_of must be a date written YYYY-MM-DD, e.g. 2016-05-01, not "våren 2016"',
        'map.toml:coverage.not_expected: "treatment" is not written level:group, e.g. "treatment:population"; '
        "levels: promotion (1), prevention (2), early_intervention (3), treatment (4) or a level's name; "
        "the map's groups: youth",
    ]
    assert err.strip().endswith("5 errors, 0 warnings")


def test_validate_locates_pathway_expectation_and_funding_problems_never_a_traceback(tmp_path, capsys):
    folder = write_map(
        tmp_path / "plan",
        meta='country = "NO"\ntarget_groups = ["youth", "adults"]\nexpect_off = ["no-samarbeidsavtale"]\n'
        'user_voice_levels = "treatment"\n\n[[pathway]]\nname = "Fra ungdom til voksen"\n'
        'steps = ["4:youth", "4:voksne"]\n\n[[expect]]\nid = "politi"\nfrom = "kommunestyret"\nto = "politi"\n'
        'kind = "agreement"\n',
        actors="id,name,type\nkommunestyret,Kommunestyret,committee\n",
        efforts="id,name,level,target_groups\nmm,Ruskonsulent,4,youth\n",
        participation="actor,effort,role,basis,funding\nkommunestyret,mm,lead,,grant\n",
    )
    assert main(["validate", str(folder)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        'map.toml:pathway[1].steps: unknown target group "voksne" in step "4:voksne" of pathway 1 '
        "(the map's groups: youth, adults)",
        "map.toml:expect[1].basis: requirement 1 needs a basis: the law or decision that requires it, "
        'e.g. basis = "socialtjänstlagen 5 kap. 9 a §"',
        'map.toml:user_voice_levels: user_voice_levels must be a list of levels, e.g. ["early_intervention", '
        '"treatment"]',
        'map.toml:expect[1].to: to "politi" of requirement 1 is neither an actor id in actors.csv nor an actor type '
        "(committee, administration, school, social_services, health_care, police, ngo, user_organisation, "
        'state_agency, other); did you mean "police"?',
        "participation.csv:2:funding: funding says what a funder's money is; this row's role is \"lead\": "
        'clear "grant" here, or write it on a row where the actor\'s role is funder',
        'map.toml:expect_off: warning: expect_off names "no-samarbeidsavtale", which is none of the requirements '
        "shipped for NO (those are: no-samarbeidsavtale-helseforetak); did you mean "
        '"no-samarbeidsavtale-helseforetak"?',
    ]
    assert err.strip().endswith("5 errors, 1 warning")


def test_not_a_map_exits_2(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nowhere")]) == 2
    assert capsys.readouterr().err.strip() == f"actormap: {tmp_path / 'nowhere'} is not a map: no such folder"


def test_gaps_json_has_the_finding_fields(kommun_folder, capsys):
    assert main(["gaps", str(kommun_folder), "--format", "json"]) == 0
    findings = json.loads(capsys.readouterr().out)
    assert len(findings) == 13
    assert findings[0] == {
        "rule": "uncovered",
        "severity": "high",
        "level": "prevention",
        "to_level": "",
        "target_group": "adults",
        "efforts": [],
        "actors": [],
        "message": "There is no prevention effort for adults.",
    }


def test_gaps_filters(kommun_folder, capsys):
    main(["gaps", str(kommun_folder), "--format", "csv", "--level", "prevention", "--rule", "no_follow_up"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "rule,severity,level,to_level,target_group,efforts,actors,message"
    assert [line.split(",")[5] for line in lines[1:]] == ["prev2"]
    main(["gaps", str(kommun_folder), "--format", "csv", "--target-group", "adults", "--rule", "uncovered"])
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_gaps_what_if_reports_only_new_findings(kommun_folder, capsys):
    main(["gaps", str(kommun_folder), "--format", "json", "--without", "ifo"])
    findings = json.loads(capsys.readouterr().out)
    assert [(f["rule"], f["efforts"]) for f in findings] == [
        ("no_lead", ["early1"]),
        ("broken_handover", ["early1", "early2", "treat2"]),
        ("fragmented", []),
    ]


def test_gaps_on_an_invalid_map_prints_problems_and_exits_1(capsys):
    assert main(["gaps", str(INVALID)]) == 1
    assert len(capsys.readouterr().out.splitlines()) == 18


def test_gaps_table_and_markdown(kommun_folder, capsys):
    main(["gaps", str(kommun_folder), "--language", "sv"])
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["SEVERITY", "RULE", "LEVEL", "TARGET", "GROUP", "MESSAGE"]
    assert table[-1] == "13 findings"
    main(["gaps", str(kommun_folder), "--format", "md", "--rule", "isolated_actor"])
    assert capsys.readouterr().out.splitlines()[2].startswith("| low | isolated_actor |")


def test_gaps_and_export_of_one_municipality(tmp_path, capsys):
    folder = write_map(tmp_path / "two", **TWO_MUNICIPALITIES)
    assert main(["gaps", str(folder), "--format", "json", "--rule", "no_follow_up", "--municipality", "Mora"]) == 0
    assert [f["efforts"] for f in json.loads(capsys.readouterr().out)] == [["m1"], ["m2"]]
    ale = tmp_path / "ale.gexf"
    assert main(["export", str(folder), "--format", "gexf", "--municipality", "Ale", "-o", str(ale)]) == 0
    assert "Två kommuner · Ale" in ale.read_text("utf-8")


@pytest.mark.parametrize(
    ("folder", "said"), [("two", "(it has Mora, Ale)"), ("kommun", "(it does not name several municipalities)")]
)
def test_an_unknown_municipality_exits_2_and_names_the_known_ones(tmp_path, capsys, folder, said):
    path = write_map(tmp_path / folder, **(TWO_MUNICIPALITIES if folder == "two" else KOMMUN))
    assert main(["gaps", str(path), "--municipality", "Oslo"]) == 2
    assert capsys.readouterr().err == f"actormap: --municipality names no municipality of the map {said}\n"


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_stopping_serve_stops_the_server_it_started(stop_signal):
    """``actormap serve`` becomes the server: a stop signal leaves nothing listening on the port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "actormap", "serve", "--port", str(port), str(HERNING)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not answers(port):
            assert server.poll() is None and time.monotonic() < deadline, "the server never answered"
            time.sleep(0.25)
        server.send_signal(stop_signal)
        server.wait(timeout=20)
        assert not answers(port)
    finally:
        if server.poll() is None:
            server.kill()


def answers(port: int) -> bool:
    """Whether something on this machine answers Streamlit's health check on ``port``."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as answer:
            return answer.read().decode().strip() == "ok"
    except OSError:
        return False
