// How the web app reads the surveys API (DESIGN §3.8, src/shared/dialogue.ts): zod schemas for the
// answers it parses, checked against the contract's types so drift fails the build, not the screen.
import { z } from 'zod';
import { SURVEY_KINDS } from '../../../shared/dialogue';
import { surveyResultsSchema } from '../../../shared/survey-results';
import { receiptSchema, respondentSurveySchema, surveyViewSchema } from '../../../shared/survey-views';
import type { SurveyResults } from '../../../shared/dialogue';

export { receiptSchema, respondentSurveySchema, surveyViewSchema };

/** A row of the list: the survey and, when the server counts them, its responses. */
export const surveyListItemSchema = surveyViewSchema.partial({ definition: true, audience: true }).extend({
  responses: z.number().nullable().optional(),
});
export type SurveyListItem = z.infer<typeof surveyListItemSchema>;

export const surveyListSchema = z.object({ items: z.array(surveyListItemSchema), next_cursor: z.string().nullable().optional() });

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

/** The results as the server sends them (its own response schema). */
export const resultsSchema = surveyResultsSchema satisfies z.ZodType<SurveyResults>;
