// How far history can take expert search on an evaluation set (default Cardano): each signal alone,
// a linear combination of all of them learned by coordinate ascent on MRR + nDCG@10 (in-sample and
// 5-fold cross-validated, the honest figure), and an oracle that is told the query's tags. In-process
// over the JSONL, no database: it says whether a ranking goal is reachable before tuning for it.
// Options: --data DIR (an evaluation set laid out like ../shared/data/expert-search/cardano).
import path from 'node:path';
import { PROJECT_ROOT } from '../src/server/platform/paths.js';
import { loadEvalSet, rankByPopularity, tokenise, type EvalSet } from './expert-baselines.js';
import { scoreQuery, summarise } from './ir-metrics.js';

type Summary = ReturnType<typeof summarise>;
/** features[query][person][signal] */
type Features = { names: string[]; values: number[][][] };

const HALF_LIVES = [14, 30, Infinity];
const halfLife = (h: number) => (h === Infinity ? 'no decay' : `half-life ${h} days`);
const DAY = 86_400_000;

function buildFeatures(set: EvalSet): Features {
  const people = set.people.map((p) => p.external_id);
  const index = new Map(people.map((id, i) => [id, i]));
  const newest = Math.max(...set.contributions.map((c) => Date.parse(c.created_at ?? '') || 0));
  const docs = set.contributions
    .map((c) => {
      const tokens = tokenise(`${c.title} ${c.body} ${c.tags.join(' ')}`);
      const tf = new Map<string, number>();
      for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
      const age = (newest - (Date.parse(c.created_at ?? '') || newest)) / DAY;
      const quality = 1 + (c.accepted ? 0.5 : 0) + 0.15 * Math.log1p(Math.max(0, c.score ?? 0));
      return { person: index.get(c.person) ?? -1, tf, title: new Set(tokenise(`${c.title} ${c.tags.join(' ')}`)), length: tokens.length, age, quality };
    })
    .filter((d) => d.person >= 0);
  const n = docs.length;
  const avgdl = docs.reduce((s, d) => s + d.length, 0) / Math.max(1, n);
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string) => Math.log(1 + (n - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5));
  // Model 1 (candidate profile): all of a person's contributions as one document.
  const profiles = people.map(() => ({ tf: new Map<string, number>(), length: 0 }));
  for (const d of docs) {
    const p = profiles[d.person]!;
    for (const [t, k] of d.tf) p.tf.set(t, (p.tf.get(t) ?? 0) + k);
    p.length += d.length;
  }
  const avgpl = profiles.reduce((s, p) => s + p.length, 0) / Math.max(1, people.length);
  const bm25 = (tf: number, length: number, avg: number) => (tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * length) / avg));
  const activity = HALF_LIVES.map((h) => {
    const sums = new Array<number>(people.length).fill(0);
    for (const d of docs) sums[d.person]! += 0.5 ** (d.age / h);
    return sums.map((s) => Math.log(0.05 + s));
  });

  const names = [
    ...HALF_LIVES.map((h) => `evidence, ${halfLife(h)}`),
    'best contribution',
    'profile (model 1)',
    'title and tags',
    ...HALF_LIVES.map((h) => `activity, ${halfLife(h)}`),
  ];
  const values = set.queries.map((query) => {
    const terms = [...new Set(tokenise(query.query))].filter((t) => df.has(t));
    const perQuery = names.slice(0, 6).map(() => new Array<number>(people.length).fill(0));
    for (const d of docs) {
      let s = 0;
      let title = 0;
      for (const t of terms) {
        const tf = d.tf.get(t);
        if (tf) s += idf(t) * bm25(tf, d.length, avgdl);
        if (d.title.has(t)) title += idf(t);
      }
      HALF_LIVES.forEach((h, i) => (perQuery[i]![d.person]! += s * d.quality * 0.5 ** (d.age / h)));
      perQuery[3]![d.person] = Math.max(perQuery[3]![d.person]!, s);
      perQuery[5]![d.person]! += title * 0.5 ** (d.age / 30);
    }
    profiles.forEach((p, i) => (perQuery[4]![i] = terms.reduce((s, t) => s + (p.tf.has(t) ? idf(t) * bm25(p.tf.get(t)!, p.length, avgpl) : 0), 0)));
    // Query-dependent signals are scaled to the query's best person, so one weight fits every query.
    const scaled = perQuery.map((v) => {
      const max = Math.max(...v, 1e-9);
      return v.map((x) => x / max);
    });
    return people.map((_, p) => [...scaled.map((v) => v[p]!), ...activity.map((a) => a[p]!)]);
  });
  return { names, values };
}

function evaluate(set: EvalSet, f: Features, weights: number[], queries: number[]): Summary {
  const people = set.people.map((p) => p.external_id);
  return summarise(
    queries.map((qi) => {
      const scores = f.values[qi]!.map((x) => x.reduce((s, v, j) => s + v * weights[j]!, 0));
      const ranked = people
        .map((id, p) => ({ id, s: scores[p]! }))
        .sort((a, b) => b.s - a.s || (a.id < b.id ? -1 : 1))
        .map((x) => x.id);
      return scoreQuery(ranked, set.queries[qi]!.relevant);
    }),
  );
}

/** Coordinate ascent (as in RankLib) on MRR + nDCG@10, from "recent activity only". */
function learn(set: EvalSet, f: Features, queries: number[]): number[] {
  let weights: number[] = f.names.map((name) => (name === 'activity, half-life 30 days' ? 1 : 0));
  const objective = (w: number[]) => {
    const s = evaluate(set, f, w, queries);
    return s.mrr + s.ndcgAt10;
  };
  let best = objective(weights);
  for (let round = 0; round < 6; round++) {
    let improved = false;
    for (let j = 0; j < weights.length; j++) {
      for (const step of [-1, -0.5, -0.25, -0.1, 0.1, 0.25, 0.5, 1]) {
        const candidate = weights.map((w, k) => (k === j ? w + step : w));
        const value = objective(candidate);
        if (value > best + 1e-9) [best, weights, improved] = [value, candidate, true];
      }
    }
    if (!improved) break;
  }
  return weights;
}

function oracleTags(set: EvalSet): Summary {
  // Told the question's tags: people ranked by P(person | tag) smoothed towards their activity.
  const counts = new Map<string, Map<string, number>>();
  const perTag = new Map<string, number>();
  const activity = new Map<string, number>();
  for (const c of set.contributions) {
    activity.set(c.person, (activity.get(c.person) ?? 0) + 1);
    for (const t of c.tags) {
      const m = counts.get(c.person) ?? new Map<string, number>();
      m.set(t, (m.get(t) ?? 0) + 1);
      counts.set(c.person, m);
      perTag.set(t, (perTag.get(t) ?? 0) + 1);
    }
  }
  const total = set.contributions.length;
  return summarise(
    set.queries.map((q) => {
      const score = (id: string) =>
        q.tags.reduce((s, t) => s + Math.log(((counts.get(id)?.get(t) ?? 0) + (8 * ((activity.get(id) ?? 0) + 0.01)) / total) / ((perTag.get(t) ?? 0) + 8)), 0);
      const ranked = set.people
        .map((p) => ({ id: p.external_id, s: score(p.external_id) }))
        .sort((a, b) => b.s - a.s)
        .map((x) => x.id);
      return scoreQuery(ranked, q.relevant);
    }),
  );
}

export async function run(args: string[]): Promise<void> {
  const i = args.indexOf('--data');
  const dir = i >= 0 && args[i + 1] ? path.resolve(args[i + 1]!) : path.join(PROJECT_ROOT, '..', 'shared', 'data', 'expert-search', 'cardano');
  const set = await loadEvalSet(dir);
  const f = buildFeatures(set);
  const all = set.queries.map((_, qi) => qi);
  const line = (name: string, s: Summary) =>
    console.log(`  ${name.padEnd(34)} ${s.mrr.toFixed(3).padStart(6)} ${s.precisionAt1.toFixed(3).padStart(6)} ${s.ndcgAt10.toFixed(3).padStart(8)}`);
  console.log(
    `expert-search study: ${path.basename(dir)}, ${set.queries.length} queries, ${set.people.length} people, ${set.contributions.length} contributions`,
  );
  console.log(`  ${'signal'.padEnd(34)} ${'MRR'.padStart(6)} ${'P@1'.padStart(6)} ${'nDCG@10'.padStart(8)}`);
  const popularity = rankByPopularity(set.people, set.contributions);
  line('popularity (baseline)', summarise(set.queries.map((q) => scoreQuery(popularity, q.relevant))));
  f.names.forEach((name, j) =>
    line(
      name,
      evaluate(
        set,
        f,
        f.names.map((_, k) => (k === j ? 1 : 0)),
        all,
      ),
    ),
  );
  const weights = learn(set, f, all);
  line('all, learned on all queries', evaluate(set, f, weights, all));
  const folds = 5;
  const perFold = Array.from({ length: folds }, (_, k) => {
    const test = all.filter((qi) => qi % folds === k);
    return {
      test,
      s: evaluate(
        set,
        f,
        learn(
          set,
          f,
          all.filter((qi) => qi % folds !== k),
        ),
        test,
      ),
    };
  });
  const mean = (pick: (s: Summary) => number) => perFold.reduce((sum, x) => sum + pick(x.s) * x.test.length, 0) / all.length;
  line(`all, ${folds}-fold cross-validated`, {
    queries: all.length,
    mrr: mean((s) => s.mrr),
    precisionAt1: mean((s) => s.precisionAt1),
    ndcgAt10: mean((s) => s.ndcgAt10),
  });
  line("oracle: told the question's tags", oracleTags(set));
  console.log(
    `  learned weights: ${f.names
      .map((n, j) => (weights[j] ? `${n} ${weights[j].toFixed(2)}` : ''))
      .filter(Boolean)
      .join('; ')}`,
  );
}
