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

/** What the organisation dashboard breaks its figures down by. */
export const DASHBOARD_GROUPINGS = ['department', 'generation'] as const;
export type DashboardGrouping = (typeof DASHBOARD_GROUPINGS)[number];
/** The longest period the dashboard covers, in days (two years and a day). */
export const DASHBOARD_MAX_DAYS = 731;
/** The period when none is asked for: the last 90 days (today included). */
export const DASHBOARD_DEFAULT_DAYS = 90;

const calendarDate = z.iso.date();

/** Days from `from` to `to` (calendar dates, both included). */
export function periodDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/**
 * `GET /api/v1/analytics/overview`: campaigns first sent from `from` through `to` (calendar dates in UTC,
 * both included; by default the last 90 days), broken down by `by`.
 */
export const dashboardQuerySchema = z
  .strictObject({
    from: calendarDate.optional(),
    to: calendarDate.optional(),
    by: z
      .string()
      .max(40)
      .default('department')
      .transform((value, ctx) => {
        const by = value.trim();
        if (!(DASHBOARD_GROUPINGS as readonly string[]).includes(by)) {
          ctx.addIssue({
            code: 'custom',
            message: `by is one of ${DASHBOARD_GROUPINGS.join(', ')}`,
            params: { code: 'dashboard.unknown_grouping', by: by.slice(0, 40) },
          });
          return z.NEVER;
        }
        return by as DashboardGrouping;
      }),
  })
  .superRefine((query, ctx) => {
    if (query.from === undefined || query.to === undefined) return;
    if (query.from > query.to) {
      ctx.addIssue({
        code: 'custom',
        path: ['from'],
        message: 'from is on or before to',
        params: { code: 'dashboard.period_reversed', from: query.from, to: query.to },
      });
    } else if (periodDays(query.from, query.to) > DASHBOARD_MAX_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `a period of at most ${DASHBOARD_MAX_DAYS} days`,
        params: { code: 'dashboard.period_too_long', maximum: DASHBOARD_MAX_DAYS },
      });
    }
  });
export type DashboardQuery = z.input<typeof dashboardQuerySchema>;

const rate = z.number().nullable();

/**
 * Figures summed over campaigns. Opens and clicks (and their rates) count only campaigns tracked now;
 * a rate is per recipient of those campaigns. `null`: hidden (fewer than k people) or nothing to count.
 */
export const dashboardFiguresSchema = z.object({
  recipients: figure,
  delivered: figure,
  unique_opens: figure,
  unique_clicks: figure,
  acknowledged: figure,
  open_rate: rate,
  click_rate: rate,
  acknowledged_rate: rate,
});
export type DashboardFigures = z.infer<typeof dashboardFiguresSchema>;

/** Leaders of cascades: briefed, released by themselves, on time; participation = on time / leaders. */
export const dashboardLeadersSchema = z.object({
  /** Campaigns with a leader cascade. */
  campaigns: z.number(),
  leaders: z.number(),
  briefed: z.number(),
  released: z.number(),
  on_time: z.number(),
  by_deadline: z.number(),
  participation: rate,
});
export type DashboardLeaders = z.infer<typeof dashboardLeadersSchema>;

export const dashboardSchema = z.object({
  from: z.string(),
  to: z.string(),
  by: z.enum(DASHBOARD_GROUPINGS),
  /** The smallest group shown. */
  k: z.number(),
  /** The oldest rollup the figures come from (null: no campaign in the period). */
  computed_at: z.string().nullable(),
  /** Every campaign first sent in the period; figures of the ones shown (at least k recipients). */
  totals: dashboardFiguresSchema.extend({ campaigns: z.number(), campaigns_hidden: z.number() }),
  campaigns: z.array(
    dashboardFiguresSchema.extend({
      id: z.number(),
      name: z.string(),
      tracking: z.enum(TRACKING_MODES),
      first_sent_at: z.string(),
      /** ISO week of the first send, e.g. 2026-W49. */
      week: z.string(),
      leaders: z.object({ leaders: z.number(), on_time: z.number(), participation: rate }).nullable(),
    }),
  ),
  /**
   * Per generation or department: each campaign's figure for the group as its own report shows it
   * (k-anonymous there, margins included), summed; `hidden_in` counts the campaigns where it was hidden.
   * `group` '' is unknown (no birth year or department).
   */
  groups: z.array(dashboardFiguresSchema.extend({ group: z.string(), campaigns: z.number(), hidden_in: z.number() })),
  /** Every ISO week the period touches, oldest first, with the campaigns first sent in it. */
  weeks: z.array(
    dashboardFiguresSchema.extend({
      week: z.string(),
      /** The Monday the week starts on. */
      starts: z.string(),
      campaigns: z.number(),
      leaders: z.number(),
      leaders_on_time: z.number(),
      leader_participation: rate,
    }),
  ),
  /** Group × week (only where the group had recipients that week): the heatmap. */
  cells: z.array(z.object({ group: z.string(), week: z.string(), recipients: figure, unique_opens: figure, open_rate: rate })),
  leaders: dashboardLeadersSchema,
});
export type Dashboard = z.infer<typeof dashboardSchema>;
