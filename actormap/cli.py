"""The ``actormap`` command: a thin face over the library."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from actormap.analysis import filter_findings, new_findings
from actormap.findings import RULES, find_all
from actormap.load import check_map
from actormap.problems import NotAMapError, format_problem
from actormap.report import findings_table
from actormap.schema import LANGUAGES, LEVELS

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
    except BrokenPipeError:  # the reader (e.g. `head`) stopped early
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as error:  # the last guard: a user sees one line, never a traceback
        print(f"actormap: internal error ({type(error).__name__}: {error}); please report it", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="actormap", description="Who is responsible for what in alcohol and drug work.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    validate = commands.add_parser("validate", help="check a map and list every problem, located")
    validate.add_argument("map", help="a map folder or .xlsx workbook")
    validate.add_argument("--format", choices=("text", "json"), default="text")
    validate.set_defaults(run=run_validate)

    gaps = commands.add_parser("gaps", help="list the responsibility gaps and overlaps of a map")
    gaps.add_argument("map", help="a map folder or .xlsx workbook")
    gaps.add_argument("--format", choices=("table", "csv", "json", "md"), default="table")
    gaps.add_argument("--level", action="append", choices=LEVELS, help="only findings at this level (repeatable)")
    gaps.add_argument("--target-group", action="append", help="only findings for this target group (repeatable)")
    gaps.add_argument("--rule", action="append", choices=list(RULES), help="only this rule (repeatable)")
    gaps.add_argument("--without", action="append", default=[], metavar="ACTOR_ID",
                      help="what if this actor left: report only the findings its leaving creates (repeatable)")
    gaps.add_argument("--language", choices=LANGUAGES, help="language of the messages (default: the map's)")
    gaps.set_defaults(run=run_gaps)

    serve = commands.add_parser("serve", help="start the app in the browser, with these maps in its map picker")
    serve.add_argument("maps", nargs="*", metavar="MAP", help="map folders or .xlsx workbooks (default: the examples)")
    serve.add_argument("--port", type=int, default=8501)
    serve.add_argument("--address", default="localhost", help="listen address (default: this machine only)")
    serve.set_defaults(run=run_serve)
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


def run_gaps(args) -> int:
    """Print the findings of a valid map; exit 1 (with its problems) when it does not validate."""
    actor_map, problems = check_map(args.map)
    if (problems["severity"] == "error").any():
        print_problems(problems[problems["severity"] == "error"], "text")
        return 1
    unknown = sorted(set(args.without) - set(actor_map.actors["id"]))
    if unknown:
        print(f"actormap: --without names no actor of the map: {', '.join(unknown)}", file=sys.stderr)
        return 2
    if args.without:
        findings = new_findings(actor_map, args.without, args.language)
    else:
        findings = find_all(actor_map, args.language)
    findings = filter_findings(findings, level=args.level, target_group=args.target_group, rule=args.rule)
    print(findings_table(findings, args.format))
    return 0


UPLOAD_LIMIT_MB = 20
"""The largest upload, in MB (the app reads Streamlit's setting and names it in the upload's help)."""


def run_serve(args) -> int:
    """Run ``streamlit run`` on the app with the given maps; usage statistics stay off."""
    missing = [path for path in args.maps if not Path(path).exists()]
    if missing:
        print(f"actormap: no such map: {', '.join(missing)}", file=sys.stderr)
        return 2
    script = Path(__file__).parent / "ui" / "entry.py"
    command = [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(args.port),
               "--server.address", args.address, "--browser.gatherUsageStats", "false",
               "--server.maxUploadSize", str(UPLOAD_LIMIT_MB), "--", *(str(Path(path).resolve()) for path in args.maps)]
    return subprocess.call(command)


def print_problems(problems, output_format: str) -> None:
    """Print problems as ``file:row:column: message`` lines or as a JSON list."""
    if output_format == "json":
        records = problems.astype(object).where(problems.notna(), None).to_dict("records")
        print(json.dumps(records, ensure_ascii=False, indent=2))
        return
    for row in problems.itertuples(index=False):
        print(format_problem(row))
