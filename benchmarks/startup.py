"""Whole commands, as a user times them: start-up and ``actormap gaps`` from the shell to the last line.

Run from the repository (after ``pip install -e '.[test]'``)::

    python benchmarks/startup.py                 # 20,000 actors, 5 runs each
    python benchmarks/startup.py --actors 2000 --repeat 3

Each figure is the median wall time of ``--repeat`` fresh processes. The
yardsticks are processes too: ``python -c "import pandas"``, and one that
only reads the map's three files with pandas. ``gaps`` builds no networkx
graph; what networkx alone would add (the bare graph) is printed beside it.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from common import log, seconds, table  # noqa: E402

from actormap.synthetic import generate_map, write_files  # noqa: E402

__all__ = ["startup_section"]

HERNING = ROOT / "data" / "herning"
READ_THREE_FILES = (
    "import sys, pandas as pd\n"
    "for name in ('actors.csv', 'efforts.csv', 'participation.csv'):\n"
    "    pd.read_csv(f'{sys.argv[1]}/{name}', dtype=str, keep_default_na=False)\n"
)
BARE_NETWORKX = (
    "import sys, time, networkx as nx, actormap\n"
    "m = actormap.load_map(sys.argv[1]); start = time.perf_counter()\n"
    "G = nx.MultiDiGraph(); G.add_nodes_from(m.actors['id']); G.add_nodes_from(m.efforts['id'])\n"
    "G.add_edges_from(zip(m.participation['actor'], m.participation['effort'], m.participation['role']))\n"
    "G.add_edges_from(zip(m.relations['from'], m.relations['to']))\n"
    "print(time.perf_counter() - start)\n"
)
TARGETS = (
    ("`actormap gaps data/herning` to `import pandas`", "gaps_herning", "import_pandas", 1.5),
    ("`actormap --help` to `import pandas`", "help", "import_pandas", 0.5),
    ("`actormap gaps` at {actors:,} actors to reading its three files", "gaps_large", "read_large", 4.0),
)


def actormap_command() -> list[str]:
    """The installed ``actormap`` script beside this Python, else ``python -m actormap``."""
    script = Path(sys.executable).with_name("actormap")
    return [str(script)] if script.exists() else [sys.executable, "-m", "actormap"]


def wall_time(command: list[str], repeat: int) -> float:
    """The median wall time of ``repeat`` runs of ``command``, its output thrown away; fails loudly."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def startup_section(work: Path, actors: int, repeat: int, seed: int = 0) -> dict:
    """Measure the whole commands, print their table and targets, and return the figures."""
    folder = write_files(generate_map(actors, seed), work / f"startup{actors}")
    tool, python = actormap_command(), sys.executable
    # Byte-compile the package first, as installing a wheel does: with PYTHONDONTWRITEBYTECODE set (as on
    # some CI machines) an editable install would otherwise compile every module in every run.
    subprocess.run([python, "-m", "compileall", "-q", str(ROOT / "actormap")], stdout=subprocess.DEVNULL, check=True)
    log(f"whole commands, {repeat} runs each …")
    figures = {
        "import_pandas": wall_time([python, "-c", "import pandas"], repeat),
        "help": wall_time([*tool, "--help"], repeat),
        "gaps_herning": wall_time([*tool, "gaps", str(HERNING)], repeat),
        "read_large": wall_time([python, "-c", READ_THREE_FILES, str(folder)], repeat),
        "gaps_large": wall_time([*tool, "gaps", str(folder)], repeat),
    }
    bare = subprocess.run([python, "-c", BARE_NETWORKX, str(folder)], capture_output=True, text=True, check=True)
    figures["networkx_large"] = float(bare.stdout.strip())
    rows = [
        ['`python -c "import pandas"`', seconds(figures["import_pandas"])],
        ["`actormap --help`", seconds(figures["help"])],
        ["`actormap gaps data/herning`", seconds(figures["gaps_herning"])],
        [f"a process that reads the three files of {actors:,} actors with pandas", seconds(figures["read_large"])],
        [f"`actormap gaps` on {actors:,} actors", seconds(figures["gaps_large"])],
        [f"networkx alone, the bare graph of {actors:,} actors (not in `gaps`)", seconds(figures["networkx_large"])],
    ]
    print("## Whole commands\n\n" + table(["command (median wall time)", "time"], rows) + "\n", flush=True)
    print("\n".join(target_lines(figures, actors)) + "\n", flush=True)
    return figures | {"actors": actors}


def target_lines(figures: dict, actors: int) -> list[str]:
    """Each start-up target as a ratio, marked met or MISSED."""
    lines = []
    for label, measured, yardstick, limit in TARGETS:
        ratio = figures[measured] / figures[yardstick]
        verdict = "met" if ratio <= limit else "MISSED"
        lines.append(f"- {verdict}: {label.format(actors=actors)}: {ratio:.2f}× (target ≤ {limit:g}×)")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actors", type=int, default=20_000, help="actors of the large map (default 20000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure; the median is shown (default 5)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="actormap-startup-") as work:
        startup_section(Path(work), args.actors, args.repeat, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
