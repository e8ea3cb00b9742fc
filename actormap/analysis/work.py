"""Who does the work, what pays for it, and whether the people served are heard: three rules on efforts.

- ``no_performer``: an effort that has not ended whose own participants only
  fund it, advise on it or follow it up; nobody leads it, performs it or is
  a partner (:data:`~actormap.schema.WORKING_ROLES`). A measure with no
  participants of its own is carried by its plan, as validation's
  ``empty-effort`` spares it; an effort with nobody at all is
  ``empty-effort`` and ``no_lead``.
- ``grant_only``: a running effort whose funders all pay with a ``grant``
  that ends within twelve months of the map's ``as_of`` (inclusive), or at
  an unknown date; an end already past is ``expired``.
- ``no_user_voice``: at a level of ``user_voice_levels`` that has running
  efforts, no ``user_organisation`` takes part in any of them.

>>> from actormap import read_map
>>> from actormap.analysis.rules import find_all
>>> m, _ = read_map({"map.toml": b'target_groups = ["adults"]\\nas_of = 2024-06-01',
...                  "actors.csv": b"id,name,type\\nhdir,Helsedirektoratet,state_agency\\nnav,NAV,social_services\\n",
...                  "efforts.csv": b"id,name,level,target_groups,end\\np,Housing First,4,adults,2025-03\\n",
...                  "participation.csv": b"actor,effort,role,funding\\nhdir,p,funder,grant\\nnav,p,lead,\\n"})
>>> find_all(m).set_index("rule").loc["grant_only", "message"]
'“Housing First” lives only on project money (Helsedirektoratet) that ends in March 2025; \
no ordinary budget has taken it over.'
"""

from __future__ import annotations

import datetime

from actormap.analysis.context import Context, dated, distinct_by_effort, effort_rows
from actormap.dates import last_day

__all__ = ["grant_only", "no_performer", "no_user_voice", "year_later"]


def no_performer(c: Context) -> list[dict]:
    """The efforts that have not ended with participants of their own, none of whom does the work."""
    idle = c.efforts[c.efforts["id"].isin(c.members.keys()) & ~c.efforts["id"].isin(c.workers.keys())]
    findings = []
    for effort in effort_rows(idle):
        actors = c.participants(effort[0])
        message = "message_one" if len(actors) == 1 else "message"
        findings.append(c.effort_finding("no_performer", effort, actors, message=message, actors=c.names(actors)))
    return findings


def grant_only(c: Context) -> list[dict]:
    """The running efforts paid for only by grants that end within a year of the map's date, or at an unknown date."""
    funders = c.map.running_participation
    funders = funders[funders["role"] == "funder"]
    granted = (funders["funding"] == "grant").groupby(funders["effort"], sort=False).all()
    running = c.map.running_efforts
    candidates = running[running["id"].isin(granted.index[granted.to_numpy(bool)])]
    paid_by = distinct_by_effort(funders)
    as_of = c.map.as_of
    horizon = year_later(as_of)
    findings = []
    for effort, end in zip(effort_rows(candidates), candidates["end"]):
        last = last_day(end)
        if last is not None and not as_of <= last <= horizon:
            continue
        variant, say = ("message_open", {}) if last is None else dated(end)
        say["funders"] = c.names(paid_by[effort[0]])
        findings.append(c.effort_finding("grant_only", effort, c.participants(effort[0]), message=variant, **say))
    return findings


def year_later(day: datetime.date) -> datetime.date:
    """The same day a year later (28 February for 29 February).

    Examples
    --------
    >>> year_later(datetime.date(2024, 2, 29)), year_later(datetime.date(2024, 6, 1))
    (datetime.date(2025, 2, 28), datetime.date(2025, 6, 1))
    """
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def no_user_voice(c: Context) -> list[dict]:
    """One finding per user-voice level with running efforts but no user organisation in any of them."""
    actors, taking_part = c.map.actors, c.map.running_participation
    users = actors.loc[actors["type"] == "user_organisation", "id"]
    heard = set(taking_part.loc[taking_part["actor"].isin(users), "level"])
    served = set(c.map.running_efforts["level"])
    return [
        c.finding("no_user_voice", {}, level, message=f"message_{level}")
        for level in c.map.user_voice_levels
        if level in served and level not in heard
    ]
