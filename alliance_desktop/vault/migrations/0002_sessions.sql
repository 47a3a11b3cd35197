-- Schema 2: sessions, recurring series, alliance check-ins and instrument totals.
-- Private process notes live in their own table so no query for the record can pick them up
-- by accident; only code that asks for them by name reads them.

CREATE TABLE session_series (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients (id),
    frequency TEXT NOT NULL CHECK (frequency IN ('weekly', 'fortnightly', 'monthly')),
    first_start TEXT NOT NULL,
    until TEXT,
    count INTEGER CHECK (count IS NULL OR count > 0),
    ended_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((until IS NULL) <> (count IS NULL))
);

CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients (id),
    series_id INTEGER REFERENCES session_series (id),
    series_date TEXT,
    start TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
    modality TEXT NOT NULL CHECK (modality IN ('in_person', 'video', 'phone')),
    kind TEXT NOT NULL
        CHECK (kind IN ('intake', 'regular', 'review', 'ending', 'follow_up')),
    status TEXT NOT NULL CHECK (status IN (
        'scheduled', 'attended', 'cancelled', 'late_cancelled', 'no_show',
        'clinician_cancelled'
    )),
    agenda TEXT NOT NULL DEFAULT '',
    progress_note TEXT NOT NULL DEFAULT '',
    focus TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX sessions_by_start ON sessions (start);
CREATE INDEX sessions_by_client ON sessions (client_id, start);
CREATE INDEX sessions_by_series ON sessions (series_id, series_date);

CREATE TABLE session_private_notes (
    session_id INTEGER PRIMARY KEY REFERENCES sessions (id),
    note TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Goals arrive with the goal board; the link is kept from the start so notes can name them.
CREATE TABLE session_goals (
    session_id INTEGER NOT NULL REFERENCES sessions (id),
    goal_id INTEGER NOT NULL,
    PRIMARY KEY (session_id, goal_id)
);

CREATE TABLE alliance_check_ins (
    session_id INTEGER NOT NULL REFERENCES sessions (id),
    rater TEXT NOT NULL CHECK (rater IN ('client', 'clinician')),
    goals INTEGER NOT NULL CHECK (goals BETWEEN 0 AND 10),
    tasks INTEGER NOT NULL CHECK (tasks BETWEEN 0 AND 10),
    bond INTEGER NOT NULL CHECK (bond BETWEEN 0 AND 10),
    overall INTEGER NOT NULL CHECK (overall BETWEEN 0 AND 10),
    PRIMARY KEY (session_id, rater)
);

CREATE TABLE instrument_scores (
    session_id INTEGER NOT NULL REFERENCES sessions (id),
    instrument TEXT NOT NULL CHECK (instrument IN ('srs', 'wai_sr', 'ors', 'phq9', 'gad7')),
    total REAL NOT NULL,
    subscales_json TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (session_id, instrument)
);
