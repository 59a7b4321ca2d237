// The content library (ADR 0030): communicators create, change and archive what employees may share;
// an employee's library is the live content whose audience rule includes them, with suggested texts in
// their language first.
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError, coded, fieldProblem, notFound } from '../../platform/http/app-error.js';
import { idCursor } from '../../platform/http/pagination.js';
import { pageOf } from '../../platform/http/pagination.js';
import type { ContentPatch, ContentView, LibraryItem } from '../../../shared/advocacy-sharing.js';
import { POST_LANGUAGES, type ContentInput } from '../../../shared/advocacy.js';
import { checkAudienceRule, isInAudience } from '../audiences/index.js';
import { getCampaignDefinition } from '../campaigns/index.js';
import type { Thresholds } from '../people/index.js';
import * as q from './content.queries.js';

export type ContentContext = { db: AnyDb; clock: () => Date; thresholds: Thresholds };

/** How many live items an employee's library looks at (newest first). */
const LIBRARY_LIMIT = 200;
const cursor = idCursor('advocacy-content');
const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());

export const contentNotFound = (id: number) => notFound(`content ${id}`, coded('advocacy.content_not_found', { id }));
export const noPerson = () => new AppError('forbidden', 'advocacy needs a person in the directory', coded('advocacy.no_person'));

export function statusOf(row: { archived_at: Date | null; expires_at: Date | null }, now: Date): ContentView['status'] {
  if (row.archived_at !== null) return 'archived';
  if (row.expires_at !== null && new Date(row.expires_at) <= now) return 'expired';
  return 'live';
}

function present(row: q.ContentRow, now: Date): ContentView {
  return {
    id: Number(row.id),
    title: row.title,
    url: row.url,
    summary: row.summary,
    image_url: row.image_url,
    tags: row.tags,
    audience: row.audience ?? null,
    suggested_posts: row.suggested_posts,
    campaign_id: row.campaign_id === null ? null : Number(row.campaign_id),
    expires_at: iso(row.expires_at),
    archived_at: iso(row.archived_at),
    created_at: iso(row.created_at)!,
    updated_at: iso(row.updated_at)!,
    status: statusOf(row, now),
    shares: Number(row.shares),
  };
}

/** A 400 naming `/audience` or `/campaign_id` when either does not hold. */
async function checkReferences(db: AnyDb, input: { audience?: unknown; campaign_id?: number | null }): Promise<void> {
  if (input.audience !== undefined && input.audience !== null) await checkAudienceRule({ db, rule: input.audience, pointer: '/audience' });
  if (input.campaign_id !== undefined && input.campaign_id !== null) {
    const id = input.campaign_id;
    await getCampaignDefinition({ db, id }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found')
        throw new AppError('validation', `campaign ${id} was not found`, {
          ...coded('advocacy.campaign_not_found', { id }),
          problems: [fieldProblem('/campaign_id', 'no such campaign', coded('advocacy.campaign_not_found', { id }))],
        });
      throw error;
    });
  }
}

/**
 * Adds an item to the library after checking its audience rule and campaign.
 * @example const view = await createContent({ ...ctx, input: { title: 'Q3', url: 'https://x.example/q3', ... }, createdBy: 1 });
 */
export async function createContent(input: ContentContext & { input: ContentInput; createdBy: number | null }): Promise<ContentView> {
  await checkReferences(input.db, input.input);
  const id = await q.insertContent(input.db, input.input, input.createdBy);
  return getContent({ ...input, id });
}

export async function getContent(input: ContentContext & { id: number }): Promise<ContentView> {
  const row = await q.findContent(input.db, input.id);
  if (!row) throw contentNotFound(input.id);
  return present(row, input.clock());
}

export async function listContent(input: ContentContext & { cursor?: string; limit: number }) {
  const rows = await q.listContent(input.db, { before: cursor.decode(input.cursor), limit: input.limit });
  const { page, next_cursor } = pageOf(rows, input.limit, cursor, (r) => Number(r.id));
  const now = input.clock();
  return { items: page.map((r) => present(r, now)), next_cursor };
}

export async function updateContent(input: ContentContext & { id: number; patch: ContentPatch }): Promise<ContentView> {
  await checkReferences(input.db, input.patch);
  if (!(await q.updateContent(input.db, input.id, input.patch))) throw contentNotFound(input.id);
  return getContent(input);
}

/** Archives an item: no new shares; links already out keep redirecting. */
export async function archiveContent(input: ContentContext & { id: number }): Promise<ContentView> {
  if (!(await q.archiveContent(input.db, input.id, input.clock()))) throw contentNotFound(input.id);
  return getContent(input);
}

/** The caller's library language: their directory language when we have texts in it, else English. */
export function libraryLanguage(language: string | null): (typeof POST_LANGUAGES)[number] {
  const base = (language ?? 'en').slice(0, 2).toLowerCase();
  return (POST_LANGUAGES as readonly string[]).includes(base) ? (base as (typeof POST_LANGUAGES)[number]) : 'en';
}

/** Suggested texts in `language` first, then English, then the rest, keeping the authors' order within each. */
export function orderSuggestions<T extends { language: string }>(posts: T[], language: string): T[] {
  const rank = (p: T) => (p.language === language ? 0 : p.language === 'en' ? 1 : 2);
  return posts
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map((x) => x.p);
}

/** Whether the person may see (and share) the item: its audience rule includes them. */
export async function isForPerson(ctx: ContentContext, row: { audience: unknown }, personId: number): Promise<boolean> {
  if (row.audience === null || row.audience === undefined) return true;
  return isInAudience({ db: ctx.db, rule: row.audience, thresholds: ctx.thresholds, personId, asOf: ctx.clock().toISOString().slice(0, 10) });
}

/**
 * The person's library: live items for them, newest first, with their own shares.
 * @example const { items } = await listLibrary({ ...ctx, personId: 42 });
 */
export async function listLibrary(input: ContentContext & { personId: number | null }): Promise<{ items: LibraryItem[]; language: 'en' | 'de' | 'nl' }> {
  if (input.personId === null) throw noPerson();
  const profile = await q.findPersonProfile(input.db, input.personId);
  if (!profile) throw noPerson();
  const language = libraryLanguage(profile.language);
  const [rows, mine] = await Promise.all([q.listLiveContent(input.db, input.clock(), LIBRARY_LIMIT), q.findMyShares(input.db, input.personId)]);
  const items: LibraryItem[] = [];
  for (const row of rows) {
    if (!(await isForPerson(input, row, input.personId))) continue;
    const my = mine.get(Number(row.id));
    items.push({
      id: Number(row.id),
      title: row.title,
      url: row.url,
      summary: row.summary,
      image_url: row.image_url,
      tags: row.tags,
      expires_at: iso(row.expires_at),
      suggested_posts: orderSuggestions(row.suggested_posts, language),
      my_shares: my?.shares ?? 0,
      my_networks: my?.networks ?? [],
    });
  }
  return { items, language };
}
