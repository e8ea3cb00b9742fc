"""Exports for meetings: an offline network page, slide images, Gephi and yEd files, a report workbook, a brief.

Choose what to show with :func:`select`, then write any format with
:func:`export_bytes`; every file names its map, its date and the filters
used. See :mod:`actormap.export.formats` for the formats.

The formats' registry is imported at once; the names that need the network
view or Matplotlib are imported when first used, so ``actormap --help`` and
a list of the formats stay quick.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from actormap.export.formats import EXPORT_FORMATS, FORMATS, Format, export_bytes, file_name

if TYPE_CHECKING:
    from actormap.export.image import DEFAULT_SIZE, parse_size
    from actormap.view.filters import ViewFilters
    from actormap.view.selection import Selection, filter_errors, select

__all__ = [
    "DEFAULT_SIZE",
    "EXPORT_FORMATS",
    "FORMATS",
    "Format",
    "Selection",
    "ViewFilters",
    "export_bytes",
    "file_name",
    "filter_errors",
    "parse_size",
    "select",
]

_LAZY = {
    "DEFAULT_SIZE": "actormap.export.image",
    "parse_size": "actormap.export.image",
    "Selection": "actormap.view.selection",
    "ViewFilters": "actormap.view.filters",
    "filter_errors": "actormap.view.selection",
    "select": "actormap.view.selection",
}
"""The module of each name imported on first use."""


def __getattr__(name: str):
    """Import a name of :data:`_LAZY` from its module on first use."""
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_LAZY[name]), name)
