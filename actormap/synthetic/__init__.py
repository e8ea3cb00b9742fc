"""Synthetic maps of any size with planted gaps: for demos, tests and benchmarks (see :mod:`.generator`)."""

from actormap.synthetic.generator import (
    EFFORTS_PER_ACTOR,
    ENDED_SHARE,
    INFORMAL_ONLY_SHARE,
    ISOLATED_SHARE,
    MULTIPLE_LEADS_SHARE,
    NO_LEAD_SHARE,
    PARTICIPATIONS_PER_EFFORT,
    PLANNED_SHARE,
    RELATIONS_PER_ACTOR,
    UNCOVERED_CELLS,
    generate_map,
    planted_counts,
    write_files,
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
