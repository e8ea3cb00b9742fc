"""The synthetic map generator: valid maps, documented sizes, planted gaps found exactly, same seed same bytes."""

import pandas as pd
import pytest

import actormap
from actormap.analysis.cells import cell_states
from actormap.analysis.coverage import coverage
from actormap.analysis.graph import build_graph
from actormap.analysis.rules import find_all
from actormap.analysis.slices import municipalities
from actormap.cli import main
from actormap.schema import ACTOR_TYPES, LEVELS
from actormap.synthetic import (
    EFFORTS_PER_ACTOR,
    PARTICIPATIONS_PER_EFFORT,
    RELATIONS_PER_ACTOR,
    UNCOVERED_CELLS,
    generate_map,
    planted_counts,
    write_files,
)
from actormap.view.filters import ViewFilters
from actormap.view.html import network_html
from actormap.view.layout import levels_layout
from actormap.view.network import network_view

PLANTED_RULES = ("no_lead", "multiple_leads", "informal_only", "isolated_actor")
PARTICIPATION_TOLERANCE = 0.1
"""Participations per effort stay within 10 % of PARTICIPATIONS_PER_EFFORT (repeated rows are dropped)."""


def generated(tmp_path, actors, seed=0, municipalities=1):
    folder = write_files(generate_map(actors, seed, municipalities), tmp_path / f"map-{actors}-{seed}-{municipalities}")
    return actormap.check_map(folder)


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A 300-actor map, loaded: (map, problems)."""
    return generated(tmp_path_factory.mktemp("synthetic"), 300, seed=7)


@pytest.mark.parametrize(("actors", "municipalities"), [(10, 1), (300, 1), (2000, 1), (600, 4), (100, 10)])
def test_the_map_validates_and_its_only_warnings_are_the_planted_isolated_actors(tmp_path, actors, municipalities):
    actor_map, problems = generated(tmp_path, actors, municipalities=municipalities)
    assert problems[problems["severity"] == "error"].empty
    assert problems["code"].tolist() == ["unused-actor"] * planted_counts(actors, municipalities)["isolated_actor"]


def test_sizes_follow_the_documented_ratios(tmp_path):
    actor_map, _ = generated(tmp_path, 2000)
    assert len(actor_map.actors) == 2000
    assert len(actor_map.efforts) == round(EFFORTS_PER_ACTOR * 2000) == planted_counts(2000)["efforts"]
    per_effort = len(actor_map.participation) / len(actor_map.efforts)
    assert per_effort == pytest.approx(PARTICIPATIONS_PER_EFFORT, rel=PARTICIPATION_TOLERANCE)
    assert 0.8 * RELATIONS_PER_ACTOR * 2000 <= len(actor_map.relations) <= RELATIONS_PER_ACTOR * 2000
    assert (actor_map.efforts["status"] == "ended").sum() == planted_counts(2000)["ended"]


@pytest.mark.parametrize(("actors", "municipalities"), [(300, 1), (2000, 1), (600, 4)])
def test_planted_gaps_are_found_exactly(tmp_path, actors, municipalities):
    actor_map, _ = generated(tmp_path, actors, seed=3, municipalities=municipalities)
    found = find_all(actor_map)["rule"].value_counts()
    planted = planted_counts(actors, municipalities)
    assert {rule: found.get(rule, 0) for rule in PLANTED_RULES} == {rule: planted[rule] for rule in PLANTED_RULES}


def test_the_uncovered_cells_are_reported(small):
    findings = find_all(small[0])
    uncovered = set(
        zip(*(findings.loc[findings["rule"] == "uncovered", column] for column in ("level", "target_group")))
    )
    states = cell_states(small[0])
    assert [states[cell] for cell in UNCOVERED_CELLS] == ["not_expected", "not_expected", "uncovered", "uncovered"]
    assert set(UNCOVERED_CELLS[2:]) <= uncovered


def test_the_map_looks_like_a_municipality(small):
    actor_map, _ = small
    actors = actor_map.actors.set_index("id")
    assert set(actors["type"]) == set(ACTOR_TYPES)
    assert set(actor_map.efforts["level"]) == set(LEVELS)
    parents = actors.loc[actors["parent"] != "", "parent"]
    assert len(parents) > len(actors) / 2
    assert set(actors.loc[parents, "type"]) <= {"committee", "administration", "police", "health_care"}
    assert actors.loc["a2", "name"] == "Socialnämnden"
    assert actor_map.participation["actor"].str.fullmatch(r"a\d+").all()
    assert actor_map.participation["effort"].str.fullmatch(r"e\d+").all()


def test_the_same_seed_gives_the_same_bytes_and_another_seed_other_bytes():
    assert generate_map(300, seed=5) == generate_map(300, seed=5)
    other = generate_map(300, seed=6)
    assert all(other[name] != text for name, text in generate_map(300, seed=5).items() if name != "map.toml")


def test_files_are_utf8_with_lf_line_ends(tmp_path):
    folder = write_files(generate_map(200), tmp_path / "map")
    for path in folder.iterdir():
        data = path.read_bytes()
        assert b"\r" not in data and data.endswith(b"\n")
        data.decode("utf-8")


def test_several_municipalities_carry_a_municipality_column(tmp_path):
    actor_map, _ = generated(tmp_path, 600, municipalities=4)
    actors = actor_map.tables["actors"]
    assert actors["municipality"].value_counts().tolist() == [150] * 4
    efforts = actor_map.tables["efforts"].set_index("id")["municipality"]
    town = actors.set_index("id")["municipality"]
    participation = actor_map.participation
    assert (town[participation["actor"]].to_numpy() == efforts[participation["effort"]].to_numpy()).all()


def test_one_municipality_leaves_the_municipality_column_blank(small):
    assert set(small[0].actors["municipality"]) == {""} and municipalities(small[0]) == ()
    assert "municipality" not in small[0].tables["efforts"].columns


def test_too_few_actors_for_the_municipalities_is_refused():
    with pytest.raises(ValueError, match="at least 10 actors per municipality \\(30 for 3\\), not 29"):
        generate_map(29, municipalities=3)


def test_the_whole_pipeline_runs_on_a_generated_map(small):
    actor_map, _ = small
    graph = build_graph(actor_map)
    assert graph.number_of_nodes() == 300 + 450
    assert not find_all(actor_map, "en").empty
    grid = coverage(actor_map)
    assert len(grid) == len(LEVELS) * len(actor_map.target_groups)
    view = network_view(actor_map, levels_layout(actor_map), ViewFilters(), "en", level_headings=True)
    running = int((actor_map.efforts["status"] != "ended").sum())
    assert len(view.nodes) == 300 + running + len(LEVELS)
    assert '"id": "a1"' in network_html(view, "en")


# --- actormap demo ---------------------------------------------------------------------------------------------


def test_demo_writes_the_generated_map(tmp_path, capsys):
    folder = tmp_path / "demo"
    assert main(["demo", "--actors", "200", "--seed", "4", "-o", str(folder)]) == 0
    expected = generate_map(200, seed=4)
    rows = {name: text.count("\n") - 1 for name, text in expected.items()}
    assert capsys.readouterr().out == (
        f"{folder}: 200 actors, 300 efforts, {rows['participation.csv']} participations, "
        f"{rows['relations.csv']} relations (seed 4)\n"
    )
    assert {path.name: path.read_text("utf-8") for path in folder.iterdir()} == expected


def test_demo_with_municipalities_writes_the_column(tmp_path):
    assert main(["demo", "--actors", "40", "--municipalities", "2", "-o", str(tmp_path / "demo")]) == 0
    actors = pd.read_csv(tmp_path / "demo" / "actors.csv", dtype=str)
    assert actors["municipality"].nunique() == 2


def test_demo_replaces_a_map_but_refuses_a_folder_with_other_things(tmp_path, capsys):
    folder = tmp_path / "demo"
    assert main(["demo", "--actors", "50", "-o", str(folder)]) == 0
    assert main(["demo", "--actors", "60", "-o", str(folder)]) == 0
    assert (folder / "actors.csv").read_text("utf-8").count("\n") == 61
    other = tmp_path / "notes"
    other.mkdir()
    (other / "todo.txt").write_text("x")
    capsys.readouterr()
    assert main(["demo", "--actors", "50", "-o", str(other)]) == 2
    assert capsys.readouterr().err == f"actormap: {other} is not empty and holds no map; give an empty or new folder\n"
    assert sorted(path.name for path in other.iterdir()) == ["todo.txt"]


def test_demo_refuses_a_file_and_too_few_actors(tmp_path, capsys):
    (tmp_path / "file.csv").write_text("x")
    assert main(["demo", "--actors", "50", "-o", str(tmp_path / "file.csv")]) == 2
    assert capsys.readouterr().err == f"actormap: {tmp_path / 'file.csv'} is a file; give a folder for the map\n"
    assert main(["demo", "--actors", "15", "--municipalities", "2", "-o", str(tmp_path / "new")]) == 2
    err = capsys.readouterr().err
    assert err == "actormap: a synthetic map needs at least 10 actors per municipality (20 for 2), not 15\n"
    assert not (tmp_path / "new").exists()
