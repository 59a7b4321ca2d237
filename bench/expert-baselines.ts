// Expert-search baselines computed in-process from the evaluation JSONL: popularity and BM25 summed per person.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

const contributionSchema = z.object({
  external_id: z.string(),
  person: z.string(),
  title: z.string().default(''),
  body: z.string().default(''),
  tags: z.array(z.string()).default([]),
  created_at: z.string().optional(),
  accepted: z.boolean().nullable().optional(),
  score: z.number().nullable().optional(),
});
const querySchema = z.object({
  id: z.string(),
  query: z.string(),
  tags: z.array(z.string()).default([]),
  relevant: z.record(z.string(), z.number()),
});
const personSchema = z.object({ external_id: z.string(), skills: z.array(z.string()).default([]), about: z.string().default('') });

export type EvalContribution = z.infer<typeof contributionSchema>;
export type EvalQuery = z.infer<typeof querySchema>;
export type EvalPerson = z.infer<typeof personSchema>;
export type EvalSet = {
  dir: string;
  peopleText: string;
  contributionsText: string;
  people: EvalPerson[];
  contributions: EvalContribution[];
  queries: EvalQuery[];
};

function parseJsonl<T>(text: string, schema: z.ZodType<T>): T[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => schema.parse(JSON.parse(line)));
}

/** Reads people, contributions and queries of one evaluation set (a directory of three JSONL files). */
export async function loadEvalSet(dir: string): Promise<EvalSet> {
  const read = (name: string) => readFile(path.join(dir, name), 'utf8');
  const [peopleText, contributionsText, queriesText] = await Promise.all([read('people.jsonl'), read('contributions.jsonl'), read('queries.jsonl')]);
  return {
    dir,
    peopleText,
    contributionsText,
    people: parseJsonl(peopleText, personSchema),
    contributions: parseJsonl(contributionsText, contributionSchema),
    queries: parseJsonl(queriesText, querySchema),
  };
}

/** Lower-case tokens split on anything that is not a letter or a digit; no stemming, no stop words. */
export function tokenise(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '');
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every person, most prior contributions first, ties by external_id. */
export function rankByPopularity(people: readonly EvalPerson[], contributions: readonly EvalContribution[]): string[] {
  const counts = new Map<string, number>();
  for (const c of contributions) counts.set(c.person, (counts.get(c.person) ?? 0) + 1);
  return people.map((p) => p.external_id).sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || byId(a, b));
}

export type Bm25Options = { k1: number; b: number };

/** An Okapi BM25 index over contributions (title + body + tags), scoring people by summing over their contributions. */
export function buildBm25(
  people: readonly EvalPerson[],
  contributions: readonly EvalContribution[],
  options: Bm25Options = { k1: 1.2, b: 0.75 },
): { rank(query: string): string[] } {
  const docs = contributions.map((c) => {
    const terms = new Map<string, number>();
    const tokens = tokenise(`${c.title} ${c.body} ${c.tags.join(' ')}`);
    for (const t of tokens) terms.set(t, (terms.get(t) ?? 0) + 1);
    return { person: c.person, length: tokens.length, terms };
  });
  const averageLength = docs.reduce((s, d) => s + d.length, 0) / Math.max(1, docs.length);
  const documentFrequency = new Map<string, number>();
  for (const d of docs) for (const t of d.terms.keys()) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
  // Lucene's idf, which stays positive for terms in more than half the documents.
  const idf = (term: string) => {
    const n = documentFrequency.get(term) ?? 0;
    return Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
  };
  const popularity = rankByPopularity(people, contributions);
  const { k1, b } = options;

  return {
    rank(query: string): string[] {
      const terms = [...new Set(tokenise(query))].filter((t) => documentFrequency.has(t));
      const scores = new Map<string, number>();
      for (const d of docs) {
        let score = 0;
        for (const t of terms) {
          const tf = d.terms.get(t);
          if (tf) score += (idf(t) * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * d.length) / averageLength));
        }
        if (score > 0) scores.set(d.person, (scores.get(d.person) ?? 0) + score);
      }
      const matched = [...scores.entries()].sort((x, y) => y[1] - x[1] || byId(x[0], y[0])).map(([id]) => id);
      const seen = new Set(matched);
      return [...matched, ...popularity.filter((id) => !seen.has(id))];
    },
  };
}
