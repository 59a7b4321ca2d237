// Message codes of the campaigns module: saving a campaign (variants, languages, templates) and
// acting on one in the wrong state.
import type { ProblemCodeTable } from './problem-code-table.js';

export const CAMPAIGN_PROBLEM_CODES = {
  'campaign.not_found': ['id'],
  /** Exactly one variant is the default; `count` says how many were marked. */
  'campaign.default_variant_count': ['count'],
  'campaign.default_variant_audience': [],
  'campaign.variant_audience_missing': ['variant'],
  'campaign.variant_key_taken': ['variant'],
  'campaign.content_language_missing': ['variant', 'language'],
  'campaign.follow_up_language_missing': ['language'],
  'campaign.talking_points_language_missing': ['language'],
  'campaign.persona_unknown': ['id'],
  /** A template names a variable that is not one of the allowed ones (`variable`: as written). */
  'campaign.unknown_variable': ['variable'],
  /** A template that Liquid cannot read; `line` and `column` in that text. */
  'campaign.template_invalid': ['line', 'column'],
  'campaign.unknown_filter': ['filter'],
  'campaign.template_tag_not_allowed': ['tag'],
  'campaign.cascade_deadline_past': [],
  'campaign.not_editable': ['status'],
  /** A reminder to acknowledge goes only with a must-read. */
  'campaign.reminder_needs_must_read': [],
  /** A campaign has at most `max` follow-ups (reminders sent from the report count). */
  'campaign.too_many_follow_ups': ['max'],
  /** Reminders go only with a campaign that has gone out. */
  'campaign.not_sent': ['status'],
  /** Pause, resume or cancel in a status it does not apply to (`action`: pause, resume, cancel). */
  'campaign.wrong_status': ['action', 'status'],
  /** CAMPAIGN_APPROVAL: sending waits for a second person's approval. */
  'campaign.approval_required': [],
  /** Nobody approves their own version. */
  'campaign.approver_is_editor': [],
  /** Approvals are given by a signed-in person, not an API token. */
  'campaign.approver_unknown': [],
  /** Preview: nobody with this external_id or e-mail. */
  'campaign.person_unknown': ['person'],
  /** Preview: the person gets nothing from this campaign on this channel. */
  'campaign.not_a_recipient': ['person', 'channel'],
  /** Sending: a variant names a channel this deployment cannot deliver on yet. */
  'campaign.channel_unavailable': ['channel'],
  /** Sending needs an Idempotency-Key header, so a retried request cannot send twice. */
  'campaign.idempotency_key_required': [],
  'outbox.not_found': ['id'],
  'feed.not_found': ['id'],
  'feed.not_must_read': [],
  /** A link index the feed item's message does not have. */
  'feed.link_not_found': ['id', 'link'],
} as const satisfies ProblemCodeTable;
