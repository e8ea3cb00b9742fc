"""The ``actormap`` command: a thin face over the library."""

from __future__ import annotations

import argparse
import json
import sys

from actormap.load import check_map
from actormap.problems import NotAMapError, format_problem

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except NotAMapError as error:
        print(f"actormap: {error.problems.iloc[0]['message']}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="actormap", description="Who is responsible for what in alcohol and drug work.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    validate = commands.add_parser("validate", help="check a map and list every problem, located")
    validate.add_argument("map", help="a map folder or .xlsx workbook")
    validate.add_argument("--format", choices=("text", "json"), default="text")
    validate.set_defaults(run=run_validate)
    return parser


def run_validate(args) -> int:
    """Print every problem of a map; exit 1 when there are errors, 0 otherwise."""
    _, problems = check_map(args.map)
    print_problems(problems, args.format)
    errors = int((problems["severity"] == "error").sum())
    if args.format == "text":
        warnings = len(problems) - errors
        print(f"{args.map}: {errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return 1 if errors else 0


def print_problems(problems, output_format: str) -> None:
    """Print problems as ``file:row:column: message`` lines or as a JSON list."""
    if output_format == "json":
        records = problems.astype(object).where(problems.notna(), None).to_dict("records")
        print(json.dumps(records, ensure_ascii=False, indent=2))
        return
    for row in problems.itertuples(index=False):
        print(format_problem(row))
