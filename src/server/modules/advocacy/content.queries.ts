// SQL of the content library (ADR 0030): library items, their share counts, and what the library needs
// to know of the caller (language and department, read from the directory's row of the person).
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { ContentPatch } from '../../../shared/advocacy-sharing.js';
import type { ContentInput, Network } from '../../../shared/advocacy.js';

export type ContentRow = {
  id: number;
  title: string;
  url: string;
  summary: string;
  image_url: string | null;
  tags: string[];
  audience: unknown;
  suggested_posts: { network: Network; language: 'en' | 'de' | 'nl'; text: string }[];
  campaign_id: number | null;
  expires_at: Date | null;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
  shares: number;
};

const COLUMNS = sql`c.id, c.title, c.url, c.summary, c.image_url, c.tags, c.audience, c.suggested_posts, c.campaign_id, c.expires_at, c.archived_at,
  c.created_at, c.updated_at,
  (SELECT count(*) FROM advocacy_shares AS s JOIN advocacy_links AS l ON l.code = s.code WHERE l.content_id = c.id)::int AS shares`;

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

export async function insertContent(db: AnyDb, input: ContentInput, createdBy: number | null): Promise<number> {
  const { rows } = await sql<{ id: number }>`INSERT INTO advocacy_content
      (title, url, summary, image_url, tags, audience, suggested_posts, campaign_id, expires_at, created_by)
    VALUES (${input.title}, ${input.url}, ${input.summary}, ${input.image_url ?? null}, ${input.tags}::text[], ${json(input.audience)}::jsonb,
      ${JSON.stringify(input.suggested_posts)}::jsonb, ${input.campaign_id ?? null}, ${input.expires_at ?? null}::timestamptz, ${createdBy})
    RETURNING id`.execute(db);
  return Number(rows[0]!.id);
}

export async function findContent(db: AnyDb, id: number): Promise<ContentRow | null> {
  const { rows } = await sql<ContentRow>`SELECT ${COLUMNS} FROM advocacy_content AS c WHERE c.id = ${id}`.execute(db);
  return rows[0] ?? null;
}

/** Newest first (by id), every state; `before` is the last id of the previous page. */
export async function listContent(db: AnyDb, input: { before?: number; limit: number }): Promise<ContentRow[]> {
  const { rows } = await sql<ContentRow>`SELECT ${COLUMNS} FROM advocacy_content AS c
    WHERE ${input.before === undefined ? sql`true` : sql`c.id < ${input.before}`} ORDER BY c.id DESC LIMIT ${input.limit + 1}`.execute(db);
  return rows;
}

/** Content that may be shared now: not archived, not expired; newest first. */
export async function listLiveContent(db: AnyDb, now: Date, limit: number): Promise<ContentRow[]> {
  const { rows } = await sql<ContentRow>`SELECT ${COLUMNS} FROM advocacy_content AS c
    WHERE c.archived_at IS NULL AND (c.expires_at IS NULL OR c.expires_at > ${now}) ORDER BY c.created_at DESC, c.id DESC LIMIT ${limit}`.execute(db);
  return rows;
}

export async function updateContent(db: AnyDb, id: number, patch: ContentPatch): Promise<boolean> {
  const sets = [];
  if (patch.title !== undefined) sets.push(sql`title = ${patch.title}`);
  if (patch.url !== undefined) sets.push(sql`url = ${patch.url}`);
  if (patch.summary !== undefined) sets.push(sql`summary = ${patch.summary}`);
  if (patch.image_url !== undefined) sets.push(sql`image_url = ${patch.image_url}`);
  if (patch.tags !== undefined) sets.push(sql`tags = ${patch.tags}::text[]`);
  if (patch.audience !== undefined) sets.push(sql`audience = ${json(patch.audience)}::jsonb`);
  if (patch.suggested_posts !== undefined) sets.push(sql`suggested_posts = ${JSON.stringify(patch.suggested_posts)}::jsonb`);
  if (patch.campaign_id !== undefined) sets.push(sql`campaign_id = ${patch.campaign_id}`);
  if (patch.expires_at !== undefined) sets.push(sql`expires_at = ${patch.expires_at}::timestamptz`);
  sets.push(sql`updated_at = now()`);
  const result = await sql`UPDATE advocacy_content SET ${sql.join(sets, sql`, `)} WHERE id = ${id}`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

export async function archiveContent(db: AnyDb, id: number, at: Date): Promise<boolean> {
  const result = await sql`UPDATE advocacy_content SET archived_at = coalesce(archived_at, ${at}), updated_at = now() WHERE id = ${id}`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/** The directory's language and department of a person (null when there is no such person). */
export async function findPersonProfile(db: AnyDb, personId: number): Promise<{ language: string | null; department: string | null } | null> {
  const { rows } = await sql<{ language: string | null; department: string | null }>`SELECT language, department FROM people WHERE id = ${personId}`.execute(
    db,
  );
  return rows[0] ?? null;
}

/** The person's shares per content and the networks they have links on. */
export async function findMyShares(db: AnyDb, personId: number): Promise<Map<number, { shares: number; networks: Network[] }>> {
  const { rows } = await sql<{ content_id: number; network: Network; shares: number }>`
    SELECT l.content_id, l.network, (SELECT count(*) FROM advocacy_shares AS s WHERE s.code = l.code)::int AS shares
    FROM advocacy_links AS l WHERE l.person_id = ${personId}`.execute(db);
  const mine = new Map<number, { shares: number; networks: Network[] }>();
  for (const r of rows) {
    const entry = mine.get(Number(r.content_id)) ?? { shares: 0, networks: [] };
    entry.shares += Number(r.shares);
    entry.networks.push(r.network);
    mine.set(Number(r.content_id), entry);
  }
  return mine;
}
