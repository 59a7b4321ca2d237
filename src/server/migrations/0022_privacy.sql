-- 0022 privacy (ADR 0023): erasing a person keeps the counts their activity is part of. Events and
-- deliveries outlive the person (their person becomes NULL) instead of being deleted with them, and
-- the retention job finds what still names a person past RETENTION_DAYS through two partial indexes.
ALTER TABLE events DROP CONSTRAINT events_person_id_fkey;
ALTER TABLE events ADD CONSTRAINT events_person_id_fkey FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE SET NULL;

ALTER TABLE deliveries ALTER COLUMN person_id DROP NOT NULL;
ALTER TABLE deliveries DROP CONSTRAINT deliveries_person_id_fkey;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_person_id_fkey FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE SET NULL;

-- Oldest first among rows that still name a person: what the daily retention sweep reads in batches.
CREATE INDEX events_retention_idx ON events (occurred_at) WHERE person_id IS NOT NULL;
CREATE INDEX deliveries_retention_idx ON deliveries (queued_at) WHERE person_id IS NOT NULL;
