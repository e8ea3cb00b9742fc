"""The edit page's session state: the map the editors started from, their generation, the saved flag.

Editor widgets are keyed by generation (``edit_actors_1``): a new base
starts a new generation, so the editors drop their unsaved changes.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from actormap.model import ActorMap

__all__ = ["editing_base", "finish_save", "generation", "just_saved", "reload_editors"]

BASE = "edit_base"
BASE_PATH = "edit_base_path"
GENERATION = "edit_generation"
SAVED = "edit_saved"


def editing_base(actor_map: ActorMap, path: Path) -> ActorMap:
    """The map the editors started from; ``actor_map`` anew after a save, a reload or a change of map."""
    state = st.session_state
    if state.get(BASE_PATH) != str(path) or BASE not in state:
        state[BASE], state[BASE_PATH] = actor_map, str(path)
        state[GENERATION] = generation() + 1
    return state[BASE]


def generation() -> int:
    """How many times editing has started afresh in this session (0 before the first time)."""
    return st.session_state.get(GENERATION, 0)


def reload_editors() -> None:
    """Drop unsaved edits; the next run starts editing the map as it is on disk."""
    st.session_state.pop(BASE, None)


def finish_save() -> None:
    """After a successful write: start editing the saved version, and say it was saved."""
    reload_editors()
    st.session_state[SAVED] = True
    st.rerun()


def just_saved() -> bool:
    """True once after :func:`finish_save`: the run that should say the map was saved."""
    return st.session_state.pop(SAVED, False)
