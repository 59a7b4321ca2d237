// Points, badges, levels, leaderboards and the influence score of the advocacy programme (ADR 0031,
// ADR 0032): the badges' keys and the API shapes of /api/v1/advocacy/me, …/me/points, …/me/score,
// …/people/:id/score and …/settings. The leaderboard's shapes are in advocacy.ts (DESIGN §3.9).
import { z } from 'zod';
import { LEADERBOARD_PERIODS, POINT_ACTIONS, advocacySettingsSchema } from './advocacy.js';

/** Milestone badges; each level from 2 up also gives `level_<n>`. */
export const MILESTONE_BADGES = [
  'first_share',
  'ten_shares',
  'first_unique_click',
  'hundred_clicks',
  'helper',
  'kudos_magnet',
  'consistent',
  'referral_won',
] as const;
export type MilestoneBadge = (typeof MILESTONE_BADGES)[number];
/** The number of levels a badge exists for (`level_2` … `level_20`). */
export const MAX_LEVELS = 20;
export const badgeKeySchema = z
  .string()
  .regex(/^(first_share|ten_shares|first_unique_click|hundred_clicks|helper|kudos_magnet|consistent|referral_won|level_([2-9]|1\d|20))$/u);

/** How far a milestone badge's threshold is. */
export const BADGE_THRESHOLDS: Record<MilestoneBadge, number> = {
  first_share: 1,
  ten_shares: 10,
  first_unique_click: 1,
  hundred_clicks: 100,
  helper: 5,
  kudos_magnet: 10,
  consistent: 4,
  referral_won: 1,
};

export const participationInputSchema = z.strictObject({
  joined: z.boolean().optional(),
  leaderboard_opt_out: z.boolean().optional(),
});

export const advocacyMeSchema = z.object({
  person_id: z.number().int(),
  joined: z.boolean(),
  joined_at: z.string().nullable(),
  leaderboard_opt_out: z.boolean(),
  points: z.object({ total: z.number().int(), week: z.number().int(), month: z.number().int() }),
  /** 1-based; `next_at` is the total where the next level starts, null at the top. */
  level: z.object({ level: z.number().int(), starts_at: z.number().int(), next_at: z.number().int().nullable() }),
  badges: z.array(z.object({ badge: z.string(), awarded_at: z.string() })),
});
export type AdvocacyMe = z.infer<typeof advocacyMeSchema>;

export const pointsPageQuerySchema = z.strictObject({
  cursor: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const pointEntrySchema = z.object({
  id: z.number().int(),
  action: z.enum(POINT_ACTIONS),
  source: z.string(),
  points: z.number().int(),
  capped: z.boolean(),
  occurred_at: z.string(),
});
export const pointsPageSchema = z.object({ items: z.array(pointEntrySchema), next_cursor: z.string().nullable() });
export type PointsPage = z.infer<typeof pointsPageSchema>;

export const SCORE_COMPONENTS = ['engagement', 'reach', 'consistency', 'inside'] as const;
export const SCORE_SUGGESTIONS = [
  'share_every_week',
  'add_own_words',
  'share_fitting_content',
  'share_on_more_networks',
  'help_colleagues',
  'keep_going',
] as const;

export const influenceScoreSchema = z.object({
  person_id: z.number().int(),
  /** 1–100: the raw score's percentile among active people. */
  score: z.number().int().min(1).max(100),
  raw: z.number(),
  /** Whether the person counts among the active (any advocacy activity in the last 90 days). */
  active: z.boolean(),
  active_people: z.number().int(),
  components: z.array(z.object({ key: z.enum(SCORE_COMPONENTS), value: z.number(), weight: z.number(), percentile: z.number().int() })),
  weakest: z.enum(SCORE_COMPONENTS).nullable(),
  suggestions: z.array(z.enum(SCORE_SUGGESTIONS)),
  /** The score at the end of each of the last weeks, oldest first (the last is now). */
  history: z.array(z.object({ at: z.string(), score: z.number().int() })),
  inputs: z.object({
    shares: z.number().int(),
    unique_clicks: z.number().int(),
    engaged_shares: z.number().int(),
    help_resolved: z.number().int(),
    kudos_received: z.number().int(),
  }),
});
export type InfluenceScore = z.infer<typeof influenceScoreSchema>;

export { advocacySettingsSchema, LEADERBOARD_PERIODS };
