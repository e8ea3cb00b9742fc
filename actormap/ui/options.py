"""What the app was started with: ``streamlit run app.py -- [--read-only] [MAP ...]``.

The entry script parses its command line once per run and hands the
options down; no page reads ``sys.argv`` or the environment.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["READ_ONLY", "AppOptions", "parse_options"]

READ_ONLY = "--read-only"


@dataclass(frozen=True)
class AppOptions:
    """The maps named on the command line (first in the picker) and whether editing is off."""

    maps: tuple[Path, ...] = ()
    read_only: bool = False


def parse_options(arguments: Sequence[str]) -> AppOptions:
    """The options in ``arguments`` (those after ``--``); the maps as absolute paths.

    Raises
    ------
    ValueError
        For an option other than ``--read-only``: a misspelt one must not leave editing on.

    Examples
    --------
    >>> parse_options(["--read-only", "/maps/herning"])
    AppOptions(maps=(PosixPath('/maps/herning'),), read_only=True)
    >>> parse_options([])
    AppOptions(maps=(), read_only=False)
    """
    unknown = [argument for argument in arguments if argument.startswith("-") and argument != READ_ONLY]
    if unknown:
        raise ValueError(f"unknown option {unknown[0]!r}: the app takes [{READ_ONLY}] [MAP ...]")
    maps = tuple(Path(argument).resolve() for argument in arguments if argument != READ_ONLY)
    return AppOptions(maps=maps, read_only=READ_ONLY in arguments)
