// Message codes of chat channels (ADR 0019): the webhook URL, channel names, and chat content that
// names a person (a post goes to many people).
import type { ProblemCodeTable } from './problem-code-table.js';

export const CHAT_PROBLEM_CODES = {
  'chat.channel_not_found': ['id'],
  'chat.channel_name_taken': ['name'],
  /** Not an http(s) URL at all. */
  'chat.webhook_url_invalid': [],
  /** http:// where https:// is required (CHAT_WEBHOOK_ALLOW_PRIVATE allows it). */
  'chat.webhook_url_not_https': [],
  /** The host resolves to a private, loopback or link-local address (CHAT_WEBHOOK_ALLOW_PRIVATE allows it). */
  'chat.webhook_address_blocked': ['host'],
  /** The host name does not resolve. */
  'chat.webhook_host_unknown': ['host'],
  /** A chat variant's text names a person's field; a post goes to many people (`variable`: as written). */
  'campaign.chat_person_variable': ['variable'],
} as const satisfies ProblemCodeTable;
