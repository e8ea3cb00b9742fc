"""Coverage, profiles and the who-does-what matrix: the views over a map besides the findings.

All functions are pure: they take a map and return a new table.
"""

from __future__ import annotations

import pandas as pd

from actormap.analysis.cells import cell_states
from actormap.analysis.rules import find_all
from actormap.model import ActorMap
from actormap.schema import LEVELS, ROLES

__all__ = ["actor_profiles", "coverage", "level_summary", "responsibility_matrix", "roles_by_effort"]


def coverage(actor_map: ActorMap) -> pd.DataFrame:
    """Levels x target groups: running efforts, distinct actors and lead actors in each cell, and its state.

    Ended and planned efforts do not count (``planned`` counts the planned
    ones); ``state`` is the cell's state (see :mod:`actormap.analysis.cells`).

    Parameters
    ----------
    actor_map : ActorMap
        The map.

    Returns
    -------
    DataFrame
        One row per (level, target group) of the map, in level order, with the
        columns ``level``, ``target_group``, ``efforts``, ``actors``, ``lead_actors``,
        ``planned`` and ``state``.

    Examples
    --------
    >>> from actormap import read_map
    >>> m, _ = read_map({"map.toml": b'target_groups = ["youth"]',
    ...                  "actors.csv": b"id,name,type\\nsn,Social board,committee\\npol,Police,police\\n",
    ...                  "efforts.csv": b"id,name,level,target_groups\\nmm,Mini-Maria,4,youth\\n",
    ...                  "participation.csv": b"actor,effort,role\\nsn,mm,lead\\npol,mm,partner\\n"})
    >>> coverage(m).values.tolist()[-2:]
    [['early_intervention', 'youth', 0, 0, 0, 0, 'uncovered'], ['treatment', 'youth', 1, 2, 1, 0, 'covered']]
    """
    cells = actor_map.running_cells
    planned = actor_map.active_cells[actor_map.active_cells["id"].isin(actor_map.planned_ids)]
    joined = actor_map.running_participation[["actor", "effort", "role"]].merge(cells, left_on="effort", right_on="id")
    grid = pd.MultiIndex.from_product([LEVELS, actor_map.target_groups], names=["level", "target_group"])
    counts = pd.DataFrame(
        {
            "efforts": cells.groupby(["level", "target_group"])["id"].nunique(),
            "actors": joined.groupby(["level", "target_group"])["actor"].nunique(),
            "lead_actors": joined[joined["role"] == "lead"].groupby(["level", "target_group"])["actor"].nunique(),
            "planned": planned.groupby(["level", "target_group"])["id"].nunique(),
        }
    )
    counts = counts.reindex(grid).fillna(0).astype(int)
    return counts.assign(state=cell_states(actor_map)).reset_index()


def actor_profiles(actor_map: ActorMap) -> pd.DataFrame:
    """Per actor: the levels and roles it holds, its efforts and how many actors it works with.

    Parameters
    ----------
    actor_map : ActorMap
        The map.

    Returns
    -------
    DataFrame
        One row per actor, in the actors table's order, with the columns
        ``actor``, ``name``, ``type``, ``levels`` and ``roles`` (tuples in the
        schema's order), ``efforts`` (count) and ``partners`` (distinct actors
        sharing a not ended effort).

    Examples
    --------
    >>> from actormap import read_map
    >>> m, _ = read_map({"map.toml": b'target_groups = ["youth"]',
    ...                  "actors.csv": b"id,name,type\\nsn,Social board,committee\\npol,Police,police\\n",
    ...                  "efforts.csv": b"id,name,level,target_groups\\nmm,Mini-Maria,4,youth\\n",
    ...                  "participation.csv": b"actor,effort,role\\nsn,mm,lead\\npol,mm,partner\\n"})
    >>> actor_profiles(m).values.tolist()[0]
    ['sn', 'Social board', 'committee', ('treatment',), ('lead',), 1, 1]
    """
    participation = actor_map.active_participation
    by_actor = participation.groupby("actor")
    pairs = participation[["actor", "effort"]].drop_duplicates()
    shared = pairs.merge(pairs, on="effort")
    shared = shared[shared["actor_x"] != shared["actor_y"]]
    actors = actor_map.actors.set_index("id")
    profiles = pd.DataFrame(
        {
            "name": actors["name"],
            "type": actors["type"],
            "levels": by_actor["level"].agg(lambda levels: tuple(level for level in LEVELS if level in set(levels))),
            "roles": by_actor["role"].agg(lambda roles: tuple(role for role in ROLES if role in set(roles))),
            "efforts": by_actor["effort"].nunique(),
            "partners": shared.groupby("actor_x")["actor_y"].nunique(),
        },
        index=actors.index,
    )
    profiles["levels"] = profiles["levels"].map(lambda v: v if isinstance(v, tuple) else ())
    profiles["roles"] = profiles["roles"].map(lambda v: v if isinstance(v, tuple) else ())
    profiles[["efforts", "partners"]] = profiles[["efforts", "partners"]].fillna(0).astype(int)
    return profiles.rename_axis("actor").reset_index()


def responsibility_matrix(actor_map: ActorMap) -> pd.DataFrame:
    """Actors x not ended efforts with the roles each actor holds: who does what, read row by row.

    Parameters
    ----------
    actor_map : ActorMap
        The map.

    Returns
    -------
    DataFrame
        Rows are the actors that take part (in the actors table's order),
        columns the efforts ordered by level and name; a cell holds the role
        codes, comma-separated, or ``""``.

    Examples
    --------
    >>> from actormap import read_map
    >>> m, _ = read_map({"map.toml": b'target_groups = ["youth"]',
    ...                  "actors.csv": b"id,name,type\\nsn,Social board,committee\\npol,Police,police\\n",
    ...                  "efforts.csv": b"id,name,level,target_groups\\nmm,Mini-Maria,4,youth\\n",
    ...                  "participation.csv": b"actor,effort,role\\nsn,mm,lead\\npol,mm,partner\\n"})
    >>> responsibility_matrix(m).to_dict()
    {'mm': {'sn': 'lead', 'pol': 'partner'}}
    """
    participation = actor_map.active_participation
    cells = participation.groupby(["actor", "effort"], sort=False)["role"].agg(
        lambda roles: ",".join(dict.fromkeys(roles))
    )
    efforts = actor_map.efforts[actor_map.efforts["id"].isin(participation["effort"])]
    order = efforts.assign(_level=efforts["level"].map(LEVELS.index)).sort_values(["_level", "name"], kind="stable")
    actors = actor_map.actors.loc[actor_map.actors["id"].isin(participation["actor"]), "id"]
    matrix = cells.unstack("effort", fill_value="") if len(cells) else pd.DataFrame()
    return matrix.reindex(index=list(actors), columns=list(order["id"]), fill_value="")


def roles_by_effort(matrix: pd.DataFrame) -> pd.DataFrame:
    """A :func:`responsibility_matrix` turned round: efforts x roles with the actors that hold each.

    Rows are the matrix's efforts in its order (by level and name); columns
    are :data:`~actormap.schema.ROLES`; a cell is a tuple of actor ids in
    the matrix's (the actors table's) order.

    Examples
    --------
    >>> from actormap import read_map
    >>> m, _ = read_map({"map.toml": b'target_groups = ["youth"]',
    ...                  "actors.csv": b"id,name,type\\nsn,Social board,committee\\npol,Police,police\\n",
    ...                  "efforts.csv": b"id,name,level,target_groups\\nmm,Mini-Maria,4,youth\\n",
    ...                  "participation.csv": b"actor,effort,role\\nsn,mm,lead\\npol,mm,partner\\nsn,mm,funder\\n"})
    >>> roles_by_effort(responsibility_matrix(m)).loc["mm", ["lead", "funder", "partner", "follow_up"]].tolist()
    [('sn',), ('sn',), ('pol',), ()]
    """
    held = {effort: column[column != ""].str.split(",") for effort, column in matrix.items()}  # the actors in it
    rows = {
        effort: {role: tuple(actor for actor, roles in taking.items() if role in roles) for role in ROLES}
        for effort, taking in held.items()
    }
    return pd.DataFrame.from_dict(rows, orient="index", columns=list(ROLES))


def level_summary(actor_map: ActorMap, findings: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per level: efforts, actors, lead actors and findings (not ended efforts only).

    Parameters
    ----------
    actor_map : ActorMap
        The map.
    findings : DataFrame, optional
        The map's findings, from :func:`~actormap.analysis.rules.find_all`; found anew when not given.

    Returns
    -------
    DataFrame
        One row per level, in order, with the columns ``level``, ``efforts``,
        ``actors``, ``lead_actors`` and ``findings`` (those with a level).

    Examples
    --------
    >>> from actormap import read_map
    >>> m, _ = read_map({"map.toml": b'target_groups = ["youth"]',
    ...                  "actors.csv": b"id,name,type\\nsn,Social board,committee\\npol,Police,police\\n",
    ...                  "efforts.csv": b"id,name,level,target_groups\\nmm,Mini-Maria,4,youth\\n",
    ...                  "participation.csv": b"actor,effort,role\\nsn,mm,lead\\npol,mm,partner\\n"})
    >>> level_summary(m).values.tolist()[-1]
    ['treatment', 1, 2, 1, 3]
    """
    efforts = actor_map.active_efforts
    participation = actor_map.active_participation
    findings = find_all(actor_map) if findings is None else findings
    summary = pd.DataFrame(
        {
            "efforts": efforts.groupby("level")["id"].nunique(),
            "actors": participation.groupby("level")["actor"].nunique(),
            "lead_actors": participation[participation["role"] == "lead"].groupby("level")["actor"].nunique(),
            "findings": findings[findings["level"] != ""].groupby("level").size(),
        }
    ).reindex(list(LEVELS))
    return summary.fillna(0).astype(int).rename_axis("level").reset_index()
