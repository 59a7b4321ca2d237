// Contribution imports keep every good line when others carry what PostgreSQL refuses (a NUL, a lone
// surrogate, year 0, a score beyond a 32-bit integer): each such line is reported with its field,
// where the whole file used to fail with a 500.
import { Readable } from 'node:stream';
import { sql } from 'kysely';
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

describe('POST /api/v1/contributions/import of a larger file', () => {
  it('reads it as a stream in batches: every good line kept, a duplicate in a later batch reported with the first line', async () => {
    const lines = Array.from({ length: 2_500 }, (_, i) => line(`BULK-${i}`, { body: `Pivot tip number ${i}.` }));
    lines.push(line('BULK-7', { body: 'The same id again, 2,493 lines later.' }));
    // Sent in small pieces, as a network delivers an upload: lines cross the pieces' edges.
    const text = lines.join('\n');
    const pieces = Array.from({ length: Math.ceil(text.length / 4096) }, (_, i) => text.slice(i * 4096, (i + 1) * 4096));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contributions/import',
      headers: { ...admin.headers, 'content-type': 'application/x-ndjson' },
      payload: Readable.from(pieces),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      rows: 2_501,
      created: 2_500,
      rejected: 1,
      errors: [{ line: 2_501, external_id: 'BULK-7', field: 'external_id', reason: 'external_id BULK-7 already appears on line 8' }],
    });
  });

  it('refuses a file larger than IMPORT_MAX_MB by its declared length (413), before reading it', async () => {
    let read = 0;
    const body = new Readable({
      read() {
        read += 1;
        this.push(read > 100 ? null : Buffer.alloc(64 * 1024, 'x'));
      },
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contributions/import',
      headers: { ...admin.headers, 'content-type': 'application/x-ndjson', 'content-length': String(2_000 * 1024 * 1024) },
      payload: body,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'import.too_large' });
    expect(read).toBeLessThan(20);
  });
});

describe('POST /api/v1/contributions/import of a file that does not say its length', () => {
  let small: TestRuntime;
  beforeAll(async () => {
    small = await startTestRuntime({ env: { IMPORT_MAX_MB: '1' } });
    await importPeopleRows({
      db: small.database.db,
      rows: [{ line: 1, value: { external_id: 'P1', email: 'p1@x.example', given_name: 'P', family_name: 'One' } }],
    });
  });
  afterAll(async () => small?.close());

  it('stops at IMPORT_MAX_MB with 413, keeping the batches written before', async () => {
    const caller = await bearer(small, 'admin');
    const lines = Array.from({ length: 8_000 }, (_, i) => `${line(`BIG-${i}`, { body: 'x'.repeat(200) })}\n`);
    const res = await small.app.inject({
      method: 'POST',
      url: '/api/v1/contributions/import',
      headers: { ...caller.headers, 'content-type': 'application/x-ndjson' },
      payload: Readable.from(lines),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'import.too_large', params: { max_mb: 1 } });
    const kept = await sql<{ n: number }>`SELECT count(*)::int AS n FROM contributions WHERE external_id LIKE 'BIG-%'`.execute(small.database.db);
    // 1 MB holds about 3,600 of these lines: three batches of 1,000 were written before the limit.
    expect(kept.rows[0]!.n).toBe(3_000);
  });
});
