-- Schema 11: risk reviews (a dated history per client), one safety plan per client (its
-- sections as JSON arrays in the client's words), the PHQ-9 self-harm item beside the total,
-- "limits of confidentiality explained" on informed consent, and the client's boundaries and
-- preferences (each save a new dated version; the latest is current).

CREATE TABLE risk_reviews (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients (id),
    assessed_on TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('none', 'low', 'moderate', 'high')),
    rests_on TEXT NOT NULL DEFAULT '',
    risk_factors_json TEXT NOT NULL DEFAULT '[]',
    protective_factors_json TEXT NOT NULL DEFAULT '[]',
    actions_agreed TEXT NOT NULL DEFAULT '',
    next_review_on TEXT,
    created_at TEXT NOT NULL,
    CHECK (next_review_on IS NULL OR next_review_on >= assessed_on)
);

CREATE INDEX risk_reviews_by_client ON risk_reviews (client_id, assessed_on);

CREATE TABLE safety_plans (
    client_id INTEGER PRIMARY KEY REFERENCES clients (id),
    updated_on TEXT NOT NULL,
    warning_signs_json TEXT NOT NULL DEFAULT '[]',
    things_i_can_do_json TEXT NOT NULL DEFAULT '[]',
    people_and_places_json TEXT NOT NULL DEFAULT '[]',
    people_i_can_ask_json TEXT NOT NULL DEFAULT '[]',
    professionals_json TEXT NOT NULL DEFAULT '[]',
    safer_surroundings_json TEXT NOT NULL DEFAULT '[]',
    what_matters_most_json TEXT NOT NULL DEFAULT '[]',
    updated_at TEXT NOT NULL
);

ALTER TABLE instrument_scores ADD COLUMN self_harm_item INTEGER
    CHECK (self_harm_item IS NULL OR (instrument = 'phq9' AND self_harm_item BETWEEN 0 AND 3));

ALTER TABLE client_consents ADD COLUMN limits_explained INTEGER NOT NULL DEFAULT 0
    CHECK (limits_explained IN (0, 1));

CREATE TABLE client_boundaries (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients (id),
    changed_on TEXT NOT NULL,
    topics_not_yet_json TEXT NOT NULL DEFAULT '[]',
    ready_when_i_say INTEGER NOT NULL DEFAULT 0 CHECK (ready_when_i_say IN (0, 1)),
    pace_and_depth TEXT NOT NULL DEFAULT '',
    structure TEXT NOT NULL DEFAULT 'no_preference'
        CHECK (structure IN ('no_preference', 'conversational', 'structured')),
    values_to_include_json TEXT NOT NULL DEFAULT '[]',
    anything_else TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

CREATE INDEX client_boundaries_by_client ON client_boundaries (client_id, id);
