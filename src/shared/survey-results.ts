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
