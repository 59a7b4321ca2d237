// The community contract shared by server and web: help requests (inbox and detail), kudos, mentor
// suggestions, ambassadors, availability, and contributions written in the product (DESIGN §3.6).
import { z } from 'zod';
import { reasonCodeSchema } from './expertise.js';
import { hashtagListSchema, personCardSchema } from './people.js';

export const COMMUNITY_LIMITS = {
  question: 4000,
  message: 8000,
  kudos: 1000,
  availabilityNote: 500,
  contributionTitle: 200,
  contributionBody: 20_000,
  contributionTags: 10,
  pageSize: 100,
} as const;

/** Someone named in a request or a kudos; `display_name` is null when the person no longer exists. */
const personRefSchema = z.object({ id: z.number().int(), display_name: z.string().nullable() });

export const HELP_STATUSES = ['open', 'accepted', 'resolved', 'cancelled'] as const;
export type HelpStatus = (typeof HELP_STATUSES)[number];
export const INVITATION_STATUSES = ['invited', 'accepted', 'declined', 'closed'] as const;

/** One page query: an opaque cursor from the previous page's `next_cursor`, and a page size. */
export const pageQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(COMMUNITY_LIMITS.pageSize).default(20),
});

/** One line of my help inbox: a request I asked, or one I was invited to or took. */
export const helpInboxItemSchema = z.object({
  id: z.number().int(),
  question: z.string(),
  status: z.enum(HELP_STATUSES),
  /** `asker`: I asked; `expert`: I was invited (see `my_invitation`). */
  role: z.enum(['asker', 'expert']),
  /** My invitation's status when I am an invited expert, else null. */
  my_invitation: z.enum(INVITATION_STATUSES).nullable(),
  asker: personRefSchema,
  expert: personRefSchema.nullable(),
  message_count: z.number().int(),
  created_at: z.string(),
  resolved_at: z.string().nullable(),
});
export type HelpInboxItem = z.infer<typeof helpInboxItemSchema>;

export const helpInboxSchema = z.object({ items: z.array(helpInboxItemSchema), next_cursor: z.string().nullable() });
export type HelpInbox = z.infer<typeof helpInboxSchema>;

/** A help request as its asker and invited experts see it. */
export const helpRequestSchema = z.object({
  id: z.number().int(),
  question: z.string(),
  status: z.enum(HELP_STATUSES),
  asker: personRefSchema,
  expert: personRefSchema.nullable(),
  /** Who was invited and why: `reasons` in English, `reason_codes` for the web to word (empty for invitations before migration 0014). */
  invitations: z.array(
    z.object({ expert: personRefSchema, status: z.enum(INVITATION_STATUSES), reasons: z.array(z.string()), reason_codes: z.array(reasonCodeSchema) }),
  ),
  messages: z.array(z.object({ author: personRefSchema, body: z.string(), created_at: z.string() })),
  /** Whether the asker has thanked the expert for this request. */
  thanked: z.boolean(),
  /**
   * What the resolved request left as evidence of the expert's knowledge: `public` (the question and
   * answers, on the expert's profile and in search), `private` (counts towards ranking, no text kept),
   * or null (not resolved, or withdrawn). Either party may withdraw it: DELETE /api/v1/contributions/{id}.
   */
  evidence: z.object({ id: z.number().int(), visibility: z.enum(['public', 'private']) }).nullable(),
  created_at: z.string(),
});
export type HelpRequest = z.infer<typeof helpRequestSchema>;

export const helpRequestInputSchema = z.object({ question: z.string().trim().min(1).max(COMMUNITY_LIMITS.question) }).strict();
export const helpMessageInputSchema = z.object({ body: z.string().trim().min(1).max(COMMUNITY_LIMITS.message) }).strict();
export const thanksInputSchema = z.object({ message: z.string().trim().min(1).max(COMMUNITY_LIMITS.kudos) }).strict();
/** Resolving: only the asker's explicit choice publishes the question and answers; private otherwise. */
export const helpResolveInputSchema = z.object({ publish: z.boolean().default(false) }).strict();

export const kudosInputSchema = z
  .object({
    /** The person thanked (their id). */
    to: z.number().int().positive(),
    message: z.string().trim().min(1).max(COMMUNITY_LIMITS.kudos),
    /** A hashtag the kudos is for, optional. */
    skill: z.string().trim().max(64).nullable().optional(),
  })
  .strict();

export const kudosSchema = z.object({
  id: z.number().int(),
  from: personRefSchema,
  to: z.number().int(),
  message: z.string(),
  skill: z.string().nullable(),
  help_request_id: z.number().int().nullable(),
  created_at: z.string(),
});
export type Kudos = z.infer<typeof kudosSchema>;
export const kudosListSchema = z.object({ kudos: z.array(kudosSchema) });

export const mentorSuggestionsSchema = z.object({
  /** True in the first 90 days after the hire date. */
  newcomer: z.boolean(),
  mentors: z.array(z.object({ person: personCardSchema, topics: z.array(z.string()), reasons: z.array(z.string()), reason_codes: z.array(reasonCodeSchema) })),
});
export type MentorSuggestions = z.infer<typeof mentorSuggestionsSchema>;

export const ambassadorsSchema = z.object({ ambassadors: z.array(personCardSchema) });

/** Whether I can be asked for help now; everyone is available until they say otherwise. */
export const myAvailabilitySchema = z.object({ available: z.boolean(), note: z.string().nullable() });
export type MyAvailability = z.infer<typeof myAvailabilitySchema>;

/** Kinds of contribution people write in the product; the others come from imports and help requests. */
export const WRITTEN_CONTRIBUTION_KINDS = ['post', 'document'] as const;

/** A post or document written in the product: evidence of what its author knows, like imported ones. */
export const contributionCreateSchema = z
  .object({
    kind: z.enum(WRITTEN_CONTRIBUTION_KINDS),
    title: z.string().trim().min(1).max(COMMUNITY_LIMITS.contributionTitle),
    body: z.string().trim().min(1).max(COMMUNITY_LIMITS.contributionBody),
    tags: hashtagListSchema.pipe(z.array(z.string()).max(COMMUNITY_LIMITS.contributionTags)).default([]),
    /** BCP 47 primary language (en, de, nl…); detected from the text when absent. */
    language: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
      .nullable()
      .optional(),
  })
  .strict();
export type ContributionCreate = z.input<typeof contributionCreateSchema>;
/** A validated contribution to store (tags normalised). */
export type ContributionDraft = z.output<typeof contributionCreateSchema>;

/** Where a contribution came from: written here, a resolved help request, or an import. */
export const CONTRIBUTION_SOURCES = ['written', 'help', 'imported'] as const;

export const contributionSchema = z.object({
  id: z.number().int(),
  person_id: z.number().int(),
  kind: z.string(),
  title: z.string(),
  /** The start of the body; `truncated` says whether there is more. */
  excerpt: z.string(),
  truncated: z.boolean(),
  tags: z.array(z.string()),
  language: z.string(),
  url: z.string().nullable(),
  accepted: z.boolean().nullable(),
  source: z.enum(CONTRIBUTION_SOURCES),
  /**
   * True when the signed-in person may delete it: their own, written in the product, or the published
   * evidence of a help request they asked or answered (deleting withdraws it).
   */
  deletable: z.boolean(),
  created_at: z.string(),
});
export type Contribution = z.infer<typeof contributionSchema>;

export const contributionsPageSchema = z.object({ items: z.array(contributionSchema), next_cursor: z.string().nullable() });
export type ContributionsPage = z.infer<typeof contributionsPageSchema>;
