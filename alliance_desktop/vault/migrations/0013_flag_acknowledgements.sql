-- Schema 13: a clinician's acknowledgement of a flag, with a short note. Keyed by the flag's
-- kind, client and the evidence it rests on (e.g. "client:session:42"), so it holds only while
-- nothing changes: a new rating or entry is new evidence, and the flag comes back.
CREATE TABLE flag_acknowledgements (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    client_id INTEGER NOT NULL REFERENCES clients (id),
    evidence TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    acknowledged_at TEXT NOT NULL,
    UNIQUE (kind, client_id, evidence)
);

CREATE INDEX flag_acknowledgements_by_client ON flag_acknowledgements (client_id);
