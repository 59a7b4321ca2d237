// Response shapes of the audiences API that src/shared/audiences.ts does not (yet) export as schemas.
import { z } from 'zod';
import { FIELD_TYPES, personaSchema, segmentSchema } from '../../../shared/audiences';
import { personCardSchema } from '../../../shared/people';

/** GET /audiences/fields: every field a rule may name, including `attributes.<key>` and `org`. */
export const ruleFieldsSchema = z.object({
  fields: z.array(
    z.object({
      name: z.string(),
      type: z.enum(FIELD_TYPES),
      derived: z.boolean().default(false),
      suggest: z.boolean().default(false),
    }),
  ),
  activity_types: z.array(z.string()).default([]),
});
export type RuleFields = z.infer<typeof ruleFieldsSchema>;

export const segmentListSchema = z.object({ items: z.array(segmentSchema) });

export const segmentMembersPageSchema = z.object({
  items: z.array(personCardSchema),
  next_cursor: z.string().nullable(),
});

export const personaListSchema = z.object({ items: z.array(personaSchema) });
