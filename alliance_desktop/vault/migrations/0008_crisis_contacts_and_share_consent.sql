-- Schema 8: the practice's local crisis contacts (printed on client pages), as a JSON array of
-- {name, phone, hours}; and a handover consent's scope as named categories (see
-- domain/share_consent.py), kept in the existing `scope` text as `all` or a comma list.
ALTER TABLE practice_profile ADD COLUMN crisis_contacts_json TEXT NOT NULL DEFAULT '[]';
