// The leader cascade contract shared by server and web (DESIGN §3.3, issue 9): a leader's briefing
// (talking points, the team's versions with the communicator's text and the leader's draft), saving
// a draft, releasing it to the team, and the per-leader report a communicator sees.
import { z } from 'zod';
import { CAMPAIGN_LIMITS, CAMPAIGN_KINDS, CAMPAIGN_STATUSES, contentLanguageSchema } from './campaigns.js';

export const RELEASED_BY = ['leader', 'deadline'] as const;

const draftTextSchema = z.strictObject({
  subject: z.string().trim().min(1).max(CAMPAIGN_LIMITS.subject),
  body: z.string().trim().min(1).max(CAMPAIGN_LIMITS.body),
});

/** `PUT /api/v1/briefings/:id/draft`: the leader's text per variant and language (Liquid, Markdown body). */
export const draftInputSchema = z.strictObject({
  drafts: z.record(z.string().max(CAMPAIGN_LIMITS.key), z.record(contentLanguageSchema, draftTextSchema)),
});
export type DraftInput = z.output<typeof draftInputSchema>;

/** One version the leader's team gets: the communicator's text, and the leader's when edited. */
export const briefingVersionSchema = z.object({
  variant: z.string(),
  language: z.string(),
  /** Team members who get this version. */
  people: z.number(),
  original: z.object({ subject: z.string(), body: z.string() }),
  draft: z.object({ subject: z.string(), body: z.string() }).nullable(),
});
export type BriefingVersion = z.infer<typeof briefingVersionSchema>;

const leaderStateShape = {
  team_size: z.number(),
  deadline: z.string(),
  briefed_at: z.string().nullable(),
  viewed_at: z.string().nullable(),
  released_at: z.string().nullable(),
  released_by: z.enum(RELEASED_BY).nullable(),
  on_time: z.boolean().nullable(),
};

export const briefingSchema = z.object({
  campaign: z.object({ id: z.number(), name: z.string(), kind: z.enum(CAMPAIGN_KINDS), status: z.enum(CAMPAIGN_STATUSES) }),
  ...leaderStateShape,
  /** The talking points in the leader's language (else the campaign's), rendered as HTML. */
  talking_points_html: z.string(),
  language: z.string(),
  versions: z.array(briefingVersionSchema),
  /** Liquid variables the draft may use (the same as the communicator's). */
  variables: z.array(z.string()),
});
export type Briefing = z.infer<typeof briefingSchema>;

export const briefingSummarySchema = z.object({
  campaign: z.object({ id: z.number(), name: z.string() }),
  ...leaderStateShape,
});
export const briefingListSchema = z.object({ items: z.array(briefingSummarySchema), next_cursor: z.string().nullable() });
export type BriefingSummary = z.infer<typeof briefingSummarySchema>;
export const briefingsQuerySchema = z.strictObject({ cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(100).default(25) });

/** `POST /api/v1/briefings/:id/preview`: one version's draft as a team member would get it. */
export const draftPreviewInputSchema = z.strictObject({
  variant: z.string().max(CAMPAIGN_LIMITS.key),
  language: contentLanguageSchema,
  subject: draftTextSchema.shape.subject,
  body: draftTextSchema.shape.body,
});
export const draftPreviewSchema = z.object({ subject: z.string(), html: z.string() });

export const releaseSchema = z.object({ released_at: z.string(), released_by: z.enum(RELEASED_BY), on_time: z.boolean(), released: z.number() });

/** `GET /api/v1/campaigns/:id/cascade`: per leader, and the totals; `participation` is the KPI (share released on time). */
export const cascadeReportSchema = z.object({
  deadline: z.string().nullable(),
  totals: z.object({
    leaders: z.number(),
    briefed: z.number(),
    viewed: z.number(),
    released: z.number(),
    on_time: z.number(),
    by_deadline: z.number(),
    team_members: z.number(),
  }),
  /** Leaders who released their team themselves by the deadline, as a share of all leaders (null without leaders). */
  participation: z.number().nullable(),
  items: z.array(
    z.object({
      person: z.object({ external_id: z.string().nullable(), display_name: z.string().nullable() }),
      ...leaderStateShape,
    }),
  ),
  next_cursor: z.string().nullable(),
});
export type CascadeReport = z.infer<typeof cascadeReportSchema>;
export const cascadeQuerySchema = briefingsQuerySchema;
