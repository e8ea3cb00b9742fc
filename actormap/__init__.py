"""actormap: who takes part in which alcohol and drug prevention and treatment effort, and where the gaps are.

The public names are loaded on first use (PEP 562), so ``import actormap``
and the command line's ``--help`` start without pandas.

>>> import actormap
>>> actormap.LEVELS
('promotion', 'prevention', 'early_intervention', 'treatment')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from actormap.lazy import lazy_names

if TYPE_CHECKING:
    from actormap.files.load import check_map, load_map, read_map
    from actormap.files.save import save_map
    from actormap.model import ActorMap
    from actormap.schema import LEVELS
    from actormap.validation.problems import ConflictError, MapError, NotAMapError

__all__ = [
    "LEVELS",
    "ActorMap",
    "ConflictError",
    "MapError",
    "NotAMapError",
    "check_map",
    "load_map",
    "read_map",
    "save_map",
]

__getattr__ = lazy_names(
    __name__,
    {
        "LEVELS": "actormap.schema",
        "ActorMap": "actormap.model",
        "ConflictError": "actormap.validation.problems",
        "MapError": "actormap.validation.problems",
        "NotAMapError": "actormap.validation.problems",
        "check_map": "actormap.files.load",
        "load_map": "actormap.files.load",
        "read_map": "actormap.files.load",
        "save_map": "actormap.files.save",
    },
)


def __dir__() -> list[str]:
    return sorted(__all__)
