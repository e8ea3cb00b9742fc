"""How long a vis-network page takes to become stable in headless Chromium, physics on and off.

For each node count, two pages of the same synthetic map's network view:

- **physics on**: pyvis's defaults (``Network()``, its vis-network options,
  no positions), the lists handed to pyvis directly; first drawn when
  the hidden stabilisation ends, stable ("stopped moving") when vis-network
  fires ``stabilized``;
- **physics off**: our page (``network_html``) with the levels layout's
  precomputed positions; stable at the first ``afterDrawing``.

Each page is opened from a ``file://`` URL in a fresh tab (requests to the
internet are aborted: the pages must work offline), with a hook on the
``new vis.Network(...)`` call. The figure is ``performance.now()`` at the
event, i.e. milliseconds since navigation started; the longest main-thread
task (a frozen page) comes from a ``longtask`` PerformanceObserver. A
measurement is stopped after the cap; one that takes over a minute is
not repeated.

Run alone: ``python benchmarks/browser.py [--nodes 200,1000,5000] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from common import CAP, SLOW_RUN, actors_for_nodes, figure, log, table  # noqa: E402

import actormap  # noqa: E402
from actormap.synthetic import generate_map, write_files  # noqa: E402
from actormap.view.filters import ViewFilters  # noqa: E402
from actormap.view.html import network_html  # noqa: E402
from actormap.view.layout import levels_layout  # noqa: E402
from actormap.view.network import network_view  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1400, "height": 900}
HOOKS = """
window.__longest = 0;
try {
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
  }).observe({type: "longtask", buffered: true});
} catch (error) {}
window.__hook = network => {
  network.once("afterDrawing", () => { window.__drawnAt = performance.now(); });
  network.on("stabilized", () => { window.__stabilizedAt = performance.now(); });
};
"""
NETWORK_CALL = re.compile(r"(network\s*=\s*new vis\.Network\([^;]*\);)")


def hooked(page: str) -> str:
    """The page with ``window.__hook(network)`` right after vis-network is created."""
    page, count = NETWORK_CALL.subn(lambda match: match.group(1) + " window.__hook(network);", page, count=1)
    if count != 1:
        raise ValueError("no `network = new vis.Network(...)` call to hook in the page")
    return page


def physics_page(view) -> str:
    """pyvis's own page with its default options: physics on, no positions, no level headings."""
    from pyvis.network import Network

    net = Network(cdn_resources="in_line")
    nodes = [
        {key: value for key, value in node.items() if key not in ("x", "y")}
        for node in view.nodes
        if node["kind"] != "heading"
    ]
    net.nodes, net.edges, net.node_ids = nodes, list(view.edges), [node["id"] for node in nodes]
    net.node_map = {node["id"]: node for node in nodes}
    return net.generate_html()


def pages(folder: Path, actors: int, seed: int) -> tuple[int, dict[str, Path]]:
    """Write the two pages of an ``actors``-actor map; return the view's node count and the pages."""
    write_files(generate_map(actors, seed), folder)
    actor_map = actormap.load_map(folder)
    view = network_view(actor_map, levels_layout(actor_map), ViewFilters(), "en", level_headings=True)
    paths = {"on": folder / "physics-on.html", "off": folder / "physics-off.html"}
    paths["on"].write_text(hooked(physics_page(view)), "utf-8")
    paths["off"].write_text(hooked(network_html(view, "en")), "utf-8")
    return len(view.nodes), paths


def measure(browser, path: Path, physics: bool, cap: float) -> dict:
    """One page load: when it was first drawn, when it stopped moving, its longest main-thread task.

    Seconds since navigation started; ``stable`` is ``None`` when the page
    did not settle within ``cap`` (it is then still moving, or frozen).
    """
    page = browser.new_page(viewport=VIEWPORT)
    flag = "__stabilizedAt" if physics else "__drawnAt"
    try:
        page.route("**/*", lambda route: route.abort() if route.request.url.startswith("http") else route.continue_())
        page.add_init_script(HOOKS)
        page.goto(path.as_uri(), wait_until="commit", timeout=cap * 1000)
        try:
            page.wait_for_function(f"window.{flag} !== undefined", timeout=cap * 1000, polling=100)
        except Exception as error:  # Playwright's TimeoutError; the page may still answer
            if "Timeout" not in type(error).__name__:
                raise
        drawn, stable, longest = page.evaluate(f"[window.__drawnAt, window.{flag}, window.__longest]")
    except Exception as error:  # the page died or never answered
        return {"error": str(error).splitlines()[0]}
    finally:
        page.close()
    seconds = lambda value: None if value is None else value / 1000  # noqa: E731
    return {"drawn": seconds(drawn), "stable": seconds(stable), "longest": seconds(longest)}


def browser_section(work: Path, repeat: int, seed: int, node_counts, cap: float = CAP) -> dict:
    """Measure and print the browser table; return the figures."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("## The network page in Chromium\n\nskipped: Playwright is not installed (pip install -e '.[test]')\n")
        return {}
    if not Path(CHROMIUM).exists():
        print(f"## The network page in Chromium\n\nskipped: no Chromium at {CHROMIUM} (apt-get install chromium)\n")
        return {}
    figures = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for nodes in node_counts:
                shown, paths = pages(work / f"browser{nodes}", actors_for_nodes(nodes), seed)
                figures[shown] = {}
                for mode in ("on", "off"):
                    log(f"browser: {shown:,} nodes, physics {mode} …")
                    figures[shown][mode] = _repeated(browser, paths[mode], mode == "on", repeat, cap)
        finally:
            browser.close()
    rows = [
        [
            f"{nodes:,}",
            cell(data["on"], "drawn", cap),
            cell(data["on"], "stable", cap),
            cell(data["on"], "longest", cap),
            cell(data["off"], "drawn", cap),
            cell(data["off"], "longest", cap),
        ]
        for nodes, data in figures.items()
    ]
    print(
        "## The network page in Chromium (headless, this machine)\n\n"
        + table(
            [
                "nodes",
                "physics on (pyvis defaults): first drawn",
                "stopped moving",
                "longest freeze",
                "physics off (ours, precomputed layout): drawn",
                "longest freeze",
            ],
            rows,
        )
        + "\n",
        flush=True,
    )
    return figures


def _repeated(browser, path: Path, physics: bool, repeat: int, cap: float) -> dict:
    """Medians of ``repeat`` loads; a load that does not settle within the cap, or takes over
    ``SLOW_RUN`` seconds, is not repeated (the cell then says so)."""
    runs = []
    for _ in range(repeat):
        result = measure(browser, path, physics, cap)
        if "error" in result:
            return result
        runs.append(result)
        if result["stable"] is None or result["stable"] > SLOW_RUN:
            break
    figures = {
        key: statistics.median(run[key] for run in runs) if all(run[key] is not None for run in runs) else None
        for key in ("drawn", "stable", "longest")
    }
    return figures | {"runs": runs}


def cell(result: dict, key: str, cap: float) -> str:
    """A figure, or "> cap" for a page that did not stop moving in time."""
    if key == "stable" and "error" not in result and result["stable"] is None:
        return f"> {cap:.0f} s"
    return figure(result, key)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", default="200,1000,5000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cap", type=float, default=CAP)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="actormap-browser-") as work:
        browser_section(Path(work), args.repeat, args.seed, [int(n) for n in args.nodes.split(",")], args.cap)


if __name__ == "__main__":
    main()
