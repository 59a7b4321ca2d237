// Expert-search latency at scale: N demo people (default 100,000) and M contributions (default
// 500,000) written from their skills in their languages, then 60 questions built from skill labels.
// Prints p50/p95 of findExperts beside the bare GIN lookup of the same questions' words (the floor a
// search cannot go under) and the ratio. Goal: p95 under 50 ms. Options: --people N --contributions M.
import { sql } from 'kysely';
import { findExperts, seedSkillTaxonomy } from '../src/server/modules/expertise/index.js';
import { SKILL_CATALOGUE } from '../src/server/modules/people/index.js';
import { openBenchDatabase, type BenchDatabase } from './bench-database.js';
import { loadPeopleFixture } from './people-fixture.js';

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

const FILLER =
  'how do i set up configure build report fix improve automate share explain compare plan review migrate export import filter group sort calculate present train team project customer data process tool template example problem question best practice quickly'.split(
    ' ',
  );

/** Loads `people` demo people and `contributions` contributions written from their skills, with statistics. */
export async function loadExpertsFixture(db: BenchDatabase, people: number, contributions: number): Promise<void> {
  await loadPeopleFixture(db.pool, people, { copy: !db.label.startsWith('embedded') });
  await seedSkillTaxonomy({ db: db.db });
  // Contributions written in SQL from each author's skills: titles and bodies mix skill words with
  // common filler, so terms range from rare to everywhere, as in real answers.
  await sql`
    INSERT INTO contributions (external_id, person_id, kind, title, body, tags, language, created_at, score, accepted, search, search_length)
    SELECT x.external_id, x.person_id, 'answer', x.title, x.body, x.tags, x.language, x.created_at, x.score, x.accepted,
      v.search, length(v.search)
    FROM (
      SELECT 'bench-' || g AS external_id, p.id AS person_id,
        initcap((${FILLER}::text[])[1 + g % 20]) || ' ' || replace(p.skills[1 + g % greatest(cardinality(p.skills), 1)], '-', ' ') || ' ' || (${FILLER}::text[])[1 + (g * 7) % 38] AS title,
        array_to_string(ARRAY(SELECT replace(p.skills[1 + (g + k) % greatest(cardinality(p.skills), 1)], '-', ' ') || ' ' || (${FILLER}::text[])[1 + (g * k) % 38] FROM generate_series(1, 12) AS k), ' ') AS body,
        p.skills[1:2] AS tags, coalesce(p.language, 'en') AS language,
        timestamptz '2026-06-30' - make_interval(days => (g % 700)::int) AS created_at, (g % 7) - 1 AS score, g % 5 = 0 AS accepted
      FROM generate_series(1, ${contributions}::int) AS g
      JOIN people AS p ON p.id = 1 + (g::bigint * 7919) % ${people}::int
    ) AS x
    CROSS JOIN LATERAL (SELECT setweight(to_tsvector(expertise_ts_config(x.language), x.title), 'A')
      || setweight(to_tsvector(expertise_ts_config(x.language), array_to_string(x.tags, ' ')), 'A')
      || setweight(to_tsvector(expertise_ts_config(x.language), x.body), 'B') AS search) AS v`.execute(db.db);
  await sql`INSERT INTO contribution_lexemes (lexeme, documents) SELECT word, ndoc FROM ts_stat('SELECT search FROM contributions')`.execute(db.db);
  await sql`INSERT INTO contribution_stats (documents, average_length, newest) SELECT count(*)::int, avg(search_length), max(created_at) FROM contributions`.execute(
    db.db,
  );
  // Settled as a production database would be (autovacuum would otherwise run over the timed queries).
  await sql`VACUUM ANALYZE`.execute(db.db);
}

/** 60 short questions in English, German and Dutch, each naming one catalogue skill. */
export function benchQuestions(): string[] {
  return SKILL_CATALOGUE.filter((_, i) => i % 5 === 0)
    .slice(0, 60)
    .map((s, i) =>
      i % 3 === 0
        ? `How do I get started with ${s.labels.en.toLowerCase()}?`
        : i % 3 === 1
          ? `Wer kennt sich mit ${s.labels.de} aus?`
          : `Wie kan me helpen met ${s.labels.nl.toLowerCase()}?`,
    );
}

export async function run(args: string[]): Promise<void> {
  const people = option(args, 'people', 100_000);
  const contributions = option(args, 'contributions', 500_000);
  const db = await openBenchDatabase({ embedded: args.includes('--embedded') });
  try {
    const started = performance.now();
    await loadExpertsFixture(db, people, contributions);
    console.log(
      `experts latency: ${people.toLocaleString('en')} people, ${contributions.toLocaleString('en')} contributions on ${db.label} (loaded in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );

    const questions = benchQuestions();
    const ours: number[] = [];
    const floor: number[] = [];
    for (const round of [0, 1]) {
      for (const question of questions) {
        let t = performance.now();
        await findExperts({ db: db.db, q: question, limit: 10 });
        if (round === 1) ours.push(performance.now() - t);
        t = performance.now();
        await sql`SELECT count(*) FROM (SELECT 1 FROM contributions WHERE search @@ plainto_tsquery('simple', ${question}) LIMIT 400) AS x`.execute(db.db);
        if (round === 1) floor.push(performance.now() - t);
      }
    }
    const f = (xs: number[], p: number) => percentile(xs, p).toFixed(1);
    console.log(`  findExperts              p50 ${f(ours, 50)} ms  p95 ${f(ours, 95)} ms`);
    console.log(`  GIN lookup (the floor)   p50 ${f(floor, 50)} ms  p95 ${f(floor, 95)} ms`);
    console.log(`  ratio p95 ${(percentile(ours, 95) / percentile(floor, 95)).toFixed(1)}x (goal: findExperts p95 under 50 ms)`);
  } finally {
    await db.drop();
  }
}
