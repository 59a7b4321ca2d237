// The caller's notifications in the feed (replies to their comments, mentions of them): codes and
// names only, worded by the web in the reader's language; marking them read.
import type { AnyDb } from '../../platform/db/connect.js';
import { idCursor, pageOf } from '../../platform/http/pagination.js';
import type { NotificationPage } from '../../../shared/conversation.js';
import { getCampaignDefinition } from '../campaigns/index.js';
import { findPeopleCardsByIds } from '../people/index.js';
import * as q from './notifications.queries.js';

const pages = idCursor('n');

/**
 * A page of the person's notifications, newest first, with the unread count; empty without a person.
 * @example const { unread, items } = await listNotifications({ db, personId: 42, limit: 20 });
 */
export async function listNotifications(input: { db: AnyDb; personId: number | null; cursor?: string; limit: number }): Promise<NotificationPage> {
  if (input.personId === null) return { unread: 0, items: [], next_cursor: null };
  const before = pages.decode(input.cursor);
  const [rows, unread] = await Promise.all([
    q.listNotifications(input.db, { personId: input.personId, before, limit: input.limit + 1 }),
    q.countUnreadNotifications(input.db, input.personId),
  ]);
  const { page, next_cursor } = pageOf(rows, input.limit, pages, (r) => r.id);
  const names = new Map<number, string>();
  for (const id of new Set(page.map((r) => r.campaign_id))) names.set(id, (await getCampaignDefinition({ db: input.db, id })).name);
  const actors = await findPeopleCardsByIds({ db: input.db, ids: [...new Set(page.flatMap((r) => (r.actor_id === null ? [] : [r.actor_id])))] });
  return {
    unread,
    next_cursor,
    items: page.map((r) => {
      const actor = r.actor_id === null ? undefined : actors.get(r.actor_id);
      return {
        id: r.id,
        kind: r.kind,
        campaign: { id: r.campaign_id, name: names.get(r.campaign_id)! },
        comment_id: r.comment_id,
        actor: actor ? { external_id: actor.external_id, display_name: actor.display_name } : null,
        created_at: r.created_at.toISOString(),
        read: r.read_at !== null,
      };
    }),
  };
}

/** Marks the person's notifications read: those of `ids` (others' ids change nothing), or all. */
export async function markNotificationsRead(input: { db: AnyDb; personId: number | null; ids?: number[]; now: Date }): Promise<void> {
  if (input.personId === null) return;
  await q.markNotificationsRead(input.db, { personId: input.personId, ids: input.ids, now: input.now });
}
