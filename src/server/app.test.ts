// The app's own endpoints and guarantees: health, readiness, metrics, OpenAPI, problem bodies for
// unknown routes, and the rule that every API route declares who may call it (checked per role).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { requireAccessDeclarations } from './platform/http/access.js';
import { bearer, startTestRuntime, type TestRuntime } from './testing/test-runtime.js';
import { ROLES } from '../shared/identity.js';

let t: TestRuntime;
beforeAll(async () => {
  t = await startTestRuntime({ env: { METRICS_TOKEN: 'metrics-token-0123456789' } });
});
afterAll(async () => t?.close());

describe('operational endpoints', () => {
  it('reports health and readiness', async () => {
    expect((await t.app.inject({ url: '/health' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ url: '/ready' })).json()).toEqual({ status: 'ready' });
  });

  it('serves Prometheus metrics only with the metrics token when one is set', async () => {
    expect((await t.app.inject({ url: '/metrics' })).statusCode).toBe(401);
    const res = await t.app.inject({ url: '/metrics', headers: { authorization: 'Bearer metrics-token-0123456789' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/resonance_http_requests_total/);
  });

  it('publishes an OpenAPI 3.1 document covering the API', async () => {
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/people', '/api/v1/people/import', '/api/v1/auth/login']));
    const docs = await t.app.inject({ url: '/api/docs' });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('answers unknown API routes with a problem body', async () => {
    const res = await t.app.inject({ url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 404, type: 'urn:resonance:problem:not_found' });
  });
});

describe('authorisation on every route', () => {
  it('refuses to start when an API route declares no access', async () => {
    const app = Fastify();
    requireAccessDeclarations(app);
    expect(() => app.get('/api/v1/open-door', async () => 'oops')).toThrow(/declares no access/);
    expect(() => app.get('/api/v1/closed-door', { config: { access: { signedIn: true } } }, async () => 'ok')).not.toThrow();
  });

  it('answers every API route with 401 to anonymous callers unless it is public', async () => {
    const routes = (await t.app.inject({ url: '/api/v1/openapi.json' })).json().paths as Record<string, Record<string, unknown>>;
    const open = new Set(['POST /api/v1/auth/login']);
    for (const [path, methods] of Object.entries(routes)) {
      for (const method of Object.keys(methods)) {
        const key = `${method.toUpperCase()} ${path}`;
        const res = await t.app.inject({
          method: method.toUpperCase() as 'GET',
          url: path.replace(/\{[^}]+\}/g, '1'),
          payload: method === 'get' ? undefined : {},
        });
        if (open.has(key)) expect(res.statusCode, key).not.toBe(401);
        else expect(res.statusCode, key).toBe(401);
      }
    }
  });

  it('lets each role reach exactly the routes its permissions allow', async () => {
    const expectations: Record<string, Record<(typeof ROLES)[number], boolean>> = {
      'GET /api/v1/people': { admin: true, communicator: true, leader: true, employee: true },
      'GET /api/v1/people/facets': { admin: true, communicator: true, leader: true, employee: true },
      'GET /api/v1/people/export': { admin: true, communicator: false, leader: false, employee: false },
      'POST /api/v1/people/import': { admin: true, communicator: false, leader: false, employee: false },
      'GET /api/v1/skills': { admin: true, communicator: false, leader: false, employee: false },
    };
    for (const role of ROLES) {
      const caller = await bearer(t, role);
      for (const [key, allowed] of Object.entries(expectations)) {
        const [method, url] = key.split(' ') as ['GET' | 'POST', string];
        const res = await t.app.inject({
          method,
          url,
          headers: { ...caller.headers, ...(method === 'POST' ? { 'content-type': 'text/csv' } : {}) },
          payload: method === 'POST' ? 'external_id\n' : undefined,
        });
        if (allowed[role]) expect(res.statusCode, `${role} ${key}`).toBeLessThan(400);
        else expect(res.statusCode, `${role} ${key}`).toBe(403);
      }
    }
  });
});
