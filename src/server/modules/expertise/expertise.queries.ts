// The only SQL over contributions: upserts with their search vectors, the collection statistics,
// and BM25 scoring of the contributions that match a query's rarest terms (read from their postings).
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';

export type ContributionRow = {
  external_id: string;
  person_id: number;
  kind: string;
  title: string;
  body: string;
  tags: string[];
  language: string;
  created_at: string;
  score: number | null;
  accepted: boolean | null;
  url: string | null;
};

export async function findExistingExternalIds(db: AnyDb, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const result = await sql<{ external_id: string }>`SELECT external_id FROM contributions WHERE external_id = ANY(${ids}::text[])`.execute(db);
  return new Set(result.rows.map((r) => r.external_id));
}

/** Inserts or replaces contributions, computing each one's search vector in its language. */
export async function upsertContributions(db: AnyDb, rows: ContributionRow[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    WITH r AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(external_id text, person_id bigint, kind text, title text,
        body text, tags text[], language text, created_at timestamptz, score integer, accepted boolean, url text)
    ), v AS (
      SELECT r.*, setweight(to_tsvector(expertise_ts_config(r.language), r.title), 'A')
        || setweight(to_tsvector(expertise_ts_config(r.language), replace(array_to_string(r.tags, ' '), '-', ' ')), 'A')
        || setweight(to_tsvector(expertise_ts_config(r.language), r.body), 'B') AS search
      FROM r
    )
    INSERT INTO contributions (external_id, person_id, kind, title, body, tags, language, created_at, score, accepted, url, search, search_length)
    SELECT external_id, person_id, kind, title, body, tags, language, created_at, score, accepted, url, search, length(search) FROM v
    ON CONFLICT (external_id) DO UPDATE SET person_id = EXCLUDED.person_id, kind = EXCLUDED.kind, title = EXCLUDED.title,
      body = EXCLUDED.body, tags = EXCLUDED.tags, language = EXCLUDED.language, created_at = EXCLUDED.created_at,
      score = EXCLUDED.score, accepted = EXCLUDED.accepted, url = EXCLUDED.url, search = EXCLUDED.search,
      search_length = EXCLUDED.search_length, imported_at = now()
    -- A file naming the evidence of a help request (help-request-N) cannot overwrite it or publish it.
    WHERE contributions.help_request_id IS NULL`.execute(db);
}

/**
 * Recounts lexeme document frequencies and the collection size, for BM25, and refreshes the planner's
 * statistics: right after a first import they are empty, and the planner then guesses hundreds of
 * thousands of rows and compiles the search query with JIT (40 ms of a 50 ms budget). Takes the
 * statistics lock first, so two refreshes (or a refresh and a single-document update) queue.
 */
export async function refreshCollectionStatistics(db: AnyDb): Promise<void> {
  await sql`LOCK TABLE contribution_lexemes IN SHARE ROW EXCLUSIVE MODE`.execute(db);
  await sql`DELETE FROM contribution_lexemes`.execute(db);
  await sql`INSERT INTO contribution_lexemes (lexeme, documents) SELECT word, ndoc FROM ts_stat('SELECT search FROM contributions')`.execute(db);
  await sql`
    INSERT INTO contribution_stats (documents, average_length, newest)
    SELECT count(*)::int, coalesce(avg(search_length), 0), max(created_at) FROM contributions
    ON CONFLICT (singleton) DO UPDATE SET documents = EXCLUDED.documents, average_length = EXCLUDED.average_length, newest = EXCLUDED.newest`.execute(db);
  await sql`ANALYZE contributions, contribution_postings, contribution_lexemes`.execute(db);
}

export type ScoredContribution = {
  id: number;
  person_id: number;
  /** Empty for private evidence, whose text is never stored. */
  title: string;
  visibility: 'public' | 'private';
  accepted: boolean | null;
  score: number | null;
  kind: string;
  bm25: number;
  /** Days between this contribution and the newest one in the collection. */
  age_days: number;
};

/**
 * BM25 (k1 1.2, b 0.75; title and tags count twice) of the contributions that contain any of the
 * query's `maxTerms` rarest known lexemes (in English, German, Dutch and unstemmed forms), taking
 * rarer terms first until `maxPostings` contributions are in play, and of each term at most its
 * `termPostings` newest contributions.
 */
export async function scoreContributions(
  db: AnyDb,
  query: string,
  maxTerms: number,
  limit: number,
  maxPostings: number,
  termPostings: number,
): Promise<ScoredContribution[]> {
  const result = await sql<ScoredContribution>`
    WITH stats AS (SELECT documents, greatest(average_length, 1) AS avgdl, newest FROM contribution_stats),
    words AS (
      SELECT DISTINCT unnest(tsvector_to_array(to_tsvector('english', ${query}) || to_tsvector('german', ${query})
        || to_tsvector('dutch', ${query}) || to_tsvector('simple', ${query}))) AS lexeme
    ),
    ranked_terms AS (
      SELECT l.lexeme, l.documents, ln(1 + (s.documents - l.documents + 0.5) / (l.documents + 0.5)) AS idf,
        sum(l.documents) OVER (ORDER BY l.documents, l.lexeme) - l.documents AS postings_before
      FROM words AS w JOIN contribution_lexemes AS l ON l.lexeme = w.lexeme, stats AS s
      ORDER BY l.documents ASC LIMIT ${maxTerms}
    ),
    -- The rarest terms, until their posting lists together pass the budget: bounded work per query.
    terms AS (SELECT lexeme, idf FROM ranked_terms WHERE postings_before < ${maxPostings}),
    -- Each term's newest postings, however common the term: bounded index range reads (ADR 0009),
    -- scored and cut to the best before any contribution row is read.
    scored AS (
      SELECT p.contribution_id, sum(t.idf * (p.tf * 2.2) / (p.tf + 1.2 * (0.25 + 0.75 * p.doc_length / s.avgdl)))::float8 AS bm25
      FROM terms AS t
      CROSS JOIN LATERAL (
        SELECT cp.contribution_id, cp.tf, cp.doc_length FROM contribution_postings AS cp
        WHERE cp.lexeme = t.lexeme ORDER BY cp.created_at DESC LIMIT ${termPostings}
      ) AS p, stats AS s
      GROUP BY p.contribution_id
      ORDER BY bm25 DESC
      LIMIT ${limit}
    )
    SELECT c.id, c.person_id, c.title, c.visibility, c.accepted, c.score, c.kind, k.bm25,
      greatest(extract(epoch FROM (s.newest - c.created_at)) / 86400, 0)::float8 AS age_days
    FROM scored AS k JOIN contributions AS c ON c.id = k.contribution_id, stats AS s
    ORDER BY k.bm25 DESC
    LIMIT ${limit}`.execute(db);
  return result.rows;
}

/**
 * The question's words (stemmed in English, German and Dutch) that are rare in the collection, rarest
 * first: those found in at most `maxShare` of contributions, or never; at most `limit`.
 */
export async function findRareLexemes(db: AnyDb, query: string, limit: number, maxShare: number): Promise<string[]> {
  const result = await sql<{ lexeme: string }>`
    WITH words AS (
      SELECT DISTINCT unnest(tsvector_to_array(to_tsvector('english', ${query}) || to_tsvector('german', ${query}) || to_tsvector('dutch', ${query}))) AS lexeme
    )
    SELECT w.lexeme FROM words AS w LEFT JOIN contribution_lexemes AS l ON l.lexeme = w.lexeme
    WHERE coalesce(l.documents, 0) <= ${maxShare}::float8 * coalesce((SELECT documents FROM contribution_stats), 0)
    ORDER BY coalesce(l.documents, 0), w.lexeme
    LIMIT ${limit}`.execute(db);
  return result.rows.map((r) => r.lexeme);
}

/** How many contributions and accepted answers each person has (the prior for helpfulness). */
export async function countContributions(db: AnyDb, personIds: number[]): Promise<Map<number, { total: number; accepted: number }>> {
  if (personIds.length === 0) return new Map();
  const result = await sql<{ person_id: number; total: number; accepted: number }>`
    SELECT person_id, count(*)::int AS total, count(*) FILTER (WHERE accepted)::int AS accepted
    FROM contributions WHERE person_id = ANY(${personIds}::bigint[]) GROUP BY person_id`.execute(db);
  return new Map(result.rows.map((r) => [r.person_id, { total: r.total, accepted: r.accepted }]));
}
