"""What if: pick actors who leave and see the findings their leaving creates."""

from __future__ import annotations

import streamlit as st

from actormap.analysis.reading import reading_order
from actormap.i18n import t, tn
from actormap.model import ActorMap
from actormap.ui.data import cached_new_findings
from actormap.ui.tables import show_findings
from actormap.ui.widgets import remembered

__all__ = ["render"]


def render(actor_map: ActorMap, language: str) -> None:
    st.title(t("ui.whatif", language))
    st.caption(t("ui.whatif_help", language))
    names = actor_map.actor_names
    removed = remembered(
        st.multiselect,
        "whatif_remove",
        language,
        t("ui.whatif_remove", language),
        list(names),
        format_func=names.__getitem__,
    )
    if not removed:
        st.info(t("ui.whatif_pick", language))
        return
    created = cached_new_findings(actor_map.version, tuple(sorted(removed)), language, actor_map)
    if created.empty:
        st.success(t("ui.whatif_none", language))
        return
    st.warning(tn("ui.whatif_count", len(created), language))
    show_findings(reading_order(created), names, language)
