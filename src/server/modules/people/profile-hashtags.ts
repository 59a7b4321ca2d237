// Profile hashtags as the skill taxonomy sees them: usage counts for review, and the rewrite a merge
// of two skills makes on every profile. Callers pass a transaction when the rewrite is part of one.
import type { AnyDb } from '../../platform/db/connect.js';
import * as q from './profile-hashtags.queries.js';

/**
 * Active people per hashtag listed as a skill, mentoring topic or learning goal (all hashtags, or only `tags`).
 * @example await countProfileHashtags({ db, tags: ['excel'] }) // Map { 'excel' => 412 }
 */
export async function countProfileHashtags(input: { db: AnyDb; tags?: string[] }): Promise<Map<string, number>> {
  if (input.tags?.length === 0) return new Map();
  return new Map((await q.countHashtagUse(input.db, input.tags ?? null)).map((r) => [r.tag, r.people]));
}

/**
 * Replaces hashtags on every profile (skills, mentoring topics, learning goals), keeping each list's
 * order and dropping the duplicates the replacement makes; answers how many people changed.
 * @example await replaceProfileHashtags({ db: trx, from: ['exel'], to: 'excel' }) // 3
 */
export async function replaceProfileHashtags(input: { db: AnyDb; from: string[]; to: string }): Promise<number> {
  const from = input.from.filter((tag) => tag !== input.to);
  return from.length === 0 ? 0 : q.replaceHashtags(input.db, from, input.to);
}
