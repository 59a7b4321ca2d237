// Import files are read only by the import routes, only after the caller is known and allowed: a big
// CSV body sent anywhere else, or without the right to import, is refused without being read.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestRuntime, type TestRuntime } from '../../testing/test-runtime.js';

let t: TestRuntime;
beforeAll(async () => {
  t = await startTestRuntime();
});
afterAll(async () => t?.close());

const MB = 1024 * 1024;

/** A 200 MB body produced only as it is read, counting what was read. */
function hugeBody() {
  const piece = Buffer.alloc(64 * 1024, 'x');
  const body = { read: 0, stream: null as unknown as Readable };
  body.stream = new Readable({
    read() {
      if (body.read >= 200 * MB) this.push(null);
      else {
        body.read += piece.length;
        this.push(piece);
      }
    },
  });
  return body;
}

describe('import bodies', () => {
  it('are refused unread (415) by a route that does not import, even a public one', async () => {
    for (const url of ['/api/v1/auth/login', '/api/v1/audiences/preview']) {
      const body = hugeBody();
      const res = await t.app.inject({ method: 'POST', url, headers: { 'content-type': 'text/csv' }, payload: body.stream });
      expect(res.statusCode, url).toBe(url === '/api/v1/auth/login' ? 415 : 401);
      expect(body.read, url).toBeLessThan(MB);
    }
    const caller = await bearer(t, 'admin');
    const body = hugeBody();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/audiences/preview',
      headers: { ...caller.headers, 'content-type': 'text/csv' },
      payload: body.stream,
    });
    expect(res.statusCode).toBe(415);
    expect(body.read).toBeLessThan(MB);
  });

  it('are refused unread by the import routes without a session (401) or the permission (403)', async () => {
    const employee = await bearer(t, 'employee');
    for (const url of ['/api/v1/people/import', '/api/v1/contributions/import']) {
      for (const [headers, status] of [
        [{}, 401],
        [employee.headers, 403],
      ] as const) {
        const body = hugeBody();
        const res = await t.app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': 'application/x-ndjson' }, payload: body.stream });
        expect(res.statusCode, url).toBe(status);
        expect(body.read, url).toBeLessThan(MB);
      }
    }
  });

  it('refuses a people file larger than IMPORT_MAX_MB by its declared length, unread', async () => {
    const admin = await bearer(t, 'admin');
    const body = hugeBody();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people/import',
      headers: { ...admin.headers, 'content-type': 'text/csv', 'content-length': String(2000 * MB) },
      payload: body.stream,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'import.too_large', params: { max_mb: 1024 } });
    expect(body.read).toBeLessThan(MB);
  });
});
