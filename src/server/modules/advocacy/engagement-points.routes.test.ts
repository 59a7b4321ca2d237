// Points beyond the ledger through the API (ADR 0031, ADR 0032): the points job (idempotent, capped),
// taking part, the ledger's pages, badges and levels, leaderboards (k, opt-out, ties, periods, department
// and team), the influence score and who may see it, and the settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signIn, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { importPeopleRows } from '../people/index.js';
import { DEFAULT_ADVOCACY_SETTINGS } from '../../../shared/advocacy.js';
import { collectPoints } from './engagement-points.service.js';
import { awardPoints } from './points.service.js';

let t: TestRuntime;
let now = new Date('2026-12-02T12:00:00Z');
const ids: Record<string, number> = {};
const as: Record<string, TestCaller> = {};
const NAMES = ['ann', 'bob', 'cid', 'dee', 'eve', 'fay', 'gus'];

beforeAll(async () => {
  t = await startTestRuntime({ clock: () => now });
  await importPeopleRows({
    db: t.database.db,
    rows: NAMES.map((n, i) => ({
      line: i + 1,
      value: { external_id: `pe-${n}`, email: `${n}@pe.example`, given_name: n, family_name: 'Pe', department: i < 5 ? 'Sales' : 'Ops' },
    })),
  });
  const { rows } = await sql<{ id: string; external_id: string }>`SELECT id, external_id FROM people WHERE external_id LIKE 'pe-%'`.execute(t.database.db);
  for (const r of rows) ids[r.external_id.slice(3)] = Number(r.id);
  // ann leads bob, cid and dee.
  for (const n of ['bob', 'cid', 'dee'])
    await sql`UPDATE people SET org_path = ARRAY[${ids.ann}::bigint, ${ids[n]}::bigint] WHERE id = ${ids[n]}`.execute(t.database.db);
  await sql`UPDATE people SET org_path = ARRAY[${ids.ann}::bigint] WHERE id = ${ids.ann}`.execute(t.database.db);
  for (const n of NAMES) as[n] = await signIn(t, 'employee', ids[n]);
  as.nobody = await signIn(t, 'employee', null);
  as.comm = await signIn(t, 'communicator', null);
  as.admin = await signIn(t, 'admin', null);
});
afterAll(async () => t?.close());

const req = async (caller: TestCaller, method: 'GET' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: caller.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
const join = (n: string, body: object = { joined: true }) => req(as[n]!, 'PUT', '/api/v1/advocacy/me/participation', body);
const board = async (n: string, query: string) => (await req(as[n]!, 'GET', `/api/v1/advocacy/leaderboard?${query}`)).json();

describe('taking part', () => {
  it('needs a person in the directory', async () => {
    const res = await req(as.nobody!, 'GET', '/api/v1/advocacy/me');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('advocacy.no_person');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/advocacy/me' })).statusCode).toBe(401);
  });

  it('joins once under concurrent requests, opts out and leaves keeping the history', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => join('ann')));
    expect(results.map((r) => r.statusCode)).toEqual(Array(12).fill(200));
    expect(
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM advocacy_participants WHERE person_id = ${ids.ann}`.execute(t.database.db)).rows[0]!.n,
    ).toBe(1);
    const me = (await req(as.ann!, 'GET', '/api/v1/advocacy/me')).json();
    expect(me).toMatchObject({ joined: true, leaderboard_opt_out: false, points: { total: 0 }, level: { level: 1, starts_at: 0, next_at: 50 } });
    expect((await join('ann', { leaderboard_opt_out: true })).json().leaderboard_opt_out).toBe(true);
    await awardPoints({ db: t.database.db, personId: ids.ann!, action: 'self_assessment', source: 'test:1', at: now });
    const left = (await join('ann', { joined: false })).json();
    expect(left).toMatchObject({ joined: false, points: { total: 5 } });
    expect((await join('ann')).json()).toMatchObject({ joined: true, leaderboard_opt_out: false, points: { total: 5 } });
  });

  it('refuses bad input with a JSON pointer', async () => {
    const res = await join('ann', { joined: 'yes' });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('/joined');
    expect((await join('ann', { extra: 1 })).statusCode).toBe(400);
  });
});

describe('the points job', () => {
  it('awards kudos and resolved help once, within caps, and badges', async () => {
    await join('bob');
    const db = t.database.db;
    const at = new Date(now.getTime() - 3600_000);
    for (let i = 0; i < 12; i++)
      await sql`INSERT INTO kudos (from_id, to_id, message, created_at) VALUES (${ids.cid}, ${ids.bob}, 'thanks', ${at})`.execute(db);
    for (let i = 0; i < 6; i++) {
      await sql`INSERT INTO help_requests (asker_id, question, status, expert_id, resolved_at) VALUES (${ids.cid}, 'how?', 'resolved', ${ids.bob}, ${at})`.execute(
        db,
      );
    }
    // Kudos for someone who does not take part earn nothing.
    await sql`INSERT INTO kudos (from_id, to_id, message, created_at) VALUES (${ids.bob}, ${ids.gus}, 'thanks', ${at})`.execute(db);
    const first = await collectPoints({ db, now });
    expect(first).toMatchObject({ kudos: 12, help: 6 });
    const second = await collectPoints({ db, now });
    expect(second).toEqual({ kudos: 0, help: 0, badges: 0 });
    const me = (await req(as.bob!, 'GET', '/api/v1/advocacy/me')).json();
    // Kudos 3 each capped at 30 a week, help 10 each capped at 100 a week.
    expect(me.points.total).toBe(30 + 60);
    expect(me.badges.map((b: { badge: string }) => b.badge).sort()).toEqual(['helper', 'kudos_magnet', 'level_2']);
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM advocacy_points WHERE person_id = ${ids.gus}`.execute(db)).rows[0]!.n).toBe(0);
  });

  it('pages the ledger with capped awards', async () => {
    const first = (await req(as.bob!, 'GET', '/api/v1/advocacy/me/points?limit=10')).json();
    expect(first.items).toHaveLength(10);
    const second = (await req(as.bob!, 'GET', `/api/v1/advocacy/me/points?limit=10&cursor=${first.next_cursor}`)).json();
    expect(second.items).toHaveLength(8);
    expect(second.next_cursor).toBeNull();
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((i: { id: number }) => i.id)).size).toBe(18);
    expect(all.filter((i: { capped: boolean }) => i.capped).length).toBe(2);
    expect((await req(as.bob!, 'GET', '/api/v1/advocacy/me/points?cursor=%24%24')).statusCode).toBe(400);
  });
});

describe('leaderboards', () => {
  it('withholds a board of fewer than k people and shows it from k on', async () => {
    // ann (5 points) and bob (90) take part; cid and dee join now: 4 < k = 5.
    await join('cid');
    await join('dee');
    const hidden = await board('cid', 'period=all');
    expect(hidden).toMatchObject({ hidden: true, items: [], min_group: 5, me: { points: 0, rank: null, opted_out: false } });
    await join('eve');
    const shown = await board('cid', 'period=all');
    expect(shown.hidden).toBe(false);
    expect(shown.items.map((i: { person: { external_id: string } }) => i.person.external_id).slice(0, 2)).toEqual(['pe-bob', 'pe-ann']);
    expect(shown.items[0]).toMatchObject({ points: 90, rank: 1, level: 2 });
    // cid, dee and eve tie at 0 and share rank 3.
    expect(shown.items.slice(2).map((i: { rank: number }) => i.rank)).toEqual([3, 3, 3]);
    expect(shown.me).toEqual({ points: 0, rank: 3, opted_out: false });
    // One opting out brings the board below k again; their own row stays.
    await join('eve', { leaderboard_opt_out: true });
    expect((await board('eve', 'period=all')).hidden).toBe(true);
    expect((await board('eve', 'period=all')).me).toMatchObject({ opted_out: true, rank: null });
    await join('eve', { leaderboard_opt_out: false });
  });

  it('counts the period by the runtime clock', async () => {
    const week = await board('ann', 'period=week');
    expect(week.items.find((i: { person: { external_id: string } }) => i.person.external_id === 'pe-bob').points).toBe(90);
    now = new Date('2026-12-09T12:00:00Z');
    const nextWeek = await board('ann', 'period=week');
    expect(nextWeek.items.every((i: { points: number; rank: number }) => i.points === 0 && i.rank === 1)).toBe(true);
    expect((await board('ann', 'period=month')).items[0].points).toBe(90);
    expect((await board('ann', 'period=all')).items[0].points).toBe(90);
    now = new Date('2026-12-02T12:00:00Z');
  });

  it('boards a department or a team only with k people', async () => {
    expect((await board('ann', 'period=all&department=Sales')).hidden).toBe(false);
    await join('fay');
    expect(await board('fay', 'period=all&department=Ops')).toMatchObject({ hidden: true, items: [], department: 'Ops' });
    // ann's team: ann, bob, cid, dee (4 < 5).
    expect((await board('ann', 'period=all&team=pe-ann')).hidden).toBe(true);
    await sql`UPDATE people SET org_path = ARRAY[${ids.ann}::bigint, ${ids.eve}::bigint] WHERE id = ${ids.eve}`.execute(t.database.db);
    const team = await board('ann', 'period=all&team=pe-ann');
    expect(team.hidden).toBe(false);
    expect(team.items).toHaveLength(5);
    expect((await req(as.ann!, 'GET', '/api/v1/advocacy/leaderboard?team=pe-nobody')).statusCode).toBe(404);
    // "My team" is my manager's organisation; "my department" my own.
    await sql`UPDATE people SET manager_id = ${ids.ann} WHERE id = ${ids.cid}`.execute(t.database.db);
    expect(await board('cid', 'period=all&mine=team')).toMatchObject({ team: 'pe-ann', hidden: false });
    expect(await board('fay', 'period=all&mine=department')).toMatchObject({ department: 'Ops', hidden: true });
    expect((await req(as.nobody!, 'GET', '/api/v1/advocacy/leaderboard?mine=team')).json().code).toBe('advocacy.no_person');
    expect((await req(as.ann!, 'GET', '/api/v1/advocacy/leaderboard?period=year')).statusCode).toBe(400);
  });
});

describe('the influence score', () => {
  const share = async (person: string, code: string, daysAgo: number, clicks: number, reactions = 0) => {
    const db = t.database.db;
    const at = new Date(now.getTime() - daysAgo * 86_400_000);
    const { rows } = await sql<{ id: string }>`INSERT INTO advocacy_content (title, url) VALUES ('Post', 'https://example.com/p') RETURNING id`.execute(db);
    await sql`INSERT INTO advocacy_links (code, content_id, person_id, network) VALUES (${code}, ${rows[0]!.id}, ${ids[person]}, 'linkedin')`.execute(db);
    await sql`INSERT INTO advocacy_shares (code, text, adapted, shared_at) VALUES (${code}, 'mine', true, ${at})`.execute(db);
    for (let i = 0; i < clicks; i++) {
      await sql`INSERT INTO advocacy_clicks (code, day, visitor, is_unique, occurred_at) VALUES (${code}, ${at.toISOString().slice(0, 10)}::date, ${`v${i}`}, true, ${at})`.execute(
        db,
      );
    }
    if (reactions > 0)
      await sql`INSERT INTO advocacy_engagement (code, reactions, source, reported_at) VALUES (${code}, ${reactions}, 'self', ${at})`.execute(db);
  };

  it('ranks quality above quantity and explains itself', async () => {
    await share('cid', 'cid-great1', 2, 12, 8);
    await share('cid', 'cid-great2', 9, 10, 5);
    for (let i = 0; i < 10; i++) await share('dee', `dee-empty${i}`, i, 0);
    await share('eve', 'eve-one', 3, 2);
    const cid = (await req(as.cid!, 'GET', '/api/v1/advocacy/me/score')).json();
    const dee = (await req(as.dee!, 'GET', '/api/v1/advocacy/me/score')).json();
    expect(cid.score).toBeGreaterThan(dee.score);
    expect(cid.inputs).toMatchObject({ shares: 2, unique_clicks: 22, engaged_shares: 2 });
    expect(cid.components.map((c: { key: string }) => c.key)).toEqual(['engagement', 'reach', 'consistency', 'inside']);
    expect(cid.weakest).toBe('inside');
    expect(dee.suggestions).toContain('share_fitting_content');
    expect(cid.history).toHaveLength(8);
    expect(cid.score).toBeGreaterThanOrEqual(1);
  });

  it("shows anyone's score only to communicators", async () => {
    expect((await req(as.ann!, 'GET', `/api/v1/advocacy/people/${ids.cid}/score`)).statusCode).toBe(403);
    const res = await req(as.comm!, 'GET', `/api/v1/advocacy/people/${ids.cid}/score`);
    expect(res.statusCode).toBe(200);
    expect(res.json().person_id).toBe(ids.cid);
    expect((await req(as.comm!, 'GET', '/api/v1/advocacy/people/999999/score')).statusCode).toBe(404);
    expect((await req(as.nobody!, 'GET', '/api/v1/advocacy/me/score')).json().code).toBe('advocacy.no_person');
  });
});

describe('settings', () => {
  it('reads for managers, writes for settings holders, audited, with JSON pointers', async () => {
    expect((await req(as.ann!, 'GET', '/api/v1/advocacy/settings')).statusCode).toBe(403);
    expect((await req(as.comm!, 'GET', '/api/v1/advocacy/settings')).json()).toEqual(DEFAULT_ADVOCACY_SETTINGS);
    const changed = { ...DEFAULT_ADVOCACY_SETTINGS, levels: [0, 20, 60] };
    expect((await req(as.comm!, 'PUT', '/api/v1/advocacy/settings', changed)).statusCode).toBe(403);
    const bad = await req(as.admin!, 'PUT', '/api/v1/advocacy/settings', { ...changed, levels: [5, 1] });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('/levels');
    expect((await req(as.admin!, 'PUT', '/api/v1/advocacy/settings', changed)).json().levels).toEqual([0, 20, 60]);
    expect((await req(as.comm!, 'GET', '/api/v1/advocacy/settings')).json().levels).toEqual([0, 20, 60]);
    const audit = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'advocacy.settings_changed'`.execute(t.database.db);
    expect(audit.rows[0]!.n).toBe(1);
  });
});

describe('privacy', () => {
  it('exports participation, ledger, badges and score inputs, and erasure removes them', async () => {
    const exported = (await req(as.admin!, 'GET', `/api/v1/people/${ids.cid}/privacy-export`)).json().data;
    expect(exported.advocacy_participation).toMatchObject({ leaderboard_opt_out: false });
    expect(exported.advocacy_score_inputs.map((l: { code: string }) => l.code).sort()).toEqual(['cid-great1', 'cid-great2']);
    expect(exported.advocacy_score_inputs.find((l: { code: string }) => l.code === 'cid-great1')).toMatchObject({
      unique_clicks: 12,
      latest_engagement: { reactions: 8 },
    });
    const bob = (await req(as.admin!, 'GET', `/api/v1/people/${ids.bob}/privacy-export`)).json().data;
    expect(bob.advocacy_points).toHaveLength(18);
    expect(bob.advocacy_badges.length).toBeGreaterThan(0);
    const erased = await t.app.inject({ method: 'POST', url: `/api/v1/people/${ids.bob}/erase`, headers: as.admin!.headers, payload: { confirm: true } });
    expect(erased.statusCode).toBe(200);
    for (const table of ['advocacy_points', 'advocacy_badges', 'advocacy_participants']) {
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE person_id = ${ids.bob}`.execute(t.database.db);
      expect(rows[0]!.n).toBe(0);
    }
  });
});
