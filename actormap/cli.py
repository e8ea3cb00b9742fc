"""The ``actormap`` command: a thin face over the library."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from actormap.schema import ACTOR_TYPES, LANGUAGES, LEVELS

__all__ = ["COMMANDS", "UsageError", "main"]


class UsageError(Exception):
    """A command was used wrongly (an option names nothing in the map, a folder is missing): one line, exit 2."""


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code.

    Only the chosen command's arguments are built and only its modules
    imported, so ``actormap --help`` starts without pandas.
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    args = _parser(_chosen_command(argv)).parse_args(argv)
    try:
        return args.run(args)
    except UsageError as error:
        print(f"actormap: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader (e.g. `head`) stopped early
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as error:  # the last guard: a user sees one line, never a traceback
        print(f"actormap: {_last_words(error)}", file=sys.stderr)
        return 2


def _chosen_command(argv: list[str]) -> str | None:
    """The command named in ``argv`` (its first word that is not an option), if it is one."""
    words = [word for word in argv if not word.startswith("-")]
    return words[0] if words and words[0] in COMMANDS else None


def _last_words(error: Exception) -> str:
    """One line for an error no command handled: a path that is no map, or an internal error."""
    from actormap.validation.problems import NotAMapError

    if isinstance(error, NotAMapError):
        return str(error.problems.iloc[0]["message"])
    return f"internal error ({type(error).__name__}: {error}); please report it"


def _parser(command: str | None) -> argparse.ArgumentParser:
    """The parser: every command with its one-line help, and the arguments of ``command`` alone."""
    parser = argparse.ArgumentParser(
        prog="actormap", description="Who is responsible for what in alcohol and drug work."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (summary, add_arguments) in COMMANDS.items():
        subparser = commands.add_parser(name, help=summary, description=summary)
        if name == command:
            add_arguments(subparser)
    return parser


def _validate_arguments(validate: argparse.ArgumentParser) -> None:
    validate.add_argument("map", help="a map folder or .xlsx workbook")
    validate.add_argument("--format", choices=("text", "json"), default="text")
    validate.set_defaults(run=run_validate)


def _gaps_arguments(gaps: argparse.ArgumentParser) -> None:
    from actormap.analysis.listing import LISTING_FORMATS
    from actormap.analysis.rules import RULES

    gaps.add_argument("map", help="a map folder or .xlsx workbook")
    gaps.add_argument("--format", choices=LISTING_FORMATS, default="table")
    gaps.add_argument("--level", action="append", choices=LEVELS, help="only findings at this level (repeatable)")
    gaps.add_argument("--target-group", action="append", help="only findings for this target group (repeatable)")
    gaps.add_argument("--rule", action="append", choices=list(RULES), help="only this rule (repeatable)")
    gaps.add_argument(
        "--without",
        action="append",
        default=[],
        metavar="ACTOR_ID",
        help="what if this actor left: report only the findings its leaving creates (repeatable)",
    )
    _part_and_language(gaps, "language of the messages (default: the map's)")
    gaps.set_defaults(run=run_gaps)


def _serve_arguments(serve: argparse.ArgumentParser) -> None:
    serve.add_argument("maps", nargs="*", metavar="MAP", help="map folders or .xlsx workbooks (default: the examples)")
    serve.add_argument("--port", type=int, default=8501)
    serve.add_argument("--address", default="localhost", help="listen address (default: this machine only)")
    serve.add_argument(
        "--read-only",
        action="store_true",
        help="switch editing off (the default when --address opens the app to other machines)",
    )
    serve.add_argument("--allow-edit", action="store_true", help="allow editing even when served to other machines")
    serve.set_defaults(run=run_serve)


def _demo_arguments(demo: argparse.ArgumentParser) -> None:
    demo.add_argument("--actors", type=_positive_int, required=True, metavar="N", help="how many actors")
    demo.add_argument("--seed", type=int, default=0, help="the same seed gives the same files (default 0)")
    demo.add_argument(
        "--municipalities",
        type=_positive_int,
        default=1,
        metavar="M",
        help="split the actors between M municipalities, with a municipality column (default 1)",
    )
    demo.add_argument(
        "-o", "--output", required=True, metavar="DIR", help="an empty or new folder, or a map to replace"
    )
    demo.set_defaults(run=run_demo)


def _export_arguments(export: argparse.ArgumentParser) -> None:
    from actormap.export import DEFAULT_SIZE, FORMATS
    from actormap.view.selection import LAYOUTS

    export.add_argument("map", help="a map folder or .xlsx workbook")
    export.add_argument("--format", choices=(*FORMATS, "all"), required=True, help=_formats_help())
    export.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="the file to write (default: e.g. herning-network.png here); a folder for --format all",
    )
    export.add_argument(
        "--level", action="append", choices=LEVELS, default=[], help="only efforts at this level (repeatable)"
    )
    export.add_argument(
        "--target-group", action="append", default=[], help="only efforts for this target group (repeatable)"
    )
    export.add_argument(
        "--actor-type", action="append", choices=ACTOR_TYPES, default=[], help="only actors of this type (repeatable)"
    )
    export.add_argument("--focus", metavar="ACTOR_ID", default="", help="only this actor's neighbourhood")
    export.add_argument("--depth", type=int, default=2, help="steps from the --focus actor (default 2)")
    export.add_argument(
        "--without",
        action="append",
        default=[],
        metavar="ACTOR_ID",
        help="what if this actor left: everything as if it had (repeatable)",
    )
    _part_and_language(export, "language of the texts (default: the map's)")
    export.add_argument(
        "--size",
        default="x".join(map(str, DEFAULT_SIZE)),
        metavar="WxH",
        help="size of the png/svg image and of the md brief's image (default 1920x1080)",
    )
    export.add_argument("--layout", choices=LAYOUTS, default="levels", help="how to place the network (default levels)")
    export.set_defaults(run=run_export)


def _formats_help() -> str:
    """Each export format with its label, from the format registry: ``html: Interactive network …; all: every one``."""
    from actormap.export.formats import EXPORT_FORMATS
    from actormap.i18n import t

    return "; ".join([*(f"{name}: {t(export.label_key)}" for name, export in EXPORT_FORMATS.items()), "all: every one"])


def _part_and_language(parser: argparse.ArgumentParser, language_help: str) -> None:
    parser.add_argument("--municipality", metavar="NAME", help="only this municipality's part of a map of several")
    parser.add_argument("--language", choices=LANGUAGES, help=language_help)


COMMANDS = {
    "validate": ("check a map and list every problem, located", _validate_arguments),
    "gaps": ("list the responsibility gaps and overlaps of a map", _gaps_arguments),
    "serve": ("start the app in the browser, with these maps in its map picker", _serve_arguments),
    "demo": ("write a synthetic map with gaps planted at known shares", _demo_arguments),
    "export": (
        "write the map for a meeting: network page, image, Gephi/yEd file, report workbook or brief",
        _export_arguments,
    ),
}
"""Each command's one-line help and the function that adds its arguments (and its ``run``)."""


def run_validate(args) -> int:
    """Print every problem of a map; exit 1 when there are errors, 0 otherwise."""
    from actormap.files.load import check_map

    _, problems = check_map(args.map)
    print_problems(problems, args.format)
    errors = int((problems["severity"] == "error").sum())
    if args.format == "text":
        warnings = len(problems) - errors
        print(f"{args.map}: {errors} error(s), {warnings} warning(s)", file=sys.stderr)
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
    """Run ``streamlit run`` on the app with the given maps; usage statistics stay off.

    Served to other machines (any ``--address`` but this one's), the app is
    read-only unless ``--allow-edit`` says otherwise; the app is told so on
    its command line, after ``--`` with the maps.
    """
    from actormap.ui.options import READ_ONLY

    missing = [path for path in args.maps if not Path(path).exists()]
    if missing:
        print(f"actormap: no such map: {', '.join(missing)}", file=sys.stderr)
        return 2
    local = args.address in ("localhost", "127.0.0.1", "::1")
    read_only = args.read_only or not (local or args.allow_edit)
    script = Path(__file__).parent / "ui" / "entry.py"
    command = [
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
    return subprocess.call(command)


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


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


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
