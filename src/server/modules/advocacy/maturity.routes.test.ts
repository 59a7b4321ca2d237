// The maturity model and onboarding waves (ADR 0033) through HTTP: the self-assessment places a person
// and earns points once, an HR import later wins, bad answers are 400s with pointers, counts under k
// are withheld, the daily snapshot is idempotent, waves validate their audience and content, and ten
// concurrent invites of one wave make one campaign. Privacy: export holds the assessments, erasure removes them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signIn, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { importPeopleRows } from '../people/index.js';
import { snapshotStages } from './maturity.service.js';

let t: TestRuntime;
let communicator: TestCaller;
let employee: TestCaller;
let admin: TestCaller;
const ids = new Map<string, number>();
const rows = async <R>(query: ReturnType<typeof sql<R>>) => (await query.execute(t.database.db)).rows;

// Stage 9: six people (k = 5), stage 5: two (withheld), stage 1: three, the employee without a stage.
const PEOPLE: [string, number | null][] = [
  ...Array.from({ length: 6 }, (_, i) => [`mat-nine-${i}`, 9] as [string, number]),
  ['mat-five-0', 5],
  ['mat-five-1', 5],
  ['mat-one-0', 1],
  ['mat-one-1', 1],
  ['mat-one-2', 1],
  ['mat-emp', null],
];

const person = (external: string, stage: number | null, line: number) => ({
  line,
  value: {
    external_id: external,
    email: `${external}@example.com`,
    given_name: external,
    family_name: 'Maturity',
    department: 'Sales',
    ...(stage ? { social_maturity_stage: stage } : {}),
  },
});

beforeAll(async () => {
  t = await startTestRuntime();
  await importPeopleRows({ db: t.database.db, rows: PEOPLE.map(([e, s], i) => person(e, s, i + 1)) });
  for (const r of await rows(sql<{ id: number; external_id: string }>`SELECT id::int AS id, external_id FROM people WHERE external_id LIKE 'mat-%'`))
    ids.set(r.external_id, r.id);
  communicator = await signIn(t, 'communicator');
  admin = await signIn(t, 'admin');
  employee = await signIn(t, 'employee', ids.get('mat-emp'));
});
afterAll(async () => t?.close());

const get = (url: string, caller: TestCaller) => t.app.inject({ method: 'GET', url, headers: caller.headers });
const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, caller: TestCaller, payload?: unknown) =>
  t.app.inject({ method, url, headers: caller.headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
const ANSWERS = { followers: '200_to_1000', reads: 'daily', reacts: 'weekly', posts: 'never' };

describe('self-assessment', () => {
  it('offers the questions to anyone signed in, nobody else', async () => {
    const res = await get('/api/v1/advocacy/maturity/assessment', employee);
    expect(res.statusCode).toBe(200);
    expect(res.json().questions.map((q: { code: string }) => q.code)).toEqual(['followers', 'reads', 'reacts', 'posts']);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/advocacy/maturity/assessment' })).statusCode).toBe(401);
  });

  it('places me in the grid, sets my stage and awards points once per assessment', async () => {
    const res = await send('POST', '/api/v1/advocacy/maturity/assessment', employee, { answers: ANSWERS });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ stage: 5, stage_key: 'participant', cell: { size: 'medium', activity: 'engages' }, points: 5 });
    const me = (await get('/api/v1/advocacy/maturity/me', employee)).json();
    expect(me).toMatchObject({ stage: 5, stage_key: 'participant', source: 'self', last_assessment: { stage: 5 } });
    const points = await rows(
      sql<{ n: number }>`SELECT count(*)::int AS n FROM advocacy_points WHERE person_id = ${ids.get('mat-emp')!} AND action = 'self_assessment'`,
    );
    expect(points[0]!.n).toBe(1);
    // A second one the same month is capped (the default cap is one assessment's points).
    const again = await send('POST', '/api/v1/advocacy/maturity/assessment', employee, { answers: { ...ANSWERS, posts: 'weekly', followers: 'over_1000' } });
    expect(again.json()).toMatchObject({ stage: 9, stage_key: 'thought_leader', points: 0 });
  });

  it('lets a later HR import win, and says so', async () => {
    await importPeopleRows({ db: t.database.db, rows: [person('mat-emp', 2, 1)] });
    expect((await get('/api/v1/advocacy/maturity/me', employee)).json()).toMatchObject({
      stage: 2,
      stage_key: 'observer',
      source: 'hr',
      last_assessment: { stage: 9 },
    });
  });

  it('answers bad answers with the pointer of each', async () => {
    const bad = await send('POST', '/api/v1/advocacy/maturity/assessment', employee, { answers: { ...ANSWERS, followers: 'millions', posts: undefined } });
    expect(bad.statusCode).toBe(400);
    const pointers = bad.json<{ errors: { pointer: string }[] }>().errors.map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/answers/followers', '/answers/posts']));
    const extra = await send('POST', '/api/v1/advocacy/maturity/assessment', employee, { answers: { ...ANSWERS, mood: 'good' } });
    expect(extra.statusCode).toBe(400);
  });

  it('needs a person in the directory', async () => {
    const nobody = await signIn(t, 'employee');
    const res = await send('POST', '/api/v1/advocacy/maturity/assessment', nobody, { answers: ANSWERS });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('advocacy.no_person');
    expect((await get('/api/v1/advocacy/maturity/me', nobody)).json().code).toBe('advocacy.no_person');
  });
});

describe('stages and adoption', () => {
  it('are for advocacy:manage only', async () => {
    for (const url of [
      '/api/v1/advocacy/maturity/stages',
      '/api/v1/advocacy/maturity/people?stage=9',
      '/api/v1/advocacy/maturity/adoption',
      '/api/v1/advocacy/waves',
      '/api/v1/advocacy/waves/suggested',
    ]) {
      expect((await get(url, employee)).statusCode, url).toBe(403);
    }
    expect((await send('POST', '/api/v1/advocacy/waves', employee, { number: 1, name: 'x', stages: [9] })).statusCode).toBe(403);
  });

  it('withhold counts under k', async () => {
    const res = await get('/api/v1/advocacy/maturity/stages', communicator);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ min_group: number; stages: { stage: number; people: number | null; hidden: boolean }[] }>();
    expect(body.min_group).toBe(5);
    const at = (s: number) => body.stages.find((x) => x.stage === s)!;
    expect(at(9)).toMatchObject({ people: 6, participants: 0, hidden: false });
    expect(at(5)).toMatchObject({ people: null, hidden: true });
    expect(at(1)).toMatchObject({ people: null, hidden: true });
    expect(at(3)).toMatchObject({ people: 0, hidden: false });
  });

  it('lists the people at a stage for planning', async () => {
    await sql`INSERT INTO advocacy_participants (person_id) VALUES (${ids.get('mat-nine-0')!})`.execute(t.database.db);
    const res = await get('/api/v1/advocacy/maturity/people?stage=9&limit=4', communicator);
    expect(res.statusCode).toBe(200);
    const first = res.json<{ items: { id: number; participant: boolean; stage: number }[]; next_cursor: string }>();
    expect(first.items).toHaveLength(4);
    const second = (await get(`/api/v1/advocacy/maturity/people?stage=9&limit=4&cursor=${encodeURIComponent(first.next_cursor)}`, communicator)).json();
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((p) => p.id)).size).toBe(6);
    expect(all.find((p) => p.id === ids.get('mat-nine-0'))!.participant).toBe(true);
    expect(all.every((p) => p.stage === 9)).toBe(true);
    expect((await get('/api/v1/advocacy/maturity/people?stage=12', communicator)).statusCode).toBe(400);
  });

  it('writes one snapshot per day however often it runs, shown with k', async () => {
    const at = new Date();
    await Promise.all([snapshotStages({ db: t.database.db, at }), snapshotStages({ db: t.database.db, at })]);
    await snapshotStages({ db: t.database.db, at });
    const day = at.toISOString().slice(0, 10);
    const snap = await rows(
      sql<{ stage: number; people: number }>`SELECT stage::int AS stage, people FROM advocacy_stage_snapshots WHERE day = ${day}::date ORDER BY stage`,
    );
    expect(snap).toHaveLength(10);
    expect(snap.find((s) => s.stage === 9)!.people).toBe(6);
    const adoption = (await get('/api/v1/advocacy/maturity/adoption?weeks=2', communicator)).json<{
      days: { stage: number; people: number | null; hidden: boolean }[];
    }>();
    // One of the six takes part: shown as withheld, not as 1.
    expect(adoption.days.filter((d) => d.stage === 9)).toEqual([expect.objectContaining({ people: 6, participants: null, sharers: 0, hidden: true })]);
    expect(adoption.days.find((d) => d.stage === 5)).toMatchObject({ people: null, hidden: true });
  });
});

describe('onboarding waves', () => {
  let wave1: number;

  it('suggests a plan from the grid', async () => {
    const res = await get('/api/v1/advocacy/waves/suggested', communicator);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      { number: 1, stages: [9, 8, 6, 5], people: 6 + 2 },
      { number: 2, stages: [7, 4], people: 0 },
      { number: 3, stages: [3, 2, 1], people: 3 + 1 },
    ]);
  });

  it('rejects a bad audience, unknown content and bad stages with pointers', async () => {
    const base = { number: 1, name: 'Wave 1', stages: [9] };
    const cases: [Record<string, unknown>, string][] = [
      [{ audience: { field: 'nope', op: 'eq', value: 1 } }, '/audience'],
      [{ content_ids: [987654] }, '/content_ids/0'],
      [{ stages: [0] }, '/stages/0'],
      [{ stages: [] }, '/stages'],
      [{ planned_for: 'soon' }, '/planned_for'],
    ];
    for (const [extra, pointer] of cases) {
      const res = await send('POST', '/api/v1/advocacy/waves', communicator, { ...base, ...extra });
      expect(res.statusCode, pointer).toBe(400);
      const pointers = res.json<{ errors: { pointer: string }[] }>().errors.map((e) => e.pointer);
      expect(
        pointers.some((p) => p.startsWith(pointer)),
        `${pointer}: ${res.body.slice(0, 300)}`,
      ).toBe(true);
    }
  });

  it('creates, changes and previews a wave', async () => {
    const created = await send('POST', '/api/v1/advocacy/waves', communicator, {
      number: 1,
      name: 'Wave 1',
      stages: [9],
      coaching: 'Share {{ boldly }}',
      planned_for: '2026-12-07',
    });
    expect(created.statusCode, created.body).toBe(201);
    wave1 = created.json().id;
    expect(created.json()).toMatchObject({ people: 6, invited_at: null, planned_for: '2026-12-07' });
    const narrowed = await send('PUT', `/api/v1/advocacy/waves/${wave1}`, communicator, {
      number: 1,
      name: 'Wave 1',
      stages: [9],
      audience: { field: 'external_id', op: 'neq', value: 'mat-nine-5' },
      coaching: 'Share {{ boldly }}',
    });
    expect(narrowed.json()).toMatchObject({ people: 5 });
    expect((await get('/api/v1/advocacy/waves/999999', communicator)).statusCode).toBe(404);
  });

  it('invites once when ten invites race, then refuses changes', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => send('POST', `/api/v1/advocacy/waves/${wave1}/invite`, communicator)));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes, results.map((r) => r.body.slice(0, 200)).join('\n')).toEqual([200, ...Array(9).fill(409)]);
    const ok = results.find((r) => r.statusCode === 200)!.json();
    expect(ok).toMatchObject({ members: 5, wave: { people: 5, campaign_id: ok.campaign_id } });
    expect(ok.wave.invited_at).not.toBeNull();
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('advocacy.wave_invited');
    const campaigns = await rows(sql<{ n: number }>`SELECT count(*)::int AS n FROM campaigns WHERE id = ${ok.campaign_id}`);
    expect(campaigns[0]!.n).toBe(1);
    const members = await rows(sql<{ n: number }>`SELECT count(*)::int AS n FROM advocacy_wave_members WHERE wave_id = ${wave1}`);
    expect(members[0]!.n).toBe(5);
    expect((await send('PUT', `/api/v1/advocacy/waves/${wave1}`, communicator, { number: 1, name: 'x', stages: [9] })).statusCode).toBe(409);
    expect((await send('DELETE', `/api/v1/advocacy/waves/${wave1}`, communicator)).statusCode).toBe(409);
    const audit = await rows(
      sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'advocacy.wave_invited' AND target_id = ${String(wave1)}`,
    );
    expect(audit[0]!.n).toBe(1);
  });

  it('leaves members of an earlier wave out of a later one, and counts adopters', async () => {
    const later = await send('POST', '/api/v1/advocacy/waves', communicator, { number: 2, name: 'Wave 2', stages: [9, 5] });
    expect(later.json().people).toBe(1 + 2);
    await sql`INSERT INTO advocacy_participants (person_id) VALUES (${ids.get('mat-nine-1')!})`.execute(t.database.db);
    const waves = (await get('/api/v1/advocacy/waves', communicator)).json<{ items: { id: number; adopters: number }[] }>();
    // mat-nine-0 joined before the invite, mat-nine-1 after.
    expect(waves.items.find((w) => w.id === wave1)!.adopters).toBe(1);
    expect((await send('DELETE', `/api/v1/advocacy/waves/${later.json().id}`, communicator)).statusCode).toBe(204);
  });
});

describe('privacy', () => {
  it('exports the assessments and erasure removes them', async () => {
    const personId = ids.get('mat-emp')!;
    const exported = await get(`/api/v1/people/${personId}/privacy-export`, admin);
    expect(exported.statusCode).toBe(200);
    expect(JSON.stringify(exported.json())).toContain('advocacy_maturity_assessments');
    expect(exported.json().advocacy_maturity_assessments ?? exported.json().data?.advocacy_maturity_assessments).toHaveLength(2);
    const erased = await send('POST', `/api/v1/people/${personId}/erase`, admin, { confirm: true });
    expect(erased.statusCode).toBe(200);
    expect((await rows(sql<{ n: number }>`SELECT count(*)::int AS n FROM advocacy_maturity_assessments WHERE person_id = ${personId}`))[0]!.n).toBe(0);
  });
});
