"""Where vaults live by default (per-user data folder from platformdirs)."""

from __future__ import annotations

from pathlib import Path

APP_DIRECTORY_NAME = "AllianceDesktop"
DEMO_PASSPHRASE = "demo-practice-2026"  # fictional records only; printed for newcomers


def data_directory() -> Path:
    import platformdirs  # only when no vault was named or remembered

    return Path(platformdirs.user_data_dir(APP_DIRECTORY_NAME, appauthor=False))


def default_vault_path() -> Path:
    return data_directory() / "practice.vault"


def default_demo_vault_path() -> Path:
    return data_directory() / "demo-practice.vault"
