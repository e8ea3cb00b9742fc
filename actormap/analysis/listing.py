"""Findings as text: an aligned terminal table, CSV, JSON or Markdown."""

from __future__ import annotations

import json

import pandas as pd

from actormap.i18n import tn

__all__ = ["LISTING_FORMATS", "findings_table"]

LISTING_FORMATS = ("table", "csv", "json", "md")
"""How ``actormap gaps`` lists findings: aligned text, or csv, json or Markdown for another program."""


def findings_table(findings: pd.DataFrame, output_format: str = "table") -> str:
    """Render findings for the terminal or another program.

    ``json`` is a list of objects with the finding fields (ids as lists);
    ``csv`` and ``md`` join ids with commas; ``table`` aligns severity, rule
    and place and lets the message run to the end of the line.
    """
    if output_format == "json":
        records = [
            {**row, "efforts": list(row["efforts"]), "actors": list(row["actors"])}
            for row in findings.to_dict("records")
        ]
        return json.dumps(records, ensure_ascii=False, indent=2)
    flat = findings.assign(efforts=findings["efforts"].map(",".join), actors=findings["actors"].map(",".join))
    if output_format == "csv":
        return flat.to_csv(index=False).rstrip("\n")
    if output_format == "md":
        return _markdown(flat)
    return _aligned(flat)


def _markdown(flat: pd.DataFrame) -> str:
    columns = ["severity", "rule", "level", "target_group", "message"]
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(str(row[c]).replace("|", "\\|") for c in columns) + " |" for _, row in flat.iterrows()]
    return "\n".join(lines)


def _aligned(flat: pd.DataFrame) -> str:
    if flat.empty:
        return "No findings."
    place = flat["level"] + flat["to_level"].map(lambda level: f" → {level}" if level else "")
    columns = {
        name: [str(value) for value in values]
        for name, values in {
            "SEVERITY": flat["severity"],
            "RULE": flat["rule"],
            "LEVEL": place,
            "TARGET GROUP": flat["target_group"],
        }.items()
    }
    widths = {name: max(len(name), *map(len, values)) for name, values in columns.items()}
    header = "  ".join(name.ljust(widths[name]) for name in columns) + "  MESSAGE"
    cells = zip(*([value.ljust(widths[name]) for value in values] for name, values in columns.items()))
    rows = ["  ".join(row) + "  " + message for row, message in zip(cells, flat["message"].tolist())]
    return "\n".join([header, *rows, tn("count.findings", len(flat))])
