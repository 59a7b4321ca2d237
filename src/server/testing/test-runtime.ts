// Test set-up through the public entry points: a runtime on a fresh database (embedded in memory by
// default; a new database on TEST_DATABASE_URL's server when set, dropped afterwards) and the app.
import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../platform/config/config.js';
import { createScratchDatabase } from '../platform/db/scratch-database.js';
import { copyTemplateDatabase, readTestSnapshot } from './test-snapshot.js';
import { openRuntime, type Runtime } from '../runtime.js';
import { buildApp } from '../app.js';
import { createApiToken, generatePassword, upsertUserWithPassword } from '../modules/identity/index.js';
import type { Role } from '../../shared/identity.js';

export type TestRuntime = Runtime & { app: FastifyInstance };

export type TestDatabase = { env: Record<string, string>; snapshot?: Blob; drop(): Promise<void> };

/** An empty database for one test file: its config overrides, and how to drop it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return { env: {}, drop: async () => undefined };
  const scratch = await createScratchDatabase(serverUrl, 'resonance_test');
  return { env: { DATABASE_URL: scratch.url }, drop: () => scratch.drop() };
}

/**
 * A database for one test file that starts migrated: a copy of the run's template database, or the
 * run's embedded snapshot (test-snapshot.ts); an empty one when the run has neither.
 */
export async function createMigratedTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return { env: {}, snapshot: await readTestSnapshot(), drop: async () => undefined };
  const copy = await copyTemplateDatabase(serverUrl, 'resonance_test');
  if (!copy) return createTestDatabase();
  return { env: { DATABASE_URL: copy.url }, drop: () => copy.drop() };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ LOG_LEVEL: 'warn', RESONANCE_DATA_DIR: '/nonexistent-test-dir', ...overrides });
}

export type TestRuntimeOptions = {
  worker?: boolean;
  env?: Record<string, string>;
  /** Keep the embedded database's files in a temporary folder, as `npm start` does, instead of memory. */
  onFiles?: boolean;
  /** The app's clock (sign-in throttling, token expiry), so tests need not wait. */
  clock?: () => Date;
};

/**
 * A migrated runtime with the app built (not listening) and, optionally, a worker.
 * @example const t = await startTestRuntime(); const res = await t.app.inject({ url: '/health' }); await t.close();
 */
export async function startTestRuntime(options: TestRuntimeOptions = {}): Promise<TestRuntime> {
  const database = await createMigratedTestDatabase();
  const onFiles = options.onFiles === true && !database.env.DATABASE_URL;
  const dataDir = onFiles ? await mkdtemp(path.join(tmpdir(), 'resonance-test-')) : null;
  const config = testConfig({ ...database.env, ...(dataDir ? { RESONANCE_DATA_DIR: dataDir } : {}), ...options.env });
  const rt = await openRuntime({
    config,
    inMemory: !onFiles,
    snapshot: onFiles ? undefined : database.snapshot,
    migrate: true,
    jobs: true,
    worker: options.worker ?? false,
  });
  const app = await buildApp({ config, database: rt.database, jobs: rt.jobs, clock: options.clock });
  await app.ready();
  return {
    ...rt,
    app,
    async close() {
      await app.close();
      await rt.close();
      await database.drop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type TestCaller = { headers: Record<string, string>; userId?: number };

/** Signs a new user of `role` in through the login route and returns headers that carry the session. */
export async function signIn(t: TestRuntime, role: Role, personId: number | null = null): Promise<TestCaller & { email: string; password: string }> {
  const email = `${role}-${randomBytes(4).toString('hex')}@test.example`;
  const password = generatePassword();
  const userId = await upsertUserWithPassword({ db: t.database.db, email, displayName: `Test ${role}`, role, password, personId });
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'resonance_session');
  const csrf = res.json<{ csrf_token: string }>().csrf_token;
  return { headers: { cookie: `resonance_session=${cookie!.value}`, 'x-csrf-token': csrf }, userId, email, password };
}

/** An API token of `role` as request headers. */
export async function bearer(t: TestRuntime, role: Role): Promise<TestCaller> {
  const { token } = await createApiToken({ db: t.database.db, name: `test-${role}`, role, actor: { label: 'test' } });
  return { headers: { authorization: `Bearer ${token}` } };
}
