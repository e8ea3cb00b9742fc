"""Dates in a map: an effort's ``start`` and ``end`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) and the map's ``as_of``.

A date written as a year or a month is a period: a start counts from its
first day, an end until its last, so an effort that ends "2024" is still
running on 31 December 2024.

>>> first_day("2025"), last_day("2024-02"), last_day("2024-06-15")
(datetime.date(2025, 1, 1), datetime.date(2024, 2, 29), datetime.date(2024, 6, 15))
>>> first_day("2025-13") is None, first_day("25") is None, first_day("") is None, first_day("0000") is None
(True, True, True, True)
"""

from __future__ import annotations

import calendar
import datetime
import re

__all__ = ["DATE_FORMATS", "as_date", "first_day", "last_day"]

DATE_FORMATS = "YYYY, YYYY-MM or YYYY-MM-DD"
"""How a date is written in the map's tables, for messages."""

_PATTERN = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)


def _parts(text: str) -> tuple[int, int | None, int | None] | None:
    found = _PATTERN.fullmatch(text.strip()) if isinstance(text, str) else None
    if not found:
        return None
    year, month, day = (int(part) if part else None for part in found.groups())
    assert year is not None
    if year < datetime.MINYEAR:  # "0000": no such year
        return None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and month is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return year, month, day


def first_day(text: str) -> datetime.date | None:
    """The first day of the period ``text`` names; None when it is not a date in :data:`DATE_FORMATS`."""
    parts = _parts(text)
    if parts is None:
        return None
    year, month, day = parts
    return datetime.date(year, month or 1, day or 1)


def last_day(text: str) -> datetime.date | None:
    """The last day of the period ``text`` names; None when it is not a date in :data:`DATE_FORMATS`."""
    parts = _parts(text)
    if parts is None:
        return None
    year, month, day = parts
    month = month or 12
    return datetime.date(year, month, day or calendar.monthrange(year, month)[1])


def as_date(value) -> datetime.date | None:
    """A metadata date: a TOML date, or text ``YYYY-MM-DD``; None for anything else.

    >>> as_date("2016-05-01"), as_date(datetime.date(2015, 9, 7)), as_date("2016"), as_date(2016)
    (datetime.date(2016, 5, 1), datetime.date(2015, 9, 7), None, None)
    """
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip(), re.ASCII):
        return first_day(value)
    return None
