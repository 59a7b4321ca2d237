// Message codes of the content library and share links (ADR 0030).
import type { ProblemCodeTable } from './problem-code-table.js';

export const ADVOCACY_SHARING_PROBLEM_CODES = {
  'advocacy.content_not_found': ['id'],
  /** The item was archived: no new shares (existing links keep redirecting). */
  'advocacy.content_archived': ['id'],
  'advocacy.content_expired': ['id'],
  'advocacy.campaign_not_found': ['id'],
  'advocacy.link_not_found': ['code'],
  /** Engagement import: a line names no link of ours. */
  'advocacy.import_unknown_link': ['line'],
  /** Engagement import: reactions, comments or reshares is not a whole number 0–1,000,000. */
  'advocacy.import_bad_number': ['line', 'column'],
  /** Engagement import: the header lacks `code`/`short_url` or a figure column. */
  'advocacy.import_missing_columns': [],
} as const satisfies ProblemCodeTable;
