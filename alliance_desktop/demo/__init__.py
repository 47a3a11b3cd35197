"""A fictional practice to try the app and to benchmark it: `small` (12 clients, a few months
of records) or `large` (300 clients, ten years of weekly sessions).

The same seed and the same "today" always give the same records.
"""

from __future__ import annotations

from alliance_desktop.demo.clients import demo_clients, demo_profile
from alliance_desktop.demo.generator import (
    BENCHMARK_CLIENT,
    DEFAULT_SEED,
    DEMO_SIZES,
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
