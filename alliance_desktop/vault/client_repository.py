"""Clients and their consent records in the vault."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from typing import Any

import sqlcipher3

from alliance_desktop.domain.client import (
    Client,
    ClientStatus,
    ClientSummary,
    ConsentKind,
    ConsentRecord,
    ContactDetails,
)
from alliance_desktop.domain.errors import RecordNotFound
from alliance_desktop.vault.audit_trail import record_change
from alliance_desktop.vault.connection import Vault

_CLIENT_COLUMNS = (
    "name, preferred_name, pronouns, date_of_birth, email, phone, address, emergency_contact, "
    "referral_source, start_date, status, values_json, concerns_json, archived_on"
)


class ClientRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def add(self, client: Client) -> Client:
        now = self._vault.clock()
        with self._vault.transaction() as tx:
            cursor = tx.execute(
                f"INSERT INTO clients ({_CLIENT_COLUMNS}, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*_client_row(client), now.isoformat(), now.isoformat()),
            )
            client_id = int(cursor.lastrowid or 0)
            _write_consents(tx, client_id, client.consents)
            record_change(tx, now, "client.created", "client", client_id)
        return replace(client, id=client_id)

    def update(self, client: Client) -> Client:
        if client.id is None:
            raise RecordNotFound("A client must be saved before it can be updated.")
        now = self._vault.clock()
        assignments = ", ".join(f"{column.strip()} = ?" for column in _CLIENT_COLUMNS.split(","))
        with self._vault.transaction() as tx:
            cursor = tx.execute(
                f"UPDATE clients SET {assignments}, updated_at = ? WHERE id = ?",
                (*_client_row(client), now.isoformat(), client.id),
            )
            if cursor.rowcount != 1:
                raise RecordNotFound(f"There is no client with id {client.id}.")
            tx.execute("DELETE FROM client_consents WHERE client_id = ?", (client.id,))
            _write_consents(tx, client.id, client.consents)
            record_change(tx, now, "client.updated", "client", client.id)
        return client

    def set_archived(self, client_id: int, archived_on: dt.date | None) -> Client:
        now = self._vault.clock()
        with self._vault.transaction() as tx:
            cursor = tx.execute(
                "UPDATE clients SET archived_on = ?, updated_at = ? WHERE id = ?",
                (_iso(archived_on), now.isoformat(), client_id),
            )
            if cursor.rowcount != 1:
                raise RecordNotFound(f"There is no client with id {client_id}.")
            kind = "client.archived" if archived_on else "client.unarchived"
            record_change(tx, now, kind, "client", client_id)
        return self.get(client_id)

    def get(self, client_id: int) -> Client:
        with self._vault.reading() as connection:
            row = connection.execute(
                f"SELECT id, {_CLIENT_COLUMNS} FROM clients WHERE id = ?", (client_id,)
            ).fetchone()
            if row is None:
                raise RecordNotFound(f"There is no client with id {client_id}.")
            consents = connection.execute(
                "SELECT kind, given_on, scope, withdrawn_on, limits_explained FROM client_consents "
                "WHERE client_id = ? ORDER BY position",
                (client_id,),
            ).fetchall()
        return _client_from_row(row, consents)

    def summaries(self) -> list[ClientSummary]:
        with self._vault.reading() as connection:
            rows = connection.execute(
                "SELECT id, name, preferred_name, status, start_date, archived_on IS NOT NULL "
                "FROM clients ORDER BY name COLLATE NOCASE, id"
            ).fetchall()
        return [
            ClientSummary(
                id=row[0],
                name=row[1],
                preferred_name=row[2],
                status=ClientStatus(row[3]),
                start_date=_date(row[4]),
                archived=bool(row[5]),
            )
            for row in rows
        ]

    def count(self) -> int:
        with self._vault.reading() as connection:
            return int(connection.execute("SELECT count(*) FROM clients").fetchone()[0])


def _client_row(client: Client) -> tuple[Any, ...]:
    return (
        client.name,
        client.preferred_name,
        client.pronouns,
        _iso(client.date_of_birth),
        client.contact.email,
        client.contact.phone,
        client.contact.address,
        client.contact.emergency_contact,
        client.referral_source,
        _iso(client.start_date),
        client.status.value,
        json.dumps(list(client.values), ensure_ascii=False),
        json.dumps(list(client.concerns), ensure_ascii=False),
        _iso(client.archived_on),
    )


def _client_from_row(row: tuple[Any, ...], consents: list[tuple[Any, ...]]) -> Client:
    return Client(
        id=row[0],
        name=row[1],
        preferred_name=row[2],
        pronouns=row[3],
        date_of_birth=_date(row[4]),
        contact=ContactDetails(
            email=row[5], phone=row[6], address=row[7], emergency_contact=row[8]
        ),
        referral_source=row[9],
        start_date=_date(row[10]),
        status=ClientStatus(row[11]),
        values=tuple(json.loads(row[12])),
        concerns=tuple(json.loads(row[13])),
        archived_on=_date(row[14]),
        consents=tuple(
            ConsentRecord(
                kind=ConsentKind(kind),
                given_on=dt.date.fromisoformat(given_on),
                scope=scope,
                withdrawn_on=_date(withdrawn_on),
                limits_explained=bool(limits_explained),
            )
            for kind, given_on, scope, withdrawn_on, limits_explained in consents
        ),
    )


def _write_consents(
    tx: sqlcipher3.Connection, client_id: int, consents: tuple[ConsentRecord, ...]
) -> None:
    tx.executemany(
        "INSERT INTO client_consents "
        "(client_id, position, kind, given_on, scope, withdrawn_on, limits_explained) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                client_id,
                n,
                c.kind.value,
                c.given_on.isoformat(),
                c.scope,
                _iso(c.withdrawn_on),
                int(c.limits_explained),
            )
            for n, c in enumerate(consents)
        ],
    )


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
