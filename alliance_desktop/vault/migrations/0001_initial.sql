-- Schema 1: the practice profile, clients with their consent records, and the audit trail.
-- Dates are ISO-8601 text; lists a clinician edits as a whole (values, concerns) are JSON arrays.

CREATE TABLE practice_profile (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    clinician_name TEXT NOT NULL DEFAULT '',
    credentials TEXT NOT NULL DEFAULT '',
    practice_name TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    default_session_minutes INTEGER NOT NULL DEFAULT 50
        CHECK (default_session_minutes BETWEEN 10 AND 240),
    date_style TEXT NOT NULL DEFAULT 'dd/mm/yyyy',
    paper_size TEXT NOT NULL DEFAULT 'A4' CHECK (paper_size IN ('A4', 'Letter')),
    updated_at TEXT NOT NULL
);

CREATE TABLE clients (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    preferred_name TEXT NOT NULL DEFAULT '',
    pronouns TEXT NOT NULL DEFAULT '',
    date_of_birth TEXT,
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    emergency_contact TEXT NOT NULL DEFAULT '',
    referral_source TEXT NOT NULL DEFAULT '',
    start_date TEXT,
    status TEXT NOT NULL
        CHECK (status IN ('intake', 'active', 'ending', 'ended', 'handed_over')),
    values_json TEXT NOT NULL DEFAULT '[]',
    concerns_json TEXT NOT NULL DEFAULT '[]',
    archived_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX clients_by_status ON clients (status);

CREATE TABLE client_consents (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients (id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('informed_consent', 'handover_sharing', 'other')),
    given_on TEXT NOT NULL,
    scope TEXT NOT NULL DEFAULT '',
    withdrawn_on TEXT,
    UNIQUE (client_id, position)
);

-- Append-only: what changed and when, never the clinical text itself.
CREATE TABLE audit_trail (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id INTEGER
);

CREATE TRIGGER audit_trail_no_update BEFORE UPDATE ON audit_trail
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;

CREATE TRIGGER audit_trail_no_delete BEFORE DELETE ON audit_trail
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
