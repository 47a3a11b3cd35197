"""Qt-free use cases: the facade the UI and the CLI both call."""

from __future__ import annotations

from alliance_desktop.services.practice import Practice

__all__ = ["Practice"]
