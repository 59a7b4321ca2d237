// The chat-channel contract shared by server and web (ADR 0019): named incoming webhooks of Slack and
// Microsoft Teams Workflows bound to an audience, and the chat posts a campaign makes to them. A
// webhook URL goes in once and never comes back out: the API shows only a hint of it.
import { z } from 'zod';
import { ruleJsonSchema } from './audiences.js';

export const CHAT_KINDS = ['slack', 'teams'] as const;
export type ChatKind = (typeof CHAT_KINDS)[number];

export const CHAT_POST_STATES = ['queued', 'sending', 'sent', 'failed', 'suppressed'] as const;
/** Why a chat post failed or was suppressed: codes the web words. */
export const CHAT_POST_REASONS = ['rejected', 'gave_up', 'cancelled', 'channel_disabled', 'channel_deleted', 'address_blocked'] as const;

export const CHAT_LIMITS = { name: 100, url: 2_000 } as const;

export const chatChannelInputSchema = z.strictObject({
  /** Shown to communicators and in the delivery log (`#ops-news`). */
  name: z.string().trim().min(1).max(CHAT_LIMITS.name),
  kind: z.enum(CHAT_KINDS),
  /** The incoming webhook (https); kept secret: never shown again in full. */
  webhook_url: z.string().trim().min(1).max(CHAT_LIMITS.url),
  /** Who reads this channel: a segment rule, often `{"segment": "ops"}`. */
  audience: ruleJsonSchema,
  enabled: z.boolean().default(true),
});
export type ChatChannelInput = z.input<typeof chatChannelInputSchema>;

/** A change: any field; a new webhook URL replaces the old one. */
export const chatChannelPatchSchema = z.strictObject({
  name: z.string().trim().min(1).max(CHAT_LIMITS.name).optional(),
  webhook_url: z.string().trim().min(1).max(CHAT_LIMITS.url).optional(),
  audience: ruleJsonSchema.optional(),
  enabled: z.boolean().optional(),
});

export const chatChannelSchema = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(CHAT_KINDS),
  /** The webhook as far as it may be shown: scheme, host and its last characters. */
  webhook: z.string(),
  audience: z.record(z.string(), z.unknown()),
  enabled: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type ChatChannel = z.infer<typeof chatChannelSchema>;
export const chatChannelListSchema = z.object({ items: z.array(chatChannelSchema) });

/** The answer of "send a test message": whether the webhook took it, its HTTP status, and why not. */
export const chatTestResultSchema = z.object({ ok: z.boolean(), http_status: z.number().nullable(), reason: z.string().nullable() });
export type ChatTestResult = z.infer<typeof chatTestResultSchema>;

export const chatPostSchema = z.object({
  channel: z.object({ id: z.number().nullable(), name: z.string(), kind: z.enum(CHAT_KINDS) }),
  variant: z.string(),
  language: z.string(),
  step: z.number(),
  /** Recipients of the variant this channel reaches. */
  people: z.number(),
  state: z.enum(CHAT_POST_STATES),
  reason: z.string().nullable(),
  attempts: z.number(),
  sent_at: z.string().nullable(),
});
export type ChatPost = z.infer<typeof chatPostSchema>;
/** A campaign's chat posts; `planned`: a campaign not sent yet, these are the posts it would make now. */
export const chatPostListSchema = z.object({ planned: z.boolean(), items: z.array(chatPostSchema) });
export type ChatPostList = z.infer<typeof chatPostListSchema>;
