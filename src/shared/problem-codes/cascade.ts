// Message codes of the leader cascade: a briefing that is not the caller's, a team already released,
// a campaign that no longer sends, and a draft for a version the team does not get.
import type { ProblemCodeTable } from './problem-code-table.js';

export const CASCADE_PROBLEM_CODES = {
  /** Only the leader a briefing is for may read, edit or release it. */
  'cascade.not_your_briefing': [],
  /** The team was released already (by the leader, or by the deadline): nothing is sent twice. */
  'cascade.already_released': [],
  /** The campaign was cancelled (or is not sending): `status` says what it is. */
  'cascade.campaign_closed': ['status'],
  /** A draft for a variant and language nobody in the leader's team gets. */
  'cascade.draft_version_unknown': ['variant', 'language'],
} as const satisfies ProblemCodeTable;
