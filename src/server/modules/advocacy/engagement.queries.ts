// SQL of engagement reports (ADR 0030): reactions, comments and reshares a network does not tell us,
// reported by the link's owner or imported. The latest report of a link counts.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';

export type EngagementRow = { code: string; reactions: number; comments: number; reshares: number; source: 'self' | 'import' };

export async function insertEngagement(db: AnyDb, rows: EngagementRow[], at: Date): Promise<{ code: string; reported_at: Date }[]> {
  if (rows.length === 0) return [];
  const { rows: inserted } = await sql<{
    code: string;
    reported_at: Date;
  }>`INSERT INTO advocacy_engagement (code, reactions, comments, reshares, source, reported_at)
    SELECT code, reactions, comments, reshares, source, ${at}::timestamptz
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(code text, reactions int, comments int, reshares int, source text)
    RETURNING code, reported_at`.execute(db);
  return inserted;
}

/** Which of `codes` are links of ours. */
export async function existingCodes(db: AnyDb, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const { rows } = await sql<{ code: string }>`SELECT code FROM advocacy_links WHERE code = ANY(${codes}::text[])`.execute(db);
  return new Set(rows.map((r) => r.code));
}

/**
 * The latest report per link, as a table expression (`code, reactions, comments, reshares, reported_at`)
 * for the statistics: what "a link's engagement" means everywhere (B's score reads it the same way).
 */
export const latestEngagementSql = sql`(SELECT DISTINCT ON (e.code) e.code, e.reactions, e.comments, e.reshares, e.reported_at
  FROM advocacy_engagement AS e ORDER BY e.code, e.reported_at DESC, e.id DESC)`;
