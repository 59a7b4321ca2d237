// The segment compiler against a naive reference evaluator written from DESIGN §3.1/§3.2
// (testing/reference-evaluator.ts): random rule trees over every field, operator, activity and saved
// segment, on a seeded awkward population, must select exactly the same people. Also: hostile values
// never become SQL text nor wildcards, the depth and size limits, segment references and cycles, and
// invalid rules rejected with the JSON pointer of the offending node.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { startTestRuntime, type TestRuntime } from '../../testing/test-runtime.js';
import { importPeopleRows } from '../people/index.js';
import { AppError } from '../../platform/http/app-error.js';
import { ACTIVITY_TYPES, OPS_BY_TYPE, RULE_FIELDS, RULE_LIMITS, type FieldType } from '../../../shared/audiences.js';
import { findAudienceIds, saveSegment, updateSegment } from './index.js';
import { ReferenceDirectory, type EvaluationOptions, type ReferenceEvent, type Thresholds } from './testing/reference-evaluator.js';
import {
  AS_OF_DATES,
  ATTRIBUTE_KEYS,
  BOUNDARY_BIRTH_YEARS,
  BOUNDARY_WITHIN_DAYS,
  HOSTILE_STRINGS,
  Rng,
  generatePopulation,
  scrambleCase,
} from './testing/random-population.js';

const POPULATION_SEED = Number(process.env.RULE_DIFF_POPULATION_SEED ?? 20_260_101);
const PROPERTY_SEED = Number(process.env.RULE_DIFF_SEED ?? 424_242);
const NUM_RUNS = Number(process.env.RULE_DIFF_RUNS ?? 300);
const TIME_LIMIT_MS = 40_000;

type Rule = Record<string, unknown>;

let t: TestRuntime;
let dir: ReferenceDirectory;
let defaultThresholds: Thresholds;
const segments = new Map<string, unknown>();
const externalIds: string[] = [];
const emails: string[] = [];
let idByExternal = new Map<string, number>();

/** A 10 000-character value (the text limit), made of characters SQL and LIKE would care about. */
const TEN_KB = ("'%_\\" + 'a').repeat(RULE_LIMITS.textValue / 5);
const HOSTILE_VALUES: string[] = [...HOSTILE_STRINGS, TEN_KB];
/** The longest org value: an e-mail address can be 320 characters. */
const ORG_VALUE_MAX = 320;

beforeAll(async () => {
  t = await startTestRuntime();
  defaultThresholds = t.config.experienceThresholds;
  const population = generatePopulation(POPULATION_SEED);
  const report = await importPeopleRows({ db: t.database.db, rows: population.people.map((value, i) => ({ line: i + 1, value })) });
  expect(report.errors).toEqual([]);
  expect(report.created).toBe(population.people.length);

  const ids = await sql<{ id: number; external_id: string }>`SELECT id, external_id FROM people`.execute(t.database.db);
  idByExternal = new Map(ids.rows.map((r) => [r.external_id, Number(r.id)]));
  const events: ReferenceEvent[] = population.events.map((e) => ({
    personId: idByExternal.get(e.externalId)!,
    type: e.type,
    campaignId: e.campaignId,
    occurredAt: e.occurredAt,
  }));
  for (let i = 0; i < events.length; i += 500) {
    const rows = events.slice(i, i + 500).map((e) => sql`(${e.type}, ${e.personId}, ${e.campaignId}, ${e.occurredAt.toISOString()}::timestamptz)`);
    await sql`INSERT INTO events (type, person_id, campaign_id, occurred_at) VALUES ${sql.join(rows)}`.execute(t.database.db);
  }
  dir = new ReferenceDirectory(
    population.people.map((input) => ({ id: idByExternal.get(input.external_id)!, input })),
    events,
  );
  for (const p of dir.people) {
    externalIds.push(p.record.external_id);
    if (p.record.email) emails.push(p.record.email);
  }

  // Two saved segments for {"segment": KEY} leaves: seg-b refers to seg-a.
  const plain = ruleArbitrary({ segmentKeys: [], maxDepth: 2 });
  const [ruleA, ruleB] = fc.sample(plain, { seed: POPULATION_SEED, numRuns: 2 }) as [Rule, Rule];
  const segB = { any: [ruleB, { all: [{ segment: 'seg-a' }, { field: 'is_leader', op: 'eq', value: true }] }] };
  await saveSegment({ db: t.database.db, key: 'seg-a', name: 'Segment A', rule: ruleA });
  await saveSegment({ db: t.database.db, key: 'seg-b', name: 'Segment B', rule: segB });
  segments.set('seg-a', ruleA);
  segments.set('seg-b', segB);
}, 120_000);

afterAll(async () => t?.close());

function options(asOf: string = AS_OF_DATES[0], thresholds: Thresholds = defaultThresholds): EvaluationOptions {
  return { asOf, thresholds, segments };
}

async function actualIds(rule: unknown, opts: EvaluationOptions = options()): Promise<number[]> {
  return findAudienceIds({ db: t.database.db, rule, asOf: opts.asOf, thresholds: opts.thresholds });
}

/** Runs the rule through the compiler and the reference; on a difference, a report naming the people. */
async function compare(rule: unknown, opts: EvaluationOptions = options()): Promise<string | null> {
  const expected = dir.evaluate(rule, opts);
  const actual = (await actualIds(rule, opts)).map(Number);
  const exp = new Set(expected);
  const act = new Set(actual);
  const missing = expected.filter((id) => !act.has(id));
  const extra = actual.filter((id) => !exp.has(id));
  const unsorted = actual.some((id, i) => i > 0 && actual[i - 1]! >= id);
  if (missing.length === 0 && extra.length === 0 && !unsorted) return null;
  const show = (id: number | undefined) => (id === undefined ? '' : JSON.stringify(dir.describe(id, opts)));
  return [
    `rule: ${JSON.stringify(rule).slice(0, 4000)}`,
    `as_of: ${opts.asOf}, thresholds: ${JSON.stringify(opts.thresholds)}`,
    `expected ${expected.length}, got ${actual.length}${unsorted ? ' (not sorted ascending)' : ''}`,
    `missing (reference matches, compiler does not): ${JSON.stringify(missing.slice(0, 20))}`,
    missing.length ? `  first missing: ${show(missing[0])}` : '',
    `extra (compiler matches, reference does not): ${JSON.stringify(extra.slice(0, 20))}`,
    extra.length ? `  first extra: ${show(extra[0])}` : '',
  ].join('\n');
}

/** The first failure in full, then one line per further failure (its rule and evaluation date). */
function summarise(failures: string[]): string {
  const oneLine = (f: string) => f.split('\n').slice(0, 3).join(' | ');
  return [`${failures.length} rules differ; the first:`, failures[0], '', 'all of them:', ...failures.slice(0, 300).map(oneLine)].join('\n');
}

async function expectSame(rule: unknown, opts: EvaluationOptions = options()): Promise<void> {
  const problem = await compare(rule, opts);
  if (problem) throw new Error(problem);
}

async function rejection(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a validation error, but the rule was accepted');
}

/** The problem must point at `node` itself or at a member of it (`node/op`, `node/value`, …). */
async function expectRejectedAt(rule: unknown, node: string): Promise<void> {
  const error = await rejection(() => actualIds(rule));
  expect(error.code, JSON.stringify(rule).slice(0, 300)).toBe('validation');
  const pointer = error.problems[0]?.pointer;
  expect(pointer, `${JSON.stringify(rule).slice(0, 300)} -> ${JSON.stringify(error.problems)}`).toBeTypeOf('string');
  if (pointer !== node && !pointer!.startsWith(`${node}/`)) {
    throw new Error(`problem pointer ${pointer} is not ${node} (or inside it) for ${JSON.stringify(rule).slice(0, 300)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Rule arbitraries, drawing values mostly from the population.

type Pools = { text: Map<string, string[]>; number: Map<string, number[]>; date: Map<string, string[]>; list: Map<string, string[]> };

let poolsCache: Pools | null = null;
function pools(): Pools {
  if (poolsCache) return poolsCache;
  const text = new Map<string, Set<string>>();
  const number = new Map<string, Set<number>>();
  const date = new Map<string, Set<string>>();
  const list = new Map<string, Set<string>>();
  const add = <T>(m: Map<string, Set<T>>, k: string, v: T) => (m.get(k) ?? m.set(k, new Set()).get(k)!).add(v);
  for (const asOf of [AS_OF_DATES[0], AS_OF_DATES[2]]) {
    for (const p of dir.people) {
      const d = dir.describe(p.id, options(asOf));
      for (const f of RULE_FIELDS) {
        const v = d[f.name];
        if (v === null || v === undefined) continue;
        if (f.type === 'text') add(text, f.name, v as string);
        else if (f.type === 'number') add(number, f.name, v as number);
        else if (f.type === 'date') add(date, f.name, v as string);
        else if (f.type === 'list') for (const item of v as string[]) add(list, f.name, item);
      }
      for (const [k, v] of Object.entries(p.record.attributes ?? {})) {
        if (v !== null && v !== undefined) add(text, `attributes.${k}`, typeof v === 'string' ? v : JSON.stringify(v));
      }
    }
  }
  for (const v of ['silent', 'boomer', 'gen_x', 'millennial', 'gen_z', 'gen_alpha']) add(text, 'generation', v);
  for (const v of ['novice', 'mid_career', 'expert']) add(text, 'experience_level', v);
  for (const v of ['active', 'inactive']) add(text, 'status', v);
  for (const y of BOUNDARY_BIRTH_YEARS) add(number, 'birth_year', y);
  const flat = <T>(m: Map<string, Set<T>>) => new Map([...m].map(([k, s]) => [k, [...s]]));
  poolsCache = { text: flat(text), number: flat(number), date: flat(date), list: flat(list) };
  return poolsCache;
}

const codePoints = (s: string) => Array.from(s);

/** A pool value as is, upper-cased, lower-cased, or with each character's case scrambled. */
function caseVariant(pool: readonly string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...pool), fc.nat()).map(([v, s]) => {
    switch (s % 4) {
      case 0:
        return v;
      case 1:
        return v.toUpperCase();
      case 2:
        return v.toLowerCase();
      default:
        return scrambleCase(v, new Rng(s));
    }
  });
}

function textValue(pool: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: pool.length ? 6 : 0, arbitrary: pool.length ? caseVariant(pool) : fc.constant('x') },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
  );
}

/** A piece of a pool value (by code points, never splitting an emoji), case-varied. */
function textPiece(pool: readonly string[], prefix: boolean): fc.Arbitrary<string> {
  const piece = pool.length
    ? fc.tuple(caseVariant(pool), fc.nat(), fc.nat()).map(([v, a, b]) => {
        const cps = codePoints(v);
        const start = prefix ? 0 : a % (cps.length + 1);
        const end = start + (b % (cps.length - start + 1));
        return cps.slice(start, end).join('');
      })
    : fc.constant('');
  return fc.oneof(
    { weight: 6, arbitrary: piece },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
  );
}

function numberValue(pool: readonly number[]): fc.Arbitrary<number> {
  const near = pool.length ? fc.tuple(fc.constantFrom(...pool), fc.integer({ min: -1, max: 1 })).map(([v, d]) => v + d) : fc.integer({ min: -5, max: 50 });
  return fc.oneof(
    { weight: 8, arbitrary: near },
    { weight: 1, arbitrary: near.map((v) => v + 0.5) },
    { weight: 1, arbitrary: fc.integer({ min: -10, max: 2100 }) },
  );
}

function dateValue(pool: readonly string[]): fc.Arbitrary<string> {
  const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const near = pool.length ? fc.tuple(fc.constantFrom(...pool), fc.integer({ min: -1, max: 1 })).map(([v, d]) => shift(v, d)) : fc.constant('2020-01-01');
  return fc.oneof(
    { weight: 6, arbitrary: near },
    { weight: 1, arbitrary: fc.constantFrom(...AS_OF_DATES) },
    {
      weight: 1,
      arbitrary: fc
        .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
    },
  );
}

function listItem(pool: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: pool.length ? 6 : 0, arbitrary: pool.length ? caseVariant(pool) : fc.constant('x') },
    { weight: 1, arbitrary: fc.constantFrom('xennial', 'gen_x', 'millennial', ...HOSTILE_STRINGS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
  );
}

const small = <T>(a: fc.Arbitrary<T>) => fc.array(a, { maxLength: 4 });
const cond = (field: string, op: string, value: fc.Arbitrary<unknown>): fc.Arbitrary<Rule> => value.map((v) => ({ field, op, value: v }));

function conditionArbitrary(field: string, type: FieldType): fc.Arbitrary<Rule> {
  const p = pools();
  const ops = OPS_BY_TYPE[type] as readonly string[];
  const arbs: fc.Arbitrary<Rule>[] = [];
  for (const op of ops) {
    if (op === 'exists') {
      arbs.push(cond(field, op, fc.boolean()));
      continue;
    }
    switch (type) {
      case 'text': {
        const pool = p.text.get(field) ?? [];
        if (op === 'in' || op === 'not_in') arbs.push(cond(field, op, small(textValue(pool))));
        else if (op === 'contains') arbs.push(cond(field, op, textPiece(pool, false)));
        else if (op === 'starts_with') arbs.push(cond(field, op, textPiece(pool, true)));
        else arbs.push(cond(field, op, textValue(pool)));
        break;
      }
      case 'number': {
        const v = numberValue(p.number.get(field) ?? []);
        arbs.push(cond(field, op, op === 'between' ? fc.tuple(v, v) : v));
        break;
      }
      case 'date': {
        const v = dateValue(p.date.get(field) ?? []);
        arbs.push(cond(field, op, op === 'between' ? fc.tuple(v, v) : v));
        break;
      }
      case 'list': {
        const v = listItem(p.list.get(field) ?? []);
        arbs.push(cond(field, op, op === 'has' ? v : small(v)));
        break;
      }
      case 'boolean':
        arbs.push(cond(field, op, fc.boolean()));
        break;
    }
  }
  return fc.oneof(...arbs);
}

function orgArbitrary(): fc.Arbitrary<Rule> {
  return cond(
    'org',
    'within',
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...externalIds) },
      { weight: 2, arbitrary: caseVariant(emails) },
      { weight: 1, arbitrary: fc.constantFrom('nobody-at-all', 'NOBODY@example.com', ...HOSTILE_STRINGS.filter((s) => s.trim() !== '')) },
    ),
  );
}

function activityArbitrary(): fc.Arbitrary<Rule> {
  const spec = fc.record(
    {
      type: fc.constantFrom(...ACTIVITY_TYPES),
      campaign: fc.constantFrom(1, 2, 3, 4),
      within_days: fc.oneof(fc.constantFrom(0, 1, 7, 30, 59, 60), fc.integer({ min: 0, max: 400 })),
    },
    { requiredKeys: ['type'] },
  );
  return fc.record({ activity: spec, has: fc.boolean() });
}

function leafArbitrary(segmentKeys: readonly string[]): fc.Arbitrary<Rule> {
  const fields = RULE_FIELDS.map((f) => conditionArbitrary(f.name, f.type));
  const attributes = [...ATTRIBUTE_KEYS, 'no_such_key'].map((k) => conditionArbitrary(`attributes.${k}`, 'text'));
  return fc.oneof(
    { weight: 12, arbitrary: fc.oneof(...fields) },
    { weight: 3, arbitrary: fc.oneof(...attributes) },
    { weight: 2, arbitrary: orgArbitrary() },
    { weight: 3, arbitrary: activityArbitrary() },
    {
      weight: segmentKeys.length ? 1 : 0,
      arbitrary: segmentKeys.length ? fc.constantFrom(...segmentKeys).map((segment) => ({ segment })) : fc.constant({ all: [] }),
    },
    { weight: 1, arbitrary: fc.constantFrom<Rule>({ all: [] }, { any: [] }) },
  );
}

function ruleArbitrary(opts: { segmentKeys: readonly string[]; maxDepth?: number }): fc.Arbitrary<Rule> {
  const leaf = leafArbitrary(opts.segmentKeys);
  const { rule } = fc.letrec<{ rule: Rule }>((tie) => ({
    rule: fc.oneof(
      { maxDepth: opts.maxDepth ?? 4, depthIdentifier: 'rule' },
      { weight: 5, arbitrary: leaf },
      { weight: 2, arbitrary: fc.array(tie('rule'), { maxLength: 4, depthIdentifier: 'rule' }).map((all) => ({ all })) },
      { weight: 2, arbitrary: fc.array(tie('rule'), { maxLength: 4, depthIdentifier: 'rule' }).map((any) => ({ any })) },
      { weight: 1, arbitrary: tie('rule').map((not) => ({ not })) },
    ),
  }));
  return rule;
}

const asOfArbitrary = fc.oneof(
  { weight: 3, arbitrary: fc.constant<string>(AS_OF_DATES[0]) },
  { weight: 3, arbitrary: fc.constantFrom<string>(...AS_OF_DATES) },
);
const thresholdsArbitrary = () =>
  fc.constantFrom<Thresholds>(defaultThresholds, { noviceBelow: 2, midBelow: 5 }, { noviceBelow: 0, midBelow: 1 }, { noviceBelow: 5, midBelow: 5 });

// ---------------------------------------------------------------------------------------------

describe('segment compiler vs reference evaluator', () => {
  it('stores the population as the reference reads it', async () => {
    const rows = await sql<
      Record<string, unknown>
    >`SELECT p.*, m.external_id AS manager_external_id FROM people p LEFT JOIN people m ON m.id = p.manager_id`.execute(t.database.db);
    expect(rows.rows.length).toBe(dir.people.length);
    const textFields = RULE_FIELDS.filter((f) => f.type === 'text' && !f.derived && f.name !== 'manager').map((f) => f.name);
    for (const row of rows.rows) {
      const d = dir.describe(Number(row.id), options());
      for (const f of textFields) expect(row[f] ?? null, `${String(row.external_id)}.${f}`).toEqual(d[f]);
      for (const f of ['skills', 'interests', 'mentor_topics', 'learning_goals', 'languages']) expect(row[f], `${String(row.external_id)}.${f}`).toEqual(d[f]);
      expect(row.manager_external_id ?? null).toEqual(d.manager);
      expect(row.attributes).toEqual(d.attributes);
    }
    // The population is awkward enough: leaders with inactive reports, inactive people, events.
    const describeAll = dir.people.map((p) => dir.describe(p.id, options()));
    expect(describeAll.filter((d) => d.status === 'inactive').length).toBeGreaterThan(10);
    expect(describeAll.filter((d) => d.is_leader === true).length).toBeGreaterThan(10);
    expect(describeAll.filter((d) => (d.events as string[]).length > 0).length).toBeGreaterThan(50);
  });

  it('selects exactly the people the reference selects, for random rules', async () => {
    const rules = ruleArbitrary({ segmentKeys: ['seg-a', 'seg-b'] });
    let runs = 0;
    let nonEmpty = 0;
    let partial = 0;
    const activeCount = dir.evaluate({ all: [] }, options()).length;
    await fc.assert(
      fc.asyncProperty(rules, asOfArbitrary, thresholdsArbitrary(), async (rule, asOf, thresholds) => {
        runs++;
        const opts = options(asOf, thresholds);
        const selected = dir.evaluate(rule, opts).length;
        if (selected > 0) nonEmpty++;
        if (selected > 0 && selected < activeCount) partial++;
        const problem = await compare(rule, opts);
        if (problem) throw new Error(problem);
      }),
      { numRuns: NUM_RUNS, seed: PROPERTY_SEED, plugins: [fc.interruptAfterTimeLimit(TIME_LIMIT_MS)] },
    );
    // The generator is not degenerate: many runs complete and many rules select someone.
    expect(runs).toBeGreaterThan(Math.min(NUM_RUNS, 50));
    if (process.env.RULE_DIFF_STATS) console.log(`runs ${runs}, some selected ${nonEmpty}, some but not all ${partial}`);
    expect(nonEmpty / runs).toBeGreaterThan(0.25);
    expect(partial / runs).toBeGreaterThan(0.2);
  }, 120_000);

  it('matches the reference at every generation, cohort, tenure and experience boundary, for every op', async () => {
    const failures: string[] = [];
    const check = async (rule: Rule, opts: EvaluationOptions) => {
      const problem = await compare(rule, opts).catch((e: unknown) => `rule ${JSON.stringify(rule)} threw ${String(e)}`);
      if (problem) failures.push(problem);
    };
    const numberOps = (field: string, n: number): Rule[] => [
      ...['eq', 'neq', 'lt', 'lte', 'gt', 'gte'].map((op) => ({ field, op, value: n })),
      { field, op: 'between', value: [n, n + 1] },
      { not: { field, op: 'between', value: [n - 1, n] } },
    ];
    const textOps = (field: string, v: string): Rule[] => [
      ...['eq', 'neq', 'contains', 'starts_with'].map((op) => ({ field, op, value: v })),
      { field, op: 'in', value: [v.toUpperCase(), 'nothing'] },
      { field, op: 'not_in', value: [v] },
      { not: { field, op: 'eq', value: v } },
    ];
    const thresholdSets: Thresholds[] = [defaultThresholds, { noviceBelow: 2, midBelow: 5 }];
    for (const asOf of AS_OF_DATES) {
      for (const thresholds of thresholdSets) {
        const opts = options(asOf, thresholds);
        for (const g of ['silent', 'boomer', 'gen_x', 'millennial', 'gen_z', 'gen_alpha']) for (const r of textOps('generation', g)) await check(r, opts);
        for (const g of ['silent', 'boomer', 'gen_x', 'millennial', 'gen_z', 'gen_alpha', 'xennial']) {
          await check({ field: 'cohorts', op: 'has', value: g.toUpperCase() }, opts);
          await check({ field: 'cohorts', op: 'has_none', value: [g] }, opts);
          await check({ field: 'cohorts', op: 'has_all', value: [g, 'gen_x'] }, opts);
        }
        for (const level of ['novice', 'mid_career', 'expert']) for (const r of textOps('experience_level', level)) await check(r, opts);
        for (const field of ['generation', 'experience_level']) for (const value of [true, false]) await check({ field, op: 'exists', value }, opts);
        for (const field of ['cohorts']) for (const value of [true, false]) await check({ field, op: 'exists', value }, opts);
        for (let n = -1; n <= 12; n++) for (const r of numberOps('years_experience', n)) await check(r, opts);
        for (const value of [true, false]) await check({ field: 'years_experience', op: 'exists', value }, opts);
      }
      const opts = options(asOf);
      for (const y of BOUNDARY_BIRTH_YEARS) for (const r of numberOps('birth_year', y)) await check(r, opts);
      for (let n = -1; n <= 31; n++) for (const r of numberOps('tenure_years', n)) await check(r, opts);
      for (const value of [true, false]) await check({ field: 'tenure_years', op: 'exists', value }, opts);
      for (const value of [true, false]) await check({ field: 'is_leader', op: 'eq', value }, opts);
      for (let n = 0; n <= 6; n++) for (const r of numberOps('direct_reports', n)) await check(r, opts);
    }
    if (failures.length) throw new Error(summarise(failures));
  }, 60_000);
});

describe('activity windows', () => {
  it('count events on the edges of every window exactly as the reference does', async () => {
    const failures: string[] = [];
    for (const asOf of AS_OF_DATES) {
      for (const type of ACTIVITY_TYPES) {
        for (const within_days of [undefined, ...BOUNDARY_WITHIN_DAYS]) {
          for (const campaign of [undefined, 2]) {
            for (const has of [true, false]) {
              const activity = { type, ...(campaign === undefined ? {} : { campaign }), ...(within_days === undefined ? {} : { within_days }) };
              const rule = { activity, has };
              const problem = await compare(rule, options(asOf)).catch((e: unknown) => `rule ${JSON.stringify(rule)} threw ${String(e)}`);
              if (problem) failures.push(problem);
            }
          }
        }
      }
    }
    if (failures.length) throw new Error(summarise(failures));
  }, 60_000);
});

describe('hostile values', () => {
  const TEXT_FIELDS = ['department', 'about', 'given_name', 'external_id', 'attributes.note'];
  const LIST_FIELDS = ['skills', 'cohorts'];

  it('never throw and match what the reference says, for every text op', async () => {
    const failures: string[] = [];
    for (const field of TEXT_FIELDS) {
      for (const value of HOSTILE_VALUES) {
        const rules: Rule[] = [
          { field, op: 'eq', value },
          { field, op: 'neq', value },
          { field, op: 'in', value: [value, 'Sales'] },
          { field, op: 'not_in', value: [value] },
          { field, op: 'contains', value },
          { field, op: 'starts_with', value },
        ];
        for (const rule of rules) {
          const problem = await compare(rule).catch((e: unknown) => `rule ${JSON.stringify(rule).slice(0, 200)} threw ${String(e)}`);
          if (problem) failures.push(problem);
        }
      }
    }
    if (failures.length) throw new Error(summarise(failures));
    // Nobody dropped the table.
    const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM people`.execute(t.database.db);
    expect(count.rows[0]!.n).toBe(dir.people.length);
  }, 60_000);

  it('never throw and match what the reference says, for every list op and org', async () => {
    const failures: string[] = [];
    for (const value of HOSTILE_VALUES) {
      // An org value names a person: blank, or longer than an e-mail address may be (320), is invalid.
      const rules: Rule[] = value.trim() === '' || value.length > ORG_VALUE_MAX ? [] : [{ field: 'org', op: 'within', value }];
      for (const field of LIST_FIELDS) {
        rules.push(
          { field, op: 'has', value },
          { field, op: 'has_any', value: [value, 'excel'] },
          { field, op: 'has_all', value: [value] },
          { field, op: 'has_none', value: [value] },
        );
      }
      for (const rule of rules) {
        const problem = await compare(rule).catch((e: unknown) => `rule ${JSON.stringify(rule).slice(0, 200)} threw ${String(e)}`);
        if (problem) failures.push(problem);
      }
    }
    if (failures.length) throw new Error(summarise(failures));
  }, 60_000);

  it('treats % _ and \\ literally in contains and starts_with (values present in the population)', async () => {
    // Sanity of the population itself: these must select someone, or the test above proves little.
    for (const [field, value] of [
      ['department', '100%'],
      ['department', 'under_'],
      ['department', 'back\\'],
      ['about', "'; drop table"],
      ['given_name', 'perc%'],
    ] as const) {
      const rule = { field, op: field === 'department' ? 'starts_with' : 'contains', value };
      expect(dir.evaluate(rule, options()).length, JSON.stringify(rule)).toBeGreaterThan(0);
      await expectSame(rule);
    }
    for (const value of ['%', '_', '\\', '%%', '__']) await expectSame({ field: 'department', op: 'contains', value });
  });
});

describe('limits', () => {
  const leaf = { field: 'department', op: 'eq', value: 'Sales' };
  /** A leaf wrapped in `levels - 1` groups: `levels` rule nodes on the path. */
  const nested = (levels: number, wrap: (r: Rule) => Rule) => {
    let rule: Rule = leaf;
    for (let i = 1; i < levels; i++) rule = wrap(rule);
    return rule;
  };

  it('accepts an org value of 320 characters (matching nobody), and trims it', async () => {
    await expectSame({ field: 'org', op: 'within', value: "'%_\\".repeat(ORG_VALUE_MAX / 4) });
    const padded = { field: 'org', op: 'within', value: `  ${externalIds[0]!}\t` };
    expect(dir.evaluate(padded, options()).length).toBeGreaterThan(0);
    await expectSame(padded);
  });

  it('accepts a rule nested 32 deep and rejects 33 with the pointer of the node too deep', async () => {
    await expectSame(nested(RULE_LIMITS.depth, (r) => ({ all: [r] })));
    await expectSame(nested(RULE_LIMITS.depth, (r) => ({ not: r })));
    await expectRejectedAt(
      nested(RULE_LIMITS.depth + 1, (r) => ({ all: [r] })),
      `/rule${'/all/0'.repeat(RULE_LIMITS.depth)}`,
    );
    await expectRejectedAt(
      nested(RULE_LIMITS.depth + 1, (r) => ({ not: r })),
      `/rule${'/not'.repeat(RULE_LIMITS.depth)}`,
    );
  });

  it('accepts 500 nodes and rejects 501', async () => {
    const within = (n: number) => ({ any: Array.from({ length: n - 1 }, (_, i) => ({ field: 'birth_year', op: 'eq', value: 1900 + i })) });
    await expectSame(within(RULE_LIMITS.nodes));
    const error = await rejection(() => actualIds(within(RULE_LIMITS.nodes + 1)));
    expect(error.code).toBe('validation');
    // Preferably the 501st node (/rule/any/499); the rule as a whole is acceptable too.
    expect(error.problems[0]?.pointer).toMatch(/^\/rule(\/any\/499)?$/);
  });

  it(`accepts list values of ${RULE_LIMITS.listValue} items and text of ${RULE_LIMITS.textValue} characters, rejects one more`, async () => {
    const items = Array.from({ length: RULE_LIMITS.listValue }, (_, i) => `v${i}`);
    await expectSame({ all: [{ field: 'department', op: 'in', value: [...items, 'Sales'].slice(1) }] });
    await expectSame({ all: [{ field: 'skills', op: 'has_any', value: [...items, 'excel'].slice(1) }] });
    await expectRejectedAt({ all: [leaf, { field: 'department', op: 'in', value: [...items, 'Sales'] }] }, '/rule/all/1');
    await expectRejectedAt({ all: [leaf, { field: 'about', op: 'contains', value: `${TEN_KB}x` }] }, '/rule/all/1');
  });
});

describe('segment references', () => {
  it('evaluates A -> B -> rule in place', async () => {
    await expectSame({ segment: 'seg-b' });
    await expectSame({ all: [{ segment: 'seg-a' }, { not: { segment: 'seg-b' } }] });
    await saveSegment({ db: t.database.db, key: 'ref-b', name: 'B', rule: { field: 'department', op: 'eq', value: 'sales' } });
    await saveSegment({ db: t.database.db, key: 'ref-a', name: 'A', rule: { any: [{ segment: 'ref-b' }] } });
    const expected = dir.evaluate({ field: 'department', op: 'eq', value: 'sales' }, options());
    expect(expected.length).toBeGreaterThan(0);
    expect((await actualIds({ segment: 'ref-a' })).map(Number)).toEqual(expected);
  });

  it('rejects a cycle A -> B -> A, and a segment naming itself, with a pointer', async () => {
    await saveSegment({ db: t.database.db, key: 'cyc-a', name: 'A', rule: { field: 'department', op: 'eq', value: 'sales' } });
    await saveSegment({ db: t.database.db, key: 'cyc-b', name: 'B', rule: { all: [{ segment: 'cyc-a' }] } });
    const cycle = await rejection(() =>
      updateSegment({
        db: t.database.db,
        key: 'cyc-a',
        segment: { key: 'cyc-a', name: 'A', rule: { any: [{ field: 'department', op: 'eq', value: 'sales' }, { segment: 'cyc-b' }] } },
      }),
    );
    expect(cycle.code).toBe('validation');
    expect(cycle.problems[0]?.pointer).toBe('/rule/any/1');
    // The rejected update changed nothing: A is still plain, B still refers to it.
    await expectSame(
      { segment: 'cyc-b' },
      {
        ...options(),
        segments: new Map([
          ['cyc-a', { field: 'department', op: 'eq', value: 'sales' }],
          ['cyc-b', { all: [{ segment: 'cyc-a' }] }],
        ]),
      },
    );

    const selfNew = await rejection(() => saveSegment({ db: t.database.db, key: 'self', name: 'Self', rule: { not: { segment: 'self' } } }));
    expect(selfNew.code).toBe('validation');
    expect(selfNew.problems[0]?.pointer).toBe('/rule/not');
    await saveSegment({ db: t.database.db, key: 'self', name: 'Self', rule: { all: [] } });
    const self = await rejection(() =>
      updateSegment({ db: t.database.db, key: 'self', segment: { key: 'self', name: 'Self', rule: { not: { segment: 'self' } } } }),
    );
    expect(self.code).toBe('validation');
    expect(self.problems[0]?.pointer).toBe('/rule/not');
  });

  it('rejects an unknown key with a pointer', async () => {
    await expectRejectedAt({ all: [{ field: 'department', op: 'eq', value: 'x' }, { segment: 'no-such-segment' }] }, '/rule/all/1');
    const error = await rejection(() => saveSegment({ db: t.database.db, key: 'dangling', name: 'D', rule: { any: [{ segment: 'no-such-segment' }] } }));
    expect(error.code).toBe('validation');
    expect(error.problems[0]?.pointer).toBe('/rule/any/0');
  });
});

describe('invalid rules', () => {
  const ok = { field: 'department', op: 'eq', value: 'Sales' };
  const cases: [string, unknown, string][] = [
    ['unknown field', { all: [ok, { field: 'shoe_size', op: 'eq', value: '42' }] }, '/rule/all/1'],
    ['op not valid for a list', { all: [ok, { field: 'skills', op: 'contains', value: 'x' }] }, '/rule/all/1'],
    ['op not valid for text', { any: [ok, { not: { field: 'department', op: 'gt', value: 'a' } }] }, '/rule/any/1/not'],
    ['op not valid for boolean', { all: [ok, { field: 'is_leader', op: 'neq', value: true }] }, '/rule/all/1'],
    ['within on a plain field', { all: [ok, { field: 'department', op: 'within', value: 'E0001' }] }, '/rule/all/1'],
    ['org with another op', { all: [ok, { field: 'org', op: 'eq', value: 'E0001' }] }, '/rule/all/1'],
    ['unknown op', { all: [ok, { field: 'department', op: 'like', value: 'a%' }] }, '/rule/all/1'],
    ['number as a string', { all: [ok, { field: 'birth_year', op: 'gt', value: '1980' }] }, '/rule/all/1'],
    ['text as a number', { all: [ok, { field: 'department', op: 'eq', value: 42 }] }, '/rule/all/1'],
    ['in without an array', { all: [ok, { field: 'department', op: 'in', value: 'Sales' }] }, '/rule/all/1'],
    ['in with a non-string item', { all: [ok, { field: 'department', op: 'in', value: ['Sales', 1] }] }, '/rule/all/1'],
    ['has with an array', { all: [ok, { field: 'skills', op: 'has', value: ['excel'] }] }, '/rule/all/1'],
    ['boolean as a string', { all: [ok, { field: 'ambassador', op: 'eq', value: 'true' }] }, '/rule/all/1'],
    ['exists without a boolean', { all: [ok, { field: 'department', op: 'exists', value: 'yes' }] }, '/rule/all/1'],
    ['not a date', { all: [ok, { field: 'hire_date', op: 'gt', value: '2020-13-45' }] }, '/rule/all/1'],
    ['between with one value', { all: [ok, { field: 'tenure_years', op: 'between', value: [1] }] }, '/rule/all/1'],
    ['between with three values', { all: [ok, { field: 'birth_year', op: 'between', value: [1, 2, 3] }] }, '/rule/all/1'],
    ['between without an array', { all: [ok, { field: 'birth_year', op: 'between', value: 1980 }] }, '/rule/all/1'],
    ['org within a blank value', { all: [ok, { field: 'org', op: 'within', value: ' ' }] }, '/rule/all/1'],
    ['org within an empty value', { all: [ok, { field: 'org', op: 'within', value: '' }] }, '/rule/all/1'],
    ['org within a value longer than any e-mail', { all: [ok, { field: 'org', op: 'within', value: 'x'.repeat(ORG_VALUE_MAX + 1) }] }, '/rule/all/1'],
    ['unknown activity type', { all: [ok, { activity: { type: 'liked' }, has: true }] }, '/rule/all/1'],
    ['activity without has', { all: [ok, { activity: { type: 'opened' } }] }, '/rule/all/1'],
    ['negative within_days', { all: [ok, { activity: { type: 'opened', within_days: -1 }, has: true }] }, '/rule/all/1'],
    ['all without an array', { any: [ok, { all: ok }] }, '/rule/any/1'],
    ['a node that is no rule', { all: [ok, { nothing: true }] }, '/rule/all/1'],
    ['a string as a node', { all: [ok, 'department = Sales'] }, '/rule/all/1'],
    ['not a rule at all', [ok], '/rule'],
    ['null', null, '/rule'],
  ];
  for (const [name, rule, pointer] of cases) {
    it(`rejects ${name} at ${pointer}`, async () => {
      await expectRejectedAt(rule, pointer);
    });
  }
});
