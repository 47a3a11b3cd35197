"""Changes a vault's passphrase through the services layer, saying when SQLCipher's rekey
starts and ends (`rekey`, `rekeyed`) so the drill can kill it right there."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from alliance_desktop.services import Practice


class _Announcing:
    """The vault's connection, printing a line just before and after `PRAGMA rekey`."""

    def __init__(self, connection: Any) -> None:
        self._connection = connection

    def execute(self, sql: str, *args: Any) -> Any:
        rekey = sql.lstrip().upper().startswith("PRAGMA REKEY")
        if rekey:
            print("rekey", flush=True)
        result = self._connection.execute(sql, *args)
        if rekey:
            rows = result.fetchall()  # the rekey runs here
            print("rekeyed", flush=True)
            return _Fetched(rows)
        return result

    def __getattr__(self, name: str) -> Any:
        return getattr(self._connection, name)


class _Fetched:
    def __init__(self, rows: list[Any]) -> None:
        self._rows = rows

    def fetchall(self) -> list[Any]:
        return self._rows


def main(path: Path, old: str, new: str) -> None:
    practice = Practice.open(path, old)
    vault = practice._vault
    vault._connection = _Announcing(vault.connection)  # type: ignore[assignment]
    print("start", flush=True)
    practice.safekeeping.change_passphrase(old, new, new)
    print("changed", flush=True)
    practice.close()
    print("closed", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], sys.argv[3])
