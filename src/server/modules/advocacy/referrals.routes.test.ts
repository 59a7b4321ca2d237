// Referrals through the API (ADR 0034): consent and a contact channel are required, duplicates are
// refused without naming the referrer, the pipeline is the owning team's (or referrals:manage), moves
// follow the pipeline, a win gives points once even under concurrent moves, the dashboard folds small
// departments, retention clears closed referrals' contact details, and erasure keeps the referral.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signIn, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { importPeopleRows } from '../people/index.js';
import { applyRetention } from '../privacy/retention.service.js';

let t: TestRuntime;
const ids: Record<string, number> = {};
const callers: Record<string, TestCaller> = {};

// Sales works customers, Human Resources candidates (the defaults); ENG refers, OUT is in neither team.
const PEOPLE: [string, string][] = [
  ['ENG', 'Engineering'],
  ['SALES', 'Sales'],
  ['HR', 'Human Resources'],
  ['OUT', 'Finance'],
  ['GONE', 'Engineering'],
];

const refer = (caller: TestCaller, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/advocacy/referrals', headers: caller.headers, payload });
const move = (caller: TestCaller, id: number, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'PATCH', url: `/api/v1/advocacy/referrals/${id}`, headers: caller.headers, payload });
const get = (caller: TestCaller, url: string) => t.app.inject({ url, headers: caller.headers });
const count = async (query: ReturnType<typeof sql>) =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM (${query}) AS q`.execute(t.database.db)).rows[0]!.n;

const customer = (email: string, extra: Record<string, unknown> = {}) => ({
  kind: 'customer',
  name: 'Ada Buyer',
  email,
  company: 'Buyer GmbH',
  note: 'Met at the trade fair',
  consent: { given: true, method: 'verbal' },
  ...extra,
});

let manager: TestCaller;

beforeAll(async () => {
  t = await startTestRuntime();
  await importPeopleRows({
    db: t.database.db,
    rows: PEOPLE.map(([id, department], i) => ({
      line: i + 1,
      value: { external_id: id, email: `${id.toLowerCase()}@x.example`, given_name: id, family_name: 'Person', department },
    })),
  });
  for (const row of (await sql<{ id: number; external_id: string }>`SELECT id::int AS id, external_id FROM people`.execute(t.database.db)).rows)
    ids[row.external_id] = row.id;
  for (const [id] of PEOPLE) callers[id] = await signIn(t, 'employee', ids[id]);
  manager = await signIn(t, 'communicator');
});
afterAll(async () => t?.close());

describe('POST /api/v1/advocacy/referrals', () => {
  it('records the referral with consent, the referrer department, the owning team and a "new" event', async () => {
    const res = await refer(callers.ENG!, customer('Ada@Buyer.example', { consent: { given: true, method: 'written', at: '2026-11-20T10:00:00Z' } }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'customer',
      email: 'ada@buyer.example',
      owner_team: 'Sales',
      status: 'new',
      referrer_department: 'Engineering',
      consent_method: 'written',
      consent_at: '2026-11-20T10:00:00.000Z',
    });
    expect(await count(sql`SELECT 1 FROM referral_events WHERE referral_id = ${res.json().id} AND status = 'new'`)).toBe(1);
    const candidate = await refer(callers.ENG!, { kind: 'candidate', name: 'Bo Coder', phone: '+49 30 1234', consent: { given: true, method: 'email' } });
    expect(candidate.json()).toMatchObject({ owner_team: 'Human Resources', email: null, phone: '+49 30 1234' });
  });

  it('refuses a referral without consent, without a contact channel or with bad fields, with JSON pointers', async () => {
    const noConsent = await refer(callers.ENG!, customer('x1@y.example', { consent: { given: false, method: 'verbal' } }));
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().errors.map((e: { pointer: string }) => e.pointer)).toContain('/consent/given');
    const missing = await refer(callers.ENG!, { kind: 'customer', name: 'X', email: 'x2@y.example', consent: { method: 'verbal' } });
    expect(missing.json().errors.map((e: { pointer: string }) => e.pointer)).toContain('/consent/given');
    const noContact = await refer(callers.ENG!, { kind: 'customer', name: 'X', consent: { given: true, method: 'verbal' } });
    expect(noContact.statusCode).toBe(400);
    expect(noContact.json().errors).toEqual([expect.objectContaining({ pointer: '/email', code: 'referrals.contact_required' })]);
    const bad = await refer(callers.ENG!, { kind: 'partner', name: '', email: 'not-mail', consent: { given: true, method: 'pigeon' } });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/consent/method', '/email', '/kind', '/name']);
  });

  it('refuses the same open address and kind with a code that names no referrer, also when sent at once', async () => {
    const again = await refer(callers.OUT!, customer('ada@buyer.example'));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'referrals.duplicate' });
    expect(again.body).not.toContain('ENG');
    const results = await Promise.all(Array.from({ length: 10 }, () => refer(callers.OUT!, customer('race@buyer.example'))));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, ...Array(9).fill(409)]);
  });

  it('needs a person in the directory', async () => {
    const res = await refer(manager, customer('nobody@buyer.example'));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'advocacy.no_person' });
  });
});

describe('the pipeline', () => {
  let id: number;
  beforeAll(async () => {
    id = (await refer(callers.ENG!, customer('pipe@buyer.example'))).json().id;
  });

  it('is shown to the owning team and referrals:manage, not to others', async () => {
    const sales = await get(callers.SALES!, '/api/v1/advocacy/referrals?kind=customer');
    expect(sales.statusCode).toBe(200);
    expect(sales.json().items.every((r: { owner_team: string }) => r.owner_team === 'Sales')).toBe(true);
    expect(sales.json().items.map((r: { id: number }) => r.id)).toContain(id);
    const hr = await get(callers.HR!, '/api/v1/advocacy/referrals');
    expect(hr.json().items.map((r: { kind: string }) => r.kind)).toEqual(['candidate']);
    expect((await get(callers.HR!, `/api/v1/advocacy/referrals/${id}`)).statusCode).toBe(404);
    for (const who of [callers.OUT!, callers.ENG!]) {
      const res = await get(who, '/api/v1/advocacy/referrals');
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'referrals.not_team' });
      expect((await get(who, `/api/v1/advocacy/referrals/${id}`)).statusCode).toBe(403);
      expect((await move(who, id, { status: 'contacted' })).statusCode).toBe(403);
    }
    expect((await get(manager, '/api/v1/advocacy/referrals')).json().items.length).toBeGreaterThanOrEqual(3);
    expect((await get(callers.SALES!, '/api/v1/advocacy/referrals/999999')).statusCode).toBe(404);
    expect((await get(callers.SALES!, '/api/v1/advocacy/referrals?cursor=bogus')).statusCode).toBe(400);
  });

  it('pages with a cursor', async () => {
    const first = (await get(manager, '/api/v1/advocacy/referrals?limit=1')).json();
    expect(first.items).toHaveLength(1);
    const second = (await get(manager, `/api/v1/advocacy/referrals?limit=1&cursor=${first.next_cursor}`)).json();
    expect(second.items[0].id).toBeLessThan(first.items[0].id);
  });

  it('moves one step forward or to lost, refuses other moves with a code, and keeps the history', async () => {
    expect((await move(callers.SALES!, id, { status: 'qualified' })).json()).toMatchObject({
      code: 'referrals.bad_move',
      params: { from: 'new', to: 'qualified' },
    });
    expect((await move(callers.SALES!, id, { status: 'contacted', note: 'Called, interested' })).statusCode).toBe(200);
    expect((await move(callers.SALES!, id, { status: 'qualified' })).json()).toMatchObject({ status: 'qualified', closed_at: null });
    const detail = (await get(callers.SALES!, `/api/v1/advocacy/referrals/${id}`)).json();
    expect(detail.events.map((e: { status: string }) => e.status)).toEqual(['new', 'contacted', 'qualified']);
    expect(detail.events[1]).toMatchObject({ note: 'Called, interested', changed_by: 'Test employee' });
    expect(await count(sql`SELECT 1 FROM audit_log WHERE action = 'referrals.moved' AND target_id = ${String(id)}`)).toBe(2);
  });

  it('gives the referrer points once when concurrent moves win it, and not again after reopening', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => move(callers.SALES!, id, { status: 'won' })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, ...Array(11).fill(409)]);
    const points = sql`SELECT 1 FROM advocacy_points WHERE person_id = ${ids.ENG} AND action = 'referral_converted' AND source = ${`referral:${id}`}`;
    expect(await count(points)).toBe(1);
    expect((await move(callers.SALES!, id, { status: 'contacted' })).statusCode).toBe(409);
    expect((await move(manager, id, { status: 'contacted' })).json()).toMatchObject({ status: 'contacted', closed_at: null });
    expect((await move(manager, id, { status: 'lost' })).statusCode).toBe(200);
    expect((await move(manager, id, { status: 'contacted' })).statusCode).toBe(200);
    expect((await move(manager, id, { status: 'qualified' })).statusCode).toBe(200);
    expect((await move(manager, id, { status: 'won' })).statusCode).toBe(200);
    expect(await count(points)).toBe(1);
  });

  it('shows the referrer their progress without the team notes, and whether they work a pipeline', async () => {
    const mine = (await get(callers.ENG!, '/api/v1/advocacy/referrals/mine')).json();
    expect(mine.owning_team).toBeNull();
    const it = mine.items.find((r: { id: number }) => r.id === id);
    expect(it).toMatchObject({ status: 'won', note: 'Met at the trade fair' });
    expect(it.stages.map((s: { status: string }) => s.status)).toEqual([
      'new',
      'contacted',
      'qualified',
      'won',
      'contacted',
      'lost',
      'contacted',
      'qualified',
      'won',
    ]);
    expect(JSON.stringify(mine)).not.toContain('Called, interested');
    expect((await get(callers.SALES!, '/api/v1/advocacy/referrals/mine')).json()).toEqual({ owning_team: 'Sales', items: [] });
    expect((await get(manager, '/api/v1/advocacy/referrals/mine')).statusCode).toBe(403);
  });
});

describe('the dashboard', () => {
  it('counts by status, kind and month, and folds departments with fewer than k referrers into "other"', async () => {
    expect((await get(callers.SALES!, '/api/v1/advocacy/referrals/dashboard')).statusCode).toBe(403);
    // Five distinct referrers in Logistics (k = 5 in tests by default) show; Engineering's one does not.
    const logistics = ['L1', 'L2', 'L3', 'L4', 'L5'];
    await importPeopleRows({
      db: t.database.db,
      rows: logistics.map((x, i) => ({
        line: i + 1,
        value: { external_id: x, email: `${x.toLowerCase()}@x.example`, given_name: x, family_name: 'L', department: 'Logistics' },
      })),
    });
    for (const x of logistics) {
      const pid = (await sql<{ id: number }>`SELECT id::int AS id FROM people WHERE external_id = ${x}`.execute(t.database.db)).rows[0]!.id;
      expect((await refer(await signIn(t, 'employee', pid), customer(`${x}@lead.example`))).statusCode).toBe(201);
    }
    const res = await get(manager, '/api/v1/advocacy/referrals/dashboard');
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.total).toBe(await count(sql`SELECT 1 FROM referrals`));
    expect(d.by_status.won).toBe(1);
    expect(d.conversion_rate).toBe(1);
    expect(d.median_days_to_win).not.toBeNull();
    const names = d.by_department.map((x: { department: string }) => x.department);
    expect(names).toContain('Logistics');
    expect(names).not.toContain('Engineering');
    expect(names).not.toContain('Finance');
    expect(d.by_department.find((x: { other: boolean }) => x.other)).toBeDefined();
    expect(d.by_department.reduce((s: number, x: { referrals: number }) => s + x.referrals, 0)).toBe(d.total);
    expect(d.by_month.reduce((s: number, x: { referrals: number }) => s + x.referrals, 0)).toBe(d.total);
  });
});

describe('privacy', () => {
  it('clears contact details and notes of referrals closed longer than the retention, and only those', async () => {
    const old = (await refer(callers.ENG!, customer('old@buyer.example'))).json().id as number;
    expect((await move(callers.SALES!, old, { status: 'lost', note: 'No budget' })).statusCode).toBe(200);
    const open = (await refer(callers.ENG!, customer('open@buyer.example'))).json().id as number;
    await sql`UPDATE referrals SET closed_at = now() - interval '400 days' WHERE id = ${old}`.execute(t.database.db);
    const result = await applyRetention({ db: t.database.db, retentionDays: 395, now: new Date() });
    expect(result.referrals_cleared).toBe(1);
    const rows = (
      await sql<{ id: number; email: string | null; note: string }>`SELECT id::int AS id, email, note FROM referrals WHERE id IN (${old}, ${open})`.execute(
        t.database.db,
      )
    ).rows;
    expect(rows.find((r) => r.id === old)).toMatchObject({ email: null, note: '' });
    expect(rows.find((r) => r.id === open)).toMatchObject({ email: 'open@buyer.example' });
    expect(await count(sql`SELECT 1 FROM referral_events WHERE referral_id = ${old} AND note <> ''`)).toBe(0);
  });

  it("exports the referrer's referrals and keeps them without the referrer after erasure", async () => {
    const id = (await refer(callers.GONE!, customer('gone@buyer.example'))).json().id as number;
    const admin = await signIn(t, 'admin');
    const exported = await get(admin, `/api/v1/people/${ids.GONE}/privacy-export`);
    expect(exported.json().data.referrals_made).toEqual([expect.objectContaining({ id, email: 'gone@buyer.example', note: 'Met at the trade fair' })]);
    const erased = await t.app.inject({ method: 'POST', url: `/api/v1/people/${ids.GONE}/erase`, headers: admin.headers, payload: { confirm: true } });
    expect(erased.statusCode).toBe(200);
    const detail = (await get(manager, `/api/v1/advocacy/referrals/${id}`)).json();
    expect(detail).toMatchObject({ referrer: null, referrer_department: 'Engineering', email: 'gone@buyer.example' });
    expect((await move(manager, id, { status: 'contacted' })).statusCode).toBe(200);
  });

  it("erases a referral on the referred person's request (referrals:manage only), audited", async () => {
    const id = (await refer(callers.ENG!, customer('forget@buyer.example'))).json().id as number;
    const del = (caller: TestCaller) => t.app.inject({ method: 'DELETE', url: `/api/v1/advocacy/referrals/${id}`, headers: caller.headers });
    expect((await del(callers.SALES!)).statusCode).toBe(403);
    expect((await del(manager)).statusCode).toBe(204);
    expect((await del(manager)).statusCode).toBe(404);
    expect(await count(sql`SELECT 1 FROM referrals WHERE id = ${id}`)).toBe(0);
    expect(await count(sql`SELECT 1 FROM referral_events WHERE referral_id = ${id}`)).toBe(0);
    expect(await count(sql`SELECT 1 FROM audit_log WHERE action = 'referrals.erased' AND target_id = ${String(id)}`)).toBe(1);
  });
});
