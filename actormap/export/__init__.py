"""Exports for meetings: an offline network page, slide images, Gephi and yEd files, a report workbook, a brief.

Choose what to show with :func:`select`, then write any format with
:func:`export_bytes`; every file names its map, its date and the filters
used. See :mod:`actormap.export.formats` for the formats.
"""

from actormap.export.formats import FORMATS, MEDIA_TYPES, export_bytes, file_name
from actormap.export.image import DEFAULT_SIZE, parse_size
from actormap.view.selection import ExportFilters, Selection, filter_errors, select

__all__ = [
    "DEFAULT_SIZE",
    "FORMATS",
    "MEDIA_TYPES",
    "ExportFilters",
    "Selection",
    "export_bytes",
    "file_name",
    "filter_errors",
    "parse_size",
    "select",
]
