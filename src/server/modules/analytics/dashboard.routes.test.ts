// The organisation dashboard (DESIGN §3.4–3.5, ADR 0024) over real HTTP, from real campaigns: they are
// created, fanned out and sent to a real SMTP server, people open and click, a leader releases a
// cascade, and the rollup job's run writes the rollups the dashboard reads. Figures a campaign report
// hides stay hidden (a small department and the department that would give it away), a campaign of
// fewer than k people is left out, the period filters by first send, the CSV is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { ParsedMail } from 'mailparser';
import { bearer, signIn, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { startSmtpSink, type SmtpSink } from '../../testing/smtp-sink.js';
import { BROWSER_UA, firstLinkPathOf, importTeams, mailTo, pixelPathOf, teamEmails } from '../../testing/tracked-mail.js';
import { fanOutCampaign, sendCampaignEmail } from '../delivery/index.js';
import type { Dashboard } from '../../../shared/analytics.js';
import { rollUpReports } from './rollup.service.js';
import { isoWeek } from './dashboard.service.js';

let t: TestRuntime;
let sink: SmtpSink;
let communicator: TestCaller;
let employee: TestCaller;
const BASE = 'https://resonance.acme.example';
const DAY = 86_400_000;

// 6 in Sales (millennials; sales0 leads the other five), 5 in Legal, 5 in Ops, 2 in HR (generation X): 18.
const TEAMS = [
  { dept: 'Sales', n: 6, birth: 1990 },
  { dept: 'Legal', n: 5, birth: 1970 },
  { dept: 'Ops', n: 5, birth: 1970 },
  { dept: 'HR', n: 2, birth: 1970 },
];
const emails = (dept: string) => teamEmails(TEAMS, dept, 'd.example');

const to = mailTo;
const ctx = () => ({ db: t.database.db, config: t.config, clock: () => new Date() });
const pixelOf = pixelPathOf;
const firstLinkOf = firstLinkPathOf;
const personId = async (email: string) => Number((await sql<{ id: number }>`SELECT id FROM people WHERE email = ${email}`.execute(t.database.db)).rows[0]!.id);
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

type Sent = { id: number; mails: Map<string, ParsedMail> };

async function createAndSend(input: { name: string; departments: string[]; mails: number; cascade?: boolean; tracking?: string }): Promise<Sent> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    headers: communicator.headers,
    payload: {
      name: input.name,
      kind: 'must_read',
      audience: { field: 'department', op: 'in', value: input.departments },
      default_language: 'en',
      tracking: input.tracking ?? 'individual',
      variants: [
        {
          key: 'all',
          default: true,
          channels: ['email', 'feed'],
          content: { en: { subject: input.name, body: 'Read [the plan](https://intranet.acme.example/plan).' } },
        },
      ],
      ...(input.cascade ? { cascade: { deadline: new Date(Date.now() + DAY).toISOString(), talking_points: { en: 'Talk about the plan.' } } } : {}),
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json<{ id: number }>().id;
  await sql`UPDATE campaigns SET status = 'scheduled' WHERE id = ${id}`.execute(t.database.db);
  await fanOutCampaign({ ...ctx(), campaignId: id });
  await sendCampaignEmail({ ...ctx(), campaignId: id });
  const mails = sink.messages.filter((m) => m.headers.get('x-resonance-campaign') === String(id));
  expect(mails).toHaveLength(input.mails);
  return { id, mails: new Map(mails.map((m) => [to(m), m])) };
}

const open = (sent: Sent, email: string) =>
  t.app.inject({ method: 'GET', url: pixelOf(sent.mails.get(email)!)!, headers: { 'user-agent': BROWSER_UA }, remoteAddress: '10.9.8.7' });
const click = (sent: Sent, email: string) =>
  t.app.inject({ method: 'GET', url: firstLinkOf(sent.mails.get(email)!)!, headers: { 'user-agent': BROWSER_UA }, remoteAddress: '10.9.8.7' });

const overview = async (query: string, caller = communicator) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/analytics/overview?${query}`, headers: caller.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Dashboard>();
};

const now = Date.now();
const WHOLE = `from=${dateOf(now - 30 * DAY)}&to=${dateOf(now + DAY)}`;
let earlier: Sent;
let townHall: Sent;
let tiny: Sent;
let cascade: Sent;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await startTestRuntime({ env: { SMTP_URL: sink.url, MAIL_FROM: 'Comms <comms@acme.example>', PUBLIC_URL: BASE } });
  await importTeams(t.database.db, TEAMS, 'd.example', 'D', (team, i) => (team.dept === 'Sales' && i > 0 ? { manager: 'sales0@d.example' } : {}));
  communicator = await bearer(t, 'communicator');
  employee = await bearer(t, 'employee');
  const all = TEAMS.map((x) => x.dept);

  // Two weeks ago (its sends moved back before the rollup reads them): four in Sales open, one in Legal.
  earlier = await createAndSend({ name: 'Q4 targets', departments: all, mails: 18 });
  await sql`UPDATE deliveries SET sent_at = sent_at - interval '14 days' WHERE campaign_id = ${earlier.id}`.execute(t.database.db);
  for (const email of [...emails('Sales').slice(0, 4), 'legal0@d.example']) expect((await open(earlier, email)).statusCode).toBe(200);
  // This week: two in Ops open, one in Sales opens and clicks.
  townHall = await createAndSend({ name: 'Town hall', departments: all, mails: 18 });
  for (const email of ['ops0@d.example', 'ops1@d.example', 'sales4@d.example']) expect((await open(townHall, email)).statusCode).toBe(200);
  expect((await click(townHall, 'sales4@d.example')).statusCode).toBe(302);
  // Two people in HR: fewer than k, and one of them opens.
  tiny = await createAndSend({ name: 'HR only', departments: ['HR'], mails: 2 });
  expect((await open(tiny, 'hr0@d.example')).statusCode).toBe(200);
  // A cascade in Sales: sales0 is briefed (and gets it, leading nobody above), the five wait for them.
  cascade = await createAndSend({ name: 'Sales cascade', departments: ['Sales'], mails: 2, cascade: true });
  const leader = await signIn(t, 'employee', await personId('sales0@d.example'));
  const release = await t.app.inject({ method: 'POST', url: `/api/v1/briefings/${cascade.id}/release`, headers: leader.headers, payload: {} });
  expect(release.statusCode, release.body).toBe(200);
  await sendCampaignEmail({ ...ctx(), campaignId: cascade.id });

  await rollUpReports({ db: t.database.db, config: t.config, now: new Date(Date.now() + 5 * 60_000) });
}, 120_000);
afterAll(async () => {
  await t?.close();
  await sink?.close();
});

describe('the organisation dashboard', () => {
  it('sums the campaigns of the period, leaving out one of fewer than k people', async () => {
    const d = await overview(`${WHOLE}&by=department`);
    expect(d).toMatchObject({ by: 'department', k: 5 });
    // 18 + 18 + 6 recipients; the two in HR only are left out. Opens: 5 + 3 + 0.
    expect(d.totals).toMatchObject({ campaigns: 4, campaigns_hidden: 1, recipients: 42, unique_opens: 8, unique_clicks: 1, acknowledged: 0 });
    expect(d.totals.open_rate).toBeCloseTo(8 / 42, 6);
    expect(d.totals.click_rate).toBeCloseTo(1 / 42, 6);
    const rows = Object.fromEntries(d.campaigns.map((c) => [c.name, [c.recipients, c.unique_opens, c.open_rate]]));
    expect(rows).toEqual({ 'Q4 targets': [18, 5, 5 / 18], 'Town hall': [18, 3, 3 / 18], 'HR only': [null, null, null], 'Sales cascade': [6, 0, 0] });
    expect(d.campaigns[0]!.name).toBe('Q4 targets');
    expect(d.computed_at).not.toBeNull();
  });

  it('hides a small department and the one that would give it away, as the campaign reports do', async () => {
    const d = await overview(`${WHOLE}&by=department`);
    const groups = Object.fromEntries(d.groups.map((g) => [g.group, [g.recipients, g.unique_opens, g.open_rate, g.campaigns, g.hidden_in]]));
    expect(groups).toEqual({
      HR: [null, null, null, 3, 3],
      Legal: [null, null, null, 2, 2],
      Ops: [10, 2, 0.2, 2, 0],
      Sales: [18, 5, 5 / 18, 3, 0],
    });
    // The campaign report by department shows the same per campaign: nothing here subtracts to HR.
    const report = await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${townHall.id}/report?by=department`, headers: communicator.headers });
    const shown = report.json<{ breakdown: { groups: { key: { department: string }; recipients: number | null }[] } }>().breakdown.groups;
    expect(Object.fromEntries(shown.map((g) => [g.key.department, g.recipients]))).toEqual({ HR: null, Legal: null, Ops: 5, Sales: 6 });
    // The heatmap: every HR and Legal cell hidden, Ops and Sales shown week by week.
    const cells = Object.fromEntries(d.cells.map((c) => [`${c.group}/${c.week}`, c.recipients]));
    const [then, thisWeek] = [isoWeek(new Date(now - 14 * DAY)).week, isoWeek(new Date(now)).week];
    expect(cells).toEqual({
      [`HR/${then}`]: null,
      [`HR/${thisWeek}`]: null,
      [`Legal/${then}`]: null,
      [`Legal/${thisWeek}`]: null,
      [`Ops/${then}`]: 5,
      [`Ops/${thisWeek}`]: 5,
      [`Sales/${then}`]: 6,
      [`Sales/${thisWeek}`]: 12,
    });
    expect(d.cells.find((c) => c.group === 'Ops' && c.week === thisWeek)!.open_rate).toBeCloseTo(0.4, 6);
  });

  it('breaks down by generation, where every group is large enough', async () => {
    const d = await overview(`${WHOLE}&by=generation`);
    expect(d.groups.map((g) => [g.group, g.recipients, g.unique_opens])).toEqual([
      ['gen_x', 24, 3],
      ['millennial', 18, 5],
    ]);
  });

  it('has a week for every ISO week of the period, and the leaders taking part', async () => {
    const d = await overview(`${WHOLE}&by=department`);
    const weeks = new Set<string>();
    for (let day = now - 30 * DAY; day <= now + DAY; day += DAY) weeks.add(isoWeek(new Date(dateOf(day))).week);
    expect(d.weeks.map((w) => w.week)).toEqual([...weeks]);
    const byWeek = Object.fromEntries(d.weeks.filter((w) => w.campaigns > 0).map((w) => [w.week, [w.campaigns, w.recipients, w.unique_opens, w.leaders]]));
    expect(byWeek).toEqual({ [isoWeek(new Date(now - 14 * DAY)).week]: [1, 18, 5, 0], [isoWeek(new Date(now)).week]: [3, 24, 3, 1] });
    expect(d.leaders).toEqual({ campaigns: 1, leaders: 1, briefed: 1, released: 1, on_time: 1, by_deadline: 0, participation: 1 });
    expect(d.campaigns.find((c) => c.name === 'Sales cascade')!.leaders).toEqual({ leaders: 1, on_time: 1, participation: 1 });
  });

  it('counts only the campaigns first sent in the period', async () => {
    const before = await overview(`from=${dateOf(now - 20 * DAY)}&to=${dateOf(now - 7 * DAY)}&by=department`);
    expect(before.campaigns.map((c) => c.name)).toEqual(['Q4 targets']);
    expect(before.totals).toMatchObject({ campaigns: 1, recipients: 18, unique_opens: 5 });
    const later = await overview(`from=${dateOf(now - 6 * DAY)}&to=${dateOf(now + DAY)}&by=department`);
    expect(later.campaigns.map((c) => c.name).sort()).toEqual(['HR only', 'Sales cascade', 'Town hall']);
    const none = await overview(`from=${dateOf(now - 400 * DAY)}&to=${dateOf(now - 300 * DAY)}`);
    expect(none).toMatchObject({ by: 'department', computed_at: null, totals: { campaigns: 0, recipients: 0, open_rate: null }, groups: [], cells: [] });
    // Without a period: the last 90 days.
    const recent = await overview('');
    expect(recent.to).toBe(dateOf(Date.now()));
    expect(recent.totals.campaigns).toBe(4);
  });

  it('serves the same as CSV, hidden figures empty, and audits the export', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/analytics/overview.csv?${WHOLE}&by=department`, headers: communicator.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe(
      'section,campaign_id,campaign,first_sent_at,department,week,campaigns,recipients,delivered,unique_opens,unique_clicks,acknowledged,open_rate,click_rate,acknowledged_rate,leaders,leaders_on_time,leader_participation',
    );
    expect(lines[1]).toBe('total,,,,,,4,42,42,8,1,0,0.1905,0.0238,0.0000,1,1,1.0000');
    expect(lines).toContain('group,,,,HR,,3,,,,,,,,,,,');
    expect(lines).toContain('group,,,,Ops,,2,10,10,2,0,0,0.2000,0.0000,0.0000,,,');
    expect(lines.filter((l) => l.startsWith('campaign,'))).toHaveLength(4);
    const audit = await sql<{ detail: Record<string, string> }>`SELECT detail FROM audit_log WHERE action = 'dashboard.exported'`.execute(t.database.db);
    expect(audit.rows.map((r) => r.detail)).toEqual([{ from: dateOf(now - 30 * DAY), to: dateOf(now + DAY), by: 'department' }]);
  });

  it('leaves opens and their rates empty, not zero, for a campaign that is not tracked', async () => {
    const untracked = await createAndSend({ name: 'Untracked', departments: ['Sales', 'Ops'], mails: 11, tracking: 'off' });
    await sql`UPDATE deliveries SET sent_at = sent_at - interval '200 days' WHERE campaign_id = ${untracked.id}`.execute(t.database.db);
    await rollUpReports({ db: t.database.db, config: t.config, now: new Date(Date.now() + 5 * 60_000) });
    const d = await overview(`from=${dateOf(now - 210 * DAY)}&to=${dateOf(now - 190 * DAY)}&by=department`);
    expect(d.totals).toMatchObject({ campaigns: 1, recipients: 11, unique_opens: null, open_rate: null, click_rate: null, acknowledged_rate: 0 });
    expect(d.campaigns).toMatchObject([{ name: 'Untracked', tracking: 'off', recipients: 11, unique_opens: null, open_rate: null }]);
    expect(d.groups.map((g) => [g.group, g.recipients, g.open_rate])).toEqual([
      ['Ops', 5, null],
      ['Sales', 6, null],
    ]);
  });

  it('refuses an unknown breakdown, a reversed or too long period and a malformed date (400), an employee (403), no one (401)', async () => {
    const ask = (query: string, caller?: TestCaller) =>
      t.app.inject({ method: 'GET', url: `/api/v1/analytics/overview?${query}`, ...(caller ? { headers: caller.headers } : {}) });
    const by = await ask('by=salary', communicator);
    expect(by.statusCode).toBe(400);
    expect(by.json()).toMatchObject({ errors: [{ code: 'dashboard.unknown_grouping', params: { by: 'salary' } }] });
    const reversed = await ask('from=2026-12-10&to=2026-12-01', communicator);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json()).toMatchObject({
      errors: [{ pointer: '/from', code: 'dashboard.period_reversed', params: { from: '2026-12-10', to: '2026-12-01' } }],
    });
    const long = await ask('from=2020-01-01&to=2026-01-01', communicator);
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ errors: [{ code: 'dashboard.period_too_long', params: { maximum: 731 } }] });
    const malformed = await ask('from=2026-13-45', communicator);
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ errors: [{ pointer: '/from' }] });
    expect((await ask(WHOLE, employee)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/analytics/overview.csv', headers: employee.headers })).statusCode).toBe(403);
    expect((await ask(WHOLE)).statusCode).toBe(401);
  });
});
