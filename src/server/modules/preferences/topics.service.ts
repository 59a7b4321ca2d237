// Topics (issue 9): optional subjects a campaign may belong to and people may unsubscribe from;
// communicators and admins create and change them, everyone reads them (the preferences page).
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError, coded, fieldProblem, notFound } from '../../platform/http/app-error.js';
import type { Topic, TopicValues } from '../../../shared/preferences.js';
import * as q from './preferences.queries.js';

export function presentTopic(row: q.TopicRow): Topic {
  return {
    id: row.id,
    key: row.key,
    names: row.names,
    descriptions: row.descriptions,
    default_subscribed: row.default_subscribed,
    default_channels: row.default_channels,
    enabled: row.enabled,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

/**
 * Creates a topic; a 409 when its key is taken.
 * @example await createTopic({ db, topic: { key: 'safety', names: { en: 'Safety' }, descriptions: {}, default_subscribed: true, default_channels: null, enabled: true } });
 */
export async function createTopic(input: { db: AnyDb; topic: TopicValues }): Promise<Topic> {
  const row = await q.insertTopic(input.db, input.topic);
  if (!row) {
    throw new AppError('conflict', `a topic ${input.topic.key} exists`, {
      ...coded('topic.key_taken', { key: input.topic.key }),
      problems: [fieldProblem('/key', 'taken', coded('topic.key_taken', { key: input.topic.key }))],
    });
  }
  return presentTopic(row);
}

/** Changes a topic's names, defaults and whether it is offered; its key never changes (links name it). */
export async function updateTopic(input: { db: AnyDb; id: number; topic: TopicValues }): Promise<Topic> {
  const current = await q.findTopicById(input.db, input.id);
  if (!current) throw notFound(`topic ${input.id}`, coded('topic.not_found', { key: String(input.id) }));
  if (current.key !== input.topic.key) {
    throw new AppError('validation', 'a topic keeps its key', {
      ...coded('topic.key_fixed'),
      problems: [fieldProblem('/key', 'a topic keeps its key', coded('topic.key_fixed'))],
    });
  }
  const row = await q.updateTopic(input.db, input.id, input.topic);
  if (!row) throw notFound(`topic ${input.id}`, coded('topic.not_found', { key: String(input.id) }));
  return presentTopic(row);
}

export async function listTopics(input: { db: AnyDb; enabledOnly?: boolean }): Promise<Topic[]> {
  return (await q.listTopics(input.db, { enabledOnly: input.enabledOnly ?? false })).map(presentTopic);
}

/** The topic with this key, or null. */
export async function findTopic(input: { db: AnyDb; key: string }): Promise<Topic | null> {
  const row = await q.findTopicByKey(input.db, input.key);
  return row ? presentTopic(row) : null;
}

/**
 * A topic's name in a language: that language, its primary tag, English, else any.
 * @example topicName(topic, 'de-at') // 'Sicherheit'
 */
export function topicName(topic: Pick<Topic, 'names' | 'key'>, language: string): string {
  const names = topic.names;
  return names[language] ?? names[language.split('-')[0]!] ?? names.en ?? Object.values(names)[0] ?? topic.key;
}
