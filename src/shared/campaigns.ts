// The campaign contract of DESIGN §3.3 shared by server and web: a campaign's audience, variants with
// content per language, follow-ups and leader cascade, the Liquid variables a template may use, and
// the shapes of the campaigns API. Field names are fixed by the contract; more fields are welcome.
import { z } from 'zod';

export const CAMPAIGN_KINDS = ['announcement', 'must_read'] as const;
export const CHANNELS = ['email', 'feed', 'chat'] as const;
export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'sending', 'sent', 'cancelled', 'paused'] as const;
export const TRACKING_MODES = ['individual', 'aggregate', 'off'] as const;
export const FOLLOW_UP_CONDITIONS = ['not_opened', 'not_clicked', 'not_acknowledged', 'quiz_not_passed', 'not_responded'] as const;
export type FollowUpCondition = (typeof FOLLOW_UP_CONDITIONS)[number];

export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export type Channel = (typeof CHANNELS)[number];
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CAMPAIGN_LIMITS = {
  name: 200,
  variants: 20,
  followUps: 10,
  key: 64,
  subject: 250,
  preheader: 250,
  body: 100_000,
  wiifm: 2_000,
  ctaLabel: 80,
  url: 2_000,
  talkingPoints: 20_000,
  afterHours: 24 * 90,
  /** Other subject lines a subject test tries beside the content's own. */
  subjectAlternatives: 3,
  /** A subject test decides at most this long after the test share went out. */
  decideAfterHours: 24 * 7,
} as const;

/**
 * Person fields a template may show (`{{ person.given_name }}`, also under `person.manager`): what a
 * colleague may read in the directory, never HR fields such as birth year or hire date.
 */
export const TEMPLATE_PERSON_FIELDS = [
  'given_name',
  'family_name',
  'display_name',
  'email',
  'department',
  'function',
  'job_title',
  'location',
  'region',
  'country',
  'language',
] as const;
export const TEMPLATE_CAMPAIGN_FIELDS = ['name'] as const;

/** Every variable a template may name, as a picker lists them. */
export const TEMPLATE_VARIABLES: readonly string[] = [
  ...TEMPLATE_PERSON_FIELDS.map((f) => `person.${f}`),
  ...TEMPLATE_PERSON_FIELDS.map((f) => `person.manager.${f}`),
  ...TEMPLATE_CAMPAIGN_FIELDS.map((f) => `campaign.${f}`),
];

/** A lower-case BCP 47 language tag content is keyed by (`de`, `en`, `nl`, `de-at`). */
export const contentLanguageSchema = z.string().regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/, 'a language is a lower-case BCP 47 tag such as de or en-gb');

/** A topic's key: lower-case letters, digits, - and _ (it appears in links and in the campaign contract). */
export const topicKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'a key is lower-case letters, digits, - and _')
  .max(64);

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();

/** One variant's message in one language. Texts are Liquid templates; the body is Markdown. */
export const variantContentSchema = z.strictObject({
  subject: text(CAMPAIGN_LIMITS.subject).min(1),
  preheader: optionalText(CAMPAIGN_LIMITS.preheader),
  body: text(CAMPAIGN_LIMITS.body).min(1),
  /** "What's in it for me": one or two sentences shown above the body. */
  wiifm: optionalText(CAMPAIGN_LIMITS.wiifm),
  cta_label: optionalText(CAMPAIGN_LIMITS.ctaLabel),
  cta_url: z
    .url({ protocol: /^https?$/ })
    .max(CAMPAIGN_LIMITS.url)
    .nullable()
    .optional(),
});
export type VariantContent = z.output<typeof variantContentSchema>;

/** A variant's audience: a segment rule (DESIGN §3.2) or a persona, whose rule is used. */
export const variantAudienceSchema = z.union([z.strictObject({ persona: z.number().int().positive() }), z.record(z.string(), z.unknown())]);

/**
 * An A/B test of subject lines inside a variant (ADR 0021): `share_percent` of the variant's e-mail
 * recipients get one of the subjects (the content's own is option 0, the alternatives 1, 2, 3) at
 * random, the rest get the winner by unique open rate `decide_after_hours` later.
 */
export const subjectTestInputSchema = z.strictObject({
  /** Per language, the subject lines tried beside the content's own; the same count in every language. */
  subjects: z.record(contentLanguageSchema, z.array(text(CAMPAIGN_LIMITS.subject).min(1)).min(1).max(CAMPAIGN_LIMITS.subjectAlternatives)),
  share_percent: z.number().int().min(2).max(50).default(20),
  decide_after_hours: z.number().int().min(1).max(CAMPAIGN_LIMITS.decideAfterHours).default(4),
});
export type SubjectTest = z.output<typeof subjectTestInputSchema>;

export const variantInputSchema = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'a key is lower-case letters, digits, - and _')
    .max(CAMPAIGN_LIMITS.key),
  default: z.boolean().default(false),
  audience: variantAudienceSchema.nullable().optional(),
  channels: z.array(z.enum(CHANNELS)).min(1).max(CHANNELS.length),
  content: z.record(contentLanguageSchema, variantContentSchema),
  subject_test: subjectTestInputSchema.nullable().optional(),
});

export const followUpInputSchema = z.strictObject({
  after_hours: z.number().int().min(1).max(CAMPAIGN_LIMITS.afterHours),
  condition: z.enum(FOLLOW_UP_CONDITIONS),
  subject: z.record(contentLanguageSchema, text(CAMPAIGN_LIMITS.subject).min(1)),
  /** Channels the reminder goes out on; the variant's channels when absent. */
  channels: z.array(z.enum(CHANNELS)).min(1).max(CHANNELS.length).optional(),
  /** How often at most this follow-up is sent to one person. */
  max_sends: z.number().int().min(1).max(5).default(1),
});

export const cascadeInputSchema = z.strictObject({
  deadline: z.iso.datetime({ offset: true }),
  talking_points: z.record(contentLanguageSchema, text(CAMPAIGN_LIMITS.talkingPoints).min(1)),
});

export const campaignInputSchema = z.strictObject({
  name: text(CAMPAIGN_LIMITS.name).min(1),
  kind: z.enum(CAMPAIGN_KINDS).default('announcement'),
  audience: z.record(z.string(), z.unknown()),
  default_language: contentLanguageSchema,
  tracking: z.enum(TRACKING_MODES).nullable().optional(),
  /** Must-reads: acknowledge by then. */
  acknowledge_by: z.iso.datetime({ offset: true }).nullable().optional(),
  variants: z.array(variantInputSchema).min(1).max(CAMPAIGN_LIMITS.variants),
  follow_ups: z.array(followUpInputSchema).max(CAMPAIGN_LIMITS.followUps).default([]),
  cascade: cascadeInputSchema.nullable().default(null),
  /**
   * The topic the campaign belongs to (a topic's key): people who unsubscribed from it do not get an
   * announcement, and its mail carries a one-click unsubscribe. Must-reads reach everyone.
   */
  topic: topicKeySchema.nullable().optional(),
});
export type CampaignInput = z.input<typeof campaignInputSchema>;
export type CampaignValues = z.output<typeof campaignInputSchema>;

const variantSchema = z.object({
  key: z.string(),
  default: z.boolean(),
  audience: z.union([z.object({ persona: z.number() }), z.record(z.string(), z.unknown())]).nullable(),
  channels: z.array(z.enum(CHANNELS)),
  content: z.record(z.string(), variantContentSchema),
  subject_test: z
    .object({ subjects: z.record(z.string(), z.array(z.string())), share_percent: z.number(), decide_after_hours: z.number() })
    .nullable()
    .optional(),
});

export const campaignCountsSchema = z.object({ queued: z.number(), sent: z.number(), failed: z.number(), suppressed: z.number() });

export const campaignSchema = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(CAMPAIGN_KINDS),
  status: z.enum(CAMPAIGN_STATUSES),
  audience: z.record(z.string(), z.unknown()),
  default_language: z.string(),
  tracking: z.enum(TRACKING_MODES).nullable(),
  acknowledge_by: z.string().nullable(),
  variants: z.array(variantSchema),
  follow_ups: z.array(
    z.object({
      after_hours: z.number(),
      condition: z.enum(FOLLOW_UP_CONDITIONS),
      subject: z.record(z.string(), z.string()),
      channels: z.array(z.enum(CHANNELS)).optional(),
      max_sends: z.number(),
    }),
  ),
  cascade: z.object({ deadline: z.string(), talking_points: z.record(z.string(), z.string()) }).nullable(),
  /** The topic's key, or null (absent from an answer of a server without topics). */
  topic: z.string().nullable().default(null),
  counts: campaignCountsSchema,
  /** The approval of this version (CAMPAIGN_APPROVAL): who approved it and when; null until then. */
  approval: z.object({ user_id: z.number(), at: z.string() }).nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Campaign = z.infer<typeof campaignSchema>;
/** A campaign without its delivery counts: what the server's modules pass around (counting is not free). */
export type CampaignDefinition = Omit<Campaign, 'counts'>;

export const campaignSummarySchema = campaignSchema.pick({
  id: true,
  name: true,
  kind: true,
  status: true,
  default_language: true,
  counts: true,
  updated_at: true,
});
export const campaignListSchema = z.object({ items: z.array(campaignSummarySchema), next_cursor: z.string().nullable() });
export type CampaignSummary = z.infer<typeof campaignSummarySchema>;

/** Who gets what: recipients by variant × language × channel (DESIGN §3.3). */
export const assignmentsSchema = z.object({
  total: z.number(),
  by: z.array(z.object({ variant: z.string(), language: z.string(), channel: z.enum(CHANNELS), count: z.number() })),
});
export type Assignments = z.infer<typeof assignmentsSchema>;

/** `POST /api/v1/campaigns/:id/preview`: the message exactly as this person gets it on this channel. */
export const previewInputSchema = z.strictObject({
  /** The person's external_id (or e-mail). */
  person: z.string().trim().min(1).max(320),
  channel: z.enum(CHANNELS).default('email'),
});
export const previewSchema = z.object({
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  variant: z.string(),
  language: z.string(),
});
export type Preview = z.infer<typeof previewSchema>;

/** How a subject line did in its test: `null` figures where the group is smaller than k (DESIGN §3.5). */
export const subjectOptionResultSchema = z.object({
  option: z.number(),
  /** The line in the campaign's default language. */
  subject: z.string(),
  sent: z.number().nullable(),
  unique_opens: z.number().nullable(),
  open_rate: z.number().nullable(),
});
export const SUBJECT_TEST_DECISIONS = ['higher_open_rate', 'no_signal', 'tie'] as const;
/** `GET /api/v1/campaigns/:id/subject-tests`: each variant's test, decided or still running. */
export const subjectTestReportSchema = z.object({
  items: z.array(
    z.object({
      variant: z.string(),
      share_percent: z.number(),
      /** Null until the campaign goes out. */
      decide_at: z.string().nullable(),
      decided_at: z.string().nullable(),
      winner: z.number().nullable(),
      /** Why the winner won: the highest unique open rate, no opens to tell them apart (option 0 stays), or a tie (the earlier option). */
      decision: z.enum(SUBJECT_TEST_DECISIONS).nullable(),
      options: z.array(subjectOptionResultSchema),
    }),
  ),
});
export type SubjectTestReport = z.infer<typeof subjectTestReportSchema>;
