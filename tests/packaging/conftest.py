"""Packaging tests build the bundle and the wheel (minutes): they run only with -m packaging.

The default run leaves them out through `-m "not slow and not packaging"` in pyproject's addopts;
this guard also keeps them out of any other -m expression that does not name them.
"""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "packaging" in (config.option.markexpr or "").replace("not packaging", ""):
        return
    skip = pytest.mark.skip(reason="builds the bundle or the wheel (minutes): use -m packaging")
    for item in items:
        if item.get_closest_marker("packaging") is not None:
            item.add_marker(skip)
