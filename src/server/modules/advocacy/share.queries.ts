// SQL of share links and shares (ADR 0030): one link per person, content and network, minted race-safe;
// a share row per share call; taking part starts with the first share.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { Network } from '../../../shared/advocacy.js';

export type LinkRow = { code: string; content_id: number; person_id: number | null; network: Network; url: string; campaign_id: number | null };

/**
 * The link of (content, person, network): inserted with `code` unless one exists, which then wins
 * (a concurrent insert of the same triple waits for the first and finds its row).
 */
export async function mintLink(
  db: AnyDb,
  input: { code: string; contentId: number; personId: number; network: Network; department: string | null },
): Promise<string | null> {
  await sql`INSERT INTO advocacy_links (code, content_id, person_id, network, department)
    VALUES (${input.code}, ${input.contentId}, ${input.personId}, ${input.network}, ${input.department})
    ON CONFLICT DO NOTHING`.execute(db);
  const { rows } = await sql<{ code: string }>`SELECT code FROM advocacy_links
    WHERE content_id = ${input.contentId} AND person_id = ${input.personId} AND network = ${input.network}`.execute(db);
  return rows[0]?.code ?? null;
}

export async function insertShare(db: AnyDb, input: { code: string; text: string; adapted: boolean; at: Date }): Promise<number> {
  const { rows } = await sql<{ id: number }>`INSERT INTO advocacy_shares (code, text, adapted, shared_at)
    VALUES (${input.code}, ${input.text}, ${input.adapted}, ${input.at}) RETURNING id`.execute(db);
  return Number(rows[0]!.id);
}

/** Joins the programme (the first share); a second join is a no-op. */
export async function joinParticipants(db: AnyDb, personId: number, at: Date): Promise<void> {
  await sql`INSERT INTO advocacy_participants (person_id, joined_at) VALUES (${personId}, ${at}) ON CONFLICT (person_id) DO NOTHING`.execute(db);
}

/** A link with its content's URL and campaign, for the redirect and engagement reports. */
export async function findLink(db: AnyDb, code: string): Promise<LinkRow | null> {
  const { rows } = await sql<LinkRow>`SELECT l.code, l.content_id, l.person_id, l.network, c.url, c.campaign_id
    FROM advocacy_links AS l JOIN advocacy_content AS c ON c.id = l.content_id WHERE l.code = ${code}`.execute(db);
  return rows[0] ?? null;
}
