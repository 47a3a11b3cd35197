-- Schema 15: what calendar apps need to keep an exported diary right across exports.
-- Every session gets its own random UUID (version 4), made here rather than from its row id:
-- SQLite hands a deleted row's id to the next insert, and a calendar that saw the old session
-- must never take the new one for it. A revision counts every change to the row (the
-- iCalendar SEQUENCE), and a removed session leaves its UID and time behind so later exports
-- can tell calendars it is gone (STATUS:CANCELLED). Triggers keep all three right whichever
-- code writes the sessions.
ALTER TABLE sessions ADD COLUMN calendar_uid TEXT;
ALTER TABLE sessions ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

UPDATE sessions SET calendar_uid =
    lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
    || substr(lower(hex(randomblob(2))), 2) || '-'
    || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)
    || '-' || lower(hex(randomblob(6)));

CREATE UNIQUE INDEX sessions_by_calendar_uid ON sessions (calendar_uid);

CREATE TRIGGER sessions_get_a_calendar_uid AFTER INSERT ON sessions
WHEN NEW.calendar_uid IS NULL
BEGIN
    UPDATE sessions SET calendar_uid =
        lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
        || substr(lower(hex(randomblob(2))), 2) || '-'
        || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)
        || '-' || lower(hex(randomblob(6)))
    WHERE id = NEW.id;
END;

-- Giving a new row its UID is not a change a calendar needs to hear about.
CREATE TRIGGER sessions_count_revisions AFTER UPDATE ON sessions
WHEN NEW.revision = OLD.revision AND OLD.calendar_uid IS NOT NULL
BEGIN
    UPDATE sessions SET revision = OLD.revision + 1 WHERE id = NEW.id;
END;

CREATE TABLE calendar_removals (
    calendar_uid TEXT PRIMARY KEY,
    start TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    removed_at TEXT NOT NULL
);

CREATE INDEX calendar_removals_by_start ON calendar_removals (start);

CREATE TRIGGER sessions_leave_a_calendar_removal AFTER DELETE ON sessions
WHEN OLD.calendar_uid IS NOT NULL
BEGIN
    INSERT OR REPLACE INTO calendar_removals
        (calendar_uid, start, duration_minutes, revision, removed_at)
    VALUES (
        OLD.calendar_uid, OLD.start, OLD.duration_minutes, OLD.revision + 1,
        strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')
    );
END;
