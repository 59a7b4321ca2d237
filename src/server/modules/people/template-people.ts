// What other modules may know of people to address them: rows of an audience with columns chosen by
// the caller (the campaign fan-out selects over `people AS p` through this, never naming the table),
// and the fields a message template shows, with the manager's.
import { sql, type RawBuilder } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';

/** The fields a template may show of a person (and of their manager). */
export type TemplatePerson = {
  id: number;
  external_id: string;
  given_name: string;
  family_name: string;
  display_name: string;
  email: string | null;
  department: string | null;
  function: string | null;
  job_title: string | null;
  location: string | null;
  region: string | null;
  country: string | null;
  language: string | null;
  time_zone: string | null;
  manager: Omit<TemplatePerson, 'manager' | 'id' | 'external_id' | 'time_zone'> | null;
};

/**
 * `SELECT p.id AS person_id, <columns> FROM people AS p WHERE <where>`: an audience as rows, with the
 * person's lower-cased language as `lang`, their e-mail as `email`, time zone as `time_zone` and
 * ancestors (root first, self last) as `org_path`, for set-based work in the caller's statement.
 */
export function selectAudienceRows(where: RawBuilder<boolean>, columns?: RawBuilder<unknown>): RawBuilder<unknown> {
  const more = columns ? sql`, ${columns}` : sql``;
  return sql`SELECT p.id AS person_id, lower(coalesce(p.language, '')) AS lang, p.email, p.time_zone, p.org_path${more} FROM people AS p WHERE ${where}`;
}

const FIELDS = sql`given_name, family_name, email, department, function, job_title, location, region, country, language`;

type Row = Omit<TemplatePerson, 'display_name' | 'manager'> & {
  manager: Omit<TemplatePerson, 'manager' | 'display_name' | 'id' | 'external_id' | 'time_zone'> | null;
};

const withDisplayName = <T extends { given_name: string; family_name: string }>(p: T) => ({ ...p, display_name: `${p.given_name} ${p.family_name}`.trim() });

/**
 * Template fields of these people, by id (people who are gone are missing from the map).
 * @example (await findTemplatePeople({ db, ids: [7] })).get(7)?.manager?.given_name // 'Anna'
 */
export async function findTemplatePeople(input: { db: AnyDb; ids: number[] }): Promise<Map<number, TemplatePerson>> {
  if (input.ids.length === 0) return new Map();
  const result = await sql<Row>`
    SELECT p.id, p.external_id, p.time_zone, ${sql.join(['given_name', 'family_name', 'email', 'department', 'function', 'job_title', 'location', 'region', 'country', 'language'].map((c) => sql.ref(`p.${c}`)))},
      (SELECT to_jsonb(m) FROM (SELECT ${FIELDS} FROM people WHERE id = p.manager_id) AS m) AS manager
    FROM people AS p WHERE p.id = ANY(${input.ids}::bigint[])`.execute(input.db);
  return new Map(result.rows.map((r) => [r.id, { ...withDisplayName(r), manager: r.manager ? withDisplayName(r.manager) : null }]));
}
