// The survey scheduler (ADR 0029) on a weekly anonymous pulse, with the test clock moved instead of
// waiting: round 1 opens once when two runs race, its invitation (a copy of the survey's campaign) goes
// to the survey's audience, the reminder after 24 hours only to whoever has not answered, rounds 2 and
// 3 follow and the trend shows all three, nothing opens after `until`; one-off surveys close when due
// and CAMPAIGN_APPROVAL holds an invitation back until someone approves it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signIn, startTestRuntime, type TestRuntime } from '../../testing/test-runtime.js';
import { startSmtpSink, type SmtpSink } from '../../testing/smtp-sink.js';
import { mailTo } from '../../testing/tracked-mail.js';
import { fanOutCampaign, sendCampaignEmail, writeFollowUp } from '../delivery/index.js';
import { FOLLOW_UP_STEPS } from '../campaigns/index.js';
import type { SurveyResults } from '../../../shared/dialogue.js';
import { answer, createSurvey, setUpSurveyWorld, type SurveyWorld, type Who } from './testing/survey-fixtures.js';
import { runSurveyScheduler } from './pulse-rounds.service.js';

let t: TestRuntime;
let world: SurveyWorld;
let now = new Date('2026-11-02T07:00:00Z');
const T0 = Date.parse('2026-11-02T08:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ms: number) => (now = new Date(T0 + ms));
const run = (config = t.config) => runSurveyScheduler({ db: t.database.db, config, jobs: t.jobs, clock: () => now });
const rows = async <R>(query: ReturnType<typeof sql<R>>) => (await query.execute(t.database.db)).rows;
const EVERYONE = { field: 'department', op: 'in', value: ['Ops', 'Sales'] };
let pulse: number;
let sink: SmtpSink;
let template: number;

const roundCampaign = async (round: number) =>
  Number((await rows(sql<{ campaign_id: number }>`SELECT campaign_id FROM survey_rounds WHERE survey_id = ${pulse} AND round = ${round}`))[0]!.campaign_id);
const recipients = async (campaignId: number, steps: 'first' | 'follow-ups') =>
  (
    await rows(
      sql<{ external_id: string }>`SELECT DISTINCT p.external_id FROM deliveries d JOIN people p ON p.id = d.person_id
        WHERE d.campaign_id = ${campaignId} AND ${steps === 'first' ? sql`d.step = 0` : sql`d.step > 0`} ORDER BY 1`,
    )
  ).map((r) => r.external_id);
const answerAll = async (who: Who[], nps: number[]) => {
  for (const [i, w] of who.entries()) {
    const res = await answer(t, world.callers[w], pulse, { mood: 'good', nps: nps[i] });
    expect(res.statusCode, res.body).toBe(201);
  }
};

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await startTestRuntime({
    clock: () => now,
    env: { SMTP_URL: sink.url, MAIL_FROM: 'Comms <comms@acme.example>', PUBLIC_URL: 'https://resonance.acme.example' },
  });
  world = await setUpSurveyWorld(t);
  // The invitation: by e-mail and in the feed, to Ops (the survey asks Sales as well).
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    headers: world.communicator.headers,
    payload: {
      name: 'Pulse invitation',
      audience: { field: 'department', op: 'eq', value: 'Ops' },
      default_language: 'en',
      variants: [{ key: 'all', default: true, channels: ['email', 'feed'], content: { en: { subject: 'How are you?', body: 'Tell us in the pulse.' } } }],
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  template = created.json<{ id: number }>().id;
  pulse = await createSurvey(t, world.communicator, {
    kind: 'pulse',
    anonymous: true,
    audience: EVERYONE,
    campaign: template,
    schedule: { every: 'week', starts_at: new Date(T0).toISOString(), until: '2026-11-16', reminder_after_hours: 24 },
  });
});

afterAll(async () => {
  await t?.close();
  await sink?.close();
});

describe('the survey scheduler', () => {
  it('opens round 1 once when two runs race, and sends a copy of the campaign to the survey’s audience', async () => {
    expect((await run()).opened).toEqual([]);
    at(60_000);
    const outcomes = await Promise.all([run(), run()]);
    expect(outcomes.flatMap((o) => o.opened)).toEqual([{ survey: pulse, round: 1, campaign: expect.any(Number) }]);
    expect(outcomes.flatMap((o) => o.invited)).toHaveLength(1);
    expect(await rows(sql`SELECT round FROM survey_rounds WHERE survey_id = ${pulse}`)).toEqual([{ round: 1 }]);
    const copy = await roundCampaign(1);
    const campaigns = await rows(
      sql<{ id: number; name: string; status: string }>`SELECT id, name, status FROM campaigns WHERE name LIKE 'Pulse invitation%' ORDER BY id`,
    );
    expect(campaigns.map((c) => [Number(c.id), c.name, c.status])).toEqual([
      [template, 'Pulse invitation', 'draft'],
      [copy, 'Pulse invitation · #1', 'sending'],
    ]);
    await fanOutCampaign({ db: t.database.db, config: t.config, clock: () => now, campaignId: copy });
    // The campaign was for Ops; the survey, and so its invitation, is for Sales as well.
    expect(await recipients(copy, 'first')).toEqual(['ANNA', 'BERT', 'CARL', 'DORA', 'EMIL', 'SALLY']);
    const before = sink.messages.length;
    await sendCampaignEmail({ db: t.database.db, config: t.config, clock: () => now, campaignId: copy });
    expect(sink.messages.slice(before).map(mailTo).sort()).toEqual(['anna', 'bert', 'carl', 'dora', 'emil', 'sally'].map((n) => `${n}@survey.example`));
  });

  it('reminds only those who have not answered, once, after reminder_after_hours', async () => {
    at(2 * HOUR);
    await answerAll(['ANNA', 'BERT', 'CARL', 'DORA', 'EMIL'], [10, 10, 9, 7, 3]);
    at(23 * HOUR);
    expect((await run()).reminded).toEqual([]);
    at(25 * HOUR);
    const copy = await roundCampaign(1);
    const outcomes = await Promise.all([run(), run()]);
    expect(outcomes.flatMap((o) => o.reminded)).toEqual([copy]);
    const followUps = (await rows(sql<{ follow_ups: { condition: string }[] }>`SELECT follow_ups FROM campaigns WHERE id = ${copy}`))[0]!.follow_ups;
    const index = followUps.findIndex((f) => f.condition === 'not_responded');
    expect(index).toBeGreaterThanOrEqual(0);
    await writeFollowUp({ db: t.database.db, config: t.config, clock: () => now, campaignId: copy, index, round: 0 });
    expect(await recipients(copy, 'follow-ups')).toEqual(['SALLY']);
    const before = sink.messages.length;
    await sendCampaignEmail({ db: t.database.db, config: t.config, clock: () => now, campaignId: copy });
    expect(sink.messages.slice(before).map((m) => [mailTo(m), m.subject])).toEqual([['sally@survey.example', 'Reminder: How are you?']]);
    const steps = await rows(sql<{ step: number }>`SELECT DISTINCT step FROM deliveries WHERE campaign_id = ${copy} AND step > 0`);
    expect(steps).toEqual([{ step: 1 + index * FOLLOW_UP_STEPS }]);
  });

  it('opens rounds 2 and 3 a week apart, shows the trend over the three, and none after until', async () => {
    at(7 * DAY + 60_000);
    expect((await run()).opened).toEqual([{ survey: pulse, round: 2, campaign: expect.any(Number) }]);
    const first = await rows(sql<{ closes_at: Date }>`SELECT closes_at FROM survey_rounds WHERE survey_id = ${pulse} AND round = 1`);
    expect(first[0]!.closes_at.toISOString()).toBe(new Date(T0 + 7 * DAY).toISOString());
    await answerAll(['ANNA', 'BERT', 'CARL', 'DORA', 'SALLY'], [10, 6, 6, 6, 8]);
    at(14 * DAY + 60_000);
    expect((await run()).opened).toEqual([{ survey: pulse, round: 3, campaign: expect.any(Number) }]);
    await answerAll(['ANNA', 'BERT', 'CARL', 'EMIL', 'SALLY'], [10, 10, 10, 10, 10]);

    const res = await t.app.inject({ method: 'GET', url: `/api/v1/surveys/${pulse}/results`, headers: world.communicator.headers });
    expect(res.statusCode, res.body).toBe(200);
    const trend = res.json<SurveyResults>().trend.map(({ round, responses, enps }) => ({ round, responses, enps }));
    expect(trend).toEqual([
      { round: 1, responses: 5, enps: 40 },
      { round: 2, responses: 5, enps: -40 },
      { round: 3, responses: 5, enps: 100 },
    ]);

    at(21 * DAY + 60_000);
    expect((await run()).opened).toEqual([]);
    const survey = await rows(sql<{ status: string }>`SELECT status FROM surveys WHERE id = ${pulse}`);
    expect(survey).toEqual([{ status: 'closed' }]);
    expect(await rows(sql`SELECT round FROM survey_rounds WHERE survey_id = ${pulse} AND closes_at IS NULL`)).toEqual([]);
  });

  it('closes a one-off survey when its closes_at comes', async () => {
    at(30 * DAY);
    const id = await createSurvey(t, world.communicator, { closes_at: new Date(T0 + 31 * DAY).toISOString() });
    expect((await run()).closed).toEqual([]);
    at(31 * DAY + 60_000);
    expect((await run()).closed).toEqual([id]);
    expect(await rows(sql`SELECT status FROM surveys WHERE id = ${id}`)).toEqual([{ status: 'closed' }]);
  });

  it('with CAMPAIGN_APPROVAL keeps a round’s invitation a draft until someone approves it', async () => {
    const approving = { ...t.config, CAMPAIGN_APPROVAL: true };
    const id = await createSurvey(t, world.communicator, {
      kind: 'pulse',
      audience: EVERYONE,
      campaign: template,
      schedule: { every: 'month', starts_at: new Date(T0 + 40 * DAY).toISOString() },
    });
    at(40 * DAY + 60_000);
    const opened = (await run(approving)).opened.find((o) => o.survey === id)!;
    expect(opened.round).toBe(1);
    const status = async () => (await rows(sql<{ status: string }>`SELECT status FROM campaigns WHERE id = ${opened.campaign}`))[0]!.status;
    expect(await status()).toBe('draft');
    const approver = await signIn(t, 'communicator');
    const approved = await t.app.inject({ method: 'POST', url: `/api/v1/campaigns/${opened.campaign}/approve`, headers: approver.headers });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await run(approving)).invited).toEqual([opened.campaign]);
    expect(await status()).toBe('sending');
  });
});
