// Security headers on every kind of response: the web app's files and its fallback, API answers and
// problem bodies, the docs page; HSTS only for a deployment reached over https.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../../app.js';
import { startTestRuntime, testConfig, type TestRuntime } from '../../testing/test-runtime.js';

let t: TestRuntime;
let webDir: string;
let app: FastifyInstance;
let httpsApp: FastifyInstance;

beforeAll(async () => {
  t = await startTestRuntime();
  webDir = await mkdtemp(path.join(tmpdir(), 'resonance-web-'));
  await writeFile(path.join(webDir, 'index.html'), '<!doctype html><html><body><div id="root"></div></body></html>');
  app = await buildApp({ config: t.config, database: t.database, jobs: t.jobs, webDir });
  httpsApp = await buildApp({ config: testConfig({ PUBLIC_URL: 'https://resonance.example' }), database: t.database, jobs: t.jobs, webDir });
  await Promise.all([app.ready(), httpsApp.ready()]);
});
afterAll(async () => {
  await app?.close();
  await httpsApp?.close();
  await t?.close();
  await rm(webDir, { recursive: true, force: true });
});

const directives = (header: unknown) =>
  new Map(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );

describe('security headers', () => {
  const urls = ['/', '/people/12', '/index.html', '/health', '/api/v1/people', '/api/v1/no-such-route', '/api/docs/', '/api/docs/static/index.css'];

  for (const url of urls) {
    it(`are on ${url}`, async () => {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBeLessThan(500);
      const csp = directives(res.headers['content-security-policy']);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('script-src-attr')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.has('upgrade-insecure-requests')).toBe(false);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    });
  }

  it('keep them on problem bodies', async () => {
    const res = await app.inject({ url: '/api/v1/people' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('add HSTS and upgrade-insecure-requests only when PUBLIC_URL is https', async () => {
    const res = await httpsApp.inject({ url: '/health' });
    expect(res.headers['strict-transport-security']).toBe('max-age=15552000');
    expect(directives(res.headers['content-security-policy']).has('upgrade-insecure-requests')).toBe(true);
  });
});
