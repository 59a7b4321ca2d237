// Sign-in limits that hold (issue 8, item 3), through POST /api/v1/auth/login with a clock the tests
// move: X-Forwarded-For counts only from TRUST_PROXY, a backoff per e-mail holds across addresses and is
// capped so it cannot lock the real user out for long, and one address cannot spray many e-mails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { bearer, startTestRuntime, type TestRuntime } from '../../testing/test-runtime.js';
import { generatePassword, upsertUserWithPassword } from './index.js';
import { addressKey, backoffMs } from './sign-in-throttle.js';

const START = new Date('2027-03-01T08:00:00Z').getTime();

type Harness = { t: TestRuntime; advance(seconds: number): void; admin: Record<string, string> };

async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  let now = START;
  const t = await startTestRuntime({ env, clock: () => new Date(now) });
  const admin = (await bearer(t, 'admin')).headers;
  return { t, admin, advance: (seconds) => (now += seconds * 1000) };
}

/** `device`: the browser's device cookie from an earlier sign-in. */
type Attempt = { email: string; password: string; remoteAddress?: string; forwardedFor?: string; device?: string };

function attempt(h: Harness, a: Attempt): Promise<LightMyRequestResponse> {
  return h.t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: a.remoteAddress ?? '127.0.0.1',
    headers: { ...(a.forwardedFor ? { 'x-forwarded-for': a.forwardedFor } : {}), ...(a.device ? { cookie: `resonance_device=${a.device}` } : {}) },
    payload: { email: a.email, password: a.password },
  });
}

/** The device cookie a successful sign-in gave the browser. */
function deviceCookieOf(res: LightMyRequestResponse): string {
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'resonance_device');
  expect(cookie).toMatchObject({ httpOnly: true, path: '/api/v1/auth', sameSite: 'Lax' });
  return cookie!.value;
}

/** An attacker from elsewhere waits out every backoff and guesses again, until the wait is the cap. */
async function escalateToCap(h: Harness, email: string): Promise<void> {
  const attacker = { email, remoteAddress: '198.51.100.66', forwardedFor: '127.0.0.1' };
  for (let i = 0; i < 40; i++) {
    const res = await attempt(h, { ...attacker, password: `guess-${i}` });
    if (res.statusCode === 429) {
      const wait = Number(res.headers['retry-after']);
      h.advance(wait);
      if (wait === 300) break;
    }
  }
  // The last guess re-arms the full wait, as a patient attacker would.
  expect((await attempt(h, { ...attacker, password: 'guess at the cap' })).statusCode).toBe(401);
}

let counter = 0;
async function newUser(h: Harness): Promise<{ email: string; password: string }> {
  const email = `throttled-${++counter}@test.example`;
  const password = generatePassword();
  await upsertUserWithPassword({ db: h.t.database.db, email, displayName: email, role: 'employee', password });
  return { email, password };
}

/** The addresses the audit log saw for the failed sign-ins of `email`, oldest first. */
async function auditedAddresses(h: Harness, email: string): Promise<Array<string | null>> {
  const res = await h.t.app.inject({ url: `/api/v1/audit?action=auth.sign_in_failed&actor=${encodeURIComponent(email)}`, headers: h.admin });
  expect(res.statusCode).toBe(200);
  return res
    .json<{ items: Array<{ address: string | null }> }>()
    .items.map((i) => i.address)
    .reverse();
}

function expect429(res: LightMyRequestResponse): number {
  expect(res.statusCode).toBe(429);
  const seconds = Number(res.headers['retry-after']);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(res.json()).toMatchObject({ status: 429, code: 'auth.too_many_attempts', params: { seconds } });
  return seconds;
}

describe('the backoff', () => {
  it('doubles from one second after the free failures and stops at the cap', () => {
    expect([4, 5, 6, 7, 13, 14, 40].map((f) => backoffMs(f, 5, 300_000))).toEqual([0, 1000, 2000, 4000, 256_000, 300_000, 300_000]);
  });

  it('keys IPv6 clients by their /64 and IPv4-mapped addresses as IPv4', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::7')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
  });
});

describe('sign-in limits without a trusted proxy (the default)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.t.close());

  it('ignores X-Forwarded-For: the peer address is the client', async () => {
    const user = await newUser(h);
    await attempt(h, { email: user.email, password: 'wrong password 1', remoteAddress: '198.51.100.7', forwardedFor: '203.0.113.9' });
    expect(await auditedAddresses(h, user.email)).toEqual(['198.51.100.7']);
  });

  it('answers 429 to 30 wrong passwords from 30 addresses once the free failures are spent, and to the right one too', async () => {
    const user = await newUser(h);
    const codes: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await attempt(h, { email: user.email, password: `guess-${i}`, remoteAddress: `198.51.100.${i + 1}`, forwardedFor: `203.0.113.${i + 1}` });
      codes.push(res.statusCode);
      if (res.statusCode === 429) expect429(res);
    }
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.slice(5).every((c) => c === 429)).toBe(true);
    // While the e-mail waits, the password is not even checked.
    expect429(await attempt(h, { email: user.email, password: user.password, remoteAddress: '192.0.2.200' }));
  });

  it('throttles an unknown e-mail exactly like a known one', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++)
      codes.push((await attempt(h, { email: 'nobody-here@test.example', password: `guess-${i}`, remoteAddress: '198.51.100.77' })).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('lets the right password in after the backoff, and starts the count over', async () => {
    const user = await newUser(h);
    for (let i = 0; i < 5; i++) expect((await attempt(h, { email: user.email, password: `guess-${i}`, remoteAddress: '198.51.100.31' })).statusCode).toBe(401);
    const wait = expect429(await attempt(h, { email: user.email, password: user.password }));
    expect(wait).toBe(1);
    h.advance(wait);
    expect((await attempt(h, { email: user.email, password: user.password })).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await attempt(h, { email: user.email, password: `again-${i}`, remoteAddress: '198.51.100.32' })).statusCode).toBe(401);
  });

  it('does not lock the real user out beyond the cap, however long an attacker claiming 127.0.0.1 keeps trying', async () => {
    const user = await newUser(h);
    const attacker = { email: user.email, remoteAddress: '198.51.100.66', forwardedFor: '127.0.0.1' };
    // The attacker waits out every backoff and guesses again, until the wait stops growing.
    const waits: number[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await attempt(h, { ...attacker, password: `guess-${i}` });
      if (res.statusCode === 429) {
        const wait = expect429(res);
        waits.push(wait);
        h.advance(wait);
        expect((await attempt(h, { ...attacker, password: `guess-${i}-after-wait` })).statusCode).toBe(401);
      }
    }
    expect(Math.max(...waits)).toBe(300);
    // The real user, from their own address, waits at most the cap and is then let in.
    const wait = expect429(await attempt(h, { email: user.email, password: user.password, remoteAddress: '127.0.0.1' }));
    expect(wait).toBeLessThanOrEqual(300);
    h.advance(wait);
    expect((await attempt(h, { email: user.email, password: user.password, remoteAddress: '127.0.0.1' })).statusCode).toBe(200);
  });

  it('forgets failures older than the window', async () => {
    const user = await newUser(h);
    for (let i = 0; i < 5; i++) await attempt(h, { email: user.email, password: `guess-${i}`, remoteAddress: '198.51.100.41' });
    expect429(await attempt(h, { email: user.email, password: 'one more guess' }));
    h.advance(61 * 60);
    expect((await attempt(h, { email: user.email, password: 'after an hour' })).statusCode).toBe(401);
  });

  it('answers 429 to one address spraying many e-mails, not to others trying those e-mails', async () => {
    const codes: number[] = [];
    let last: LightMyRequestResponse | undefined;
    for (let i = 0; i < 35; i++) {
      last = await attempt(h, { email: `sprayed-${i}@test.example`, password: 'Summer2027!', remoteAddress: '198.51.100.99' });
      codes.push(last.statusCode);
    }
    expect(codes.slice(0, 30).every((c) => c === 401)).toBe(true);
    expect(codes.slice(30).every((c) => c === 429)).toBe(true);
    expect429(last!);
    expect((await attempt(h, { email: 'sprayed-0@test.example', password: 'Summer2027!', remoteAddress: '198.51.100.100' })).statusCode).toBe(401);
  });

  it('does not count successful sign-ins against a shared office address', async () => {
    const user = await newUser(h);
    for (let i = 0; i < 35; i++) {
      expect((await attempt(h, { email: user.email, password: user.password, remoteAddress: '198.51.100.150' })).statusCode).toBe(200);
    }
  });

  it('lets in a sign-in whose request began a moment before an earlier-counted one of the same account and address', async () => {
    // Parallel requests reach the throttle out of the order their clocks were read in (seen in the
    // stress test): a failure or success counted "now" must not make a request from a moment ago wait.
    const user = await newUser(h);
    expect((await attempt(h, { email: user.email, password: 'one typo', remoteAddress: '198.51.100.160' })).statusCode).toBe(401);
    h.advance(-1);
    expect((await attempt(h, { email: user.email, password: user.password, remoteAddress: '198.51.100.160' })).statusCode).toBe(200);
    h.advance(2);
    expect((await attempt(h, { email: user.email, password: user.password, remoteAddress: '198.51.100.160' })).statusCode).toBe(200);
    h.advance(-1);
    expect((await attempt(h, { email: user.email, password: user.password, remoteAddress: '198.51.100.160' })).statusCode).toBe(200);
    h.advance(1);
  });

  it('counts parallel guesses one by one: exactly the free failures are checked', async () => {
    const user = await newUser(h);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt(h, { email: user.email, password: `parallel-${i}`, remoteAddress: `198.51.100.${200 + (i % 5)}` })),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(15);
  });
});

describe('a browser that signed in to the account before (device cookie)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.t.close());

  it('gets its owner in at once, however long an attacker elsewhere keeps the account waiting', async () => {
    const user = await newUser(h);
    const device = deviceCookieOf(await attempt(h, { ...user, remoteAddress: '192.0.2.10' }));
    await escalateToCap(h, user.email);
    expect(expect429(await attempt(h, { ...user, remoteAddress: '192.0.2.10' }))).toBe(300);
    const res = await attempt(h, { ...user, remoteAddress: '192.0.2.10', device });
    expect(res.statusCode).toBe(200);
    // A known browser keeps its cookie rather than getting a new one.
    expect(res.cookies.find((c) => c.name === 'resonance_device')).toBeUndefined();
    // Its success does not give the attacker fresh guesses: the account still waits for everyone else.
    expect429(await attempt(h, { email: user.email, password: 'more guessing', remoteAddress: '198.51.100.66' }));
  });

  it('has a backoff of its own, so a stolen cookie does not give free guesses', async () => {
    const user = await newUser(h);
    const device = deviceCookieOf(await attempt(h, { ...user, remoteAddress: '192.0.2.11' }));
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await attempt(h, { email: user.email, password: `guess-${i}`, remoteAddress: '192.0.2.11', device })).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });

  it("counts for its own account only, and is forgotten when the account's password changes", async () => {
    const alice = await newUser(h);
    const bob = await newUser(h);
    const aliceDevice = deviceCookieOf(await attempt(h, { ...alice, remoteAddress: '192.0.2.12' }));
    const bobDevice = deviceCookieOf(await attempt(h, { ...bob, remoteAddress: '192.0.2.13' }));
    await escalateToCap(h, bob.email);
    expect429(await attempt(h, { ...bob, device: aliceDevice }));

    const admin = h.admin;
    const reset = await h.t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${await userIdOf(h, bob.email)}/password`,
      headers: admin,
      payload: { password: bob.password },
    });
    expect(reset.statusCode).toBe(200);
    expect429(await attempt(h, { ...bob, device: bobDevice }));
  });
});

async function userIdOf(h: Harness, email: string): Promise<number> {
  const res = await h.t.app.inject({ url: `/api/v1/users?q=${encodeURIComponent(email)}`, headers: h.admin });
  return res.json<{ items: Array<{ id: number }> }>().items[0]!.id;
}

describe('sign-in limits behind a trusted proxy (TRUST_PROXY=127.0.0.1)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ TRUST_PROXY: '127.0.0.1' });
  });
  afterAll(async () => h?.t.close());

  it('takes the client address from X-Forwarded-For sent by the proxy, and only from it', async () => {
    const user = await newUser(h);
    await attempt(h, { email: user.email, password: 'wrong password 1', remoteAddress: '127.0.0.1', forwardedFor: '203.0.113.9' });
    await attempt(h, { email: user.email, password: 'wrong password 2', remoteAddress: '198.51.100.7', forwardedFor: '203.0.113.10' });
    expect(await auditedAddresses(h, user.email)).toEqual(['203.0.113.9', '198.51.100.7']);
  });

  it('answers 429 to 30 wrong passwords from 30 forwarded addresses', async () => {
    const user = await newUser(h);
    const codes: number[] = [];
    for (let i = 0; i < 30; i++) {
      codes.push((await attempt(h, { email: user.email, password: `guess-${i}`, remoteAddress: '127.0.0.1', forwardedFor: `203.0.113.${i + 1}` })).statusCode);
    }
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.slice(5).every((c) => c === 429)).toBe(true);
  });

  it('still caps the wait for the real user when the attacker forwards through the proxy', async () => {
    const user = await newUser(h);
    for (let i = 0; i < 12; i++) {
      const res = await attempt(h, { email: user.email, password: `guess-${i}`, remoteAddress: '127.0.0.1', forwardedFor: '203.0.113.66' });
      if (res.statusCode === 429) h.advance(Number(res.headers['retry-after']));
    }
    // One more guess, so a backoff is running when the real user comes.
    await attempt(h, { email: user.email, password: 'last guess', remoteAddress: '127.0.0.1', forwardedFor: '203.0.113.66' });
    const wait = expect429(await attempt(h, { email: user.email, password: user.password, remoteAddress: '127.0.0.1', forwardedFor: '192.0.2.10' }));
    expect(wait).toBeLessThanOrEqual(300);
    h.advance(wait);
    expect((await attempt(h, { email: user.email, password: user.password, remoteAddress: '127.0.0.1', forwardedFor: '192.0.2.10' })).statusCode).toBe(200);
  });
});

describe('a hop count (TRUST_PROXY=1)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ TRUST_PROXY: '1' });
  });
  afterAll(async () => h?.t.close());

  it('takes the address the nearest proxy reports, not what the client wrote before it', async () => {
    const user = await newUser(h);
    await attempt(h, { email: user.email, password: 'wrong password 1', remoteAddress: '10.0.0.2', forwardedFor: '203.0.113.5' });
    await attempt(h, { email: user.email, password: 'wrong password 2', remoteAddress: '10.0.0.2', forwardedFor: '127.0.0.1, 203.0.113.6' });
    expect(await auditedAddresses(h, user.email)).toEqual(['203.0.113.5', '203.0.113.6']);
  });
});
