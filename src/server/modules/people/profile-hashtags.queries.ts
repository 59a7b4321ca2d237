// SQL over the hashtags on profiles (skills, mentoring topics, learning goals) for the skill-taxonomy
// review: how many people use each, and rewriting one hashtag to another when skills are merged.
import { sql, type RawBuilder } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';

/** Active people per hashtag on their skill lists; only `tags` when given (GIN on skills answers). */
export async function countHashtagUse(db: AnyDb, tags: string[] | null): Promise<{ tag: string; people: number }[]> {
  const only = tags === null ? sql`true` : sql`(p.skills && ${tags}::text[] OR p.mentor_topics && ${tags}::text[] OR p.learning_goals && ${tags}::text[])`;
  const tagFilter = tags === null ? sql`true` : sql`u.tag = ANY(${tags}::text[])`;
  const result = await sql<{ tag: string; people: number }>`
    SELECT u.tag, count(DISTINCT p.id)::int AS people
    FROM people AS p CROSS JOIN LATERAL unnest(p.skills || p.mentor_topics || p.learning_goals) AS u(tag)
    WHERE p.status = 'active' AND ${only} AND ${tagFilter}
    GROUP BY u.tag`.execute(db);
  return result.rows;
}

/** `list` with every `from` replaced by `to`, first occurrences kept in order, duplicates dropped. */
type HashtagList = 'skills' | 'mentor_topics' | 'learning_goals';

function replacedList(list: HashtagList, from: string[], to: string): RawBuilder<string[]> {
  return sql<string[]>`(
    SELECT coalesce(array_agg(d.x ORDER BY d.o), '{}') FROM (
      SELECT CASE WHEN u.e = ANY(${from}::text[]) THEN ${to}::text ELSE u.e END AS x, min(u.o) AS o
      FROM unnest(${sql.ref(`p.${list}`)}) WITH ORDINALITY AS u(e, o) GROUP BY 1
    ) AS d)`;
}

/** Rewrites `from` hashtags to `to` on every profile that lists one; answers how many people changed. */
export async function replaceHashtags(db: AnyDb, from: string[], to: string): Promise<number> {
  const result = await sql`
    UPDATE people AS p SET
      skills = ${replacedList('skills', from, to)},
      mentor_topics = ${replacedList('mentor_topics', from, to)},
      learning_goals = ${replacedList('learning_goals', from, to)},
      updated_at = now()
    WHERE p.skills && ${from}::text[] OR p.mentor_topics && ${from}::text[] OR p.learning_goals && ${from}::text[]`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}
