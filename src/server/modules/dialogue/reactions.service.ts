// Reactions on a campaign or on one of its comments: a fixed small set, one of each per person,
// toggled; toggles of one person on one campaign take turns (an advisory lock), so they stay exact.
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError, coded } from '../../platform/http/app-error.js';
import type { ReactionKind, ReactionSummary } from '../../../shared/conversation.js';
import { openThread, writerOf, type Caller } from './comments-access.js';
import { openComment } from './comments.service.js';
import { summariseReactions } from './comments-present.js';
import * as q from './reactions.queries.js';

/**
 * Toggles the caller's reaction `kind` on the campaign, or on its comment `commentId`; answers the
 * target's reactions after it.
 * @example await toggleReaction({ db, caller, campaignId: 7, kind: 'like', now }) // [{ kind: 'like', count: 1, mine: true }]
 */
export async function toggleReaction(input: {
  db: AnyDb;
  caller: Caller;
  campaignId?: number;
  commentId?: number;
  kind: ReactionKind;
  now: Date;
}): Promise<ReactionSummary> {
  let campaignId: number;
  if (input.commentId !== undefined) {
    const comment = await openComment({ db: input.db, caller: input.caller, id: input.commentId });
    if (comment.deleted_at || comment.hidden_at)
      throw new AppError('conflict', `comment ${comment.id} is deleted or hidden`, coded('conversation.comment_closed', { id: comment.id }));
    campaignId = comment.campaign_id;
  } else {
    campaignId = (await openThread({ db: input.db, caller: input.caller, campaignId: input.campaignId! })).id;
  }
  const personId = writerOf(input.caller);
  const target = { campaignId, commentId: input.commentId ?? null, personId, kind: input.kind };
  return input.db.transaction().execute(async (trx) => {
    await q.lockReactions(trx, campaignId, personId);
    if (!(await q.deleteReaction(trx, target))) await q.insertReaction(trx, target, input.now);
    const rows = await q.countReactions(trx, { campaignId, commentIds: input.commentId === undefined ? [] : [input.commentId], personId });
    return summariseReactions(rows.filter((r) => r.comment_id === target.commentId));
  });
}
