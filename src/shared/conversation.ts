// The conversation contract shared by server and web (issue 11, ADR 0028): a campaign's thread of
// comments and replies, reactions, @mentions and #hashtags, reports and the moderator queue, the
// notifications of replies and mentions in the feed, and the sentiment figure of a campaign.
import { z } from 'zod';

export const COMMENT_LIMITS = { body: 2000, mentions: 20, hashtags: 20 } as const;
export const REACTION_KINDS = ['like', 'celebrate', 'insightful', 'curious'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];
export const REPORT_REASONS = ['spam', 'abuse', 'off_topic', 'other'] as const;
export const MODERATION_ACTIONS = ['hide', 'unhide', 'dismiss'] as const;
export const NOTIFICATION_KINDS = ['reply', 'mention'] as const;
export const SENTIMENT_LANGUAGES = ['en', 'de', 'nl'] as const;
export type SentimentLanguage = (typeof SENTIMENT_LANGUAGES)[number];

/**
 * A mention in a body: `@[external_id]`, written by the client when a person is picked from the
 * people search; the server checks the person exists. Exported so client and server parse alike.
 */
export const MENTION_TOKEN = /@\[([^\]\s]{1,100})\]/gu;
/** A hashtag in a body: `#` and a letter or digit, then letters, digits, `_`, `-` or `.` (not at the end). */
export const HASHTAG_TOKEN = /(^|[^\p{L}\p{N}_&])#([\p{L}\p{N}](?:[\p{L}\p{N}_.-]{0,48}[\p{L}\p{N}_])?)/gu;

/** The external ids mentioned in `body`, each once, in order. */
export function mentionedIds(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION_TOKEN)].map((m) => m[1]!))];
}

/** The hashtags of `body`, lower-case, without `#`, each once, in order. */
export function hashtagsOf(body: string): string[] {
  return [...new Set([...body.matchAll(HASHTAG_TOKEN)].map((m) => m[2]!.toLowerCase()))];
}

const body = z
  .string()
  .trim()
  .min(1)
  .max(COMMENT_LIMITS.body)
  .refine((v) => mentionedIds(v).length <= COMMENT_LIMITS.mentions, `at most ${COMMENT_LIMITS.mentions} people mentioned`)
  .refine((v) => hashtagsOf(v).length <= COMMENT_LIMITS.hashtags, `at most ${COMMENT_LIMITS.hashtags} hashtags`);

/** `POST /api/v1/campaigns/:id/comments`. */
export const commentInputSchema = z.strictObject({
  /** Plain text with **bold**, *italic*, `code`, links, `@[external_id]` mentions and #hashtags. */
  body,
  /** The comment answered; a reply to a reply joins the same top-level comment. */
  parent_id: z.number().int().positive().optional(),
});
export type CommentInput = z.infer<typeof commentInputSchema>;

/** `PATCH /api/v1/comments/:id`: the author changes the text. */
export const commentEditSchema = z.strictObject({ body });

export const reactionInputSchema = z.strictObject({ kind: z.enum(REACTION_KINDS) });
export const reactionSummarySchema = z.array(z.object({ kind: z.enum(REACTION_KINDS), count: z.number().int(), mine: z.boolean() }));
export type ReactionSummary = z.infer<typeof reactionSummarySchema>;

export const reportInputSchema = z.strictObject({ reason: z.enum(REPORT_REASONS) });
export const moderationInputSchema = z.strictObject({ action: z.enum(MODERATION_ACTIONS) });

export const commentPersonSchema = z.object({ external_id: z.string(), display_name: z.string() });

/** `visible`; `deleted` (a tombstone kept for its replies); `hidden` by a moderator (others see no body). */
export const COMMENT_STATES = ['visible', 'deleted', 'hidden'] as const;

const commentFields = {
  id: z.number().int(),
  campaign_id: z.number().int(),
  parent_id: z.number().int().nullable(),
  /** null once the author was erased or the comment deleted. */
  author: commentPersonSchema.nullable(),
  /** null for a tombstone, and for a hidden comment unless I wrote it or moderate. */
  body: z.string().nullable(),
  state: z.enum(COMMENT_STATES),
  language: z.string(),
  created_at: z.string(),
  edited_at: z.string().nullable(),
  mine: z.boolean(),
  mentions: z.array(commentPersonSchema),
  /** Each hashtag with the canonical skill it names (linked to expert search), or null for a plain tag. */
  hashtags: z.array(z.object({ tag: z.string(), skill: z.string().nullable() })),
  reactions: reactionSummarySchema,
  reported_by_me: z.boolean(),
};
export const replySchema = z.object(commentFields);
export const commentSchema = z.object({ ...commentFields, replies: z.array(replySchema) });
export type Comment = z.infer<typeof commentSchema>;
export type Reply = z.infer<typeof replySchema>;

export const threadQuerySchema = z.strictObject({ cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(100).default(50) });
/** `GET /api/v1/campaigns/:id/comments`: top-level comments oldest first, each with its replies. */
export const threadSchema = z.object({
  campaign: z.object({ id: z.number().int(), name: z.string() }),
  /** Comments in the thread that are not deleted (replies included). */
  total: z.number().int(),
  reactions: reactionSummarySchema,
  /** Whether I may write (I am someone in the directory). */
  can_comment: z.boolean(),
  can_moderate: z.boolean(),
  items: z.array(commentSchema),
  next_cursor: z.string().nullable(),
});
export type Thread = z.infer<typeof threadSchema>;

/** `GET /api/v1/comment-counts?campaigns=1,2`: how many comments each thread has (those I may see). */
export const commentCountsQuerySchema = z.strictObject({
  campaigns: z
    .string()
    .regex(/^\d{1,15}(,\d{1,15}){0,49}$/u, 'up to 50 campaign ids separated by commas')
    .transform((v) => [...new Set(v.split(',').map(Number))]),
});
export const commentCountsSchema = z.object({ items: z.array(z.object({ campaign_id: z.number().int(), comments: z.number().int() })) });

/** `GET /api/v1/moderation/comments`: comments with reports since a moderator last decided. */
export const moderationQueueSchema = z.object({
  items: z.array(
    z.object({
      comment: replySchema,
      campaign: z.object({ id: z.number().int(), name: z.string() }),
      reports: z.number().int(),
      reasons: z.array(z.object({ reason: z.enum(REPORT_REASONS), count: z.number().int() })),
      last_reported_at: z.string(),
    }),
  ),
});
export type ModerationQueue = z.infer<typeof moderationQueueSchema>;

export const notificationsQuerySchema = z.strictObject({ cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(50).default(20) });
/** A notification as codes and names: the web words it (`conversation.notifications.<kind>`). */
export const notificationSchema = z.object({
  id: z.number().int(),
  kind: z.enum(NOTIFICATION_KINDS),
  campaign: z.object({ id: z.number().int(), name: z.string() }),
  comment_id: z.number().int(),
  actor: commentPersonSchema.nullable(),
  created_at: z.string(),
  read: z.boolean(),
});
export type Notification = z.infer<typeof notificationSchema>;
export const notificationPageSchema = z.object({ unread: z.number().int(), items: z.array(notificationSchema), next_cursor: z.string().nullable() });
export type NotificationPage = z.infer<typeof notificationPageSchema>;
/** `POST /api/v1/notifications/read`: the ones named, or all when `ids` is absent. */
export const notificationsReadSchema = z.strictObject({ ids: z.array(z.number().int().positive()).max(200).optional() });

/**
 * `GET /api/v1/campaigns/:id/comment-sentiment`: (positive − negative) / comments, from word lists
 * per language with simple negation; null figures while fewer than k people commented.
 */
export const sentimentSchema = z.object({
  comments: z.number().int(),
  authors: z.number().int(),
  min_group: z.number().int(),
  /** -1..1, null below k. */
  score: z.number().nullable(),
  positive: z.number().int().nullable(),
  neutral: z.number().int().nullable(),
  negative: z.number().int().nullable(),
  /** The words that drove it, most frequent first ("nicht gut" counts as negative). */
  top_positive: z.array(z.object({ word: z.string(), count: z.number().int() })),
  top_negative: z.array(z.object({ word: z.string(), count: z.number().int() })),
  by_language: z.array(z.object({ language: z.string(), comments: z.number().int() })),
});
export type Sentiment = z.infer<typeof sentimentSchema>;
