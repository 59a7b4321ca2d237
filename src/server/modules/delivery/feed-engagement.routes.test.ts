// Feed engagement (issue 10, ADR 0025) through the signed-in API: a read reports its dwell and the
// server buckets it (glanced < 4 s, skimmed < 10 s, read); a link followed from a feed item is named by
// its index in the campaign's message and answered with the campaign's own target, a document being a
// download and any other link a CTA click. Each respects the campaign's effective tracking mode: off
// stores nothing, aggregate no person and no activity, individual both. Someone else's item is a 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signIn, bearer, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { importPeopleRows } from '../people/index.js';
import { mailTracking } from '../tracking/index.js';
import { fanOutCampaign } from './index.js';

let t: TestRuntime;
let communicator: TestCaller;
let reader: TestCaller;
let other: TestCaller;
let readerId: number;

const BODY =
  'See [the plan](https://intranet.acme.example/plan) and [the policy](https://intranet.acme.example/docs/Policy.PDF?v=2), or [us](mailto:c@acme.example).';
const TARGETS = ['https://intranet.acme.example/plan', 'https://intranet.acme.example/docs/Policy.PDF?v=2', 'https://intranet.acme.example/go'];

type Item = { id: number; html: string; campaign: { id: number } };

/** A feed campaign with `tracking` sent to Feed department (by e-mail too with `email`); the reader's item of it. */
async function sendFeed(name: string, tracking: string | null, email = false): Promise<{ campaignId: number; item: Item }> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    headers: communicator.headers,
    payload: {
      name,
      audience: { field: 'department', op: 'eq', value: 'Feed' },
      default_language: 'en',
      tracking,
      variants: [
        {
          key: 'all',
          default: true,
          channels: email ? ['email', 'feed'] : ['feed'],
          content: { en: { subject: name, body: BODY, cta_label: 'Go', cta_url: TARGETS[2] } },
        },
      ],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const campaignId = res.json<{ id: number }>().id;
  await sql`UPDATE campaigns SET status = 'scheduled' WHERE id = ${campaignId}`.execute(t.database.db);
  await fanOutCampaign({ db: t.database.db, config: t.config, clock: () => new Date(), campaignId });
  const feed = (await t.app.inject({ method: 'GET', url: '/api/v1/feed?limit=50', headers: reader.headers })).json<{ items: Item[] }>();
  const item = feed.items.find((i) => i.campaign.id === campaignId);
  expect(item).toBeDefined();
  return { campaignId, item: item! };
}

const postRead = (id: number, payload: unknown, caller: TestCaller | null = reader) =>
  t.app.inject({ method: 'POST', url: `/api/v1/feed/${id}/reads`, headers: caller?.headers ?? {}, payload: payload as Record<string, unknown> });
const postClick = (id: number, payload: unknown, caller: TestCaller | null = reader) =>
  t.app.inject({ method: 'POST', url: `/api/v1/feed/${id}/clicks`, headers: caller?.headers ?? {}, payload: payload as Record<string, unknown> });

type Row = {
  delivery_id: string;
  person_id: string | null;
  kind: string;
  link_index: number | null;
  dwell_ms: number | null;
  dwell_bucket: string | null;
  machine: boolean;
  user_agent_class: string;
};
const eventsOf = async (campaignId: number) =>
  (
    await sql<Row>`SELECT delivery_id, person_id, kind, link_index, dwell_ms, dwell_bucket, machine, user_agent_class FROM tracking_events
      WHERE campaign_id = ${campaignId} ORDER BY id`.execute(t.database.db)
  ).rows.map((r) => ({ ...r, delivery_id: Number(r.delivery_id), person_id: r.person_id === null ? null : Number(r.person_id) }));
const activities = async (campaignId: number) =>
  (
    await sql<{ type: string; person_id: string | null }>`SELECT type, person_id FROM events WHERE campaign_id = ${campaignId} ORDER BY id`.execute(
      t.database.db,
    )
  ).rows.map((r) => [r.type, r.person_id === null ? null : Number(r.person_id)]);

beforeAll(async () => {
  t = await startTestRuntime();
  const rows = ['R1', 'R2'].map((id, i) => ({
    line: i + 1,
    value: { external_id: id, email: `${id.toLowerCase()}@x.example`, given_name: id, family_name: 'F', department: 'Feed', language: 'en' },
  }));
  expect((await importPeopleRows({ db: t.database.db, rows })).errors).toEqual([]);
  const ids = (await sql<{ id: string; external_id: string }>`SELECT id, external_id FROM people WHERE external_id IN ('R1', 'R2')`.execute(t.database.db))
    .rows;
  readerId = Number(ids.find((r) => r.external_id === 'R1')!.id);
  communicator = await bearer(t, 'communicator');
  reader = await signIn(t, 'employee', readerId);
  other = await signIn(t, 'employee', Number(ids.find((r) => r.external_id === 'R2')!.id));
}, 60_000);
afterAll(async () => {
  await t?.close();
});

describe('feed reads', () => {
  it('bucket the dwell on the server at the edges, keep every read, and are no activity of their own', async () => {
    const { campaignId, item } = await sendFeed('Dwell edges', 'individual');
    for (const dwell of [0, 3999, 4000, 9999, 10000, 3_600_000]) expect((await postRead(item.id, { dwell_ms: dwell })).statusCode).toBe(204);
    const events = await eventsOf(campaignId);
    expect(events.map((e) => [e.dwell_ms, e.dwell_bucket])).toEqual([
      [0, 'glanced'],
      [3999, 'glanced'],
      [4000, 'skimmed'],
      [9999, 'skimmed'],
      [10000, 'read'],
      [3_600_000, 'read'],
    ]);
    for (const e of events)
      expect(e).toMatchObject({ delivery_id: item.id, person_id: readerId, kind: 'read', link_index: null, machine: false, user_agent_class: 'browser' });
    expect(await activities(campaignId)).toEqual([]);
    // The person's subject access export lists their reads with the dwell.
    const admin = await bearer(t, 'admin');
    const exported = await t.app.inject({ method: 'GET', url: `/api/v1/people/${readerId}/privacy-export`, headers: admin.headers });
    expect(exported.statusCode).toBe(200);
    const listed = exported.json<{
      data: { mail_opens_and_clicks: { campaign_id: number | string; kind: string; dwell_ms: number; dwell_bucket: string }[] };
    }>().data;
    expect(listed.mail_opens_and_clicks.filter((e) => Number(e.campaign_id) === campaignId).map((e) => [e.kind, e.dwell_ms, e.dwell_bucket])).toContainEqual([
      'read',
      9999,
      'skimmed',
    ]);
  });

  it('refuse a dwell outside 0 ms to 1 hour, or not a whole number, with a pointer to it', async () => {
    const { campaignId, item } = await sendFeed('Bad dwell', 'individual');
    for (const payload of [{ dwell_ms: -1 }, { dwell_ms: 3_600_001 }, { dwell_ms: 1.5 }, { dwell_ms: '5000' }, {}]) {
      const res = await postRead(item.id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json<{ errors: { pointer: string }[] }>().errors.map((e) => e.pointer)).toContain('/dwell_ms');
    }
    expect((await postRead(item.id, { dwell_ms: 5000, person_id: 1 })).statusCode).toBe(400);
    expect(await eventsOf(campaignId)).toEqual([]);
  });

  it("are the signed-in person's own only: someone else's item or an unknown one is a 404, no session a 401", async () => {
    const { campaignId, item } = await sendFeed('Not yours', 'individual');
    const res = await postRead(item.id, { dwell_ms: 5000 }, other);
    expect(res.statusCode).toBe(404);
    expect(res.json<{ code: string }>().code).toBe('feed.not_found');
    expect((await postClick(item.id, { link: 0 }, other)).statusCode).toBe(404);
    expect((await postRead(987654, { dwell_ms: 5000 })).statusCode).toBe(404);
    // An API token has no person: nothing of anyone's feed.
    expect((await postRead(item.id, { dwell_ms: 5000 }, communicator)).statusCode).toBe(404);
    expect((await postRead(item.id, { dwell_ms: 5000 }, null)).statusCode).toBe(401);
    expect((await postClick(item.id, { link: 0 }, null)).statusCode).toBe(401);
    expect(await eventsOf(campaignId)).toEqual([]);
  });
});

describe('links followed from the feed', () => {
  it("are named by their index in the card's HTML, answered with the campaign's own target, a document as a download", async () => {
    const { campaignId, item } = await sendFeed('Clicks', 'individual');
    // The card marks the campaign's links in message order (body links, then the CTA); mailto is not one.
    const marked = [...item.html.matchAll(/<a[^>]*href="([^"]+)"[^>]*data-link="(\d+)"/g)].map((m) => [Number(m[2]), m[1]!.replace(/&amp;/g, '&')]);
    expect(marked).toEqual(TARGETS.map((url, i) => [i, url]));
    expect(item.html).toContain('href="mailto:c@acme.example"');

    const answers = [];
    for (const link of [0, 1, 2]) {
      const res = await postClick(item.id, { link });
      expect(res.statusCode).toBe(200);
      answers.push(res.json());
    }
    expect(answers).toEqual([
      { kind: 'cta', url: TARGETS[0] },
      { kind: 'download', url: TARGETS[1] },
      { kind: 'cta', url: TARGETS[2] },
    ]);
    // No address is taken from the request: an index the message lacks is a 404, a URL is refused.
    const missing = await postClick(item.id, { link: 3 });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ code: string }>().code).toBe('feed.link_not_found');
    expect((await postClick(item.id, { link: 0, url: 'https://evil.example' })).statusCode).toBe(400);
    expect((await postClick(item.id, { link: -1 })).statusCode).toBe(400);

    const events = await eventsOf(campaignId);
    expect(events.map((e) => [e.kind, e.link_index, e.dwell_bucket, e.dwell_ms])).toEqual([
      ['cta', 0, null, null],
      ['download', 1, null, null],
      ['cta', 2, null, null],
    ]);
    for (const e of events) expect(e).toMatchObject({ delivery_id: item.id, person_id: readerId, machine: false, user_agent_class: 'browser' });
    // Each is the person's click, as an e-mail click is.
    expect(await activities(campaignId)).toEqual([
      ['clicked', readerId],
      ['clicked', readerId],
      ['clicked', readerId],
    ]);
  });
});

describe('the tracking mode', () => {
  it('aggregate: reads and clicks are kept without the person, and neither they nor marking read become an activity', async () => {
    const { campaignId, item } = await sendFeed('Aggregate feed', 'aggregate');
    expect((await postRead(item.id, { dwell_ms: 12_000 })).statusCode).toBe(204);
    expect((await postClick(item.id, { link: 1 })).json()).toEqual({ kind: 'download', url: TARGETS[1] });
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/feed/${item.id}/read`, headers: reader.headers })).statusCode).toBe(204);
    expect((await eventsOf(campaignId)).map((e) => [e.kind, e.person_id, e.dwell_bucket, e.link_index])).toEqual([
      ['read', null, 'read', null],
      ['download', null, null, 1],
    ]);
    expect(await activities(campaignId)).toEqual([]);
  });

  it('off: nothing is stored, the link still leads to its target, and marking read is no activity', async () => {
    const { campaignId, item } = await sendFeed('Off feed', 'off');
    expect((await postRead(item.id, { dwell_ms: 12_000 })).statusCode).toBe(204);
    expect((await postClick(item.id, { link: 0 })).json()).toEqual({ kind: 'cta', url: TARGETS[0] });
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/feed/${item.id}/read`, headers: reader.headers })).statusCode).toBe(204);
    expect(await eventsOf(campaignId)).toEqual([]);
    expect(await activities(campaignId)).toEqual([]);
  });

  it("the deployment's mode when the campaign sets none (individual here): marking read is the person's opened", async () => {
    const { campaignId, item } = await sendFeed('Default feed', null);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/feed/${item.id}/read`, headers: reader.headers })).statusCode).toBe(204);
    expect((await postRead(item.id, { dwell_ms: 4000 })).statusCode).toBe(204);
    expect((await eventsOf(campaignId)).map((e) => [e.kind, e.person_id, e.dwell_bucket])).toEqual([['read', readerId, 'skimmed']]);
    expect(await activities(campaignId)).toEqual([['opened', readerId]]);
  });
});

describe('an e-mail click later found to be a scanner’s', () => {
  it('does not take back the clicked activity while a feed click of the same person and campaign still supports it', async () => {
    const { campaignId, item } = await sendFeed('Mail and feed', 'individual', true);
    const mail = (
      await sql<{ id: string }>`SELECT id FROM deliveries WHERE campaign_id = ${campaignId} AND person_id = ${readerId} AND channel = 'email'`.execute(
        t.database.db,
      )
    ).rows[0]!;
    const links = await mailTracking({ db: t.database.db, config: t.config, deliveryId: Number(mail.id), linkCount: TARGETS.length });
    const hit = (url: string) =>
      t.app.inject({ method: 'GET', url: new URL(url).pathname, headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0' } });
    expect((await hit(links.links[0]!)).statusCode).toBe(302);
    expect((await postClick(item.id, { link: 2 })).statusCode).toBe(200);
    // The honeypot marks the mail's click as a machine's; the feed click is the person's own.
    expect((await hit(links.honeypot)).statusCode).toBe(204);
    expect((await eventsOf(campaignId)).map((e) => [e.kind, e.machine])).toEqual([
      ['click', true],
      ['cta', false],
      ['honeypot', true],
    ]);
    expect((await activities(campaignId)).filter(([type]) => type === 'clicked').length).toBeGreaterThan(0);
  });
});
