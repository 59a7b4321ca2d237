// Campaign reports (DESIGN §3.4–3.5, ADR 0024) over real HTTP and a real SMTP server: people open the
// mail (the pixel), click, read in the feed and acknowledge; a bot and a HEAD request open too; the
// rollup job's run writes the rollups the report reads. Machine opens are counted apart, groups smaller
// than k are null (and so are the groups a margin would give away), who still needs a reminder is
// listed by name only in individual mode (audited), and the reminder goes to them alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { ParsedMail } from 'mailparser';
import { bearer, signIn, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { startSmtpSink, type SmtpSink } from '../../testing/smtp-sink.js';
import { BROWSER_UA, firstLinkPathOf, importTeams, mailTo, pixelPathOf, teamEmails } from '../../testing/tracked-mail.js';
import { fanOutCampaign, sendCampaignEmail, writeFollowUp } from '../delivery/index.js';
import type { CampaignReport, PendingPeople } from '../../../shared/analytics.js';
import { rollUpReports } from './rollup.service.js';
import { getCampaignReport } from './report.service.js';

let t: TestRuntime;
let sink: SmtpSink;
let communicator: TestCaller;
let employee: TestCaller;
const BASE = 'https://resonance.acme.example';

// 6 in Sales (en, millennials: their own variant), 5 in Legal (en), 5 in Ops (de), 2 in HR (en): 18.
const TEAMS = [
  { dept: 'Sales', n: 6, language: 'en', birth: 1990 },
  { dept: 'Legal', n: 5, language: 'en', birth: 1970 },
  { dept: 'Ops', n: 5, language: 'de', birth: 1970 },
  { dept: 'HR', n: 2, language: 'en', birth: 1970 },
];
const emails = (dept: string) => teamEmails(TEAMS, dept, 'r.example');

const to = mailTo;
const ctx = () => ({ db: t.database.db, config: t.config, clock: () => new Date() });
const pixelOf = pixelPathOf;
const firstLinkOf = firstLinkPathOf;
const personId = async (email: string) => Number((await sql<{ id: number }>`SELECT id FROM people WHERE email = ${email}`.execute(t.database.db)).rows[0]!.id);

async function createAndSend(input: { name: string; tracking: string | null; kind?: string }): Promise<{ id: number; mails: Map<string, ParsedMail> }> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    headers: communicator.headers,
    payload: {
      name: input.name,
      kind: input.kind ?? 'must_read',
      audience: { field: 'department', op: 'in', value: TEAMS.map((x) => x.dept) },
      default_language: 'en',
      tracking: input.tracking,
      variants: [
        {
          key: 'sales',
          audience: { field: 'department', op: 'eq', value: 'Sales' },
          channels: ['email', 'feed'],
          content: { en: { subject: 'Targets for {{ person.given_name }}', body: 'Read [the targets](https://intranet.acme.example/targets).' } },
        },
        {
          key: 'all',
          default: true,
          channels: ['email', 'feed'],
          content: {
            en: { subject: 'The plan', body: 'Read [the plan](https://intranet.acme.example/plan).' },
            de: { subject: 'Der Plan', body: 'Lies [den Plan](https://intranet.acme.example/plan).' },
          },
        },
      ],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json<{ id: number }>().id;
  const before = sink.messages.length;
  await sql`UPDATE campaigns SET status = 'scheduled' WHERE id = ${id}`.execute(t.database.db);
  await fanOutCampaign({ ...ctx(), campaignId: id });
  await sendCampaignEmail({ ...ctx(), campaignId: id });
  const mails = sink.messages.slice(before).filter((m) => m.headers.get('x-resonance-campaign') === String(id));
  // Everyone in the directory (one person is erased half-way through these tests).
  const people = await sql<{ n: number }>`SELECT count(*)::int AS n FROM people WHERE email LIKE '%@r.example'`.execute(t.database.db);
  expect(mails).toHaveLength(people.rows[0]!.n);
  return { id, mails: new Map(mails.map((m) => [to(m), m])) };
}

const open = (mail: ParsedMail, options: { ua?: string; method?: 'GET' | 'HEAD' } = {}) =>
  t.app.inject({ method: options.method ?? 'GET', url: pixelOf(mail)!, headers: { 'user-agent': options.ua ?? BROWSER_UA }, remoteAddress: '10.9.8.7' });
const click = (mail: ParsedMail) => t.app.inject({ method: 'GET', url: firstLinkOf(mail)!, headers: { 'user-agent': BROWSER_UA }, remoteAddress: '10.9.8.7' });

/** The employee's feed item of the campaign, as that person. */
async function asPerson(email: string): Promise<{ caller: TestCaller; feedItem: number }> {
  const caller = await signIn(t, 'employee', await personId(email));
  const feed = await t.app.inject({ method: 'GET', url: '/api/v1/feed', headers: caller.headers });
  expect(feed.statusCode, feed.body).toBe(200);
  const items = feed.json<{ items: { id: number }[] }>().items;
  return { caller, feedItem: items[0]!.id };
}

const report = async (id: number, by = 'variant') => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${id}/report?by=${by}`, headers: communicator.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CampaignReport>();
};

/** A rollup run as the job does it, at a moment when every event so far has settled. */
const rollUp = () => rollUpReports({ db: t.database.db, config: t.config, now: new Date(Date.now() + 5 * 60_000) });

let tracked: { id: number; mails: Map<string, ParsedMail> };

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await startTestRuntime({ env: { SMTP_URL: sink.url, MAIL_FROM: 'Comms <comms@acme.example>', PUBLIC_URL: BASE } });
  await importTeams(t.database.db, TEAMS, 'r.example', 'R');
  communicator = await bearer(t, 'communicator');
  employee = await bearer(t, 'employee');

  tracked = await createAndSend({ name: 'Q4 targets', tracking: 'individual' });
  const mail = (email: string) => tracked.mails.get(email)!;
  // Four in Sales open the mail, one of them clicks; a bot opens a Legal mail, a HEAD request another.
  for (const email of emails('Sales').slice(0, 4)) expect((await open(mail(email))).statusCode).toBe(200);
  expect((await click(mail('sales0@r.example'))).statusCode).toBe(302);
  expect((await open(mail('legal0@r.example'), { ua: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' })).statusCode).toBe(200);
  expect((await open(mail('legal1@r.example'), { method: 'HEAD' })).statusCode).toBe(200);
  // In Ops one reads it in the feed, another acknowledges it there.
  const reader = await asPerson('ops0@r.example');
  expect((await t.app.inject({ method: 'POST', url: `/api/v1/feed/${reader.feedItem}/read`, headers: reader.caller.headers })).statusCode).toBe(204);
  const acknowledger = await asPerson('ops1@r.example');
  const ack = await t.app.inject({ method: 'POST', url: `/api/v1/feed/${acknowledger.feedItem}/acknowledge`, headers: acknowledger.caller.headers });
  expect(ack.statusCode, ack.body).toBe(204);
  await rollUp();
}, 120_000);
afterAll(async () => {
  await t?.close();
  await sink?.close();
});

describe('a campaign report', () => {
  it('counts people reached, their opens, clicks and acknowledgements, with machine opens apart', async () => {
    const r = await report(tracked.id);
    expect(r).toMatchObject({
      campaign_id: tracked.id,
      tracking: 'individual',
      k: 5,
      recipients: 18,
      delivered: 18,
      // Four mail opens, a feed read and an acknowledgement (reading it is the point of acknowledging).
      unique_opens: 6,
      unique_clicks: 1,
      machine_opens: 2,
      machine_clicks: 0,
      acknowledged: 1,
    });
    expect(r.computed_at).not.toBeNull();
    expect(r.median_time_to_open_seconds).toBeGreaterThanOrEqual(0);
    // The contract's by_variant: variant × language, each ≥ k here.
    expect(r.by_variant).toEqual([
      { variant: 'all', language: 'de', recipients: 5, unique_opens: 2, unique_clicks: 0 },
      { variant: 'all', language: 'en', recipients: 7, unique_opens: 0, unique_clicks: 0 },
      { variant: 'sales', language: 'en', recipients: 6, unique_opens: 4, unique_clicks: 1 },
    ]);
    // Per channel: everyone got both; the opens happened on their own channel.
    expect(r.by_channel.map((c) => [c.channel, c.recipients, c.unique_opens])).toEqual([
      ['email', 18, 4],
      ['feed', 18, 2],
    ]);
    // Series: one hour bucket with all six first opens (fewer than k in a bucket would be null).
    expect(r.series).toHaveLength(1);
    expect(r.series[0]).toMatchObject({ hours: 1, opens: 6, clicks: null });
  });

  it('hides a group smaller than k, and the next smallest so the total minus the rest does not give it away', async () => {
    const r = await report(tracked.id, 'department');
    const by = Object.fromEntries(r.breakdown.groups.map((g) => [g.key.department, g.recipients]));
    expect(by).toEqual({ HR: null, Legal: null, Ops: 5, Sales: 6 });
    const hr = r.breakdown.groups.find((g) => g.key.department === 'HR')!;
    expect(hr).toMatchObject({ unique_opens: null, acknowledged: null, reads: { glanced: null, skimmed: null, read: null } });
  });

  it('applies the same to a breakdown by two dimensions, margins included', async () => {
    const r = await report(tracked.id, 'department,generation');
    expect(r.breakdown.by).toEqual(['generation', 'department']);
    const cells = Object.fromEntries(r.breakdown.groups.map((g) => [`${g.key.generation}/${g.key.department}`, g.recipients]));
    expect(cells).toEqual({ 'gen_x/HR': null, 'gen_x/Legal': null, 'gen_x/Ops': 5, 'millennial/Sales': 6 });
  });

  it('serves the breakdown as CSV, hidden figures empty, and audits the export', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${tracked.id}/report.csv?by=department`, headers: communicator.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe('department,recipients,delivered,unique_opens,unique_clicks,acknowledged,quiz_passed,quiz_failed,glanced,skimmed,read');
    expect(lines).toContain('HR,,,,,,,,,,');
    expect(lines).toContain('Sales,6,6,4,1,0,0,0,0,0,0');
    const audit = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'reports.exported'`.execute(t.database.db);
    expect(audit.rows[0]!.n).toBe(1);
  });

  it('refuses a dimension it does not know (400 naming it), an unknown campaign (404) and an employee (403)', async () => {
    const bad = await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${tracked.id}/report?by=variant,salary`, headers: communicator.headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ errors: [{ code: 'report.unknown_dimension', params: { dimension: 'salary' } }] });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/campaigns/999999/report', headers: communicator.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${tracked.id}/report`, headers: employee.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${tracked.id}/report` })).statusCode).toBe(401);
  });

  it('rewrites a campaign 30 times at once (the job and "update now" meeting) without an error, to the same figures', async () => {
    const before = await report(tracked.id);
    const runs = await Promise.all(
      Array.from({ length: 30 }, () => t.app.inject({ method: 'POST', url: `/api/v1/campaigns/${tracked.id}/report/refresh`, headers: communicator.headers })),
    );
    expect(runs.map((r) => r.statusCode)).toEqual(Array.from({ length: 30 }, () => 200));
    const after = await report(tracked.id);
    expect([after.recipients, after.unique_opens, after.unique_clicks, after.by_variant]).toEqual([
      before.recipients,
      before.unique_opens,
      before.unique_clicks,
      before.by_variant,
    ]);
  });

  it('lets only campaign readers refresh, export or list who needs a reminder, and only senders remind', async () => {
    for (const [method, url] of [
      ['POST', `/api/v1/campaigns/${tracked.id}/report/refresh`],
      ['GET', `/api/v1/campaigns/${tracked.id}/report.csv`],
      ['GET', `/api/v1/campaigns/${tracked.id}/report/pending`],
    ] as const) {
      expect((await t.app.inject({ method, url, headers: employee.headers })).statusCode, url).toBe(403);
      expect((await t.app.inject({ method, url })).statusCode, url).toBe(401);
    }
  });

  it('keeps the counts of a person who is erased afterwards', async () => {
    const before = await report(tracked.id);
    const erased = await personId('sales3@r.example');
    const admin = await bearer(t, 'admin');
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/people/${erased}/erase`, headers: admin.headers, payload: { confirm: true } });
    expect(res.statusCode, res.body).toBe(200);
    await t.app.inject({ method: 'POST', url: `/api/v1/campaigns/${tracked.id}/report/refresh`, headers: communicator.headers });
    const after = await report(tracked.id);
    expect([after.recipients, after.unique_opens, after.delivered]).toEqual([before.recipients, before.unique_opens, before.delivered]);
  });
});

describe('who still needs a reminder', () => {
  it('lists the people who have not opened it, by name, and audits the view', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/campaigns/${tracked.id}/report/pending?condition=not_acknowledged`,
      headers: communicator.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const pending = res.json<PendingPeople>();
    // 18 minus the one who acknowledged, minus the one erased since.
    expect(pending.total).toBe(16);
    expect(pending.items.map((p) => p.display_name)).not.toContain('Ops1 R');
    expect(pending.items.map((p) => p.display_name)).toContain('Legal0 R');
    const audit = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'reports.pending_viewed'`.execute(t.database.db);
    expect(audit.rows[0]!.n).toBeGreaterThanOrEqual(1);
  });

  it('sends a reminder to them alone, and the report shows what it achieved', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${tracked.id}/reminders`,
      headers: communicator.headers,
      payload: { condition: 'not_opened', subject: { en: 'In case you missed it', de: 'Falls Sie es verpasst haben' } },
    });
    expect(res.statusCode, res.body).toBe(202);
    const { follow_up, step } = res.json<{ follow_up: number; step: number }>();
    // The job writes the reminder's deliveries (run here as the worker would).
    const before = sink.messages.length;
    await writeFollowUp({ ...ctx(), campaignId: tracked.id, index: follow_up, round: 0 });
    await sendCampaignEmail({ ...ctx(), campaignId: tracked.id });
    const reminded = sink.messages.slice(before).map(to).sort();
    const opened = await sql<{ email: string }>`SELECT DISTINCT p.email FROM events e JOIN people p ON p.id = e.person_id
      WHERE e.campaign_id = ${tracked.id} AND e.type = 'opened'`.execute(t.database.db);
    expect(reminded.length).toBeGreaterThan(0);
    for (const { email } of opened.rows) expect(reminded).not.toContain(email);
    expect(reminded).toContain('legal0@r.example');
    expect(sink.messages.slice(before).find((m) => to(m) === 'ops4@r.example')?.subject).toBe('Falls Sie es verpasst haben');
    // Five Legal people open the reminder: the follow-up's effect.
    for (const email of emails('Legal')) {
      const reminder = sink.messages.slice(before).find((m) => to(m) === email)!;
      expect((await open(reminder)).statusCode).toBe(200);
    }
    await rollUp();
    const r = await report(tracked.id);
    expect(r.follow_ups).toEqual([{ step, follow_up, round: 0, sent: reminded.length, opened_after: 5, clicked_after: 0, acknowledged_after: 0 }]);
  });

  it('is refused where the campaign is not tracked per person, and for a reminder without a subject in the default language', async () => {
    const aggregate = await createAndSend({ name: 'Aggregate only', tracking: 'aggregate' });
    const pending = await t.app.inject({
      method: 'GET',
      url: `/api/v1/campaigns/${aggregate.id}/report/pending?condition=not_opened`,
      headers: communicator.headers,
    });
    expect(pending.statusCode).toBe(409);
    expect(pending.json()).toMatchObject({ code: 'report.needs_individual_tracking', params: { mode: 'aggregate', condition: 'not_opened' } });
    const reminder = await t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${aggregate.id}/reminders`,
      headers: communicator.headers,
      payload: { condition: 'not_opened', subject: { en: 'Hello?' } },
    });
    expect(reminder.statusCode).toBe(409);
    // Acknowledging is a person's own declaration: that reminder is allowed in aggregate mode too.
    const noSubject = await t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${aggregate.id}/reminders`,
      headers: communicator.headers,
      payload: { condition: 'not_acknowledged', subject: { de: 'Bitte bestätigen' } },
    });
    expect(noSubject.statusCode).toBe(400);
    expect(noSubject.json()).toMatchObject({ errors: [{ pointer: '/subject/en', code: 'report.reminder_subject_missing' }] });
    const employeeTry = await t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${aggregate.id}/reminders`,
      headers: employee.headers,
      payload: { condition: 'not_acknowledged', subject: { en: 'Please' } },
    });
    expect(employeeTry.statusCode).toBe(403);
  });

  it('still counts opens in aggregate mode, without knowing whose', async () => {
    const aggregate = await createAndSend({ name: 'Aggregate counted', tracking: 'aggregate' });
    for (const email of emails('Ops')) expect((await open(aggregate.mails.get(email)!)).statusCode).toBe(200);
    await rollUp();
    const r = await report(aggregate.id);
    expect(r).toMatchObject({ tracking: 'aggregate', recipients: 17, unique_opens: 5 });
    const stored = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM tracking_events WHERE campaign_id = ${aggregate.id} AND person_id IS NOT NULL`.execute(t.database.db);
    expect(stored.rows[0]!.n).toBe(0);
  });

  it('shows no engagement for a campaign whose tracking is off, and switches with the deployment mode', async () => {
    const inherited = await createAndSend({ name: 'Deployment mode', tracking: null });
    for (const email of emails('Legal')) expect((await open(inherited.mails.get(email)!)).statusCode).toBe(200);
    await rollUp();
    expect(await report(inherited.id)).toMatchObject({ tracking: 'individual', unique_opens: 5 });
    // The deployment switches to off mid-campaign: what tracking counted is no longer shown.
    const off = await getCampaignReport({ db: t.database.db, config: { ...t.config, TRACKING_MODE: 'off' }, id: inherited.id, by: ['variant'] });
    expect(off).toMatchObject({ tracking: 'off', recipients: 17, unique_opens: null, unique_clicks: null, acknowledged: 0, series: [] });
  });
});
