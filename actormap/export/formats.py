"""Every export format behind one function: :func:`export_bytes` gives a selection's file as bytes.

======== ====================================================== ================
format   what                                                   file name
======== ====================================================== ================
html     interactive network page that works with no internet   MAP-network.html
png      network image for slides (1920x1080 by default)        MAP-network.png
svg      the same image as vector graphics                      MAP-network.svg
pdf      handout: the one-page brief, then the network          MAP-brief.pdf
gexf     the full graph for Gephi                               MAP-graph.gexf
graphml  the full graph for yEd                                 MAP-graph.graphml
xlsx     report workbook                                        MAP-report.xlsx
md       one-page meeting brief with the network image inside   MAP-brief.md
======== ====================================================== ================

A format is one :class:`Format` in :data:`EXPORT_FORMATS` plus its label in
every catalog. The writers import Matplotlib, openpyxl and the network view
only when a file is made, so listing the formats costs nothing.

>>> file_name("Herning", "png"), file_name("Tønsberg Kommune", "xlsx"), EXPORT_FORMATS["md"].media_type
('herning-network.png', 'tonsberg-kommune-report.xlsx', 'text/markdown')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from actormap.view.selection import Selection

__all__ = ["EXPORT_FORMATS", "FORMATS", "Format", "export_bytes", "file_name"]

Size = tuple[int, int] | None
"""An image size in pixels; None for :data:`actormap.export.image.DEFAULT_SIZE`."""

HTML_HEIGHT = 760
"""Height in pixels of the network on the standalone page (a laptop screen below the title and legend)."""


def _network_page(selection: Selection, _format: str, _size: Size) -> bytes:
    from actormap.view.html import network_html

    notes = tuple(selection.drawing_notes)
    page = network_html(selection.drawing, selection.language, title=selection.title, notes=notes, height=HTML_HEIGHT)
    return page.encode("utf-8")


def _network_image(selection: Selection, image_format: str, size: Size) -> bytes:
    from actormap.export.image import DEFAULT_SIZE, network_image

    return network_image(selection, image_format, size or DEFAULT_SIZE)


def _handout(selection: Selection, _format: str, _size: Size) -> bytes:
    from actormap.export.pdf import brief_pdf

    return brief_pdf(selection)


def _graph(selection: Selection, graph_format: str, _size: Size) -> bytes:
    from actormap.export.graphfile import graph_file

    return graph_file(selection, graph_format)


def _report(selection: Selection, _format: str, _size: Size) -> bytes:
    from actormap.export.workbook import report_workbook

    return report_workbook(selection)


def _brief(selection: Selection, _format: str, size: Size) -> bytes:
    from actormap.export.brief import brief_markdown

    return brief_markdown(selection, _network_image(selection, "png", size)).encode("utf-8")


_XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Format:
    """An export format: its name (the file extension), what the file holds, its media type, writer and label.

    ``kind`` ends the file name (``herning-network.png``); ``writer`` takes
    the selection, the format's name and the image size and returns the
    file; ``label_key`` is the catalog key of the format's download label.
    """

    name: str
    kind: str
    media_type: str
    writer: Callable[[Selection, str, Size], bytes]
    label_key: str


EXPORT_FORMATS = {
    export.name: export
    for export in (
        Format("html", "network", "text/html", _network_page, "ui.export_html"),
        Format("png", "network", "image/png", _network_image, "ui.export_png"),
        Format("svg", "network", "image/svg+xml", _network_image, "ui.export_svg"),
        Format("pdf", "brief", "application/pdf", _handout, "ui.export_pdf"),
        Format("gexf", "graph", "application/gexf+xml", _graph, "ui.export_gexf"),
        Format("graphml", "graph", "application/graphml+xml", _graph, "ui.export_graphml"),
        Format("xlsx", "report", _XLSX_MEDIA_TYPE, _report, "ui.export_xlsx"),
        Format("md", "brief", "text/markdown", _brief, "ui.export_md"),
    )
}
"""Every export format by name, in the order the app and ``actormap export --format all`` offer them."""

FORMATS = tuple(EXPORT_FORMATS)
"""The formats' names."""


def export_bytes(selection: Selection, export_format: str, size: Size = None) -> bytes:
    """The file of ``selection`` in ``export_format`` (one of :data:`FORMATS`); ``size`` is the images' size.

    Parameters
    ----------
    selection : Selection
        What to export, from :func:`actormap.view.selection.select`.
    export_format : str
        One of :data:`FORMATS` (see the table above).
    size : tuple of int, optional
        Width and height in pixels of the network image (png, svg, md);
        default :data:`actormap.export.image.DEFAULT_SIZE`.

    Returns
    -------
    bytes
        The file; name it with :func:`file_name`.

    Raises
    ------
    ValueError
        When the format is unknown.

    Examples
    --------
    >>> from actormap import read_map
    >>> from actormap.view.selection import select
    >>> m, _ = read_map({"actors.csv": b"id,name,type\\nsn,Social board,committee\\n",
    ...                  "efforts.csv": b"id,name,level,target_groups\\nmm,Mini-Maria,4,youth\\n",
    ...                  "participation.csv": b"actor,effort,role\\nsn,mm,lead\\n"})
    >>> export_bytes(select(m), "graphml")[:38]
    b"<?xml version='1.0' encoding='utf-8'?>"
    >>> export_bytes(select(m), "doc")
    Traceback (most recent call last):
    ValueError: unknown export format 'doc'; allowed: html, png, svg, pdf, gexf, graphml, xlsx, md
    """
    if export_format not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {export_format!r}; allowed: {', '.join(FORMATS)}")
    return EXPORT_FORMATS[export_format].writer(selection, export_format, size)


FILE_NAME_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss", "đ": "d", "Đ": "D"})
"""Letters spelled out for file names before accents are dropped: Unicode does not split them into a plain
letter plus an accent as it does å and ä, so without this table they would vanish. Not tied to a language."""


def file_name(label: str, export_format: str) -> str:
    """The file name of an export: the map's folder name made safe, what the file holds, the format.

    ``label`` is the map's folder or file name (:attr:`ActorMap.label`); see
    :data:`FILE_NAME_LETTERS` for the letters that are spelled out.
    """
    spelled = label.translate(FILE_NAME_LETTERS)
    ascii_label = unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_label.lower()).strip("-") or "map"
    return f"{slug}-{EXPORT_FORMATS[export_format].kind}.{export_format}"
