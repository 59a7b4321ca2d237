// Audience preview benchmark: 20 representative rules (nested groups, skills, org within, tenure
// ranges, attributes, activity) previewed through the real compiler (count + 20 sample people), each
// beside the same question written as handwritten SQL, in the same run. Prints p50/p95 of both and
// the ratios. Options: --people N (default 1,000,000 on a server, 100,000 with --embedded), --embedded.
import type pg from 'pg';
import { previewAudience } from '../src/server/modules/audiences/index.js';
import { openBenchDatabase } from './bench-database.js';
import { loadEventsFixture, loadPeopleFixture } from './people-fixture.js';

const AS_OF = '2026-06-30';
const THRESHOLDS = { noviceBelow: 3, midBelow: 10 };

type Case = { name: string; rule: unknown; hand: string };

function cases(org: { root: string; rootId: number; head: string; headId: number }): Case[] {
  const novice = `(p.experience_level_explicit = 'novice' OR (p.experience_level_explicit IS NULL AND 2026 - coalesce(p.career_start_year, extract(year FROM p.hire_date)::int) < 3))`;
  const generation = {
    any: [
      { field: 'generation', op: 'eq', value: 'millennial' },
      { field: 'cohorts', op: 'has', value: 'xennial' },
    ],
  };
  const issueRule = [
    generation,
    { field: 'experience_level', op: 'eq', value: 'novice' },
    { field: 'department', op: 'in', value: ['Sales', 'Customer Support'] },
    { field: 'org', op: 'within', value: org.head },
  ];
  const issueHand = `(p.birth_year BETWEEN 1981 AND 1996 OR p.birth_year BETWEEN 1977 AND 1983) AND ${novice} AND lower(p.department) IN ('sales', 'customer support') AND p.org_path @> ARRAY[${org.headId}::bigint]`;
  return [
    { name: 'generation millennial', rule: { field: 'generation', op: 'eq', value: 'millennial' }, hand: 'p.birth_year BETWEEN 1981 AND 1996' },
    { name: 'cohort xennial', rule: { field: 'cohorts', op: 'has', value: 'xennial' }, hand: 'p.birth_year BETWEEN 1977 AND 1983' },
    { name: 'novices', rule: { field: 'experience_level', op: 'eq', value: 'novice' }, hand: novice },
    {
      name: 'department in 2',
      rule: { field: 'department', op: 'in', value: ['Sales', 'Customer Support'] },
      hand: `lower(p.department) IN ('sales', 'customer support')`,
    },
    { name: 'skill excel', rule: { field: 'skills', op: 'has', value: 'excel' }, hand: `p.skills @> '{excel}'` },
    {
      name: 'skills any of 3',
      rule: { field: 'skills', op: 'has_any', value: ['negotiation', 'pivot-tables', 'storytelling'] },
      hand: `p.skills && '{negotiation,pivot-tables,storytelling}'`,
    },
    {
      name: 'tenure 2-5 years',
      rule: { field: 'tenure_years', op: 'between', value: [2, 5] },
      hand: `p.hire_date > '2020-06-30' AND p.hire_date <= '2024-06-30'`,
    },
    { name: 'org within a department head', rule: { field: 'org', op: 'within', value: org.head }, hand: `p.org_path @> ARRAY[${org.headId}::bigint]` },
    { name: 'org within the CEO', rule: { field: 'org', op: 'within', value: org.root }, hand: `p.org_path @> ARRAY[${org.rootId}::bigint]` },
    {
      name: 'attribute contract',
      rule: { field: 'attributes.contract', op: 'eq', value: 'part_time' },
      hand: `lower(p.attributes ->> 'contract') = 'part_time'`,
    },
    {
      name: 'attribute in 2',
      rule: { field: 'attributes.work_model', op: 'in', value: ['remote', 'hybrid'] },
      hand: `lower(p.attributes ->> 'work_model') IN ('remote', 'hybrid')`,
    },
    { name: 'issue rule without activity', rule: { all: issueRule }, hand: issueHand },
    {
      name: 'issue rule with activity',
      rule: { all: [...issueRule, { activity: { type: 'opened', campaign: 3, within_days: 7 }, has: false }] },
      hand: `${issueHand} AND NOT EXISTS (SELECT 1 FROM events e WHERE e.person_id = p.id AND e.type = 'opened' AND e.campaign_id = 3 AND e.occurred_at >= '2026-06-23T00:00:00Z' AND e.occurred_at < '2026-07-01T00:00:00Z')`,
    },
    {
      name: 'opened campaign 1',
      rule: { activity: { type: 'opened', campaign: 1 }, has: true },
      hand: `EXISTS (SELECT 1 FROM events e WHERE e.person_id = p.id AND e.type = 'opened' AND e.campaign_id = 1 AND e.occurred_at < '2026-07-01T00:00:00Z')`,
    },
    {
      name: 'leaders in Benelux',
      rule: {
        all: [
          { field: 'is_leader', op: 'eq', value: true },
          { field: 'region', op: 'eq', value: 'Benelux' },
        ],
      },
      hand: `p.direct_reports > 0 AND lower(p.region) = 'benelux'`,
    },
    {
      name: 'not in two cities',
      rule: { not: { field: 'location', op: 'in', value: ['Berlin', 'Amsterdam'] } },
      hand: `NOT (p.location IS NOT NULL AND lower(p.location) IN ('berlin', 'amsterdam'))`,
    },
    {
      name: 'mature, not ambassador',
      rule: {
        all: [
          { field: 'social_maturity_stage', op: 'gte', value: 6 },
          { field: 'ambassador', op: 'eq', value: false },
        ],
      },
      hand: 'p.social_maturity_stage >= 6 AND NOT p.ambassador',
    },
    { name: 'title contains manager', rule: { field: 'job_title', op: 'contains', value: 'Manager' }, hand: `p.job_title ILIKE '%manager%'` },
    {
      name: 'learning goals all of 2',
      rule: { field: 'learning_goals', op: 'has_all', value: ['python', 'data-analysis'] },
      hand: `p.learning_goals @> '{python,data-analysis}'`,
    },
    {
      name: 'excel helpers available',
      rule: {
        all: [
          {
            any: [
              { field: 'skills', op: 'has', value: 'excel' },
              { field: 'mentor_topics', op: 'has', value: 'excel' },
            ],
          },
          { field: 'mentor_available', op: 'eq', value: true },
        ],
      },
      hand: `(p.skills @> '{excel}' OR p.mentor_topics @> '{excel}') AND p.mentor_available`,
    },
  ];
}

async function handwritten(pool: pg.Pool, predicate: string): Promise<number> {
  const where = `p.status = 'active' AND (${predicate})`;
  const [count] = await Promise.all([
    pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM people p WHERE ${where}`),
    pool.query(`SELECT p.* FROM people p WHERE ${where} ORDER BY p.family_name, p.given_name, p.id LIMIT 21`),
  ]);
  return count.rows[0]!.n;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

export async function run(args: string[]): Promise<void> {
  const embedded = args.includes('--embedded');
  const i = args.indexOf('--people');
  const count = i >= 0 ? Number(args[i + 1]) : embedded ? 100_000 : 1_000_000;
  const db = await openBenchDatabase({ embedded });
  try {
    const started = performance.now();
    await loadPeopleFixture(db.pool, count, { copy: !db.label.startsWith('embedded') });
    const events = await loadEventsFixture(db.pool, AS_OF);
    await db.pool.query('ANALYZE');
    const orgRows = await db.pool.query<{ id: number; external_id: string; root: boolean }>(`
      (SELECT id, external_id, true AS root FROM people WHERE manager_id IS NULL ORDER BY direct_reports DESC LIMIT 1)
      UNION ALL
      (SELECT c.id, c.external_id, false FROM people c JOIN people r ON r.id = c.manager_id AND r.manager_id IS NULL
        WHERE c.department = 'Sales' ORDER BY c.direct_reports DESC LIMIT 1)`);
    const root = orgRows.rows.find((r) => r.root)!;
    const head = orgRows.rows.find((r) => !r.root) ?? root;
    console.log(
      `audiences benchmark: ${count.toLocaleString('en')} people, ${events.toLocaleString('en')} events on ${db.label} (loaded in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    const all = { compiled: [] as number[], hand: [] as number[] };
    for (const c of cases({ root: root.external_id, rootId: root.id, head: head.external_id, headId: head.id })) {
      const compiledCount = (await previewAudience({ db: db.db, rule: c.rule, asOf: AS_OF, thresholds: THRESHOLDS })).count;
      const handCount = await handwritten(db.pool, c.hand);
      if (compiledCount !== handCount) throw new Error(`${c.name}: compiler counts ${compiledCount}, handwritten SQL ${handCount}`);
      const compiled: number[] = [];
      const hand: number[] = [];
      for (let round = 0; round < 5; round++) {
        let t = performance.now();
        await previewAudience({ db: db.db, rule: c.rule, asOf: AS_OF, thresholds: THRESHOLDS });
        compiled.push(performance.now() - t);
        t = performance.now();
        await handwritten(db.pool, c.hand);
        hand.push(performance.now() - t);
      }
      all.compiled.push(...compiled);
      all.hand.push(...hand);
      console.log(
        `  ${c.name.padEnd(30)} ${String(compiledCount).padStart(8)} people  preview p50 ${percentile(compiled, 50).toFixed(1).padStart(7)} ms  handwritten p50 ${percentile(hand, 50).toFixed(1).padStart(7)} ms  ratio ${(percentile(compiled, 50) / percentile(hand, 50)).toFixed(2)}`,
      );
    }
    const p = (xs: number[], n: number) => percentile(xs, n).toFixed(1);
    console.log(
      `  all 20 rules x 5 runs: preview p50 ${p(all.compiled, 50)} ms p95 ${p(all.compiled, 95)} ms | handwritten p50 ${p(all.hand, 50)} ms p95 ${p(all.hand, 95)} ms | ratio p50 ${(percentile(all.compiled, 50) / percentile(all.hand, 50)).toFixed(2)} p95 ${(percentile(all.compiled, 95) / percentile(all.hand, 95)).toFixed(2)} (goals: p95 under 1 s at 1M on PostgreSQL, within 1.2x)`,
    );
  } finally {
    await db.drop();
  }
}
