"""Parts of a map: one municipality's, or the map without some actors."""

from __future__ import annotations

from dataclasses import replace

from actormap.model import ActorMap, ancestors

__all__ = ["for_municipality", "municipalities", "without_actors"]


def without_actors(actor_map: ActorMap, removed) -> ActorMap:
    """The map as if the actors ``removed`` had left: their rows, participations and relations gone.

    Sub-units of a removed actor stay, without a parent.

    Parameters
    ----------
    actor_map : ActorMap
        The map; it is not changed.
    removed : iterable of str
        Ids of the actors that leave.

    Returns
    -------
    ActorMap
        A new map without them.

    Examples
    --------
    >>> from actormap import read_map
    >>> m, _ = read_map({"actors.csv": b"id,name,type,municipality\\nale,Ale IFO,social_services,Ale\\n"
    ...                                b"mora,Mora IFO,social_services,Mora\\nreg,Region,health_care,\\n",
    ...                  "efforts.csv": b"id,name,level,target_groups\\nmm,Mini-Maria,4,youth\\nit,Intake,3,youth\\n",
    ...                  "participation.csv": b"actor,effort,role\\nale,mm,lead\\nreg,mm,partner\\nmora,it,lead\\n"},
    ...                 "dalarna")
    >>> list(without_actors(m, ["reg"]).participation["actor"]), list(m.participation["actor"])
    (['ale', 'mora'], ['ale', 'reg', 'mora'])
    """
    removed = set(removed)
    tables = dict(actor_map.tables)
    clean = {name: actor_map.clean(name) for name in ("actors", "participation", "relations")}
    tables["actors"] = actor_map.tables["actors"].loc[~clean["actors"]["id"].isin(removed)].copy()
    if "parent" in tables["actors"].columns:
        orphaned = clean["actors"].loc[tables["actors"].index, "parent"].isin(removed)
        tables["actors"].loc[orphaned, "parent"] = ""
    tables["participation"] = actor_map.tables["participation"].loc[~clean["participation"]["actor"].isin(removed)]
    if "relations" in tables:
        keep = ~(clean["relations"]["from"].isin(removed) | clean["relations"]["to"].isin(removed))
        tables["relations"] = actor_map.tables["relations"].loc[keep]
    return replace(actor_map, tables=tables)


def municipalities(actor_map: ActorMap) -> tuple[str, ...]:
    """The municipalities the actors' ``municipality`` column names, in order of appearance; none below two.

    Parameters
    ----------
    actor_map : ActorMap
        The map.

    Returns
    -------
    tuple of str
        The municipalities; ``()`` when fewer than two are named.

    Examples
    --------
    >>> import pandas as pd
    >>> m = ActorMap({"actors": pd.DataFrame({"id": ["a", "b", "r"], "municipality": ["Mora", " Ale", ""]})}, {})
    >>> municipalities(m)
    ('Mora', 'Ale')
    """
    named = dict.fromkeys(name for name in actor_map.actors["municipality"].str.strip() if name)
    return tuple(named) if len(named) > 1 else ()


def for_municipality(actor_map: ActorMap, municipality: str) -> ActorMap:
    """The part of a map that concerns one municipality, as a map of its own.

    It holds the municipality's actors, the efforts they take part in with
    everyone taking part (regional and national actors too, so no lead goes
    missing), the relations among these actors, and their parents. Its
    name, label (so export file names) and version say which municipality it is.

    Parameters
    ----------
    actor_map : ActorMap
        The map; it is not changed.
    municipality : str
        A municipality as the actors' ``municipality`` column names it (see :func:`municipalities`).

    Returns
    -------
    ActorMap
        A new map of that part.

    Examples
    --------
    >>> from actormap import read_map
    >>> m, _ = read_map({"actors.csv": b"id,name,type,municipality\\nale,Ale IFO,social_services,Ale\\n"
    ...                                b"mora,Mora IFO,social_services,Mora\\nreg,Region,health_care,\\n",
    ...                  "efforts.csv": b"id,name,level,target_groups\\nmm,Mini-Maria,4,youth\\nit,Intake,3,youth\\n",
    ...                  "participation.csv": b"actor,effort,role\\nale,mm,lead\\nreg,mm,partner\\nmora,it,lead\\n"},
    ...                 "dalarna")
    >>> part = for_municipality(m, "Ale")
    >>> list(part.actors["id"]), list(part.efforts["id"]), part.name
    (['ale', 'reg'], ['mm'], 'dalarna · Ale')
    """
    actors, participation, relations = actor_map.actors, actor_map.participation, actor_map.relations
    own = set(actors.loc[actors["municipality"].str.strip() == municipality, "id"])
    efforts = set(participation.loc[participation["actor"].isin(own), "effort"])
    taking_part = participation["effort"].isin(efforts)
    kept = own | set(participation.loc[taking_part, "actor"])
    kept |= ancestors(actors, kept)
    tables = dict(actor_map.tables)
    tables["actors"] = actor_map.tables["actors"].loc[actors["id"].isin(kept)]
    tables["efforts"] = actor_map.tables["efforts"].loc[actor_map.efforts["id"].isin(efforts)]
    tables["participation"] = actor_map.tables["participation"].loc[taking_part]
    if "relations" in tables:
        linked = relations["from"].isin(kept) & relations["to"].isin(kept)
        tables["relations"] = actor_map.tables["relations"].loc[linked]
    meta = {**actor_map.meta, "name": f"{actor_map.name} · {municipality}", "municipality": municipality}
    return replace(
        actor_map,
        tables=tables,
        meta=meta,
        version=f"{actor_map.version}:{municipality}",
        label=f"{actor_map.label} {municipality}",
    )
