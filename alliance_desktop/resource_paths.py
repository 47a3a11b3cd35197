"""The one place that knows where icons and style sheets live, however the app was installed."""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIRECTORY = Path(__file__).resolve().parent


def _resource_roots() -> list[Path]:
    roots: list[Path] = []
    # PyInstaller unpacks data files under sys._MEIPASS; only trust it in a frozen bundle.
    bundle_root = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle_root:
        roots.append(Path(bundle_root) / "resources")
    # A wheel force-includes the top-level resources/ inside the package.
    roots.append(_PACKAGE_DIRECTORY / "resources")
    # A source checkout keeps resources/ beside the package.
    roots.append(_PACKAGE_DIRECTORY.parent / "resources")
    return roots


def resource_path(relative: str) -> Path:
    """Absolute path of a file under resources/, e.g. resource_path("icons/app.svg")."""
    roots = _resource_roots()
    for root in roots:
        candidate = root / relative
        if candidate.exists():
            return candidate
    searched = ", ".join(str(root) for root in roots)
    raise FileNotFoundError(f"Resource {relative!r} is missing (looked in {searched}).")
