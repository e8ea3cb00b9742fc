"""actormap: who takes part in which alcohol and drug prevention and treatment effort, and where the gaps are."""

from actormap.load import check_map, load_map, read_map
from actormap.model import ActorMap
from actormap.problems import ConflictError, MapError, NotAMapError
from actormap.save import save_map
from actormap.schema import LEVELS

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
