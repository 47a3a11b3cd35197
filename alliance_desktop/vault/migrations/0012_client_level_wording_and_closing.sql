-- Schema 12: pages a client holds. Each GAS level of a goal in the client's own first-person
-- words (only these print on client pages; the clinician's level text never does), and a short
-- closing in the clinician's words for the client copy of the ending summary.
ALTER TABLE goals ADD COLUMN client_level_minus_2 TEXT NOT NULL DEFAULT '';
ALTER TABLE goals ADD COLUMN client_level_minus_1 TEXT NOT NULL DEFAULT '';
ALTER TABLE goals ADD COLUMN client_level_0 TEXT NOT NULL DEFAULT '';
ALTER TABLE goals ADD COLUMN client_level_plus_1 TEXT NOT NULL DEFAULT '';
ALTER TABLE goals ADD COLUMN client_level_plus_2 TEXT NOT NULL DEFAULT '';
ALTER TABLE ending_plans ADD COLUMN closing_words TEXT NOT NULL DEFAULT '';
