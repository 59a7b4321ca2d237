// A campaign's comment thread (ADR 0028): reading it in pages, commenting and replying (one level),
// editing and deleting one's own. Mentions and replies notify in the same transaction as the comment.
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError, coded } from '../../platform/http/app-error.js';
import { idCursor, pageOf } from '../../platform/http/pagination.js';
import type { Reply, Thread } from '../../../shared/conversation.js';
import { findPeopleCardsByIds } from '../people/index.js';
import { findCampaignRecipients, findReceivedCampaigns } from '../delivery/index.js';
import { commentNotFound, openThread, writerOf, type Caller } from './comments-access.js';
import { nest, presentComments } from './comments-present.js';
import * as q from './comments.queries.js';
import { commentLanguage, resolveHashtags, resolveMentions } from './mentions.service.js';
import { deleteUnreadMentions, insertNotifications, type NewNotification } from './notifications.queries.js';

const pages = idCursor('t');

type Base = { db: AnyDb; caller: Caller };

/**
 * A page of the campaign's thread: top-level comments oldest first with their replies, the campaign's reactions.
 * @example const thread = await readThread({ db, caller, campaignId: 7, limit: 50 });
 */
export async function readThread(input: Base & { campaignId: number; cursor?: string; limit: number }): Promise<Thread> {
  const campaign = await openThread(input);
  const after = pages.decode(input.cursor);
  const rows = await q.listTopLevel(input.db, { campaignId: campaign.id, after, limit: input.limit + 1 });
  const { page, next_cursor } = pageOf(rows, input.limit, pages, (r) => r.id);
  const [replies, total] = await Promise.all([
    q.listReplies(
      input.db,
      page.map((r) => r.id),
    ),
    q.countThread(input.db, campaign.id),
  ]);
  const presented = await presentComments({ db: input.db, caller: input.caller, campaignId: campaign.id, rows: [...page, ...replies] });
  return {
    campaign,
    total,
    reactions: presented.campaignReactions,
    can_comment: input.caller.personId !== null,
    can_moderate: input.caller.moderates,
    items: nest(page, replies, presented.comments),
    next_cursor,
  };
}

/**
 * How many comments each of the campaigns' threads has, for those the caller may see (the feed shows
 * the count on each item before the thread is opened); threads they may not see are left out.
 * @example await countComments({ db, caller, campaignIds: [7, 8] }) // [{ campaign_id: 7, comments: 3 }]
 */
export async function countComments(input: Base & { campaignIds: number[] }): Promise<{ campaign_id: number; comments: number }[]> {
  const { personId, seesAll } = input.caller;
  const visible = seesAll
    ? input.campaignIds
    : personId === null
      ? []
      : [...(await findReceivedCampaigns({ db: input.db, personId, campaignIds: input.campaignIds }))];
  const counts = new Map((await q.countThreads(input.db, visible)).map((r) => [r.campaign_id, r.comments]));
  return visible.map((id) => ({ campaign_id: id, comments: counts.get(id) ?? 0 }));
}

/** A comment the caller may see (its thread is theirs), with its campaign; a 404 otherwise. */
export async function openComment(input: Base & { id: number }, lock = false): Promise<q.CommentRow> {
  const row = await q.findComment(input.db, input.id, lock);
  if (!row) throw commentNotFound(input.id);
  try {
    await openThread({ db: input.db, caller: input.caller, campaignId: row.campaign_id });
  } catch {
    throw commentNotFound(input.id);
  }
  return row;
}

const closed = (id: number) => new AppError('conflict', `comment ${id} is deleted or hidden`, coded('conversation.comment_closed', { id }));

/** The caller's one comment as they now see it. */
async function presentOne(db: AnyDb, caller: Caller, row: q.CommentRow): Promise<Reply> {
  return (await presentComments({ db, caller, campaignId: row.campaign_id, rows: [row] })).comments.get(row.id)!;
}

/** Mention notifications for those mentioned who received the campaign (others cannot open the thread), never the author. */
async function mentionNotices(db: AnyDb, row: q.CommentRow, mentioned: number[], authorId: number): Promise<NewNotification[]> {
  const recipients = await findCampaignRecipients({ db, campaignId: row.campaign_id, personIds: mentioned.filter((id) => id !== authorId) });
  return [...recipients].map((personId) => ({ personId, kind: 'mention', campaignId: row.campaign_id, commentId: row.id, actorId: authorId }));
}

/**
 * Comments on a campaign, or replies to a comment of it (a reply to a reply joins its top-level
 * comment); the author of the comment answered and the people mentioned are notified.
 * @example await createComment({ db, caller, campaignId: 7, body: 'Thanks @[E17]! #excel', now: new Date() });
 */
export async function createComment(input: Base & { campaignId: number; body: string; parentId?: number; now: Date }): Promise<Reply> {
  const campaign = await openThread(input);
  const authorId = writerOf(input.caller);
  const answered = input.parentId === undefined ? null : await q.findComment(input.db, input.parentId);
  if (input.parentId !== undefined) {
    if (!answered) throw commentNotFound(input.parentId);
    if (answered.campaign_id !== campaign.id)
      throw new AppError('validation', 'the comment answered is in another thread', coded('conversation.parent_elsewhere', { id: input.parentId }));
    if (answered.deleted_at || answered.hidden_at) throw closed(answered.id);
  }
  const [mentions, hashtags, author] = await Promise.all([
    resolveMentions({ db: input.db, body: input.body }),
    resolveHashtags({ db: input.db, body: input.body }),
    findPeopleCardsByIds({ db: input.db, ids: [authorId] }),
  ]);
  const language = commentLanguage(input.body, author.get(authorId)?.language ?? null);
  const row = await input.db.transaction().execute(async (trx) => {
    const row = await q.insertComment(trx, {
      campaignId: campaign.id,
      parentId: answered ? (answered.parent_id ?? answered.id) : null,
      authorId,
      body: input.body,
      language,
      hashtags,
      now: input.now,
    });
    await q.replaceMentions(trx, row.id, [...mentions.values()]);
    const notices = await mentionNotices(trx, row, [...mentions.values()], authorId);
    if (answered?.author_id != null && answered.author_id !== authorId)
      notices.push({ personId: answered.author_id, kind: 'reply', campaignId: campaign.id, commentId: row.id, actorId: authorId });
    await insertNotifications(trx, notices, input.now);
    return row;
  });
  return presentOne(input.db, input.caller, row);
}

/** The author changes their comment's text; people newly mentioned are notified, those taken out lose an unread notice. */
export async function editComment(input: Base & { id: number; body: string; now: Date }): Promise<Reply> {
  const authorId = writerOf(input.caller);
  const [mentions, hashtags, author] = await Promise.all([
    resolveMentions({ db: input.db, body: input.body }),
    resolveHashtags({ db: input.db, body: input.body }),
    findPeopleCardsByIds({ db: input.db, ids: [authorId] }),
  ]);
  const row = await input.db.transaction().execute(async (trx) => {
    const current = await openComment({ ...input, db: trx }, true);
    if (current.author_id !== authorId) throw notAuthor(input.id);
    if (current.deleted_at || current.hidden_at) throw closed(current.id);
    const language = commentLanguage(input.body, author.get(authorId)?.language ?? null);
    const row = await q.updateCommentBody(trx, { id: current.id, body: input.body, language, hashtags, now: input.now });
    const mentioned = [...mentions.values()];
    await q.replaceMentions(trx, row.id, mentioned);
    await deleteUnreadMentions(trx, row.id, mentioned);
    await insertNotifications(trx, await mentionNotices(trx, row, mentioned, authorId), input.now);
    return row;
  });
  return presentOne(input.db, input.caller, row);
}

const notAuthor = (id: number) => new AppError('forbidden', `only the author may change comment ${id}`, coded('conversation.not_author', { id }));

/** The author deletes their comment: gone, or a tombstone while it has replies. */
export async function deleteComment(input: Base & { id: number; now: Date }): Promise<void> {
  const authorId = writerOf(input.caller);
  await input.db.transaction().execute(async (trx) => {
    const current = await openComment({ ...input, db: trx }, true);
    if (current.author_id !== authorId) throw notAuthor(input.id);
    if (current.deleted_at) throw closed(current.id);
    await q.deleteOrTombstone(trx, current.id, input.now);
  });
}
