"""An upload against the map: what replacing it would change, and merging it in.

Uploads can replace the map or be merged into it; :func:`diff_maps` says
what either would change, table by table, before anything is written.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from actormap.model import ActorMap

__all__ = ["ROW_KEYS", "diff_maps", "merge_maps"]


ROW_KEYS = {
    "actors": ("id",),
    "efforts": ("id",),
    "participation": ("actor", "effort", "role"),
    "relations": ("from", "to", "kind"),
}
"""What identifies a row of each table when two versions of a map are compared or merged."""


def _keyed(actor_map: ActorMap, table: str) -> pd.DataFrame:
    """The raw table indexed by its row key (trimmed, as the clean view reads it)."""
    raw = actor_map.tables.get(table)
    if raw is None:
        return pd.DataFrame()
    keys = actor_map.clean(table)[list(ROW_KEYS[table])].apply(tuple, axis=1) if len(raw) else []
    return raw.set_axis(pd.Index(list(keys)), axis=0)


def diff_maps(current: ActorMap, incoming: ActorMap) -> pd.DataFrame:
    """Rows added, changed and removed per table if ``incoming`` replaced ``current``."""
    rows = []
    for table in ROW_KEYS:
        old, new = _keyed(current, table), _keyed(incoming, table)
        common = old.index.intersection(new.index)
        columns = sorted(set(old.columns) | set(new.columns), key=str)
        before, after = (_trimmed_text(frame.reindex(columns=columns).loc[common]) for frame in (old, new))
        changed = int((before != after).any(axis=1).sum()) if len(common) else 0
        rows.append(
            {
                "table": table,
                "added": len(new.index.difference(old.index)),
                "changed": changed,
                "removed": len(old.index.difference(new.index)),
            }
        )
    return pd.DataFrame(rows)


def _trimmed_text(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.fillna("").astype(str).apply(lambda column: column.str.strip())


def merge_maps(current: ActorMap, incoming: ActorMap) -> ActorMap:
    """``current`` with ``incoming``'s rows: same key replaces, new key is added, the rest is kept.

    Columns are the union (the current order first); target groups are the
    union too, so incoming efforts stay valid.
    """
    tables = dict(current.tables)
    for table, new in incoming.tables.items():
        if table not in current.tables:
            tables[table] = new
            continue
        old, keyed_new = _keyed(current, table), _keyed(incoming, table)
        columns = list(old.columns) + [column for column in keyed_new.columns if column not in old.columns]
        merged = old.astype(object).reindex(columns=columns, fill_value="")
        merged = merged[~merged.index.isin(keyed_new.index)]
        merged = pd.concat([merged, keyed_new.astype(object).reindex(columns=columns, fill_value="")])
        tables[table] = merged.set_axis(pd.RangeIndex(2, len(merged) + 2), axis=0).astype(object)
    groups = list(dict.fromkeys([*current.target_groups, *incoming.target_groups]))
    meta = {**current.meta, "target_groups": groups} if groups != list(current.target_groups) else current.meta
    return replace(current, tables=tables, meta=meta)
