"""A map out of the browser: downloads as a zip of CSV files or as one workbook."""

from __future__ import annotations

import io
import zipfile

from actormap.files.csvfile import write_csv
from actormap.files.meta import dump_meta
from actormap.files.save import map_bytes, table_rows
from actormap.model import ActorMap, CsvDialect, TableFormat
from actormap.schema import META_FILE

__all__ = ["workbook_bytes", "zip_bytes"]


def zip_bytes(actor_map: ActorMap, delimiter: str = ",") -> bytes:
    """The map's CSV files in a zip, as Excel opens them: UTF-8 with BOM, CRLF, the chosen delimiter."""
    dialect = CsvDialect("utf-8", True, delimiter, "\r\n")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, table in actor_map.tables.items():
            header, rows = table_rows(table, actor_map.formats.get(name, TableFormat()))
            archive.writestr(f"{name}.csv", write_csv(header, rows, dialect))
        if actor_map.meta:
            archive.writestr(META_FILE, dump_meta(actor_map.meta))
    return buffer.getvalue()


def workbook_bytes(actor_map: ActorMap, name: str = "map.xlsx") -> bytes:
    """The map as one ``.xlsx`` workbook (every cell text)."""
    return map_bytes(actor_map, workbook=name)[name]
