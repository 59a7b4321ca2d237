// Response shapes of the expertise API for the web app, tolerant of older servers where noted.
import { z } from 'zod';
import { endorsementsSchema, expertResultSchema, reasonCodeSchema } from '../../../shared/expertise';

/**
 * `available` is new: answers from servers that predate it leave it out, which means "available".
 * `reason_codes` is new too: without it no reason is shown (the English `reasons` never are).
 */
export const expertResultViewSchema = expertResultSchema.extend({
  person: expertResultSchema.shape.person.extend({ available: z.boolean().optional() }),
  reason_codes: z.array(reasonCodeSchema).default([]),
});
export type ExpertResultView = z.infer<typeof expertResultViewSchema>;

export const expertsAnswerSchema = z.object({ results: z.array(expertResultViewSchema) });

export const skillSuggestionsSchema = z.object({
  suggestions: z.array(z.object({ tag: z.string(), label: z.string(), matched: z.string() })),
});
export type SkillSuggestion = z.infer<typeof skillSuggestionsSchema>['suggestions'][number];

export { endorsementsSchema };
export type Endorsements = z.infer<typeof endorsementsSchema>;
