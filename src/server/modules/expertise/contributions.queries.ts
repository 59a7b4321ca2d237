// SQL over single contributions written or removed in the product: a person's evidence list, one
// contribution, the evidence of a resolved help request, deleting one, and keeping the BM25 statistics
// in step one document at a time. Other inserts go through expertise.queries.ts's upsertContributions,
// the import's own path.
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
  /** For the evidence of a help request, the person who asked (who may withdraw it). */
  help_asker_id: number | null;
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
    SELECT c.id, c.external_id, c.person_id, c.kind, c.title, left(c.body, ${excerptLength}::int) AS excerpt, length(c.body) AS body_length,
      c.tags, c.language, c.url, c.accepted, c.created_at,
      to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at, h.asker_id AS help_asker_id
    FROM contributions AS c
    LEFT JOIN help_requests AS h ON h.id = c.help_request_id
    -- Private evidence (a help request the asker kept private) has no text and is never listed.
    WHERE c.person_id = ${personId} AND c.visibility = 'public'
      AND (${after?.created_at ?? null}::timestamptz IS NULL OR (c.created_at, c.id) < (${after?.created_at ?? null}::timestamptz, ${after?.id ?? null}::bigint))
    ORDER BY c.created_at DESC, c.id DESC
    LIMIT ${limit}`.execute(db)
  ).rows;
}

export type ContributionOwner = { id: number; person_id: number; external_id: string; visibility: 'public' | 'private'; help_asker_id: number | null };

/** Who may remove a contribution: its author, and for help evidence the person who asked. */
export async function findContributionOwner(db: AnyDb, id: number): Promise<ContributionOwner | undefined> {
  return (
    await sql<ContributionOwner>`
    SELECT c.id, c.person_id, c.external_id, c.visibility, h.asker_id AS help_asker_id
    FROM contributions AS c LEFT JOIN help_requests AS h ON h.id = c.help_request_id
    WHERE c.id = ${id}`.execute(db)
  ).rows[0];
}

/** The evidence of a help request, if it has any (none before it is resolved, or once withdrawn). */
export async function findHelpEvidence(db: AnyDb, helpRequestId: number): Promise<{ id: number; visibility: 'public' | 'private' } | undefined> {
  return (
    await sql<{ id: number; visibility: 'public' | 'private' }>`
    SELECT id, visibility FROM contributions WHERE help_request_id = ${helpRequestId}`.execute(db)
  ).rows[0];
}

/**
 * Stores the evidence of a resolved help request, searchable by `text` (the question and the expert's
 * answers, weighted as an import weights title and body). Public evidence keeps the text as title and
 * body; private evidence keeps only the search vector, so it ranks its expert without being shown.
 */
export async function insertHelpEvidence(
  db: AnyDb,
  e: { helpRequestId: number; personId: number; visibility: 'public' | 'private'; title: string; body: string; language: string },
): Promise<number> {
  const shown = e.visibility === 'public';
  return (
    await sql<{ id: number }>`
    WITH v AS (
      SELECT setweight(to_tsvector(expertise_ts_config(${e.language}), ${e.title}), 'A')
        || setweight(to_tsvector(expertise_ts_config(${e.language}), ${e.body}), 'B') AS search
    )
    INSERT INTO contributions (external_id, person_id, kind, title, body, tags, language, created_at, accepted, search, search_length, visibility, help_request_id)
    SELECT ${`help-request-${e.helpRequestId}`}, ${e.personId}, 'help', ${shown ? e.title : ''}, ${shown ? e.body : ''}, '{}', ${e.language}, now(), TRUE,
      v.search, length(v.search), ${e.visibility}, ${e.helpRequestId}
    FROM v
    RETURNING id`.execute(db)
  ).rows[0]!.id;
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
