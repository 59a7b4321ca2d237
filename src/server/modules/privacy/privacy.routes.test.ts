// Subject access export, erasure, retention and the audit of individual-level reads, on a real
// database: the export holds the person's rows and nobody else's; erasure leaves every count intact
// and the person gone, and a second erasure is a 404; retention strips old events only; non-admins
// get 403; reading a delivery log writes an audit entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signIn, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { importPeopleRows } from '../people/index.js';
import { applyRetention } from './retention.service.js';

let t: TestRuntime;
let admin: TestCaller;
let communicator: TestCaller;
let employee: TestCaller;
let campaignId: number;
const ids: Record<string, number> = {};
const DAY = 86_400_000;

const person = (id: string, extra: Record<string, unknown> = {}) => ({
  external_id: id,
  email: `${id.toLowerCase()}@x.example`,
  given_name: `Name${id}`,
  family_name: 'F',
  department: 'Ops',
  language: 'en',
  ...extra,
});

const count = async (query: ReturnType<typeof sql>) =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM (${query}) AS x`.execute(t.database.db)).rows[0]!.n;

async function seedActivity(who: string, daysAgo: number) {
  const db = t.database.db;
  const at = new Date(Date.now() - daysAgo * DAY);
  await sql`INSERT INTO events (type, person_id, campaign_id, occurred_at) VALUES ('opened', ${ids[who]}, ${campaignId}, ${at})`.execute(db);
  // The mail open behind it, as the tracking module records it (ADR 0022).
  await sql`
    INSERT INTO tracking_events (delivery_id, campaign_id, person_id, kind, user_agent_class, occurred_at)
    VALUES (0, ${campaignId}, ${ids[who]}, 'open', 'browser', ${at})`.execute(db);
}

beforeAll(async () => {
  t = await startTestRuntime();
  admin = await signIn(t, 'admin');
  communicator = await signIn(t, 'communicator');
  employee = await signIn(t, 'employee');
  await importPeopleRows({
    db: t.database.db,
    rows: [person('BOSS'), person('ANNA', { manager: 'BOSS' }), person('REP', { manager: 'ANNA' }), person('OTHER', { manager: 'BOSS' })].map((value, i) => ({
      line: i + 1,
      value,
    })),
  });
  for (const row of (await sql<{ id: number; external_id: string }>`SELECT id, external_id FROM people`.execute(t.database.db)).rows)
    ids[row.external_id] = Number(row.id);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    headers: communicator.headers,
    payload: {
      name: 'Privacy test',
      audience: { field: 'department', op: 'eq', value: 'Ops' },
      default_language: 'en',
      variants: [{ key: 'all', default: true, channels: ['email'], content: { en: { subject: 'Hello', body: 'Hi' } } }],
    },
  });
  expect(res.statusCode).toBe(201);
  campaignId = res.json<{ id: number }>().id;
  const db = t.database.db;
  for (const who of ['ANNA', 'OTHER', 'REP']) {
    await sql`INSERT INTO deliveries (campaign_id, person_id, channel, variant_key, language, state, message_id, error, sent_at)
      VALUES (${campaignId}, ${ids[who]}, 'email', 'all', 'en', 'sent', ${`<${who}@m>`}, ${`250 ok ${who.toLowerCase()}@x.example`}, now())`.execute(db);
    await sql`INSERT INTO campaign_acknowledgements (campaign_id, person_id, channel) VALUES (${campaignId}, ${ids[who]}, 'email')`.execute(db);
    await seedActivity(who, 1);
  }
  await sql`INSERT INTO deliveries (campaign_id, step, person_id, channel, variant_key, language, state)
    VALUES (${campaignId}, 1, ${ids.ANNA}, 'email', 'all', 'en', 'queued')`.execute(db);
  await sql`INSERT INTO kudos (from_id, to_id, message) VALUES (${ids.ANNA}, ${ids.OTHER}, 'thanks from anna'), (${ids.OTHER}, ${ids.ANNA}, 'thanks to anna')`.execute(
    db,
  );
  await sql`INSERT INTO person_preferences (person_id, quiet_mode) VALUES (${ids.ANNA}, 'off')`.execute(db);
  await sql`INSERT INTO mail_bounces (email, reason) VALUES ('anna@x.example', 'mailbox_full'), ('other@x.example', 'mailbox_full')`.execute(db);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('subject access export', () => {
  it("holds the person's rows and nothing of anyone else's, and is audited", async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/people/${ids.ANNA}/privacy-export`, headers: admin.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ person_id: number; data: Record<string, unknown> }>();
    const { data } = body;
    expect((data.person as { external_id: string }).external_id).toBe('ANNA');
    const deliveries = data.deliveries as { step: number; campaign_name: string }[];
    expect(deliveries.map((d) => d.step).sort()).toEqual([0, 1]);
    expect(deliveries[0]!.campaign_name).toBe('Privacy test');
    expect(data.acknowledgements).toHaveLength(1);
    expect(data.events).toHaveLength(1);
    expect(data.mail_opens_and_clicks).toEqual([expect.objectContaining({ kind: 'open', campaign_id: campaignId })]);
    expect(data.kudos_given).toEqual([expect.objectContaining({ message: 'thanks from anna' })]);
    expect(data.kudos_received).toEqual([expect.objectContaining({ message: 'thanks to anna' })]);
    expect(data.preferences).toEqual(expect.objectContaining({ quiet_mode: 'off' }));
    const text = JSON.stringify(data);
    expect(text).not.toContain('other@x.example');
    expect(text).not.toContain('rep@x.example');
    expect(text).not.toContain('NameOTHER');
    expect(text).not.toContain('password_hash');
    const audit = await count(sql`SELECT 1 FROM audit_log WHERE action = 'privacy.exported' AND target_id = ${String(ids.ANNA)}`);
    expect(audit).toBe(1);
  });

  it('refuses non-admins and unknown people', async () => {
    for (const caller of [communicator, employee]) {
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/people/${ids.ANNA}/privacy-export`, headers: caller.headers })).statusCode).toBe(403);
    }
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/people/999999/privacy-export', headers: admin.headers });
    expect(res.statusCode).toBe(404);
    expect(res.json<{ code: string }>().code).toBe('privacy.person_not_found');
  });
});

describe('the delivery log is individual-level data', () => {
  it('writes an audit entry for each read, naming the campaign', async () => {
    const before = await count(sql`SELECT 1 FROM audit_log WHERE action = 'deliveries.viewed' AND target_id = ${String(campaignId)}`);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${campaignId}/deliveries`, headers: communicator.headers });
    expect(res.statusCode).toBe(200);
    const after = await sql<{ actor: string; detail: { rows: number } }>`
      SELECT actor, detail FROM audit_log WHERE action = 'deliveries.viewed' AND target_id = ${String(campaignId)} ORDER BY id DESC`.execute(t.database.db);
    expect(after.rows.length).toBe(before + 1);
    expect(after.rows[0]!.actor).toMatch(/^communicator-/);
    expect(after.rows[0]!.detail.rows).toBe(4);
  });

  it('writes none when the read is refused', async () => {
    const before = await count(sql`SELECT 1 FROM audit_log WHERE action = 'deliveries.viewed'`);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${campaignId}/deliveries`, headers: employee.headers })).statusCode).toBe(403);
    expect(await count(sql`SELECT 1 FROM audit_log WHERE action = 'deliveries.viewed'`)).toBe(before);
  });
});

describe('erasure', () => {
  it('needs an admin and a confirmation', async () => {
    const url = `/api/v1/people/${ids.ANNA}/erase`;
    expect((await t.app.inject({ method: 'POST', url, headers: communicator.headers, payload: { confirm: true } })).statusCode).toBe(403);
    const unconfirmed = await t.app.inject({ method: 'POST', url, headers: admin.headers, payload: { confirm: false } });
    expect(unconfirmed.statusCode).toBe(400);
    expect(JSON.stringify(unconfirmed.json())).toContain('/confirm');
    expect(await count(sql`SELECT 1 FROM people WHERE id = ${ids.ANNA}`)).toBe(1);
  });

  it('removes the person and keeps the counts; a second call is a 404', async () => {
    const sentBefore = await count(sql`SELECT 1 FROM deliveries WHERE campaign_id = ${campaignId} AND state = 'sent'`);
    const opensBefore = await count(sql`SELECT 1 FROM events WHERE campaign_id = ${campaignId} AND type = 'opened'`);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/people/${ids.ANNA}/erase`, headers: admin.headers, payload: { confirm: true } });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ counts: Record<string, number> }>().counts).toMatchObject({
      people_deleted: 1,
      unsent_deliveries_deleted: 1,
      events_anonymised: 1,
      tracking_events_anonymised: 1,
      reports_moved: 1,
    });

    expect(await count(sql`SELECT 1 FROM people WHERE id = ${ids.ANNA} OR email = 'anna@x.example'`)).toBe(0);
    expect(await count(sql`SELECT 1 FROM deliveries WHERE campaign_id = ${campaignId} AND state = 'sent'`)).toBe(sentBefore);
    expect(await count(sql`SELECT 1 FROM deliveries WHERE campaign_id = ${campaignId} AND person_id IS NULL AND error IS NULL`)).toBe(1);
    expect(await count(sql`SELECT 1 FROM events WHERE campaign_id = ${campaignId} AND type = 'opened'`)).toBe(opensBefore);
    expect(await count(sql`SELECT 1 FROM events WHERE person_id IS NULL`)).toBe(1);
    expect(await count(sql`SELECT 1 FROM tracking_events WHERE campaign_id = ${campaignId} AND person_id IS NULL`)).toBe(1);
    expect(await count(sql`SELECT 1 FROM kudos WHERE message LIKE '%anna%'`)).toBe(0);
    expect(await count(sql`SELECT 1 FROM mail_bounces`)).toBe(1);
    expect(await count(sql`SELECT 1 FROM deliveries WHERE error LIKE '%anna%'`)).toBe(0);
    // Nobody else lost anything; ANNA's report now reports to BOSS, with a path that no longer names her.
    expect(await count(sql`SELECT 1 FROM deliveries WHERE person_id = ${ids.OTHER}`)).toBe(1);
    expect(await count(sql`SELECT 1 FROM campaign_acknowledgements WHERE person_id = ${ids.OTHER}`)).toBe(1);
    const rep = (await sql<{ manager_id: number; org_path: number[] }>`SELECT manager_id, org_path FROM people WHERE id = ${ids.REP}`.execute(t.database.db))
      .rows[0]!;
    expect(Number(rep.manager_id)).toBe(ids.BOSS);
    expect(rep.org_path.map(Number)).toEqual([ids.BOSS, ids.REP]);
    const boss = (await sql<{ direct_reports: number }>`SELECT direct_reports FROM people WHERE id = ${ids.BOSS}`.execute(t.database.db)).rows[0]!;
    expect(boss.direct_reports).toBe(2);
    // The delivery log still lists the sent mail, without a person.
    const log = await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${campaignId}/deliveries`, headers: communicator.headers });
    expect(log.json<{ items: { person: { external_id: string | null } }[] }>().items.filter((d) => d.person.external_id === null)).toHaveLength(1);

    expect(await count(sql`SELECT 1 FROM audit_log WHERE action = 'privacy.erased' AND target_id = ${String(ids.ANNA)}`)).toBe(1);
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/people/${ids.ANNA}/erase`, headers: admin.headers, payload: { confirm: true } });
    expect(again.statusCode).toBe(404);
    expect(await count(sql`SELECT 1 FROM audit_log WHERE action = 'privacy.erased'`)).toBe(1);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/people/${ids.ANNA}/privacy-export`, headers: admin.headers })).statusCode).toBe(404);
  });
});

describe('retention', () => {
  it('strips the person from events and finished deliveries older than the retention only, and again changes nothing', async () => {
    const db = t.database.db;
    await seedActivity('OTHER', 400);
    await seedActivity('OTHER', 396);
    await seedActivity('OTHER', 394);
    await sql`UPDATE deliveries SET queued_at = now() - interval '400 days' WHERE person_id = ${ids.REP}`.execute(db);
    const eventsBefore = await count(sql`SELECT 1 FROM events`);
    const first = await applyRetention({ db, retentionDays: 395, now: new Date(), batchSize: 1 });
    // Two activity events and the two mail opens behind them.
    expect(first).toMatchObject({ events_stripped: 4, deliveries_minimised: 1 });
    expect(await count(sql`SELECT 1 FROM tracking_events WHERE person_id = ${ids.OTHER}`)).toBe(2);
    expect(await count(sql`SELECT 1 FROM events`)).toBe(eventsBefore);
    expect(await count(sql`SELECT 1 FROM events WHERE person_id = ${ids.OTHER}`)).toBe(2);
    expect(await count(sql`SELECT 1 FROM events WHERE person_id IS NOT NULL AND occurred_at < now() - interval '395 days'`)).toBe(0);
    expect(await count(sql`SELECT 1 FROM deliveries WHERE person_id = ${ids.REP}`)).toBe(0);
    expect(await count(sql`SELECT 1 FROM deliveries WHERE person_id = ${ids.OTHER}`)).toBe(1);
    const second = await applyRetention({ db, retentionDays: 395, now: new Date() });
    expect(second).toEqual({ events_stripped: 0, deliveries_minimised: 0, bounces_deleted: 0, referrals_cleared: 0 });
  });
});

describe('privacy summary', () => {
  it('gives the live settings to admins and communicators, not to employees', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/privacy/summary', headers: communicator.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      tracking_mode: 'individual',
      min_group: 5,
      retention_days: 395,
      individual_data_roles: ['admin', 'communicator'],
      privacy_admin_roles: ['admin'],
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/privacy/summary', headers: employee.headers })).statusCode).toBe(403);
  });
});
