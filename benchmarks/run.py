"""The benchmark: synthetic maps from one municipality to a whole country, timed stage by stage.

Run from the repository (after ``pip install -e '.[test]'``)::

    python benchmarks/run.py                       # N = 200, 2,000, 20,000, 100,000; 3 runs each
    python benchmarks/run.py --sizes 200,2000 --repeat 5 --no-app --no-browser

Every figure is the median of ``--repeat`` runs, each in a fresh process
(see ``stages.py``); peak memory is that process's ``ru_maxrss``. Prints
Markdown tables: the pipeline by map size, the network page at 5,000 and
20,000 nodes (ours beside pyvis fed node by node), whole commands from the
shell (``startup.py``), the app's reruns under AppTest, and the browser
(``browser.py``). ``--json FILE`` keeps the raw
figures. Maps are generated into a temporary folder that is removed after.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from common import CAP, SLOW_RUN, actors_for_nodes, figure, log, seconds, table  # noqa: E402
from startup import startup_section, target_lines  # noqa: E402

from actormap.synthetic import generate_map, write_files  # noqa: E402

HERE = Path(__file__).resolve().parent
SIZES = (200, 2_000, 20_000, 100_000)
NAIVE_MAX_NODES = 5_000
"""pyvis fed node by node is quadratic: 20,000 nodes take minutes, so larger views skip it."""
NETWORK_NODES = (5_000, 20_000)
APP_SIZE = 20_000
BROWSER_NODES = (200, 1_000, 5_000)
PIPELINE_LIMIT = 1800.0


def run_stage(stage: str, folder: Path, timeout: float, *extra: str) -> dict:
    """One fresh process; its JSON, or ``{"timeout": True}`` / ``{"error": ...}``."""
    command = [sys.executable, str(HERE / "stages.py"), stage, str(folder), *extra]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"timeout": True}
    if done.returncode:
        return {"error": (done.stderr.strip().splitlines() or ["exit " + str(done.returncode)])[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def repeated(stage: str, folder: Path, repeat: int, timeout: float) -> dict:
    """Medians over ``repeat`` fresh processes; stops early when one times out, fails or takes over SLOW_RUN."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = run_stage(stage, folder, timeout)
        if "timeout" in result or "error" in result:
            return result
        runs.append(result)
        if time.perf_counter() - start > SLOW_RUN:
            break
    medians = {}
    for key, value in runs[0].items():
        numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
        medians[key] = statistics.median(run[key] for run in runs) if numeric else value
    return medians | {"runs": [run for run in runs]}


def generate(folder: Path, actors: int, seed: int) -> dict:
    start = time.perf_counter()
    files = generate_map(actors, seed)
    write_files(files, folder)
    return dict(
        seconds=time.perf_counter() - start,
        mb=sum(len(text.encode()) for text in files.values()) / 1e6,
        rows={name: text.count("\n") - 1 for name, text in files.items()},
    )


def core(p: dict) -> float:
    """Load + validate + graph + all findings: the pipeline the ratio target is about."""
    return p["load"] + p["graph"] + p["findings"]


def pipeline_table(results: dict[int, dict]) -> str:
    def row(label: str, cell) -> list[str]:
        return [label] + [cell(result) for result in results.values()]

    def stage(key: str):
        return lambda r: figure(r["pipeline"], key, PIPELINE_LIMIT)

    def measured(cell):
        return lambda r: cell(r["pipeline"]) if "raw" in r["pipeline"] else "–"

    rows = [
        row(
            "efforts / participations / relations",
            lambda r: " / ".join(
                f"{r['generated']['rows'][f'{name}.csv']:,}" for name in ("efforts", "participation", "relations")
            ),
        ),
        row(
            "files / generating them", lambda r: f"{r['generated']['mb']:.1f} MB / {seconds(r['generated']['seconds'])}"
        ),
        row("raw `pandas.read_csv` of the 3 files (the floor)", stage("raw")),
        row("load + validate (`check_map`)", stage("load")),
        row("graph build (`build_graph`)", stage("graph")),
        row("networkx alone: the bare graph, no attributes (`build_graph`'s floor)", stage("networkx")),
        row("all findings (`find_all`)", stage("findings")),
        row("coverage matrix (`coverage`)", stage("coverage")),
        row("**load + validate + graph + findings**", measured(lambda p: seconds(core(p)))),
        row("**ratio to the raw read**", measured(lambda p: f"{core(p) / p['raw']:.1f}×")),
        row("ratio of networkx alone to the raw read", measured(lambda p: f"{p['networkx'] / p['raw']:.1f}×")),
        row("levels layout (`levels_layout`)", stage("layout")),
        row("network page, ours (`network_view` + `network_html`)", stage("html_ours")),
        row(
            "network page, naive pyvis (`add_node`/`add_edge` + `generate_html`)", lambda r: figure(r["naive"], "naive")
        ),
        row(
            "network view: nodes / edges / page",
            measured(lambda p: f"{p['view_nodes']:,} / {p['view_edges']:,} / {p['page_mb']:.1f} MB"),
        ),
        row("PNG export (`actormap.export`: select + PNG)", lambda r: figure(r["png"], "png")),
        row("peak memory, load → coverage", measured(lambda p: f"{p['peak_analysis_mib']:,.0f} MiB")),
        row("peak memory, with layout and page", measured(lambda p: f"{p['peak_mib']:,.0f} MiB")),
    ]
    return table(["stage (median)"] + [f"N = {size:,}" for size in results], rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="actors per map, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; the median is shown (default 3)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-app", action="store_true", help="skip the AppTest section")
    parser.add_argument("--no-browser", action="store_true", help="skip the headless Chromium section")
    parser.add_argument("--no-network", action="store_true", help="skip the network page section")
    parser.add_argument(
        "--network-nodes",
        default=",".join(map(str, NETWORK_NODES)),
        help="node counts of the network page section (default 5000,20000)",
    )
    parser.add_argument("--app-size", type=int, default=APP_SIZE, help="actors of the AppTest map (default 20000)")
    parser.add_argument(
        "--browser-nodes",
        default=",".join(map(str, BROWSER_NODES)),
        help="node counts of the browser section (default 200,1000,5000)",
    )
    parser.add_argument("--no-startup", action="store_true", help="skip the whole-command section (startup.py)")
    parser.add_argument(
        "--startup-actors", type=int, default=20_000, help="actors of the whole-command section's map (default 20000)"
    )
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args(argv)
    sizes = numbers(args.sizes)
    work = Path(tempfile.mkdtemp(prefix="actormap-bench-"))
    report: dict = {"date": datetime.date.today().isoformat(), "machine": machine(), "repeat": args.repeat}
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"# actormap benchmark, {report['date']}\n\n{report['machine']}; load average at the start {load}; "
        f"each figure the median of {args.repeat} runs in fresh processes\n",
        flush=True,
    )
    try:
        report["sizes"] = results = {}
        for size in sizes:
            folder = work / f"n{size}"
            results[size] = result = {"generated": generate(folder, size, args.seed)}
            log(f"N = {size:,}: generated in {result['generated']['seconds']:.1f} s; pipeline …")
            result["pipeline"] = repeated("pipeline", folder, args.repeat, PIPELINE_LIMIT)
            nodes = result["pipeline"].get("view_nodes", 0)
            result["naive"] = (
                repeated("naive", folder, args.repeat, CAP)
                if 0 < nodes <= NAIVE_MAX_NODES
                else f"skipped (> {NAIVE_MAX_NODES:,} nodes)"
            )
            result["png"] = repeated("png", folder, args.repeat, CAP)
            log(
                f"N = {size:,}: "
                + ", ".join(
                    f"{key} {figure(result['pipeline'], key, PIPELINE_LIMIT)}"
                    for key in ("raw", "load", "graph", "findings", "html_ours")
                )
            )
        print("## Pipeline by map size\n\n" + pipeline_table(results) + "\n", flush=True)
        if not args.no_startup:
            report["startup"] = startup_section(work, args.startup_actors, args.repeat, args.seed)
        if not args.no_network:
            report["network"] = network_section(work, args)
        if not args.no_app:
            report["app"] = app_section(work, args, results)
        if not args.no_browser:
            from browser import browser_section  # noqa: PLC0415 (imports Playwright only when asked)

            report["browser"] = browser_section(work, args.repeat, args.seed, numbers(args.browser_nodes), CAP)
        print("## Targets\n\n" + "\n".join(targets(report)) + "\n", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        report["load_average_end"] = os.getloadavg()
        log("load average at the end " + ", ".join(f"{value:.1f}" for value in report["load_average_end"]))
        if args.json:
            args.json.write_text(json.dumps(report, indent=1, default=str))
    return 0


def network_section(work: Path, args) -> dict:
    figures = {}
    for nodes in numbers(args.network_nodes):
        folder = work / f"nodes{nodes}"
        generate(folder, actors_for_nodes(nodes), args.seed)
        log(f"network page at {nodes:,} nodes …")
        ours = repeated("pipeline", folder, args.repeat, PIPELINE_LIMIT)
        naive = (
            repeated("naive", folder, args.repeat, CAP)
            if nodes <= NAIVE_MAX_NODES
            else f"skipped (> {NAIVE_MAX_NODES:,} nodes: minutes)"
        )
        figures[nodes] = dict(ours=ours, naive=naive)
    rows = [
        [
            f"{data['ours'].get('view_nodes', nodes):,} / {data['ours'].get('view_edges', 0):,}",
            figure(data["ours"], "html_ours"),
            figure(data["ours"], "html_only"),
            figure(data["naive"], "naive"),
        ]
        for nodes, data in figures.items()
    ]
    print(
        "## Network page\n\n"
        + table(
            ["nodes / edges", "ours: view + page", "ours: page only", "naive pyvis: add_node/add_edge + generate_html"],
            rows,
        )
        + "\n",
        flush=True,
    )
    return figures


def app_section(work: Path, args, results: dict) -> dict:
    folder = work / f"n{args.app_size}"
    if args.app_size not in results:
        generate(folder, args.app_size, args.seed)
    log(f"AppTest at N = {args.app_size:,} …")
    figures = run_stage("app", folder, 3600, str(args.repeat))
    labels = [
        ("first_run", "first run (caches cleared)"),
        ("overview_filter", "overview: findings filter changed"),
        ("overview_language_new", "overview: language changed, first time in that language"),
        ("overview_language_seen", "overview: language changed back to one already shown"),
        ("network_first", "network page opened (layout computed; 1 run)"),
        ("network_filter", "network page: level filter changed"),
        ("network_language", "network page: language changed"),
    ]
    rows = [
        [label, figure(figures[key], key) if isinstance(figures.get(key), dict) else figure(figures, key, 3600)]
        for key, label in labels
    ]
    print(
        f"## The app under AppTest, N = {args.app_size:,}\n\n" + table(["run (median)", "time"], rows) + "\n",
        flush=True,
    )
    return figures | {"actors": args.app_size}


def targets(report: dict) -> list[str]:
    """The issue's targets, each marked met, missed or not measured."""

    def check(label: str, value, limit: float, unit: str = "s") -> str:
        if not isinstance(value, (int, float)):
            return f"- not measured: {label}"
        shown = f"{value:.1f}×" if unit == "×" else f"{value:,.0f} MiB" if unit == "MiB" else seconds(value)
        limit_shown = f"{limit:g}×" if unit == "×" else f"{limit:,.0f} MiB" if unit == "MiB" else seconds(limit)
        return f"- {'met' if value <= limit else 'MISSED'}: {label}: {shown} (target ≤ {limit_shown})"

    sizes, network, app = report.get("sizes", {}), report.get("network", {}), report.get("app", {})

    def pipeline(size: int, key: str):
        figures = sizes.get(size, {}).get("pipeline", {})
        if key == "core" and "raw" in figures:
            return core(figures)
        if key == "ratio" and "raw" in figures:
            return core(figures) / figures["raw"]
        if key == "networkx_ratio" and "raw" in figures:
            return figures["networkx"] / figures["raw"]
        return figures.get(key)

    floor = pipeline(20_000, "networkx_ratio")
    lines = [
        check("load + validate + graph + findings at 20,000 actors, to the raw read", pipeline(20_000, "ratio"), 4, "×")
        + (f"; networkx alone builds the bare graph in {floor:.1f}× the raw read" if floor else ""),
        check("load + validate + graph + findings at 100,000 actors", pipeline(100_000, "core"), 30),
        check("peak memory at 100,000 actors (load → coverage)", pipeline(100_000, "peak_analysis_mib"), 4096, "MiB"),
    ]
    for nodes, limit in ((5_000, 0.5), (20_000, 2.0)):
        lines.append(
            check(
                f"network page (view + HTML) at {nodes:,} nodes",
                network.get(nodes, {}).get("ours", {}).get("html_ours"),
                limit,
            )
        )
    if "startup" in report:
        lines += target_lines(report["startup"], report["startup"]["actors"])
    size = app.get("actors", APP_SIZE)
    for key in (
        "overview_filter",
        "overview_language_seen",
        "overview_language_new",
        "network_filter",
        "network_language",
    ):
        lines.append(check(f"app rerun at {size:,} actors, {key.replace('_', ' ')}", app.get(key), 0.5))
    return lines


def numbers(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    cpu = platform.processor() or platform.machine()
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        pass
    return f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, Python {platform.python_version()}"


if __name__ == "__main__":
    sys.exit(main())
