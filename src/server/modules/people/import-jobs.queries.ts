// SQL of the import as a job: the imports table (state, cursor, counts, the runner's lease), the
// uploaded file's pieces, and the report's problems. Values are always parameters.
import { sql, type Kysely } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { StoredProblem } from './import/import-problems.js';

type Executor = Kysely<object> | AnyDb;

export type ImportRow = {
  id: number;
  state: 'receiving' | 'queued' | 'running' | 'done' | 'failed';
  phase: 'rows' | 'managers';
  format: 'csv' | 'jsonl';
  file_name: string | null;
  created_by_user_id: number | null;
  bytes: number;
  csv_header: string[] | null;
  csv_delimiter: string | null;
  next_byte: number;
  next_line: number;
  rows_total: number | null;
  rows_total_exact: boolean;
  rows_read: number;
  rows_done: number;
  created: number;
  updated: number;
  rejected: number;
  warnings: number;
  problems: number;
  runner: string | null;
  failures: number;
  failure_code: string | null;
  failure_params: Record<string, string | number | boolean | null> | null;
  failure_detail: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
};

/** What a committed batch adds to the counts. */
export type Counts = { rows_read: number; rows_done: number; created: number; updated: number; rejected: number; warnings: number; problems: number };

export async function insertImport(db: Executor, input: { format: 'csv' | 'jsonl'; fileName: string | null; createdByUserId: number | null }): Promise<number> {
  const result = await sql<{ id: number }>`
    INSERT INTO people_imports (format, file_name, created_by_user_id) VALUES (${input.format}, ${input.fileName}, ${input.createdByUserId})
    RETURNING id`.execute(db);
  return result.rows[0]!.id;
}

export async function insertChunk(db: Executor, importId: number, seq: number, startByte: number, data: Buffer): Promise<void> {
  await sql`INSERT INTO people_import_chunks (import_id, seq, start_byte, data) VALUES (${importId}, ${seq}, ${startByte}, ${data})`.execute(db);
}

/** The upload is complete: the import waits for a worker. */
export async function markQueued(
  db: Executor,
  importId: number,
  input: { bytes: number; rowsTotal: number; csvHeader: string[] | null; csvDelimiter: string | null; nextByte: number; nextLine: number },
): Promise<void> {
  await sql`
    UPDATE people_imports SET state = 'queued', bytes = ${input.bytes}, rows_total = ${input.rowsTotal}, csv_header = ${input.csvHeader}::text[],
      csv_delimiter = ${input.csvDelimiter}, next_byte = ${input.nextByte}, next_line = ${input.nextLine}
    WHERE id = ${importId}`.execute(db);
}

export async function deleteImport(db: Executor, importId: number): Promise<void> {
  await sql`DELETE FROM people_imports WHERE id = ${importId}`.execute(db);
}

export async function findImport(db: Executor, importId: number): Promise<ImportRow | undefined> {
  const result = await sql<ImportRow>`SELECT * FROM people_imports WHERE id = ${importId}`.execute(db);
  return result.rows[0];
}

/**
 * Takes the import for `runner` when nobody else holds a live lease on it; returns it, or undefined
 * when it is finished or held by another runner.
 */
export async function claimImport(db: Executor, importId: number, runner: string, leaseSeconds: number): Promise<ImportRow | undefined> {
  const result = await sql<ImportRow>`
    UPDATE people_imports SET runner = ${runner}, lease_until = now() + make_interval(secs => ${leaseSeconds}), state = 'running',
      started_at = coalesce(started_at, now())
    WHERE id = ${importId} AND state IN ('queued', 'running') AND (runner IS NULL OR runner = ${runner} OR lease_until < now())
    RETURNING *`.execute(db);
  return result.rows[0];
}

/** Locks the import row for a batch; undefined when `runner` no longer holds it. */
export async function lockImport(trx: Executor, importId: number, runner: string): Promise<ImportRow | undefined> {
  const result = await sql<ImportRow>`
    SELECT * FROM people_imports WHERE id = ${importId} AND runner = ${runner} AND state = 'running' FOR UPDATE`.execute(trx);
  return result.rows[0];
}

/** Commits a batch's progress: where reading goes on, the counts, and a renewed lease. */
export async function advanceImport(
  trx: Executor,
  importId: number,
  input: { next?: { byte: number; line: number }; counts: Counts; leaseSeconds: number },
): Promise<void> {
  const c = input.counts;
  await sql`
    UPDATE people_imports SET
      next_byte = coalesce(${input.next?.byte ?? null}::bigint, next_byte), next_line = coalesce(${input.next?.line ?? null}::int, next_line),
      rows_read = rows_read + ${c.rows_read}, rows_done = rows_done + ${c.rows_done}, created = created + ${c.created},
      updated = updated + ${c.updated}, rejected = rejected + ${c.rejected}, warnings = warnings + ${c.warnings},
      problems = problems + ${c.problems}, lease_until = now() + make_interval(secs => ${input.leaseSeconds})
    WHERE id = ${importId}`.execute(trx);
}

/** The whole file is read: the row count is now exact; rows that waited are written next. */
export async function enterManagersPhase(trx: Executor, importId: number): Promise<void> {
  await sql`UPDATE people_imports SET phase = 'managers', rows_total = rows_read, rows_total_exact = true WHERE id = ${importId}`.execute(trx);
}

/** Lets go of the import so another runner (or this one's next job) can take it at once. */
export async function releaseImport(db: Executor, importId: number, runner: string): Promise<void> {
  await sql`UPDATE people_imports SET runner = NULL, lease_until = NULL WHERE id = ${importId} AND runner = ${runner}`.execute(db);
}

/** Marks the import done and drops what it no longer needs (the file, rows that waited). */
export async function finishImport(trx: Executor, importId: number): Promise<void> {
  await sql`UPDATE people_imports SET state = 'done', runner = NULL, lease_until = NULL, finished_at = now() WHERE id = ${importId}`.execute(trx);
  await sql`DELETE FROM people_import_chunks WHERE import_id = ${importId}`.execute(trx);
  await sql`DELETE FROM people_import_rows WHERE import_id = ${importId}`.execute(trx);
}

export async function failImport(
  db: Executor,
  importId: number,
  failure: { code: string; params: Record<string, string | number | boolean | null>; detail: string },
): Promise<void> {
  await sql`
    UPDATE people_imports SET state = 'failed', runner = NULL, lease_until = NULL, finished_at = now(),
      failure_code = ${failure.code}, failure_params = ${JSON.stringify(failure.params)}::jsonb, failure_detail = ${failure.detail}
    WHERE id = ${importId} AND state NOT IN ('done', 'failed')`.execute(db);
  await sql`DELETE FROM people_import_chunks WHERE import_id = ${importId}`.execute(db);
  await sql`DELETE FROM people_import_rows WHERE import_id = ${importId}`.execute(db);
}

/** Counts a failed attempt and returns how many there have been. */
export async function countFailure(db: Executor, importId: number): Promise<number> {
  const result = await sql<{ failures: number }>`
    UPDATE people_imports SET failures = failures + 1, runner = NULL, lease_until = NULL WHERE id = ${importId} RETURNING failures`.execute(db);
  return result.rows[0]?.failures ?? 0;
}

// ---- The uploaded file ----

/** The piece holding byte `offset` (the first piece when the offset is 0). */
export async function findChunkAt(db: Executor, importId: number, offset: number): Promise<number | null> {
  const result = await sql<{ seq: number }>`
    SELECT seq FROM people_import_chunks WHERE import_id = ${importId} AND start_byte <= ${offset} ORDER BY start_byte DESC LIMIT 1`.execute(db);
  return result.rows[0]?.seq ?? null;
}

export async function readChunk(db: Executor, importId: number, seq: number): Promise<{ start_byte: number; data: Buffer } | undefined> {
  const result = await sql<{ start_byte: number; data: Buffer }>`
    SELECT start_byte, data FROM people_import_chunks WHERE import_id = ${importId} AND seq = ${seq}`.execute(db);
  return result.rows[0];
}

// ---- The report ----

export async function insertProblems(trx: Executor, importId: number, problems: StoredProblem[]): Promise<void> {
  if (problems.length === 0) return;
  await sql`
    INSERT INTO people_import_problems (import_id, line, external_id, field, severity, row_rejected, code, params, reason)
    SELECT ${importId}, x.line, x.external_id, x.field, x.severity, x.row_rejected, x.code, x.params, x.reason
    FROM jsonb_to_recordset(${JSON.stringify(problems)}::jsonb)
      AS x(line int, external_id text, field text, severity text, row_rejected boolean, code text, params jsonb, reason text)`.execute(trx);
}

export type ProblemRow = StoredProblem & { id: number };

/** Problems in file order after the (line, id) cursor. */
export async function findProblems(db: Executor, importId: number, after: { line: number; id: number } | null, limit: number): Promise<ProblemRow[]> {
  const keyset = after ? sql`AND (line, id) > (${after.line}, ${after.id})` : sql``;
  const result = await sql<ProblemRow>`
    SELECT id, line, external_id, field, severity, row_rejected, code, params, reason FROM people_import_problems
    WHERE import_id = ${importId} ${keyset} ORDER BY line, id LIMIT ${limit}`.execute(db);
  return result.rows;
}

/** Lines of rows of this import rejected as a whole, by external_id (first line wins). */
export async function findRejectedLines(trx: Executor, importId: number, externalIds: string[]): Promise<Map<string, number>> {
  if (externalIds.length === 0) return new Map();
  const result = await sql<{ external_id: string; line: number }>`
    SELECT external_id, min(line) AS line FROM people_import_problems
    WHERE import_id = ${importId} AND row_rejected AND external_id = ANY(${externalIds}::text[]) GROUP BY external_id`.execute(trx);
  return new Map(result.rows.map((r) => [r.external_id, r.line]));
}

// ---- Statistics ----

/**
 * Refreshes the planner's statistics of a table an import is filling. Without it PostgreSQL plans a
 * table that grew from nothing to a million rows in minutes as if it were still empty (autovacuum's
 * ANALYZE comes too late), and every look-up becomes a scan.
 */
export async function analyzeTable(db: Executor, table: 'people' | 'people_import_rows'): Promise<void> {
  // Only the columns the import looks up by: the text-search and list columns make a full ANALYZE of
  // people take seconds.
  if (table === 'people') await sql`ANALYZE people (id, external_id, email, manager_id, status)`.execute(db);
  else await sql`ANALYZE people_import_rows (import_id, line, external_id, email, manager_ref, manager_key)`.execute(db);
}
