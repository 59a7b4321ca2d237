// The privacy contract shared by server and web (DESIGN §3.5, ADR 0023): the erasure request and its
// answer, and the live settings the works-council page is generated from. Codes and values only;
// the web holds every sentence.
import { z } from 'zod';
import { ACTIVITY_TYPES } from './audiences.js';
import { ROLES } from './identity.js';

export const TRACKING_MODES = ['individual', 'aggregate', 'off'] as const;
export type TrackingMode = (typeof TRACKING_MODES)[number];

/** `POST /api/v1/people/:id/erase`: the caller confirms that this cannot be undone. */
export const eraseInputSchema = z.strictObject({
  /** Must be `true`: erasure cannot be undone. */
  confirm: z.literal(true),
});

export const erasureSchema = z.object({
  person_id: z.number().int(),
  /** Rows changed by table and kind (`events_anonymised`, `people_deleted`, …). */
  counts: z.record(z.string(), z.number().int()),
});
export type Erasure = z.infer<typeof erasureSchema>;

/** `GET /api/v1/people/:id/privacy-export`: every table's rows about the person, as stored. */
export const privacyExportSchema = z.object({
  person_id: z.number().int(),
  exported_at: z.string(),
  data: z.record(z.string(), z.unknown()),
});

/** `GET /api/v1/privacy/summary`: the live settings behind the works-council page. */
export const privacySummarySchema = z.object({
  tracking_mode: z.enum(TRACKING_MODES),
  /** k: no report shows a group smaller than this. */
  min_group: z.number().int(),
  retention_days: z.number().int(),
  recorded_events: z.array(z.enum(ACTIVITY_TYPES)),
  /** Roles allowed to see individual-level campaign data (the delivery log), and to export or erase a person. */
  individual_data_roles: z.array(z.enum(ROLES)),
  privacy_admin_roles: z.array(z.enum(ROLES)),
  /** In each person's own time zone; null when off. */
  quiet_hours: z.object({ start: z.string(), end: z.string() }).nullable(),
  must_read_ignores_quiet_hours: z.boolean(),
  /** Where the data is stored: `postgres` (the deployment's server) or `embedded` (the data directory of the host). */
  storage: z.enum(['postgres', 'embedded']),
});
export type PrivacySummary = z.infer<typeof privacySummarySchema>;
