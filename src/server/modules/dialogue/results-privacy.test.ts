// The k test of survey results across rounds (ADR 0029): a value hidden in one round is not the
// difference of its figure over all rounds and its figure in the other rounds.
import { describe, expect, it } from 'vitest';
import { cellId, groupId, hideSmallGroups } from './results-privacy.js';
import type { SizeRow } from './results.queries.js';

const row = (round: number, grp_key: string, grp_value: string | null, n: number): SizeRow => ({ round, grp_key, grp_value, n, passed: 0 });

describe('hideSmallGroups', () => {
  it('hides a value in another round too when over all rounds it would give the small one away', () => {
    // HR: 4 in round 1, 6 in round 2 (10 over both, shown); Ops: 8 and 9.
    const sizes = [row(1, '*', null, 12), row(2, '*', null, 15), row(1, 'd', 'HR', 4), row(2, 'd', 'HR', 6), row(1, 'd', 'Ops', 8), row(2, 'd', 'Ops', 9)];
    const hidden = hideSmallGroups(sizes, ['d'], 5);
    expect(hidden.allShown).toBe(true);
    expect(hidden.rounds.size).toBe(0);
    expect(hidden.margins.has(groupId('d', 'HR'))).toBe(false);
    expect(hidden.cells.has(cellId(1, 'd', 'HR'))).toBe(true);
    // Round 2's HR would be HR over all rounds minus it; and round 1's Ops its round's total minus it.
    expect(hidden.cells.has(cellId(2, 'd', 'HR'))).toBe(true);
    expect(hidden.cells.has(cellId(1, 'd', 'Ops'))).toBe(true);
  });

  it('hides every group of a round the trend hides, and everything below k in all', () => {
    const sizes = [row(1, '*', null, 3), row(2, '*', null, 20), row(1, 'd', 'HR', 3), row(2, 'd', 'HR', 20)];
    const hidden = hideSmallGroups(sizes, ['d'], 5);
    // Round 1 alone is below k, so round 2 is hidden with it (their sum is published).
    expect([...hidden.rounds].sort()).toEqual([1, 2]);
    expect(hidden.cells.has(cellId(2, 'd', 'HR'))).toBe(true);
    expect(hideSmallGroups([row(1, '*', null, 4), row(1, 'd', 'HR', 4)], ['d'], 5)).toMatchObject({ allShown: false });
  });
});
