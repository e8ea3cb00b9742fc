"""Problems with an effort's period: ``start`` and ``end`` cells that are no date, and an end before the start.

>>> import pandas as pd
>>> efforts = pd.DataFrame({"start": ["2016", "2015/16", "2016-05"], "end": ["", "", "2016-04"]}, index=[2, 3, 4])
>>> [(found.row, found.column, found.code) for found in invalid_dates(efforts["start"], "efforts.csv", "start")]
[(3, 'start', 'invalid-date')]
>>> [found.message for found in ends_before_starts(efforts, "efforts.csv")]
['the end "2016-04" is before the start "2016-05"; correct one of them']
"""

from __future__ import annotations

import pandas as pd

from actormap.dates import first_day, last_day
from actormap.validation.problems import Problem, problem

__all__ = ["ends_before_starts", "invalid_dates"]


def invalid_dates(values: pd.Series, file: str, column: str) -> list[Problem]:
    """The cells of a date column (trimmed text) that are neither empty nor YYYY, YYYY-MM or YYYY-MM-DD."""
    written = values[values != ""]
    return [
        problem("invalid-date", file, row, column, value=value)
        for row, value in written.items()
        if first_day(value) is None
    ]


def ends_before_starts(efforts: pd.DataFrame, file: str) -> list[Problem]:
    """Rows whose ``end`` ends before their ``start`` begins, located at the end cell.

    A year or a month is a period: an effort from "2016-05" to "2016" is
    fine, one from "2016-05" to "2016-04" is not. Cells that are no date
    are left to :func:`invalid_dates`.
    """
    both = efforts[(efforts["start"] != "") & (efforts["end"] != "")]
    problems = []
    for row, start, end in zip(both.index, both["start"], both["end"]):
        begins, ends = first_day(start), last_day(end)
        if begins is not None and ends is not None and ends < begins:
            problems.append(problem("end-before-start", file, row, "end", value=end, start=start))
    return problems
