// Comments as the caller sees them: the author's and mentioned people's names, reactions with mine,
// whether I reported it; a tombstone without body; a hidden comment's body only for its author and
// moderators. Bodies go out as the text that was written: the web renders it as text (ADR 0028).
import type { AnyDb } from '../../platform/db/connect.js';
import type { Comment, ReactionKind, ReactionSummary, Reply } from '../../../shared/conversation.js';
import { REACTION_KINDS } from '../../../shared/conversation.js';
import { findPeopleCardsByIds } from '../people/index.js';
import type { Caller } from './comments-access.js';
import * as q from './comments.queries.js';
import { countReactions, type ReactionCountRow } from './reactions.queries.js';

type Person = { external_id: string; display_name: string };

/** Reactions of one target in the fixed order of kinds, those nobody gave left out. */
export function summariseReactions(rows: ReactionCountRow[]): ReactionSummary {
  return REACTION_KINDS.flatMap((kind: ReactionKind) => {
    const row = rows.find((r) => r.kind === kind);
    return row && row.count > 0 ? [{ kind, count: row.count, mine: row.mine }] : [];
  });
}

export type Presented = { comments: Map<number, Reply>; campaignReactions: ReactionSummary };

/**
 * Presents `rows` (comments of one campaign) for the caller, with the campaign's own reactions.
 * @example const { comments } = await presentComments({ db, caller, campaignId: 7, rows });
 */
export async function presentComments(input: { db: AnyDb; caller: Caller; campaignId: number; rows: q.CommentRow[] }): Promise<Presented> {
  const { db, caller, rows } = input;
  const ids = rows.map((r) => r.id);
  const [mentions, reactions, reported] = await Promise.all([
    q.findMentions(db, ids),
    countReactions(db, { campaignId: input.campaignId, commentIds: ids, personId: caller.personId }),
    q.findReportedBy(db, ids, caller.personId),
  ]);
  const personIds = new Set<number>([...rows.flatMap((r) => (r.author_id === null ? [] : [r.author_id])), ...mentions.map((m) => m.person_id)]);
  const cards = await findPeopleCardsByIds({ db, ids: [...personIds] });
  const person = (id: number | null): Person | null => {
    const card = id === null ? undefined : cards.get(id);
    return card ? { external_id: card.external_id, display_name: card.display_name } : null;
  };
  const comments = new Map<number, Reply>();
  for (const r of rows) {
    const mine = caller.personId !== null && r.author_id === caller.personId;
    const state = r.deleted_at ? 'deleted' : r.hidden_at ? 'hidden' : 'visible';
    const shown = state === 'visible' || (state === 'hidden' && (mine || caller.moderates));
    comments.set(r.id, {
      id: r.id,
      campaign_id: r.campaign_id,
      parent_id: r.parent_id,
      author: state === 'deleted' ? null : person(r.author_id),
      body: shown ? r.body : null,
      state,
      language: r.language,
      created_at: r.created_at.toISOString(),
      edited_at: r.edited_at?.toISOString() ?? null,
      mine,
      mentions: shown ? mentions.filter((m) => m.comment_id === r.id).flatMap((m) => person(m.person_id) ?? []) : [],
      hashtags: shown ? r.hashtags : [],
      reactions: summariseReactions(reactions.filter((x) => x.comment_id === r.id)),
      reported_by_me: reported.has(r.id),
    });
  }
  return { comments, campaignReactions: summariseReactions(reactions.filter((x) => x.comment_id === null)) };
}

/** Top-level comments with their replies nested, in the order of `top`. */
export function nest(top: q.CommentRow[], replies: q.CommentRow[], presented: Map<number, Reply>): Comment[] {
  return top.map((t) => ({ ...presented.get(t.id)!, replies: replies.filter((r) => r.parent_id === t.id).map((r) => presented.get(r.id)!) }));
}
