// Analytics contracts (DESIGN §3.4–3.5, ADR 0024): a campaign's report, the people who still need a
// reminder, and the reminder itself. Every figure of a group smaller than k is `null`.
import { z } from 'zod';
import { CHANNELS, FOLLOW_UP_CONDITIONS, TRACKING_MODES, contentLanguageSchema } from './campaigns.js';

/** What a report can be broken down by (any combination, in this order). */
export const REPORT_DIMENSIONS = ['variant', 'language', 'channel', 'generation', 'department'] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

const figure = z.number().nullable();

export const reportQuerySchema = z.strictObject({
  /** Comma-separated dimensions of the breakdown, e.g. `variant,generation` (default `variant`). */
  by: z
    .string()
    .max(100)
    .default('variant')
    .transform((value, ctx) => {
      const parts = [
        ...new Set(
          value
            .split(',')
            .map((p) => p.trim())
            .filter(Boolean),
        ),
      ];
      const unknown = parts.find((p) => !(REPORT_DIMENSIONS as readonly string[]).includes(p));
      if (unknown !== undefined || parts.length === 0) {
        ctx.addIssue({
          code: 'custom',
          message: `by names ${REPORT_DIMENSIONS.join(', ')}`,
          params: { code: 'report.unknown_dimension', dimension: unknown ?? '' },
        });
        return z.NEVER;
      }
      return REPORT_DIMENSIONS.filter((d) => parts.includes(d));
    }),
});

/** The figures of one group of people (or of the whole campaign). */
export const reportFiguresSchema = z.object({
  recipients: figure,
  delivered: figure,
  unique_opens: figure,
  unique_clicks: figure,
  acknowledged: figure,
  quiz_passed: figure,
  quiz_failed: figure,
  /** Feed reads by how long the item was in view: glanced < 4 s, skimmed < 10 s, read. */
  reads: z.object({ glanced: figure, skimmed: figure, read: figure }),
});
export type ReportFigures = z.infer<typeof reportFiguresSchema>;

export const campaignReportSchema = z.object({
  campaign_id: z.number(),
  /** The campaign's effective tracking mode now (DESIGN §3.5). */
  tracking: z.enum(TRACKING_MODES),
  /** The smallest group shown. */
  k: z.number(),
  /** When the rollup was last written; null before the first (the report is then empty). */
  computed_at: z.string().nullable(),
  recipients: figure,
  delivered: figure,
  unique_opens: figure,
  unique_clicks: figure,
  /** Opens and clicks flagged as machine traffic (events, not people), kept out of every rate. */
  machine_opens: figure,
  machine_clicks: figure,
  acknowledged: figure,
  quiz_passed: figure,
  quiz_failed: figure,
  reads: reportFiguresSchema.shape.reads,
  /** Median time from first send to a person's first open, in seconds. */
  median_time_to_open_seconds: figure,
  by_variant: z.array(z.object({ variant: z.string(), language: z.string(), recipients: figure, unique_opens: figure, unique_clicks: figure })),
  by_channel: z.array(reportFiguresSchema.extend({ channel: z.enum(CHANNELS) })),
  /** The breakdown asked for (`by`), each person once. */
  breakdown: z.object({
    by: z.array(z.enum(REPORT_DIMENSIONS)),
    groups: z.array(reportFiguresSchema.extend({ key: z.record(z.string(), z.string()) })),
  }),
  /** People's first opens and clicks: hourly for seven days after the first send, then daily. */
  series: z.array(z.object({ at: z.string(), hours: z.number(), opens: figure, clicks: figure })),
  /** What each follow-up achieved among the people it went to. */
  follow_ups: z.array(
    z.object({
      step: z.number(),
      follow_up: z.number(),
      round: z.number(),
      sent: figure,
      opened_after: figure,
      clicked_after: figure,
      acknowledged_after: figure,
    }),
  ),
  /** Leader cascade: leaders briefed, released on time, and the share (null without a cascade). */
  leaders: z.object({ leaders: z.number(), released: z.number(), on_time: z.number(), participation: z.number().nullable() }).nullable(),
});
export type CampaignReport = z.infer<typeof campaignReportSchema>;

/** Who still needs a reminder: people the condition holds for (individual tracking only, audited). */
export const pendingQuerySchema = z.strictObject({
  condition: z.enum(FOLLOW_UP_CONDITIONS).default('not_opened'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const pendingPeopleSchema = z.object({
  condition: z.enum(FOLLOW_UP_CONDITIONS),
  total: z.number(),
  items: z.array(z.object({ person_id: z.number(), display_name: z.string(), department: z.string().nullable(), language: z.string() })),
});
export type PendingPeople = z.infer<typeof pendingPeopleSchema>;

/** `POST /api/v1/campaigns/:id/reminders`: a reminder now to whoever the condition holds for. */
export const reminderInputSchema = z.strictObject({
  condition: z.enum(FOLLOW_UP_CONDITIONS),
  subject: z.record(contentLanguageSchema, z.string().trim().min(1).max(250)),
});
export const reminderSchema = z.object({ follow_up: z.number(), step: z.number(), queued: z.boolean() });
