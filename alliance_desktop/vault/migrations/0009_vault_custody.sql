-- Schema 9 (issue 12, vault custody).
-- The custody mark (vault/custody.py): a random value given to the vault file at each session
-- and recorded in its lock file, so a -wal can be proven to belong to this exact file. It holds
-- nothing clinical. `touched` gives each session's log a first frame of its own.
-- The audit key (vault/audit_chain.py): a random secret inside the encrypted vault, from which
-- the key of the audit trail's HMAC chain is derived, so only someone holding the vault's key
-- can recompute the chain. `audit_keyed` turns 1 once every row carries an HMAC (done in Python
-- at the first opening after this migration, after the old SHA-256 chain is verified).
CREATE TABLE vault_custody (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    mark TEXT NOT NULL,
    touched INTEGER NOT NULL DEFAULT 0,
    audit_secret BLOB NOT NULL,
    audit_keyed INTEGER NOT NULL DEFAULT 0 CHECK (audit_keyed IN (0, 1)),
    -- In a backup: the audit trail's count and head when it was copied (its anchor).
    anchor_count INTEGER,
    anchor_head TEXT,
    anchor_at TEXT
);
INSERT INTO vault_custody (id, mark, audit_secret) VALUES (1, '', randomblob(32));
