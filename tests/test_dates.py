"""Dates in a map: a start or end is a period written YYYY, YYYY-MM or YYYY-MM-DD; anything else is no date."""

import calendar
import datetime
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from actormap.dates import as_date, first_day, last_day

FORMATS = {r"\d{4}": "%Y", r"\d{4}-\d{2}": "%Y-%m", r"\d{4}-\d{2}-\d{2}": "%Y-%m-%d"}


def written_date(text: str) -> datetime.date | None:
    """The first day ``text`` names by the format alone: ASCII digits in one of the three shapes, a real date."""
    for pattern, form in FORMATS.items():
        if re.fullmatch(pattern, text.strip(), re.ASCII):
            try:
                return datetime.datetime.strptime(text.strip(), form).date()
            except ValueError:  # month 13, 30 February, year 0
                return None
    return None


shaped = st.from_regex(r"\A\s?\d{4}(-\d{1,2}(-\d{1,2})?)?\s?\Z")
"""Text close to a date: the right shape, with any digits (also month 13, day 32 and other scripts' digits)."""


@given(st.one_of(st.text(), shaped))
@example("2015/16")
@example("hösten 2016")
@example("0000")
@example("٢٠١٦")
@example(" 2016-02-29\n")
def test_first_and_last_day_never_raise_and_name_a_date_exactly_for_the_three_formats(text):
    first, last = first_day(text), last_day(text)
    expected = written_date(text)
    assert first == expected
    assert (last is None) == (expected is None)
    if last is not None:
        assert first <= last and last.year == first.year


@given(st.dates(), st.sampled_from(["year", "month", "day"]))
def test_a_year_or_month_is_its_whole_period(day, precision):
    text = {"year": f"{day.year:04d}", "month": f"{day.year:04d}-{day.month:02d}", "day": day.isoformat()}[precision]
    month_end = calendar.monthrange(day.year, day.month)[1]
    expected = {
        "year": (datetime.date(day.year, 1, 1), datetime.date(day.year, 12, 31)),
        "month": (day.replace(day=1), day.replace(day=month_end)),
        "day": (day, day),
    }[precision]
    assert (first_day(text), last_day(text)) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        (datetime.date(2016, 5, 1), datetime.date(2016, 5, 1)),
        (datetime.datetime(2016, 5, 1, 10, 30), datetime.date(2016, 5, 1)),
        ("2016-05-01", datetime.date(2016, 5, 1)),
        (" 2016-05-01 ", datetime.date(2016, 5, 1)),
        ("2016-05", None),
        ("2016", None),
        ("2016-02-30", None),
        (2016, None),
        (datetime.time(10, 0), None),
        (["2016-05-01"], None),
        (None, None),
    ],
)
def test_as_of_is_a_whole_date(value, expected):
    assert as_date(value) == expected
