"""Exports for meetings: an offline network page, slide images, Gephi and yEd files, a report workbook, a brief.

Choose what to show with :func:`select`, then write any format with
:func:`export_bytes`; every file names its map, its date and the filters
used. See :mod:`actormap.export.formats` for the formats.

The formats' registry is imported at once; the names that need the network
view or Matplotlib are imported when first used, so ``actormap --help`` and
a list of the formats stay quick.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from actormap.export.formats import EXPORT_FORMATS, FORMATS, Format, export_bytes, file_name
from actormap.lazy import lazy_names

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

__getattr__ = lazy_names(
    __name__,
    {
        "DEFAULT_SIZE": "actormap.export.image",
        "parse_size": "actormap.export.image",
        "Selection": "actormap.view.selection",
        "ViewFilters": "actormap.view.filters",
        "filter_errors": "actormap.view.selection",
        "select": "actormap.view.selection",
    },
)
