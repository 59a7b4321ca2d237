// Contribution imports keep every good line when others carry what PostgreSQL refuses (a NUL, a lone
// surrogate, year 0, a score beyond a 32-bit integer): each such line is reported with its field,
// where the whole file used to fail with a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { importPeopleRows } from '../people/index.js';

let t: TestRuntime;
let admin: TestCaller;
beforeAll(async () => {
  t = await startTestRuntime();
  await importPeopleRows({ db: t.database.db, rows: [{ line: 1, value: { external_id: 'P1', email: 'p1@x.example', given_name: 'P', family_name: 'One' } }] });
  admin = await bearer(t, 'admin');
});
afterAll(async () => t?.close());

const line = (id: string, extra: Record<string, unknown>) =>
  JSON.stringify({ external_id: id, person: 'P1', kind: 'post', title: 'Pivot tables', created_at: '2026-01-01', ...extra });

describe('POST /api/v1/contributions/import with text PostgreSQL refuses', () => {
  it('reports each bad line with its field and keeps the good one', async () => {
    const text = [
      line('GOOD', { body: 'Group by month.' }),
      line('NUL', { title: 'Pivot\u0000tables' }),
      line('SURROGATE', { body: 'half an emoji \ud83d' }),
      line('YEAR0', { created_at: '0000-01-01' }),
      line('BIGSCORE', { score: 3_000_000_000 }),
    ].join('\n');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contributions/import',
      headers: { ...admin.headers, 'content-type': 'application/x-ndjson' },
      payload: text,
    });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ rows: 5, created: 1, rejected: 4 });
    expect(report.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [2, 'title'],
      [3, 'body'],
      [4, 'created_at'],
      [5, 'score'],
    ]);
    expect(report.errors[0].reason).toMatch(/NUL/);
    expect(report.errors[1].reason).toMatch(/surrogate/);
  });
});
