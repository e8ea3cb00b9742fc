"""The edit page, in three parts.

``page`` (the tables in editors, review and save), ``transfer`` (downloads,
uploads, history, the password) and ``state`` (the session state they share).
"""

from actormap.ui.edit.page import render

__all__ = ["render"]
