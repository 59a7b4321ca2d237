// Expert-search quality: our findExperts on the Cardano StackExchange set against popularity and BM25
// computed in the same run; MRR, P@1, nDCG@10 and latency. Options: --embedded, --limit N (default
// 10), --explain N (our top 3 with reasons beside the relevant people), --baselines-only (no database),
// --weights '{"profileWeight":1}' (try ranking weights without editing RANKING).
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../src/server/platform/paths.js';
import { importPeopleFile } from '../src/server/modules/people/index.js';
import { buildBm25, loadEvalSet, rankByPopularity, type EvalQuery, type EvalSet } from './expert-baselines.js';
import { scoreQuery, summarise, type Grades } from './ir-metrics.js';
import { openBenchDatabase, type BenchDatabase } from './bench-database.js';

const DATA_DIR = path.join(PROJECT_ROOT, '..', 'shared', 'data', 'expert-search', 'cardano');
const GOAL = { mrr: 0.4, ndcgAt10: 0.42 };

type Hit = { id: string; name: string; score: number; reasons: string[] };
type Result = { person: { external_id: string; display_name: string }; score: number; reasons: string[] };
type SystemRun = { name: string; rankings: string[][] };
// Loaded on demand, so --baselines-only runs without the database or the expertise module.
type Expertise = typeof import('../src/server/modules/expertise/index.js');
const loadExpertise = (): Promise<Expertise> => import('../src/server/modules/expertise/index.js');

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

function printTable(set: EvalSet, systems: SystemRun[]): Map<string, ReturnType<typeof summarise>> {
  const summaries = new Map<string, ReturnType<typeof summarise>>();
  console.log(`  ${'system'.padEnd(12)} ${'MRR'.padStart(6)} ${'MRR@10'.padStart(7)} ${'P@1'.padStart(6)} ${'nDCG@10'.padStart(8)}`);
  for (const system of systems) {
    const full = summarise(set.queries.map((q, i) => scoreQuery(system.rankings[i] ?? [], q.relevant)));
    const top10 = summarise(set.queries.map((q, i) => scoreQuery((system.rankings[i] ?? []).slice(0, 10), q.relevant)));
    summaries.set(system.name, full);
    const f = (x: number, width: number) => x.toFixed(3).padStart(width);
    console.log(`  ${system.name.padEnd(12)} ${f(full.mrr, 6)} ${f(top10.mrr, 7)} ${f(full.precisionAt1, 6)} ${f(full.ndcgAt10, 8)}`);
  }
  return summaries;
}

function baselineRuns(set: EvalSet): SystemRun[] {
  const popularity = rankByPopularity(set.people, set.contributions);
  const bm25 = buildBm25(set.people, set.contributions);
  return [
    { name: 'popularity', rankings: set.queries.map(() => popularity) },
    { name: 'BM25', rankings: set.queries.map((q) => bm25.rank(q.query)) },
  ];
}

async function loadIntoDatabase(db: BenchDatabase, set: EvalSet, { importContributionsFile }: Expertise): Promise<void> {
  const people = await importPeopleFile({ db: db.db, text: set.peopleText, format: 'jsonl' });
  if (people.rejected > 0) {
    throw new Error(`the people import rejected ${people.rejected} of ${people.rows} rows: ${JSON.stringify(people.errors.slice(0, 3))}`);
  }
  const contributions = await importContributionsFile({ db: db.db, text: set.contributionsText });
  if (contributions.rejected > 0) {
    throw new Error(
      `the contributions import rejected ${contributions.rejected} of ${contributions.rows} rows: ${JSON.stringify(contributions.errors.slice(0, 3))}`,
    );
  }
}

async function searchAll(
  db: BenchDatabase,
  queries: EvalQuery[],
  limit: number,
  { findExperts }: Expertise,
  weights: Record<string, number>,
): Promise<{ hits: Hit[][]; latencies: number[] }> {
  await findExperts({ db: db.db, q: queries[0]?.query ?? 'warm-up', limit, weights }); // warm caches and plans
  const hits: Hit[][] = [];
  const latencies: number[] = [];
  for (const query of queries) {
    const started = performance.now();
    const answer = await findExperts({ db: db.db, q: query.query, limit, weights });
    latencies.push(performance.now() - started);
    hits.push(answer.results.map((r: Result) => ({ id: r.person.external_id, name: r.person.display_name, score: r.score, reasons: r.reasons })));
  }
  return { hits, latencies: latencies.sort((a, b) => a - b) };
}

function explain(set: EvalSet, hits: Hit[][], bm25: string[][], count: number): void {
  const answers = new Map<string, number>();
  for (const c of set.contributions) answers.set(c.person, (answers.get(c.person) ?? 0) + 1);
  const skills = new Map(set.people.map((p) => [p.external_id, p.skills]));
  const grade = (relevant: Grades, id: string) => (relevant[id] === undefined ? '-' : String(relevant[id]));
  set.queries.slice(0, count).forEach((query, i) => {
    const ours = hits[i] ?? [];
    console.log(`\n${query.id}: ${query.query.slice(0, 110).replace(/\s+/g, ' ')}…`);
    console.log(`  query tags (not used for search): ${query.tags.join(', ')}`);
    for (const [rank, hit] of ours.slice(0, 3).entries()) {
      console.log(`  #${rank + 1} ${hit.id} ${hit.name} score ${hit.score.toFixed(3)} grade ${grade(query.relevant, hit.id)}`);
      for (const reason of hit.reasons) console.log(`       - ${reason}`);
    }
    for (const [id, g] of Object.entries(query.relevant)) {
      const oursRank = ours.findIndex((h) => h.id === id) + 1;
      const bmRank = (bm25[i] ?? []).indexOf(id) + 1;
      console.log(
        `  relevant ${id} grade ${g}: ours #${oursRank || '-'}, BM25 #${bmRank || '-'}, ${answers.get(id) ?? 0} prior answers, skills ${(skills.get(id) ?? []).join(', ')}`,
      );
    }
  });
}

export async function run(args: string[]): Promise<void> {
  const set = await loadEvalSet(DATA_DIR);
  const limit = option(args, 'limit', 10);
  const baselines = baselineRuns(set);
  const heading = `expert-search quality: cardano, ${set.queries.length} queries, ${set.people.length} people, ${set.contributions.length} contributions`;

  if (args.includes('--baselines-only')) {
    console.log(`${heading} (baselines only)`);
    printTable(set, baselines);
    return;
  }

  const expertise = await loadExpertise();
  const db = await openBenchDatabase({ embedded: args.includes('--embedded') });
  try {
    await loadIntoDatabase(db, set, expertise);
    const weightsAt = args.indexOf('--weights');
    const weights = weightsAt >= 0 ? z.record(z.string(), z.number()).parse(JSON.parse(args[weightsAt + 1] ?? '{}')) : {};
    const { hits, latencies } = await searchAll(db, set.queries, limit, expertise, weights);
    console.log(`${heading}, on ${db.label}; query text = the question only, never its tags`);
    const summaries = printTable(set, [{ name: 'ours', rankings: hits.map((h) => h.map((x) => x.id)) }, ...baselines]);
    const ours = summaries.get('ours')!;
    const best = Math.max(...baselines.map((b) => summaries.get(b.name)!.ndcgAt10));
    console.log(`  (ours returns ${limit} people a query, so its MRR is an MRR@${limit}; baselines rank everyone)`);
    console.log(`  ratio: ours / best baseline nDCG@10 = ${(ours.ndcgAt10 / best).toFixed(2)}`);
    const met = ours.mrr >= GOAL.mrr && ours.ndcgAt10 >= GOAL.ndcgAt10;
    console.log(`  goal: MRR >= ${GOAL.mrr.toFixed(2)} and nDCG@10 >= ${GOAL.ndcgAt10.toFixed(2)} (${met ? 'met' : 'not met'})`);
    console.log(
      `  findExperts latency over ${latencies.length} queries: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms`,
    );
    const explainCount = option(args, 'explain', 0);
    if (explainCount > 0) explain(set, hits, baselines[1]!.rankings, explainCount);
  } finally {
    await db.drop();
  }
}
