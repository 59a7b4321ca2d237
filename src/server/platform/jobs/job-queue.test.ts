// Jobs enqueued inside a transaction exist only if it commits; a worker runs them, retrying failures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import pino from 'pino';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../db/connect.js';
import { migrate } from '../db/migrate.js';
import { createTestDatabase } from '../../testing/test-runtime.js';
import { loadConfig } from '../config/config.js';
import { JobQueue, defineJob } from './job-queue.js';

let database: Database;
let drop: () => Promise<void>;
let jobs: JobQueue;
const seen: number[] = [];
let failuresLeft = 1;

const recordNumber = defineJob({
  id: 'test.record-number',
  version: 1,
  payload: z.object({ n: z.number().int() }),
  retryLimit: 3,
  async handle(payload) {
    if (payload.n === 99 && failuresLeft-- > 0) throw new Error('first attempt fails');
    seen.push(payload.n);
  },
});

beforeAll(async () => {
  const test = await createTestDatabase();
  drop = test.drop;
  database = await openDatabase({ url: test.env.DATABASE_URL, dataDir: null });
  await migrate(database.db);
  jobs = new JobQueue({ url: database.url, poolMax: 2, worker: true, logger: pino({ level: 'silent' }) });
  await jobs.start([recordNumber]);
  await jobs.boss.updateQueue(recordNumber.id, { name: recordNumber.id, retryDelay: 0, retryBackoff: false, retryLimit: 3 });
  await jobs.work({ db: database.db, logger: pino({ level: 'silent' }), config: loadConfig({}) });
});
afterAll(async () => {
  await jobs?.stop();
  await database?.close();
  await drop?.();
});

async function waitFor(check: () => boolean, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting for jobs');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('job queue', () => {
  it('runs a job enqueued in a committed transaction, and drops one whose transaction rolled back', async () => {
    await database.db.transaction().execute(async (trx) => {
      await sql`SELECT 1`.execute(trx);
      await jobs.enqueue(trx, recordNumber, { n: 1 });
    });
    await database.db
      .transaction()
      .execute(async (trx) => {
        await jobs.enqueue(trx, recordNumber, { n: 2 });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await jobs.enqueue(database.db, recordNumber, { n: 3 });
    await waitFor(() => seen.includes(1) && seen.includes(3));
    await new Promise((r) => setTimeout(r, 1500));
    expect(seen).not.toContain(2);
  });

  it('retries a failed job', async () => {
    await jobs.enqueue(database.db, recordNumber, { n: 99 });
    await waitFor(() => seen.includes(99));
    expect(failuresLeft).toBe(-1);
  });

  it('refuses a payload that does not fit the schema before it is queued', async () => {
    await expect(jobs.enqueue(database.db, recordNumber, { n: 'x' as unknown as number })).rejects.toThrow();
  });
});
