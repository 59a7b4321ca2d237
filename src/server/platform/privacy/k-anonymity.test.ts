// k-anonymity edge cases: small groups, one hidden group (its complement is hidden too), several
// small groups whose sum is still under k, and that no hidden group can be recovered by subtracting
// shown figures from the total.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hiddenCells, hiddenGroups, kAnonymous } from './k-anonymity.js';

/** Every hidden group's size is ambiguous: the shown figures and the total leave ≥ k people spread over ≥ 2 groups. */
function recoverable(sizes: Record<string, number>, shown: Record<string, number | null>, k: number): boolean {
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  const hidden = Object.keys(shown).filter((key) => shown[key] === null);
  if (hidden.length === 0) return false;
  const rest = total - Object.values(shown).reduce<number>((a, b) => a + (b ?? 0), 0);
  return hidden.length === 1 || rest < k;
}

describe('k-anonymity', () => {
  it('shows every group of k or more', () => {
    expect(kAnonymous({ a: 5, b: 9, c: 100 }, 5)).toEqual({ a: 5, b: 9, c: 100 });
  });

  it('hides a group smaller than k, and the next smallest so a total minus the others does not reveal it', () => {
    expect(kAnonymous({ ops: 40, hr: 3, it: 12, sales: 30 }, 5)).toEqual({ ops: 40, hr: null, it: null, sales: 30 });
  });

  it('hides groups of one and zero', () => {
    expect(kAnonymous({ a: 0, b: 1, c: 50, d: 60 }, 5)).toEqual({ a: null, b: null, c: null, d: 60 });
  });

  it('keeps hiding until the hidden groups together hold k people (two groups of 1 and 2 are still recoverable as a pair)', () => {
    const shown = kAnonymous({ a: 1, b: 2, c: 6, d: 7, e: 50 }, 5);
    expect(shown).toEqual({ a: null, b: null, c: null, d: 7, e: 50 });
  });

  it('hides everything when the only large group would give away the small one', () => {
    expect(kAnonymous({ a: 2, b: 20 }, 5)).toEqual({ a: null, b: null });
  });

  it('differences of two groups: a group of 10 and a sub-group of 7 are both k-safe, but one figure hides their difference of 3', () => {
    // Sizes of the segments "all of Ops" and "Ops without night shift" reported side by side would reveal
    // the 3 night-shift people; reports pass the disjoint groups, and the 3 are hidden with their complement.
    expect(kAnonymous({ day: 7, night: 3 }, 5)).toEqual({ day: null, night: null });
  });

  it('shows a figure other than the size, hidden by the size', () => {
    expect(kAnonymous({ a: 3, b: 40, c: 50 }, 5, { a: 1, b: 0.5, c: 0.25 })).toEqual({ a: null, b: null, c: 0.25 });
  });

  it('breaks ties by order and is deterministic', () => {
    expect([
      ...hiddenGroups(
        [
          ['x', 8],
          ['y', 8],
          ['z', 2],
        ],
        5,
      ),
    ]).toEqual(['z', 'x']);
  });

  it('never leaves a hidden group recoverable, over many random reports', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 2000; run++) {
      const k = 2 + Math.floor(random() * 8);
      const sizes: Record<string, number> = {};
      const groups = 1 + Math.floor(random() * 6);
      for (let g = 0; g < groups; g++) sizes[`g${g}`] = Math.floor(random() * 3 * k);
      const shown = kAnonymous(sizes, k);
      for (const [key, size] of Object.entries(sizes)) if (size < k) expect(shown[key]).toBeNull();
      const hidden = Object.values(shown).filter((v) => v === null).length;
      // Fully hidden reports reveal only the total, which the report may show on its own only if ≥ k.
      if (hidden < groups) expect(recoverable(sizes, shown, k)).toBe(false);
    }
  });
});

describe('k-anonymity over several dimensions (hiddenCells)', () => {
  const table = (rows: [string, string, number][]) => rows.map(([a, b, size]) => [[a, b], size] as const);

  it('shows a table of large cells whole', () => {
    expect(
      hiddenCells(
        table([
          ['a', 'x', 9],
          ['a', 'y', 7],
          ['b', 'x', 12],
          ['b', 'y', 5],
        ]),
        5,
      ).size,
    ).toBe(0);
  });

  it('hides all four cells of a 2×2 table with one small cell: each margin would give it away', () => {
    expect(
      [
        ...hiddenCells(
          table([
            ['a', 'x', 9],
            ['a', 'y', 3],
            ['b', 'x', 9],
            ['b', 'y', 9],
          ]),
          5,
        ),
      ].sort(),
    ).toEqual([0, 1, 2, 3]);
  });

  it('never leaves a hidden cell that a margin minus the shown cells of its row or column recovers', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 6, maxLength: 6 }), fc.integer({ min: 2, max: 6 }), (sizes, k) => {
        // Two rows (a, b) × three columns (x, y, z).
        const cells = sizes.map((size, i) => [[i < 3 ? 'a' : 'b', ['x', 'y', 'z'][i % 3]!], size] as const);
        const hidden = hiddenCells(cells, k);
        for (const small of cells.keys()) if (cells[small]![1] < k) expect(hidden.has(small)).toBe(true);
        const lines = [
          [0, 1, 2],
          [3, 4, 5],
          [0, 3],
          [1, 4],
          [2, 5],
          [0, 1, 2, 3, 4, 5],
        ];
        for (const line of lines) {
          const inLine = line.filter((i) => hidden.has(i));
          if (inLine.length === 0) continue;
          const sum = inLine.reduce((s, i) => s + cells[i]![1], 0);
          // Either the hidden cells of the line can't be told apart, or all of the line is hidden.
          expect(inLine.length > 1 && (sum >= k || inLine.length === line.length)).toBe(true);
        }
      }),
    );
  });
});
