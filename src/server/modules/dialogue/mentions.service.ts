// What a comment's text names: @[external_id] mentions resolved to people (an unknown one is a 400),
// #hashtags resolved to canonical skills of the expertise taxonomy (an unknown tag stays a plain tag),
// and the language sentiment reads it in (the text's own, else the author's, else English).
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError } from '../../platform/http/app-error.js';
import { hashtagsOf, mentionedIds, SENTIMENT_LANGUAGES, type SentimentLanguage } from '../../../shared/conversation.js';
import { detectLanguage, resolveSkills } from '../expertise/index.js';
import { resolvePersonRefs } from '../people/index.js';
import type { Hashtag } from './comments.queries.js';

/**
 * The people a body mentions, by external id; a 400 naming the first that is no one.
 * @example await resolveMentions({ db, body: 'Ask @[E17]' }) // Map { 'E17' => 42 }
 */
export async function resolveMentions(input: { db: AnyDb; body: string }): Promise<Map<string, number>> {
  const ids = mentionedIds(input.body);
  if (ids.length === 0) return new Map();
  // resolvePersonRefs also takes e-mails; a mention is by external id only.
  const found = await resolvePersonRefs({ db: input.db, refs: ids });
  const unknown = ids.find((id) => !found.has(id) || id.includes('@'));
  if (unknown !== undefined) {
    throw new AppError('validation', `no person ${unknown} to mention`, {
      messageCode: 'conversation.mention_unknown',
      params: { external_id: unknown },
      problems: [{ pointer: '/body', message: `no person ${unknown}`, code: 'conversation.mention_unknown', params: { external_id: unknown } }],
    });
  }
  return found;
}

/**
 * The body's hashtags, each with the canonical skill it names (directly, by alias, compound or typo).
 * @example await resolveHashtags({ db, body: 'Tips for #exel' }) // [{ tag: 'exel', skill: 'excel' }]
 */
export async function resolveHashtags(input: { db: AnyDb; body: string }): Promise<Hashtag[]> {
  const tags = hashtagsOf(input.body);
  if (tags.length === 0) return [];
  const resolved = await resolveSkills({ db: input.db, candidates: tags });
  const skillOf = new Map<string, string>();
  for (const skill of resolved) if (!skillOf.has(skill.via)) skillOf.set(skill.via, skill.tag);
  return tags.map((tag) => ({ tag, skill: skillOf.get(tag) ?? (resolved.some((s) => s.tag === tag) ? tag : null) }));
}

const isSentimentLanguage = (value: string | null | undefined): value is SentimentLanguage => (SENTIMENT_LANGUAGES as readonly string[]).includes(value ?? '');

/**
 * The language a comment is read in: detected from its function words, else the author's language.
 * @example commentLanguage('Das ist nicht gut und nicht klar', 'en') // 'de'
 */
export function commentLanguage(body: string, authorLanguage: string | null): SentimentLanguage {
  const primary = authorLanguage?.toLowerCase().split('-')[0] ?? null;
  const fallback = isSentimentLanguage(primary) ? primary : 'en';
  const detected = detectLanguage(body, fallback);
  return isSentimentLanguage(detected) ? detected : fallback;
}
