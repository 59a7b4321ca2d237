// Many people at once, over real HTTP, as a busy organisation uses Resonance: sign-ins, session
// lookups, directory reads, audience previews, campaigns saved with who gets what, feeds, expert
// searches, contributions, availability and help requests whose routing jobs run in the worker meanwhile; 30 in flight at a time. Every answer must
// be the expected one for its caller (no cross-talk between connections) and nothing may fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { seedDemo } from './demo/seed-demo.js';
import { generatePassword, upsertUserWithPassword } from './modules/identity/index.js';
import { startTestRuntime, type TestRuntime } from './testing/test-runtime.js';

const REQUESTS = 2400;
const IN_FLIGHT = 30;
const USERS = 30;

type User = { email: string; password: string; personId: number; cookie: string; csrf: string };
type Outcome = { ok: true } | { ok: false; what: string };

let t: TestRuntime;
let base: string;
const users: User[] = [];
let people: { id: number; external_id: string; name: string }[] = [];
const departmentCounts = new Map<string, number>();
let skills: string[] = [];

async function call(path: string, init: { method?: string; user?: User; json?: unknown } = {}): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = {};
  if (init.user) headers.cookie = init.user.cookie;
  if (init.user && init.method && init.method !== 'GET') headers['x-csrf-token'] = init.user.csrf;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, { method: init.method ?? 'GET', headers, body: init.json === undefined ? undefined : JSON.stringify(init.json) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: kept as text for the failure message
  }
  return { status: res.status, body };
}

async function signIn(user: Pick<User, 'email' | 'password'>): Promise<{ cookie: string; csrf: string; email: string }> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  const body = (await res.json()) as { email?: string; csrf_token?: string };
  if (res.status !== 200) throw new Error(`sign-in ${res.status} ${JSON.stringify(body)}`);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('resonance_session='))!
    .split(';')[0]!;
  return { cookie, csrf: body.csrf_token!, email: body.email! };
}

const pick = <T>(items: T[], i: number): T => items[(i * 7919) % items.length]!;
const fail = (what: string, res: { status: number; body: unknown }): Outcome => ({
  ok: false,
  what: `${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
});

/** One request of the mix; `i` decides which, so a run is the same every time. */
async function request(i: number): Promise<Outcome> {
  const user = pick(users, i);
  switch (i % 10) {
    case 0:
    case 1: {
      const res = await call('/api/v1/auth/me', { user });
      const email = (res.body as { email?: string }).email;
      return res.status === 200 && email === user.email ? { ok: true } : fail(`me as ${user.email}`, res);
    }
    case 2: {
      const signedIn = await signIn(user).catch((error: Error) => ({ error: error.message }));
      return 'error' in signedIn || signedIn.email !== user.email ? { ok: false, what: `sign-in as ${user.email}: ${JSON.stringify(signedIn)}` } : { ok: true };
    }
    case 3: {
      const person = pick(people, i);
      const res = await call(`/api/v1/people/${person.id}`, { user });
      return res.status === 200 && (res.body as { external_id?: string }).external_id === person.external_id ? { ok: true } : fail(`person ${person.id}`, res);
    }
    case 4: {
      const [department, count] = pick([...departmentCounts], i);
      const rule = { field: 'department', op: 'eq', value: department };
      if (i % 20 === 14) {
        // A campaign saved (its templates and rules checked) and who gets what resolved in one statement.
        const content = { en: { subject: `Stress ${i}, {{ person.given_name }}`, body: 'Hello {{ person.manager.given_name }}.' } };
        const created = await call('/api/v1/campaigns', {
          method: 'POST',
          user: communicator,
          json: { name: `Stress ${i}`, audience: rule, default_language: 'en', variants: [{ key: 'all', default: true, channels: ['email'], content }] },
        });
        if (created.status !== 201) return fail(`campaign ${i}`, created);
        const res = await call(`/api/v1/campaigns/${(created.body as { id: number }).id}/assignments`, { user: communicator });
        return res.status === 200 && (res.body as { total?: number }).total === count
          ? { ok: true }
          : fail(`assignments of ${department} (expected ${count})`, res);
      }
      const res = await call('/api/v1/audiences/preview', { method: 'POST', user: communicator, json: { rule } });
      return res.status === 200 && (res.body as { count?: number }).count === count ? { ok: true } : fail(`preview of ${department} (expected ${count})`, res);
    }
    case 5: {
      const res = await call(`/api/v1/experts?q=${encodeURIComponent(pick(skills, i))}&limit=10`, { user });
      return res.status === 200 && Array.isArray((res.body as { results?: unknown }).results) ? { ok: true } : fail('experts', res);
    }
    case 6: {
      const title = `Stress note ${i} by ${user.email}`;
      const res = await call('/api/v1/contributions', {
        method: 'POST',
        user,
        json: { kind: 'post', title, body: `What I learned, number ${i}.`, tags: ['excel'] },
      });
      const created = res.body as { title?: string; person_id?: number };
      return res.status === 201 && created.title === title && created.person_id === user.personId ? { ok: true } : fail(`contribution ${i}`, res);
    }
    case 7: {
      const res = await call('/api/v1/experts/me/availability', { method: 'PUT', user, json: { available: i % 20 !== 7, note: `note ${i}` } });
      return res.status === 200 ? { ok: true } : fail(`availability ${i}`, res);
    }
    case 8: {
      const res = await call('/api/v1/help-requests', { method: 'POST', user, json: { question: `How do I build a pivot table in Excel? (${i})` } });
      if (res.status !== 201) return fail(`help request ${i}`, res);
      helpRequests.push((res.body as { id: number }).id);
      return { ok: true };
    }
    default: {
      if (i % 20 === 19) {
        const res = await call('/api/v1/feed', { user });
        return res.status === 200 && typeof (res.body as { unread?: number }).unread === 'number' ? { ok: true } : fail(`feed of ${user.email}`, res);
      }
      const person = pick(people, i);
      const res = await call(`/api/v1/people?q=${encodeURIComponent(person.name)}&limit=100`, { user });
      const items = (res.body as { items?: { id: number }[] }).items;
      return res.status === 200 && items?.some((p) => p.id === person.id) ? { ok: true } : fail(`directory search for ${person.name}`, res);
    }
  }
}

let communicator: User;
const helpRequests: number[] = [];

beforeAll(async () => {
  // On files, as `npm start` runs the embedded database (or on the PostgreSQL server of TEST_DATABASE_URL).
  t = await startTestRuntime({ worker: true, onFiles: true, env: { LOG_LEVEL: 'error' } });
  await seedDemo({ db: t.database.db, people: 200 });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const db = t.database.db;
  people = (
    await sql<{ id: number; external_id: string; name: string }>`
      SELECT id, external_id, given_name || ' ' || family_name AS name FROM people WHERE status = 'active' ORDER BY id`.execute(db)
  ).rows;
  for (const row of (
    await sql<{ department: string; n: number }>`
    SELECT department, count(*)::int AS n FROM people WHERE status = 'active' AND department IS NOT NULL GROUP BY department`.execute(db)
  ).rows) {
    departmentCounts.set(row.department, row.n);
  }
  skills = (await sql<{ tag: string }>`SELECT DISTINCT unnest(skills) AS tag FROM people ORDER BY 1 LIMIT 40`.execute(db)).rows.map((r) => r.tag);
  const free = (
    await sql<{ id: number }>`SELECT id FROM people WHERE id NOT IN (SELECT person_id FROM users WHERE person_id IS NOT NULL) ORDER BY id`.execute(db)
  ).rows;
  for (let n = 0; n < USERS; n++) {
    const person = free[n * 5]!;
    const email = `stress-${n}@test.example`;
    const password = generatePassword();
    await upsertUserWithPassword({ db, email, displayName: `Stress ${n}`, role: 'employee', password, personId: person.id });
    const session = await signIn({ email, password });
    users.push({ email, password, personId: person.id, cookie: session.cookie, csrf: session.csrf });
  }
  const email = 'stress-communicator@test.example';
  const password = generatePassword();
  await upsertUserWithPassword({ db, email, displayName: 'Stress communicator', role: 'communicator', password, personId: null });
  const session = await signIn({ email, password });
  communicator = { email, password, personId: 0, cookie: session.cookie, csrf: session.csrf };
});

afterAll(async () => t?.close());

describe('the server under concurrent load', () => {
  it(`answers ${REQUESTS} mixed requests, ${IN_FLIGHT} at a time, each with its own caller's data and no error`, async () => {
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < REQUESTS) {
        const i = next++;
        const outcome = await request(i).catch((error: Error) => ({ ok: false, what: `request ${i} threw ${error.message}` }));
        if (!outcome.ok) failures.push(outcome.what);
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    expect(failures.slice(0, 10)).toEqual([]);
    expect(failures).toHaveLength(0);
  }, 300_000); // a guard against a hang only: the machines are shared, and speed is the benchmarks' business

  it('routed every help request asked during the load in the worker, each job once and without a failure', async () => {
    expect(helpRequests.length).toBe(REQUESTS / 10);
    const states = async () =>
      Object.fromEntries(
        (
          await sql<{ state: string; n: number }>`
            SELECT state, count(*)::int AS n FROM pgboss.job WHERE name = 'expertise.route-help-request' GROUP BY state`.execute(t.database.db)
        ).rows.map((r) => [r.state, r.n]),
      ) as Record<string, number>;
    for (let tries = 0; tries < 500 && (await states()).completed !== helpRequests.length; tries++) await new Promise((r) => setTimeout(r, 100));
    expect(await states()).toEqual({ completed: helpRequests.length });
    const uninvited = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM help_requests r
      WHERE r.id = ANY(${helpRequests}::bigint[]) AND NOT EXISTS (SELECT 1 FROM help_invitations i WHERE i.request_id = r.id)`.execute(t.database.db);
    expect(uninvited.rows[0]!.n).toBe(0);
  });
});
