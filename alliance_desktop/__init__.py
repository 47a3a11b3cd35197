"""Alliance Desktop: a private-practice therapist's tool built around the therapeutic alliance."""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "Alliance Desktop"
