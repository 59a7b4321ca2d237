// The surveys contract of DESIGN §3.8 (issue 11, ADR 0027) shared by server and web: a survey is a
// SurveyJS definition with an audience, optional pass mark (then it is a quiz), optional campaign
// and optional repeat schedule (a pulse); answers are one per person and round; results come by
// segment with every figure of a group smaller than k as null. Field names of §3.8 are fixed.
import { z } from 'zod';
import { ruleJsonSchema } from './audiences.js';

/** What a survey is for; the authoring screen's templates start from one of these. */
export const SURVEY_KINDS = ['survey', 'quiz', 'pulse', 'enps'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

/**
 * The person fields an answer may be kept with (chosen by the communicator before the survey opens;
 * for an anonymous survey these are the only things kept beside the answers), and the breakdowns
 * of the results. `persona` is the first persona whose rule matches the person.
 */
export const SEGMENT_KEYS = ['generation', 'experience_level', 'department', 'job_level', 'location', 'region', 'country', 'language', 'persona'] as const;
export type SegmentKey = (typeof SEGMENT_KEYS)[number];

/** How often a pulse survey opens a new round. */
export const REPEAT_EVERY = ['week', 'month'] as const;
export type RepeatEvery = (typeof REPEAT_EVERY)[number];

export const SURVEY_LIMITS = {
  title: 200,
  /** Serialised SurveyJS definition, in bytes. */
  definitionBytes: 200_000,
  questions: 200,
  /** A free-text answer, in characters. */
  textAnswer: 5_000,
  segmentKeys: SEGMENT_KEYS.length,
  /** Hours after a round opens before those who have not answered are reminded. */
  reminderAfterHours: 24 * 30,
} as const;

/** A survey definition in SurveyJS JSON; the server checks it deeply (pointer of the bad element). */
export const surveyDefinitionSchema = z.record(z.string(), z.unknown());

export const surveyScheduleSchema = z.strictObject({
  /** A new round opens every week or month, on the weekday / day of month of `starts_at`. */
  every: z.enum(REPEAT_EVERY),
  /** The first round opens then (ISO 8601); later rounds follow it. */
  starts_at: z.iso.datetime({ offset: true }),
  /** No round opens after this date (inclusive), when given. */
  until: z.iso.date().optional(),
  /** Remind those who have not answered this many hours after a round opens (none when absent). */
  reminder_after_hours: z.number().int().min(1).max(SURVEY_LIMITS.reminderAfterHours).optional(),
});
export type SurveySchedule = z.infer<typeof surveyScheduleSchema>;

export const createSurveySchema = z.strictObject({
  title: z.string().trim().min(1).max(SURVEY_LIMITS.title),
  kind: z.enum(SURVEY_KINDS).default('survey'),
  definition: surveyDefinitionSchema,
  /** No answer is ever joined to a person; only `segment_keys` are kept with it. */
  anonymous: z.boolean(),
  audience: ruleJsonSchema,
  segment_keys: z.array(z.enum(SEGMENT_KEYS)).max(SURVEY_LIMITS.segmentKeys).default([]),
  /** Share of quiz questions (those with a correct answer) to answer right to pass; makes it a quiz. */
  pass_mark: z.number().min(0).max(1).optional(),
  /** The campaign the survey belongs to: quiz results become its `quiz_passed`/`quiz_failed` activity. */
  campaign: z.number().int().positive().optional(),
  /** Repeats as a pulse; absent for a one-off survey. */
  schedule: surveyScheduleSchema.optional(),
  /** A one-off survey closes by itself then, when given. */
  closes_at: z.iso.datetime({ offset: true }).optional(),
  /** `draft` keeps it from respondents until it is opened; default `open`. */
  status: z.enum(['draft', 'open']).default('open'),
});
export type CreateSurvey = z.infer<typeof createSurveySchema>;

/**
 * PATCH: any field of a survey that has no answers yet; `status` and `closes_at` always. No defaults
 * (a field left out stays as it is); `null` clears a pass mark, campaign, schedule or closing time.
 */
export const updateSurveySchema = createSurveySchema
  .extend({
    kind: z.enum(SURVEY_KINDS),
    segment_keys: z.array(z.enum(SEGMENT_KEYS)).max(SURVEY_LIMITS.segmentKeys),
    status: z.enum(SURVEY_STATUSES),
    pass_mark: z.number().min(0).max(1).nullable(),
    campaign: z.number().int().positive().nullable(),
    schedule: surveyScheduleSchema.nullable(),
    closes_at: z.iso.datetime({ offset: true }).nullable(),
  })
  .partial();
export type UpdateSurvey = z.infer<typeof updateSurveySchema>;

export const surveyAnswersSchema = z.strictObject({
  /** Question name -> value, as SurveyJS's `survey.data` holds it. */
  answers: z.record(z.string(), z.unknown()),
});

/** A survey as the API shows it. */
export type SurveyView = {
  id: number;
  title: string;
  kind: SurveyKind;
  status: SurveyStatus;
  definition: Record<string, unknown>;
  anonymous: boolean;
  audience: unknown;
  segment_keys: SegmentKey[];
  pass_mark: number | null;
  campaign: number | null;
  schedule: SurveySchedule | null;
  closes_at: string | null;
  /** The round now open (1 for a one-off survey), null when none is. */
  current_round: number | null;
  /** Answers so far over all rounds, in the list (who took part is no secret; what they answered is). */
  responses?: number;
  created_at: string;
  updated_at: string;
};

/** What a respondent sees before answering: whether it is anonymous and what is kept with the answer. */
export type SurveyForRespondent = {
  id: number;
  title: string;
  kind: SurveyKind;
  definition: Record<string, unknown>;
  anonymous: boolean;
  /** Kept with the answer (for an anonymous survey: the only things kept). */
  segment_keys: SegmentKey[];
  is_quiz: boolean;
  round: number;
  campaign: number | null;
  closes_at: string | null;
  /** Whether the signed-in person has answered this round. */
  answered: boolean;
  /** Whether the round is open for answers now (false once the survey or round has closed). */
  open: boolean;
  /** Open, and not answered yet, or a quiz (not anonymous) the person failed and may take again. */
  can_answer: boolean;
};

/** The answer to POST /responses: a quiz tells the respondent their score at once. */
export type ResponseReceipt = {
  round: number;
  quiz?: { correct: number; questions: number; score: number; passed: boolean };
};

/** One question's figures in a group; null when the group is smaller than k. */
export type QuestionResult =
  | { type: 'choice'; counts: Record<string, number> | null }
  | { type: 'rating'; counts: Record<string, number> | null; mean: number | null }
  | { type: 'nps'; counts: Record<string, number> | null; enps: number | null }
  | { type: 'boolean'; counts: Record<string, number> | null }
  | { type: 'text'; answers: string[] | null }
  | { type: 'quiz'; correct: number | null; passed: number | null };

export type SegmentResult = {
  key: SegmentKey;
  value: string | null;
  /** null when fewer than k people answered in this group. */
  responses: number | null;
  enps?: number | null;
  questions: Record<string, QuestionResult> | null;
};

export type SurveyResults = {
  survey: number;
  round: number | 'all';
  k: number;
  responses: number;
  /** Promoters (9–10) minus detractors (0–6) as a share of all answers, ×100, of the survey's NPS question. */
  enps?: number | null;
  questions: Record<string, QuestionResult>;
  by_segment: SegmentResult[];
  /** Per round of a pulse: responses and eNPS (or the mean of the first rating question) over time. */
  trend: { round: number; opens_at: string; responses: number | null; enps: number | null; mean: number | null }[];
};
