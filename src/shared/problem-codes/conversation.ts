// Message codes of conversation (dialogue module): comment threads, reactions, reports, moderation.
import type { ProblemCodeTable } from './problem-code-table.js';

export const CONVERSATION_PROBLEM_CODES = {
  /** No such campaign thread, or the caller did not receive the campaign (not told apart). */
  'conversation.thread_not_found': ['id'],
  /** No such comment in a thread the caller may see. */
  'conversation.comment_not_found': ['id'],
  /** Only the author may edit or delete a comment. */
  'conversation.not_author': ['id'],
  /** Writing needs someone in the directory (an account without a person, an API token). */
  'conversation.no_person': [],
  /** A mention names no one in the directory. */
  'conversation.mention_unknown': ['external_id'],
  /** A deleted or hidden comment cannot be answered, edited or reacted to. */
  'conversation.comment_closed': ['id'],
  /** The caller reported this comment before. */
  'conversation.already_reported': ['id'],
  /** A reply must stay in the thread of its campaign. */
  'conversation.parent_elsewhere': ['id'],
} as const satisfies ProblemCodeTable;
