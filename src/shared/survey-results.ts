// The query of a survey's results (GET /api/v1/surveys/:id/results and results.csv, ADR 0029), shared by
// server and web; the results themselves are `SurveyResults` of dialogue.ts.
import { z } from 'zod';
import { SEGMENT_KEYS, type SegmentKey } from './dialogue.js';

export const surveyResultsQuerySchema = z.strictObject({
  /** A round's number, or `all` (default) for every round together. */
  round: z
    .string()
    .max(12)
    .default('all')
    .transform((value, ctx) => {
      if (value === 'all') return 'all' as const;
      const n = Number(value);
      if (/^[1-9]\d{0,8}$/.test(value)) return n;
      ctx.addIssue({ code: 'custom', message: 'round is a round number or all', params: { code: 'survey_results.bad_round' } });
      return z.NEVER;
    }),
  /** Comma-separated segment keys to break down by, e.g. `generation,department` (default: every key the survey keeps). */
  by: z
    .string()
    .max(200)
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined;
      const parts = [
        ...new Set(
          value
            .split(',')
            .map((p) => p.trim())
            .filter(Boolean),
        ),
      ];
      const unknown = parts.find((p) => !(SEGMENT_KEYS as readonly string[]).includes(p));
      if (unknown !== undefined) {
        ctx.addIssue({ code: 'custom', message: `by names ${SEGMENT_KEYS.join(', ')}`, params: { code: 'survey_results.segment_not_kept', key: unknown } });
        return z.NEVER;
      }
      return parts as SegmentKey[];
    }),
});
export type SurveyResultsQuery = z.infer<typeof surveyResultsQuerySchema>;

const counts = z.record(z.string(), z.number()).nullable();

/** One question's figures in a group (`QuestionResult` of dialogue.ts); null figures when the group is hidden. */
export const questionResultSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('choice'), counts }),
  z.object({ type: z.literal('rating'), counts, mean: z.number().nullable() }),
  z.object({ type: z.literal('nps'), counts, enps: z.number().nullable() }),
  z.object({ type: z.literal('boolean'), counts }),
  z.object({ type: z.literal('text'), answers: z.array(z.string()).nullable() }),
  z.object({ type: z.literal('quiz'), correct: z.number().nullable(), passed: z.number().nullable() }),
]);

/** `SurveyResults` of dialogue.ts as a schema: the route's response (its handler is type-checked against it) and what the web parses. */
export const surveyResultsSchema = z.object({
  survey: z.number(),
  round: z.union([z.number(), z.literal('all')]),
  k: z.number(),
  responses: z.number(),
  enps: z.number().nullable().optional(),
  questions: z.record(z.string(), questionResultSchema),
  by_segment: z.array(
    z.object({
      key: z.enum(SEGMENT_KEYS),
      value: z.string().nullable(),
      responses: z.number().nullable(),
      enps: z.number().nullable().optional(),
      questions: z.record(z.string(), questionResultSchema).nullable(),
    }),
  ),
  trend: z.array(
    z.object({ round: z.number(), opens_at: z.string(), responses: z.number().nullable(), enps: z.number().nullable(), mean: z.number().nullable() }),
  ),
});
