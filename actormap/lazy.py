"""Names a package re-exports but imports only on first use (PEP 562), so importing the package stays cheap."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

__all__ = ["lazy_names"]


def lazy_names(package: str, homes: dict[str, str]) -> Callable[[str], Any]:
    """The module-level ``__getattr__`` of ``package``: each name of ``homes`` imported from its module when first used.

    Examples
    --------
    >>> __getattr__ = lazy_names("example", {"LEVELS": "actormap.schema"})
    >>> __getattr__("LEVELS")[0]
    'promotion'
    >>> __getattr__("nothing")
    Traceback (most recent call last):
    AttributeError: module 'example' has no attribute 'nothing'
    """

    def __getattr__(name: str) -> Any:
        if name not in homes:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(import_module(homes[name]), name)

    return __getattr__
