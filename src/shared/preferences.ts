// Topics and preferences shared by server and web: topics a campaign may belong to (people may
// unsubscribe from them; must-reads ignore that), each person's choice per topic and channel, and
// their quiet hours. Preferences come in layers: organisation < topic < the person's own choice.
import { z } from 'zod';
import { CHANNELS, contentLanguageSchema, topicKeySchema } from './campaigns.js';

export { topicKeySchema };

export const TOPIC_LIMITS = { key: 64, name: 120, description: 1_000 } as const;
export const QUIET_MODES = ['default', 'off', 'custom'] as const;

const channelSet = z.array(z.enum(CHANNELS)).max(CHANNELS.length);

export const topicInputSchema = z.strictObject({
  key: topicKeySchema,
  /** The topic's name per language (`{"en": "Safety", "de": "Sicherheit"}`); at least one. */
  names: z
    .record(contentLanguageSchema, z.string().trim().min(1).max(TOPIC_LIMITS.name))
    .refine((n) => Object.keys(n).length > 0, 'name the topic in at least one language'),
  descriptions: z.record(contentLanguageSchema, z.string().trim().max(TOPIC_LIMITS.description)).default({}),
  /** Whether people who never chose follow it. */
  default_subscribed: z.boolean().default(true),
  /** The topic's channel layer; null inherits the organisation's default channels. */
  default_channels: channelSet.nullable().default(null),
  enabled: z.boolean().default(true),
});
export type TopicInput = z.input<typeof topicInputSchema>;
export type TopicValues = z.output<typeof topicInputSchema>;

export const topicSchema = z.object({
  id: z.number(),
  key: z.string(),
  names: z.record(z.string(), z.string()),
  descriptions: z.record(z.string(), z.string()),
  default_subscribed: z.boolean(),
  default_channels: z.array(z.enum(CHANNELS)).nullable(),
  enabled: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Topic = z.infer<typeof topicSchema>;
export const topicListSchema = z.object({ items: z.array(topicSchema) });

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 20:00');

export const quietHoursSchema = z
  .strictObject({
    /** default: the organisation's quiet hours; off: none; custom: from start to end in my time zone. */
    mode: z.enum(QUIET_MODES),
    start: clockTime.nullable().optional(),
    end: clockTime.nullable().optional(),
  })
  .superRefine((q, ctx) => {
    if (q.mode !== 'custom') return;
    if (!q.start) ctx.addIssue({ code: 'custom', path: ['start'], message: 'custom quiet hours need a start' });
    if (!q.end) ctx.addIssue({ code: 'custom', path: ['end'], message: 'custom quiet hours need an end' });
    if (q.start && q.end && q.start === q.end) ctx.addIssue({ code: 'custom', path: ['end'], message: 'the end differs from the start' });
  });

/** `PUT /api/v1/me/preferences`: my general channels, quiet hours, and my choice per topic. */
export const preferencesInputSchema = z.strictObject({
  /** Channels for everything; null follows the organisation (and each topic's default). */
  channels: channelSet.nullable(),
  quiet_hours: quietHoursSchema,
  topics: z
    .array(
      z.strictObject({
        key: topicKeySchema,
        subscribed: z.boolean(),
        /** Channels for this topic only; null follows my general choice. */
        channels: channelSet.nullable().default(null),
      }),
    )
    .max(500)
    .default([]),
});
export type PreferencesInput = z.input<typeof preferencesInputSchema>;

export const preferencesSchema = z.object({
  channels: z.array(z.enum(CHANNELS)).nullable(),
  quiet_hours: z.object({ mode: z.enum(QUIET_MODES), start: z.string().nullable(), end: z.string().nullable() }),
  /** The organisation's layer, to show what "default" means. */
  organisation: z.object({ channels: z.array(z.enum(CHANNELS)), quiet_hours: z.object({ start: z.string(), end: z.string() }).nullable() }),
  time_zone: z.string(),
  topics: z.array(
    z.object({
      key: z.string(),
      names: z.record(z.string(), z.string()),
      descriptions: z.record(z.string(), z.string()),
      subscribed: z.boolean(),
      channels: z.array(z.enum(CHANNELS)).nullable(),
      default_subscribed: z.boolean(),
      default_channels: z.array(z.enum(CHANNELS)).nullable(),
      /** The channels this topic reaches me on after every layer. */
      effective_channels: z.array(z.enum(CHANNELS)),
    }),
  ),
});
export type Preferences = z.infer<typeof preferencesSchema>;
