// The segment-rule contract of DESIGN §3.2 shared by server and web: the rule shape, the fields a
// rule may name with their types and operators, limits, and the shapes of the audiences API.
import { z } from 'zod';
import { personCardSchema } from './people.js';

export const RULE_LIMITS = { depth: 32, nodes: 500, textValue: 10_000, listValue: 1_000 } as const;

export const FIELD_TYPES = ['text', 'number', 'date', 'list', 'boolean'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const OPS_BY_TYPE = {
  text: ['eq', 'neq', 'in', 'not_in', 'contains', 'starts_with', 'exists'],
  number: ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'between', 'exists'],
  date: ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'between', 'exists'],
  list: ['has', 'has_any', 'has_all', 'has_none', 'exists'],
  boolean: ['eq'],
} as const satisfies Record<FieldType, readonly string[]>;
export const ALL_OPS = [...new Set(Object.values(OPS_BY_TYPE).flat()), 'within'] as const;
export type RuleOp = (typeof OPS_BY_TYPE)[FieldType][number] | 'within';

export const ACTIVITY_TYPES = ['delivered', 'opened', 'clicked', 'acknowledged', 'quiz_passed', 'quiz_failed', 'responded', 'shared'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** Names of a custom attribute per interface language, as an admin labelled it (null: not labelled). */
export type FieldSpecLabels = { en: string | null; de: string | null; nl: string | null };

/**
 * A field a rule can name. `suggest`: the UI may offer existing values from the directory. `labels`:
 * how an admin named a custom attribute (built-in fields are named by the app).
 */
export type FieldSpec = { name: string; type: FieldType; derived: boolean; suggest: boolean; labels?: FieldSpecLabels };

/** Person fields and derived fields (DESIGN §3.1), in the order a picker shows them. */
export const RULE_FIELDS: readonly FieldSpec[] = [
  { name: 'department', type: 'text', derived: false, suggest: true },
  { name: 'function', type: 'text', derived: false, suggest: true },
  { name: 'job_title', type: 'text', derived: false, suggest: true },
  { name: 'job_level', type: 'text', derived: false, suggest: true },
  { name: 'location', type: 'text', derived: false, suggest: true },
  { name: 'region', type: 'text', derived: false, suggest: true },
  { name: 'country', type: 'text', derived: false, suggest: true },
  { name: 'language', type: 'text', derived: false, suggest: true },
  { name: 'time_zone', type: 'text', derived: false, suggest: true },
  { name: 'generation', type: 'text', derived: true, suggest: true },
  { name: 'cohorts', type: 'list', derived: true, suggest: true },
  { name: 'experience_level', type: 'text', derived: true, suggest: true },
  { name: 'tenure_years', type: 'number', derived: true, suggest: false },
  { name: 'years_experience', type: 'number', derived: true, suggest: false },
  { name: 'is_leader', type: 'boolean', derived: true, suggest: false },
  { name: 'direct_reports', type: 'number', derived: true, suggest: false },
  { name: 'birth_year', type: 'number', derived: false, suggest: false },
  { name: 'hire_date', type: 'date', derived: false, suggest: false },
  { name: 'career_start_year', type: 'number', derived: false, suggest: false },
  { name: 'social_maturity_stage', type: 'number', derived: false, suggest: false },
  { name: 'skills', type: 'list', derived: false, suggest: true },
  { name: 'interests', type: 'list', derived: false, suggest: true },
  { name: 'mentor_topics', type: 'list', derived: false, suggest: true },
  { name: 'learning_goals', type: 'list', derived: false, suggest: true },
  { name: 'languages', type: 'list', derived: false, suggest: true },
  { name: 'mentor_available', type: 'boolean', derived: false, suggest: false },
  { name: 'ambassador', type: 'boolean', derived: false, suggest: false },
  { name: 'manager', type: 'text', derived: false, suggest: false },
  { name: 'external_id', type: 'text', derived: false, suggest: false },
  { name: 'email', type: 'text', derived: false, suggest: false },
  { name: 'given_name', type: 'text', derived: false, suggest: false },
  { name: 'family_name', type: 'text', derived: false, suggest: false },
  { name: 'about', type: 'text', derived: false, suggest: false },
  { name: 'can_help_with', type: 'text', derived: false, suggest: false },
  { name: 'status', type: 'text', derived: false, suggest: false },
];

export const ATTRIBUTE_FIELD_PREFIX = 'attributes.';
export const ORG_FIELD = 'org';

/** The rule as JSON (DESIGN §3.2). The server validates it node by node; this is its typed form. */
export type Rule =
  | { all: Rule[] }
  | { any: Rule[] }
  | { not: Rule }
  | { field: string; op: RuleOp; value: unknown }
  | { activity: { type: ActivityType; campaign?: number | string; within_days?: number }; has: boolean }
  | { segment: string };

/** Anything JSON; the server's validator turns it into a Rule or a 400 naming the bad node. */
export const ruleJsonSchema = z.custom<Rule>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
  message: 'a rule is a JSON object',
  params: { code: 'validation.rule_not_object' },
});

export const SEGMENT_KEY_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
export const segmentKeySchema = z.string().regex(SEGMENT_KEY_PATTERN, 'a key is 1-64 lower-case letters, digits, "-" or "_"');

/**
 * A date in a rule or as the evaluation date: YYYY-MM-DD from 0001-01-01 to 9999-12-31, the years
 * PostgreSQL reads as written (it has no year 0000).
 */
export const ruleDateSchema = z.iso
  .date({ message: 'a date is written YYYY-MM-DD' })
  .refine((value) => !value.startsWith('0000-'), 'a date lies between 0001-01-01 and 9999-12-31 (there is no year 0)');

const isoDate = ruleDateSchema;

export const previewRequestSchema = z.object({
  rule: ruleJsonSchema,
  /** Evaluation date for derived fields and activity windows (UTC); default today. */
  as_of: isoDate.optional(),
});
export type PreviewRequest = z.infer<typeof previewRequestSchema>;

export const previewResponseSchema = z.object({
  count: z.number().int(),
  sample: z.array(personCardSchema).max(20),
});
export type PreviewResponse = z.infer<typeof previewResponseSchema>;

export const segmentInputSchema = z.object({
  key: segmentKeySchema,
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(4000).nullable().optional(),
  rule: ruleJsonSchema,
});
export type SegmentInput = z.infer<typeof segmentInputSchema>;

export const segmentSchema = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  rule: z.record(z.string(), z.unknown()),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Segment = z.infer<typeof segmentSchema>;

/** `GET /api/v1/audiences/fields`: every field a rule may name, with `attributes.<key>` and `org`. */
export const ruleFieldsSchema = z.object({
  fields: z.array(
    z.object({
      name: z.string(),
      type: z.enum(FIELD_TYPES),
      derived: z.boolean(),
      suggest: z.boolean(),
      labels: z.object({ en: z.string().nullable(), de: z.string().nullable(), nl: z.string().nullable() }).optional(),
    }),
  ),
  activity_types: z.array(z.string()),
});
export type RuleFields = z.infer<typeof ruleFieldsSchema>;

export const segmentListSchema = z.object({ items: z.array(segmentSchema) });

export const fieldValuesSchema = z.object({ values: z.array(z.object({ value: z.string(), count: z.number().int() })) });
export type FieldValues = z.infer<typeof fieldValuesSchema>;

const textList = z.array(z.string().trim().min(1).max(500)).max(50);

export const CHANNELS = ['email', 'feed', 'chat', 'intranet', 'mobile_app', 'sms', 'print', 'event', 'leader', 'podcast', 'video'] as const;

/** A persona: who they are, what they need, how to talk to them, and the rule that finds them. */
export const personaInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  /** An image URL (https) or an emoji/initials avatar. */
  avatar: z.string().trim().max(2000).nullable().optional(),
  description: z.string().trim().max(4000).nullable().optional(),
  motivations: textList.default([]),
  pain_points: textList.default([]),
  information_needs: textList.default([]),
  preferred_channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length).default([]),
  tone_of_voice: z.string().trim().max(1000).nullable().optional(),
  /** Default "what's in it for me" message for this persona. */
  wiifm: z.string().trim().max(4000).nullable().optional(),
  rule: ruleJsonSchema,
});
export type PersonaInput = z.input<typeof personaInputSchema>;

export const personaSchema = personaInputSchema.extend({
  id: z.number().int(),
  avatar: z.string().nullable(),
  description: z.string().nullable(),
  tone_of_voice: z.string().nullable(),
  wiifm: z.string().nullable(),
  rule: z.record(z.string(), z.unknown()),
  motivations: z.array(z.string()),
  pain_points: z.array(z.string()),
  information_needs: z.array(z.string()),
  preferred_channels: z.array(z.enum(CHANNELS)),
  updated_at: z.string(),
});
export type Persona = z.infer<typeof personaSchema>;

export const personaListSchema = z.object({ items: z.array(personaSchema) });

/** How many people each persona covers, how personas overlap, and who none covers. */
export const coverageSchema = z.object({
  total: z.number().int(),
  uncovered: z.number().int(),
  personas: z.array(z.object({ id: z.number().int(), name: z.string(), count: z.number().int() })),
  overlaps: z.array(z.object({ a: z.number().int(), b: z.number().int(), count: z.number().int() })),
});
export type Coverage = z.infer<typeof coverageSchema>;

export const touchpointSchema = z.object({
  channel: z.enum(CHANNELS),
  /** A campaign id once campaigns exist; free text until then. */
  campaign: z.string().trim().max(200).nullable().optional(),
  description: z.string().trim().max(1000).nullable().optional(),
});

export const journeyStageSchema = z.object({
  name: z.string().trim().min(1).max(200),
  touchpoints: z.array(touchpointSchema).max(20).default([]),
  does: z.string().trim().max(2000).nullable().optional(),
  thinks: z.string().trim().max(2000).nullable().optional(),
  feels: z.string().trim().max(2000).nullable().optional(),
  /** -2 (frustrated) … +2 (delighted): the emotion curve of the map. */
  mood: z.number().int().min(-2).max(2).default(0),
  pain_points: textList.default([]),
});

export const journeyMapSchema = z.object({ stages: z.array(journeyStageSchema).max(30) });
export type JourneyMap = z.output<typeof journeyMapSchema>;
export type JourneyMapInput = z.input<typeof journeyMapSchema>;
