// k-anonymity for every report (DESIGN §3.5, ADR 0023): no figure of a group smaller than k, and no
// figure from which a hidden group could be recovered by subtracting shown figures from the total or
// from one another (complementary suppression). Reports pass the size of each group (the people
// behind a figure) and print `null` ("< k") for every group this hides.

/**
 * Which groups a report must hide: every group smaller than `k`, and then, while the hidden groups
 * could be worked out from the shown ones (only one hidden, or together fewer than `k` people), the
 * smallest group still shown as well. The total of all groups can therefore always be published.
 * Groups are tested in ascending size (ties by their order), so the result is deterministic.
 * @example hiddenGroups([['ops', 40], ['hr', 3], ['it', 12]], 5) // Set { 'hr', 'it' }
 */
export function hiddenGroups<K>(sizes: Iterable<readonly [K, number]>, k: number): Set<K> {
  const groups = [...sizes].map(([key, size], order) => ({ key, size, order }));
  groups.sort((a, b) => a.size - b.size || a.order - b.order);
  const hidden = new Set<K>();
  let hiddenSum = 0;
  let next = 0;
  for (; next < groups.length && groups[next]!.size < k; next++) {
    hidden.add(groups[next]!.key);
    hiddenSum += groups[next]!.size;
  }
  // Complementary suppression: total − shown = the hidden sum, so it must be no single group and no
  // fewer than k people; otherwise hide the next smallest group too.
  while (hidden.size > 0 && (hidden.size === 1 || hiddenSum < k) && next < groups.length) {
    hidden.add(groups[next]!.key);
    hiddenSum += groups[next]!.size;
    next++;
  }
  return hidden;
}

/**
 * A report's figures with every group `hiddenGroups` names set to `null`. `sizes` are the people
 * behind each group (the base of the k test); `figures` what is shown (a count, a rate), by default
 * the sizes themselves.
 * @example kAnonymous({ ops: 40, hr: 3, it: 12 }, 5) // { ops: 40, hr: null, it: null }
 */
export function kAnonymous<K extends string, V = number>(
  sizes: Readonly<Record<K, number>>,
  k: number,
  figures?: Readonly<Record<K, V>>,
): Record<K, V | number | null> {
  const entries = Object.entries(sizes) as [K, number][];
  const hidden = hiddenGroups(entries, k);
  const out = {} as Record<K, V | number | null>;
  for (const [key, size] of entries) out[key] = hidden.has(key) ? null : figures ? figures[key] : size;
  return out;
}

/**
 * Which cells of a table broken down by several dimensions a report must hide (ADR 0024). Besides the
 * rule of `hiddenGroups` over the whole table, every margin is a sum someone can see in a coarser
 * report (by one dimension fewer), so within each block of cells that share all but one dimension the
 * same test applies: while a block has exactly one hidden cell, or hidden cells that together count
 * fewer than `k` people, its smallest shown cell is hidden too. Repeated until nothing changes.
 * `cells` are [key per dimension, size]; `alsoHidden` cells hidden for a reason of the caller's (a
 * margin it hides) join the test like any other; answers the indexes of the hidden cells.
 * @example hiddenCells([[['a', 'x'], 9], [['a', 'y'], 3], [['b', 'x'], 9], [['b', 'y'], 9]], 5) // Set { 1, 0, 2, 3 }: in a 2×2 table one small cell hides all four
 */
export function hiddenCells(cells: readonly (readonly [readonly string[], number])[], k: number, alsoHidden: Iterable<number> = []): Set<number> {
  const hidden = new Set<number>(alsoHidden);
  for (const i of hiddenGroups(
    cells.map(([, size], i) => [i, size] as const),
    k,
  ))
    hidden.add(i);
  const dimensions = cells[0]?.[0].length ?? 0;
  // Blocks: the whole table (its total is published), and for each dimension left out (when there are
  // several), the cells agreeing on all the others.
  const blocks: number[][] = [cells.map((_, i) => i)];
  for (let d = 0; dimensions >= 2 && d < dimensions; d++) {
    const byRest = new Map<string, number[]>();
    cells.forEach(([key], i) => {
      const rest = JSON.stringify(key.filter((_, j) => j !== d));
      byRest.set(rest, [...(byRest.get(rest) ?? []), i]);
    });
    blocks.push(...byRest.values());
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const block of blocks) {
      const inBlock = block.filter((i) => hidden.has(i));
      if (inBlock.length === 0) continue;
      const hiddenSum = inBlock.reduce((sum, i) => sum + cells[i]![1], 0);
      if (inBlock.length > 1 && hiddenSum >= k) continue;
      const shown = block.filter((i) => !hidden.has(i)).sort((a, b) => cells[a]![1] - cells[b]![1] || a - b);
      if (shown.length === 0) continue;
      hidden.add(shown[0]!);
      changed = true;
    }
  }
  return hidden;
}
