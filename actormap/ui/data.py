"""Where maps come from and the cached work on them, keyed on the files' content.

Loading and analysis run once per content (messages once per language); a
filter change only reruns the drawing. Cached functions take the map's
files (or its version) as their key.

The map and the large results are cached as resources, not as data:
``st.cache_data`` hands out a pickled copy on every call, which costs over
a second per rerun for a map of 20,000 actors. Sharing one object is safe
because the library never changes a map or a result in place.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path

import streamlit as st

from actormap.analysis.compare import compare_findings
from actormap.analysis.coverage import actor_profiles, coverage, responsibility_matrix, roles_by_effort
from actormap.analysis.rules import find_all, find_facts
from actormap.analysis.slices import for_municipality, municipalities, without_actors
from actormap.analysis.wording import localize
from actormap.export import ViewFilters, select
from actormap.files.load import map_files, read_map
from actormap.files.merge import diff_maps, merge_maps
from actormap.files.meta import parse_meta
from actormap.model import ActorMap
from actormap.schema import META_FILE
from actormap.view.layout import force_layout, levels_layout

__all__ = [
    "MapSource",
    "cached_coverage",
    "cached_findings",
    "cached_layout",
    "cached_map",
    "cached_matrix",
    "cached_municipalities",
    "cached_municipality",
    "cached_new_findings",
    "cached_profiles",
    "cached_roles",
    "cached_selection",
    "cached_upload_preview",
    "example_folders",
    "files_of",
    "map_sources",
    "uploaded_files",
]

EXAMPLES_PACKAGE = "actormap.examples"
"""The example maps: the repository's ``data/`` folder, shipped inside the package under this name."""


class MapSource:
    """A map the picker offers: a bundled example or a path from the command line.

    ``label`` is the map's name; ``apart`` what tells it from another map of
    that name (its folder), and ``example`` whether it is bundled with actormap.
    """

    def __init__(self, path: Path, example: bool = False):
        self.path = path
        self.key = str(path)
        self.label = _label(path)
        self.apart = ""
        self.example = example


def _label(path: Path) -> str:
    try:
        meta, _ = parse_meta((path / META_FILE).read_bytes(), META_FILE)
    except OSError:
        return path.name
    return str(meta.get("name") or path.name)


def example_folders() -> list[Path]:
    """The example maps' folders, sorted; none when actormap runs from sources it was not installed from."""
    try:
        root = Path(str(files(EXAMPLES_PACKAGE)))
    except ModuleNotFoundError:
        return []
    return sorted(path for path in root.iterdir() if path.is_dir() and not path.name.startswith(("_", ".")))


def map_sources(maps: Sequence[Path]) -> list[MapSource]:
    """The maps named on the command line first, then the examples (an example named there stays one)."""
    examples = [folder.resolve() for folder in example_folders()]
    paths = list(dict.fromkeys([*maps, *examples]))
    sources = [MapSource(path, example=path in examples) for path in paths]
    labels = [source.label for source in sources if not source.example]
    for source in sources:
        if not source.example and labels.count(source.label) > 1:  # the picker tells options apart by their label
            source.apart = source.path.name
    return sources


def files_of(path: Path) -> tuple[tuple[str, bytes], ...]:
    """The map's files as a hashable cache key (a NotAMapError becomes problems downstream)."""
    return tuple(sorted(map_files(path).items()))


@st.cache_resource(show_spinner=False, max_entries=16)
def cached_map(files: tuple[tuple[str, bytes], ...], name: str, saved: datetime.date | None = None):
    """Read and validate a map from its files' bytes (``saved``: when they were last written, if known)."""
    return read_map(dict(files), name, saved)


@st.cache_resource(show_spinner=False, max_entries=16)
def cached_municipalities(version: str, _actor_map: ActorMap) -> tuple[str, ...]:
    return municipalities(_actor_map)


@st.cache_resource(show_spinner=False, max_entries=64)
def cached_municipality(version: str, municipality: str, _actor_map: ActorMap) -> ActorMap:
    return for_municipality(_actor_map, municipality)


@st.cache_resource(show_spinner=False, max_entries=16)
def cached_facts(version: str, _actor_map: ActorMap):
    return find_facts(_actor_map)


@st.cache_resource(show_spinner=False, max_entries=64)
def cached_findings(version: str, language: str, _actor_map: ActorMap):
    return localize(cached_facts(version, _actor_map), _actor_map, language)


@st.cache_data(show_spinner=False, max_entries=16)
def cached_coverage(version: str, _actor_map: ActorMap):
    return coverage(_actor_map)


@st.cache_resource(show_spinner=False, max_entries=16)
def cached_profiles(version: str, _actor_map: ActorMap):
    return actor_profiles(_actor_map)


@st.cache_resource(show_spinner=False, max_entries=16)
def cached_matrix(version: str, _actor_map: ActorMap):
    return responsibility_matrix(_actor_map)


@st.cache_resource(show_spinner=False, max_entries=16)
def cached_roles(version: str, efforts: tuple[str, ...], _actor_map: ActorMap):
    """The roles in these efforts (columns of the cached matrix), effort by effort."""
    return roles_by_effort(cached_matrix(version, _actor_map)[list(efforts)])


@st.cache_resource(show_spinner=False, max_entries=16)
def cached_layout(version: str, kind: str, _actor_map: ActorMap):
    return force_layout(_actor_map) if kind == "force" else levels_layout(_actor_map)


@st.cache_resource(show_spinner=False, max_entries=8)
def cached_selection(
    version: str, filters: str, language: str, layout: str, date: str, _actor_map: ActorMap, _filters: ViewFilters
):
    """The export selection, once per map, filters (their ``repr``), language, layout and day."""
    positions = None if _filters.without else cached_layout(version, layout, _actor_map)
    return select(_actor_map, _filters, language, datetime.date.fromisoformat(date), layout, positions)


@st.cache_data(show_spinner=False, max_entries=64)
def cached_new_findings(version: str, removed: tuple[str, ...], language: str, _actor_map: ActorMap):
    """The findings that the actors ``removed`` leaving creates, against the map's cached findings."""
    after = find_all(without_actors(_actor_map, removed), language)
    return compare_findings(cached_findings(version, language, _actor_map), after, removed)[0]


@st.cache_resource(show_spinner=False, max_entries=8)
def cached_upload_preview(version: str, incoming_version: str, _current: ActorMap, _incoming: ActorMap) -> dict:
    """Per way of taking an upload in (replace, merge): the map it gives and its diff to the current one."""
    merged = merge_maps(_current, _incoming)
    return {"replace": (_incoming, diff_maps(_current, _incoming)), "merge": (merged, diff_maps(_current, merged))}


def uploaded_files(uploads) -> tuple[tuple[str, bytes], ...]:
    """Uploaded files as the hashable key :func:`cached_map` takes, like :func:`files_of` for a folder."""
    return tuple(sorted((upload.name, upload.getvalue()) for upload in uploads))
