// Derived fields restated as ranges over the stored columns, so the audience compiler can filter on
// birth_year and hire_date (cheap, indexable) instead of computing generation, cohorts or tenure for
// every row. Each function gives exactly the people the derived field would; the differential test
// of the audiences module holds them to that.
import { sql, type RawBuilder } from 'kysely';
import { COHORT_BIRTH_YEARS } from '../../../shared/people.js';

type Pred = RawBuilder<boolean>;

/** People whose birth year falls in the cohort (a generation or xennial); false for unknown names. */
export function cohortSql(cohort: string): Pred {
  const years = Object.hasOwn(COHORT_BIRTH_YEARS, cohort) ? COHORT_BIRTH_YEARS[cohort as keyof typeof COHORT_BIRTH_YEARS] : undefined;
  if (!years) return sql<boolean>`FALSE`;
  const [low, high] = years;
  const parts: RawBuilder<unknown>[] = [sql`p.birth_year IS NOT NULL`];
  if (low !== null) parts.push(sql`p.birth_year >= ${low}::int`);
  if (high !== null) parts.push(sql`p.birth_year <= ${high}::int`);
  return sql<boolean>`(${sql.join(parts, sql` AND `)})`;
}

/**
 * People whose whole years of tenure at `asOf` are at least `years` (an integer): hired on or before
 * the same day `years` years earlier, as age() counts it (so 29 February works out the same).
 */
export function tenureAtLeastSql(years: number, asOf: string): Pred {
  return sql<boolean>`(p.hire_date IS NOT NULL AND p.hire_date <= (${asOf}::date - make_interval(years => ${years}::int))::date)`;
}

/** People with a hire date (so a tenure); tenure conditions are false for the rest. */
export const hasTenureSql = sql<boolean>`(p.hire_date IS NOT NULL)`;

const careerStartYear = sql`coalesce(p.career_start_year::int, extract(year FROM p.hire_date)::int)`;

/** People whose experience_level at `asOf` is `level` (explicit, else from years of experience). */
export function experienceLevelSql(level: string, asOf: string, t: { noviceBelow: number; midBelow: number }): Pred {
  const year = Number(asOf.slice(0, 4));
  // years = year - start, so "years < n" is "start > year - n".
  const derived: Record<string, RawBuilder<unknown> | undefined> = {
    novice: sql`${careerStartYear} > ${year - t.noviceBelow}::int`,
    mid_career: sql`${careerStartYear} <= ${year - t.noviceBelow}::int AND ${careerStartYear} > ${year - t.midBelow}::int`,
    expert: sql`${careerStartYear} <= ${year - t.midBelow}::int`,
  };
  const range = Object.hasOwn(derived, level) ? derived[level] : undefined;
  if (!range) return sql<boolean>`FALSE`;
  // Every branch is two-valued (never NULL), so NOT of this predicate is exact.
  return sql<boolean>`((p.experience_level_explicit IS NOT NULL AND p.experience_level_explicit = ${level}::text)
    OR (p.experience_level_explicit IS NULL AND ${careerStartYear} IS NOT NULL AND ${range}))`;
}

/** People who have an experience level at all (explicit, or a career start or hire date). */
export const hasExperienceLevelSql = sql<boolean>`(p.experience_level_explicit IS NOT NULL OR ${careerStartYear} IS NOT NULL)`;
