-- Schema 10: drafts and signed notes.
-- `drafts`: what was typed into an editor and not yet saved, one per editor and record ("new"
-- for a record not yet created), the fields as JSON. Kept here, inside the encrypted vault,
-- so nothing typed goes to disk in clear; removed when the editor saves or the clinician
-- discards on purpose. Drafts are not part of the record, so they are not audited.
CREATE TABLE drafts (
    id INTEGER PRIMARY KEY,
    editor TEXT NOT NULL,
    record TEXT NOT NULL,
    client_id INTEGER,
    title TEXT NOT NULL DEFAULT '',
    fields_json TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    UNIQUE (editor, record)
);

-- Signed progress notes: each signed version of a session's note, oldest first. The first is
-- the note as signed; each later one is a dated amendment. Nothing here is ever rewritten.
CREATE TABLE note_versions (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions (id),
    note TEXT NOT NULL,
    signed_at TEXT NOT NULL
);
CREATE INDEX note_versions_by_session ON note_versions (session_id, id);

-- A GAS rating entered by mistake is corrected (a new rating replaces it) or withdrawn, dated;
-- the original row stays.
ALTER TABLE gas_ratings ADD COLUMN withdrawn_on TEXT;
ALTER TABLE gas_ratings ADD COLUMN replaced_by INTEGER REFERENCES gas_ratings (id);
