"""actormap: who takes part in which alcohol and drug prevention and treatment effort, and where the gaps are."""

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
