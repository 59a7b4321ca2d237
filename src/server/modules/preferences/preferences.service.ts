// A person's preferences in layers (organisation < topic < their own choice): reading and saving
// them, the effective channels per topic, and the SQL the fan-out applies them with. Must-reads
// ignore opt-outs; that rule lives in the fan-out, which knows the campaign's kind.
import type { RawBuilder } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { Config } from '../../platform/config/config.js';
import { AppError, coded, fieldProblem, type FieldProblem } from '../../platform/http/app-error.js';
import type { Channel } from '../../../shared/campaigns.js';
import type { Preferences, QUIET_MODES } from '../../../shared/preferences.js';
import { findTemplatePeople } from '../people/index.js';
import * as q from './preferences.queries.js';

type Organisation = Pick<Config, 'DEFAULT_CHANNELS' | 'quietHours' | 'DEFAULT_TIME_ZONE'>;

/** The channels a topic reaches a person on: the most specific layer that chose wins. */
function effectiveChannels(org: Channel[], topic: Channel[] | null, general: Channel[] | null, own: Channel[] | null): Channel[] {
  return own ?? general ?? topic ?? org;
}

const noPerson = () => new AppError('conflict', 'your account has no person in the directory, so it has no preferences', coded('preferences.no_person'));

/**
 * The caller's preferences with every topic offered (and any they chose before it was disabled).
 * @example const prefs = await readPreferences({ db, config, personId: 42 }); prefs.topics[0].effective_channels // ['feed']
 */
export async function readPreferences(input: { db: AnyDb; config: Organisation; personId: number | null }): Promise<Preferences> {
  const { db, config, personId } = input;
  if (personId === null) throw noPerson();
  const [person, own, subscriptions, topics] = await Promise.all([
    findTemplatePeople({ db, ids: [personId] }).then((m) => m.get(personId)),
    q.findPersonPreferences(db, personId),
    q.findSubscriptions(db, personId),
    q.listTopics(db, { enabledOnly: false }),
  ]);
  if (!person) throw noPerson();
  const chosen = new Map(subscriptions.map((s) => [s.topic_id, s]));
  const general = own?.channels ?? null;
  return {
    channels: general,
    quiet_hours: { mode: own?.quiet_mode ?? 'default', start: own?.quiet_start ?? null, end: own?.quiet_end ?? null },
    organisation: { channels: config.DEFAULT_CHANNELS, quiet_hours: config.quietHours },
    time_zone: person.time_zone ?? config.DEFAULT_TIME_ZONE,
    topics: topics
      .filter((t) => t.enabled || chosen.has(t.id))
      .map((t) => {
        const mine = chosen.get(t.id);
        return {
          key: t.key,
          names: t.names,
          descriptions: t.descriptions,
          subscribed: mine?.subscribed ?? t.default_subscribed,
          channels: mine?.channels ?? null,
          default_subscribed: t.default_subscribed,
          default_channels: t.default_channels,
          effective_channels: effectiveChannels(config.DEFAULT_CHANNELS, t.default_channels, general, mine?.channels ?? null),
        };
      }),
  };
}

export type PreferencesValues = {
  channels: Channel[] | null;
  quiet_hours: { mode: (typeof QUIET_MODES)[number]; start?: string | null; end?: string | null };
  topics: { key: string; subscribed: boolean; channels: Channel[] | null }[];
};

/**
 * Saves the caller's choices in one transaction; a 400 naming each unknown topic.
 * @example await savePreferences({ db, config, personId: 42, values: { channels: null, quiet_hours: { mode: 'off' }, topics: [{ key: 'safety', subscribed: false, channels: null }] } });
 */
export async function savePreferences(input: { db: AnyDb; config: Organisation; personId: number | null; values: PreferencesValues }): Promise<Preferences> {
  const { db, personId, values } = input;
  if (personId === null) throw noPerson();
  const topics = new Map((await q.listTopics(db, { enabledOnly: false })).map((t) => [t.key, t]));
  const problems: FieldProblem[] = values.topics.flatMap((t, i) =>
    topics.has(t.key) ? [] : [fieldProblem(`/topics/${i}/key`, `there is no topic ${t.key}`, coded('topic.not_found', { key: t.key }))],
  );
  if (problems.length > 0) throw new AppError('validation', problems[0]!.message, { messageCode: problems[0]!.code, params: problems[0]!.params, problems });
  const custom = values.quiet_hours.mode === 'custom';
  await db.transaction().execute(async (trx) => {
    await q.upsertPersonPreferences(trx, personId, {
      channels: values.channels === null ? null : [...new Set(values.channels)],
      quiet_mode: values.quiet_hours.mode,
      quiet_start: custom ? (values.quiet_hours.start ?? null) : null,
      quiet_end: custom ? (values.quiet_hours.end ?? null) : null,
    });
    for (const t of values.topics) {
      await q.upsertSubscription(trx, {
        personId,
        topicId: topics.get(t.key)!.id,
        subscribed: t.subscribed,
        channels: t.channels === null ? null : [...new Set(t.channels)],
        source: 'preferences',
      });
    }
  });
  return readPreferences(input);
}

/** Unsubscribes a person from a topic (a one-click link); idempotent. False when the person or topic is gone. */
export async function unsubscribeFromTopic(input: { db: AnyDb; personId: number; topicKey: string }): Promise<boolean> {
  const topic = await q.findTopicByKey(input.db, input.topicKey);
  const person = (await findTemplatePeople({ db: input.db, ids: [input.personId] })).get(input.personId);
  if (!topic || !person) return false;
  await q.unsubscribe(input.db, { personId: input.personId, topicId: topic.id });
  return true;
}

/**
 * The layers as the fan-out statement applies them to recipients whose id is `personId` (a column).
 * @example const prefs = await preferencesForFanOut({ db, config, topicKey: 'safety', personId: sql`r.person_id` });
 */
export async function preferencesForFanOut(input: {
  db: AnyDb;
  config: Organisation;
  topicKey: string | null;
  personId: RawBuilder<unknown>;
}): Promise<q.PreferenceColumns> {
  const topic = input.topicKey ? await q.findTopicByKey(input.db, input.topicKey) : null;
  return q.preferenceColumns({
    personId: input.personId,
    topic,
    organisation: { channels: input.config.DEFAULT_CHANNELS, quietHours: input.config.quietHours },
  });
}
