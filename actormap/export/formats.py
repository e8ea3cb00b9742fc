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

>>> file_name("Herning", "png"), file_name("Tønsberg Kommune", "xlsx"), MEDIA_TYPES["md"]
('herning-network.png', 'tonsberg-kommune-report.xlsx', 'text/markdown')
"""

from __future__ import annotations

import re
import unicodedata

from actormap.export.brief import brief_markdown
from actormap.export.graphfile import graph_file
from actormap.export.image import DEFAULT_SIZE, network_image
from actormap.export.pdf import brief_pdf
from actormap.export.workbook import report_workbook
from actormap.view.html import network_html
from actormap.view.selection import Selection

__all__ = ["FORMATS", "MEDIA_TYPES", "export_bytes", "file_name"]

FORMATS = ("html", "png", "svg", "pdf", "gexf", "graphml", "xlsx", "md")
KINDS = {
    "html": "network",
    "png": "network",
    "svg": "network",
    "pdf": "brief",
    "gexf": "graph",
    "graphml": "graph",
    "xlsx": "report",
    "md": "brief",
}
MEDIA_TYPES = {
    "html": "text/html",
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "gexf": "application/gexf+xml",
    "graphml": "application/graphml+xml",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "md": "text/markdown",
}
LETTERS = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss", "đ": "d", "Đ": "D"})
"""Letters that Unicode does not decompose into a plain one plus an accent (å and ä do)."""
HTML_HEIGHT = 760
"""Height in pixels of the network on the standalone page (a laptop screen below the title and legend)."""


def export_bytes(selection: Selection, export_format: str, size: tuple[int, int] = DEFAULT_SIZE) -> bytes:
    """The file of ``selection`` in ``export_format`` (one of :data:`FORMATS`); ``size`` is the images' size.

    Raises
    ------
    ValueError
        When the format is unknown.
    """
    if export_format == "html":
        page = network_html(
            selection.drawing,
            selection.language,
            title=selection.title,
            notes=tuple(selection.drawing_notes),
            height=HTML_HEIGHT,
        )
        return page.encode("utf-8")
    if export_format in ("png", "svg"):
        return network_image(selection, export_format, size)
    if export_format == "pdf":
        return brief_pdf(selection)
    if export_format in ("gexf", "graphml"):
        return graph_file(selection, export_format)
    if export_format == "xlsx":
        return report_workbook(selection)
    if export_format == "md":
        return brief_markdown(selection, network_image(selection, "png", size)).encode("utf-8")
    raise ValueError(f"unknown export format {export_format!r}; allowed: {', '.join(FORMATS)}")


def file_name(label: str, export_format: str) -> str:
    """The file name of an export: the map's folder name made safe, what the file holds, the format.

    ``label`` is the map's folder or file name (:attr:`ActorMap.label`).
    """
    spelled = label.translate(LETTERS)
    ascii_label = unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_label.lower()).strip("-") or "map"
    return f"{slug}-{KINDS[export_format]}.{export_format}"
