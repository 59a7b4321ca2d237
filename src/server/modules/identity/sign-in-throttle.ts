// Sign-in throttling (ADR 0012): a backoff per e-mail, whatever addresses the attempts come from, and
// one per client address, whatever e-mails it tries. Each attempt is counted as a failure before the
// password is checked (so parallel guesses cannot slip past the count) and taken back when it succeeds.
// A browser that signed in to the account before is counted on its own instead of with the e-mail.
import { isIP } from 'node:net';
import type { Config } from '../../platform/config/config.js';
import type { AnyDb } from '../../platform/db/connect.js';
import { randomToken, sha256 } from './secrets.js';
import * as q from './sign-in-throttle.queries.js';

export type ThrottlePolicy = {
  /** Failures in a row an e-mail may have before each further attempt waits. */
  emailFreeFailures: number;
  /** Failures an address may have (over any e-mails) before each further attempt waits. */
  addressFreeFailures: number;
  /** The longest wait, in milliseconds: the backoff doubles from one second up to this. */
  maxDelayMs: number;
  /** Failures older than this are forgotten, in milliseconds. */
  windowMs: number;
};

export function throttlePolicyOf(config: Config): ThrottlePolicy {
  return {
    emailFreeFailures: config.LOGIN_FREE_FAILURES,
    addressFreeFailures: config.LOGIN_ADDRESS_FREE_FAILURES,
    maxDelayMs: config.LOGIN_BACKOFF_MAX_SECONDS * 1000,
    windowMs: config.LOGIN_FAILURE_WINDOW_MINUTES * 60_000,
  };
}

/**
 * How long to wait after `failures` counted failures when `free` of them cost nothing: 0 below `free`,
 * then 1 s, 2 s, 4 s… up to `maxDelayMs`.
 * @example backoffMs(7, 5, 300_000) // 4000
 */
export function backoffMs(failures: number, free: number, maxDelayMs: number): number {
  if (failures < free) return 0;
  return Math.min(maxDelayMs, 1000 * 2 ** Math.min(failures - free, 30));
}

/**
 * The throttle key of a client address: IPv4 as is (also when IPv4-mapped), IPv6 by its /64, since one
 * client usually holds a whole /64 and could otherwise rotate through it.
 * @example addressKey('2001:db8:1:2:aaaa::1') // '2001:db8:1:2::/64'
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (isIP(ip) !== 6) return ip;
  const [head = '', tail] = ip.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export type AttemptClaim = { allowed: true } | { allowed: false; scope: q.ThrottleScope; retryAfterSeconds: number };

class Refused extends Error {
  constructor(readonly scope: q.ThrottleScope) {
    super('sign-in attempt refused by the throttle');
  }
}

/** The account's counter: its known browser's own when `deviceHash` is given, else the e-mail's. */
function accountCounter(email: string, deviceHash: string | undefined): { scope: q.ThrottleScope; key: string } {
  return deviceHash ? { scope: 'device', key: deviceHash } : { scope: 'email', key: email.toLowerCase() };
}

/** One sign-in attempt, as the throttle sees it. */
export type SignInAttempt = {
  db: AnyDb;
  email: string;
  address: string;
  now: Date;
  policy: ThrottlePolicy;
  /** The SHA-256 of a device cookie that belongs to the account of `email` (see findTrustedDevice). */
  deviceHash?: string;
};

/**
 * Counts a sign-in attempt against the e-mail (or, from a browser known to the account, against that
 * browser) and against the address, or refuses it while either waits.
 * @example const claim = await claimSignInAttempt({ db, email, address: request.ip, now, policy });
 */
export async function claimSignInAttempt(input: SignInAttempt): Promise<AttemptClaim> {
  const { now, policy } = input;
  const forgetBefore = new Date(now.getTime() - policy.windowMs);
  const counters: Array<{ scope: q.ThrottleScope; key: string; free: number }> = [
    { ...accountCounter(input.email, input.deviceHash), free: policy.emailFreeFailures },
    { scope: 'address', key: addressKey(input.address), free: policy.addressFreeFailures },
  ];
  try {
    await input.db.transaction().execute(async (trx) => {
      for (const counter of counters) {
        const failures = await q.claimAttempt(trx, counter.scope, counter.key, now, forgetBefore);
        // Refusing rolls back what was counted for the other scope: a refused attempt costs nothing.
        if (failures === undefined) throw new Refused(counter.scope);
        const wait = backoffMs(failures, counter.free, policy.maxDelayMs);
        if (wait > 0) await q.setNextAttempt(trx, counter.scope, counter.key, new Date(now.getTime() + wait));
      }
    });
    return { allowed: true };
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    const key = counters.find((c) => c.scope === error.scope)!.key;
    const next = (await q.findNextAttempt(input.db, error.scope, key)) ?? now;
    return { allowed: false, scope: error.scope, retryAfterSeconds: Math.max(1, Math.ceil((next.getTime() - now.getTime()) / 1000)) };
  }
}

/**
 * After a correct password: the e-mail (or the known browser) starts over, and the address gets back
 * the failure counted for this attempt (its other failures stand, so signing in to one's own account
 * does not reset spraying). A known browser's success leaves the e-mail's count to the others' guesses.
 */
export async function recordSignInSuccess(input: SignInAttempt): Promise<void> {
  const key = addressKey(input.address);
  const account = accountCounter(input.email, input.deviceHash);
  await input.db.transaction().execute(async (trx) => {
    await q.deleteThrottle(trx, account.scope, account.key);
    const failures = await q.uncountFailure(trx, 'address', key);
    if (failures !== undefined) {
      const wait = failures === 0 ? 0 : backoffMs(failures, input.policy.addressFreeFailures, input.policy.maxDelayMs);
      await q.shortenNextAttempt(trx, 'address', key, wait === 0 ? q.NO_WAIT : new Date(input.now.getTime() + wait));
    }
  });
}

/** How long a browser stays known to an account without signing in again. */
const DEVICE_MEMORY_MS = 365 * 86_400_000;
export const DEVICE_COOKIE = 'resonance_device';
export const DEVICE_COOKIE_MAX_AGE_SECONDS = DEVICE_MEMORY_MS / 1000;

/**
 * The SHA-256 of `deviceToken` when that browser signed in to `userId` before, else undefined.
 * @example const deviceHash = await findTrustedDevice({ db, deviceToken: request.cookies[DEVICE_COOKIE], userId: 7 });
 */
export async function findTrustedDevice(input: { db: AnyDb; deviceToken: string | undefined; userId: number | undefined }): Promise<string | undefined> {
  if (!input.deviceToken || input.userId === undefined) return undefined;
  const hash = sha256(input.deviceToken);
  return (await q.findDeviceUser(input.db, hash)) === input.userId ? hash : undefined;
}

/**
 * Remembers the browser that just signed in to `userId`: the same token when it was known, else a new
 * one, returned for the device cookie.
 */
export async function rememberDevice(input: { db: AnyDb; userId: number; deviceHash: string | undefined }): Promise<string | undefined> {
  if (input.deviceHash) {
    await q.upsertDevice(input.db, input.deviceHash, input.userId);
    return undefined;
  }
  const token = randomToken();
  await q.upsertDevice(input.db, sha256(token), input.userId);
  return token;
}

/** Forgets every browser known to the user (their password changed, or they were disabled). */
export async function forgetDevices(input: { db: AnyDb; userId: number }): Promise<void> {
  await q.deleteDevicesOfUser(input.db, input.userId);
}

/** Forgets counters idle for longer than any window allows (a day) and browsers unused for a year; run hourly. */
export async function purgeStaleSignInThrottles(input: { db: AnyDb; now?: Date }): Promise<number> {
  const now = input.now ?? new Date();
  await q.deleteDevicesUnusedSince(input.db, new Date(now.getTime() - DEVICE_MEMORY_MS));
  return q.deleteStaleThrottles(input.db, new Date(now.getTime() - 24 * 3600_000));
}
