// The delivery contract of DESIGN §3.3 shared by server and web: the send request, a campaign's
// delivery log (who got what, and why someone did not) and the outbox of mail kept without SMTP.
import { z } from 'zod';
import { CHANNELS } from './campaigns.js';

/** `held`: waiting for the person's leader to release it (leader cascade). */
export const DELIVERY_STATES = ['held', 'queued', 'sending', 'sent', 'failed', 'bounced', 'suppressed'] as const;
/** Why a delivery was suppressed, failed or bounced: codes the web words. */
export const DELIVERY_REASONS = ['no_email', 'bounced_before', 'rejected', 'gave_up', 'cancelled', 'unsubscribed', 'channel_opted_out'] as const;

export const sendInputSchema = z
  .strictObject({
    /** When to send (ISO 8601 with offset); now when absent or past. */
    at: z.iso.datetime({ offset: true }).optional(),
    /** Or a wall-clock time without offset (`2026-12-01T09:00`): each recipient gets it then in their own time zone. */
    local_time: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'a local date and time such as 2026-12-01T09:00, without offset')
      .refine((value) => !Number.isNaN(Date.parse(`${value}Z`)), 'not a real date and time')
      .optional(),
  })
  .refine((body) => !(body.at && body.local_time), { message: 'send at one instant (at) or at a local time (local_time), not both', path: ['local_time'] });
export const sendResponseSchema = z.object({ id: z.number(), status: z.string(), send_at: z.string().nullable(), repeated: z.boolean() });

export const deliveriesQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  state: z.enum(DELIVERY_STATES).optional(),
});

export const deliverySchema = z.object({
  person: z.object({ external_id: z.string().nullable(), email: z.string().nullable() }),
  variant: z.string(),
  language: z.string(),
  channel: z.enum(CHANNELS),
  step: z.number(),
  state: z.enum(DELIVERY_STATES),
  reason: z.string().nullable(),
  message_id: z.string().nullable(),
  sent_at: z.string().nullable(),
});
export const deliveryPageSchema = z.object({ items: z.array(deliverySchema), next_cursor: z.string().nullable() });
export type Delivery = z.infer<typeof deliverySchema>;

export const outboxQuerySchema = z.strictObject({ cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(100).default(25) });
export const outboxSummarySchema = z.object({
  id: z.number(),
  message_id: z.string(),
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  created_at: z.string(),
});
export const outboxPageSchema = z.object({ items: z.array(outboxSummarySchema), next_cursor: z.string().nullable() });
export const outboxMessageSchema = outboxSummarySchema.extend({ html: z.string(), text: z.string() });
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

/** One message in a person's feed, rendered for them. */
export const feedItemSchema = z.object({
  id: z.number(),
  campaign: z.object({ id: z.number(), name: z.string(), kind: z.enum(['announcement', 'must_read']) }),
  subject: z.string(),
  html: z.string(),
  sent_at: z.string(),
  read: z.boolean(),
  must_read: z.boolean(),
  acknowledged: z.boolean(),
  acknowledge_by: z.string().nullable(),
});
export type FeedItem = z.infer<typeof feedItemSchema>;
export const feedQuerySchema = z.strictObject({ cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(50).default(20) });
/** The feed: must-reads not yet acknowledged first (`pinned`), then every message newest first. */
export const feedPageSchema = z.object({
  unread: z.number(),
  pinned: z.array(feedItemSchema),
  items: z.array(feedItemSchema),
  next_cursor: z.string().nullable(),
});
export type FeedPage = z.infer<typeof feedPageSchema>;

export const sendingActionSchema = z.object({ id: z.number(), status: z.string() });

/** The longest dwell a feed read may report, in milliseconds (an hour). */
export const MAX_FEED_DWELL_MS = 3_600_000;
/** A read of a feed item: how long it was on screen (at least half visible, the tab visible). */
export const feedReadInputSchema = z.strictObject({
  /** Milliseconds the item was visible; the server buckets it (glanced < 4 s, skimmed < 10 s, read). */
  dwell_ms: z.number().int().min(0).max(MAX_FEED_DWELL_MS),
});
export type FeedReadInput = z.infer<typeof feedReadInputSchema>;
/** A link followed from a feed item, by its index in the message (the HTML's `data-link`). */
export const feedClickInputSchema = z.strictObject({
  /** The link's index in the campaign's message: body links in order, then the call to action. */
  link: z.number().int().min(0).max(999),
});
export type FeedClickInput = z.infer<typeof feedClickInputSchema>;
/** What was recorded: a document download or any other link (CTA), and the campaign's own target. */
export const feedClickSchema = z.object({ kind: z.enum(['cta', 'download']), url: z.string() });
export type FeedClick = z.infer<typeof feedClickSchema>;
