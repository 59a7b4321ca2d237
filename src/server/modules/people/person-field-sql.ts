// SQL for each Person field a rule may name, over the alias `p` of the people table, including the
// derived fields at an evaluation date. The audience compiler builds predicates from these; only the
// people module knows how the table stores them.
import { sql, type RawBuilder } from 'kysely';
import type { Thresholds } from './people.queries.js';

export type FieldContext = { asOf: string; thresholds: Thresholds };

type FieldSql = (ctx: FieldContext) => RawBuilder<unknown>;

const column =
  (name: string): FieldSql =>
  () =>
    sql.ref(`p.${name}`);

const yearsExperience = (ctx: FieldContext) => sql`people_years_experience(p.career_start_year, p.hire_date, ${ctx.asOf}::date)`;

const FIELD_SQL: Record<string, FieldSql> = {
  external_id: column('external_id'),
  email: column('email'),
  given_name: column('given_name'),
  family_name: column('family_name'),
  department: column('department'),
  function: column('function'),
  job_title: column('job_title'),
  job_level: column('job_level'),
  location: column('location'),
  region: column('region'),
  country: column('country'),
  language: column('language'),
  time_zone: column('time_zone'),
  about: column('about'),
  can_help_with: column('can_help_with'),
  status: column('status'),
  birth_year: column('birth_year'),
  hire_date: column('hire_date'),
  career_start_year: column('career_start_year'),
  social_maturity_stage: column('social_maturity_stage'),
  skills: column('skills'),
  interests: column('interests'),
  mentor_topics: column('mentor_topics'),
  learning_goals: column('learning_goals'),
  languages: column('languages'),
  mentor_available: column('mentor_available'),
  ambassador: column('ambassador'),
  direct_reports: column('direct_reports'),
  manager: () => sql`(SELECT m.external_id FROM people AS m WHERE m.id = p.manager_id)`,
  is_leader: () => sql`(p.direct_reports > 0)`,
  generation: () => sql`people_generation(p.birth_year)`,
  cohorts: () => sql`people_cohorts(p.birth_year)`,
  tenure_years: (ctx) => sql`people_tenure_years(p.hire_date, ${ctx.asOf}::date)`,
  years_experience: yearsExperience,
  experience_level: (ctx) =>
    sql`people_experience_level(p.experience_level_explicit, ${yearsExperience(ctx)}, ${ctx.thresholds.noviceBelow}::int, ${ctx.thresholds.midBelow}::int)`,
};

/**
 * The SQL value of a Person or derived field for the person `p`, or undefined for an unknown name.
 * @example personFieldSql('tenure_years', { asOf: '2026-06-15', thresholds }) // people_tenure_years(p.hire_date, $1::date)
 */
export function personFieldSql(name: string, ctx: FieldContext): RawBuilder<unknown> | undefined {
  return Object.hasOwn(FIELD_SQL, name) ? FIELD_SQL[name]!(ctx) : undefined;
}

/** The jsonb value of a custom attribute of `p` (SQL NULL when absent). */
export function attributeSql(key: string): RawBuilder<unknown> {
  return sql`(p.attributes -> ${key}::text)`;
}

/** The text value of a custom attribute of `p` (SQL NULL when absent). */
export function attributeTextSql(key: string): RawBuilder<unknown> {
  return sql`(p.attributes ->> ${key}::text)`;
}

/** True for the one person `p` with this id. */
export function isPersonSql(personId: number): RawBuilder<boolean> {
  return sql<boolean>`(p.id = ${personId}::bigint)`;
}

/** True when `p` is the person with this id or anywhere below them in the org tree. */
export function orgWithinSql(personId: number): RawBuilder<boolean> {
  return sql<boolean>`(p.org_path @> ARRAY[${personId}::bigint])`;
}

/** Only active people are ever in an audience (DESIGN §3.1). */
export const activePersonSql = sql<boolean>`(p.status = 'active')`;
