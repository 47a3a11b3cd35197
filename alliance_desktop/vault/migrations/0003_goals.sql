-- Schema 3: the goal board. Goals with their quality check and GAS levels, every move between
-- columns (so the history can be told), GAS ratings over time, and tasks.

CREATE TABLE goals (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients (id),
    client_words TEXT NOT NULL CHECK (length(trim(client_words)) > 0),
    clinician_framing TEXT NOT NULL DEFAULT '',
    proposed_by TEXT NOT NULL CHECK (proposed_by IN ('client', 'clinician', 'together')),
    board_column TEXT NOT NULL
        CHECK (board_column IN ('proposed', 'agreed', 'active', 'achieved', 'set_aside')),
    position INTEGER NOT NULL DEFAULT 0,
    priority INTEGER NOT NULL DEFAULT 2 CHECK (priority IN (1, 2, 3)),
    target_date TEXT,
    review_date TEXT,
    focused TEXT CHECK (focused IN ('yes', 'no', 'unsure')),
    focused_note TEXT NOT NULL DEFAULT '',
    realistic TEXT CHECK (realistic IN ('yes', 'no', 'unsure')),
    realistic_note TEXT NOT NULL DEFAULT '',
    coordinated TEXT CHECK (coordinated IN ('yes', 'no', 'unsure')),
    coordinated_note TEXT NOT NULL DEFAULT '',
    level_minus_2 TEXT NOT NULL DEFAULT '',
    level_minus_1 TEXT NOT NULL DEFAULT '',
    level_0 TEXT NOT NULL DEFAULT '',
    level_plus_1 TEXT NOT NULL DEFAULT '',
    level_plus_2 TEXT NOT NULL DEFAULT '',
    weight REAL NOT NULL DEFAULT 1 CHECK (weight > 0),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX goals_by_client ON goals (client_id, board_column, position);

CREATE TABLE goal_moves (
    id INTEGER PRIMARY KEY,
    goal_id INTEGER NOT NULL REFERENCES goals (id),
    board_column TEXT NOT NULL,
    moved_on TEXT NOT NULL
);

CREATE INDEX goal_moves_by_goal ON goal_moves (goal_id, id);

CREATE TABLE gas_ratings (
    id INTEGER PRIMARY KEY,
    goal_id INTEGER NOT NULL REFERENCES goals (id),
    rated_on TEXT NOT NULL,
    level INTEGER NOT NULL CHECK (level BETWEEN -2 AND 2),
    rated_by TEXT NOT NULL CHECK (rated_by IN ('client', 'clinician', 'together')),
    note TEXT NOT NULL DEFAULT '',
    session_id INTEGER REFERENCES sessions (id)
);

CREATE INDEX gas_ratings_by_goal ON gas_ratings (goal_id, rated_on, id);

CREATE TABLE goal_tasks (
    id INTEGER PRIMARY KEY,
    goal_id INTEGER NOT NULL REFERENCES goals (id),
    description TEXT NOT NULL,
    owner TEXT NOT NULL CHECK (owner IN ('client', 'clinician', 'both')),
    due_on TEXT,
    done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
);

CREATE INDEX goal_tasks_by_goal ON goal_tasks (goal_id, id);
