// One migrated database per test run, which every test file boots from instead of migrating its own:
// on the embedded database a tarball of its files, on a PostgreSQL server a template database. Built
// once by the test runner's global set-up (vitest.global-setup.ts); found by test files through
// environment variables, so a test file run without it still works (it migrates, more slowly).
import { readFile, rm, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createScratchDatabase } from '../platform/db/scratch-database.js';
import { loadConfig } from '../platform/config/config.js';
import { openRuntime } from '../runtime.js';

/** Path of the embedded snapshot's tarball. */
export const SNAPSHOT_FILE_ENV = 'RESONANCE_TEST_SNAPSHOT';
/** Name of the migrated template database on TEST_DATABASE_URL's server. */
export const TEMPLATE_DATABASE_ENV = 'RESONANCE_TEST_TEMPLATE';

/**
 * Migrates a database (schema, job queues, skill taxonomy) and keeps it as the test runs' starting point.
 * @example const teardown = await buildTestSnapshot(); ... await teardown();
 */
export async function buildTestSnapshot(): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const template = await createScratchDatabase(serverUrl, 'resonance_template');
    const rt = await openRuntime({ config: loadConfig({ LOG_LEVEL: 'warn', DATABASE_URL: template.url }), migrate: true, jobs: true });
    await rt.close();
    process.env[TEMPLATE_DATABASE_ENV] = new URL(template.url).pathname.slice(1);
    return async () => {
      delete process.env[TEMPLATE_DATABASE_ENV];
      await template.drop();
    };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'resonance-snapshot-'));
  const file = path.join(dir, 'migrated.tar');
  const rt = await openRuntime({ config: loadConfig({ LOG_LEVEL: 'warn', RESONANCE_DATA_DIR: dir }), inMemory: true, jobs: true });
  try {
    await rt.jobs.stop();
    const tarball = await rt.database.dump!();
    await writeFile(file, Buffer.from(await tarball.arrayBuffer()));
  } finally {
    await rt.close();
  }
  process.env[SNAPSHOT_FILE_ENV] = file;
  return async () => {
    delete process.env[SNAPSHOT_FILE_ENV];
    await rm(dir, { recursive: true, force: true });
  };
}

/** The embedded snapshot, when the run has one. */
export async function readTestSnapshot(): Promise<Blob | undefined> {
  const file = process.env[SNAPSHOT_FILE_ENV];
  if (!file) return undefined;
  return new Blob([await readFile(file)]);
}

/**
 * A new database on `serverUrl` copied from the run's migrated template, or null when there is none.
 * @example const copy = await copyTemplateDatabase('postgres://postgres@127.0.0.1/postgres', 'resonance_test');
 */
export async function copyTemplateDatabase(serverUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> } | null> {
  const template = process.env[TEMPLATE_DATABASE_ENV];
  if (!template) return null;
  return createScratchDatabase(serverUrl, prefix, template);
}
