// Sending a campaign through a real SMTP server on loopback: the worker fans out and sends; each
// person's mail is their variant in their language with their values and a Message-ID per delivery;
// no address and a bounce are suppressed with reasons; the same Idempotency-Key sends nothing more;
// a temporary refusal is retried; a sender that died is replaced with the same Message-ID; without
// SMTP the mail lands in the outbox; and the routes refuse roles without campaign permissions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { ParsedMail } from 'mailparser';
import { bearer, signIn, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { startSmtpSink, type SmtpSink } from '../../testing/smtp-sink.js';
import { importPeopleRows } from '../people/index.js';
import { mailTransport } from './mail-transport.js';
import { sendCampaignEmail } from './send-campaign.service.js';
import * as q from './delivery.queries.js';

let t: TestRuntime;
let sink: SmtpSink;
let communicator: TestCaller;
let employee: TestCaller;

const person = (id: string, extra: Record<string, unknown>) => ({
  external_id: id,
  email: `${id.toLowerCase()}@x.example`,
  given_name: `Name${id}`,
  family_name: 'F',
  ...extra,
});
const people = [
  person('BOSS', { department: 'Ops', language: 'de' }),
  person('D1', { department: 'Ops', language: 'de', manager: 'BOSS', hire_date: '2026-01-01', career_start_year: 2025 }),
  person('D2', { department: 'Ops', language: 'de-AT', manager: 'BOSS', hire_date: '2026-01-01', career_start_year: 2025 }),
  person('E1', { department: 'Ops', language: 'en', manager: 'BOSS' }),
  person('N1', { department: 'Ops', language: 'nl', manager: 'BOSS' }),
  { external_id: 'NOMAIL', given_name: 'Frontline', department: 'Ops', language: 'de' },
  person('BAD', { department: 'Ops', language: 'en' }),
  person('OTHER', { department: 'Sales', language: 'en' }),
];

const content = (subject: string) => ({ subject: `${subject} {{ person.given_name }}`, body: `**{{ campaign.name }}** – {{ person.manager.given_name }}` });
const campaign = (name: string, overrides: Record<string, unknown> = {}) => ({
  name,
  audience: { field: 'department', op: 'eq', value: 'Ops' },
  default_language: 'en',
  variants: [
    {
      key: 'novices',
      audience: { field: 'experience_level', op: 'eq', value: 'novice' },
      channels: ['email', 'feed'],
      content: { de: content('Willkommen'), en: content('Welcome') },
    },
    { key: 'all', default: true, channels: ['email'], content: { en: content('Hello'), de: content('Hallo'), nl: content('Hallo NL') } },
  ],
  ...overrides,
});

const create = async (payload: Record<string, unknown>) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/campaigns', headers: communicator.headers, payload });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: number }>().id;
};
const send = (id: number, key: string | null, payload: Record<string, unknown> = {}, caller = communicator) =>
  t.app.inject({ method: 'POST', url: `/api/v1/campaigns/${id}/send`, headers: { ...caller.headers, ...(key ? { 'idempotency-key': key } : {}) }, payload });
type DeliveryItem = {
  person: { external_id: string };
  variant: string;
  language: string;
  channel: string;
  state: string;
  reason: string | null;
  message_id: string | null;
};
const deliveries = async (id: number): Promise<DeliveryItem[]> =>
  (await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${id}/deliveries?limit=500`, headers: communicator.headers })).json<{ items: DeliveryItem[] }>()
    .items;

async function waitForStatus(id: number, status: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = (await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${id}`, headers: communicator.headers })).json<{ status: string }>().status;
    if (current === status) return;
    if (Date.now() > deadline) throw new Error(`campaign ${id} is ${current}, not ${status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address;

beforeAll(async () => {
  sink = await startSmtpSink();
  sink.refuse('bad@x.example', 550);
  t = await startTestRuntime({
    worker: true,
    env: { SMTP_URL: sink.url, MAIL_FROM: 'Comms <comms@acme.example>', PUBLIC_URL: 'https://resonance.acme.example' },
  });
  const report = await importPeopleRows({ db: t.database.db, rows: people.map((value, i) => ({ line: i + 1, value })) });
  expect(report.errors).toEqual([]);
  communicator = await bearer(t, 'communicator');
  employee = await bearer(t, 'employee');
}, 60_000);
afterAll(async () => {
  await t?.close();
  await sink?.close();
});

describe('sending a campaign over SMTP', () => {
  it('gives each person their variant in their language with their values, suppresses who has no address, and bounces a refused one', async () => {
    const id = await create(campaign('Q3'));
    const first = await send(id, 'send-q3-0001');
    expect(first.statusCode).toBe(202);
    expect(first.json()).toMatchObject({ id, status: 'sending', repeated: false });
    await waitForStatus(id, 'sent');
    const mails = sink.messages.filter((m) => m.headers.get('x-resonance-campaign') === String(id));
    const byAddress = new Map(mails.map((m) => [to(m), m]));
    expect([...byAddress.keys()].sort()).toEqual(['boss@x.example', 'd1@x.example', 'd2@x.example', 'e1@x.example', 'n1@x.example']);
    expect(mails).toHaveLength(5);
    expect(byAddress.get('d1@x.example')!.subject).toBe('Willkommen NameD1');
    expect(byAddress.get('d2@x.example')!.subject).toBe('Willkommen NameD2');
    expect(byAddress.get('n1@x.example')!.subject).toBe('Hallo NL NameN1');
    expect(byAddress.get('e1@x.example')!.subject).toBe('Hello NameE1');
    expect(byAddress.get('boss@x.example')!.subject).toBe('Hallo NameBOSS');
    const d1 = byAddress.get('d1@x.example')!;
    expect(d1.from?.value[0]).toMatchObject({ name: 'Comms', address: 'comms@acme.example' });
    expect(d1.html).toContain('<strong>Q3</strong> – NameBOSS');
    expect(d1.text).toContain('**Q3** – NameBOSS');

    const log = await deliveries(id);
    const state = (external: string, channel: string) => log.find((d) => d.person.external_id === external && d.channel === channel);
    expect(state('D1', 'email')).toMatchObject({ variant: 'novices', language: 'de', state: 'sent' });
    expect(state('D1', 'feed')).toMatchObject({ state: 'sent' });
    expect(state('NOMAIL', 'email')).toMatchObject({ state: 'suppressed', reason: 'no_email', message_id: null });
    expect(state('BAD', 'email')).toMatchObject({ state: 'bounced', reason: 'rejected' });
    expect(log.some((d) => d.person.external_id === 'OTHER')).toBe(false);
    // Each mail carries its delivery's deterministic Message-ID.
    expect(d1.messageId).toBe(state('D1', 'email')!.message_id);
    expect(d1.messageId).toMatch(/^<c\d+\.d\d+@resonance\.acme\.example>$/);
    const campaignNow = (await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${id}`, headers: communicator.headers })).json<{ counts: unknown }>();
    expect(campaignNow.counts).toEqual({ queued: 0, sent: 7, failed: 1, suppressed: 1 });

    // The bounced address is suppressed by the next campaign.
    const next = await create(campaign('Q4'));
    expect((await send(next, 'send-q4-0001')).statusCode).toBe(202);
    await waitForStatus(next, 'sent');
    expect((await deliveries(next)).find((d) => d.person.external_id === 'BAD')).toMatchObject({ state: 'suppressed', reason: 'bounced_before' });
  }, 60_000);

  it('answers the same Idempotency-Key again without sending twice, and refuses another key once sent', async () => {
    const id = await create(campaign('Twice'));
    const before = sink.messages.length;
    const results = await Promise.all([send(id, 'same-key-123'), send(id, 'same-key-123'), send(id, 'same-key-123')]);
    expect(results.map((r) => r.statusCode)).toEqual([202, 202, 202]);
    expect(results.filter((r) => r.json<{ repeated: boolean }>().repeated)).toHaveLength(2);
    await waitForStatus(id, 'sent');
    await sink.waitFor(before + 5);
    await new Promise((r) => setTimeout(r, 1500));
    expect(sink.messages.filter((m) => m.headers.get('x-resonance-campaign') === String(id))).toHaveLength(5);
    const other = await send(id, 'another-key-456');
    expect(other.statusCode).toBe(409);
    expect(other.json<{ code: string }>().code).toBe('campaign.not_editable');
  }, 60_000);

  it('schedules a send for later without writing deliveries yet', async () => {
    const id = await create(campaign('Later'));
    const res = await send(id, 'later-key-789', { at: '2099-01-01T09:00:00Z' });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ status: 'scheduled', send_at: '2099-01-01T09:00:00.000Z' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await deliveries(id)).toEqual([]);
  });

  it('refuses a send without an Idempotency-Key, a chat variant naming a person, an unknown campaign and roles without the permission', async () => {
    const id = await create(campaign('Refused'));
    const noKey = await send(id, null);
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json<{ code: string }>().code).toBe('campaign.idempotency_key_required');
    // A chat post goes to a whole channel: a chat variant naming a person is refused when saved (ADR 0019).
    const chat = await t.app.inject({
      method: 'POST',
      url: '/api/v1/campaigns',
      headers: communicator.headers,
      payload: campaign('Chat', { variants: [{ key: 'all', default: true, channels: ['chat'], content: { en: content('Hi') } }] }),
    });
    expect(chat.statusCode).toBe(400);
    expect(chat.json<{ errors: { pointer: string; code: string }[] }>().errors[0]).toMatchObject({
      pointer: '/variants/0/content/en/subject',
      code: 'campaign.chat_person_variable',
    });
    expect((await send(987654, 'unknown-key-01')).statusCode).toBe(404);
    expect((await send(id, 'employee-key-1', {}, employee)).statusCode).toBe(403);
    for (const url of [`/api/v1/campaigns/${id}/deliveries`, '/api/v1/outbox', '/api/v1/outbox/1']) {
      expect((await t.app.inject({ method: 'GET', url, headers: employee.headers })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${id}/deliveries?cursor=bm9wZQ`, headers: communicator.headers })).statusCode).toBe(
      400,
    );
  });
});

describe('the sender itself', () => {
  /** A campaign marked sending with its deliveries written, but no sender run yet (the worker only sends what it is asked to). */
  async function fannedOut(name: string, audience: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<number> {
    const id = await create(
      campaign(name, {
        audience,
        variants: [{ key: 'all', default: true, channels: ['email'], content: { en: content('Hi'), de: content('Hallo') } }],
        ...extra,
      }),
    );
    await sql`UPDATE campaigns SET status = 'sending' WHERE id = ${id}`.execute(t.database.db);
    const { resolveRecipientsSql } = await import('../campaigns/index.js');
    const recipients = await resolveRecipientsSql({ db: t.database.db, thresholds: t.config.experienceThresholds, clock: () => new Date(), id });
    await q.insertDeliveries(t.database.db, id, recipients);
    return id;
  }
  const ctx = () => ({ db: t.database.db, config: t.config, clock: () => new Date() });

  it('retries a temporary refusal and sends once the server takes it', async () => {
    const id = await fannedOut('Retry', { field: 'external_id', op: 'eq', value: 'E1' });
    sink.refuse('e1@x.example', 451);
    const first = await sendCampaignEmail({ ...ctx(), campaignId: id });
    expect(first).toMatchObject({ sent: 0, retried: 1 });
    expect(first.nextDue!.getTime()).toBeGreaterThan(Date.now() + 30_000);
    expect((await deliveries(id))[0]).toMatchObject({ state: 'queued' });
    sink.allow('e1@x.example');
    await sql`UPDATE deliveries SET next_attempt_at = now() WHERE campaign_id = ${id}`.execute(t.database.db);
    const second = await sendCampaignEmail({ ...ctx(), campaignId: id });
    expect(second).toMatchObject({ sent: 1, nextDue: null });
    expect((await deliveries(id))[0]).toMatchObject({ state: 'sent' });
  });

  it('sends what a dead sender left behind once its lease lapses, with the same Message-ID, and nothing it had finished', async () => {
    const id = await fannedOut('Crash', { field: 'external_id', op: 'in', value: ['D1', 'D2', 'E1'] });
    // A sender claims all three, sends one, marks it, sends a second but dies before marking it.
    const claimed = await q.claimDueEmail(t.database.db, { campaignId: id, limit: 10, leaseSeconds: 120, host: 'resonance.acme.example' });
    expect(claimed).toHaveLength(3);
    await q.markSent(t.database.db, [claimed[0]!.id]);
    const before = sink.messages.length;
    // Nothing is due while the lease holds.
    expect(await sendCampaignEmail({ ...ctx(), campaignId: id })).toMatchObject({ sent: 0 });
    await sql`UPDATE deliveries SET lease_until = now() - interval '1 second' WHERE campaign_id = ${id} AND state = 'sending'`.execute(t.database.db);
    expect(await sendCampaignEmail({ ...ctx(), campaignId: id })).toMatchObject({ sent: 2, nextDue: null });
    const resent = sink.messages.slice(before).filter((m) => m.headers.get('x-resonance-campaign') === String(id));
    expect(resent.map((m) => m.messageId).sort()).toEqual([claimed[1]!.message_id, claimed[2]!.message_id].sort());
    const log = await deliveries(id);
    expect(log.every((d) => d.state === 'sent')).toBe(true);
  });

  it('pauses between batches, resumes where it stopped without sending anyone twice, and cancels what has not gone out', async () => {
    const act = (id: number, action: string, caller = communicator) =>
      t.app.inject({ method: 'POST', url: `/api/v1/campaigns/${id}/${action}`, headers: caller.headers });
    const id = await fannedOut('Paused', { field: 'department', op: 'eq', value: 'Ops' });
    const paused = await act(id, 'pause');
    expect(paused.json()).toEqual({ id, status: 'paused' });
    expect(await sendCampaignEmail({ ...ctx(), campaignId: id })).toMatchObject({ sent: 0 });
    expect((await deliveries(id)).every((d) => d.state === 'queued' || d.state === 'suppressed')).toBe(true);
    expect((await act(id, 'pause')).json<{ code: string }>().code).toBe('campaign.wrong_status');
    expect((await act(id, 'resume')).json()).toEqual({ id, status: 'sending' });
    await waitForStatus(id, 'sent');
    const mails = sink.messages.filter((m) => m.headers.get('x-resonance-campaign') === String(id));
    expect(mails).toHaveLength(5);
    expect(new Set(mails.map(to)).size).toBe(5);

    const cancelled = await fannedOut('Cancelled', { field: 'department', op: 'eq', value: 'Ops' });
    expect((await act(cancelled, 'cancel')).json()).toEqual({ id: cancelled, status: 'cancelled' });
    expect(await sendCampaignEmail({ ...ctx(), campaignId: cancelled })).toMatchObject({ sent: 0 });
    const log = await deliveries(cancelled);
    expect(log.filter((d) => d.state === 'suppressed' && d.reason === 'cancelled')).toHaveLength(5);
    expect((await act(cancelled, 'resume')).statusCode).toBe(409);
    const draft = await create(campaign('Draft only'));
    expect((await act(draft, 'pause')).json<{ code: string; params: unknown }>()).toMatchObject({
      code: 'campaign.wrong_status',
      params: { action: 'pause', status: 'draft' },
    });
    expect((await act(draft, 'cancel', employee)).statusCode).toBe(403);
    expect((await act(987654, 'cancel')).statusCode).toBe(404);
  }, 60_000);

  it('reminds by e-mail whoever has not opened it, under the follow-up subject in their language, once per round', async () => {
    const id = await fannedOut(
      'FollowUp',
      { field: 'external_id', op: 'in', value: ['D1', 'D2', 'E1'] },
      {
        follow_ups: [
          { after_hours: 48, condition: 'not_opened', subject: { en: 'Reminder: {{ campaign.name }}', de: 'Erinnerung an {{ campaign.name }}' }, max_sends: 2 },
        ],
      },
    );
    expect(await sendCampaignEmail({ ...ctx(), campaignId: id })).toMatchObject({ sent: 3 });
    await sql`INSERT INTO events (type, person_id, campaign_id) SELECT 'opened', id, ${id} FROM people WHERE external_id = 'D1'`.execute(t.database.db);
    const { writeFollowUp } = await import('./send-campaign.service.js');
    expect(await writeFollowUp({ ...ctx(), campaignId: id, index: 0, round: 0 })).toEqual({ written: 2, maxSends: 2, afterHours: 48 });
    expect(await writeFollowUp({ ...ctx(), campaignId: id, index: 0, round: 0 })).toMatchObject({ written: 0 });
    const before = sink.messages.length;
    expect(await sendCampaignEmail({ ...ctx(), campaignId: id })).toMatchObject({ sent: 2, nextDue: null });
    const reminders = sink.messages.slice(before).filter((m) => m.headers.get('x-resonance-campaign') === String(id));
    expect(reminders.map((m) => [to(m), m.subject]).sort()).toEqual([
      ['d2@x.example', 'Erinnerung an FollowUp'],
      ['e1@x.example', 'Reminder: FollowUp'],
    ]);
    const log = await deliveries(id);
    expect(log.filter((d) => d.person.external_id === 'D2').map((d) => d.message_id)).toHaveLength(2);
    expect(new Set(log.map((d) => d.message_id)).size).toBe(log.length);
    await waitForStatus(id, 'sent');
    // An unknown follow-up writes nothing.
    expect(await writeFollowUp({ ...ctx(), campaignId: id, index: 3, round: 0 })).toBeNull();
  });

  it('sends at a local time in each person’s own time zone, the default zone for one PostgreSQL does not know', async () => {
    const id = await create(campaign('Nine o’clock', { audience: { field: 'external_id', op: 'in', value: ['D1', 'E1'] } }));
    const both = await send(id, 'local-key-0001', { at: '2030-06-01T09:00:00Z', local_time: '2030-06-01T09:00' });
    expect(both.statusCode).toBe(400);
    const res = await send(id, 'local-key-0002', { local_time: '2030-06-01T09:00' });
    expect(res.json()).toMatchObject({ status: 'scheduled', send_at: '2030-05-31T19:00:00.000Z' });
    // Fan the campaign out now (its job waits until 2030) to see when each delivery is due.
    await sql`UPDATE people SET time_zone = 'America/New_York' WHERE external_id = 'E1'`.execute(t.database.db);
    await sql`UPDATE people SET time_zone = 'Mars/Olympus_Mons' WHERE external_id = 'D1'`.execute(t.database.db);
    const { fanOutCampaign } = await import('./send-campaign.service.js');
    await fanOutCampaign({ ...ctx(), campaignId: id });
    const due = await sql<{ external_id: string; channel: string; due: Date; state: string }>`
      SELECT p.external_id, d.channel, d.next_attempt_at AS due, d.state FROM deliveries AS d JOIN people AS p ON p.id = d.person_id
      WHERE d.campaign_id = ${id} ORDER BY p.external_id, d.channel`.execute(t.database.db);
    expect(due.rows.map((r) => [r.external_id, r.channel, r.due.toISOString(), r.state])).toEqual([
      ['D1', 'email', '2030-06-01T07:00:00.000Z', 'queued'],
      ['D1', 'feed', '2030-06-01T07:00:00.000Z', 'sent'],
      ['E1', 'email', '2030-06-01T13:00:00.000Z', 'queued'],
    ]);
    // Nothing is due yet: the sender sends nothing and says when to come back; the feed does not show it yet.
    const outcome = await sendCampaignEmail({ ...ctx(), campaignId: id });
    expect(outcome).toMatchObject({ sent: 0 });
    expect(outcome.nextDue?.toISOString()).toBe('2030-06-01T07:00:00.000Z');
    await sql`UPDATE people SET time_zone = NULL WHERE external_id IN ('D1', 'E1')`.execute(t.database.db);
  });

  it('keeps mail in the outbox without an SMTP server, readable whole through the API', async () => {
    const id = await fannedOut('Outbox', { field: 'external_id', op: 'eq', value: 'D1' });
    const outbox = mailTransport({ db: t.database.db, smtpUrl: undefined, ratePerSecond: null });
    expect(await sendCampaignEmail({ ...ctx(), campaignId: id, transport: outbox })).toMatchObject({ sent: 1 });
    const page = (await t.app.inject({ method: 'GET', url: '/api/v1/outbox?limit=5', headers: communicator.headers })).json<{
      items: { id: number; to: string; subject: string }[];
    }>();
    expect(page.items[0]).toMatchObject({ to: 'd1@x.example', subject: 'Hallo NameD1' });
    const whole = await t.app.inject({ method: 'GET', url: `/api/v1/outbox/${page.items[0]!.id}`, headers: communicator.headers });
    expect(whole.json<{ html: string; text: string }>().html).toMatch(/^<!doctype html>/i);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/outbox/987654', headers: communicator.headers })).json<{ code: string }>().code).toBe(
      'outbox.not_found',
    );
  });
});

describe('the feed', () => {
  type Feed = {
    unread: number;
    pinned: { id: number; subject: string }[];
    items: { id: number; subject: string; read: boolean; must_read: boolean; acknowledged: boolean; campaign: { id: number } }[];
  };
  const feedOf = async (caller: TestCaller) => (await t.app.inject({ method: 'GET', url: '/api/v1/feed', headers: caller.headers })).json<Feed>();
  const personId = async (externalId: string) =>
    (await sql<{ id: number }>`SELECT id FROM people WHERE external_id = ${externalId}`.execute(t.database.db)).rows[0]!.id;

  it('shows each person their own variant, must-reads pinned until acknowledged, and counts reads and acknowledgements once', async () => {
    const news = await create(campaign('Feed news'));
    const must = await create(
      campaign('Safety rules', {
        kind: 'must_read',
        acknowledge_by: '2099-01-01T00:00:00Z',
        variants: [{ key: 'all', default: true, channels: ['feed'], content: { de: content('Pflicht'), en: content('Required') } }],
      }),
    );
    expect((await send(news, 'feed-news-0001')).statusCode).toBe(202);
    expect((await send(must, 'feed-must-0001')).statusCode).toBe(202);
    await waitForStatus(news, 'sent');
    await waitForStatus(must, 'sent');

    const d1 = await signIn(t, 'employee', await personId('D1'));
    const feed = await feedOf(d1);
    const newsItem = feed.items.find((i) => i.campaign.id === news)!;
    const mustItem = feed.items.find((i) => i.campaign.id === must)!;
    expect(newsItem).toMatchObject({ subject: 'Willkommen NameD1', read: false, must_read: false });
    expect(mustItem).toMatchObject({ subject: 'Pflicht NameD1', must_read: true, acknowledged: false });
    expect(feed.pinned.map((i) => i.id)).toEqual([mustItem.id]);
    // Earlier tests of this file sent D1 other feed messages too.
    const unread = feed.unread;
    expect(unread).toBeGreaterThanOrEqual(2);

    const read = (id: number, caller = d1) => t.app.inject({ method: 'POST', url: `/api/v1/feed/${id}/read`, headers: caller.headers });
    const ack = (id: number, caller = d1) => t.app.inject({ method: 'POST', url: `/api/v1/feed/${id}/acknowledge`, headers: caller.headers });
    expect((await read(newsItem.id)).statusCode).toBe(204);
    expect((await read(newsItem.id)).statusCode).toBe(204);
    expect((await feedOf(d1)).unread).toBe(unread - 1);
    const notMust = await ack(newsItem.id);
    expect(notMust.statusCode).toBe(409);
    expect(notMust.json<{ code: string }>().code).toBe('feed.not_must_read');
    expect((await Promise.all([ack(mustItem.id), ack(mustItem.id)])).map((r) => r.statusCode)).toEqual([204, 204]);
    const after = await feedOf(d1);
    expect(after.pinned).toEqual([]);
    expect(after.unread).toBe(unread - 2);
    expect(after.items.find((i) => i.id === mustItem.id)).toMatchObject({ acknowledged: true, read: true });
    const events = await sql<{ type: string; campaign_id: number }>`
      SELECT type, campaign_id FROM events WHERE person_id = ${await personId('D1')} AND campaign_id IN (${news}, ${must}) ORDER BY id`.execute(t.database.db);
    expect(events.rows.map((e) => [e.type, e.campaign_id])).toEqual([
      ['opened', news],
      ['acknowledged', must],
    ]);

    // Someone else's item is not there for this person; a user without a person has an empty feed.
    const e1 = await signIn(t, 'employee', await personId('E1'));
    expect((await read(newsItem.id, e1)).json<{ code: string }>().code).toBe('feed.not_found');
    expect((await ack(mustItem.id, e1)).statusCode).toBe(404);
    expect(await feedOf(employee)).toEqual({ unread: 0, pinned: [], items: [], next_cursor: null });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/feed' })).statusCode).toBe(401);
  }, 60_000);
});
