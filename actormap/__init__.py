"""actormap: who takes part in which alcohol and drug prevention and treatment effort, and where the gaps are.

The public names are loaded on first use (PEP 562), so ``import actormap``
and the command line's ``--help`` start without pandas.

>>> import actormap
>>> actormap.LEVELS
('promotion', 'prevention', 'early_intervention', 'treatment')
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

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

_HOMES = {
    "LEVELS": "actormap.schema",
    "ActorMap": "actormap.model",
    "ConflictError": "actormap.validation.problems",
    "MapError": "actormap.validation.problems",
    "NotAMapError": "actormap.validation.problems",
    "check_map": "actormap.files.load",
    "load_map": "actormap.files.load",
    "read_map": "actormap.files.load",
    "save_map": "actormap.files.save",
}
"""The module each public name lives in."""


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module 'actormap' has no attribute {name!r}")
    return getattr(import_module(_HOMES[name]), name)


def __dir__() -> list[str]:
    return sorted(__all__)
