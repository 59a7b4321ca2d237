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
