// The derived fields of DESIGN §3.1 as SQL computes them: generation and cohort boundaries, whole
// years of tenure at the evaluation date, experience with configurable thresholds, leaders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestRuntime, type TestRuntime } from '../../testing/test-runtime.js';
import { derivedColumns, importPeopleRows } from './index.js';

let t: TestRuntime;
beforeAll(async () => {
  t = await startTestRuntime();
});
afterAll(async () => t?.close());

async function scalar<T>(query: ReturnType<typeof sql<{ v: T }>>): Promise<T> {
  return (await query.execute(t.database.db)).rows[0]!.v;
}

describe('derived fields', () => {
  it('maps birth years to Pew generations at every boundary, and adds xennial for 1977-83', async () => {
    const cases: [number, string, string[]][] = [
      [1945, 'silent', ['silent']],
      [1946, 'boomer', ['boomer']],
      [1964, 'boomer', ['boomer']],
      [1965, 'gen_x', ['gen_x']],
      [1976, 'gen_x', ['gen_x']],
      [1977, 'gen_x', ['gen_x', 'xennial']],
      [1980, 'gen_x', ['gen_x', 'xennial']],
      [1981, 'millennial', ['millennial', 'xennial']],
      [1983, 'millennial', ['millennial', 'xennial']],
      [1984, 'millennial', ['millennial']],
      [1996, 'millennial', ['millennial']],
      [1997, 'gen_z', ['gen_z']],
      [2012, 'gen_z', ['gen_z']],
      [2013, 'gen_alpha', ['gen_alpha']],
    ];
    for (const [year, generation, cohorts] of cases) {
      expect(await scalar<string>(sql`SELECT people_generation(${year}::int) AS v`), String(year)).toBe(generation);
      expect(await scalar<string[]>(sql`SELECT people_cohorts(${year}::int) AS v`), String(year)).toEqual(cohorts);
    }
    expect(await scalar<string | null>(sql`SELECT people_generation(NULL) AS v`)).toBeNull();
    expect(await scalar<string[]>(sql`SELECT people_cohorts(NULL) AS v`)).toEqual([]);
  });

  it('counts whole years of tenure completed at the evaluation date', async () => {
    const tenure = (asOf: string) => scalar<number>(sql`SELECT people_tenure_years('2020-06-15'::date, ${asOf}::date) AS v`);
    expect(await tenure('2026-06-14')).toBe(5);
    expect(await tenure('2026-06-15')).toBe(6);
    expect(await scalar<number>(sql`SELECT people_tenure_years('2020-02-29'::date, '2021-02-28'::date) AS v`)).toBe(0);
    expect(await scalar<number>(sql`SELECT people_tenure_years('2020-02-29'::date, '2021-03-01'::date) AS v`)).toBe(1);
  });

  it('derives experience from career start, else hire year, with configurable thresholds', async () => {
    await importPeopleRows({
      db: t.database.db,
      rows: [
        { line: 1, value: { external_id: 'X1', email: 'x1@x.example', given_name: 'A', family_name: 'A', career_start_year: 2024, hire_date: '2010-01-01' } },
        { line: 2, value: { external_id: 'X2', email: 'x2@x.example', given_name: 'B', family_name: 'B', hire_date: '2020-01-01' } },
        {
          line: 3,
          value: { external_id: 'X3', email: 'x3@x.example', given_name: 'C', family_name: 'C', hire_date: '2001-01-01', experience_level: 'novice' },
        },
        { line: 4, value: { external_id: 'X4', email: 'x4@x.example', given_name: 'D', family_name: 'D' } },
      ],
    });
    const rows = async (noviceBelow: number, midBelow: number) =>
      (
        await sql<{ external_id: string; years_experience: number | null; experience_level: string | null }>`
        SELECT p.external_id, ${derivedColumns('2026-06-01', { noviceBelow, midBelow })} FROM people AS p WHERE p.external_id LIKE 'X%' ORDER BY p.external_id`.execute(
          t.database.db,
        )
      ).rows;
    expect((await rows(3, 10)).map((r) => [r.external_id, r.years_experience, r.experience_level])).toEqual([
      ['X1', 2, 'novice'],
      ['X2', 6, 'mid_career'],
      ['X3', 25, 'novice'],
      ['X4', null, null],
    ]);
    expect((await rows(2, 5)).map((r) => r.experience_level)).toEqual(['mid_career', 'expert', 'novice', null]);
  });
});
