// Audiences through the HTTP API: preview with the issue's example rule, error pointers, saved
// segments (references, cycles, members, CSV, delete guard), personas with coverage and journey
// maps, and the refusals for roles without audience permissions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { bearer, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { importPeopleRows } from '../people/index.js';
import { isInAudience } from './index.js';

let t: TestRuntime;
let communicator: TestCaller;
const AS_OF = '2026-06-15';

const person = (id: string, extra: Record<string, unknown>) => ({
  external_id: id,
  email: `${id.toLowerCase()}@x.example`,
  given_name: id,
  family_name: `Family ${id}`,
  ...extra,
});
const people = [
  person('ANNA', { department: 'Board', birth_year: 1970, hire_date: '2001-01-01' }),
  person('S1', { manager: 'ANNA', department: 'Sales', birth_year: 1990, hire_date: '2025-01-01' }), // millennial novice
  person('S2', { manager: 'ANNA', department: 'sales', birth_year: 1979, hire_date: '2024-09-01' }), // gen_x + xennial novice
  person('S3', { manager: 'ANNA', department: 'Support', birth_year: 1990, hire_date: '2010-01-01' }), // millennial expert
  person('S4', { manager: 'ANNA', department: 'Support', birth_year: 1999, hire_date: '2025-05-01' }), // gen_z novice
  person('S5', { manager: 'ANNA', department: 'Support', birth_year: 1985, hire_date: '2025-02-01' }), // millennial novice, opened
  person('S6', { manager: 'ANNA', department: 'Support', birth_year: 1985, hire_date: '2025-02-01', status: 'inactive' }),
  person('OUT', { department: 'Sales', birth_year: 1990, hire_date: '2025-01-01' }), // not under Anna
];

const ruleOfTheIssue = {
  all: [
    {
      any: [
        { field: 'generation', op: 'eq', value: 'millennial' },
        { field: 'cohorts', op: 'has', value: 'xennial' },
      ],
    },
    { field: 'experience_level', op: 'eq', value: 'novice' },
    { field: 'department', op: 'in', value: ['Sales', 'Support'] },
    { field: 'org', op: 'within', value: 'anna@x.example' },
    { activity: { type: 'opened', campaign: 7, within_days: 7 }, has: false },
  ],
};

beforeAll(async () => {
  t = await startTestRuntime();
  const report = await importPeopleRows({ db: t.database.db, rows: people.map((value, i) => ({ line: i + 1, value })) });
  expect(report.errors).toEqual([]);
  await sql`INSERT INTO events (type, person_id, campaign_id, occurred_at)
    SELECT 'opened', id, 7, '2026-06-12T09:00:00Z' FROM people WHERE external_id = 'S5'`.execute(t.database.db);
  communicator = await bearer(t, 'communicator');
});
afterAll(async () => t?.close());

const preview = (rule: unknown, caller = communicator) =>
  t.app.inject({ method: 'POST', url: '/api/v1/audiences/preview', headers: caller.headers, payload: { rule, as_of: AS_OF } });
const sampleIds = (body: { sample: { external_id: string }[] }) => body.sample.map((p) => p.external_id).sort();

describe('preview', () => {
  it('finds millennial and xennial novices in Sales or Support under Anna who did not open last week', async () => {
    const res = await preview(ruleOfTheIssue);
    expect(res.statusCode).toBe(200);
    expect(res.json().count).toBe(2);
    expect(sampleIds(res.json())).toEqual(['S1', 'S2']);
  });

  it('answers "is this person in it" with the same compiled rule', async () => {
    const id = async (e: string) => (await sql<{ id: number }>`SELECT id FROM people WHERE external_id = ${e}`.execute(t.database.db)).rows[0]!.id;
    const ask = async (e: string) =>
      isInAudience({ db: t.database.db, rule: ruleOfTheIssue, asOf: AS_OF, thresholds: t.config.experienceThresholds, personId: await id(e) });
    expect(await ask('S1')).toBe(true);
    expect(await ask('S5')).toBe(false);
    expect(await ask('OUT')).toBe(false);
  });

  it('counts everyone active for an empty all, and no one for an empty any', async () => {
    expect((await preview({ all: [] })).json().count).toBe(7);
    expect((await preview({ any: [] })).json().count).toBe(0);
  });

  it('names the JSON pointer of the offending node', async () => {
    const res = await preview({
      all: [
        { field: 'generation', op: 'eq', value: 'gen_x' },
        { field: 'departmnt', op: 'eq', value: 'Sales' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json().errors[0].pointer).toBe('/rule/all/1');
    expect(res.json().detail).toMatch(/no field "departmnt"/);
    const op = await preview({ not: { field: 'department', op: 'gt', value: 'x' } });
    expect(op.json().errors[0]).toMatchObject({ pointer: '/rule/not', message: expect.stringMatching(/does not work on the text field/) });
    // A condition without its value says so (it used to be reported as a missing field).
    const noValue = await preview({ any: [{ field: 'department', op: 'exists' }] });
    expect(noValue.json().errors[0]).toMatchObject({ pointer: '/rule/any/0', code: 'rule.value_missing', params: { field: 'department' } });
  });

  it('is refused to employees and leaders', async () => {
    for (const role of ['employee', 'leader'] as const) expect((await preview({ all: [] }, await bearer(t, role))).statusCode).toBe(403);
  });
});

describe('saved segments', () => {
  it('saves, refers to, lists members of and exports a segment', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/segments',
      headers: communicator.headers,
      payload: { key: 'support', name: 'Support', rule: { field: 'department', op: 'eq', value: 'SUPPORT' } },
    });
    expect(created.statusCode).toBe(201);
    const nested = await preview({ all: [{ segment: 'support' }, { field: 'experience_level', op: 'eq', value: 'novice' }] });
    expect(sampleIds(nested.json())).toEqual(['S4', 'S5']);
    const page1 = await t.app.inject({ url: '/api/v1/segments/support/members?limit=2', headers: communicator.headers });
    expect(page1.json().items).toHaveLength(2);
    const page2 = await t.app.inject({ url: `/api/v1/segments/support/members?limit=2&cursor=${page1.json().next_cursor}`, headers: communicator.headers });
    expect(page2.json()).toMatchObject({ items: [expect.anything()], next_cursor: null });
    const admin = await bearer(t, 'admin');
    const csv = await t.app.inject({ url: '/api/v1/segments/support/members.csv', headers: admin.headers });
    expect(csv.body.trim().split('\n')).toHaveLength(4);
    expect((await t.app.inject({ url: '/api/v1/segments/support/members.csv', headers: communicator.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/segments/support/members.csv', headers: (await bearer(t, 'employee')).headers })).statusCode).toBe(403);
  });

  it('rejects a duplicate key, an unknown reference and a cycle', async () => {
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/segments',
      headers: communicator.headers,
      payload: { key: 'support', name: 'Again', rule: { all: [] } },
    });
    expect(dup.statusCode).toBe(409);
    const unknown = await preview({ any: [{ segment: 'nope' }] });
    expect(unknown.json().errors[0]).toMatchObject({ pointer: '/rule/any/0', message: 'there is no saved segment "nope"' });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/segments',
      headers: communicator.headers,
      payload: { key: 'a', name: 'A', rule: { segment: 'support' } },
    });
    const cycle = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/segments/support',
      headers: communicator.headers,
      payload: { key: 'support', name: 'Support', rule: { all: [{ segment: 'a' }] } },
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().errors[0]).toMatchObject({ pointer: '/rule/all/0', message: expect.stringMatching(/support → a → support/) });
  });

  it('will not delete a segment another rule uses', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: '/api/v1/segments/support', headers: communicator.headers });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/segment a/);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/segments/a', headers: communicator.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/segments/support', headers: communicator.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/segments/support', headers: communicator.headers })).statusCode).toBe(404);
  });
});

describe('personas', () => {
  it('creates personas, reports coverage and overlaps, and keeps a journey map', async () => {
    const create = (name: string, rule: unknown) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/personas',
        headers: communicator.headers,
        payload: { name, rule, motivations: ['grow'], preferred_channels: ['email', 'chat'], wiifm: 'More time for customers' },
      });
    const novices = await create('Novices', { field: 'experience_level', op: 'eq', value: 'novice' });
    expect(novices.statusCode).toBe(201);
    const support = await create('Support crew', { field: 'department', op: 'eq', value: 'support' });
    const coverage = (await t.app.inject({ url: '/api/v1/personas/coverage', headers: communicator.headers })).json();
    expect(coverage).toMatchObject({ total: 7, uncovered: 1 });
    expect(coverage.personas.map((p: { count: number }) => p.count)).toEqual([5, 3]);
    expect(coverage.overlaps).toEqual([{ a: novices.json().id, b: support.json().id, count: 2 }]);

    const journey = {
      stages: [
        {
          name: 'Onboarding',
          touchpoints: [{ channel: 'email', campaign: 'welcome' }],
          does: 'Reads the welcome mail',
          thinks: 'Where do I start?',
          feels: 'Curious',
          mood: 1,
          pain_points: ['too many tools'],
        },
        { name: 'First 90 days' },
      ],
    };
    const saved = await t.app.inject({ method: 'PUT', url: `/api/v1/personas/${novices.json().id}/journey`, headers: communicator.headers, payload: journey });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().stages[1]).toMatchObject({ name: 'First 90 days', touchpoints: [], mood: 0 });
    const read = await t.app.inject({ url: `/api/v1/personas/${novices.json().id}/journey`, headers: communicator.headers });
    expect(read.json().stages[0].touchpoints[0]).toEqual({ channel: 'email', campaign: 'welcome' });
  });

  it('rejects a persona whose rule is wrong, naming the pointer, and unknown ids', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/personas',
      headers: communicator.headers,
      payload: { name: 'X', rule: { all: [{ field: 'tenure_years', op: 'gte', value: 'ten' }] } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].pointer).toBe('/rule/all/0');
    expect((await t.app.inject({ url: '/api/v1/personas/99999', headers: communicator.headers })).statusCode).toBe(404);
    const employee = await bearer(t, 'employee');
    expect((await t.app.inject({ url: '/api/v1/personas', headers: employee.headers })).statusCode).toBe(403);
  });
});

describe('field suggestions', () => {
  it('lists fields with custom attributes and suggests existing values', async () => {
    const fields = (await t.app.inject({ url: '/api/v1/audiences/fields', headers: communicator.headers })).json();
    expect(fields.fields.map((f: { name: string }) => f.name)).toEqual(expect.arrayContaining(['generation', 'skills', 'org']));
    const values = (await t.app.inject({ url: '/api/v1/audiences/fields/department/values?q=su', headers: communicator.headers })).json();
    expect(values.values).toEqual([{ value: 'Support', count: 3 }]);
    expect((await t.app.inject({ url: '/api/v1/audiences/fields/nope/values', headers: communicator.headers })).statusCode).toBe(404);
  });
});
