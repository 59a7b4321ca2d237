// The help inbox and the small reads the community screens need: my requests and invitations in
// cursor pages, the request detail's `thanked`, and my availability; with their refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { bearer, signIn, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { importPeopleRows } from '../people/index.js';
import { routeHelpRequest } from './help.service.js';

let t: TestRuntime;
const ids: Record<string, number> = {};
const callers: Record<string, TestCaller> = {};
const person = (id: string, skills: string[] = []) => ({
  external_id: id,
  email: `${id.toLowerCase()}@x.example`,
  given_name: id,
  family_name: 'Inbox',
  skills,
});

type Item = { id: number; role: string; my_invitation: string | null; status: string; question: string; message_count: number };

const inbox = async (caller: TestCaller, query = '') => {
  const res = await t.app.inject({ url: `/api/v1/help-requests${query}`, headers: caller.headers });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: Item[]; next_cursor: string | null }>();
};

const ask = async (question: string) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/help-requests', headers: callers.ASKER!.headers, payload: { question } });
  expect(res.statusCode).toBe(201);
  const id = res.json().id as number;
  await routeHelpRequest({ db: t.database.db, requestId: id });
  return id;
};

beforeAll(async () => {
  t = await startTestRuntime();
  const people = [person('ASKER'), person('EXPERT', ['glassblowing']), person('STRANGER')];
  await importPeopleRows({ db: t.database.db, rows: people.map((value, i) => ({ line: i + 1, value })) });
  for (const row of (await sql<{ id: number; external_id: string }>`SELECT id, external_id FROM people`.execute(t.database.db)).rows)
    ids[row.external_id] = row.id;
  for (const id of ['ASKER', 'EXPERT', 'STRANGER']) callers[id] = await signIn(t, 'employee', ids[id]);
});
afterAll(async () => t?.close());

describe('GET /api/v1/help-requests', () => {
  let first: number;
  let second: number;

  it('shows the asker their requests and the invited expert their invitations, newest first', async () => {
    first = await ask('How do I start glassblowing?');
    second = await ask('Which glassblowing torch should I buy?');
    const mine = await inbox(callers.ASKER!);
    expect(mine.items.map((i) => i.id)).toEqual([second, first]);
    expect(mine.items[0]).toMatchObject({ role: 'asker', my_invitation: null, status: 'open', asker: { id: ids.ASKER }, expert: null, message_count: 0 });
    const invited = await inbox(callers.EXPERT!);
    expect(invited.items.map((i) => i.id)).toEqual([second, first]);
    expect(invited.items[0]).toMatchObject({ role: 'expert', my_invitation: 'invited' });
    expect((await inbox(callers.STRANGER!)).items).toEqual([]);
  });

  it('pages with a cursor', async () => {
    const page1 = await inbox(callers.ASKER!, '?limit=1');
    expect(page1.items.map((i) => i.id)).toEqual([second]);
    const page2 = await inbox(callers.ASKER!, `?limit=1&cursor=${page1.next_cursor}`);
    expect(page2).toMatchObject({ items: [{ id: first }], next_cursor: null });
  });

  it('follows the request through accept, messages, resolve and thanks; a declined one leaves the inbox', async () => {
    const accept = await t.app.inject({ method: 'POST', url: `/api/v1/help-requests/${first}/accept`, headers: callers.EXPERT!.headers, payload: {} });
    expect(accept.json()).toMatchObject({ status: 'accepted', thanked: false });
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/help-requests/${first}/messages`,
      headers: callers.EXPERT!.headers,
      payload: { body: 'Start with a borosilicate rod.' },
    });
    await t.app.inject({ method: 'POST', url: `/api/v1/help-requests/${first}/resolve`, headers: callers.ASKER!.headers, payload: {} });
    await t.app.inject({ method: 'POST', url: `/api/v1/help-requests/${first}/thank`, headers: callers.ASKER!.headers, payload: { message: 'Thanks!' } });
    const detail = await t.app.inject({ url: `/api/v1/help-requests/${first}`, headers: callers.EXPERT!.headers });
    expect(detail.json()).toMatchObject({ status: 'resolved', thanked: true, expert: { id: ids.EXPERT } });
    expect((await inbox(callers.EXPERT!)).items.find((i) => i.id === first)).toMatchObject({ my_invitation: 'accepted', status: 'resolved', message_count: 1 });
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/help-requests/${second}/decline`, headers: callers.EXPERT!.headers, payload: {} })).statusCode,
    ).toBe(204);
    expect((await inbox(callers.EXPERT!)).items.map((i) => i.id)).toEqual([first]);
  });

  it('refuses without sign-in (401), without a directory profile (403), and a bad cursor or limit (400)', async () => {
    expect((await t.app.inject({ url: '/api/v1/help-requests' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/help-requests', headers: (await bearer(t, 'employee')).headers })).statusCode).toBe(403);
    const cursor = await t.app.inject({ url: '/api/v1/help-requests?cursor=WzFd', headers: callers.ASKER!.headers });
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().errors[0]).toMatchObject({ pointer: '/cursor', in: 'query' });
    const limit = await t.app.inject({ url: '/api/v1/help-requests?limit=500', headers: callers.ASKER!.headers });
    expect(limit.json().errors[0]).toMatchObject({ pointer: '/limit', in: 'query' });
  });

  it('answers 404 for a request id that does not exist or is not mine', async () => {
    expect((await t.app.inject({ url: '/api/v1/help-requests/999999', headers: callers.ASKER!.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/help-requests/${first}`, headers: callers.STRANGER!.headers })).statusCode).toBe(404);
  });
});

describe('GET /api/v1/experts/me/availability', () => {
  it('is available until I say otherwise, then reads back what I said', async () => {
    const before = await t.app.inject({ url: '/api/v1/experts/me/availability', headers: callers.EXPERT!.headers });
    expect(before.json()).toEqual({ available: true, note: null });
    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/experts/me/availability',
      headers: callers.EXPERT!.headers,
      payload: { available: false, note: 'On holiday' },
    });
    const after = await t.app.inject({ url: '/api/v1/experts/me/availability', headers: callers.EXPERT!.headers });
    expect(after.json()).toEqual({ available: false, note: 'On holiday' });
  });

  it('needs a sign-in (401) and a directory profile (403)', async () => {
    expect((await t.app.inject({ url: '/api/v1/experts/me/availability' })).statusCode).toBe(401);
    const admin = await signIn(t, 'admin');
    expect((await t.app.inject({ url: '/api/v1/experts/me/availability', headers: admin.headers })).statusCode).toBe(403);
  });
});

describe('kudos, mentors and ambassadors keep their contract', () => {
  it('lists kudos with the giver, and refuses kudos without a message (400 with pointer)', async () => {
    const kudos = await t.app.inject({ url: `/api/v1/people/${ids.EXPERT}/kudos`, headers: callers.STRANGER!.headers });
    expect(kudos.json().kudos[0]).toMatchObject({ message: 'Thanks!', from: { id: ids.ASKER, display_name: 'ASKER Inbox' } });
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/kudos', headers: callers.STRANGER!.headers, payload: { to: ids.EXPERT, message: '' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ pointer: '/message' });
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/kudos', headers: callers.STRANGER!.headers, payload: { to: 999999, message: 'hi' } })).statusCode,
    ).toBe(404);
  });
});
