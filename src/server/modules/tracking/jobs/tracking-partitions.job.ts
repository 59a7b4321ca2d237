// Daily: the monthly partitions of tracking_events and events for this month and the next three exist (ADR 0022),
// so events land in their month's partition rather than the default one. Idempotent (IF NOT EXISTS),
// and skipped for a month whose range already holds rows in the default partition (PostgreSQL would
// refuse to create it; such rows stay where they are).
import { sql } from 'kysely';
import { z } from 'zod';
import type { AnyDb } from '../../../platform/db/connect.js';
import { defineJob } from '../../../platform/jobs/job-queue.js';

const AHEAD = 3;

/** The append-only tables of the tracking module, both partitioned by month on `occurred_at`. */
const TABLES = ['tracking_events', 'events'] as const;

/**
 * Creates the missing month partitions of `tracking_events` and `events` (the activity the tracking
 * module owns since issue 10) from `now`'s month to `ahead` months later; returns the names created.
 * @example await ensureTrackingPartitions({ db, now: new Date('2026-11-30') }) // ['tracking_events_2026_11', …, 'events_2027_02']
 */
export async function ensureTrackingPartitions(input: { db: AnyDb; now: Date; ahead?: number }): Promise<string[]> {
  const created: string[] = [];
  for (const table of TABLES) {
    for (let i = 0; i <= (input.ahead ?? AHEAD); i++) {
      const from = new Date(Date.UTC(input.now.getUTCFullYear(), input.now.getUTCMonth() + i, 1));
      const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
      const name = `${table}_${from.getUTCFullYear()}_${String(from.getUTCMonth() + 1).padStart(2, '0')}`;
      const exists = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_class WHERE relname = ${name}`.execute(input.db);
      if (Number(exists.rows[0]?.n ?? 0) > 0) continue;
      // The names and bounds are built here from constants and numbers, never from input.
      const stray = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(`${table}_default`)}
        WHERE occurred_at >= ${from.toISOString()} AND occurred_at < ${to.toISOString()}`.execute(input.db);
      if (Number(stray.rows[0]?.n ?? 0) > 0) continue;
      await sql
        .raw(`CREATE TABLE IF NOT EXISTS ${name} PARTITION OF ${table} FOR VALUES FROM ('${from.toISOString()}') TO ('${to.toISOString()}')`)
        .execute(input.db);
      created.push(name);
    }
  }
  return created;
}

export const trackingPartitionsJob = defineJob({
  id: 'tracking.partitions',
  version: 1,
  payload: z.object({}),
  cron: '17 3 * * *',
  retryLimit: 2,
  async handle(_payload, ctx) {
    await ensureTrackingPartitions({ db: ctx.db, now: new Date() });
  },
});
