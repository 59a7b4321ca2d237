// The leader cascade over a real SMTP server on loopback: leaders in the audience are briefed first
// and their teams held; a leader reads the briefing (viewed), saves a draft (templates checked as the
// communicator's are), previews and releases it, and the team gets the leader's text in the leader's
// name, once; the deadline releases every other team with the communicator's version; the report
// shows per leader briefed, viewed, released and on time. Refusals: not a leader, unknown campaign.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { ParsedMail } from 'mailparser';
import { bearer, signIn, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { startSmtpSink, type SmtpSink } from '../../testing/smtp-sink.js';
import { importPeopleRows } from '../people/index.js';
import { findDueCascades, releaseDueCascade } from './cascade.service.js';

let t: TestRuntime;
let sink: SmtpSink;
let communicator: TestCaller;

const person = (id: string, extra: Record<string, unknown>) => ({
  external_id: id,
  email: `${id.toLowerCase()}@x.example`,
  given_name: `Name${id}`,
  family_name: 'F',
  department: 'Ops',
  ...extra,
});
// CEO leads L1 and L2; L1 leads M1, M2 and NOMAIL; L2 leads M3; S1's manager is outside the audience.
const people = [
  person('OUTBOSS', { department: 'Sales', language: 'en' }),
  person('CEO', { language: 'de' }),
  person('L1', { language: 'de', manager: 'CEO' }),
  person('L2', { language: 'en', manager: 'CEO' }),
  person('M1', { language: 'de', manager: 'L1' }),
  person('M2', { language: 'nl', manager: 'L1' }),
  { external_id: 'NOMAIL', given_name: 'Frontline', department: 'Ops', language: 'de', manager: 'L1' },
  person('M3', { language: 'en', manager: 'L2' }),
  person('S1', { language: 'en', manager: 'OUTBOSS' }),
];

const DEADLINE = new Date(Date.now() + 24 * 3_600_000).toISOString();
const content = (subject: string) => ({ subject: `${subject} {{ person.given_name }}`, body: `Text of {{ campaign.name }}` });
const campaign = (name: string) => ({
  name,
  audience: { field: 'department', op: 'eq', value: 'Ops' },
  default_language: 'en',
  variants: [{ key: 'all', default: true, channels: ['email', 'feed'], content: { en: content('Hello'), de: content('Hallo'), nl: content('Hoi') } }],
  follow_ups: [{ after_hours: 48, condition: 'not_opened', subject: { en: 'Reminder: {{ campaign.name }}' } }],
  cascade: { deadline: DEADLINE, talking_points: { en: 'Talk about **growth**, {{ person.given_name }}', de: 'Sprechen Sie über **Wachstum**' } },
});

const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address;
const mailsOf = (id: number) => sink.messages.filter((m) => m.headers.get('x-resonance-campaign') === String(id));
const personId = async (externalId: string) =>
  (await sql<{ id: number }>`SELECT id FROM people WHERE external_id = ${externalId}`.execute(t.database.db)).rows[0]!.id;
const api = (method: 'GET' | 'PUT' | 'POST', url: string, caller: TestCaller, payload?: unknown) =>
  t.app.inject({ method, url, headers: caller.headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

async function waitForMails(id: number, count: number): Promise<ParsedMail[]> {
  const until = Date.now() + 30_000;
  while (mailsOf(id).length < count) {
    if (Date.now() > until) throw new Error(`campaign ${id}: ${mailsOf(id).length} mails, not ${count}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return mailsOf(id);
}

type Delivery = { person: { external_id: string }; channel: string; step: number; state: string };
const deliveries = async (id: number): Promise<Delivery[]> =>
  (await api('GET', `/api/v1/campaigns/${id}/deliveries?limit=500`, communicator)).json<{ items: Delivery[] }>().items;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await startTestRuntime({
    worker: true,
    env: { SMTP_URL: sink.url, MAIL_FROM: 'Comms <comms@acme.example>', PUBLIC_URL: 'https://resonance.acme.example' },
  });
  const report = await importPeopleRows({ db: t.database.db, rows: people.map((value, i) => ({ line: i + 1, value })) });
  expect(report.errors).toEqual([]);
  communicator = await bearer(t, 'communicator');
}, 60_000);
afterAll(async () => {
  await t?.close();
  await sink?.close();
});

describe('the leader cascade', () => {
  it('briefs leaders first, holds their teams, sends a leader’s release in their name once, and releases the rest at the deadline', async () => {
    const created = await api('POST', '/api/v1/campaigns', communicator, campaign('Growth'));
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: number }>().id;
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${id}/send`,
      headers: { ...communicator.headers, 'idempotency-key': 'cascade-0001' },
      payload: {},
    });
    expect(sent.statusCode).toBe(202);

    // First out: the briefings of CEO, L1 and L2, and the message to whoever has no leader in the audience (CEO, S1).
    const first = await waitForMails(id, 5);
    await new Promise((r) => setTimeout(r, 500));
    expect(mailsOf(id)).toHaveLength(5);
    const briefings = first.filter((m) => /Briefing/.test(m.subject ?? ''));
    expect(briefings.map(to).sort()).toEqual(['ceo@x.example', 'l1@x.example', 'l2@x.example']);
    const l1Briefing = briefings.find((m) => to(m) === 'l1@x.example')!;
    expect(l1Briefing.subject).toBe('Vorab-Briefing: Growth');
    expect(l1Briefing.html).toContain('<strong>Wachstum</strong>');
    expect(l1Briefing.html).toContain(`https://resonance.acme.example/briefings/${id}`);
    expect(briefings.find((m) => to(m) === 'l2@x.example')!.text).toContain('Talk about **growth**, NameL2');
    expect(
      first
        .filter((m) => !/Briefing/.test(m.subject ?? ''))
        .map((m) => [to(m), m.subject])
        .sort(),
    ).toEqual([
      ['ceo@x.example', 'Hallo NameCEO'],
      ['s1@x.example', 'Hello NameS1'],
    ]);
    const log = await deliveries(id);
    const state = (external: string, channel: string, step = 0) =>
      log.find((d) => d.person.external_id === external && d.channel === channel && d.step === step)?.state;
    expect([state('M1', 'email'), state('M1', 'feed'), state('L1', 'email'), state('M3', 'email')]).toEqual(['held', 'held', 'held', 'held']);
    expect(state('NOMAIL', 'email')).toBe('suppressed');
    expect(state('S1', 'feed')).toBe('sent');
    expect((await api('GET', `/api/v1/campaigns/${id}`, communicator)).json<{ status: string }>().status).toBe('sending');

    // A held member does not see it in their feed yet.
    const m1 = await signIn(t, 'employee', await personId('M1'));
    const feedOf = async (caller: TestCaller) =>
      (await api('GET', '/api/v1/feed', caller)).json<{ items: { campaign: { id: number }; subject: string }[] }>().items.filter((i) => i.campaign.id === id);
    expect(await feedOf(m1)).toEqual([]);

    const before = (await api('GET', `/api/v1/campaigns/${id}/cascade`, communicator)).json<{
      totals: Record<string, number>;
      participation: number;
      items: { person: { external_id: string }; team_size: number; briefed_at: string | null; viewed_at: string | null }[];
    }>();
    expect(before.totals).toEqual({ leaders: 3, briefed: 3, viewed: 0, released: 0, on_time: 0, by_deadline: 0, team_members: 6 });
    expect(before.participation).toBe(0);
    expect(before.items.map((i) => [i.person.external_id, i.team_size, i.briefed_at !== null, i.viewed_at])).toEqual([
      ['CEO', 2, true, null],
      ['L1', 3, true, null],
      ['L2', 1, true, null],
    ]);

    // L1 reads the briefing: talking points in German, the versions the team gets.
    const l1 = await signIn(t, 'employee', await personId('L1'));
    const mine = (await api('GET', '/api/v1/briefings', l1)).json<{ items: { campaign: { id: number }; released_at: string | null }[] }>();
    expect(mine.items.map((i) => i.campaign.id)).toEqual([id]);
    const briefing = await api('GET', `/api/v1/briefings/${id}`, l1);
    expect(briefing.statusCode).toBe(200);
    const b = briefing.json<{
      language: string;
      talking_points_html: string;
      viewed_at: string;
      versions: { variant: string; language: string; people: number; original: { subject: string } }[];
    }>();
    expect(b.language).toBe('de');
    expect(b.talking_points_html).toContain('<strong>Wachstum</strong>');
    expect(b.viewed_at).not.toBeNull();
    expect(b.versions.map((v) => [v.variant, v.language, v.people, v.original.subject])).toEqual([
      ['all', 'de', 2, 'Hallo {{ person.given_name }}'],
      ['all', 'nl', 1, 'Hoi {{ person.given_name }}'],
    ]);

    // A draft is checked as the communicator's templates are.
    const bad = await api('PUT', `/api/v1/briefings/${id}/draft`, l1, {
      drafts: { all: { de: { subject: 'Hallo', body: 'Seit {{ person.hire_date }}' }, fr: { subject: 'Salut', body: 'x' } } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { pointer: string; code: string }[] }>().errors.map((e) => [e.pointer, e.code])).toEqual([
      ['/drafts/all/de/body', 'campaign.unknown_variable'],
      ['/drafts/all/fr', 'cascade.draft_version_unknown'],
    ]);
    const draft = { drafts: { all: { de: { subject: 'Von L1 an {{ person.given_name }}', body: 'Liebes Team, **das** ist mir wichtig.' } } } };
    const saved = await api('PUT', `/api/v1/briefings/${id}/draft`, l1, draft);
    expect(saved.statusCode).toBe(200);
    expect(saved.json<{ versions: { draft: unknown }[] }>().versions[0]!.draft).toEqual(draft.drafts.all.de);
    const preview = await api('POST', `/api/v1/briefings/${id}/preview`, l1, { variant: 'all', language: 'de', ...draft.drafts.all.de });
    expect(preview.json()).toMatchObject({ subject: 'Von L1 an NameM1' });
    expect(preview.json<{ html: string }>().html).toContain('<strong>das</strong>');

    // Someone who is not a leader of the campaign, a user without a person, an unknown campaign.
    for (const caller of [m1, communicator]) {
      for (const [method, url] of [
        ['GET', `/api/v1/briefings/${id}`],
        ['POST', `/api/v1/briefings/${id}/release`],
      ] as const) {
        const res = await api(method, url, caller);
        expect(res.statusCode).toBe(403);
        expect(res.json<{ code: string }>().code).toBe('cascade.not_your_briefing');
      }
    }
    expect((await api('PUT', `/api/v1/briefings/${id}/draft`, m1, draft)).statusCode).toBe(403);
    expect((await api('GET', '/api/v1/briefings/987654', l1)).json<{ code: string }>().code).toBe('campaign.not_found');
    expect((await api('POST', '/api/v1/briefings/987654/release', l1)).statusCode).toBe(404);
    expect((await api('GET', '/api/v1/campaigns/987654/cascade', communicator)).statusCode).toBe(404);
    expect((await api('GET', `/api/v1/campaigns/${id}/cascade`, m1)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/briefings' })).statusCode).toBe(401);

    // L1 releases: M1 gets L1's text, M2 the communicator's Dutch text, both in L1's name; once.
    const releases = await Promise.all([api('POST', `/api/v1/briefings/${id}/release`, l1), api('POST', `/api/v1/briefings/${id}/release`, l1)]);
    expect(releases.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const ok = releases.find((r) => r.statusCode === 200)!.json<{ released: number; on_time: boolean; released_by: string }>();
    expect(ok).toMatchObject({ released_by: 'leader', on_time: true, released: 5 });
    expect(releases.find((r) => r.statusCode === 409)!.json<{ code: string }>().code).toBe('cascade.already_released');
    expect((await api('PUT', `/api/v1/briefings/${id}/draft`, l1, draft)).json<{ code: string }>().code).toBe('cascade.already_released');
    const released = (await waitForMails(id, 7)).slice(5);
    const byAddress = new Map(released.map((m) => [to(m), m]));
    expect([...byAddress.keys()].sort()).toEqual(['m1@x.example', 'm2@x.example']);
    const m1Mail = byAddress.get('m1@x.example')!;
    expect(m1Mail.subject).toBe('Von L1 an NameM1');
    expect(m1Mail.html).toContain('Liebes Team, <strong>das</strong> ist mir wichtig.');
    expect(m1Mail.from?.value[0]).toMatchObject({ name: 'NameL1 F', address: 'comms@acme.example' });
    expect(m1Mail.replyTo?.value[0]?.address).toBe('l1@x.example');
    expect(byAddress.get('m2@x.example')!.subject).toBe('Hoi NameM2');
    expect(byAddress.get('m2@x.example')!.from?.value[0]?.name).toBe('NameL1 F');
    expect((await feedOf(m1)).map((i) => i.subject)).toEqual(['Von L1 an NameM1']);

    // The fan-out scheduled the deadline's release; the minute sweep finds the campaign once the deadline has passed.
    const scheduled = await sql<{ start_after: Date }>`
      SELECT start_after FROM pgboss.job WHERE name = 'delivery.release-cascade' AND (data -> 'payload' ->> 'campaignId')::int = ${id}`.execute(t.database.db);
    expect(scheduled.rows.map((r) => r.start_after.toISOString())).toEqual([new Date(DEADLINE).toISOString()]);
    // The reminder counts its hours from the deadline, when every team has the message at the latest.
    const followUp = await sql<{ start_after: Date }>`
      SELECT start_after FROM pgboss.job WHERE name = 'delivery.send-follow-up' AND (data -> 'payload' ->> 'campaignId')::int = ${id}`.execute(t.database.db);
    expect(followUp.rows.map((r) => r.start_after.getTime())).toEqual([Date.parse(DEADLINE) + 48 * 3_600_000]);
    expect(await findDueCascades({ db: t.database.db, now: new Date() })).not.toContain(id);
    expect(await findDueCascades({ db: t.database.db, now: new Date(Date.parse(DEADLINE) + 1) })).toContain(id);
    // Before the deadline the deadline job releases nothing.
    const jobCtx = { db: t.database.db, config: t.config, jobs: t.jobs, campaignId: id };
    expect(await releaseDueCascade({ ...jobCtx, clock: () => new Date() })).toEqual({ leaders: 0, released: 0 });
    // At the deadline: the CEO's and L2's teams get the communicator's version, from the communications team.
    const late = () => new Date(Date.parse(DEADLINE) + 60_000);
    expect(await releaseDueCascade({ ...jobCtx, clock: late })).toEqual({ leaders: 2, released: 6 });
    const rest = (await waitForMails(id, 10)).slice(7);
    expect(rest.map((m) => [to(m), m.subject, m.from?.value[0]?.name]).sort()).toEqual([
      ['l1@x.example', 'Hallo NameL1', 'Comms'],
      ['l2@x.example', 'Hello NameL2', 'Comms'],
      ['m3@x.example', 'Hello NameM3', 'Comms'],
    ]);
    expect(await releaseDueCascade({ ...jobCtx, clock: late })).toEqual({ leaders: 0, released: 0 });
    expect(await findDueCascades({ db: t.database.db, now: late() })).not.toContain(id);
    await new Promise((r) => setTimeout(r, 1000));
    expect(mailsOf(id)).toHaveLength(10);

    const after = (await api('GET', `/api/v1/campaigns/${id}/cascade`, communicator)).json<{
      totals: Record<string, number>;
      participation: number;
      items: { person: { external_id: string }; released_by: string; on_time: boolean }[];
    }>();
    expect(after.totals).toMatchObject({ leaders: 3, viewed: 1, released: 1, on_time: 1, by_deadline: 2 });
    expect(after.participation).toBeCloseTo(1 / 3);
    expect(after.items.map((i) => [i.person.external_id, i.released_by, i.on_time])).toEqual([
      ['CEO', 'deadline', false],
      ['L1', 'leader', true],
      ['L2', 'deadline', false],
    ]);
    const until = Date.now() + 15_000;
    while ((await api('GET', `/api/v1/campaigns/${id}`, communicator)).json<{ status: string }>().status !== 'sent') {
      if (Date.now() > until) throw new Error('the campaign did not finish');
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 90_000);

  it('leaves held deliveries unsent when the campaign is cancelled, and refuses a release then', async () => {
    const id = (await api('POST', '/api/v1/campaigns', communicator, campaign('Cancelled cascade'))).json<{ id: number }>().id;
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${id}/send`,
      headers: { ...communicator.headers, 'idempotency-key': 'cascade-0002' },
      payload: {},
    });
    await waitForMails(id, 5);
    expect((await api('POST', `/api/v1/campaigns/${id}/cancel`, communicator)).statusCode).toBe(200);
    const log = await deliveries(id);
    expect(log.filter((d) => d.state === 'held')).toEqual([]);
    expect(log.find((d) => d.person.external_id === 'M1' && d.channel === 'email')).toMatchObject({ state: 'suppressed' });
    const l2 = await signIn(t, 'employee', await personId('L2'));
    const refused = await api('POST', `/api/v1/briefings/${id}/release`, l2);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ code: string; params: unknown }>()).toMatchObject({ code: 'cascade.campaign_closed', params: { status: 'cancelled' } });
    expect(await findDueCascades({ db: t.database.db, now: new Date(Date.parse(DEADLINE) + 1) })).not.toContain(id);
    expect(
      await releaseDueCascade({ db: t.database.db, config: t.config, jobs: t.jobs, campaignId: id, clock: () => new Date(Date.parse(DEADLINE) + 1) }),
    ).toEqual({
      leaders: 0,
      released: 0,
    });
  }, 60_000);
});
