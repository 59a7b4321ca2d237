// The audit log through the HTTP API: what sign-ins, imports, exports, segment, persona and skill
// changes record (without secrets), the filters and cursor pages of GET /api/v1/audit, and that only
// admins read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import type { AuditEntry } from '../../../shared/audit.js';

let t: TestRuntime;
let admin: TestCaller & { email: string; password: string };
beforeAll(async () => {
  t = await startTestRuntime();
  admin = await signIn(t, 'admin');
});
afterAll(async () => t?.close());

async function audit(query: Record<string, string> = {}, caller: TestCaller = admin) {
  const res = await t.app.inject({ url: `/api/v1/audit?${new URLSearchParams(query).toString()}`, headers: caller.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: AuditEntry[]; next_cursor: string | null }>();
}

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, caller: TestCaller, payload?: unknown) =>
  t.app.inject({ method, url, headers: caller.headers, payload: payload as object | undefined });

describe('what is recorded', () => {
  it('records sign-ins and failures with the address and never the password, and sign-outs', async () => {
    const user = await signIn(t, 'employee');
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '192.0.2.44',
      payload: { email: user.email, password: 'Wrong-Password-123' },
    });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'ghost@test.example', password: 'Ghost-Password-123' } });
    await call('POST', '/api/v1/auth/logout', user, {});

    const mine = (await audit({ actor: user.email })).items;
    expect(mine.map((e) => e.action)).toEqual(['auth.sign_out', 'auth.sign_in_failed', 'auth.sign_in']);
    expect(mine[1]).toMatchObject({ actor_user_id: user.userId, address: '192.0.2.44', detail: { reason: 'wrong_password' } });
    expect(mine[2]).toMatchObject({ actor_user_id: user.userId, address: '127.0.0.1' });
    const ghost = (await audit({ actor: 'ghost@test.example' })).items;
    expect(ghost).toEqual([
      expect.objectContaining({ action: 'auth.sign_in_failed', actor_user_id: null, detail: { reason: 'unknown_email', known_browser: false } }),
    ]);

    const everything = JSON.stringify((await audit({ limit: '200' })).items);
    for (const secret of ['Wrong-Password-123', 'Ghost-Password-123', user.password, admin.password]) expect(everything).not.toContain(secret);
  });

  it('records who started a people import (format and size), and exports, from the API', async () => {
    const token = await bearer(t, 'admin');
    const csv = 'external_id,email,given_name,family_name\nA1,a1@x.example,Ada,Alpha\nA2,a2@x.example,Bo,Beta\n';
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people/import',
      headers: { ...token.headers, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(imported.statusCode).toBe(202);
    const [started] = (await audit({ action: 'people.import_started' })).items;
    expect(started).toMatchObject({ actor: 'token:test-admin', detail: { format: 'csv', bytes: Buffer.byteLength(csv) } });

    expect((await call('GET', '/api/v1/people/export?format=jsonl', admin)).statusCode).toBe(200);
    expect((await audit({ action: 'people.exported' })).items[0]).toMatchObject({ actor: admin.email, detail: { format: 'jsonl' } });
  });

  it('records segment and persona changes and segment exports', async () => {
    const communicator = await signIn(t, 'communicator');
    const rule = { field: 'department', op: 'eq', value: 'Audit' };
    expect((await call('POST', '/api/v1/segments', communicator, { key: 'audited', name: 'Audited', rule })).statusCode).toBe(201);
    expect((await call('PUT', '/api/v1/segments/audited', communicator, { key: 'audited', name: 'Audited 2', rule })).statusCode).toBe(200);
    expect((await call('GET', '/api/v1/segments/audited/members.csv', communicator)).statusCode).toBe(200);
    expect((await call('DELETE', '/api/v1/segments/audited', communicator)).statusCode).toBe(204);
    const persona = await call('POST', '/api/v1/personas', communicator, { name: 'Auditors', rule });
    const id = persona.json<{ id: number }>().id;
    expect((await call('PUT', `/api/v1/personas/${id}`, communicator, { name: 'Auditors 2', rule })).statusCode).toBe(200);
    expect((await call('PUT', `/api/v1/personas/${id}/journey`, communicator, { stages: [{ name: 'Start' }] })).statusCode).toBe(200);
    expect((await call('DELETE', `/api/v1/personas/${id}`, communicator)).statusCode).toBe(204);

    const entries = (await audit({ actor: communicator.email })).items.filter((e) => e.action !== 'auth.sign_in');
    expect(entries.map((e) => [e.action, e.target_type, e.target_id])).toEqual([
      ['personas.deleted', 'persona', String(id)],
      ['personas.journey_updated', 'persona', String(id)],
      ['personas.updated', 'persona', String(id)],
      ['personas.created', 'persona', String(id)],
      ['segments.deleted', 'segment', 'audited'],
      ['segments.exported', 'segment', 'audited'],
      ['segments.updated', 'segment', 'audited'],
      ['segments.created', 'segment', 'audited'],
    ]);
    // A refused change records nothing.
    expect((await call('POST', '/api/v1/segments', communicator, { key: 'bad', name: 'Bad', rule: { field: 'nope', op: 'eq', value: 1 } })).statusCode).toBe(
      400,
    );
    expect((await audit({ actor: communicator.email, action: 'segments.created' })).items).toHaveLength(1);
  });

  it('records skill merges', async () => {
    const labels = (name: string) => ({ en: name, de: name, nl: name });
    expect((await call('POST', '/api/v1/skills', admin, { tag: 'audit-old', labels: labels('Old') })).statusCode).toBe(201);
    expect((await call('POST', '/api/v1/skills', admin, { tag: 'audit-new', labels: labels('New') })).statusCode).toBe(201);
    expect((await call('POST', '/api/v1/skills/audit-old/merge', admin, { into: 'audit-new' })).statusCode).toBe(200);
    expect((await audit({ action: 'skills.merged' })).items[0]).toMatchObject({ actor: admin.email, target_id: 'audit-old', detail: { into: 'audit-new' } });
  });
});

describe('GET /api/v1/audit', () => {
  it('pages newest first with a cursor until the end', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: AuditEntry[]; next_cursor: string | null } = await audit({ limit: '3', ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual((await audit({ limit: '200' })).items.map((e) => e.id));
  });

  it('filters by actor prefix (case-insensitive, % literal), action and time', async () => {
    const prefix = admin.email.slice(0, 10).toUpperCase();
    const byActor = (await audit({ actor: prefix })).items;
    expect(byActor.length).toBeGreaterThan(0);
    expect(byActor.every((e) => e.actor.startsWith(prefix.toLowerCase()))).toBe(true);
    expect((await audit({ actor: '%' })).items).toEqual([]);
    expect((await audit({ action: 'skills.merged' })).items.every((e) => e.action === 'skills.merged')).toBe(true);

    const all = (await audit({ limit: '200' })).items;
    const newest = all[0]!;
    expect((await audit({ from: newest.at, limit: '200' })).items.map((e) => e.id)).toContain(newest.id);
    expect((await audit({ to: newest.at, limit: '200' })).items.map((e) => e.id)).not.toContain(newest.id);
    expect((await audit({ from: '2999-01-01' })).items).toEqual([]);
    expect((await audit({ to: '2000-01-01' })).items).toEqual([]);
    expect((await audit({ from: '2000-01-01', to: '2999-01-01T00:00:00Z', limit: '200' })).items).toHaveLength(all.length);
  });

  it('rejects bad filters with the pointer at fault', async () => {
    for (const [query, pointer] of [
      ['action=users.hacked', '/action'],
      ['from=yesterday', '/from'],
      ['to=2026-13-45', '/to'],
      ['from=0000-01-01', '/from'],
      ['to=0001-01-01T00:00:00%2B01:00', '/to'],
      ['limit=0', '/limit'],
      ['limit=201', '/limit'],
      ['cursor=bm9wZQ', '/cursor'],
    ] as const) {
      const res = await t.app.inject({ url: `/api/v1/audit?${query}`, headers: admin.headers });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().errors[0].pointer, query).toBe(pointer);
    }
  });

  it('is for admins only', async () => {
    expect((await t.app.inject({ url: '/api/v1/audit' })).statusCode).toBe(401);
    for (const role of ['communicator', 'leader', 'employee'] as const) {
      for (const caller of [await signIn(t, role), await bearer(t, role)]) {
        const res = await t.app.inject({ url: '/api/v1/audit', headers: caller.headers });
        expect(res.statusCode).toBe(403);
        expect(res.json()).toMatchObject({ code: 'auth.forbidden_role', params: { role } });
      }
    }
    expect((await t.app.inject({ url: '/api/v1/audit', headers: (await bearer(t, 'admin')).headers })).statusCode).toBe(200);
  });
});
