// The expertise contract of DESIGN §3.6 shared by server and web: contributions as imported, and the
// expert-search request and answer.
import { z } from 'zod';
import { hashtagListSchema } from './people.js';

export const CONTRIBUTION_KINDS = ['answer', 'question', 'document', 'post', 'help'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

/** One line of a contributions JSON Lines file: evidence of what `person` knows. */
export const contributionInputSchema = z
  .object({
    /** Unique id of the contribution in its source system; the upsert key. */
    external_id: z.string().trim().min(1).max(200),
    /** external_id or e-mail of the author. */
    person: z.string().trim().min(1).max(320),
    kind: z.enum(CONTRIBUTION_KINDS),
    title: z.string().trim().max(1000).default(''),
    body: z.string().max(200_000).default(''),
    tags: hashtagListSchema.default([]),
    /** BCP 47 primary language (en, de, nl…); detected from the text when absent. */
    language: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
      .nullable()
      .optional(),
    created_at: z
      .union([z.iso.datetime({ offset: true }), z.iso.date()])
      .refine((value) => !value.startsWith('0000-'), 'a date lies between 0001-01-01 and 9999-12-31 (there is no year 0)'),
    /** A 32-bit integer (votes, likes). */
    score: z.number().int().min(-2_147_483_648).max(2_147_483_647).nullable().optional(),
    accepted: z.boolean().nullable().optional(),
    url: z.url().max(2000).nullable().optional(),
  })
  .strict();
export type ContributionInput = z.input<typeof contributionInputSchema>;

export const expertsQuerySchema = z.object({
  q: z.string().trim().min(1, 'type what you need help with').max(2000),
  limit: z.coerce.number().int().min(1).max(100).default(10),
  department: z.string().trim().max(200).optional(),
  location: z.string().trim().max(200).optional(),
  /** A language the expert speaks (their primary language or one of their languages). */
  language: z.string().trim().toLowerCase().max(35).optional(),
  /** Only people available to mentor. */
  mentor: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type ExpertsQuery = z.output<typeof expertsQuerySchema>;

/**
 * Why someone was found, as a code with parameters the web app words in the reader's language:
 * `skill` {tag}, `skill_endorsed` {tag, count}, `profile_text`, `contribution` {kind, title},
 * `related_contributions` {count}, `related_contributions_accepted` {count, accepted}, `helped_privately`
 * (help evidence its asker kept private: nothing to quote),
 * `contributions` {count}, `unavailable`; for mentors `mentors` {tag} and `same_location` {location}.
 */
export const REASON_CODES = [
  'skill',
  'skill_endorsed',
  'profile_text',
  'contribution',
  'related_contributions',
  'related_contributions_accepted',
  'helped_privately',
  'contributions',
  'unavailable',
  'mentors',
  'same_location',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** A reason as the server builds it; `reasons` holds the same in English, in the same order. */
export type CodedReason = { code: ReasonCode; params: Record<string, string | number> };

/** Read leniently: a code this web app does not know yet is skipped, not a broken response. */
export const reasonCodeSchema = z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) });
export type ReasonCodeView = z.infer<typeof reasonCodeSchema>;

export function isReasonCode(value: unknown): value is ReasonCode {
  return typeof value === 'string' && (REASON_CODES as readonly string[]).includes(value);
}

export const expertResultSchema = z.object({
  person: z.object({
    id: z.number().int(),
    external_id: z.string(),
    display_name: z.string(),
    job_title: z.string().nullable(),
    department: z.string().nullable(),
    location: z.string().nullable(),
    skills: z.array(z.string()),
    mentor_available: z.boolean(),
    ambassador: z.boolean(),
    /** False when the person said they cannot be asked for help now; they rank after everyone available. */
    available: z.boolean(),
  }),
  score: z.number(),
  /** Why this person ranks here, in plain English words ("#excel-dashboards", "answered \"How do I pivot?\""). */
  reasons: z.array(z.string()),
  /** The same reasons as codes with parameters, for a reader in another language (DESIGN §3.6 keeps `reasons`). */
  reason_codes: z.array(reasonCodeSchema),
});
export type ExpertResult = z.infer<typeof expertResultSchema>;

export const expertsResponseSchema = z.object({ results: z.array(expertResultSchema) });
export type ExpertsResponse = z.infer<typeof expertsResponseSchema>;

export const endorsementInputSchema = z.object({ skill: z.string().trim().min(1).max(64) }).strict();

export const endorsementsSchema = z.object({
  endorsements: z.array(z.object({ skill: z.string(), count: z.number().int(), endorsed_by_me: z.boolean() })),
});

export const availabilitySchema = z.object({ available: z.boolean(), note: z.string().trim().max(500).nullable().optional() }).strict();
