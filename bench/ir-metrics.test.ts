// Hand-computed checks of the expert-search ranking metrics (MRR, P@1, nDCG@10, means).
import { describe, expect, it } from 'vitest';
import { ndcgAt10, precisionAt1, reciprocalRank, scoreQuery, summarise } from './ir-metrics.js';

const filler = (n: number) => Array.from({ length: n }, (_, i) => `x${i}`);

describe('reciprocalRank', () => {
  it('is 1 / rank of the first person with grade >= 1, whatever the grade', () => {
    expect(reciprocalRank(['a', 'b', 'c'], { c: 2 })).toBeCloseTo(1 / 3);
    expect(reciprocalRank(['a', 'b', 'c'], { b: 1, c: 2 })).toBeCloseTo(1 / 2);
  });
  it('looks past the tenth place', () => {
    expect(reciprocalRank([...filler(10), 'a'], { a: 2 })).toBeCloseTo(1 / 11);
  });
  it('is 0 for an empty ranking, no relevant person retrieved, or grade 0', () => {
    expect(reciprocalRank([], { a: 2 })).toBe(0);
    expect(reciprocalRank(['b', 'c'], { a: 2 })).toBe(0);
    expect(reciprocalRank(['b'], { b: 0 })).toBe(0);
  });
  it('ignores repeats of an id when counting ranks', () => {
    expect(reciprocalRank(['x', 'x', 'a'], { a: 1 })).toBeCloseTo(1 / 2);
  });
});

describe('precisionAt1', () => {
  it('is 1 only when the first result has grade 2', () => {
    expect(precisionAt1(['a', 'b'], { a: 2 })).toBe(1);
    expect(precisionAt1(['a', 'b'], { a: 1, b: 2 })).toBe(0);
    expect(precisionAt1(['b', 'a'], { a: 2 })).toBe(0);
    expect(precisionAt1([], { a: 2 })).toBe(0);
  });
});

describe('ndcgAt10', () => {
  it('is 1 for the ideal order and for any order of equal grades (ties)', () => {
    expect(ndcgAt10(['a', 'b'], { a: 2, b: 1 })).toBeCloseTo(1);
    expect(ndcgAt10(['b', 'a'], { a: 2, b: 2 })).toBeCloseTo(1);
    expect(ndcgAt10(['a', 'b', 'c'], { a: 2, b: 2 })).toBeCloseTo(1);
  });
  it('discounts by log2(rank + 1) with gain 2^grade - 1', () => {
    // DCG = 3/log2(3) + 1/log2(4) = 1.89279 + 0.5; IDCG = 3/1 + 1/log2(3) = 3.63093.
    expect(ndcgAt10(['x', 'a', 'b'], { a: 2, b: 1 })).toBeCloseTo(2.39279 / 3.63093, 4);
    // One of two grade-2 people retrieved, at the top: 3 / (3 + 3/log2(3)).
    expect(ndcgAt10(['a'], { a: 2, b: 2 })).toBeCloseTo(0.61315, 4);
    // Grade 1 first, grade 2 second: (1 + 3/log2(3)) / (3 + 1/log2(3)) = 2.89279 / 3.63093.
    expect(ndcgAt10(['b', 'a'], { a: 2, b: 1 })).toBeCloseTo(0.79671, 4);
  });
  it('counts the tenth place and not the eleventh', () => {
    expect(ndcgAt10([...filler(9), 'a'], { a: 2 })).toBeCloseTo(1 / Math.log2(11), 5);
    expect(ndcgAt10([...filler(10), 'a'], { a: 2 })).toBe(0);
  });
  it('is 0 for an empty ranking, nothing relevant retrieved, or nothing judged relevant', () => {
    expect(ndcgAt10([], { a: 2 })).toBe(0);
    expect(ndcgAt10(['b', 'c'], { a: 1 })).toBe(0);
    expect(ndcgAt10(['a'], {})).toBe(0);
  });
  it('does not reward listing the same person twice', () => {
    expect(ndcgAt10(['a', 'a'], { a: 2, b: 2 })).toBeCloseTo(0.61315, 4);
  });
});

describe('summarise', () => {
  it('averages each metric over the queries', () => {
    const perQuery = [scoreQuery(['a'], { a: 2 }), scoreQuery(['x', 'a'], { a: 1 }), scoreQuery([], { a: 2 })];
    const summary = summarise(perQuery);
    expect(summary.queries).toBe(3);
    expect(summary.mrr).toBeCloseTo((1 + 0.5 + 0) / 3);
    expect(summary.precisionAt1).toBeCloseTo(1 / 3);
    expect(summary.ndcgAt10).toBeCloseTo((1 + 1 / Math.log2(3) + 0) / 3);
  });
  it('gives zeros for no queries', () => {
    expect(summarise([])).toEqual({ queries: 0, mrr: 0, precisionAt1: 0, ndcgAt10: 0 });
  });
});
