"""A fictional practice to try the app and to benchmark it: `small` (12 clients, a few months
of records) or `large` (300 clients, ten years of weekly sessions).

The same seed and the same "today" always give the same records.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from alliance_desktop.demo.sizes import DEFAULT_SEED, DEMO_SIZES

if TYPE_CHECKING:
    from alliance_desktop.demo.clients import demo_clients, demo_profile
    from alliance_desktop.demo.generator import (
        BENCHMARK_CLIENT,
        DemoSummary,
        create_demo_vault,
        ensure_demo_vault,
        generate_demo_practice,
    )

__all__ = [
    "BENCHMARK_CLIENT",
    "DEFAULT_SEED",
    "DEMO_SIZES",
    "DemoSummary",
    "create_demo_vault",
    "demo_clients",
    "demo_profile",
    "ensure_demo_vault",
    "generate_demo_practice",
]


def __getattr__(name: str) -> Any:
    """The generator (and the whole app under it) loads when first used, so the command line
    can offer the sizes without it."""
    if name in ("demo_clients", "demo_profile"):
        from alliance_desktop.demo import clients

        return getattr(clients, name)
    if name in __all__:
        from alliance_desktop.demo import generator

        return getattr(generator, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
