// SQL of the people import: look-ups for the planner, batched upserts through jsonb records, manager
// links, and the set-based refresh of org paths and report counts. Column names come from constants.
import { sql, type Kysely } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { ExistingPerson } from './import/plan-people-import.js';
import { COLUMN_DEFAULTS, PLAIN_FIELDS, columnOf } from './import/people-columns.js';

type Executor = Kysely<object> | AnyDb;

const IMPORT_LOCK_KEY = 7_310_101; // serialises imports so the planner's picture stays true while writing

export async function lockPeopleImports(trx: Executor): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`.execute(trx);
}

export async function findPeopleByExternalIds(trx: Executor, externalIds: string[]): Promise<ExistingPerson[]> {
  if (externalIds.length === 0) return [];
  const result = await sql<ExistingPerson>`
    SELECT id, external_id, email, manager_id, org_path, status FROM people WHERE external_id = ANY(${externalIds}::text[])`.execute(trx);
  return result.rows;
}

export async function findEmailOwners(trx: Executor, emails: string[]): Promise<{ email: string; external_id: string }[]> {
  if (emails.length === 0) return [];
  const result = await sql<{ email: string; external_id: string }>`
    SELECT email, external_id FROM people WHERE email = ANY(${emails}::text[])`.execute(trx);
  return result.rows;
}

/** People matching any reference by external_id or (lower-cased) e-mail. */
export async function findPeopleByRefs(trx: Executor, refs: string[]): Promise<ExistingPerson[]> {
  if (refs.length === 0) return [];
  const lower = refs.map((r) => r.toLowerCase());
  const result = await sql<ExistingPerson>`
    SELECT id, external_id, email, manager_id, org_path, status FROM people
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
  const columns = ['id', 'external_id', ...plainColumns, 'attributes', 'manager_id', 'org_path', 'direct_reports'];
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

/** Updates existing people, changing only the columns each row carries. */
export async function updatePeople(trx: Executor, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const sets = plainColumns.map((c) => {
    const fallback = COLUMN_DEFAULTS[c];
    const value = fallback ? `coalesce(r.${c}, ${fallback})` : `r.${c}`;
    return `${c} = CASE WHEN e.d ? '${c}' THEN ${value} ELSE p.${c} END`;
  });
  sets.push(`attributes = CASE WHEN e.d ? 'attributes' THEN jsonb_strip_nulls(p.attributes || coalesce(r.attributes, '{}'::jsonb)) ELSE p.attributes END`);
  sets.push('manager_id = r.manager_id', 'org_path = r.org_path', 'updated_at = now()');
  await sql`
    UPDATE people AS p SET ${sql.raw(sets.join(',\n      '))}
    FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) AS e(d)
    CROSS JOIN LATERAL jsonb_populate_record(NULL::people, e.d) AS r
    WHERE p.external_id = r.external_id`.execute(trx);
}

/**
 * Re-roots the people below each moved person (whose own path is already written) who were not in the
 * file. The depth guard only stops a runaway; the planner has already rejected cycles.
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
