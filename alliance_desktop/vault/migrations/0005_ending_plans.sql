-- Schema 5: ending plans (one per client) with the maintenance plan written with the client.

CREATE TABLE ending_plans (
    client_id INTEGER PRIMARY KEY REFERENCES clients (id),
    reason TEXT NOT NULL CHECK (reason IN (
        'goals_met', 'client_feels_able', 'life_change', 'referral', 'alliance_not_working',
        'other'
    )),
    reason_note TEXT NOT NULL DEFAULT '',
    started_on TEXT,
    planned_last_session TEXT,
    tapering TEXT NOT NULL DEFAULT '',
    what_helped_json TEXT NOT NULL DEFAULT '[]',
    warning_signs_json TEXT NOT NULL DEFAULT '[]',
    coping_steps_json TEXT NOT NULL DEFAULT '[]',
    supports_json TEXT NOT NULL DEFAULT '[]',
    if_things_get_worse TEXT NOT NULL DEFAULT '',
    follow_up_dates_json TEXT NOT NULL DEFAULT '[]',
    referral TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);
