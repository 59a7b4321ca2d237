-- 0013 help evidence privacy: a resolved help request published the private conversation as
-- searchable evidence that everyone could read and nobody could delete. Now the asker chooses when
-- resolving: public evidence keeps the question and the expert's answers as text; private evidence
-- (the default) keeps no title and no body, only the search vector, so it still counts towards the
-- expert's ranking (statistics and postings) without any of the conversation being shown. Each help
-- contribution names its request, so the asker and the expert can withdraw it.
ALTER TABLE contributions ADD COLUMN visibility text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'private'));
ALTER TABLE contributions ADD COLUMN help_request_id bigint REFERENCES help_requests (id) ON DELETE SET NULL;
-- Private evidence has no text to show; the check keeps it that way whatever writes a row.
ALTER TABLE contributions ADD CONSTRAINT contributions_private_has_no_text CHECK (visibility = 'public' OR (title = '' AND body = ''));
CREATE UNIQUE INDEX contributions_help_request_idx ON contributions (help_request_id) WHERE help_request_id IS NOT NULL;

UPDATE contributions AS c SET help_request_id = h.id FROM help_requests AS h WHERE c.external_id = 'help-request-' || h.id;

-- Requests resolved before the choice existed were published without asking anyone: they become
-- private. Their search vectors stay (the expert keeps the credit); the update trigger rebuilds the
-- postings from the unchanged vector. The text remains where it always was, in the request's own
-- conversation, visible to the asker and the expert only.
UPDATE contributions SET visibility = 'private', title = '', body = '' WHERE help_request_id IS NOT NULL OR external_id LIKE 'help-request-%';

-- Invitations stored the reasons expert search gave, and those quoted the title of help evidence
-- ('helped with "<question>"'): the same question must not survive there.
UPDATE help_invitations
SET reasons = ARRAY(
  SELECT CASE WHEN r LIKE 'helped with "%' THEN 'helped colleagues with related questions' ELSE r END
  FROM unnest(reasons) WITH ORDINALITY AS x(r, n) ORDER BY n
)
WHERE EXISTS (SELECT 1 FROM unnest(reasons) AS r WHERE r LIKE 'helped with "%');
