// Loads N demo people straight into the people table, ids and org paths worked out here, for
// benchmarks that need a large directory fast: COPY on a PostgreSQL server, batched jsonb inserts on
// PGlite (its socket has no COPY). Not the import: `import.bench.ts` measures that. Also fills the
// events table with a deterministic activity history for Activity conditions.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type pg from 'pg';
import { iterateDemoPeople } from '../src/server/modules/people/demo/generate-demo-people.js';
import type { PersonInput } from '../src/shared/people.js';

const COLUMNS = [
  'id',
  'external_id',
  'email',
  'given_name',
  'family_name',
  'department',
  'function',
  'job_title',
  'job_level',
  'location',
  'region',
  'country',
  'language',
  'time_zone',
  'birth_year',
  'hire_date',
  'career_start_year',
  'experience_level_explicit',
  'manager_id',
  'social_maturity_stage',
  'skills',
  'interests',
  'mentor_topics',
  'learning_goals',
  'languages',
  'about',
  'can_help_with',
  'mentor_available',
  'ambassador',
  'status',
  'attributes',
  'org_path',
  'direct_reports',
] as const;

const escapeCopy = (s: string) => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
const arrayLiteral = (items: readonly (string | number)[]) =>
  `{${items.map((e) => (typeof e === 'number' ? String(e) : `"${e.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (Array.isArray(value)) return escapeCopy(arrayLiteral(value as (string | number)[]));
  if (typeof value === 'object') return escapeCopy(JSON.stringify(value));
  return escapeCopy(typeof value === 'string' ? value : JSON.stringify(value));
}

/**
 * Loads `count` people (seeded, deterministic) and returns their ids by external_id.
 * @example const ids = await loadPeopleFixture(pool, 1_000_000);
 */
export async function loadPeopleFixture(pool: pg.Pool, count: number, options: { seed?: number; copy?: boolean } = {}): Promise<Map<string, number>> {
  const seed = options.seed ?? 7;
  const people: PersonInput[] = [...iterateDemoPeople({ count, seed, asOf: '2026-06-30' })];
  const ids = new Map(people.map((p, i) => [p.external_id, i + 1]));
  const managerOf = people.map((p) => (p.manager ? ids.get(p.manager)! : null));
  const paths = new Array<number[] | undefined>(count);
  const pathOf = (index: number): number[] => {
    const known = paths[index];
    if (known) return known;
    const manager = managerOf[index];
    const path = manager === null || manager === undefined ? [index + 1] : [...pathOf(manager - 1), index + 1];
    paths[index] = path;
    return path;
  };
  const reports = new Array<number>(count).fill(0);
  people.forEach((p, i) => {
    const m = managerOf[i];
    if (m && p.status !== 'inactive') reports[m - 1]! += 1;
  });
  function* rows(): Generator<Record<(typeof COLUMNS)[number], unknown>> {
    for (let i = 0; i < count; i++) {
      const p = people[i]!;
      const row: Record<(typeof COLUMNS)[number], unknown> = {
        id: i + 1,
        external_id: p.external_id,
        email: p.email,
        given_name: p.given_name,
        family_name: p.family_name,
        department: p.department,
        function: p.function,
        job_title: p.job_title,
        job_level: p.job_level,
        location: p.location,
        region: p.region,
        country: p.country,
        language: p.language,
        time_zone: p.time_zone,
        birth_year: p.birth_year,
        hire_date: p.hire_date,
        career_start_year: p.career_start_year,
        experience_level_explicit: p.experience_level,
        manager_id: managerOf[i],
        social_maturity_stage: p.social_maturity_stage,
        skills: p.skills ?? [],
        interests: p.interests ?? [],
        mentor_topics: p.mentor_topics ?? [],
        learning_goals: p.learning_goals ?? [],
        languages: p.languages ?? [],
        about: p.about,
        can_help_with: p.can_help_with,
        mentor_available: p.mentor_available ?? false,
        ambassador: p.ambassador ?? false,
        status: p.status ?? 'active',
        attributes: p.attributes ?? {},
        org_path: pathOf(i),
        direct_reports: reports[i],
      };
      yield row;
    }
  }
  function* lines(): Generator<string> {
    for (const row of rows()) yield COLUMNS.map((c) => cell(row[c])).join('\t') + '\n';
  }
  const client = await pool.connect();
  try {
    if (options.copy ?? true) {
      await pipeline(Readable.from(lines()), client.query(copyFrom(`COPY people (${COLUMNS.join(', ')}) FROM STDIN`)));
    } else {
      let batch: Record<string, unknown>[] = [];
      const flush = async () => {
        await client.query(
          `INSERT INTO people (${COLUMNS.join(', ')}) SELECT ${COLUMNS.map((c) => `r.${c}`).join(', ')} FROM jsonb_populate_recordset(NULL::people, $1::jsonb) AS r`,
          [JSON.stringify(batch)],
        );
        batch = [];
      };
      // Separate statements check the manager foreign key each time: managers go first.
      const ordered = [...rows()].sort((a, b) => (a.org_path as number[]).length - (b.org_path as number[]).length);
      for (const row of ordered) {
        batch.push(row);
        if (batch.length === 5000) await flush();
      }
      if (batch.length > 0) await flush();
    }
    await client.query(`SELECT setval(pg_get_serial_sequence('people', 'id'), ${count})`);
    await client.query('ANALYZE people');
  } finally {
    client.release();
  }
  return ids;
}

/**
 * A deterministic activity history: campaigns 1-3 delivered to about half the people over the 60
 * days before `asOf`, with opens, clicks and acknowledgements for some of those deliveries.
 */
export async function loadEventsFixture(pool: pg.Pool, asOf: string): Promise<number> {
  const result = await pool.query(
    `
    INSERT INTO events (type, person_id, campaign_id, occurred_at)
    SELECT t.type, d.person_id, d.campaign_id, d.at + t.delay
    FROM (
      SELECT p.id AS person_id, c AS campaign_id,
        (($1::date - ((p.id * 7 + c * 3) % 60)::int)::timestamp AT TIME ZONE 'UTC') + make_interval(hours => (p.id % 9)::int + 8) AS at,
        (p.id * 31 + c * 17) % 100 AS roll
      FROM people AS p, generate_series(1, 3) AS c
      WHERE (p.id + c) % 2 = 0
    ) AS d
    CROSS JOIN LATERAL (VALUES ('delivered', interval '0'), ('opened', interval '2 hours'), ('clicked', interval '3 hours'), ('acknowledged', interval '1 day')) AS t(type, delay)
    WHERE t.type = 'delivered' OR (t.type = 'opened' AND d.roll < 60) OR (t.type = 'clicked' AND d.roll < 25) OR (t.type = 'acknowledged' AND d.roll < 15)`,
    [asOf],
  );
  await pool.query('ANALYZE events');
  return result.rowCount ?? 0;
}
