-- 0015 people imports as jobs (issue 8, DESIGN §3.1): an import keeps every good row, runs in the
-- background in short transactions, and resumes after a restart. The uploaded file is kept in the
-- database (several `serve` processes may share it, no shared disk is assumed) until the import ends;
-- rows whose manager is not in the directory yet wait in a staging table for a second pass; every
-- problem is kept with its message code so the report can be paged and translated.

-- Frontline and deskless staff often have no e-mail address (the unique index still holds for the rest).
ALTER TABLE people ALTER COLUMN email DROP NOT NULL;

-- Which import last wrote the person, and from which line: a later row of the same file with the same
-- external_id or e-mail is a duplicate of that line, even after a restart.
ALTER TABLE people ADD COLUMN import_id bigint, ADD COLUMN import_line integer;

CREATE TABLE people_imports (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  state text NOT NULL DEFAULT 'receiving' CHECK (state IN ('receiving', 'queued', 'running', 'done', 'failed')),
  -- rows: reading the file; managers: writing the rows that waited for their manager.
  phase text NOT NULL DEFAULT 'rows' CHECK (phase IN ('rows', 'managers')),
  format text NOT NULL CHECK (format IN ('csv', 'jsonl')),
  file_name text,
  created_by_user_id bigint,
  bytes bigint NOT NULL DEFAULT 0,
  -- The CSV header as read at upload, so a resumed import can start mid-file.
  csv_header text[],
  csv_delimiter text,
  -- Where the next unread record starts: byte offset into the file and its line number.
  next_byte bigint NOT NULL DEFAULT 0,
  next_line integer NOT NULL DEFAULT 1,
  rows_total integer,
  rows_total_exact boolean NOT NULL DEFAULT false,
  rows_read integer NOT NULL DEFAULT 0,
  rows_done integer NOT NULL DEFAULT 0,
  created integer NOT NULL DEFAULT 0,
  updated integer NOT NULL DEFAULT 0,
  rejected integer NOT NULL DEFAULT 0,
  warnings integer NOT NULL DEFAULT 0,
  problems integer NOT NULL DEFAULT 0,
  -- The runner holding the import (a random token) and until when; renewed with every chunk.
  runner text,
  lease_until timestamptz,
  failures integer NOT NULL DEFAULT 0,
  failure_code text,
  failure_params jsonb,
  failure_detail text,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz
);
CREATE INDEX people_imports_created_idx ON people_imports (created_at DESC);

-- The uploaded file, in pieces of about a megabyte, deleted when the import ends.
CREATE TABLE people_import_chunks (
  import_id bigint NOT NULL REFERENCES people_imports (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  start_byte bigint NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (import_id, seq)
);

-- Valid rows whose manager was not written yet when they were read (managers may come later in the
-- file). Written top-down in the second pass, then deleted.
CREATE TABLE people_import_rows (
  import_id bigint NOT NULL REFERENCES people_imports (id) ON DELETE CASCADE,
  line integer NOT NULL,
  external_id text NOT NULL,
  email text,
  manager_ref text NOT NULL,
  -- lower(manager_ref), stored so that ANALYZE can give the planner its statistics (an expression
  -- index has none until a full ANALYZE, and a look-up of a thousand keys is then planned as a scan).
  manager_key text NOT NULL,
  -- The validated row as JSON text ({"record": …, "present": [fields]}): only ever read back whole,
  -- so text, which costs less to write and read than jsonb.
  row_json text NOT NULL,
  PRIMARY KEY (import_id, line)
);
CREATE UNIQUE INDEX people_import_rows_external_id_idx ON people_import_rows (import_id, external_id);
CREATE INDEX people_import_rows_email_idx ON people_import_rows (import_id, email) WHERE email IS NOT NULL;
-- The rows a written person may unblock: references match external_ids exactly and e-mails in any
-- case, so one case-insensitive key finds both (the planner checks the exact match again).
CREATE INDEX people_import_rows_manager_idx ON people_import_rows (import_id, manager_key);

-- The report: every problem of every row, in file order. `severity` error: the row (or, for a manager
-- cycle, its manager change) was not imported; warning: imported with a remark.
CREATE TABLE people_import_problems (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  import_id bigint NOT NULL REFERENCES people_imports (id) ON DELETE CASCADE,
  line integer NOT NULL,
  external_id text,
  field text,
  severity text NOT NULL CHECK (severity IN ('error', 'warning')),
  -- The row was not imported at all (as opposed to a problem with one of its links).
  row_rejected boolean NOT NULL,
  code text NOT NULL,
  params jsonb NOT NULL DEFAULT '{}',
  reason text NOT NULL
);
CREATE INDEX people_import_problems_order_idx ON people_import_problems (import_id, line, id);
CREATE INDEX people_import_problems_rejected_idx ON people_import_problems (import_id, external_id) WHERE row_rejected;
