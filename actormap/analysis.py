"""Coverage, profiles and what-if: the views over a map besides the findings.

All functions are pure: they take a map and return a new table or map.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from actormap.findings import find_all
from actormap.graph import ancestors
from actormap.model import ActorMap
from actormap.schema import LEVELS, ROLES

__all__ = [
    "actor_profiles",
    "compare_findings",
    "coverage",
    "filter_findings",
    "finding_changes",
    "for_municipality",
    "level_summary",
    "municipalities",
    "new_findings",
    "responsibility_matrix",
    "without_actors",
]


def coverage(actor_map: ActorMap) -> pd.DataFrame:
    """Levels x target groups: efforts, distinct actors and distinct lead actors in each cell.

    Returns one row per (level, target_group) of the map, in level order,
    with the columns ``level``, ``target_group``, ``efforts``, ``actors``
    and ``lead_actors``. Ended efforts do not count.
    """
    cells = actor_map.active_cells
    joined = actor_map.active_participation[["actor", "effort", "role"]].merge(
        cells, left_on="effort", right_on="id")
    grid = pd.MultiIndex.from_product([LEVELS, actor_map.target_groups], names=["level", "target_group"])
    counts = pd.DataFrame({
        "efforts": cells.groupby(["level", "target_group"])["id"].nunique(),
        "actors": joined.groupby(["level", "target_group"])["actor"].nunique(),
        "lead_actors": joined[joined["role"] == "lead"].groupby(["level", "target_group"])["actor"].nunique(),
    })
    return counts.reindex(grid).fillna(0).astype(int).reset_index()


def actor_profiles(actor_map: ActorMap) -> pd.DataFrame:
    """Per actor: the levels and roles it holds, its efforts and how many actors it works with.

    Columns: ``actor``, ``name``, ``type``, ``levels`` and ``roles`` (tuples
    in the schema's order), ``efforts`` (count) and ``partners`` (distinct
    actors sharing a not ended effort).
    """
    participation = actor_map.active_participation
    by_actor = participation.groupby("actor")
    pairs = participation[["actor", "effort"]].drop_duplicates()
    shared = pairs.merge(pairs, on="effort")
    shared = shared[shared["actor_x"] != shared["actor_y"]]
    actors = actor_map.actors.set_index("id")
    profiles = pd.DataFrame({
        "name": actors["name"],
        "type": actors["type"],
        "levels": by_actor["level"].agg(lambda levels: tuple(l for l in LEVELS if l in set(levels))),
        "roles": by_actor["role"].agg(lambda roles: tuple(role for role in ROLES if role in set(roles))),
        "efforts": by_actor["effort"].nunique(),
        "partners": shared.groupby("actor_x")["actor_y"].nunique(),
    }, index=actors.index)
    profiles["levels"] = profiles["levels"].map(lambda v: v if isinstance(v, tuple) else ())
    profiles["roles"] = profiles["roles"].map(lambda v: v if isinstance(v, tuple) else ())
    profiles[["efforts", "partners"]] = profiles[["efforts", "partners"]].fillna(0).astype(int)
    return profiles.rename_axis("actor").reset_index()


def responsibility_matrix(actor_map: ActorMap) -> pd.DataFrame:
    """Actors x not ended efforts with the roles each actor holds: who does what, read row by row.

    Rows are the actors that take part (in the actors table's order),
    columns the efforts ordered by level and name; a cell holds the role
    codes, comma-separated, or ``""``.
    """
    participation = actor_map.active_participation
    cells = participation.groupby(["actor", "effort"], sort=False)["role"].agg(lambda roles: ",".join(dict.fromkeys(roles)))
    efforts = actor_map.efforts[actor_map.efforts["id"].isin(participation["effort"])]
    order = efforts.assign(_level=efforts["level"].map(LEVELS.index)).sort_values(["_level", "name"], kind="stable")
    actors = actor_map.actors.loc[actor_map.actors["id"].isin(participation["actor"]), "id"]
    matrix = cells.unstack("effort", fill_value="") if len(cells) else pd.DataFrame()
    return matrix.reindex(index=list(actors), columns=list(order["id"]), fill_value="")


def level_summary(actor_map: ActorMap, findings: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per level: efforts, actors, lead actors and findings (not ended efforts only)."""
    efforts = actor_map.active_efforts
    participation = actor_map.active_participation
    findings = find_all(actor_map) if findings is None else findings
    summary = pd.DataFrame({
        "efforts": efforts.groupby("level")["id"].nunique(),
        "actors": participation.groupby("level")["actor"].nunique(),
        "lead_actors": participation[participation["role"] == "lead"].groupby("level")["actor"].nunique(),
        "findings": findings[findings["level"] != ""].groupby("level").size(),
    }).reindex(list(LEVELS))
    return summary.fillna(0).astype(int).rename_axis("level").reset_index()


def without_actors(actor_map: ActorMap, removed) -> ActorMap:
    """The map as if the actors ``removed`` had left: their rows, participations and relations gone.

    Sub-units of a removed actor stay, without a parent.
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

    Examples
    --------
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
    return replace(actor_map, tables=tables, meta=meta, version=f"{actor_map.version}:{municipality}",
                   label=f"{actor_map.label} {municipality}")


def _finding_key(finding) -> tuple:
    """What a finding is about: its cell and efforts, or its actors when it names no effort."""
    about = frozenset(finding.efforts) or frozenset(finding.actors)
    return finding.rule, finding.level, finding.to_level, finding.target_group, about


def finding_changes(before: ActorMap, after: ActorMap, language: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The findings that appear and the ones that disappear going from map ``before`` to map ``after``."""
    return compare_findings(find_all(before, language), find_all(after, language))


def compare_findings(old: pd.DataFrame, new: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The findings of ``new`` that ``old`` lacks (appeared) and those of ``old`` that ``new`` lacks (resolved)."""
    old_keys = {_finding_key(f) for f in old.itertuples()}
    new_keys = {_finding_key(f) for f in new.itertuples()}
    appeared = new[[_finding_key(f) not in old_keys for f in new.itertuples()]].reset_index(drop=True)
    resolved = old[[_finding_key(f) not in new_keys for f in old.itertuples()]].reset_index(drop=True)
    return appeared, resolved


def new_findings(actor_map: ActorMap, removed, language: str | None = None) -> pd.DataFrame:
    """The findings that appear when the actors ``removed`` leave, compared to the full map."""
    return finding_changes(actor_map, without_actors(actor_map, removed), language)[0]


def filter_findings(findings: pd.DataFrame, level=None, target_group=None, rule=None, actor=None,
                    severity=None) -> pd.DataFrame:
    """Keep the findings that match every given filter (each a value or a list of values)."""
    def wanted(values):
        return {values} if isinstance(values, str) else set(values)

    keep = pd.Series(True, index=findings.index)
    if level:
        keep &= findings["level"].isin(wanted(level)) | findings["to_level"].isin(wanted(level))
    if target_group:
        keep &= findings["target_group"].map(lambda groups: bool(set(groups.split(",")) & wanted(target_group)))
    if rule:
        keep &= findings["rule"].isin(wanted(rule))
    if severity:
        keep &= findings["severity"].isin(wanted(severity))
    if actor:
        keep &= findings["actors"].map(lambda actors: bool(set(actors) & wanted(actor)))
    return findings[keep].reset_index(drop=True)
