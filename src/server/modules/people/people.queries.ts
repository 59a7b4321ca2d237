// Read-side SQL of the people directory: search with keyset pagination, facets, one profile with its
// manager and reports, own-profile updates, and keyset batches for export. Derived fields come from
// the SQL functions of migration 0001, evaluated at a given date.
import { sql, type RawBuilder } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { ExperienceLevel, Generation } from '../../../shared/people.js';

export type Thresholds = { noviceBelow: number; midBelow: number };

/** A people row with its derived fields, as the presenters read it. */
export type PersonRow = {
  id: number;
  external_id: string;
  /** Optional: frontline staff often have none. */
  email: string | null;
  given_name: string;
  family_name: string;
  department: string | null;
  function: string | null;
  job_title: string | null;
  job_level: 'individual' | 'manager' | 'executive' | null;
  location: string | null;
  region: string | null;
  country: string | null;
  language: string | null;
  time_zone: string | null;
  birth_year: number | null;
  hire_date: string | null;
  career_start_year: number | null;
  experience_level_explicit: ExperienceLevel | null;
  manager_id: number | null;
  manager_external_id: string | null;
  social_maturity_stage: number | null;
  skills: string[];
  interests: string[];
  mentor_topics: string[];
  learning_goals: string[];
  languages: string[];
  about: string | null;
  can_help_with: string | null;
  mentor_available: boolean;
  ambassador: boolean;
  status: 'active' | 'inactive';
  attributes: Record<string, unknown>;
  direct_reports: number;
  generation: Generation | null;
  cohorts: string[];
  tenure_years: number | null;
  years_experience: number | null;
  experience_level: ExperienceLevel | null;
};

/** The derived columns of `p` at `asOf`, for any query over people. */
export function derivedColumns(asOf: string, t: Thresholds): RawBuilder<unknown> {
  return sql`
    people_generation(p.birth_year) AS generation,
    people_cohorts(p.birth_year) AS cohorts,
    people_tenure_years(p.hire_date, ${asOf}::date) AS tenure_years,
    people_years_experience(p.career_start_year, p.hire_date, ${asOf}::date) AS years_experience,
    people_experience_level(p.experience_level_explicit,
      people_years_experience(p.career_start_year, p.hire_date, ${asOf}::date), ${t.noviceBelow}::int, ${t.midBelow}::int) AS experience_level`;
}

const selectPerson = (asOf: string, t: Thresholds) => sql`
  SELECT p.*, mgr.external_id AS manager_external_id, ${derivedColumns(asOf, t)}
  FROM people AS p LEFT JOIN people AS mgr ON mgr.id = p.manager_id`;

export type DirectoryFilter = {
  /** Search tokens: letters and digits only, so they are safe inside a tsquery. */
  words: string[];
  department?: string;
  location?: string;
  skill?: string;
  under?: number;
  generation?: Generation;
  experienceLevel?: ExperienceLevel;
  after?: { family_name: string; given_name: string; id: number };
  limit: number;
};

export async function searchPeople(db: AnyDb, f: DirectoryFilter, asOf: string, t: Thresholds): Promise<PersonRow[]> {
  const conditions: RawBuilder<unknown>[] = [sql`p.status = 'active'`];
  if (f.words.length > 0) {
    // Each word must start a token of the person's names, title, department or skills.
    const query = f.words.map((w) => `${w}:*`).join(' & ');
    conditions.push(sql`to_tsvector('simple', people_search_text(p.given_name, p.family_name, p.job_title, p.department, p.skills))
      @@ to_tsquery('simple', ${query})`);
  }
  if (f.department) conditions.push(sql`lower(p.department) = lower(${f.department})`);
  if (f.location) conditions.push(sql`lower(p.location) = lower(${f.location})`);
  if (f.skill) conditions.push(sql`p.skills @> ARRAY[${f.skill}]::text[]`);
  if (f.under) conditions.push(sql`p.org_path @> ARRAY[${f.under}]::bigint[]`);
  if (f.generation) conditions.push(sql`people_generation(p.birth_year) = ${f.generation}`);
  if (f.experienceLevel) {
    conditions.push(sql`people_experience_level(p.experience_level_explicit,
      people_years_experience(p.career_start_year, p.hire_date, ${asOf}::date), ${t.noviceBelow}::int, ${t.midBelow}::int) = ${f.experienceLevel}`);
  }
  if (f.after) conditions.push(sql`(p.family_name, p.given_name, p.id) > (${f.after.family_name}, ${f.after.given_name}, ${f.after.id})`);
  const result = await sql<PersonRow>`
    ${selectPerson(asOf, t)}
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY p.family_name, p.given_name, p.id
    LIMIT ${f.limit}`.execute(db);
  return result.rows;
}

export async function findPersonById(db: AnyDb, id: number, asOf: string, t: Thresholds): Promise<PersonRow | undefined> {
  const result = await sql<PersonRow>`${selectPerson(asOf, t)} WHERE p.id = ${id}`.execute(db);
  return result.rows[0];
}

export type PersonRefRow = { id: number; external_id: string; given_name: string; family_name: string; job_title: string | null };

export async function findPersonRef(db: AnyDb, id: number): Promise<PersonRefRow | undefined> {
  const result = await sql<PersonRefRow>`SELECT id, external_id, given_name, family_name, job_title FROM people WHERE id = ${id}`.execute(db);
  return result.rows[0];
}

/** Active direct reports, by name. */
export async function findReports(db: AnyDb, managerId: number): Promise<PersonRefRow[]> {
  const result = await sql<PersonRefRow>`
    SELECT id, external_id, given_name, family_name, job_title FROM people
    WHERE manager_id = ${managerId} AND status = 'active' ORDER BY family_name, given_name, id`.execute(db);
  return result.rows;
}

export type Facet = { value: string; count: number };

export async function countFacets(db: AnyDb): Promise<{ departments: Facet[]; locations: Facet[]; skills: Facet[] }> {
  const [departments, locations, skills] = await Promise.all([
    sql<Facet>`SELECT department AS value, count(*)::int AS count FROM people WHERE status = 'active' AND department IS NOT NULL
      GROUP BY department ORDER BY count DESC, value LIMIT 200`.execute(db),
    sql<Facet>`SELECT location AS value, count(*)::int AS count FROM people WHERE status = 'active' AND location IS NOT NULL
      GROUP BY location ORDER BY count DESC, value LIMIT 200`.execute(db),
    sql<Facet>`SELECT s AS value, count(*)::int AS count FROM people, unnest(skills) AS s WHERE status = 'active'
      GROUP BY s ORDER BY count DESC, value LIMIT 500`.execute(db),
  ]);
  return { departments: departments.rows, locations: locations.rows, skills: skills.rows };
}

/** Writes the given profile columns of one person (names come from a fixed list, values are bound). */
export async function updateProfileColumns(db: AnyDb, id: number, changes: Record<string, unknown>): Promise<void> {
  const entries = Object.entries(changes);
  if (entries.length === 0) return;
  const sets = entries.map(([column, value]) => sql`${sql.ref(column)} = ${Array.isArray(value) ? sql`${value}::text[]` : value}`);
  await sql`UPDATE people SET ${sql.join(sets, sql`, `)}, updated_at = now() WHERE id = ${id}`.execute(db);
}

/** People with id above `afterId`, in id order, for streaming exports. */
export async function findPeopleBatch(db: AnyDb, afterId: number, limit: number, asOf: string, t: Thresholds): Promise<PersonRow[]> {
  const result = await sql<PersonRow>`${selectPerson(asOf, t)} WHERE p.id > ${afterId} ORDER BY p.id LIMIT ${limit}`.execute(db);
  return result.rows;
}

/** Every custom attribute key in use, for the CSV export's columns. */
export async function listAttributeKeys(db: AnyDb): Promise<string[]> {
  const result = await sql<{ key: string }>`SELECT DISTINCT jsonb_object_keys(attributes) AS key FROM people ORDER BY key`.execute(db);
  return result.rows.map((r) => r.key);
}

export async function countPeople(db: AnyDb): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM people`.execute(db);
  return result.rows[0]?.n ?? 0;
}

/** One active person with an e-mail per wanted kind (a top leader, a middle manager, a plain employee), for demo logins. */
export async function findDemoCandidates(
  db: AnyDb,
): Promise<{ root?: PersonRefRow & { email: string }; leader?: PersonRefRow & { email: string }; employee?: PersonRefRow & { email: string } }> {
  const pick = async (where: RawBuilder<unknown>) =>
    (
      await sql<PersonRefRow & { email: string }>`SELECT id, external_id, given_name, family_name, job_title, email FROM people
      WHERE status = 'active' AND email IS NOT NULL AND ${where} ORDER BY id LIMIT 1`.execute(db)
    ).rows[0];
  const [root, leader, employee] = await Promise.all([
    pick(sql`manager_id IS NULL AND direct_reports > 0`),
    pick(sql`manager_id IS NOT NULL AND direct_reports BETWEEN 4 AND 10 AND cardinality(org_path) >= 3`),
    pick(sql`direct_reports = 0 AND cardinality(skills) >= 3`),
  ]);
  return { root, leader, employee };
}

/** Active-or-not people matching a predicate over alias `p`, by name, after a keyset cursor. */
export async function findCardsWhere(
  db: AnyDb,
  where: RawBuilder<boolean>,
  limit: number,
  asOf: string,
  t: Thresholds,
  after?: DirectoryFilter['after'],
): Promise<PersonRow[]> {
  const keyset = after ? sql`AND (p.family_name, p.given_name, p.id) > (${after.family_name}, ${after.given_name}, ${after.id})` : sql``;
  const result = await sql<PersonRow>`${selectPerson(asOf, t)} WHERE (${where}) ${keyset}
    ORDER BY p.family_name, p.given_name, p.id LIMIT ${limit}`.execute(db);
  return result.rows;
}

export async function countWhere(db: AnyDb, where: RawBuilder<boolean>): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM people AS p WHERE ${where}`.execute(db);
  return result.rows[0]?.n ?? 0;
}

export async function findIdsWhere(db: AnyDb, where: RawBuilder<boolean>): Promise<number[]> {
  const result = await sql<{ id: number }>`SELECT p.id FROM people AS p WHERE ${where} ORDER BY p.id`.execute(db);
  return result.rows.map((r) => r.id);
}

/**
 * Most common values of a field among active people, optionally containing `text` (prefix matches
 * first). Numbers, dates and booleans are compared and answered as their text ('1985', '2020-06-15', 'true').
 */
export async function topFieldValues(db: AnyDb, value: RawBuilder<unknown>, isList: boolean, text: string, limit: number): Promise<Facet[]> {
  const source = isList ? sql`unnest(${value})` : sql`(${value})::text`;
  const result = await sql<Facet>`
    SELECT v AS value, count(*)::int AS count FROM (SELECT ${source} AS v FROM people AS p WHERE p.status = 'active') AS x
    WHERE v IS NOT NULL AND v <> '' AND strpos(lower(v), lower(${text}::text)) > 0
    GROUP BY v ORDER BY starts_with(lower(v), lower(${text}::text)) DESC, count DESC, v LIMIT ${limit}`.execute(db);
  return result.rows;
}

/** Counts the people matching `where`, grouped by the text value of `group` (both over alias `p`). */
export async function countGroupedWhere(db: AnyDb, where: RawBuilder<boolean>, group: RawBuilder<unknown>): Promise<{ value: string | null; count: number }[]> {
  const result = await sql<{ value: string | null; count: number }>`
    SELECT g AS value, count(*)::int AS count FROM (SELECT (${group})::text AS g FROM people AS p WHERE ${where}) AS x GROUP BY g`.execute(db);
  return result.rows;
}

/** Ids of people by external_id or (lower-cased) e-mail; an external_id match wins over an e-mail match. */
export async function findIdsByRefs(db: AnyDb, refs: string[]): Promise<{ ref: string; id: number }[]> {
  if (refs.length === 0) return [];
  const result = await sql<{ ref: string; id: number }>`
    SELECT DISTINCT ON (x.ref) x.ref, r.id FROM unnest(${refs}::text[]) AS x(ref)
    JOIN people AS r ON r.external_id = x.ref OR r.email = lower(x.ref)
    ORDER BY x.ref, (r.external_id = x.ref) DESC, r.id`.execute(db);
  return result.rows;
}

/** Active people with the given ids, in no particular order. */
/** The columns a person card shows: no derived fields, no manager, no attributes (lists of people read many). */
export type CardRow = Pick<
  PersonRow,
  | 'id'
  | 'external_id'
  | 'given_name'
  | 'family_name'
  | 'email'
  | 'department'
  | 'function'
  | 'job_title'
  | 'location'
  | 'region'
  | 'country'
  | 'language'
  | 'skills'
  | 'interests'
  | 'mentor_topics'
  | 'learning_goals'
  | 'languages'
  | 'mentor_available'
  | 'ambassador'
  | 'direct_reports'
>;

export async function findCardsByIds(db: AnyDb, ids: number[]): Promise<CardRow[]> {
  if (ids.length === 0) return [];
  const result = await sql<CardRow>`
    SELECT id, external_id, given_name, family_name, email, department, function, job_title, location, region, country, language,
      skills, interests, mentor_topics, learning_goals, languages, mentor_available, ambassador, direct_reports
    FROM people WHERE id = ANY(${ids}::bigint[]) AND status = 'active'`.execute(db);
  return result.rows;
}

/** Active people whose skills include any of `tags` (the skills GIN index answers). */
export async function findIdsByTags(db: AnyDb, tags: string[], limit: number): Promise<number[]> {
  if (tags.length === 0) return [];
  const result = await sql<{ id: number }>`
    SELECT id FROM people WHERE skills && ${tags}::text[] AND status = 'active' LIMIT ${limit}`.execute(db);
  return result.rows.map((r) => r.id);
}

/**
 * Active people whose "about" or "can help with" text contains one of `lexemes` (already stemmed, in
 * any of the languages), best `ts_rank` first. At most `scan` matching profiles are ranked, so a
 * word many profiles share cannot make the search slow.
 */
export async function findIdsByProfileText(db: AnyDb, lexemes: string[], limit: number, scan: number): Promise<{ id: number; rank: number }[]> {
  if (lexemes.length === 0) return [];
  const query = lexemes.map((l) => `'${l.replaceAll("'", "''")}'`).join(' | ');
  const result = await sql<{ id: number; rank: number }>`
    SELECT m.id, ts_rank(m.profile_search, to_tsquery('simple', ${query}))::float8 AS rank
    FROM (
      SELECT id, profile_search FROM people
      WHERE profile_search @@ to_tsquery('simple', ${query}) AND status = 'active'
      LIMIT ${scan}
    ) AS m
    ORDER BY rank DESC, m.id
    LIMIT ${limit}`.execute(db);
  return result.rows;
}

/** Active people available to mentor any of `topics` (excluding one person). */
export async function findMentorRows(db: AnyDb, topics: string[], excludeId: number, limit: number, asOf: string, t: Thresholds): Promise<PersonRow[]> {
  if (topics.length === 0) return [];
  const result = await sql<PersonRow>`${selectPerson(asOf, t)}
    WHERE p.status = 'active' AND p.mentor_available AND p.mentor_topics && ${topics}::text[] AND p.id <> ${excludeId}
    LIMIT ${limit}`.execute(db);
  return result.rows;
}

/** Active ambassadors, those at `location` first. */
export async function findAmbassadorRows(db: AnyDb, location: string | null, limit: number, asOf: string, t: Thresholds): Promise<PersonRow[]> {
  const result = await sql<PersonRow>`${selectPerson(asOf, t)}
    WHERE p.status = 'active' AND p.ambassador
    ORDER BY (lower(p.location) = lower(${location}::text)) DESC NULLS LAST, p.family_name, p.given_name, p.id LIMIT ${limit}`.execute(db);
  return result.rows;
}
