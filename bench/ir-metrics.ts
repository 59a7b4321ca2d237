// Ranking-quality metrics for expert search (MRR, P@1, nDCG@10) over graded judgements: pure functions.

/** Grades by person id: 2 = the accepted answerer, 1 = another useful answerer; absent = not relevant. */
export type Grades = Record<string, number>;

export type QueryMetrics = { reciprocalRank: number; precisionAt1: number; ndcgAt10: number };

/** A ranking with later repeats of an id dropped, so a system cannot earn the same gain twice. */
function distinct(ranked: readonly string[]): string[] {
  return [...new Set(ranked)];
}

function gradeOf(relevant: Grades, id: string): number {
  return relevant[id] ?? 0;
}

/**
 * 1 / rank of the first person with grade >= 1; 0 when none is ranked.
 * @example reciprocalRank(['a', 'b', 'c'], { c: 1 }) // 1/3
 */
export function reciprocalRank(ranked: readonly string[], relevant: Grades): number {
  const index = distinct(ranked).findIndex((id) => gradeOf(relevant, id) >= 1);
  return index < 0 ? 0 : 1 / (index + 1);
}

/**
 * 1 when the first result has grade 2 (the author of the accepted answer), else 0.
 * @example precisionAt1(['a', 'b'], { a: 1, b: 2 }) // 0
 */
export function precisionAt1(ranked: readonly string[], relevant: Grades): number {
  const first = ranked[0];
  return first !== undefined && gradeOf(relevant, first) >= 2 ? 1 : 0;
}

function dcg(grades: readonly number[]): number {
  return grades.reduce((sum, grade, i) => sum + (2 ** grade - 1) / Math.log2(i + 2), 0);
}

/**
 * Normalised discounted cumulative gain of the first ten results: gain 2^grade - 1, discount
 * log2(rank + 1); the ideal ranking is all judged grades best first. 0 when nothing is judged relevant.
 * @example ndcgAt10(['b', 'a'], { a: 2 }) // (3 / log2(3)) / 3 ≈ 0.631
 */
export function ndcgAt10(ranked: readonly string[], relevant: Grades): number {
  const ideal = dcg(
    Object.values(relevant)
      .filter((g) => g > 0)
      .sort((x, y) => y - x)
      .slice(0, 10),
  );
  if (ideal === 0) return 0;
  return (
    dcg(
      distinct(ranked)
        .slice(0, 10)
        .map((id) => Math.max(0, gradeOf(relevant, id))),
    ) / ideal
  );
}

/** All three metrics of one query. */
export function scoreQuery(ranked: readonly string[], relevant: Grades): QueryMetrics {
  return { reciprocalRank: reciprocalRank(ranked, relevant), precisionAt1: precisionAt1(ranked, relevant), ndcgAt10: ndcgAt10(ranked, relevant) };
}

/**
 * Means over queries (MRR, P@1, nDCG@10) and how many queries they cover; zeros for no queries.
 * @example summarise([{ reciprocalRank: 1, precisionAt1: 1, ndcgAt10: 1 }, { reciprocalRank: 0, precisionAt1: 0, ndcgAt10: 0 }])
 * // { queries: 2, mrr: 0.5, precisionAt1: 0.5, ndcgAt10: 0.5 }
 */
export function summarise(perQuery: readonly QueryMetrics[]): { queries: number; mrr: number; precisionAt1: number; ndcgAt10: number } {
  const mean = (pick: (m: QueryMetrics) => number) => (perQuery.length === 0 ? 0 : perQuery.reduce((s, m) => s + pick(m), 0) / perQuery.length);
  return {
    queries: perQuery.length,
    mrr: mean((m) => m.reciprocalRank),
    precisionAt1: mean((m) => m.precisionAt1),
    ndcgAt10: mean((m) => m.ndcgAt10),
  };
}
