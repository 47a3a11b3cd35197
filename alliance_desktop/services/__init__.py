"""Qt-free use cases: the facade the UI and the CLI both call."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from alliance_desktop.services.practice import Practice

__all__ = ["Practice"]


def __getattr__(name: str) -> Any:
    """`Practice` loads on first use, so a light module of this package (vault_locations, for
    the unlock window) does not bring every use case with it."""
    if name == "Practice":
        from alliance_desktop.services.practice import Practice

        return Practice
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
