"""Writes through the services layer until killed, printing each id once its commit returned:
`client 12`, `session 40`, `update 12 3` (the client's concerns now read revision 3)."""

from __future__ import annotations

import datetime as dt
import random
import sys
from dataclasses import replace
from pathlib import Path

from alliance_desktop.domain.client import Client, ClientStatus
from alliance_desktop.domain.session import Session
from alliance_desktop.services import Practice


def concern(client_id: int | None, revision: int) -> str:
    return f"revision {revision} of client {client_id}: " + "sleep and worry " * 20


def main(path: Path, passphrase: str, seed: int) -> None:
    rng = random.Random(seed)
    practice = Practice.open(path, passphrase)
    print("ready", flush=True)
    day = dt.datetime(2026, 1, 5, 9)
    clients: list[Client] = []
    while True:
        action = rng.random()
        if action < 0.4 or not clients:
            client = practice.add_client(
                Client(
                    name=f"Drill client {rng.randrange(10**9)}",
                    status=ClientStatus.ACTIVE,
                    concerns=(concern(None, 0),),
                )
            )
            clients.append(client)
            print(f"client {client.id}", flush=True)
        elif action < 0.8:
            client = rng.choice(clients)
            day += dt.timedelta(minutes=rng.randrange(30, 600))
            session = practice.calendar.book(
                Session(
                    client_id=client.id or 0,
                    start=day,
                    duration_minutes=50,
                    progress_note="Talked about the week. " * rng.randrange(1, 40),
                ),
                allow_overlap=True,
            )
            print(f"session {session.id}", flush=True)
        else:
            index = rng.randrange(len(clients))
            revision = int(clients[index].concerns[0].split()[1]) + 1
            updated = replace(clients[index], concerns=(concern(clients[index].id, revision),))
            clients[index] = practice.update_client(updated)
            print(f"update {updated.id} {revision}", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]))
