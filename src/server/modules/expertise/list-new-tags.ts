// The review list of free-typed hashtags: those on profiles (skills, mentoring topics, learning goals)
// that are neither a skill nor an alias nor ignored, most used first, each with its closest skills by
// trigram similarity and the action a reviewer probably wants.
import type { AnyDb } from '../../platform/db/connect.js';
import type { NewTag } from '../../../shared/skills.js';
import { countProfileHashtags } from '../people/index.js';
import * as q from './skill-admin.queries.js';
import { matchSkillWords } from './skill-taxonomy.js';

/** From this trigram similarity on, a new tag reads as another way to write an existing skill. */
export const ALIAS_SIMILARITY = 0.5;
/** From this many people on, a tag unlike any skill is worth a skill of its own. */
export const APPROVE_MIN_PEOPLE = 3;
const CLOSEST = 3;

/**
 * Alias when search already reads the tag as a skill (another spelling or a typo of it: not a compound,
 * which is usually a narrower skill) or a skill is close; approve when many use it; else ignore.
 * @example suggestAction(1, [{ tag: 'excel', similarity: 0.38 }], 'excel') // { suggestion: 'alias', suggested_skill: 'excel' }
 */
export function suggestAction(
  people: number,
  closest: { tag: string; similarity: number }[],
  resolvedAs: string | null,
): Pick<NewTag, 'suggestion' | 'suggested_skill'> {
  if (resolvedAs !== null) return { suggestion: 'alias', suggested_skill: resolvedAs };
  if (closest[0] && closest[0].similarity >= ALIAS_SIMILARITY) return { suggestion: 'alias', suggested_skill: closest[0].tag };
  return { suggestion: people >= APPROVE_MIN_PEOPLE ? 'approve' : 'ignore', suggested_skill: null };
}

/**
 * New tags to review, most used first.
 * @example await listNewTags({ db, limit: 50 }) // { new_tags: [{ tag: 'exel', people: 3, closest: [{ tag: 'excel', matched: 'excel', similarity: 0.38 }], suggestion: 'alias', suggested_skill: 'excel' }], total: 1 }
 */
export async function listNewTags(input: { db: AnyDb; limit: number }): Promise<{ new_tags: NewTag[]; total: number }> {
  const [counts, ignored] = await Promise.all([countProfileHashtags({ db: input.db }), q.listIgnored(input.db)]);
  const unknown = await q.findUnknownTags(
    input.db,
    [...counts.keys()].filter((tag) => !ignored.has(tag)),
  );
  const ranked = unknown.map((tag) => ({ tag, people: counts.get(tag) ?? 0 })).sort((a, b) => b.people - a.people || a.tag.localeCompare(b.tag));
  const page = ranked.slice(0, input.limit);
  const [neighbours, matches] = await Promise.all([
    q.findNeighbours(
      input.db,
      page.map((t) => t.tag),
      CLOSEST,
    ),
    matchSkillWords(
      input.db,
      page.map((t) => t.tag),
      page.length,
    ),
  ]);
  const resolvedAs = new Map<string, string>();
  for (const m of matches) if (m.kind !== 'compound' && !resolvedAs.has(m.via)) resolvedAs.set(m.via, m.tag);
  const closestOf = new Map<string, NewTag['closest']>();
  for (const n of neighbours)
    closestOf.set(n.probe, [...(closestOf.get(n.probe) ?? []), { tag: n.tag, matched: n.matched, similarity: Math.round(n.similarity * 100) / 100 }]);
  return {
    new_tags: page.map((t) => {
      const closest = closestOf.get(t.tag) ?? [];
      return { ...t, closest, ...suggestAction(t.people, closest, resolvedAs.get(t.tag) ?? null) };
    }),
    total: ranked.length,
  };
}
