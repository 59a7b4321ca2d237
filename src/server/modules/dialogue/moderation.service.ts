// Moderation of comments (ADR 0028): anyone who sees a comment may report it once; communicators and
// admins see the queue of comments reported since they last decided, and hide, show again or dismiss,
// each decision in the identity audit log.
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError, coded } from '../../platform/http/app-error.js';
import type { ModerationQueue, Reply } from '../../../shared/conversation.js';
import { REPORT_REASONS } from '../../../shared/conversation.js';
import { getCampaignDefinition } from '../campaigns/index.js';
import { recordAudit, type AuditActor } from '../identity/index.js';
import { writerOf, type Caller } from './comments-access.js';
import { presentComments } from './comments-present.js';
import { openComment } from './comments.service.js';
import * as q from './comments.queries.js';

const QUEUE_LIMIT = 200;

/**
 * Reports a comment the caller can see, once; a second report by the same person is a 409.
 * @example await reportComment({ db, caller, id: 9, reason: 'abuse', now: new Date() });
 */
export async function reportComment(input: { db: AnyDb; caller: Caller; id: number; reason: (typeof REPORT_REASONS)[number]; now: Date }): Promise<void> {
  const comment = await openComment(input);
  const reporterId = writerOf(input.caller);
  if (comment.deleted_at) throw new AppError('conflict', `comment ${comment.id} is deleted`, coded('conversation.comment_closed', { id: comment.id }));
  if (!(await q.insertReport(input.db, { commentId: comment.id, reporterId, reason: input.reason, now: input.now })))
    throw new AppError('conflict', `comment ${comment.id} was reported by you before`, coded('conversation.already_reported', { id: comment.id }));
}

/** Comments with reports a moderator has not decided on, most reported first. */
export async function listModerationQueue(input: { db: AnyDb; caller: Caller }): Promise<ModerationQueue> {
  const rows = await q.findModerationQueue(input.db, QUEUE_LIMIT);
  const items: ModerationQueue['items'] = [];
  const names = new Map<number, string>();
  for (const row of rows) {
    if (!names.has(row.campaign_id)) names.set(row.campaign_id, (await getCampaignDefinition({ db: input.db, id: row.campaign_id })).name);
    const comment = (await presentComments({ db: input.db, caller: input.caller, campaignId: row.campaign_id, rows: [row] })).comments.get(row.id)!;
    items.push({
      comment,
      campaign: { id: row.campaign_id, name: names.get(row.campaign_id)! },
      reports: row.reports,
      reasons: row.reasons as ModerationQueue['items'][number]['reasons'],
      last_reported_at: new Date(row.last_reported_at).toISOString(),
    });
  }
  return { items };
}

const AUDIT = { hide: 'comments.hidden', unhide: 'comments.unhidden', dismiss: 'comments.reports_dismissed' } as const;

/**
 * A moderator hides a comment (others then see "hidden by a moderator", its author still sees it),
 * shows it again, or dismisses its reports; audited; the comment leaves the queue until reported again.
 * @example await moderateComment({ db, caller, actor: auditActorOf(request), id: 9, action: 'hide', now });
 */
export async function moderateComment(input: {
  db: AnyDb;
  caller: Caller;
  actor: AuditActor;
  id: number;
  action: keyof typeof AUDIT;
  now: Date;
}): Promise<Reply> {
  const row = await input.db.transaction().execute(async (trx) => {
    const comment = await openComment({ db: trx, caller: input.caller, id: input.id }, true);
    if (comment.deleted_at) throw new AppError('conflict', `comment ${comment.id} is deleted`, coded('conversation.comment_closed', { id: comment.id }));
    await q.setModerated(trx, { id: comment.id, hidden: input.action === 'dismiss' ? null : input.action === 'hide', now: input.now });
    await recordAudit({
      db: trx,
      actor: input.actor,
      action: AUDIT[input.action],
      target: { type: 'comment', id: comment.id },
      detail: { campaign_id: comment.campaign_id },
    });
    return (await q.findComment(trx, comment.id))!;
  });
  return (await presentComments({ db: input.db, caller: input.caller, campaignId: row.campaign_id, rows: [row] })).comments.get(row.id)!;
}
