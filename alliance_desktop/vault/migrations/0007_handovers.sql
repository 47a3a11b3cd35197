-- Schema 7: handovers of a client's record to the next clinician. What was sent, to whom, on
-- what consent, and the hashes of the files written; never the password, never clinical text.
-- The client's status before the handover is kept so the handover can be undone.

CREATE TABLE handovers (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients (id),
    handed_over_on TEXT NOT NULL,
    receiver_name TEXT NOT NULL CHECK (length(trim(receiver_name)) > 0),
    receiver_organisation TEXT NOT NULL DEFAULT '',
    receiver_contact TEXT NOT NULL DEFAULT '',
    consent_given_on TEXT NOT NULL,
    consent_scope TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    options_json TEXT NOT NULL DEFAULT '{}',
    files_json TEXT NOT NULL DEFAULT '[]',
    format_version INTEGER NOT NULL,
    status_before TEXT NOT NULL
        CHECK (status_before IN ('intake', 'active', 'ending', 'ended', 'handed_over')),
    recorded_at TEXT NOT NULL,
    undone_at TEXT
);

CREATE INDEX handovers_by_client ON handovers (client_id, id);
