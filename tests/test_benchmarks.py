"""The benchmark scripts still run, end to end, on a tiny map (nothing here is timed)."""

import subprocess
import sys

import pytest
from conftest import ROOT

import actormap
from actormap.synthetic import generate_map, write_files
from actormap.view.filters import ViewFilters
from actormap.view.html import network_html
from actormap.view.layout import levels_layout
from actormap.view.network import network_view

sys.path.insert(0, str(ROOT / "benchmarks"))
browser = pytest.importorskip("browser")
common = pytest.importorskip("common")


def test_run_prints_every_section_without_errors(tmp_path):
    command = [
        sys.executable,
        str(ROOT / "benchmarks" / "run.py"),
        "--sizes",
        "200",
        "--repeat",
        "1",
        "--no-browser",
        "--network-nodes",
        "300",
        "--app-size",
        "200",
        "--startup-actors",
        "200",
        "--json",
        str(tmp_path / "figures.json"),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    headings = ("## Pipeline by map size", "## Whole commands", "## Network page", "## The app under AppTest, N = 200")
    for heading in (*headings, "## Targets"):
        assert heading in done.stdout
    assert "error" not in done.stdout
    assert "| raw `pandas.read_csv` of the 3 files (the floor) |" in done.stdout
    assert (tmp_path / "figures.json").exists()


@pytest.mark.parametrize("nodes", [200, 1000, 5000])
def test_actors_for_nodes_gives_the_smallest_map_with_that_many_nodes(tmp_path, nodes):
    actors = common.actors_for_nodes(nodes)

    def shown(count):
        actor_map = actormap.load_map(write_files(generate_map(count), tmp_path / str(count)))
        return len(network_view(actor_map, {}, ViewFilters(), level_headings=True).nodes)

    assert shown(actors) >= nodes > shown(actors - 1)


def test_both_browser_pages_carry_the_hook(tmp_path):
    actor_map = actormap.load_map(write_files(generate_map(50), tmp_path / "map"))
    view = network_view(actor_map, levels_layout(actor_map), ViewFilters(), level_headings=True)
    for page in (network_html(view), browser.physics_page(view)):
        assert browser.hooked(page).count("window.__hook(network);") == 1
    with pytest.raises(ValueError, match="no `network = new vis.Network"):
        browser.hooked("<html></html>")
