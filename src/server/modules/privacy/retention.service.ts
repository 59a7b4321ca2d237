// Retention (ADR 0023): what is older than RETENTION_DAYS keeps its counts but loses its person, in
// batches of their own short transactions, so a sweep over millions of rows holds no long lock and a
// sweep cut short (a crash, a stop) is simply continued by the next run.
import type { AnyDb } from '../../platform/db/connect.js';
import * as q from './privacy.queries.js';
import { clearClosedReferralContacts } from '../advocacy/index.js';

export type RetentionResult = { events_stripped: number; deliveries_minimised: number; bounces_deleted: number; referrals_cleared: number };

const DAY_MS = 86_400_000;

/**
 * Strips the person from events and finished deliveries older than `retentionDays` before `now`.
 * Idempotent; stops between batches when `signal` aborts.
 * @example await applyRetention({ db, retentionDays: 395, now: new Date() });
 */
export async function applyRetention(input: {
  db: AnyDb;
  retentionDays: number;
  now: Date;
  batchSize?: number;
  signal?: AbortSignal;
}): Promise<RetentionResult> {
  const cutoff = new Date(input.now.getTime() - input.retentionDays * DAY_MS);
  const batch = input.batchSize ?? 5000;
  const result: RetentionResult = { events_stripped: 0, deliveries_minimised: 0, bounces_deleted: 0, referrals_cleared: 0 };
  for (const table of q.EVENT_TABLES) {
    for (let n = -1; n !== 0 && !input.signal?.aborted;) {
      n = await q.stripEventsBefore(input.db, table, cutoff, batch);
      result.events_stripped += n;
    }
  }
  for (let n = -1; n !== 0 && !input.signal?.aborted;) {
    n = await q.minimiseDeliveriesBefore(input.db, cutoff, batch);
    result.deliveries_minimised += n;
  }
  if (!input.signal?.aborted) result.bounces_deleted = await q.deleteBouncesBefore(input.db, cutoff);
  // Referrals closed that long ago lose the referred person's contact details (ADR 0034).
  if (!input.signal?.aborted) result.referrals_cleared = await clearClosedReferralContacts({ db: input.db, cutoff });
  return result;
}
