// A/B tests of subject lines inside a variant (ADR 0021), over a real SMTP server on loopback: a test
// share of the variant's recipients gets the lines in turn, the rest waits; the first sender past the
// decision time picks the line with the best unique open rate, once, even with two senders at once, and
// everyone who waited gets it; the report shows each line's figures, none of a group smaller than k.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { ParsedMail } from 'mailparser';
import { bearer, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { startSmtpSink, type SmtpSink } from '../../testing/smtp-sink.js';
import { importPeopleRows } from '../people/index.js';
import { fanOutCampaign, sendCampaignEmail } from './send-campaign.service.js';
import { pickWinner } from './subject-tests.service.js';

let t: TestRuntime;
let sink: SmtpSink;
let communicator: TestCaller;
let employee: TestCaller;

const PEOPLE = 40;
const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address ?? '';

const campaign = (name: string, subjectTest: Record<string, unknown> | null, extra: Record<string, unknown> = {}) => ({
  name,
  audience: { field: 'department', op: 'eq', value: 'Test' },
  default_language: 'en',
  variants: [
    {
      key: 'all',
      default: true,
      channels: ['email'],
      content: {
        en: { subject: 'Our plan, {{ person.given_name }}', body: 'Read it.' },
        de: { subject: 'Unser Plan, {{ person.given_name }}', body: 'Lies es.' },
      },
      subject_test: subjectTest,
    },
  ],
  ...extra,
});

const create = async (payload: Record<string, unknown>) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/campaigns', headers: communicator.headers, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number }>().id;
};
const ctx = () => ({ db: t.database.db, config: t.config, clock: () => new Date() });
const mailsOf = (id: number, after = 0) => sink.messages.slice(after).filter((m) => m.headers.get('x-resonance-campaign') === String(id));

/** Sends the campaign's fan-out as the worker would once its time has come. */
async function fannedOut(id: number): Promise<void> {
  await sql`UPDATE campaigns SET status = 'scheduled' WHERE id = ${id}`.execute(t.database.db);
  expect(await fanOutCampaign({ ...ctx(), campaignId: id })).toEqual({ email: true, chat: false });
}

/** The decision time has come: what waited is due now. */
const decisionTimeComes = (id: number) =>
  sql`UPDATE deliveries SET next_attempt_at = now() WHERE campaign_id = ${id} AND subject_option = -1`.execute(t.database.db);

const opened = (id: number, addresses: string[]) =>
  sql`INSERT INTO events (type, person_id, campaign_id) SELECT 'opened', id, ${id} FROM people WHERE email = ANY(${addresses}::text[])`.execute(t.database.db);

type Report = {
  items: Array<{
    variant: string;
    decided_at: string | null;
    decide_at: string | null;
    winner: number | null;
    decision: string | null;
    options: Array<{ option: number; subject: string; sent: number | null; unique_opens: number | null; open_rate: number | null }>;
  }>;
};
const report = async (id: number, caller = communicator) =>
  t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${id}/subject-tests`, headers: caller.headers });

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await startTestRuntime({ env: { SMTP_URL: sink.url, MAIL_FROM: 'Comms <comms@acme.example>', PUBLIC_URL: 'https://resonance.acme.example' } });
  const rows = Array.from({ length: PEOPLE }, (_, i) => ({
    line: i + 1,
    value: {
      external_id: `P${i}`,
      email: `p${i}@x.example`,
      given_name: `Name${i}`,
      family_name: 'F',
      department: 'Test',
      language: i % 4 === 0 ? 'de' : 'en',
    },
  }));
  expect((await importPeopleRows({ db: t.database.db, rows })).errors).toEqual([]);
  communicator = await bearer(t, 'communicator');
  employee = await bearer(t, 'employee');
}, 60_000);
afterAll(async () => {
  await t?.close();
  await sink?.close();
});

describe('saving a subject test', () => {
  it('refuses a test without e-mail, without lines for a language of the content, with uneven lines or an unknown variable, each at its pointer', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/campaigns',
      headers: communicator.headers,
      payload: {
        name: 'Bad tests',
        audience: { field: 'department', op: 'eq', value: 'Test' },
        default_language: 'en',
        variants: [
          {
            key: 'feed-only',
            audience: { field: 'language', op: 'eq', value: 'de' },
            channels: ['feed'],
            content: { en: { subject: 'A', body: 'B' } },
            subject_test: { subjects: { en: ['Other'] } },
          },
          {
            key: 'all',
            default: true,
            channels: ['email'],
            content: { en: { subject: 'A', body: 'B' }, de: { subject: 'A', body: 'B' }, nl: { subject: 'A', body: 'B' } },
            subject_test: { subjects: { en: ['One', 'Two {{ person.birth_year }}'], de: ['Eins'], fr: ['Un', 'Deux'] } },
          },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    const problems = res.json<{ errors: Array<{ pointer: string; code: string; params: Record<string, unknown> }> }>().errors;
    expect(problems.map((p) => [p.pointer, p.code, p.params])).toEqual(
      expect.arrayContaining([
        ['/variants/0/subject_test', 'campaign.subject_test_needs_email', { variant: 'feed-only' }],
        ['/variants/1/subject_test/subjects', 'campaign.subject_test_language_missing', { variant: 'all', language: 'nl' }],
        ['/variants/1/subject_test/subjects/de', 'campaign.subject_test_count_mismatch', { variant: 'all', language: 'de', count: 2 }],
        ['/variants/1/subject_test/subjects/fr', 'campaign.subject_test_language_unknown', { variant: 'all', language: 'fr' }],
        ['/variants/1/subject_test/subjects/en/1', 'campaign.unknown_variable', { variable: 'person.birth_year' }],
      ]),
    );
    const tooMany = await t.app.inject({
      method: 'POST',
      url: '/api/v1/campaigns',
      headers: communicator.headers,
      payload: campaign('Too many', { subjects: { en: ['1', '2', '3', '4'], de: ['1', '2', '3', '4'] }, share_percent: 80 }),
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json<{ errors: Array<{ pointer: string }> }>().errors.map((e) => e.pointer)).toEqual(
      expect.arrayContaining(['/variants/0/subject_test/subjects/en', '/variants/0/subject_test/share_percent']),
    );
  });

  it('keeps the test with the campaign, its defaults filled in', async () => {
    const id = await create(campaign('Kept', { subjects: { en: ['Big news, {{ person.given_name }}'], de: ['Große Neuigkeiten'] } }));
    const saved = (await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${id}`, headers: communicator.headers })).json<{
      variants: Array<{ subject_test: unknown }>;
    }>();
    expect(saved.variants[0]!.subject_test).toEqual({
      subjects: { en: ['Big news, {{ person.given_name }}'], de: ['Große Neuigkeiten'] },
      share_percent: 20,
      decide_after_hours: 4,
    });
  });
});

describe('running a subject test', () => {
  it('sends the lines to the test share only, then the winner by unique open rate to everyone else, once each', async () => {
    const id = await create(
      campaign('Plan', { subjects: { en: ['Big news, {{ person.given_name }}'], de: ['Große Neuigkeiten, {{ person.given_name }}'] }, share_percent: 25 }),
    );
    const before = sink.messages.length;
    await fannedOut(id);
    // Running the fan-out again (a retried job) changes nobody's line.
    const lines = async () =>
      (
        await sql<{
          person_id: number;
          subject_option: number;
        }>`SELECT person_id, subject_option FROM deliveries WHERE campaign_id = ${id} ORDER BY person_id`.execute(t.database.db)
      ).rows;
    const split = await lines();
    await sql`UPDATE campaigns SET status = 'scheduled' WHERE id = ${id}`.execute(t.database.db);
    await fanOutCampaign({ ...ctx(), campaignId: id });
    expect(await lines()).toEqual(split);

    const first = await sendCampaignEmail({ ...ctx(), campaignId: id });
    // 25 % of 40: ten mails, five of each line; the others wait about four hours (the default).
    expect(first.sent).toBe(10);
    expect(first.nextDue!.getTime()).toBeGreaterThan(Date.now() + 3.9 * 3_600_000);
    const test = mailsOf(id, before);
    const own = test.filter((m) => /^(Our plan|Unser Plan), Name\d+$/.test(m.subject ?? ''));
    const other = test.filter((m) => /^(Big news|Große Neuigkeiten), Name\d+$/.test(m.subject ?? ''));
    expect([own.length, other.length]).toEqual([5, 5]);
    // The German reader of the other line gets it in German.
    const isGerman = (mail: ParsedMail) => Number(/^p(\d+)@/.exec(to(mail))![1]) % 4 === 0;
    for (const mail of test) expect(/^(Unser Plan|Große Neuigkeiten)/.test(mail.subject!)).toBe(isGerman(mail));

    const running = (await report(id)).json<Report>().items[0]!;
    expect(running).toMatchObject({ variant: 'all', winner: null, decided_at: null });
    expect(running.options.map((o) => [o.subject, o.sent])).toEqual([
      ['Our plan, {{ person.given_name }}', 5],
      ['Big news, {{ person.given_name }}', 5],
    ]);

    // One of five opened the own line, three of five the other.
    await opened(id, [to(own[0]!)]);
    await opened(id, other.slice(0, 3).map(to));
    await decisionTimeComes(id);
    // Two senders reach the waiting mail at once: one winner, nobody twice.
    const [a, b] = await Promise.all([sendCampaignEmail({ ...ctx(), campaignId: id }), sendCampaignEmail({ ...ctx(), campaignId: id })]);
    expect(a.sent + b.sent).toBe(30);
    const rest = mailsOf(id, before).slice(10);
    expect(rest).toHaveLength(30);
    expect(rest.every((m) => /^(Big news|Große Neuigkeiten), Name\d+$/.test(m.subject ?? ''))).toBe(true);
    const all = mailsOf(id, before);
    expect(new Set(all.map(to)).size).toBe(PEOPLE);
    expect(new Set(all.map((m) => m.messageId)).size).toBe(PEOPLE);

    const decided = (await report(id)).json<Report>().items[0]!;
    expect(decided).toMatchObject({ winner: 1, decision: 'higher_open_rate' });
    expect(decided.decided_at).not.toBeNull();
    expect(decided.options.map((o) => [o.option, o.sent, o.unique_opens, o.open_rate])).toEqual([
      [0, 5, 1, 0.2],
      [1, 5, 3, 0.6],
    ]);
    // Opens after the decision change nothing: it stands as made.
    await opened(id, own.slice(1).map(to));
    expect((await report(id)).json<Report>().items[0]).toMatchObject({ winner: 1 });
  });

  it("keeps the content's own line when nobody opened either", async () => {
    const id = await create(campaign('Quiet', { subjects: { en: ['Other line'], de: ['Andere Zeile'] }, share_percent: 10, decide_after_hours: 1 }));
    const before = sink.messages.length;
    await fannedOut(id);
    // 10 % of 40 is four: two per line.
    expect((await sendCampaignEmail({ ...ctx(), campaignId: id })).sent).toBe(4);
    await decisionTimeComes(id);
    expect((await sendCampaignEmail({ ...ctx(), campaignId: id })).sent).toBe(36);
    const rest = mailsOf(id, before).slice(4);
    expect(rest.every((m) => /^(Our plan|Unser Plan), /.test(m.subject ?? ''))).toBe(true);
    const item = (await report(id)).json<Report>().items[0]!;
    expect(item).toMatchObject({ winner: 0, decision: 'no_signal' });
    // Two recipients per line is fewer than k = 5: no figure is shown.
    expect(item.options.map((o) => [o.sent, o.unique_opens, o.open_rate])).toEqual([
      [null, null, null],
      [null, null, null],
    ]);
  });

  it('refuses the report to roles without campaign access and for an unknown campaign', async () => {
    const id = await create(campaign('Nobody may see', { subjects: { en: ['X'], de: ['Y'] } }));
    expect((await report(id, employee)).statusCode).toBe(403);
    expect((await report(987654)).statusCode).toBe(404);
    // Before it is sent the test is planned, not started.
    expect((await report(id)).json<Report>().items[0]).toMatchObject({ decide_at: null, winner: null });
  });
});

describe('picking the winner', () => {
  it('takes the best unique open rate, the earlier line on a tie, and the own line without any open', () => {
    expect(
      pickWinner([
        { option: 0, sent: 10, unique_opens: 2 },
        { option: 1, sent: 4, unique_opens: 2 },
      ]),
    ).toEqual({ winner: 1, decision: 'higher_open_rate' });
    expect(
      pickWinner([
        { option: 0, sent: 10, unique_opens: 5 },
        { option: 1, sent: 4, unique_opens: 2 },
        { option: 2, sent: 6, unique_opens: 1 },
      ]),
    ).toEqual({ winner: 0, decision: 'tie' });
    expect(
      pickWinner([
        { option: 0, sent: 10, unique_opens: 0 },
        { option: 1, sent: 0, unique_opens: 0 },
      ]),
    ).toEqual({ winner: 0, decision: 'no_signal' });
    expect(pickWinner([])).toEqual({ winner: 0, decision: 'no_signal' });
  });
});
