// SQL of writing an import batch: look-ups for the planner, batched upserts through jsonb records,
// the set-based refresh of org paths and report counts, and the rows waiting for their manager.
// Column names come from constants, values are always parameters.
import { sql, type Kysely } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { ExistingPerson, WaitingRow } from './import/plan-people-import.js';
import type { ValidRow } from './import/validate-person-row.js';
import { COLUMN_DEFAULTS, PLAIN_FIELDS, columnOf } from './import/people-columns.js';

type Executor = Kysely<object> | AnyDb;

const IMPORT_LOCK_KEY = 7_310_101; // serialises import batches so the planner's picture stays true while writing

export async function lockPeopleImports(trx: Executor): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`.execute(trx);
}

const EXISTING_COLUMNS = sql`id, external_id, email, manager_id, org_path, status, import_id, import_line`;

export async function findPeopleByExternalIds(trx: Executor, externalIds: string[]): Promise<ExistingPerson[]> {
  if (externalIds.length === 0) return [];
  const result = await sql<ExistingPerson>`
    SELECT ${EXISTING_COLUMNS} FROM people WHERE external_id = ANY(${externalIds}::text[])`.execute(trx);
  return result.rows;
}

export async function findEmailOwners(
  trx: Executor,
  emails: string[],
): Promise<{ email: string; external_id: string; import_id: number | null; import_line: number | null }[]> {
  if (emails.length === 0) return [];
  const result = await sql<{ email: string; external_id: string; import_id: number | null; import_line: number | null }>`
    SELECT email, external_id, import_id, import_line FROM people WHERE email = ANY(${emails}::text[])`.execute(trx);
  return result.rows;
}

/** People matching any reference by external_id or (lower-cased) e-mail. */
export async function findPeopleByRefs(trx: Executor, refs: string[]): Promise<ExistingPerson[]> {
  if (refs.length === 0) return [];
  const lower = refs.map((r) => r.toLowerCase());
  const result = await sql<ExistingPerson>`
    SELECT ${EXISTING_COLUMNS} FROM people
    WHERE external_id = ANY(${refs}::text[]) OR email = ANY(${lower}::text[])`.execute(trx);
  return result.rows;
}

const plainColumns = PLAIN_FIELDS.map(columnOf);

/** Takes `count` ids from the people sequence for rows about to be inserted. */
export async function reservePersonIds(trx: Executor, count: number): Promise<number[]> {
  if (count === 0) return [];
  const result = await sql<{ id: number }>`
    SELECT nextval(pg_get_serial_sequence('people', 'id')) AS id FROM generate_series(1, ${count}::int)`.execute(trx);
  return result.rows.map((r) => r.id);
}

/** Inserts new people with their ids and tree columns. Rows are objects keyed by column name. */
export async function insertPeople(trx: Executor, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = ['id', 'external_id', ...plainColumns, 'attributes', 'manager_id', 'org_path', 'direct_reports', 'import_id', 'import_line'];
  const values = columns.map((c) => {
    if (c === 'attributes') return `jsonb_strip_nulls(coalesce(r.attributes, '{}'::jsonb))`;
    const fallback = COLUMN_DEFAULTS[c];
    return fallback ? `coalesce(r.${c}, ${fallback})` : `r.${c}`;
  });
  await sql`
    INSERT INTO people (${sql.raw(columns.join(', '))})
    SELECT ${sql.raw(values.join(', '))}
    FROM jsonb_populate_recordset(NULL::people, ${JSON.stringify(rows)}::jsonb) AS r`.execute(trx);
}

/**
 * Updates existing people, changing only the columns each row carries. `attributes` are merged (a
 * null value removes a key); a row with `replace_attributes` replaces them all.
 */
export async function updatePeople(trx: Executor, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const sets = plainColumns.map((c) => {
    const fallback = COLUMN_DEFAULTS[c];
    const value = fallback ? `coalesce(r.${c}, ${fallback})` : `r.${c}`;
    return `${c} = CASE WHEN e.d ? '${c}' THEN ${value} ELSE p.${c} END`;
  });
  sets.push(
    `attributes = CASE WHEN e.d ? 'replace_attributes' THEN '{}'::jsonb
      WHEN e.d ? 'attributes' THEN jsonb_strip_nulls(p.attributes || coalesce(r.attributes, '{}'::jsonb)) ELSE p.attributes END`,
  );
  sets.push('manager_id = r.manager_id', 'org_path = r.org_path', 'import_id = r.import_id', 'import_line = r.import_line', 'updated_at = now()');
  await sql`
    UPDATE people AS p SET ${sql.raw(sets.join(',\n      '))}
    FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) AS e(d)
    CROSS JOIN LATERAL jsonb_populate_record(NULL::people, e.d) AS r
    WHERE p.external_id = r.external_id`.execute(trx);
}

/**
 * Re-roots the people below each moved person (whose own path is already written) who were not in the
 * batch. The depth guard only stops a runaway; the planner has already rejected cycles.
 */
export async function refreshOrgPathsBelow(trx: Executor, movedExternalIds: string[]): Promise<void> {
  if (movedExternalIds.length === 0) return;
  await sql`
    WITH RECURSIVE tree(id, path) AS (
      SELECT a.id, a.org_path FROM people AS a WHERE a.external_id = ANY(${movedExternalIds}::text[])
      UNION ALL
      SELECT c.id, t.path || c.id FROM people AS c JOIN tree AS t ON c.manager_id = t.id
      WHERE cardinality(t.path) < 1000
    )
    UPDATE people AS p SET org_path = tree.path FROM tree
    WHERE p.id = tree.id AND p.org_path IS DISTINCT FROM tree.path`.execute(trx);
}

/** Recounts active direct reports of the given managers. */
export async function refreshDirectReports(trx: Executor, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`
    UPDATE people AS m SET direct_reports = c.n
    FROM (
      SELECT t.id, (SELECT count(*) FROM people AS r WHERE r.manager_id = t.id AND r.status = 'active')::int AS n
      FROM people AS t WHERE t.id = ANY(${ids}::bigint[])
    ) AS c
    WHERE m.id = c.id AND m.direct_reports <> c.n`.execute(trx);
}

// ---- Rows waiting for their manager (the second pass) ----

/** Sets rows aside until their manager is written (columns as arrays: no JSON to take apart). */
export async function insertWaitingRows(trx: Executor, importId: number, rows: WaitingRow[]): Promise<void> {
  if (rows.length === 0) return;
  const lines = rows.map((r) => r.line);
  const externalIds = rows.map((r) => r.record.external_id);
  const emails = rows.map((r) => (r.present.has('email') ? (r.record.email ?? null) : null));
  const refs = rows.map((r) => r.managerRef);
  const json = rows.map((r) => JSON.stringify({ record: r.record, present: [...r.present] }));
  await sql`
    INSERT INTO people_import_rows (import_id, line, external_id, email, manager_ref, manager_key, row_json)
    SELECT ${importId}, x.line, x.external_id, x.email, x.ref, lower(x.ref), x.json
    FROM unnest(${lines}::int[], ${externalIds}::text[], ${emails}::text[], ${refs}::text[], ${json}::text[]) AS x(line, external_id, email, ref, json)`.execute(
    trx,
  );
}

/** Waiting rows with the given external_ids or e-mails, outside the lines of the batch at hand. */
export async function findWaitingByKeys(
  trx: Executor,
  importId: number,
  keys: { externalIds: string[]; emails: string[]; exceptLines: number[] },
): Promise<{ line: number; external_id: string; email: string | null }[]> {
  if (keys.externalIds.length === 0 && keys.emails.length === 0) return [];
  const result = await sql<{ line: number; external_id: string; email: string | null }>`
    SELECT line, external_id, email FROM people_import_rows
    WHERE import_id = ${importId} AND (external_id = ANY(${keys.externalIds}::text[]) OR email = ANY(${keys.emails}::text[]))
      AND NOT (line = ANY(${keys.exceptLines}::int[]))`.execute(trx);
  return result.rows;
}

/** The waiting rows on these lines, in line order. */
export async function findWaitingRows(trx: Executor, importId: number, lines: number[]): Promise<ValidRow[]> {
  if (lines.length === 0) return [];
  const result = await sql<{ line: number; row_json: string }>`
    SELECT line, row_json FROM people_import_rows WHERE import_id = ${importId} AND line = ANY(${lines}::int[]) ORDER BY line`.execute(trx);
  return result.rows.map((r) => {
    const row = JSON.parse(r.row_json) as { record: ValidRow['record']; present: string[] };
    return { line: r.line, record: row.record, present: new Set(row.present) };
  });
}

export async function deleteWaitingRows(trx: Executor, importId: number, lines: number[]): Promise<void> {
  if (lines.length === 0) return;
  await sql`DELETE FROM people_import_rows WHERE import_id = ${importId} AND line = ANY(${lines}::int[])`.execute(trx);
}

/**
 * Waiting rows whose manager reference may name one of the people just written (their turn may have
 * come). Compared without case, so a few more may come back than wait for these people; the planner
 * sends those back to wait.
 */
export async function findWaitingBelow(trx: Executor, importId: number, written: { externalIds: string[]; emails: string[] }): Promise<number[]> {
  if (written.externalIds.length === 0) return [];
  const keys = [...new Set([...written.externalIds.map((id) => id.toLowerCase()), ...written.emails])];
  const result = await sql<{ line: number }>`
    SELECT line FROM people_import_rows WHERE import_id = ${importId} AND manager_key = ANY(${keys}::text[]) ORDER BY line`.execute(trx);
  return result.rows.map((r) => r.line);
}

/**
 * Waiting rows on lines [from, to] whose manager is not itself waiting: the tops of what is left.
 * The second pass starts (and, after a restart, resumes) from these.
 */
export async function findWaitingTops(trx: Executor, importId: number, from: number, to: number): Promise<number[]> {
  const result = await sql<{ line: number }>`
    SELECT s.line FROM people_import_rows AS s
    WHERE s.import_id = ${importId} AND s.line BETWEEN ${from} AND ${to}
      AND NOT EXISTS (SELECT 1 FROM people_import_rows AS m WHERE m.import_id = ${importId} AND m.external_id = s.manager_ref AND m.line <> s.line)
      AND NOT EXISTS (SELECT 1 FROM people_import_rows AS m WHERE m.import_id = ${importId} AND m.email = lower(s.manager_ref) AND m.line <> s.line)
    ORDER BY s.line`.execute(trx);
  return result.rows.map((r) => r.line);
}

/** The first waiting line at or after `from`, and the last one (null when none is left). */
export async function waitingLineRange(trx: Executor, importId: number): Promise<{ min: number | null; max: number | null; count: number }> {
  const result = await sql<{ min: number | null; max: number | null; count: number }>`
    SELECT min(line) AS min, max(line) AS max, count(*)::int AS count FROM people_import_rows WHERE import_id = ${importId}`.execute(trx);
  return result.rows[0] ?? { min: null, max: null, count: 0 };
}

/** The waiting row a waiting row's manager reference names, if it is waiting too. */
export async function findWaitingManagerOf(trx: Executor, importId: number, line: number): Promise<number | null> {
  const result = await sql<{ line: number }>`
    SELECT m.line FROM people_import_rows AS s JOIN people_import_rows AS m
      ON m.import_id = s.import_id AND m.line <> s.line AND (m.external_id = s.manager_ref OR m.email = lower(s.manager_ref))
    WHERE s.import_id = ${importId} AND s.line = ${line}
    ORDER BY (m.external_id = s.manager_ref) DESC, m.line LIMIT 1`.execute(trx);
  return result.rows[0]?.line ?? null;
}
