"""Problems with what a funder's money is: ``funding`` belongs on a participation row whose role is ``funder``."""

from __future__ import annotations

import pandas as pd

from actormap.schema import ROLES
from actormap.validation.problems import Problem, problem

__all__ = ["funding_not_funder"]


def funding_not_funder(participation: pd.DataFrame, file: str) -> list[Problem]:
    """A ``funding-not-funder`` problem for each row that says ``funding`` but whose role is another known role.

    A row whose role is unknown is ``unknown-role``'s to report; an unknown
    ``funding`` value is also ``unknown-funding``.

    Examples
    --------
    >>> rows = pd.DataFrame({"role": ["funder", "lead", "boss"], "funding": ["grant", "grant", "budget"]},
    ...                     index=[2, 3, 4])
    >>> [(found.row, found.column, found.message) for found in funding_not_funder(rows, "participation.csv")]
    ... # doctest: +NORMALIZE_WHITESPACE
    [(3, 'funding', 'funding says what a funder\\'s money is; this row\\'s role is "lead": clear "grant" here,
      or write it on a row where the actor\\'s role is funder')]
    """
    wrong = participation[(participation["funding"] != "") & participation["role"].isin(ROLES)]
    wrong = wrong[wrong["role"] != "funder"]
    return [
        problem("funding-not-funder", file, row, "funding", value=value, role=role)
        for row, value, role in zip(wrong.index, wrong["funding"], wrong["role"])
    ]
