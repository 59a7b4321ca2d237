// The only SQL over sign_in_throttle and sign_in_devices: claiming an attempt atomically, its backoff,
// the browsers known to an account, and forgetting.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { IdentityTables } from './identity.tables.js';

const tables = (db: AnyDb) => db.withTables<IdentityTables>();

export type ThrottleScope = 'email' | 'address' | 'device';

/**
 * The `next_attempt_at` of a counter that makes nobody wait. Not "now": parallel requests reach the
 * throttle out of the order they read the clock in, and one from a moment earlier must not be refused.
 */
export const NO_WAIT = new Date(0);

/**
 * Counts one more attempt for (scope, key) unless its backoff runs past `now`, and answers the failures
 * counted with it (undefined: refused). Failures last seen at or before `forgetBefore` start over at 1.
 * One statement, so concurrent attempts each see the count of those before them.
 */
export async function claimAttempt(db: AnyDb, scope: ThrottleScope, key: string, now: Date, forgetBefore: Date): Promise<number | undefined> {
  const row = await tables(db)
    .insertInto('sign_in_throttle')
    .values({ scope, key, failures: 1, last_failure_at: now, next_attempt_at: NO_WAIT })
    .onConflict((oc) =>
      oc
        .columns(['scope', 'key'])
        .doUpdateSet({
          failures: sql<number>`CASE WHEN sign_in_throttle.last_failure_at <= ${forgetBefore} THEN 1 ELSE sign_in_throttle.failures + 1 END`,
          last_failure_at: now,
        })
        .where((eb) => eb.or([eb('sign_in_throttle.next_attempt_at', '<=', now), eb('sign_in_throttle.last_failure_at', '<=', forgetBefore)])),
    )
    .returning('failures')
    .executeTakeFirst();
  return row?.failures;
}

export async function setNextAttempt(db: AnyDb, scope: ThrottleScope, key: string, at: Date): Promise<void> {
  await tables(db).updateTable('sign_in_throttle').set({ next_attempt_at: at }).where('scope', '=', scope).where('key', '=', key).execute();
}

export async function findNextAttempt(db: AnyDb, scope: ThrottleScope, key: string): Promise<Date | undefined> {
  const row = await tables(db).selectFrom('sign_in_throttle').select('next_attempt_at').where('scope', '=', scope).where('key', '=', key).executeTakeFirst();
  return row?.next_attempt_at;
}

export async function deleteThrottle(db: AnyDb, scope: ThrottleScope, key: string): Promise<void> {
  await tables(db).deleteFrom('sign_in_throttle').where('scope', '=', scope).where('key', '=', key).execute();
}

/** Takes back one counted failure (the attempt succeeded); answers the failures left. */
export async function uncountFailure(db: AnyDb, scope: ThrottleScope, key: string): Promise<number | undefined> {
  const row = await tables(db)
    .updateTable('sign_in_throttle')
    .set({ failures: sql<number>`greatest(failures - 1, 0)` })
    .where('scope', '=', scope)
    .where('key', '=', key)
    .returning('failures')
    .executeTakeFirst();
  return row?.failures;
}

/** Moves the next attempt earlier (never later) to `at`. */
export async function shortenNextAttempt(db: AnyDb, scope: ThrottleScope, key: string, at: Date): Promise<void> {
  await tables(db)
    .updateTable('sign_in_throttle')
    .set({ next_attempt_at: sql<Date>`least(next_attempt_at, ${at})` })
    .where('scope', '=', scope)
    .where('key', '=', key)
    .execute();
}

/** Deletes rows whose last failure is before `before` and whose backoff has run out. */
export async function deleteStaleThrottles(db: AnyDb, before: Date): Promise<number> {
  const result = await tables(db).deleteFrom('sign_in_throttle').where('last_failure_at', '<', before).where('next_attempt_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The user a known browser signed in as, by the SHA-256 of its device cookie. */
export async function findDeviceUser(db: AnyDb, tokenHash: string): Promise<number | undefined> {
  const row = await tables(db).selectFrom('sign_in_devices').select('user_id').where('token_hash', '=', tokenHash).executeTakeFirst();
  return row?.user_id;
}

/** Remembers a browser for the user, or marks it used again. */
export async function upsertDevice(db: AnyDb, tokenHash: string, userId: number): Promise<void> {
  await tables(db)
    .insertInto('sign_in_devices')
    .values({ token_hash: tokenHash, user_id: userId })
    .onConflict((oc) => oc.column('token_hash').doUpdateSet({ user_id: userId, last_used_at: sql<Date>`now()` }))
    .execute();
}

export async function deleteDevicesOfUser(db: AnyDb, userId: number): Promise<void> {
  await tables(db).deleteFrom('sign_in_devices').where('user_id', '=', userId).execute();
}

export async function deleteDevicesUnusedSince(db: AnyDb, before: Date): Promise<number> {
  const result = await tables(db).deleteFrom('sign_in_devices').where('last_used_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
