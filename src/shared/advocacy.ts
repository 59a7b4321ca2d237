// The advocacy contract shared by server and web (issue 12, DESIGN §3.9): networks, the point actions
// and their defaults, the maturity grid, referral statuses, and the fixed API shapes of §3.9.
import { z } from 'zod';
import { ruleJsonSchema } from './audiences.js';

export const NETWORKS = ['linkedin', 'xing', 'x', 'facebook'] as const;
export type Network = (typeof NETWORKS)[number];
export const networkSchema = z.enum(NETWORKS);

/** The languages suggested post texts are written in. */
export const POST_LANGUAGES = ['en', 'de', 'nl'] as const;

/**
 * What earns points, from every module: sharing, a unique outside click on a share, kudos received,
 * a help request resolved (the expert's), a referral converted (won), a maturity self-assessment.
 */
export const POINT_ACTIONS = ['share', 'unique_click', 'kudos_received', 'help_resolved', 'referral_converted', 'self_assessment'] as const;
export type PointAction = (typeof POINT_ACTIONS)[number];
export const CAP_INTERVALS = ['day', 'week', 'month'] as const;
export type CapInterval = (typeof CAP_INTERVALS)[number];

const actionSetting = z.strictObject({
  points: z.number().int().min(0).max(1000),
  /** At most this many points from the action per interval and person; null = no cap. */
  cap: z.number().int().min(0).max(100000).nullable(),
  interval: z.enum(CAP_INTERVALS),
});
export type ActionSetting = z.infer<typeof actionSetting>;

/** Levels: the points from which a level starts, ascending, the first 0. */
export const advocacySettingsSchema = z.strictObject({
  actions: z.strictObject(Object.fromEntries(POINT_ACTIONS.map((a) => [a, actionSetting])) as Record<PointAction, typeof actionSetting>),
  levels: z
    .array(z.number().int().min(0))
    .min(1)
    .max(20)
    .refine((l) => l[0] === 0 && l.every((v, i) => i === 0 || v > l[i - 1]!), 'ascending, starting at 0'),
  /** Earned media value: what a unique outside click would cost as paid media, in `currency`. */
  cost_per_click: z.number().min(0).max(1000),
  currency: z.string().regex(/^[A-Z]{3}$/u),
});
export type AdvocacySettings = z.infer<typeof advocacySettingsSchema>;

export const DEFAULT_ADVOCACY_SETTINGS: AdvocacySettings = {
  actions: {
    share: { points: 5, cap: 50, interval: 'day' },
    unique_click: { points: 1, cap: 100, interval: 'day' },
    kudos_received: { points: 3, cap: 30, interval: 'week' },
    help_resolved: { points: 10, cap: 100, interval: 'week' },
    referral_converted: { points: 20, cap: null, interval: 'month' },
    self_assessment: { points: 5, cap: 5, interval: 'month' },
  },
  levels: [0, 50, 150, 400, 1000, 2500],
  cost_per_click: 1.5,
  currency: 'EUR',
};

/**
 * The social-media maturity model (seed 003): network size × activity gives nine stages, 1 inactive
 * (small network, passive) to 9 thought leader (large network, creates content).
 */
export const NETWORK_SIZES = ['small', 'medium', 'large'] as const;
export const ACTIVITY_LEVELS = ['passive', 'engages', 'creates'] as const;
export type NetworkSize = (typeof NETWORK_SIZES)[number];
export type ActivityLevel = (typeof ACTIVITY_LEVELS)[number];
export const MATURITY_STAGES = ['inactive', 'observer', 'listener', 'networker', 'participant', 'connector', 'creator', 'publisher', 'thought_leader'] as const;
export type MaturityStageKey = (typeof MATURITY_STAGES)[number];

/**
 * The stage (1–9) of a place in the grid: rows are activity, columns network size.
 * @example maturityStage('large', 'creates') // 9
 */
export function maturityStage(size: NetworkSize, activity: ActivityLevel): number {
  return ACTIVITY_LEVELS.indexOf(activity) * 3 + NETWORK_SIZES.indexOf(size) + 1;
}

/** The grid place of a stage (1–9). */
export function maturityCell(stage: number): { size: NetworkSize; activity: ActivityLevel } {
  const i = stage - 1;
  return { size: NETWORK_SIZES[i % 3]!, activity: ACTIVITY_LEVELS[Math.floor(i / 3)]! };
}

export const REFERRAL_KINDS = ['customer', 'candidate'] as const;
export const REFERRAL_STATUSES = ['new', 'contacted', 'qualified', 'won', 'lost'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const CONSENT_METHODS = ['verbal', 'written', 'email', 'form'] as const;

export const LEADERBOARD_PERIODS = ['week', 'month', 'all'] as const;
export type LeaderboardPeriod = (typeof LEADERBOARD_PERIODS)[number];

const httpUrl = z.url({ protocol: /^https?$/u }).max(2000);

export const suggestedPostSchema = z.strictObject({
  network: networkSchema,
  language: z.enum(POST_LANGUAGES),
  text: z.string().trim().min(1).max(3000),
});

/** `POST /api/v1/advocacy/content` (DESIGN §3.9; the fields after `expires_at` are ours). */
export const contentInputSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  url: httpUrl,
  summary: z.string().trim().max(2000).default(''),
  audience: ruleJsonSchema.optional(),
  expires_at: z.iso.datetime({ offset: true }).optional(),
  image_url: httpUrl.optional(),
  tags: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
  suggested_posts: z.array(suggestedPostSchema).max(24).default([]),
  campaign_id: z.number().int().positive().optional(),
});
export type ContentInput = z.infer<typeof contentInputSchema>;

/** `POST /api/v1/advocacy/content/:id/share`; `text` is the person's own post text. */
export const shareInputSchema = z.strictObject({
  network: networkSchema,
  text: z.string().max(3000).optional(),
});
export const shareResultSchema = z.object({
  short_url: z.string(),
  share_url: z.string(),
  code: z.string(),
});
export type ShareResult = z.infer<typeof shareResultSchema>;

export const leaderboardQuerySchema = z.strictObject({
  period: z.enum(LEADERBOARD_PERIODS).default('month'),
  /** Rank within a department (the caller's own unless they may read the whole directory). */
  department: z.string().max(200).optional(),
  /** Rank within a leader's organisation: the leader's external id (ADR 0031). */
  team: z.string().max(200).optional(),
  /** The caller's own department or team (their manager's organisation) without naming it. */
  mine: z.enum(['department', 'team']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const leaderboardEntrySchema = z.object({
  person: z.object({ id: z.number().int(), external_id: z.string(), display_name: z.string(), department: z.string().nullable() }),
  points: z.number().int(),
  rank: z.number().int(),
  level: z.number().int(),
});
export const leaderboardSchema = z.object({
  period: z.enum(LEADERBOARD_PERIODS),
  department: z.string().nullable(),
  team: z.string().nullable().optional(),
  items: z.array(leaderboardEntrySchema),
  /** The caller's own place, also when they are not in `items` or opted out (then `rank` null). */
  me: z.object({ points: z.number().int(), rank: z.number().int().nullable(), opted_out: z.boolean() }).nullable(),
  /** True when the board is withheld because it would show a group smaller than k. */
  hidden: z.boolean(),
  min_group: z.number().int(),
});
export type Leaderboard = z.infer<typeof leaderboardSchema>;
