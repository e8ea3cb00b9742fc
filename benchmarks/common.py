"""What the benchmark scripts share: map sizes for a node count, and the tables' cells."""

from __future__ import annotations

import sys
import time

from actormap.synthetic import planted_counts

__all__ = ["CAP", "SLOW_RUN", "actors_for_nodes", "figure", "log", "seconds", "table"]

CAP = 120.0
"""Seconds after which one measurement is stopped and shown as "> 120 s"."""
SLOW_RUN = 60.0
"""A measurement slower than this is not repeated: its cell says "(1 run)" (a median would not change the verdict)."""


def actors_for_nodes(nodes: int) -> int:
    """The smallest map whose network view (actors, not ended efforts, 4 level headings) has ``nodes`` nodes.

    >>> actors_for_nodes(5000)
    2100
    """

    def view_nodes(actors: int) -> int:
        counts = planted_counts(actors)
        return actors + counts["efforts"] - counts["ended"] + 4

    low, high = 10, nodes
    while low < high:
        middle = (low + high) // 2
        low, high = (middle + 1, high) if view_nodes(middle) < nodes else (low, middle)
    return low


def seconds(value: float | None) -> str:
    """A duration for a table: ``12 ms``, ``1.23 s``, ``12.3 s``; ``n/a`` for None."""
    if value is None:
        return "n/a"
    if value < 1:
        return f"{value * 1000:.0f} ms"
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def figure(result, key: str, limit: float = CAP) -> str:
    """One cell: the figure, or why there is none (a note, a timeout, an error)."""
    if isinstance(result, str):
        return result
    if result is None:
        return "n/a"
    if result.get("timeout"):
        return f"> {limit:.0f} s"
    if "error" in result:
        return "error: " + result["error"][:60]
    text = seconds(result.get(key))
    runs = result.get("runs")
    return text + (" (1 run)" if isinstance(runs, list) and len(runs) == 1 else "")


def table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table, figures right-aligned, ready to paste into the README."""
    align = "|---|" + "---:|" * (len(header) - 1)
    return "\n".join(["| " + " | ".join(header) + " |", align] + ["| " + " | ".join(row) + " |" for row in rows])


def log(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)
