// Which groups of a survey's results are hidden (DESIGN §3.5, ADR 0029): the rounds, and per segment
// key the table round × value with its margins (a value over all rounds, a round over all values).
// A round or value margin hidden by the one-way test hides its cells too, and the cells get the
// complementary suppression of `hiddenCells`, so no hidden figure is the difference of shown ones.
import { hiddenCells, hiddenGroups } from '../../platform/privacy/k-anonymity.js';
import type { SizeRow } from './results.queries.js';

export type HiddenResults = {
  /** Rounds whose figures are hidden. */
  rounds: Set<number>;
  /** Whether the figures over all rounds are shown (at least k answers). */
  allShown: boolean;
  /** Per `key\0value` of a segment: hidden over all rounds. */
  margins: Set<string>;
  /** Per `round\0key\0value`: hidden in that round. */
  cells: Set<string>;
};

export const groupId = (key: string, value: string | null) => `${key}\u0000${value ?? '\u0001'}`;
export const cellId = (round: number, key: string, value: string | null) => `${round}\u0000${groupId(key, value)}`;

/**
 * What to hide, from the sizes of every group in every round.
 * @example hideSmallGroups(sizes, ['department'], 5).cells.has(cellId(2, 'department', 'HR'))
 */
export function hideSmallGroups(sizes: SizeRow[], keys: readonly string[], k: number): HiddenResults {
  const totals = sizes.filter((s) => s.grp_key === '*');
  const all = totals.reduce((sum, s) => sum + s.n, 0);
  const rounds = hiddenGroups(
    totals.map((s) => [s.round, s.n] as const),
    k,
  );
  const margins = new Set<string>();
  const cells = new Set<string>();
  for (const key of keys) {
    const rows = sizes.filter((s) => s.grp_key === key);
    const byValue = new Map<string, { value: string | null; n: number }>();
    for (const row of rows) {
      const id = groupId(key, row.grp_value);
      byValue.set(id, { value: row.grp_value, n: (byValue.get(id)?.n ?? 0) + row.n });
    }
    const hiddenValues =
      all < k
        ? new Set(byValue.keys())
        : hiddenGroups(
            [...byValue].map(([id, v]) => [id, v.n] as const),
            k,
          );
    for (const id of hiddenValues) margins.add(id);
    const table = rows.map((r) => [[String(r.round), r.grp_value ?? '\u0001'], r.n] as const);
    const seeds = rows.flatMap((r, i) => (rounds.has(r.round) || hiddenValues.has(groupId(key, r.grp_value)) ? [i] : []));
    for (const i of hiddenCells(table, k, seeds)) cells.add(cellId(rows[i]!.round, key, rows[i]!.grp_value));
  }
  return { rounds, allShown: all >= k, margins, cells };
}
