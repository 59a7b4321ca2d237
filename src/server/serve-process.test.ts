// The real `resonance serve` process survives what used to end it: the expert search that left a
// rejected promise unobserved, and any stray rejection or uncaught exception once it serves (a preload
// script provokes both on SIGUSR2); it logs them with context and answers the next request. A failure
// while starting still exits with 1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { freePort, spawnResonance, waitUntil, type Spawned } from './testing/spawn-resonance.js';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTestDatabase } from './testing/test-runtime.js';

const PROVOKE = `
process.on('SIGUSR2', () => {
  Promise.reject(new Error('stray rejection provoked by the test'));
  setImmediate(() => { throw new Error('uncaught exception provoked by the test'); });
});
`;

type Served = Spawned;

const serve = (args: string[], env: Record<string, string>): Served =>
  spawnResonance(['serve', '--migrate', '--no-worker', ...args], { LOG_LEVEL: 'info', ...env });
const waitFor = waitUntil;

let dir: string;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'resonance-serve-'));
  await writeFile(path.join(dir, 'provoke.mjs'), PROVOKE);
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('resonance serve', () => {
  let served: Served;
  let url: string;
  afterAll(async () => {
    if (served && served.child.exitCode === null) {
      served.child.kill('SIGTERM');
      await served.exited;
    }
  });

  it('starts, signs in and answers', async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    served = serve(['--demo', '12', '--port', String(port)], {
      ...database.env,
      RESONANCE_DATA_DIR: path.join(dir, 'data'),
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(path.join(dir, 'provoke.mjs')).href}`,
    });
    await waitFor('the demo logins', () => /admin\s+\S+\s+password: \S+/.test(served.output()), served);
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });

  it('answers the expert search that used to end the process, then the next request', async () => {
    const [, email, password] = /admin\s+(\S+)\s+password: (\S+)/.exec(served.output())!;
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const bad = await fetch(`${url}/api/v1/experts?q=excel%20%00`, { headers: { cookie } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const next = await fetch(`${url}/api/v1/experts?q=excel`, { headers: { cookie } });
    expect(next.status).toBe(200);
  });

  it('logs a stray rejection and an uncaught exception with context and keeps serving', async () => {
    served.child.kill('SIGUSR2');
    await waitFor('both errors in the log', () => /still serving[\s\S]*still serving/.test(served.output()), served);
    const logged = served
      .output()
      .split('\n')
      .filter((line) => line.includes('still serving'))
      .map((line) => JSON.parse(line) as { level: number; command: string; kind: string; phase: string; err: { message: string } });
    expect(logged.map((l) => [l.command, l.phase, l.err.message]).sort()).toEqual([
      ['serve', 'serving', 'stray rejection provoked by the test'],
      ['serve', 'serving', 'uncaught exception provoked by the test'],
    ]);
    expect((await fetch(`${url}/health`)).status).toBe(200);
    expect(served.child.exitCode).toBeNull();
  });

  it('stops cleanly on SIGTERM', async () => {
    served.child.kill('SIGTERM');
    expect(await served.exited).toBe(0);
  });
});

describe('resonance serve when it cannot start', () => {
  it('exits with 1 when its port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      // The data of the server above, stopped by now: already migrated, so the port is what fails.
      const served = serve(['--port', String(port)], { ...database.env, RESONANCE_DATA_DIR: path.join(dir, 'data') });
      expect(await served.exited).toBe(1);
      expect(served.output()).toMatch(/EADDRINUSE/);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
