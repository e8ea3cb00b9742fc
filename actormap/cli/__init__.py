"""The ``actormap`` command: a thin face over the library."""

from __future__ import annotations

import argparse
import os
import sys

from actormap.cli.run import UsageError, run_demo, run_export, run_gaps, run_serve, run_validate
from actormap.schema import ACTOR_TYPES, LANGUAGES, LEVELS

__all__ = ["COMMANDS", "UsageError", "main", "parse_arguments"]


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code.

    Only the chosen command's arguments are built and only its modules
    imported, so ``actormap --help`` starts without pandas.
    """
    args = parse_arguments(sys.argv[1:] if argv is None else list(argv))
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


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    """The command line parsed: its ``command``, its options, and ``run``, the function that carries it out."""
    return _parser(_chosen_command(argv)).parse_args(argv)


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


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value
