// SQL over single contributions written or removed in the product: a person's evidence list, one
// contribution, deleting one, and keeping the BM25 statistics in step one document at a time.
// Inserting goes through expertise.queries.ts's upsertContributions, the import's own path.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';

export type ContributionListRow = {
  id: number;
  external_id: string;
  person_id: number;
  kind: string;
  title: string;
  /** The first `excerptLength` characters of the body. */
  excerpt: string;
  body_length: number;
  tags: string[];
  language: string;
  url: string | null;
  accepted: boolean | null;
  created_at: Date;
  /** created_at to the microsecond, for the keyset cursor (a Date keeps only milliseconds). */
  cursor_at: string;
};

/** A person's contributions, newest first, those before the keyset (created_at, id). */
export async function findContributionsOf(
  db: AnyDb,
  personId: number,
  after: { created_at: string; id: number } | null,
  limit: number,
  excerptLength: number,
): Promise<ContributionListRow[]> {
  return (
    await sql<ContributionListRow>`
    SELECT id, external_id, person_id, kind, title, left(body, ${excerptLength}::int) AS excerpt, length(body) AS body_length,
      tags, language, url, accepted, created_at,
      to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
    FROM contributions
    WHERE person_id = ${personId}
      AND (${after?.created_at ?? null}::timestamptz IS NULL OR (created_at, id) < (${after?.created_at ?? null}::timestamptz, ${after?.id ?? null}::bigint))
    ORDER BY created_at DESC, id DESC
    LIMIT ${limit}`.execute(db)
  ).rows;
}

export async function findContributionOwner(db: AnyDb, id: number): Promise<{ id: number; person_id: number; external_id: string } | undefined> {
  return (
    await sql<{ id: number; person_id: number; external_id: string }>`
    SELECT id, person_id, external_id FROM contributions WHERE id = ${id}`.execute(db)
  ).rows[0];
}

export async function findContributionIdByExternalId(db: AnyDb, externalId: string): Promise<number | undefined> {
  return (await sql<{ id: number }>`SELECT id FROM contributions WHERE external_id = ${externalId}`.execute(db)).rows[0]?.id;
}

/**
 * Serialises single-document statistic updates with each other and waits for a running full
 * refresh (which holds ROW EXCLUSIVE on the lexeme table from its first DELETE until commit).
 */
export async function lockLexemeStatistics(db: AnyDb): Promise<void> {
  await sql`LOCK TABLE contribution_lexemes IN SHARE ROW EXCLUSIVE MODE`.execute(db);
}

/**
 * Counts one new contribution into the BM25 statistics, exactly as a full refresh would (document
 * frequency per distinct lexeme, collection size, mean length, newest time), without rescanning
 * the whole collection, which takes seconds at hundreds of thousands of contributions.
 */
export async function addToStatistics(db: AnyDb, id: number): Promise<void> {
  await sql`
    INSERT INTO contribution_lexemes (lexeme, documents)
    SELECT DISTINCT unnest(tsvector_to_array(search)), 1 FROM contributions WHERE id = ${id}
    ON CONFLICT (lexeme) DO UPDATE SET documents = contribution_lexemes.documents + 1`.execute(db);
  await sql`
    INSERT INTO contribution_stats (documents, average_length, newest)
    SELECT 1, search_length, created_at FROM contributions WHERE id = ${id}
    ON CONFLICT (singleton) DO UPDATE SET
      documents = contribution_stats.documents + 1,
      average_length = (contribution_stats.average_length * contribution_stats.documents + EXCLUDED.average_length) / (contribution_stats.documents + 1),
      newest = greatest(contribution_stats.newest, EXCLUDED.newest)`.execute(db);
}

/** Deletes a contribution and takes it out of the BM25 statistics; false when it was not there. */
export async function deleteContribution(db: AnyDb, id: number): Promise<boolean> {
  const gone = await sql<{ search_length: number; created_at: Date; lexemes: string[] }>`
    DELETE FROM contributions WHERE id = ${id} RETURNING search_length, created_at, tsvector_to_array(search) AS lexemes`.execute(db);
  const row = gone.rows[0];
  if (!row) return false;
  await sql`UPDATE contribution_lexemes SET documents = documents - 1 WHERE lexeme = ANY(${row.lexemes}::text[])`.execute(db);
  await sql`DELETE FROM contribution_lexemes WHERE lexeme = ANY(${row.lexemes}::text[]) AND documents <= 0`.execute(db);
  await sql`
    UPDATE contribution_stats SET
      documents = greatest(documents - 1, 0),
      average_length = CASE WHEN documents <= 1 THEN 0 ELSE (average_length * documents - ${row.search_length}) / (documents - 1) END,
      newest = CASE WHEN newest <= ${row.created_at} THEN (SELECT max(created_at) FROM contributions) ELSE newest END`.execute(db);
  return true;
}
