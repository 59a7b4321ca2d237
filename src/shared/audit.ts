// The audit log contract shared by server and web: the actions it records, an entry, and the filters of
// `GET /api/v1/audit`. A module that records a new kind of action adds it here (and its en/de/nl label).
import { z } from 'zod';

export const AUDIT_ACTIONS = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out',
  'auth.password_changed',
  'users.created',
  'users.role_changed',
  'users.disabled',
  'users.enabled',
  'users.password_reset',
  'tokens.created',
  'tokens.revoked',
  'people.import_started',
  'people.exported',
  'people.field_label_saved',
  'segments.created',
  'segments.updated',
  'segments.deleted',
  'segments.exported',
  'personas.created',
  'personas.updated',
  'personas.deleted',
  'personas.journey_updated',
  'skills.merged',
  'campaigns.created',
  'campaigns.updated',
  'campaigns.sent',
  'campaigns.paused',
  'campaigns.resumed',
  'campaigns.cancelled',
  'campaigns.approved',
  /** A leader released a campaign to their team (leader cascade). */
  'campaigns.released',
  'chat.channel_created',
  'chat.channel_updated',
  'chat.channel_deleted',
  'topics.created',
  'topics.updated',
  /** Someone read a campaign's delivery log (who got what): individual-level data. */
  'deliveries.viewed',
  /** Who still needs a reminder: a campaign's recipients by name (individual-level data). */
  'reports.pending_viewed',
  'reports.exported',
  /** The organisation dashboard exported as CSV. */
  'dashboard.exported',
  'campaigns.reminder_sent',
  /** A subject access export of one person's data. */
  'privacy.exported',
  /** One person's data erased. */
  'privacy.erased',
  /** A moderator hid a comment, showed it again, or dismissed its reports (conversation). */
  'comments.hidden',
  'comments.unhidden',
  'comments.reports_dismissed',
  /** Surveys and quizzes (issue 11): created, changed, opened, closed, deleted. */
  'surveys.created',
  'surveys.updated',
  'surveys.opened',
  'surveys.closed',
  'surveys.deleted',
  /** Advocacy content library (issue 12, ADR 0030): created, changed, archived; engagement figures imported. */
  'advocacy_content.created',
  'advocacy_content.updated',
  'advocacy_content.archived',
  'advocacy_engagement.imported',
  /** The advocacy programme's points, caps, levels and cost per click were changed (issue 12). */
  'advocacy.settings_changed',
  /** Onboarding waves of the advocacy programme (ADR 0033): planned, changed, deleted, invited. */
  'advocacy.wave_created',
  'advocacy.wave_updated',
  'advocacy.wave_deleted',
  'advocacy.wave_invited',
  /** Referrals (ADR 0034): a pipeline move, and erasure on the referred person's request. */
  'referrals.moved',
  'referrals.erased',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_PAGE_SIZE = { default: 50, max: 200 } as const;

/** An ISO 8601 time with an offset (`2026-12-01T09:00:00Z`) or a calendar date (midnight UTC), year 1 or later. */
const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]).refine((value) => {
  const year = new Date(value.length === 10 ? `${value}T00:00:00Z` : value).getUTCFullYear();
  return year >= 1 && year <= 9999;
}, 'the year must be between 1 and 9999 (UTC)');

/** `GET /api/v1/audit`: newest first; `from` is inclusive, `to` exclusive. */
export const auditQuerySchema = z.object({
  /** The start of the actor: an e-mail (or its beginning), `token:<name>`, `cli`. Case-insensitive. */
  actor: z.string().trim().min(1).max(320).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  from: instant.optional(),
  to: instant.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_SIZE.max).default(AUDIT_PAGE_SIZE.default),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  /** Who: a user's e-mail, `token:<name>`, `cli`, or the e-mail a failed sign-in tried. */
  actor: z.string(),
  actor_user_id: z.number().int().nullable(),
  /** The client address the request came from (null for the command line). */
  address: z.string().nullable(),
  target_type: z.string().nullable(),
  target_id: z.string().nullable(),
  /** What else is worth knowing (format and size of an import, old and new role…); never a secret. */
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({ items: z.array(auditEntrySchema), next_cursor: z.string().nullable() });
export type AuditPage = z.infer<typeof auditPageSchema>;
