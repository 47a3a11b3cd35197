"""`Vault.integrity_problems` reports a page that fails authentication instead of failing on it."""

from __future__ import annotations

from pathlib import Path

from alliance_desktop.vault import create_vault, open_vault
from alliance_desktop.vault.client_repository import ClientRepository
from tests.factories import PASSPHRASE, fixed_clock, make_client


def test_a_damaged_page_is_reported_not_raised(vault_path: Path) -> None:
    vault = create_vault(vault_path, PASSPHRASE, fixed_clock)
    clients = ClientRepository(vault)
    for number in range(40):
        clients.add(make_client(name=f"Client number {number}", concerns=("x" * 500,)))
    vault.close()
    data = bytearray(vault_path.read_bytes())
    assert len(data) // 4096 >= 20
    data[4096 * 19 + 300] ^= 0xFF  # page 20
    vault_path.write_bytes(bytes(data))

    vault = open_vault(vault_path, PASSPHRASE, fixed_clock)
    try:
        assert vault.integrity_problems() == ["page 20 failed authentication"]
    finally:
        vault.close()
    assert vault_path.read_bytes() == bytes(data)
