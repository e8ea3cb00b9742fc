"""One measurement in a fresh process: ``python benchmarks/stages.py STAGE MAP``; prints one JSON line.

``run.py`` starts a new process for every repetition, so each figure is a
cold run of the library in a warm page cache, and ``ru_maxrss`` is the
peak memory of that run alone. Stages:

- ``pipeline``: raw ``pandas.read_csv`` of the three required files, then
  load + validate, graph, findings, coverage, levels layout and the network
  page (``network_view`` + ``network_html``), each timed; and networkx
  alone building the bare graph (nodes and participation edges, no
  attributes), the floor under ``build_graph``; peak RSS read
  after coverage and again at the end;
- ``naive``: the same view's nodes and edges handed to pyvis one by one
  (``add_node``/``add_edge``) and ``generate_html``;
- ``png``: the PNG export (``actormap.export``), when it exists;
- ``app``: Streamlit's AppTest on the map: the first run, then reruns after
  a filter or language change on the overview and the network page.
"""

from __future__ import annotations

import json
import resource
import statistics
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import networkx as nx  # noqa: E402
import pandas as pd  # noqa: E402

import actormap  # noqa: E402
from actormap.analysis.coverage import coverage  # noqa: E402
from actormap.analysis.graph import build_graph  # noqa: E402
from actormap.analysis.rules import find_all  # noqa: E402
from actormap.view.filters import ViewFilters  # noqa: E402
from actormap.view.html import network_html  # noqa: E402
from actormap.view.layout import levels_layout  # noqa: E402
from actormap.view.network import network_view  # noqa: E402

REQUIRED = ("actors.csv", "efforts.csv", "participation.csv")


def peak_mib() -> float:
    """This process's peak resident memory so far, in MiB (Linux reports ``ru_maxrss`` in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def _view(actor_map):
    return network_view(actor_map, levels_layout(actor_map), ViewFilters(), actor_map.language, level_headings=True)


def pipeline(folder: Path) -> dict:
    baseline = peak_mib()
    raw, raw_seconds = timed(
        lambda: [pd.read_csv(folder / name, dtype=str, keep_default_na=False) for name in REQUIRED]
    )
    del raw
    (actor_map, problems), load = timed(actormap.check_map, folder)
    errors = int((problems["severity"] == "error").sum())
    graph, graph_seconds = timed(build_graph, actor_map)
    nodes, edges = graph.number_of_nodes(), graph.number_of_edges()
    del graph
    bare, networkx_seconds = timed(bare_networkx, actor_map)
    del bare
    findings, findings_seconds = timed(find_all, actor_map)
    _, coverage_seconds = timed(coverage, actor_map)
    peak_analysis = peak_mib()
    positions, layout_seconds = timed(levels_layout, actor_map)
    view, view_seconds = timed(
        network_view, actor_map, positions, ViewFilters(), actor_map.language, level_headings=True
    )
    page, html_seconds = timed(network_html, view, actor_map.language)
    return dict(
        raw=raw_seconds,
        load=load,
        graph=graph_seconds,
        networkx=networkx_seconds,
        findings=findings_seconds,
        coverage=coverage_seconds,
        layout=layout_seconds,
        html_ours=view_seconds + html_seconds,
        html_only=html_seconds,
        errors=errors,
        graph_nodes=nodes,
        graph_edges=edges,
        findings_count=len(findings),
        view_nodes=len(view.nodes),
        view_edges=len(view.edges),
        page_mb=len(page.encode()) / 1e6,
        baseline_mib=baseline,
        peak_analysis_mib=peak_analysis,
        peak_mib=peak_mib(),
    )


def bare_networkx(actor_map) -> nx.MultiDiGraph:
    """networkx alone: the map's nodes and one keyed edge per participation, without attributes."""
    participation = actor_map.participation
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(actor_map.actors["id"].tolist() + actor_map.efforts["id"].tolist())
    graph.add_edges_from(
        zip(participation["actor"].tolist(), participation["effort"].tolist(), participation["role"].tolist())
    )
    return graph


def naive(folder: Path) -> dict:
    """pyvis fed node by node and edge by edge: the way pyvis's own add_node/add_edge/from_nx work."""
    from pyvis.network import Network

    actor_map = actormap.load_map(folder)
    view = _view(actor_map)
    start = time.perf_counter()
    net = Network()
    for node in view.nodes:
        net.add_node(node["id"], **{key: value for key, value in node.items() if key != "id"})
    for edge in view.edges:
        options = {key: value for key, value in edge.items() if key not in ("from", "to")}
        net.add_edge(edge["from"], edge["to"], **options)
    net.generate_html()
    return dict(naive=time.perf_counter() - start, view_nodes=len(view.nodes))


def png(folder: Path) -> dict:
    """The PNG export of the whole map, from selection to bytes."""
    from actormap.export.image import network_image
    from actormap.view.selection import select

    actor_map = actormap.load_map(folder)
    start = time.perf_counter()
    data = network_image(select(actor_map, ViewFilters(), actor_map.language), "png")
    return dict(png=time.perf_counter() - start, png_mb=len(data) / 1e6)


def app(folder: Path, repeat: int) -> dict:
    """AppTest timings: first run (caches cleared), then reruns after each kind of change; medians.

    A step that fails (a widget renamed, an exception in the app) gives an
    ``error`` for its own figure; the other figures are still measured.
    """
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from actormap.ui.widgets import MEMORY, key_for

    sys.argv = [str(ROOT / "app.py"), str(folder)]  # the map as `streamlit run app.py -- MAP` gives it

    def fresh() -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=900)
        at.session_state[MEMORY] = {"map": str(folder.resolve())}
        return at

    def checked(at: AppTest) -> AppTest:
        if at.exception:
            raise RuntimeError(at.exception[0].message)
        return at

    def language() -> str:
        return at.session_state["language"]

    def change(kind: str, name: str, value) -> float:
        """Set widget ``name`` (its key in the current language) and rerun; the seconds it took."""
        if kind == "language":
            widget = at.sidebar.selectbox(key="language")
        else:
            widget = getattr(at.sidebar if name == "page" else at, kind)(key=key_for(name, language()))
        start = time.perf_counter()
        checked(widget.set_value(value).run())
        return time.perf_counter() - start

    name = tomllib.loads((folder / "map.toml").read_text("utf-8"))["name"]
    figures: dict = {"first_run": []}
    for _ in range(repeat):
        st.cache_data.clear()
        st.cache_resource.clear()
        at = fresh()
        start = time.perf_counter()
        checked(at.run())
        figures["first_run"].append(time.perf_counter() - start)
        if name not in [title.value for title in at.title]:
            raise RuntimeError(f"the app did not show the map {name!r}")
    home = language()
    new = [code for code in ("en", "da", "nb", "sv") if code != home][:3]
    steps = {
        "overview_filter": [("multiselect", "filter_rule", value) for value in (["no_lead"], ["informal_only"], [])],
        "overview_language_new": [("language", "", code) for code in new],
        "overview_language_seen": [("language", "", code) for code in (home, *new[:2])],
        "network_first": [("radio", "page", "network")],
        "network_filter": [("multiselect", "net_levels", value) for value in (["treatment"], ["prevention"], [])],
        "network_language": [("language", "", code) for code in (new[0], home, new[1])],
    }
    for figure, changes in steps.items():
        try:
            figures[figure] = [change(*step) for step in changes]
        except Exception as error:  # report it in this figure's cell and go on
            figures[figure] = {"error": f"{type(error).__name__}: {error}"}
    medians = {
        name: statistics.median(values) if isinstance(values, list) else values for name, values in figures.items()
    }
    return medians | {"samples": figures}


def main(argv: list[str]) -> None:
    stage, folder = argv[0], Path(argv[1])
    repeat = int(argv[2]) if len(argv) > 2 else 3
    result = {"pipeline": pipeline, "naive": naive, "png": png}.get(stage)
    figures = result(folder) if result else app(folder, repeat)
    print(json.dumps(figures))


if __name__ == "__main__":
    main(sys.argv[1:])
