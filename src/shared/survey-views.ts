// Response schemas of the survey routes: the server's OpenAPI document and serializer, and the web's
// parsing of what it reads, from one place; each checked by the compiler against src/shared/dialogue.ts.
import { z } from 'zod';
import {
  SEGMENT_KEYS,
  SURVEY_KINDS,
  SURVEY_STATUSES,
  surveyScheduleSchema,
  type ResponseReceipt,
  type SurveyForRespondent,
  type SurveyView,
} from './dialogue.js';

const definition = z.record(z.string(), z.unknown()).describe('SurveyJS JSON');

export const surveyViewSchema = z.object({
  id: z.number(),
  title: z.string(),
  kind: z.enum(SURVEY_KINDS),
  status: z.enum(SURVEY_STATUSES),
  definition,
  anonymous: z.boolean(),
  audience: z.unknown(),
  segment_keys: z.array(z.enum(SEGMENT_KEYS)),
  pass_mark: z.number().nullable(),
  campaign: z.number().nullable(),
  schedule: surveyScheduleSchema.nullable(),
  closes_at: z.string().nullable(),
  current_round: z.number().nullable(),
  responses: z.number().optional().describe('Answers so far over all rounds (in the list)'),
  created_at: z.string(),
  updated_at: z.string(),
}) satisfies z.ZodType<SurveyView>;

export const surveyListSchema = z.object({ items: z.array(surveyViewSchema), next_cursor: z.string().nullable() });

export const respondentSurveySchema = z.object({
  id: z.number(),
  title: z.string(),
  kind: z.enum(SURVEY_KINDS),
  definition,
  anonymous: z.boolean(),
  segment_keys: z.array(z.enum(SEGMENT_KEYS)),
  is_quiz: z.boolean(),
  round: z.number(),
  campaign: z.number().nullable(),
  closes_at: z.string().nullable(),
  answered: z.boolean(),
  open: z.boolean().describe('Whether the round is open for answers now'),
  can_answer: z.boolean().describe('Open, and not answered yet (or a quiz the person failed and may take again)'),
}) satisfies z.ZodType<SurveyForRespondent>;

export const openSurveysSchema = z.object({ items: z.array(respondentSurveySchema) });

export const receiptSchema = z.object({
  round: z.number(),
  quiz: z.object({ correct: z.number(), questions: z.number(), score: z.number(), passed: z.boolean() }).optional(),
}) satisfies z.ZodType<ResponseReceipt>;
