// The maturity model's API shapes (issue 12, ADR 0033): the self-assessment questionnaire, a person's
// stage, the stage breakdown with k-hiding, adoption by stage over time, and onboarding waves.
import { z } from 'zod';
import { ACTIVITY_LEVELS, MATURITY_STAGES, NETWORK_SIZES, maturityStage, type ActivityLevel, type NetworkSize } from './advocacy.js';
import { ruleJsonSchema } from './audiences.js';

/** How often someone does something on their networks. */
export const FREQUENCIES = ['never', 'monthly', 'weekly', 'daily'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
/** Connections or followers on their biggest network. */
export const FOLLOWER_BANDS = ['under_200', '200_to_1000', 'over_1000'] as const;

/** The questions, each a code with its option codes; the web translates both. */
export const ASSESSMENT_QUESTIONS = [
  { code: 'followers', options: FOLLOWER_BANDS },
  { code: 'reads', options: FREQUENCIES },
  { code: 'reacts', options: FREQUENCIES },
  { code: 'posts', options: FREQUENCIES },
] as const;

export const assessmentAnswersSchema = z.strictObject({
  followers: z.enum(FOLLOWER_BANDS),
  reads: z.enum(FREQUENCIES),
  reacts: z.enum(FREQUENCIES),
  posts: z.enum(FREQUENCIES),
});
export type AssessmentAnswers = z.infer<typeof assessmentAnswersSchema>;
export const assessmentInputSchema = z.strictObject({ answers: assessmentAnswersSchema });

/**
 * Places answers in the grid (ADR 0033): network size from the followers band; activity "creates"
 * when they post their own content at least monthly, else "engages" when they react or share at
 * least monthly, else "passive" (reading alone is passive).
 * @example placeAnswers({ followers: 'over_1000', reads: 'daily', reacts: 'weekly', posts: 'monthly' }) // { size: 'large', activity: 'creates', stage: 9 }
 */
export function placeAnswers(a: AssessmentAnswers): { size: NetworkSize; activity: ActivityLevel; stage: number } {
  const size: NetworkSize = a.followers === 'over_1000' ? 'large' : a.followers === '200_to_1000' ? 'medium' : 'small';
  const activity: ActivityLevel = a.posts !== 'never' ? 'creates' : a.reacts !== 'never' ? 'engages' : 'passive';
  return { size, activity, stage: maturityStage(size, activity) };
}

export const assessmentQuestionsSchema = z.object({
  questions: z.array(z.object({ code: z.string(), options: z.array(z.string()) })),
});

const cellSchema = z.object({ size: z.enum(NETWORK_SIZES), activity: z.enum(ACTIVITY_LEVELS) });

export const assessmentSchema = z.object({
  id: z.number().int(),
  stage: z.number().int(),
  size: z.enum(NETWORK_SIZES),
  activity: z.enum(ACTIVITY_LEVELS),
  answers: z.record(z.string(), z.unknown()),
  assessed_at: z.string(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const assessmentResultSchema = z.object({
  assessment: assessmentSchema,
  stage: z.number().int(),
  stage_key: z.enum(MATURITY_STAGES),
  cell: cellSchema,
  /** Points the assessment earned (0 when capped or a repeat). */
  points: z.number().int(),
});
export type AssessmentResult = z.infer<typeof assessmentResultSchema>;

/** `GET /api/v1/advocacy/maturity/me`: `source` self when the stage is the last assessment's, hr otherwise. */
export const myMaturitySchema = z.object({
  stage: z.number().int().nullable(),
  stage_key: z.enum(MATURITY_STAGES).nullable(),
  cell: cellSchema.nullable(),
  source: z.enum(['self', 'hr']).nullable(),
  last_assessment: assessmentSchema.nullable(),
});
export type MyMaturity = z.infer<typeof myMaturitySchema>;

/** A count, null when it is above 0 and under k (a group that small is never shown). */
const hiddenCount = z.number().int().nullable();

/** Stage 0: people without a stage. */
export const stageCountsSchema = z.object({
  stage: z.number().int().min(0).max(9),
  people: hiddenCount,
  participants: hiddenCount,
  sharers: hiddenCount,
  invited: hiddenCount,
  /** True when some count of the stage is withheld (under k). */
  hidden: z.boolean(),
});
export const stagesOverviewSchema = z.object({ min_group: z.number().int(), stages: z.array(stageCountsSchema) });
export type StagesOverview = z.infer<typeof stagesOverviewSchema>;

export const stagePeopleQuerySchema = z.strictObject({
  stage: z.coerce.number().int().min(0).max(9),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const stagePersonSchema = z.object({
  id: z.number().int(),
  display_name: z.string(),
  department: z.string().nullable(),
  stage: z.number().int().nullable(),
  participant: z.boolean(),
  wave: z.object({ id: z.number().int(), number: z.number().int(), name: z.string() }).nullable(),
});
export const stagePeopleSchema = z.object({ items: z.array(stagePersonSchema), next_cursor: z.string().nullable() });
export type StagePeople = z.infer<typeof stagePeopleSchema>;

export const adoptionQuerySchema = z.strictObject({ weeks: z.coerce.number().int().min(1).max(104).default(12) });
export const adoptionSchema = z.object({
  min_group: z.number().int(),
  days: z.array(
    z.object({
      day: z.string(),
      stage: z.number().int(),
      people: hiddenCount,
      participants: hiddenCount,
      sharers: hiddenCount,
      hidden: z.boolean(),
    }),
  ),
});
export type Adoption = z.infer<typeof adoptionSchema>;

const stagesSchema = z
  .array(z.number().int().min(1).max(9))
  .min(1)
  .max(9)
  .refine((s) => new Set(s).size === s.length, 'each stage once');

export const waveInputSchema = z.strictObject({
  number: z.number().int().min(1).max(9),
  name: z.string().trim().min(1).max(200),
  stages: stagesSchema,
  audience: ruleJsonSchema.nullable().optional(),
  content_ids: z.array(z.number().int().positive()).max(50).default([]),
  coaching: z.string().trim().max(5000).default(''),
  planned_for: z.iso.date().nullable().optional(),
});
export type WaveInput = z.input<typeof waveInputSchema>;

export const waveSchema = z.object({
  id: z.number().int(),
  number: z.number().int(),
  name: z.string(),
  stages: z.array(z.number().int()),
  audience: z.record(z.string(), z.unknown()).nullable(),
  content_ids: z.array(z.number().int()),
  coaching: z.string(),
  planned_for: z.string().nullable(),
  invited_at: z.string().nullable(),
  campaign_id: z.number().int().nullable(),
  /** Before the invite: who it would invite now; after: who it invited. */
  people: z.number().int(),
  /** Invited people who joined the programme after the invite. */
  adopters: z.number().int(),
  created_at: z.string(),
});
export type Wave = z.infer<typeof waveSchema>;
export const waveListSchema = z.object({ items: z.array(waveSchema) });

/** The default plan (ADR 0033), with how many people each wave would invite now. */
export const SUGGESTED_WAVES: readonly { number: number; stages: number[] }[] = [
  // Active (engages or creates) with a medium or large network.
  { number: 1, stages: [9, 8, 6, 5] },
  // Active with a small network.
  { number: 2, stages: [7, 4] },
  // Passive.
  { number: 3, stages: [3, 2, 1] },
];
export const suggestedWavesSchema = z.object({
  items: z.array(z.object({ number: z.number().int(), stages: z.array(z.number().int()), people: z.number().int() })),
});
export type SuggestedWaves = z.infer<typeof suggestedWavesSchema>;

export const inviteResultSchema = z.object({
  wave: waveSchema,
  campaign_id: z.number().int(),
  /** The campaign's status after asking to send it: draft when it waits for approval. */
  campaign_status: z.string(),
  members: z.number().int(),
});
export type InviteResult = z.infer<typeof inviteResultSchema>;
