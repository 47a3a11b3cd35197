"""The demo's sizes and seed: what the command line offers, without loading the generator."""

from __future__ import annotations

DEMO_SIZES: dict[str, int] = {"small": 12, "large": 300}
DEFAULT_SEED = 7
