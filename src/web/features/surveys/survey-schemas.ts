// How the web app reads the surveys API (DESIGN §3.8, src/shared/dialogue.ts): zod schemas for the
// answers it parses, checked against the contract's types so drift fails the build, not the screen.
import { z } from 'zod';
import { SEGMENT_KEYS, SURVEY_KINDS, SURVEY_STATUSES, REPEAT_EVERY } from '../../../shared/dialogue';
import { surveyResultsSchema } from '../../../shared/survey-results';
import type { ResponseReceipt, SurveyForRespondent, SurveyResults, SurveyView } from '../../../shared/dialogue';

const definition = z.record(z.string(), z.unknown());
const segmentKeys = z.array(z.enum(SEGMENT_KEYS));

export const surveyViewSchema = z.object({
  id: z.number(),
  title: z.string(),
  kind: z.enum(SURVEY_KINDS),
  status: z.enum(SURVEY_STATUSES),
  definition,
  anonymous: z.boolean(),
  audience: z.unknown(),
  segment_keys: segmentKeys,
  pass_mark: z.number().nullable(),
  campaign: z.number().nullable(),
  schedule: z
    .object({
      every: z.enum(REPEAT_EVERY),
      starts_at: z.string(),
      until: z.string().optional(),
      reminder_after_hours: z.number().optional(),
    })
    .nullable(),
  closes_at: z.string().nullable(),
  current_round: z.number().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
}) satisfies z.ZodType<SurveyView>;

/** A row of the list: the survey and, when the server counts them, its responses. */
export const surveyListItemSchema = surveyViewSchema.partial({ definition: true, audience: true }).extend({
  responses: z.number().nullable().optional(),
});
export type SurveyListItem = z.infer<typeof surveyListItemSchema>;

export const surveyListSchema = z.object({ items: z.array(surveyListItemSchema), next_cursor: z.string().nullable().optional() });

export const respondentSurveySchema = z.object({
  id: z.number(),
  title: z.string(),
  kind: z.enum(SURVEY_KINDS),
  definition,
  anonymous: z.boolean(),
  segment_keys: segmentKeys,
  is_quiz: z.boolean(),
  round: z.number(),
  campaign: z.number().nullable(),
  closes_at: z.string().nullable(),
  answered: z.boolean(),
  /** Whether the round takes answers now, and whether this person may answer (not yet, or a quiz failed). */
  open: z.boolean(),
  can_answer: z.boolean(),
}) satisfies z.ZodType<SurveyForRespondent>;

export type RespondentSurvey = z.infer<typeof respondentSurveySchema>;

/** A survey open to the signed-in person, for the feed; `campaign` places it under its campaign's message. */
export const openSurveySchema = z.object({
  id: z.number(),
  title: z.string(),
  kind: z.enum(SURVEY_KINDS),
  campaign: z.number().nullable(),
  closes_at: z.string().nullable().optional(),
  anonymous: z.boolean().optional(),
  is_quiz: z.boolean().optional(),
  answered: z.boolean().optional(),
  can_answer: z.boolean().optional(),
});
export type OpenSurvey = z.infer<typeof openSurveySchema>;
export const openSurveysSchema = z.object({ items: z.array(openSurveySchema) });

export const receiptSchema = z.object({
  round: z.number(),
  quiz: z.object({ correct: z.number(), questions: z.number(), score: z.number(), passed: z.boolean() }).optional(),
}) satisfies z.ZodType<ResponseReceipt>;

/** The results as the server sends them (its own response schema). */
export const resultsSchema = surveyResultsSchema satisfies z.ZodType<SurveyResults>;
