// Rules and field suggestions that answered 500 (issue 8): operators named like Object.prototype's
// members, numbers beyond any tenure or beyond int4, dates PostgreSQL refuses, and value suggestions
// for number, date and boolean fields. Each is now a 400 naming the node, or a correct answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { importPeopleRows } from '../people/index.js';

let t: TestRuntime;
let communicator: TestCaller;
const AS_OF = '2026-06-15';

const person = (id: string, extra: Record<string, unknown>) => ({
  external_id: id,
  email: `${id.toLowerCase()}@x.example`,
  given_name: id,
  family_name: 'Test',
  ...extra,
});

beforeAll(async () => {
  t = await startTestRuntime();
  const rows = [
    person('BOSS', { birth_year: 1970, hire_date: '2001-01-01', mentor_available: true }),
    person('NEW', { manager: 'BOSS', birth_year: 1990, hire_date: '2025-01-01' }),
    person('MID', { manager: 'BOSS', birth_year: 1985, hire_date: '2016-03-01', attributes: { grade: 7 } }),
  ];
  const report = await importPeopleRows({ db: t.database.db, rows: rows.map((value, i) => ({ line: i + 1, value })) });
  expect(report.errors).toEqual([]);
  communicator = await bearer(t, 'communicator');
});
afterAll(async () => t?.close());

const preview = (rule: unknown, asOf: string = AS_OF) =>
  t.app.inject({ method: 'POST', url: '/api/v1/audiences/preview', headers: communicator.headers, payload: { rule, as_of: asOf } });
const count = async (rule: unknown) => {
  const res = await preview(rule);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().count as number;
};

describe('operators that name members of Object.prototype', () => {
  for (const op of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
    for (const field of ['department', 'tenure_years', 'hire_date', 'skills', 'mentor_available', 'attributes.grade']) {
      it(`${field} ${op} is a 400 naming the condition`, async () => {
        const res = await preview({ all: [{ field, op, value: 1 }] });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.json().errors[0]).toMatchObject({ pointer: '/rule/all/0' });
      });
    }
  }
});

describe('numbers beyond any tenure or beyond int4', () => {
  it('tenure_years gte 10000 selects no one, and lte 10000 everyone with a hire date', async () => {
    expect(await count({ field: 'tenure_years', op: 'gte', value: 10_000 })).toBe(0);
    expect(await count({ field: 'tenure_years', op: 'lte', value: 10_000 })).toBe(3);
    expect(await count({ field: 'tenure_years', op: 'between', value: [10, 1e12] })).toBe(2);
    expect(await count({ field: 'tenure_years', op: 'eq', value: 3_000_000_000 })).toBe(0);
    expect(await count({ field: 'tenure_years', op: 'neq', value: 3_000_000_000 })).toBe(3);
    expect(await count({ field: 'tenure_years', op: 'gt', value: -3_000_000_000 })).toBe(3);
    expect(await count({ field: 'tenure_years', op: 'lt', value: 1e300 })).toBe(3);
  });

  it('compares other number fields with values beyond int4 correctly', async () => {
    expect(await count({ field: 'birth_year', op: 'lt', value: 3_000_000_000 })).toBe(3);
    expect(await count({ field: 'birth_year', op: 'gt', value: -3_000_000_000 })).toBe(3);
    expect(await count({ field: 'direct_reports', op: 'eq', value: 9_007_199_254_740_991 })).toBe(0);
    expect(await count({ field: 'years_experience', op: 'gte', value: 1e200 })).toBe(0);
    expect(await count({ field: 'attributes.grade', op: 'lt', value: 3_000_000_000 })).toBe(1);
  });
});

describe('dates PostgreSQL refuses', () => {
  it('hire_date gt 0000-01-01 is a 400 naming the condition', async () => {
    const res = await preview({ all: [{ field: 'hire_date', op: 'gt', value: '0000-01-01' }] });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ pointer: '/rule/all/0' });
  });

  it('between with a year-0 bound, and an evaluation date in year 0, are 400s', async () => {
    expect((await preview({ field: 'hire_date', op: 'between', value: ['0000-02-29', '2020-01-01'] })).statusCode).toBe(400);
    const res = await preview({ all: [] }, '0000-01-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ pointer: '/as_of', in: 'body' });
  });

  it('dates at the ends of the range, and tenure at the earliest evaluation date, answer', async () => {
    expect(await count({ field: 'hire_date', op: 'gt', value: '0001-01-01' })).toBe(3);
    expect(await count({ field: 'hire_date', op: 'lt', value: '9999-12-31' })).toBe(3);
    const early = await preview({ field: 'tenure_years', op: 'gte', value: 5 }, '0001-01-01');
    expect(early.statusCode, early.body).toBe(200);
    expect(early.json().count).toBe(0);
    expect((await preview({ activity: { type: 'opened', within_days: 36_500 }, has: false }, '0001-01-01')).statusCode).toBe(200);
  });
});

describe('value suggestions for every kind of field', () => {
  const values = async (field: string, q = '') => {
    const res = await t.app.inject({ url: `/api/v1/audiences/fields/${field}/values?q=${q}`, headers: communicator.headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().values as { value: string; count: number }[];
  };

  it('answers numbers, dates and booleans as text', async () => {
    expect(await values('birth_year')).toEqual(
      expect.arrayContaining([
        { value: '1970', count: 1 },
        { value: '1990', count: 1 },
      ]),
    );
    expect(await values('hire_date', '2016')).toEqual([{ value: '2016-03-01', count: 1 }]);
    expect(await values('mentor_available')).toEqual([
      { value: 'false', count: 2 },
      { value: 'true', count: 1 },
    ]);
    expect(await values('is_leader', 'tr')).toEqual([{ value: 'true', count: 1 }]);
    expect(await values('tenure_years')).toHaveLength(3);
  });

  it('still answers 404 for a field that does not exist, including Object.prototype names', async () => {
    for (const field of ['no_such_field', '__proto__', 'constructor', 'toString']) {
      const res = await t.app.inject({ url: `/api/v1/audiences/fields/${field}/values`, headers: communicator.headers });
      expect(res.statusCode, field).toBe(404);
    }
  });
});
