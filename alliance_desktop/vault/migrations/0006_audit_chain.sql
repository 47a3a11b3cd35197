-- Schema 6: the audit trail becomes hash-chained. Each new row carries the SHA-256 of the row
-- before it and of its own content, so an edit to any row breaks the chain from there on.
-- Rows written before this schema stay unchained (their hashes are NULL).

ALTER TABLE audit_trail ADD COLUMN previous_hash TEXT;
ALTER TABLE audit_trail ADD COLUMN row_hash TEXT;
