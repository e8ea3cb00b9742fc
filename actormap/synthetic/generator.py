"""Synthetic maps of any size, with gaps planted at known shares: for demos, tests and benchmarks.

A generated map looks like a Swedish municipality's alcohol and drug work:
each municipality has ten core actors first (the committees, their
administrations, the local police and the region's health care; see
:data:`actormap.synthetic.params.CORE_ACTORS`), and every other actor
belongs under one of them (schools under the education administration,
health care units under the region's) or stands alone (NGOs, user
organisations, state agencies). Efforts and participations stay within a
municipality; leads are drawn by the effort's level (treatment is led by
health care and social services, prevention by schools and the police),
other participants by a skewed popularity, so a few actors become hubs.

Planted gaps, exactly (``E`` efforts, ``N`` actors, ``M`` municipalities):

- ``round(NO_LEAD_SHARE * E)`` not ended efforts have no lead: ``no_lead`` finds exactly these;
- ``round(MULTIPLE_LEADS_SHARE * E)`` have two different leads: ``multiple_leads`` finds exactly these;
- ``round(INFORMAL_ONLY_SHARE * E)`` rest on informal participation only: ``informal_only`` finds exactly these;
- ``min(round(ISOLATED_SHARE * N), N - 10 * M)`` actors take part in nothing: ``isolated_actor`` finds
  exactly these (every other actor takes part in a not ended effort);
- no effort addresses a cell of :data:`UNCOVERED_CELLS`, so ``uncovered`` finds those the map expects
  (early intervention for relatives, treatment for children; more only on small maps, where some cells
  stay empty by chance).

:func:`planted_counts` gives these numbers. The other rules fire where
the random structure makes them. The same arguments give the same bytes.

>>> files = generate_map(40, seed=1)
>>> sorted(files)
['actors.csv', 'efforts.csv', 'map.toml', 'participation.csv', 'relations.csv']
>>> files["actors.csv"].splitlines()[1]
'a1,Kommunstyrelsen,committee,Kommun,,,Kartläggning 2024,,'
>>> planted_counts(40)["efforts"], files["efforts.csv"].count("\\n") - 1
(60, 60)
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from actormap.files.csvfile import write_csv
from actormap.files.meta import dump_meta
from actormap.files.save import atomic_write
from actormap.model import CsvDialect
from actormap.schema import ACTOR_TYPES, DEFAULT_TARGET_GROUPS, LEVELS, META_FILE, TABLES
from actormap.synthetic.draw import CORE, draw_actors, draw_efforts, draw_participation, draw_relations
from actormap.synthetic.params import (
    EFFORTS_PER_ACTOR,
    ENDED_SHARE,
    INFORMAL_ONLY_SHARE,
    ISOLATED_SHARE,
    MULTIPLE_LEADS_SHARE,
    MUNICIPALITIES,
    NO_LEAD_SHARE,
    PARTICIPATIONS_PER_EFFORT,
    PLANNED_SHARE,
    RELATIONS_PER_ACTOR,
    SECTORS,
    UNCOVERED_CELLS,
)

__all__ = [
    "EFFORTS_PER_ACTOR",
    "ENDED_SHARE",
    "INFORMAL_ONLY_SHARE",
    "ISOLATED_SHARE",
    "MULTIPLE_LEADS_SHARE",
    "NO_LEAD_SHARE",
    "PARTICIPATIONS_PER_EFFORT",
    "PLANNED_SHARE",
    "RELATIONS_PER_ACTOR",
    "UNCOVERED_CELLS",
    "generate_map",
    "planted_counts",
    "write_files",
]


def planted_counts(actors: int, municipalities: int = 1) -> dict[str, int]:
    """The exact sizes of a generated map and of its planted gaps.

    Examples
    --------
    >>> planted_counts(200)  # doctest: +NORMALIZE_WHITESPACE
    {'actors': 200, 'efforts': 300, 'ended': 24, 'no_lead': 15, 'multiple_leads': 6,
     'informal_only': 15, 'isolated_actor': 6}
    """
    efforts = round(EFFORTS_PER_ACTOR * actors)
    return dict(
        actors=actors,
        efforts=efforts,
        ended=round(ENDED_SHARE * efforts),
        no_lead=round(NO_LEAD_SHARE * efforts),
        multiple_leads=round(MULTIPLE_LEADS_SHARE * efforts),
        informal_only=round(INFORMAL_ONLY_SHARE * efforts),
        isolated_actor=min(round(ISOLATED_SHARE * actors), actors - CORE * municipalities),
    )


def generate_map(actors: int, seed: int = 0, municipalities: int = 1) -> dict[str, str]:
    """A valid synthetic map of ``actors`` actors: file name -> text (UTF-8, LF line ends).

    With ``municipalities`` > 1 the actors are split evenly between them,
    and actors and efforts carry a ``municipality`` column.

    Raises
    ------
    ValueError
        When a municipality would have fewer than its ten core actors.
    """
    if municipalities < 1 or actors < CORE * municipalities:
        raise ValueError(
            f"a synthetic map needs at least {CORE} actors per municipality "
            f"({CORE * max(municipalities, 1)} for {municipalities}), not {actors}"
        )
    rng = np.random.default_rng(seed)
    counts = planted_counts(actors, municipalities)
    towns = _town_names(municipalities, rng)
    act = draw_actors(actors, municipalities, counts["isolated_actor"], rng)
    eff = draw_efforts(counts, act, rng)
    part = draw_participation(act, eff, rng)
    rel = draw_relations(act, round(RELATIONS_PER_ACTOR * actors), rng)
    return _files(act, eff, part, rel, towns, seed, counts)


def write_files(files: dict[str, str], folder: str | Path) -> Path:
    """Write ``files`` (name -> text) into ``folder`` as UTF-8 with LF line ends; return the folder."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        atomic_write(folder / name, text.encode("utf-8"))
    return folder


def _town_names(count: int, rng: np.random.Generator) -> list[str]:
    """``count`` distinct municipality names in random order; past the list's end, ``Ale 2`` and so on."""
    known = len(MUNICIPALITIES)
    picks = rng.permutation(max(count, known))[:count].tolist()
    return [MUNICIPALITIES[i % known] + (f" {i // known + 1}" if i >= known else "") for i in picks]


def _csv(table: str, columns: dict[str, list]) -> str:
    """The table as CSV text: the schema's columns in order (absent ones blank), then any extra ones."""
    header = [column.name for column in TABLES[table]] + [
        name for name in columns if name not in {column.name for column in TABLES[table]}
    ]
    size = len(next(iter(columns.values())))
    values = [list(columns[name]) if name in columns else [""] * size for name in header]
    rows = [[str(cell) for cell in row] for row in zip(*values)]
    return write_csv(header, rows, CsvDialect()).decode("utf-8")


def _files(act: dict, eff: dict, part: dict, rel: dict, towns: list[str], seed: int, counts: dict) -> dict[str, str]:
    """The drawn arrays as the map's files, ids ``a1..`` for actors and ``e1..`` for efforts."""
    ids = np.array([f"a{i + 1}" for i in range(act["n"])], dtype=object)
    effort_ids = np.array([f"e{i + 1}" for i in range(eff["n"])], dtype=object)
    several = len(towns) > 1
    town_names = np.array(towns, dtype=object)
    actor_towns = town_names[act["town"]]
    names = [f"{name}, {town}" for name, town in zip(act["names"], actor_towns)] if several else act["names"]
    actors = dict(
        id=ids,
        name=names,
        type=np.array(ACTOR_TYPES, dtype=object)[act["kind"]],
        sector=np.array([SECTORS[kind] for kind in ACTOR_TYPES], dtype=object)[act["kind"]],
        parent=np.where(act["parent"] >= 0, ids[np.maximum(act["parent"], 0)], ""),
        document=["Kartläggning 2024"] * act["n"],
    )
    efforts = dict(
        id=effort_ids,
        name=eff["names"],
        level=np.array(LEVELS, dtype=object)[eff["level"]],
        target_groups=eff["groups"],
        status=eff["status"],
        document=eff["documents"],
    )
    if several:
        actors["municipality"] = actor_towns
        efforts["municipality"] = town_names[eff["town"]]
    participation = dict(
        actor=ids[part["actor"]],
        effort=effort_ids[part["effort"]],
        role=part["role"],
        basis=part["basis"],
        document=eff["documents"][part["effort"]],
    )
    relations = dict(
        zip(("from", "to", "kind", "basis"), (ids[rel["source"]], ids[rel["target"]], rel["kind"], rel["basis"]))
    )
    meta = dict(
        name=f"Syntetisk karta: {act['n']} aktörer",
        municipality=towns[0] if not several else f"{len(towns)} kommuner",
        country="SE",
        language="sv",
        year=2024,
        description=f"Genererad av actormap demo (seed {seed}). Planterade luckor: "
        f"{counts['no_lead']} insatser utan ledare, {counts['multiple_leads']} med flera ledare, "
        f"{counts['informal_only']} med enbart informell grund, {counts['isolated_actor']} isolerade aktörer.",
        target_groups=list(DEFAULT_TARGET_GROUPS),
    )
    return {
        META_FILE: dump_meta(meta).decode("utf-8"),
        "actors.csv": _csv("actors", actors),
        "efforts.csv": _csv("efforts", efforts),
        "participation.csv": _csv("participation", participation),
        "relations.csv": _csv("relations", relations),
    }
