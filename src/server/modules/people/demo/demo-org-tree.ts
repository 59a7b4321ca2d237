// The shape of the demo organisation: who reports to whom, in which department, function and office.
// Kept in typed arrays so a million-person tree costs a few tens of megabytes.
import { DEPARTMENTS } from './demo-departments.js';
import { LOCATIONS } from './demo-locations.js';
import { type Rng, weightedPicker } from './demo-random.js';

export const MIN_SPAN = 4;
export const MAX_SPAN = 10;

/** Node 0 is the CEO; every other node's parent has a smaller index. */
export type DemoOrgTree = {
  size: number;
  /** -1 for the CEO. */
  parent: Int32Array;
  /** Index into DEPARTMENTS, -1 for the CEO. */
  department: Int8Array;
  /** Index into the department's functions, -1 for the CEO and department heads. */
  fn: Int8Array;
  /** Index into LOCATIONS. */
  location: Uint8Array;
  /** 0 CEO, 1 department head, 2 reports to a head, 3 anywhere below. */
  tier: Uint8Array;
  /** Number of direct reports. */
  reports: Uint16Array;
  /** 1 when at least one direct report has reports of their own. */
  leadsLeaders: Uint8Array;
  /** 1 for the few people born before 1946 the demo always includes. */
  silent: Uint8Array;
};

const HQ = 0;
const pickLocation = weightedPicker(LOCATIONS.map((l) => l.weight));
const SILENT_FROM = 500;

/**
 * Builds a tree in which every person with reports has between MIN_SPAN and MAX_SPAN of them, except
 * in organisations too small for that (below about 50 people). The number of departments grows with
 * the head count: one per twelve people, up to all twelve.
 */
export function buildDemoOrgTree(count: number, rng: Rng): DemoOrgTree {
  const tree: DemoOrgTree = {
    size: count,
    parent: new Int32Array(count),
    department: new Int8Array(count),
    fn: new Int8Array(count),
    location: new Uint8Array(count),
    tier: new Uint8Array(count),
    reports: new Uint16Array(count),
    leadsLeaders: new Uint8Array(count),
    silent: new Uint8Array(count),
  };
  if (count === 0) return tree;
  let next = 0;
  const fnOffset = DEPARTMENTS.map(() => rng.int(0, 9));

  // Leaders are spread over the offices by weight; most of a team sits in its leader's office.
  const alloc = (parent: number, department: number, tier: number, leads = true): number => {
    const id = next++;
    tree.parent[id] = parent;
    tree.department[id] = department;
    tree.tier[id] = tier;
    if (parent < 0) {
      tree.location[id] = HQ;
    } else {
      const inherit = !leads && rng.chance(0.65);
      tree.location[id] = inherit ? (tree.location[parent] ?? HQ) : pickLocation(rng);
      const siblings = tree.reports[parent] ?? 0;
      tree.reports[parent] = siblings + 1;
      const functions = DEPARTMENTS[department]?.functions.length ?? 1;
      const offset = fnOffset[department] ?? 0;
      tree.fn[id] = tier <= 1 ? -1 : tier === 2 ? (offset + siblings) % functions : (tree.fn[parent] ?? 0);
    }
    return id;
  };

  const ceo = alloc(-1, -1, 0);
  const departmentCount = Math.min(DEPARTMENTS.length, count - 1, Math.max(1, Math.floor((count - 1) / 12)));
  const heads: number[] = [];
  const extra: number[] = [];
  for (let d = 0; d < departmentCount; d++) {
    const target = DEPARTMENTS.findIndex((x) => x.name === DEPARTMENTS[d]?.reportsTo);
    const parent = target >= 0 && target < d ? (heads[target] ?? ceo) : ceo;
    if (parent !== ceo) extra[target] = (extra[target] ?? 0) + 1;
    heads.push(alloc(parent, d, 1));
  }
  const members = splitMembers(count - 1 - departmentCount, departmentCount, rng);
  for (let d = 0; d < departmentCount; d++) {
    placeBelow(heads[d] ?? ceo, members[d] ?? 0, extra[d] ?? 0, d, alloc, rng);
  }
  for (let id = 1; id < count; id++) {
    const parent = tree.parent[id] ?? -1;
    if ((tree.reports[id] ?? 0) > 0 && parent >= 0) tree.leadsLeaders[parent] = 1;
  }
  markSilent(tree, rng);
  return tree;
}

type Alloc = (parent: number, department: number, tier: number, leads: boolean) => number;

/** Fills the subtree under `root` with `k` people, keeping every span within MIN_SPAN..MAX_SPAN. */
function placeBelow(root: number, k: number, extra: number, department: number, alloc: Alloc, rng: Rng): void {
  const stack: Array<{ node: number; k: number; extra: number; tier: number }> = [{ node: root, k, extra, tier: 2 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { node, tier } = item;
    if (item.k === 0) continue;
    if (item.k + item.extra <= MAX_SPAN) {
      for (let i = 0; i < item.k; i++) alloc(node, department, tier, false);
      continue;
    }
    // Own direct reports c, leaving r >= MIN_SPAN people to spread over m sub-managers, each of whom
    // then has at least MIN_SPAN people below them.
    const lo = Math.max(1, MIN_SPAN - item.extra);
    const hi = Math.min(MAX_SPAN - item.extra, item.k - MIN_SPAN);
    const c = Math.min(hi, Math.max(lo, rng.int(5, 9) - item.extra));
    const r = item.k - c;
    const m = Math.min(c, Math.floor(r / MIN_SPAN), Math.max(1, Math.ceil(r / 9)));
    const shares = splitEvenly(r, m, rng);
    for (let j = 0; j < c; j++) {
      const share = shares[j];
      const child = alloc(node, department, tier, share !== undefined);
      if (share !== undefined) stack.push({ node: child, k: share, extra: 0, tier: 3 });
    }
  }
}

/** Splits `total` into `parts` shares of at least MIN_SPAN each, with some random unevenness. */
function splitEvenly(total: number, parts: number, rng: Rng): number[] {
  const weights = Array.from({ length: parts }, () => 0.5 + rng.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  const rest = total - parts * MIN_SPAN;
  const shares = weights.map((w) => MIN_SPAN + Math.floor((rest * w) / sum));
  let left = total - shares.reduce((a, b) => a + b, 0);
  for (let i = rng.int(0, parts - 1); left > 0; i = (i + 1) % parts, left--) {
    shares[i] = (shares[i] ?? 0) + 1;
  }
  return shares;
}

/** Department head counts by DEPARTMENTS weight, each at least MIN_SPAN when there are enough people. */
function splitMembers(total: number, departments: number, rng: Rng): number[] {
  if (departments === 0) return [];
  const floor = total >= departments * MIN_SPAN ? MIN_SPAN : Math.floor(total / departments);
  const weights = DEPARTMENTS.slice(0, departments).map((d) => d.weight * (0.85 + 0.3 * rng.next()));
  const sum = weights.reduce((a, b) => a + b, 0);
  const rest = total - departments * floor;
  const members = weights.map((w) => floor + Math.floor((rest * w) / sum));
  let left = total - members.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % departments, left--) members[i] = (members[i] ?? 0) + 1;
  return members;
}

/** Organisations of SILENT_FROM people or more keep a few senior advisors born in 1944 or 1945. */
function markSilent(tree: DemoOrgTree, rng: Rng): void {
  if (tree.size < SILENT_FROM) return;
  const wanted = Math.max(1, Math.floor(tree.size / 1500));
  for (let marked = 0; marked < wanted;) {
    const id = rng.int(1, tree.size - 1);
    if ((tree.reports[id] ?? 0) === 0 && tree.tier[id] !== 1 && tree.silent[id] === 0) {
      tree.silent[id] = 1;
      marked++;
    }
  }
}
