// Typo acceptance: limits that grow with the word, so "exel" finds excel but "learn" is not "lean".
import { describe, expect, it } from 'vitest';
import { editDistance, typoDistance } from './typo-distance.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps, capped', () => {
    expect(editDistance('negotation', 'negotiation', 2)).toBe(1);
    expect(editDistance('kubernetse', 'kubernetes', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('typoDistance', () => {
  it.each([
    ['exel', 'excel', 1],
    ['negotation', 'negotiation', 1],
    ['pyhton', 'python', 1],
    ['kubernets', 'kubernetes', 1],
    ['projektmanagment', 'projektmanagement', 1],
    ['verhandlungsfürung', 'verhandlungsführung', 1],
    ['tabellenkalkualtion', 'tabellenkalkulation', 1],
    ['presentaton', 'presentation', 1],
  ])('%s is a typo of %s', (word, form, d) => {
    expect(typoDistance(word, form)).toBe(d);
  });

  it.each([
    ['learn', 'lean'],
    ['reach', 'react'],
    ['help', 'helm'],
    ['java', 'javascript'],
    ['sql', 'sqlx'],
    ['xcel', 'excel'],
    ['excel', 'excel'],
    ['marketing', 'marketeer'],
  ])('%s is not a typo of %s', (word, form) => {
    expect(typoDistance(word, form)).toBeNull();
  });
});
