-- Schema 14: what a handover needs to know about the vault and about handovers received.
-- The vault's own identifier (random, made once here) scopes the client ids it sends, so the
-- receiver's software can tell two clients of one sender apart and recognise a client sent
-- again. Each handover received is remembered by the sender's export id, so the same
-- handover imported twice is recognised (and refused unless the clinician confirms).
INSERT OR IGNORE INTO practice_settings (key, value)
VALUES ('vault_identifier', '"' || lower(hex(randomblob(16))) || '"');

CREATE TABLE received_handovers (
    id INTEGER PRIMARY KEY,
    export_id TEXT NOT NULL,
    client_id INTEGER NOT NULL REFERENCES clients (id),
    received_at TEXT NOT NULL
);

CREATE INDEX received_handovers_by_export ON received_handovers (export_id);
