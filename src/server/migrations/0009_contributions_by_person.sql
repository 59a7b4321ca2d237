-- 0009 contributions by person: a person's evidence list pages newest first by (created_at, id)
-- (GET /api/v1/people/:id/contributions). The new index also serves every lookup by person_id alone,
-- so it replaces the single-column one instead of adding a second index to maintain on import.
CREATE INDEX contributions_person_created_idx ON contributions (person_id, created_at DESC, id DESC);
DROP INDEX contributions_person_idx;
