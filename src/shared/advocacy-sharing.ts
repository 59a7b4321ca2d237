// The content library, share links and share analytics (issue 12, ADR 0030): the response shapes the
// server's OpenAPI and the web parse with. Inputs of §3.9 live in ./advocacy.ts.
import { z } from 'zod';
import { NETWORKS, POST_LANGUAGES, contentInputSchema, networkSchema, suggestedPostSchema } from './advocacy.js';
import { ruleJsonSchema } from './audiences.js';

/** `PATCH /api/v1/advocacy/content/:id`: any field of the input (no defaults); null clears an optional one. */
export const contentPatchSchema = z.strictObject({
  title: contentInputSchema.shape.title.optional(),
  url: contentInputSchema.shape.url.optional(),
  summary: z.string().trim().max(2000).optional(),
  audience: ruleJsonSchema.nullable().optional(),
  expires_at: z.iso.datetime({ offset: true }).nullable().optional(),
  image_url: z
    .url({ protocol: /^https?$/u })
    .max(2000)
    .nullable()
    .optional(),
  tags: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
  suggested_posts: z.array(suggestedPostSchema).max(24).optional(),
  campaign_id: z.number().int().positive().nullable().optional(),
});
export type ContentPatch = z.infer<typeof contentPatchSchema>;

/** Why an outside click on a short link counts as machine traffic (never as a unique visitor). */
export const CLICK_MACHINE_REASONS = ['head_request', 'bot_user_agent', 'no_user_agent', 'prefetch', 'scanner_network', 'self'] as const;
export type ClickMachineReason = (typeof CLICK_MACHINE_REASONS)[number];

/** One library item as its managers see it. */
export const contentViewSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  url: z.string(),
  summary: z.string(),
  image_url: z.string().nullable(),
  tags: z.array(z.string()),
  audience: z.unknown().nullable(),
  suggested_posts: z.array(suggestedPostSchema),
  campaign_id: z.number().int().nullable(),
  expires_at: z.string().nullable(),
  archived_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  /** live, expired or archived (archived wins). */
  status: z.enum(['live', 'expired', 'archived']),
  shares: z.number().int(),
});
export type ContentView = z.infer<typeof contentViewSchema>;
export const contentListSchema = z.object({ items: z.array(contentViewSchema), next_cursor: z.string().nullable() });

/** One item of the employee's library: suggested texts in their language first, and their own shares. */
export const libraryItemSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  url: z.string(),
  summary: z.string(),
  image_url: z.string().nullable(),
  tags: z.array(z.string()),
  expires_at: z.string().nullable(),
  suggested_posts: z.array(suggestedPostSchema),
  /** The caller's shares of this item, in all and per network. */
  my_shares: z.number().int(),
  my_networks: z.array(networkSchema),
});
export type LibraryItem = z.infer<typeof libraryItemSchema>;
export const librarySchema = z.object({ items: z.array(libraryItemSchema), language: z.enum(POST_LANGUAGES) });

export const engagementInputSchema = z.strictObject({
  reactions: z.number().int().min(0).max(1_000_000),
  comments: z.number().int().min(0).max(1_000_000),
  reshares: z.number().int().min(0).max(1_000_000).default(0),
});
export const engagementReportSchema = engagementInputSchema.extend({ code: z.string(), reported_at: z.string() });

export const engagementImportResultSchema = z.object({
  imported: z.number().int(),
  problems: z.array(z.object({ line: z.number().int(), code: z.string(), message: z.string() })),
});

const networkFigures = z.object({ network: networkSchema, shares: z.number().int(), unique_clicks: z.number().int() });

/** `GET /api/v1/advocacy/me/stats`: the caller's own figures. */
export const myShareStatsSchema = z.object({
  shares: z.number().int(),
  adapted_shares: z.number().int(),
  /** Share of shares with the person's own text, 0–100, null before the first share. */
  adapted_percent: z.number().nullable(),
  unique_clicks: z.number().int(),
  /** Clicks recognised as machines (previews, bots, scanners, own clicks) and left out. */
  machine_clicks: z.number().int(),
  reactions: z.number().int(),
  comments: z.number().int(),
  reshares: z.number().int(),
  by_network: z.array(networkFigures),
  by_content: z.array(
    z.object({
      content_id: z.number().int(),
      title: z.string(),
      shares: z.number().int(),
      unique_clicks: z.number().int(),
      reactions: z.number().int(),
      comments: z.number().int(),
      links: z.array(z.object({ code: z.string(), network: networkSchema, short_url: z.string() })),
    }),
  ),
  /** Week (Monday, YYYY-MM-DD) by week. */
  by_week: z.array(z.object({ week: z.string(), shares: z.number().int(), unique_clicks: z.number().int() })),
});
export type MyShareStats = z.infer<typeof myShareStatsSchema>;

export const analyticsQuerySchema = z.strictObject({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

/** `GET /api/v1/advocacy/analytics`: the programme's figures in [from, to]. */
export const shareAnalyticsSchema = z.object({
  from: z.string(),
  to: z.string(),
  shares: z.number().int(),
  sharers: z.number().int(),
  unique_clicks: z.number().int(),
  machine_clicks: z.number().int(),
  reactions: z.number().int(),
  comments: z.number().int(),
  earned_media_value: z.number(),
  currency: z.string(),
  cost_per_click: z.number(),
  by_network: z.array(networkFigures.extend({ reactions: z.number().int(), comments: z.number().int() })),
  top_content: z.array(z.object({ content_id: z.number().int(), title: z.string(), shares: z.number().int(), unique_clicks: z.number().int() })),
  /** Departments with at least `min_group` sharers; the rest are summed in `other`. */
  by_department: z.array(z.object({ department: z.string(), sharers: z.number().int(), shares: z.number().int(), unique_clicks: z.number().int() })),
  other_departments: z.object({ sharers: z.number().int(), shares: z.number().int(), unique_clicks: z.number().int() }),
  min_group: z.number().int(),
  adoption: z.array(z.object({ week: z.string(), participants: z.number().int(), sharers: z.number().int() })),
});
export type ShareAnalytics = z.infer<typeof shareAnalyticsSchema>;

export { NETWORKS, POST_LANGUAGES };
