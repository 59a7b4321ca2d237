// The skill-taxonomy administration contract shared by server and web: skills with labels and
// aliases, the free-typed "new tags" waiting for review, the review actions, merges and the audit.
import { z } from 'zod';
import { hashtagListSchema, hashtagSchema } from './people.js';

export const SKILL_LIMITS = { label: 100, category: 64, aliases: 50, pageSize: 200, newTags: 500 } as const;

const label = z.string().trim().min(1, 'a label cannot be empty').max(SKILL_LIMITS.label);

/** The skill's name in each interface language. */
export const skillLabelsSchema = z.object({ en: label, de: label, nl: label }).strict();
export type SkillLabels = z.infer<typeof skillLabelsSchema>;

const aliasesSchema = hashtagListSchema.pipe(z.array(z.string()).max(SKILL_LIMITS.aliases, `at most ${SKILL_LIMITS.aliases} aliases`));

/** `POST /api/v1/skills`: approve a tag (new or free-typed) as a curated skill. */
export const skillCreateSchema = z
  .object({
    /** The canonical hashtag. */
    tag: hashtagSchema,
    labels: skillLabelsSchema,
    /** Other hashtags meaning the same skill (German and Dutch forms, spellings, synonyms). */
    aliases: aliasesSchema.default([]),
    category: z.string().trim().max(SKILL_LIMITS.category).nullable().optional(),
  })
  .strict();
export type SkillCreate = z.input<typeof skillCreateSchema>;

/** `PATCH /api/v1/skills/:tag`: what is sent is replaced (the whole alias list when `aliases` is sent). */
export const skillUpdateSchema = z
  .object({
    labels: skillLabelsSchema.optional(),
    aliases: aliasesSchema.optional(),
    category: z.string().trim().max(SKILL_LIMITS.category).nullable().optional(),
  })
  .strict();
export type SkillUpdate = z.input<typeof skillUpdateSchema>;

/** `POST /api/v1/skills/:tag/merge`: the skill `:tag` becomes part of `into`. */
export const skillMergeSchema = z.object({ into: hashtagSchema }).strict();

/** `POST /api/v1/skills/new-tags/:tag/alias`: a free-typed tag becomes an alias of `skill`. */
export const newTagAliasSchema = z
  .object({
    skill: hashtagSchema,
    /** Also replace the tag on every profile (and its endorsements) by the skill's canonical tag. */
    rewrite_profiles: z.boolean().default(false),
  })
  .strict();
export type NewTagAlias = z.input<typeof newTagAliasSchema>;

export const skillSchema = z.object({
  tag: z.string(),
  labels: z.object({ en: z.string(), de: z.string(), nl: z.string() }),
  aliases: z.array(z.string()),
  category: z.string().nullable(),
  /** People who list the tag as a skill, mentoring topic or learning goal. */
  people: z.number().int(),
});
export type Skill = z.infer<typeof skillSchema>;

export const skillsQuerySchema = z.object({
  /** Part of a tag, alias or label. */
  q: z.string().trim().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(SKILL_LIMITS.pageSize).default(50),
  /** The `next_cursor` of the previous page. */
  cursor: z.string().max(64).optional(),
});

export const skillsPageSchema = z.object({ skills: z.array(skillSchema), next_cursor: z.string().nullable() });
export type SkillsPage = z.infer<typeof skillsPageSchema>;

export const NEW_TAG_SUGGESTIONS = ['alias', 'approve', 'ignore'] as const;
export type NewTagSuggestion = (typeof NEW_TAG_SUGGESTIONS)[number];

export const newTagSchema = z.object({
  tag: z.string(),
  /** People who use it on their profile. */
  people: z.number().int(),
  /** The most similar existing skills (trigram similarity of tag, alias or label, 0..1), best first. */
  closest: z.array(z.object({ tag: z.string(), matched: z.string(), similarity: z.number() })),
  /** What the reviewer probably wants: alias of `suggested_skill`, approve when many use it, else ignore. */
  suggestion: z.enum(NEW_TAG_SUGGESTIONS),
  /** The skill to make it an alias of: a typo or other spelling of it, or the closest skill when close enough. */
  suggested_skill: z.string().nullable(),
});
export type NewTag = z.infer<typeof newTagSchema>;

export const newTagsQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(SKILL_LIMITS.newTags).default(100) });
export const newTagsSchema = z.object({ new_tags: z.array(newTagSchema), total: z.number().int() });

export const mergeResultSchema = z.object({
  skill: skillSchema,
  /** Profiles and endorsements whose hashtag was rewritten (0 when repeated). */
  profiles_rewritten: z.number().int(),
  endorsements_rewritten: z.number().int(),
});
export type MergeResult = z.infer<typeof mergeResultSchema>;

export const SKILL_AUDIT_ACTIONS = ['approve', 'alias', 'merge', 'edit', 'ignore'] as const;

export const skillAuditEntrySchema = z.object({
  id: z.number().int(),
  action: z.enum(SKILL_AUDIT_ACTIONS),
  tag: z.string(),
  target: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  actor: z.object({ kind: z.enum(['user', 'token']), id: z.number().int(), name: z.string() }),
  created_at: z.string(),
});
export const skillAuditSchema = z.object({ entries: z.array(skillAuditEntrySchema) });
