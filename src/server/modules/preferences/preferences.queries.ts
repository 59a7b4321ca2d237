// SQL of preferences: topics, each person's choices (per topic and in general), and the join the
// fan-out uses to apply every layer to a whole audience in the same statement.
import { sql, type RawBuilder } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { Channel } from '../../../shared/campaigns.js';
import type { TopicValues } from '../../../shared/preferences.js';

export type TopicRow = {
  id: number;
  key: string;
  names: Record<string, string>;
  descriptions: Record<string, string>;
  default_subscribed: boolean;
  default_channels: Channel[] | null;
  enabled: boolean;
  created_at: Date;
  updated_at: Date;
};

const TOPIC_COLUMNS = sql`id, key, names, descriptions, default_subscribed, default_channels, enabled, created_at, updated_at`;

/** A new topic; null when the key is taken. */
export async function insertTopic(db: AnyDb, t: TopicValues): Promise<TopicRow | null> {
  const result = await sql<TopicRow>`
    INSERT INTO topics (key, names, descriptions, default_subscribed, default_channels, enabled)
    VALUES (${t.key}, ${JSON.stringify(t.names)}::jsonb, ${JSON.stringify(t.descriptions)}::jsonb, ${t.default_subscribed},
      ${t.default_channels}::text[], ${t.enabled})
    ON CONFLICT (key) DO NOTHING
    RETURNING ${TOPIC_COLUMNS}`.execute(db);
  return result.rows[0] ?? null;
}

/** Changes a topic (its key stays: links in mail name it); null when there is none. */
export async function updateTopic(db: AnyDb, id: number, t: Omit<TopicValues, 'key'>): Promise<TopicRow | null> {
  const result = await sql<TopicRow>`
    UPDATE topics SET names = ${JSON.stringify(t.names)}::jsonb, descriptions = ${JSON.stringify(t.descriptions)}::jsonb,
      default_subscribed = ${t.default_subscribed}, default_channels = ${t.default_channels}::text[], enabled = ${t.enabled}, updated_at = now()
    WHERE id = ${id}
    RETURNING ${TOPIC_COLUMNS}`.execute(db);
  return result.rows[0] ?? null;
}

export async function listTopics(db: AnyDb, input: { enabledOnly: boolean }): Promise<TopicRow[]> {
  const result = await sql<TopicRow>`
    SELECT ${TOPIC_COLUMNS} FROM topics WHERE (NOT ${input.enabledOnly} OR enabled) ORDER BY key`.execute(db);
  return result.rows;
}

export async function findTopicByKey(db: AnyDb, key: string): Promise<TopicRow | null> {
  const result = await sql<TopicRow>`SELECT ${TOPIC_COLUMNS} FROM topics WHERE key = ${key}`.execute(db);
  return result.rows[0] ?? null;
}

export async function findTopicById(db: AnyDb, id: number): Promise<TopicRow | null> {
  const result = await sql<TopicRow>`SELECT ${TOPIC_COLUMNS} FROM topics WHERE id = ${id}`.execute(db);
  return result.rows[0] ?? null;
}

export type PersonPreferencesRow = {
  channels: Channel[] | null;
  quiet_mode: 'default' | 'off' | 'custom';
  quiet_start: string | null;
  quiet_end: string | null;
};

export async function findPersonPreferences(db: AnyDb, personId: number): Promise<PersonPreferencesRow | null> {
  const result = await sql<PersonPreferencesRow>`
    SELECT channels, quiet_mode, to_char(quiet_start, 'HH24:MI') AS quiet_start, to_char(quiet_end, 'HH24:MI') AS quiet_end
    FROM person_preferences WHERE person_id = ${personId}`.execute(db);
  return result.rows[0] ?? null;
}

export async function upsertPersonPreferences(db: AnyDb, personId: number, p: PersonPreferencesRow): Promise<void> {
  await sql`
    INSERT INTO person_preferences (person_id, channels, quiet_mode, quiet_start, quiet_end)
    VALUES (${personId}, ${p.channels}::text[], ${p.quiet_mode}, ${p.quiet_start}::time, ${p.quiet_end}::time)
    ON CONFLICT (person_id) DO UPDATE SET channels = EXCLUDED.channels, quiet_mode = EXCLUDED.quiet_mode,
      quiet_start = EXCLUDED.quiet_start, quiet_end = EXCLUDED.quiet_end, updated_at = now()`.execute(db);
}

export type SubscriptionRow = { topic_id: number; subscribed: boolean; channels: Channel[] | null };

export async function findSubscriptions(db: AnyDb, personId: number): Promise<SubscriptionRow[]> {
  const result = await sql<SubscriptionRow>`SELECT topic_id, subscribed, channels FROM topic_subscriptions WHERE person_id = ${personId}`.execute(db);
  return result.rows;
}

/** Records a person's choice for a topic (the last choice wins; the same one again changes nothing). */
export async function upsertSubscription(
  db: AnyDb,
  input: { personId: number; topicId: number; subscribed: boolean; channels: Channel[] | null; source: 'preferences' | 'one_click' },
): Promise<void> {
  await sql`
    INSERT INTO topic_subscriptions (person_id, topic_id, subscribed, channels, source)
    VALUES (${input.personId}, ${input.topicId}, ${input.subscribed}, ${input.channels}::text[], ${input.source})
    ON CONFLICT (person_id, topic_id) DO UPDATE SET subscribed = EXCLUDED.subscribed, channels = EXCLUDED.channels,
      source = EXCLUDED.source, updated_at = now()`.execute(db);
}

/** Sets only `subscribed = false` (a one-click unsubscribe keeps the person's channel choice). */
export async function unsubscribe(db: AnyDb, input: { personId: number; topicId: number }): Promise<void> {
  await sql`
    INSERT INTO topic_subscriptions (person_id, topic_id, subscribed, channels, source)
    VALUES (${input.personId}, ${input.topicId}, false, NULL, 'one_click')
    ON CONFLICT (person_id, topic_id) DO UPDATE SET subscribed = false, source = 'one_click', updated_at = now()
    WHERE topic_subscriptions.subscribed`.execute(db);
}

/** Each layer's values as the fan-out statement reads them for one recipient. */
export type PreferenceColumns = {
  /** LEFT JOINs to add after the recipients' FROM item. */
  joins: RawBuilder<unknown>;
  /** True when the recipient does not follow the topic (false without a topic). */
  unsubscribed: RawBuilder<boolean>;
  /** The channels every layer leaves the recipient (text[]). */
  channels: RawBuilder<string[]>;
  /** Their quiet hours (time, or null for none). */
  quietStart: RawBuilder<string | null>;
  quietEnd: RawBuilder<string | null>;
};

/**
 * The layers for recipients whose id is `personId` (a column such as `r.person_id`): organisation
 * channels < the topic's default < the person's general choice < their choice for this topic; quiet
 * hours the person's own, or the organisation's.
 */
export function preferenceColumns(input: {
  personId: RawBuilder<unknown>;
  topic: { id: number; default_subscribed: boolean; default_channels: Channel[] | null } | null;
  organisation: { channels: Channel[]; quietHours: { start: string; end: string } | null };
}): PreferenceColumns {
  const { topic, organisation } = input;
  const topicId = topic?.id ?? null;
  const orgStart = organisation.quietHours?.start ?? null;
  const orgEnd = organisation.quietHours?.end ?? null;
  return {
    joins: sql`
      LEFT JOIN person_preferences AS pp ON pp.person_id = ${input.personId}
      LEFT JOIN topic_subscriptions AS ts ON ts.person_id = ${input.personId} AND ts.topic_id = ${topicId}::bigint`,
    unsubscribed: topic ? sql<boolean>`NOT coalesce(ts.subscribed, ${topic.default_subscribed})` : sql<boolean>`false`,
    channels: sql<string[]>`coalesce(ts.channels, pp.channels, ${topic?.default_channels ?? null}::text[], ${organisation.channels}::text[])`,
    quietStart: sql<string | null>`CASE coalesce(pp.quiet_mode, 'default') WHEN 'custom' THEN pp.quiet_start WHEN 'default' THEN ${orgStart}::time END`,
    quietEnd: sql<string | null>`CASE coalesce(pp.quiet_mode, 'default') WHEN 'custom' THEN pp.quiet_end WHEN 'default' THEN ${orgEnd}::time END`,
  };
}
