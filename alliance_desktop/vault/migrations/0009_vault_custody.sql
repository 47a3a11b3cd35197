-- The custody mark (see vault/custody.py): a random value given to the vault file at each
-- opening and recorded in its lock file, so a -wal can be proven to belong to this exact file.
-- It holds nothing clinical. `touched` gives each session's log a first frame of its own.
CREATE TABLE vault_custody (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    mark TEXT NOT NULL,
    touched INTEGER NOT NULL DEFAULT 0
);
INSERT INTO vault_custody (id, mark) VALUES (1, '');
