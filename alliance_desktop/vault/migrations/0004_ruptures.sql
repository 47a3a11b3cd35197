-- Schema 4: the rupture-and-repair log (clinician-only) and practice settings such as the
-- alliance flag thresholds.

CREATE TABLE ruptures (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients (id),
    session_id INTEGER REFERENCES sessions (id),
    occurred_on TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('withdrawal', 'confrontation', 'mixed')),
    markers_json TEXT NOT NULL DEFAULT '[]',
    significance INTEGER NOT NULL CHECK (significance BETWEEN 1 AND 5),
    raised_by TEXT NOT NULL CHECK (raised_by IN ('client', 'clinician')),
    note TEXT NOT NULL DEFAULT '',
    outcome TEXT CHECK (outcome IN ('resolved', 'partly', 'unresolved')),
    follow_up_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX ruptures_by_client ON ruptures (client_id, occurred_on);
CREATE INDEX ruptures_open ON ruptures (outcome, occurred_on);

CREATE TABLE rupture_repairs (
    rupture_id INTEGER NOT NULL REFERENCES ruptures (id),
    position INTEGER NOT NULL,
    strategy TEXT NOT NULL CHECK (strategy IN (
        'restate_rationale', 'change_task_or_goal', 'clarify_misunderstanding',
        'explore_what_happened', 'acknowledge_own_part', 'link_to_patterns',
        'validate_assertion'
    )),
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (rupture_id, position)
);

CREATE TABLE practice_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE INDEX alliance_check_ins_by_session ON alliance_check_ins (session_id);
