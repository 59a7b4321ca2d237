// A large import runs as a background job in short transactions: the directory answers while it runs,
// and when the worker stops mid-import a new process on the same database finishes it from the last
// committed batch, with exact counts and no person written twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { openRuntime, type Runtime } from '../../runtime.js';
import { createTestDatabase, testConfig } from '../../testing/test-runtime.js';
import { createApiToken } from '../identity/index.js';
import type { PeopleImport } from '../../../shared/people.js';
import { generateDemoPeople, toExportStream } from './index.js';
import { followImport } from './testing/import-through-api.js';
import type { PersonRecord } from '../../../shared/people.js';

const PEOPLE = 1500;
let dir: string;
let env: Record<string, string>;
let drop: () => Promise<void>;
let csv: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'resonance-import-'));
  const database = await createTestDatabase();
  drop = database.drop;
  // Survives the runtime: a data folder for the embedded database, or the test server's scratch database.
  // The pools keep their usual sizes: on the embedded database a directory request is answered between
  // two of the import's transactions, as the session bridge gives the session to one at a time.
  env = { ...database.env, RESONANCE_DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'warn', IMPORT_BATCH_ROWS: '25' };
  // Demo people in a shuffled order: many managers come after their reports.
  const people = generateDemoPeople({ count: PEOPLE, seed: 11, asOf: '2026-06-30' }) as PersonRecord[];
  const chunks: string[] = [];
  async function* records() {
    yield* people;
  }
  for await (const chunk of toExportStream(records(), 'csv', [])) chunks.push(String(chunk));
  csv = chunks.join('');
});
afterAll(async () => {
  await drop?.();
  await rm(dir, { recursive: true, force: true });
});

type Process = { rt: Runtime; app: FastifyInstance; close(): Promise<void> };

async function startProcess(): Promise<Process> {
  const config = testConfig(env);
  const rt = await openRuntime({ config, migrate: true, jobs: true, worker: true });
  const app = await buildApp({ config, database: rt.database, jobs: rt.jobs });
  await app.ready();
  return {
    rt,
    app,
    async close() {
      await app.close();
      await rt.close();
    },
  };
}

async function until(app: FastifyInstance, headers: Record<string, string>, id: number, done: (imp: PeopleImport) => boolean): Promise<PeopleImport> {
  for (;;) {
    const imp = (await app.inject({ url: `/api/v1/people/imports/${id}`, headers })).json<PeopleImport>();
    if (done(imp)) return imp;
    if (imp.state === 'done' || imp.state === 'failed') throw new Error(`import ended before the test could act: ${JSON.stringify(imp)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a large people import', () => {
  it('keeps the directory answering while it runs, and resumes after a restart without duplicates', async () => {
    const first = await startProcess();
    const { token } = await createApiToken({ db: first.rt.database.db, name: 'test', role: 'admin', actor: { label: 'test' } });
    const headers = { authorization: `Bearer ${token}` };
    const started = await first.app.inject({
      method: 'POST',
      url: '/api/v1/people/import?file_name=people.csv',
      headers: { ...headers, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(started.statusCode).toBe(202);
    expect(started.headers.location).toBe(`/api/v1/people/imports/${started.json<PeopleImport>().id}`);
    const id = started.json<PeopleImport>().id;
    expect(started.json()).toMatchObject({ state: 'queued', rows_total: PEOPLE, file_name: 'people.csv' });

    // The directory answers between two batches of the running import.
    const running = await until(first.app, headers, id, (imp) => imp.state === 'running' && imp.rows_done > 0);
    const directory = await first.app.inject({ url: '/api/v1/people?limit=5', headers });
    expect(directory.statusCode).toBe(200);
    expect(directory.json().items.length).toBeGreaterThan(0);
    const after = (await first.app.inject({ url: `/api/v1/people/imports/${id}`, headers })).json<PeopleImport>();
    expect(after.state).toBe('running');
    expect(after.rows_done).toBeGreaterThanOrEqual(running.rows_done);
    expect(after.rows_done).toBeLessThan(PEOPLE);

    // Stop the process mid-import: the job ends its batch and hands over.
    await first.close();
    const second = await startProcess();
    try {
      const stoppedAt = (await second.app.inject({ url: `/api/v1/people/imports/${id}`, headers })).json<PeopleImport>();
      const ended = await followImport(second.app, headers, id);
      expect(stoppedAt.rows_done).toBeLessThan(PEOPLE);
      expect(ended).toMatchObject({ state: 'done', rows_read: PEOPLE, rows_done: PEOPLE, rows_total: PEOPLE, rows_total_exact: true });
      expect(ended).toMatchObject({ created: PEOPLE, updated: 0, rejected: 0, warnings: 0, problems: 0 });
      const db = second.rt.database.db;
      const counts = await sql<{ people: number; distinct_ids: number; roots: number }>`
        SELECT count(*)::int AS people, count(DISTINCT external_id)::int AS distinct_ids, count(*) FILTER (WHERE manager_id IS NULL)::int AS roots FROM people`.execute(
        db,
      );
      expect(counts.rows[0]).toEqual({ people: PEOPLE, distinct_ids: PEOPLE, roots: 1 });
      // Every path is the manager's path plus the person, and every count of reports is right.
      const broken = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM people AS p LEFT JOIN people AS m ON m.id = p.manager_id
        WHERE p.org_path <> coalesce(m.org_path, '{}'::bigint[]) || p.id
           OR p.direct_reports <> (SELECT count(*) FROM people AS r WHERE r.manager_id = p.id AND r.status = 'active')`.execute(db);
      expect(broken.rows[0]!.n).toBe(0);
      const leftovers = await sql<{ n: number }>`
        SELECT (SELECT count(*) FROM people_import_chunks WHERE import_id = ${id}) + (SELECT count(*) FROM people_import_rows WHERE import_id = ${id})::int AS n`.execute(
        db,
      );
      expect(Number(leftovers.rows[0]!.n)).toBe(0);
    } finally {
      await second.close();
    }
  });
});
