"""What each ``actormap`` command does; each imports the library modules it uses when it runs."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

__all__ = ["UsageError", "run_demo", "run_export", "run_gaps", "run_serve", "run_validate"]


class UsageError(Exception):
    """A command was used wrongly (an option names nothing in the map, a folder is missing): one line, exit 2."""


def run_validate(args) -> int:
    """Print every problem of a map; exit 1 when there are errors, 0 otherwise."""
    from actormap.files.load import check_map
    from actormap.i18n import tn

    _, problems = check_map(args.map)
    print_problems(problems, args.format)
    errors = int((problems["severity"] == "error").sum())
    if args.format == "text":
        warnings = len(problems) - errors
        print(f"{args.map}: {tn('count.errors', errors)}, {tn('count.warnings', warnings)}", file=sys.stderr)
    return 1 if errors else 0


def run_gaps(args) -> int:
    """Print the findings of a valid map; exit 1 (with its problems) when it does not validate."""
    from actormap.analysis.compare import filter_findings, new_findings
    from actormap.analysis.listing import findings_table
    from actormap.analysis.rules import find_all

    actor_map, failed = _map_to_work_on(args)
    if actor_map is None:
        return failed
    unknown = sorted(set(args.without) - set(actor_map.actors["id"]))
    if unknown:
        raise UsageError(f"--without names no actor of the map: {', '.join(unknown)}")
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
    """Become ``streamlit run`` on the app with the given maps (usage statistics off), or exit 2 for a missing map.

    The process turns into Streamlit's (``exec``) rather than starting it as a
    child, so stopping the command (Ctrl-C, SIGTERM) stops the server: no
    child is left listening on the port.
    """
    missing = [path for path in args.maps if not Path(path).exists()]
    if missing:
        print(f"actormap: no such map: {', '.join(missing)}", file=sys.stderr)
        return 2
    command = serve_command(args)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(command[0], command)
    return 0  # not reached: exec replaces this process


def serve_command(args) -> list[str]:
    """The ``streamlit run`` command line that serves the maps.

    Served to other machines (any ``--address`` but this one's), the app is
    read-only unless ``--allow-edit`` says otherwise; the app is told so on
    its command line, after ``--`` with the maps.
    """
    from actormap.ui.options import READ_ONLY

    local = args.address in ("localhost", "127.0.0.1", "::1")
    read_only = args.read_only or not (local or args.allow_edit)
    script = Path(__file__).parent.parent / "ui" / "entry.py"
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.port",
        str(args.port),
        "--server.address",
        args.address,
        "--browser.gatherUsageStats",
        "false",
        "--client.toolbarMode",
        "viewer",
        "--server.maxUploadSize",
        str(UPLOAD_LIMIT_MB),
        "--",
        *([READ_ONLY] if read_only else []),
        *(str(Path(path).resolve()) for path in args.maps),
    ]


def run_demo(args) -> int:
    """Write a synthetic map into ``--output``; refuse a file, or a folder that holds something other than a map."""
    from actormap.synthetic import generate_map, write_files

    folder = Path(args.output)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file; give a folder for the map")
    if folder.is_dir() and any(folder.iterdir()) and not _holds_map(folder):
        raise UsageError(f"{folder} is not empty and holds no map; give an empty or new folder")
    try:
        files = generate_map(args.actors, args.seed, args.municipalities)
    except ValueError as error:
        raise UsageError(str(error)) from None
    write_files(files, folder)
    rows = {name: text.count("\n") - 1 for name, text in files.items()}
    print(
        f"{folder}: {rows['actors.csv']} actors, {rows['efforts.csv']} efforts, "
        f"{rows['participation.csv']} participations, {rows['relations.csv']} relations (seed {args.seed})"
    )
    return 0


FILTER_PROBLEMS = {
    "target_groups": "--target-group names no target group of the map",
    "focus": "--focus names no actor of the map, or one that --without removes",
    "without": "--without names no actor of the map",
    "depth": "--depth must be 0 or more",
}


def run_export(args) -> int:
    """Write the export files of a valid map (exit 1 with its problems when it does not validate; 2 for bad options)."""
    from actormap.export import FORMATS, ViewFilters, export_bytes, file_name, filter_errors, parse_size, select
    from actormap.files.save import atomic_write

    actor_map, failed = _map_to_work_on(args)
    if actor_map is None:
        return failed
    filters = ViewFilters(
        levels=tuple(args.level),
        target_groups=tuple(args.target_group),
        actor_types=tuple(args.actor_type),
        focus=args.focus,
        depth=args.depth,
        without=tuple(args.without),
    )
    errors = filter_errors(actor_map, filters)
    for name, values in errors.items():
        print(f"actormap: {FILTER_PROBLEMS[name]}: {', '.join(values)}", file=sys.stderr)
    try:
        size = parse_size(args.size)
    except ValueError as error:
        raise UsageError(f"--size: {error}") from None
    if errors:
        return 2
    formats = FORMATS if args.format == "all" else (args.format,)
    output = Path(args.output or ".")
    folder = output if args.format == "all" or output.is_dir() else output.parent
    if args.format == "all" and not output.exists() and output.parent.is_dir():
        output.mkdir(exist_ok=True)
    if not folder.is_dir():
        raise UsageError(f"no such folder: {folder}")
    try:
        selection = select(actor_map, filters, args.language, layout=args.layout)
    except ValueError as error:  # the force layout on a map too large for it
        raise UsageError(f"--layout: {error}") from None
    for export_format in formats:
        target = folder / file_name(actor_map.label, export_format) if folder == output else output
        atomic_write(target, export_bytes(selection, export_format, size))
        print(target)
    return 0


def _holds_map(folder: Path) -> bool:
    from actormap.files.load import map_files
    from actormap.validation.problems import NotAMapError

    try:
        return bool(map_files(folder))
    except NotAMapError:
        return False


def _valid_map(path: str):
    """The map at ``path``, or None after printing its errors."""
    from actormap.files.load import check_map

    actor_map, problems = check_map(path)
    if (problems["severity"] == "error").any():
        print_problems(problems[problems["severity"] == "error"], "text")
        return None
    return actor_map


def _map_to_work_on(args):
    """The valid map ``args.map``, or its ``--municipality`` part; else None and exit code 1, after its errors."""
    from actormap.analysis.slices import for_municipality, municipalities

    actor_map = _valid_map(args.map)
    if actor_map is None:
        return None, 1
    if args.municipality is None:
        return actor_map, 0
    known = municipalities(actor_map)
    if args.municipality not in known:
        named = f"it has {', '.join(known)}" if known else "it does not name several municipalities"
        raise UsageError(f"--municipality names no municipality of the map ({named})")
    return for_municipality(actor_map, args.municipality), 0


def print_problems(problems, output_format: str) -> None:
    """Print problems as ``file:row:column: message`` lines or as a JSON list."""
    from actormap.validation.problems import format_problem

    if output_format == "json":
        problems = problems.drop(columns="fields")
        records = problems.astype(object).where(problems.notna(), None).to_dict("records")
        print(json.dumps(records, ensure_ascii=False, indent=2))
        return
    for row in problems.itertuples(index=False):
        print(format_problem(row))
