// Help requests, kudos, mentors and ambassadors through the API, with the routing job running in a
// real worker: fair spread of invitations, availability, the accept/talk/resolve/thank flow, and the
// refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { bearer, signIn, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { importPeopleRows } from '../people/index.js';

let t: TestRuntime;
const ids: Record<string, number> = {};
const callers: Record<string, TestCaller> = {};
const recent = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);

const person = (id: string, extra: Record<string, unknown>) => ({
  external_id: id,
  email: `${id.toLowerCase()}@x.example`,
  given_name: id,
  family_name: 'Test',
  ...extra,
});
const people = [
  person('ASKER', { language: 'de', location: 'Berlin', hire_date: recent, learning_goals: ['excel', 'pivot-tables'] }),
  person('E1', { language: 'de', location: 'Berlin', skills: ['excel', 'pivot-tables'], mentor_available: true, mentor_topics: ['excel', 'pivot-tables'] }),
  person('E2', { language: 'de', location: 'Hamburg', skills: ['excel'], mentor_available: true, mentor_topics: ['excel'] }),
  person('E3', { language: 'de', skills: ['excel', 'pivot-tables'] }),
  person('E4', { language: 'en', skills: ['excel'], mentor_available: true, mentor_topics: ['excel'] }),
  person('E5', { language: 'nl', languages: ['de'], skills: ['excel'] }),
  person('E6', { skills: ['excel'] }),
  person('AMB', { location: 'Berlin', ambassador: true }),
  person('AMB2', { location: 'Utrecht', ambassador: true }),
];

type Invitation = { expert: { id: number }; status: string; reasons: string[]; reason_codes: { code: string; params: Record<string, unknown> }[] };

async function waitForInvitations(requestId: number, caller: TestCaller): Promise<Invitation[]> {
  for (let i = 0; i < 100; i++) {
    const res = await t.app.inject({ url: `/api/v1/help-requests/${requestId}`, headers: caller.headers });
    const invitations = res.json().invitations as Invitation[];
    if (invitations.length > 0) return invitations;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the routing job did not run');
}

const ask = async (question: string) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/help-requests', headers: callers.ASKER!.headers, payload: { question } });
  expect(res.statusCode).toBe(201);
  return res.json().id as number;
};

beforeAll(async () => {
  t = await startTestRuntime({ worker: true });
  await importPeopleRows({ db: t.database.db, rows: people.map((value, i) => ({ line: i + 1, value })) });
  for (const row of (await sql<{ id: number; external_id: string }>`SELECT id, external_id FROM people`.execute(t.database.db)).rows)
    ids[row.external_id] = row.id;
  for (const id of ['ASKER', 'E1', 'E2', 'E3', 'E4', 'E5', 'E6']) callers[id] = await signIn(t, 'employee', ids[id]);
  await t.app.inject({ method: 'PUT', url: '/api/v1/experts/me/availability', headers: callers.E3!.headers, payload: { available: false } });
});
afterAll(async () => t?.close());

describe('help requests', () => {
  let requestId: number;

  it('invites three available experts, never the unavailable one, and spreads requests over more people', async () => {
    requestId = await ask('Wie baue ich Pivot-Tabellen in Excel?');
    const first = await waitForInvitations(requestId, callers.ASKER!);
    expect(first).toHaveLength(3);
    expect(first.map((i) => i.expert.id)).not.toContain(ids.E3);
    // Why each was invited, as codes the web words in the reader's language, beside the English.
    for (const invitation of first) {
      expect(invitation.reason_codes.length).toBeGreaterThan(0);
      expect(invitation.reason_codes).toHaveLength(invitation.reasons.length);
    }
    expect(first.flatMap((i) => i.reason_codes.map((r) => r.code))).toEqual(expect.arrayContaining(['skill']));
    const counts = new Map<number, number>();
    for (const inv of first) counts.set(inv.expert.id, 1);
    for (let n = 0; n < 3; n++) {
      const id = await ask(`Excel question number ${n}`);
      for (const inv of await waitForInvitations(id, callers.ASKER!)) counts.set(inv.expert.id, (counts.get(inv.expert.id) ?? 0) + 1);
    }
    const available = ['E1', 'E2', 'E4', 'E5', 'E6'].map((e) => ids[e]!);
    expect(available.every((id) => (counts.get(id) ?? 0) >= 1)).toBe(true);
    expect(Math.max(...counts.values())).toBeLessThan(4);
  });

  it('lets one invited expert accept, then talk, resolve and thank', async () => {
    const invited = (await waitForInvitations(requestId, callers.ASKER!)).map((i) => i.expert.id);
    const expertKey = Object.keys(ids).find((k) => ids[k] === invited[0])!;
    const outsider = ['E1', 'E2', 'E4', 'E5', 'E6'].find((k) => !invited.includes(ids[k]!))!;
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/help-requests/${requestId}/accept`, headers: callers[outsider]!.headers, payload: {} })).statusCode,
    ).toBe(404);
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/help-requests/${requestId}/accept`,
      headers: callers[expertKey]!.headers,
      payload: {},
    });
    expect(accepted.json()).toMatchObject({ status: 'accepted', expert: { id: invited[0] } });
    const secondKey = Object.keys(ids).find((k) => ids[k] === invited[1])!;
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/help-requests/${requestId}/accept`, headers: callers[secondKey]!.headers, payload: {} })).statusCode,
    ).toBe(409);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/help-requests/${requestId}/messages`,
      headers: callers[expertKey]!.headers,
      payload: { body: 'Zeilen nach Monat gruppieren.' },
    });
    const resolved = await t.app.inject({ method: 'POST', url: `/api/v1/help-requests/${requestId}/resolve`, headers: callers.ASKER!.headers, payload: {} });
    expect(resolved.json()).toMatchObject({ status: 'resolved', messages: [expect.objectContaining({ body: 'Zeilen nach Monat gruppieren.' })] });
    const evidence = await sql<{
      kind: string;
      person_id: number;
    }>`SELECT kind, person_id FROM contributions WHERE external_id = ${`help-request-${requestId}`}`.execute(t.database.db);
    expect(evidence.rows).toEqual([{ kind: 'help', person_id: invited[0] }]);
    const thanks = await t.app.inject({
      method: 'POST',
      url: `/api/v1/help-requests/${requestId}/thank`,
      headers: callers.ASKER!.headers,
      payload: { message: 'Danke, das hat geholfen!' },
    });
    expect(thanks.statusCode).toBe(201);
    const kudos = await t.app.inject({ url: `/api/v1/people/${invited[0]}/kudos`, headers: callers.E6!.headers });
    expect(kudos.json().kudos[0]).toMatchObject({ message: 'Danke, das hat geholfen!', from: { id: ids.ASKER }, help_request_id: requestId });
  });

  it('keeps requests private to the asker and the invited, and needs a directory profile', async () => {
    const admin = await bearer(t, 'admin');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/help-requests', headers: admin.headers, payload: { question: 'x' } })).statusCode).toBe(403);
    const stranger = await signIn(t, 'employee', ids.AMB);
    expect((await t.app.inject({ url: `/api/v1/help-requests/${requestId}`, headers: stranger.headers })).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/kudos', headers: callers.E1!.headers, payload: { to: ids.E1, message: 'me' } })).statusCode,
    ).toBe(400);
  });
});

describe('newcomers', () => {
  it("suggests mentors for the learning goals, in the newcomer's language, nearby first", async () => {
    const res = await t.app.inject({ url: '/api/v1/mentors/suggestions', headers: callers.ASKER!.headers });
    const body = res.json();
    expect(body.newcomer).toBe(true);
    expect(body.mentors.map((m: { person: { external_id: string } }) => m.person.external_id)).toEqual(['E1', 'E2']);
    expect(body.mentors[0].reasons).toEqual(['mentors #excel', 'mentors #pivot-tables', 'also in Berlin']);
    expect(body.mentors[0].reason_codes).toEqual([
      { code: 'mentors', params: { tag: 'excel' } },
      { code: 'mentors', params: { tag: 'pivot-tables' } },
      { code: 'same_location', params: { location: 'Berlin' } },
    ]);
  });

  it('lists ambassadors, those at the same location first', async () => {
    const res = await t.app.inject({ url: '/api/v1/ambassadors?location=Utrecht', headers: callers.ASKER!.headers });
    expect(res.json().ambassadors.map((a: { external_id: string }) => a.external_id)).toEqual(['AMB2', 'AMB']);
  });
});
