// E-mail opens and clicks (DESIGN §3.4, ADR 0022) over real HTTP and a real SMTP server on loopback:
// the sent mail carries the pixel, its links through /t/c and a hidden honeypot; events are recorded
// once committed; tokens that do not verify are 404 without a redirect; every machine signal is
// flagged with its reason and never becomes a person's open or click; aggregate keeps no person; off
// sends plain mail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { ParsedMail } from 'mailparser';
import { bearer, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { startSmtpSink, type SmtpSink } from '../../testing/smtp-sink.js';
import { tokenSigner } from '../../platform/crypto/signed-token.js';
import { linkSigner } from '../../platform/crypto/link-secret.js';
import { importPeopleRows } from '../people/index.js';
import { fanOutCampaign, sendCampaignEmail, writeFollowUp } from '../delivery/index.js';
import { ensureTrackingPartitions } from './jobs/tracking-partitions.job.js';
import { scannerNetworkOf } from './scanner-networks.js';
import { withoutTrackingPixel } from './tracking-links.js';
import { buildApp } from '../../app.js';

let t: TestRuntime;
let sink: SmtpSink;
let communicator: TestCaller;
let employee: TestCaller;
const BASE = 'https://resonance.acme.example';
const PEOPLE = 4;
const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';

const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address ?? '';
const ctx = () => ({ db: t.database.db, config: t.config, clock: () => new Date() });

/** A sent campaign's mails by address. */
async function sendCampaign(tracking: string | null, name: string): Promise<{ id: number; mails: Map<string, ParsedMail> }> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    headers: communicator.headers,
    payload: {
      name,
      audience: { field: 'department', op: 'eq', value: 'Track' },
      default_language: 'en',
      tracking,
      follow_ups: [{ after_hours: 24, condition: 'not_opened', subject: { en: 'Reminder' } }],
      variants: [
        {
          key: 'all',
          default: true,
          channels: ['email'],
          content: {
            en: {
              subject: 'Plan for {{ person.given_name }}',
              body: 'Read [the plan](https://intranet.acme.example/plan?a=1&b=2) and <https://intranet.acme.example/faq>, or write to [us](mailto:comms@acme.example).',
              cta_label: 'Open',
              cta_url: 'https://intranet.acme.example/go',
            },
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
  expect(mails).toHaveLength(PEOPLE);
  return { id, mails: new Map(mails.map((m) => [to(m), m])) };
}

const hrefs = (mail: ParsedMail) => [...String(mail.html).matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
const pixelOf = (mail: ParsedMail) => String(mail.html).match(/<img src="(https:\/\/[^"]+\/t\/o\/[^"]+)"/)?.[1];
const clickLinks = (mail: ParsedMail) => hrefs(mail).filter((h) => h.includes('/t/c/'));
/** The honeypot is the hidden link with no text. */
const honeypotOf = (mail: ParsedMail) =>
  String(mail.html).match(/<a href="([^"]+\/t\/c\/[^"]+)" style="display:none[^"]*" aria-hidden="true" tabindex="-1"><\/a>/)?.[1];
const visibleLinks = (mail: ParsedMail) => clickLinks(mail).filter((h) => h !== honeypotOf(mail));
const path = (url: string) => url.slice(BASE.length);

const hit = (url: string, options: { method?: 'GET' | 'HEAD'; ua?: string; address?: string } = {}) =>
  t.app.inject({
    method: options.method ?? 'GET',
    url: path(url),
    headers: { 'user-agent': options.ua ?? BROWSER },
    remoteAddress: options.address ?? '10.1.2.3',
  });

type Row = { kind: string; link_index: number | null; machine: boolean; machine_reason: string | null; person_id: number | null; user_agent_class: string };
const eventsOf = async (campaignId: number) =>
  (
    await sql<Row>`SELECT kind, link_index, machine, machine_reason, person_id, user_agent_class FROM tracking_events WHERE campaign_id = ${campaignId} ORDER BY id`.execute(
      t.database.db,
    )
  ).rows.map((r) => ({ ...r, person_id: r.person_id === null ? null : Number(r.person_id) }));
const activities = async (campaignId: number) =>
  (
    await sql<{
      type: string;
      email: string;
    }>`SELECT e.type, p.email FROM events e JOIN people p ON p.id = e.person_id WHERE e.campaign_id = ${campaignId} ORDER BY e.id`.execute(t.database.db)
  ).rows;
const personId = async (email: string) => Number((await sql<{ id: number }>`SELECT id FROM people WHERE email = ${email}`.execute(t.database.db)).rows[0]!.id);

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await startTestRuntime({ env: { SMTP_URL: sink.url, MAIL_FROM: 'Comms <comms@acme.example>', PUBLIC_URL: BASE } });
  const rows = Array.from({ length: PEOPLE }, (_, i) => ({
    line: i + 1,
    value: { external_id: `T${i}`, email: `t${i}@x.example`, given_name: `Name${i}`, family_name: 'F', department: 'Track', language: 'en' },
  }));
  expect((await importPeopleRows({ db: t.database.db, rows })).errors).toEqual([]);
  communicator = await bearer(t, 'communicator');
  employee = await bearer(t, 'employee');
}, 60_000);
afterAll(async () => {
  await t?.close();
  await sink?.close();
});

describe('a tracked mail', () => {
  it('carries a pixel, its body and CTA links through /t/c in order, a hidden honeypot, and leaves mailto and footer links alone', async () => {
    const { mails } = await sendCampaign('individual', 'Tracked mail');
    const mail = mails.get('t0@x.example')!;
    expect(pixelOf(mail)).toMatch(/^https:\/\/resonance\.acme\.example\/t\/o\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(visibleLinks(mail)).toHaveLength(3);
    expect(honeypotOf(mail)).toBeDefined();
    expect(hrefs(mail)).toContain('mailto:comms@acme.example');
    expect(hrefs(mail)).toContain(`${BASE}/preferences`);
    expect(hrefs(mail).filter((h) => h.includes('intranet.acme.example'))).toEqual([]);
    // Each link leads to the campaign's own target, in the order of the message.
    const targets = [];
    for (const link of visibleLinks(mail)) {
      const res = await hit(link);
      expect(res.statusCode).toBe(302);
      targets.push(res.headers.location);
    }
    expect(targets).toEqual(['https://intranet.acme.example/plan?a=1&b=2', 'https://intranet.acme.example/faq', 'https://intranet.acme.example/go']);
    // The outbox shows the copy without the pixel: looking at it is nobody's open.
    const shown = withoutTrackingPixel(String(mail.html));
    expect(shown).not.toContain('/t/o/');
    expect(shown).toContain(honeypotOf(mail)!.replace(/&/g, '&amp;'));
    // Another person's mail has its own tokens.
    expect(pixelOf(mails.get('t1@x.example')!)).not.toBe(pixelOf(mail));
  });

  it('off mode: no pixel, no rewritten links, no honeypot', async () => {
    const { mails } = await sendCampaign('off', 'Untracked mail');
    const mail = mails.get('t0@x.example')!;
    expect(pixelOf(mail)).toBeUndefined();
    expect(clickLinks(mail)).toEqual([]);
    expect(String(mail.html)).not.toContain('/t/o/');
    expect(hrefs(mail)).toContain('https://intranet.acme.example/go');
  });
});

describe('opens and clicks', () => {
  it('records an open and a click once committed, as the person’s opened and clicked activity; a not_opened follow-up skips them', async () => {
    const { id, mails } = await sendCampaign('individual', 'Human reader');
    const mail = mails.get('t0@x.example')!;
    const open = await hit(pixelOf(mail)!);
    expect(open.statusCode).toBe(200);
    expect(open.headers['content-type']).toBe('image/gif');
    expect(open.headers['cache-control']).toContain('no-store');
    expect(open.rawPayload.subarray(0, 6).toString()).toBe('GIF89a');
    // Committed before the answer: visible at once.
    expect(await eventsOf(id)).toEqual([
      { kind: 'open', link_index: null, machine: false, machine_reason: null, person_id: await personId('t0@x.example'), user_agent_class: 'browser' },
    ]);
    const click = await hit(visibleLinks(mail)[1]!);
    expect(click.statusCode).toBe(302);
    expect((await eventsOf(id)).map((e) => [e.kind, e.link_index, e.machine])).toEqual([
      ['open', null, false],
      ['click', 1, false],
    ]);
    expect(await activities(id)).toEqual([
      { type: 'opened', email: 't0@x.example' },
      { type: 'clicked', email: 't0@x.example' },
    ]);
    expect(await writeFollowUp({ ...ctx(), campaignId: id, index: 0, round: 0 })).toMatchObject({ written: PEOPLE - 1 });
  });

  it('tampered, truncated and wrong-purpose tokens are 404 with no Location; a foreign link index too', async () => {
    const { mails } = await sendCampaign('individual', 'Bad tokens');
    const mail = mails.get('t0@x.example')!;
    const click = path(visibleLinks(mail)[0]!);
    const token = click.slice('/t/c/'.length);
    const signer = await linkSigner({ db: t.database.db, secret: t.config.LINK_SECRET });
    const deliveryId = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).d as number;
    const flipped = token.slice(0, 5) + (token[5] === 'A' ? 'B' : 'A') + token.slice(6);
    const cases = [
      `/t/c/${flipped}`,
      `/t/c/${token.slice(0, -3)}`,
      `/t/c/${token.split('.')[0]}`,
      `/t/c/${signer.sign('acknowledge', { d: deliveryId, l: 0 })}`,
      `/t/c/${signer.sign('track-open', { d: deliveryId, l: 0 })}`,
      `/t/c/${signer.sign('track-click', { d: deliveryId, l: 99 })}`,
      `/t/c/${tokenSigner('another-secret-of-at-least-32-characters!').sign('track-click', { d: deliveryId, l: 0 })}`,
      `/t/o/${token}`,
      `/t/o/${signer.sign('acknowledge', { d: deliveryId })}`,
      `/t/c/${signer.sign('track-click', { d: 987654321, l: 0 })}`,
    ];
    for (const url of cases) {
      const res = await t.app.inject({ method: 'GET', url });
      expect([url, res.statusCode, res.headers.location]).toEqual([url, 404, undefined]);
    }
    expect(await eventsOf(Number(mail.headers.get('x-resonance-campaign')))).toEqual([]);
  });
});

describe('machine traffic', () => {
  it('flags HEAD, bot user agents and scanner networks with their reason, and none becomes an activity', async () => {
    const { id, mails } = await sendCampaign('individual', 'Machines');
    const pixel = pixelOf(mails.get('t0@x.example')!)!;
    const head = await hit(pixel, { method: 'HEAD' });
    expect(head.statusCode).toBe(200);
    expect((await hit(pixel, { ua: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' })).statusCode).toBe(200);
    // Microsoft Defender Safe Links / EOP (40.107.0.0/16) and Apple Mail Privacy Protection (17.0.0.0/8).
    expect((await hit(visibleLinks(mails.get('t1@x.example')!)[0]!, { address: '40.107.22.5' })).statusCode).toBe(302);
    expect((await hit(pixelOf(mails.get('t1@x.example')!)!, { address: '::ffff:17.58.1.1' })).statusCode).toBe(200);
    expect((await eventsOf(id)).map((e) => [e.kind, e.machine, e.machine_reason])).toEqual([
      ['open', true, 'head_request'],
      ['open', true, 'bot_user_agent'],
      ['click', true, 'scanner_network'],
      ['open', true, 'scanner_network'],
    ]);
    expect(await activities(id)).toEqual([]);
    // Nobody opened as a person: the not_opened follow-up reaches everyone.
    expect(await writeFollowUp({ ...ctx(), campaignId: id, index: 0, round: 0 })).toMatchObject({ written: PEOPLE });

    const list = await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${id}/machine-events`, headers: communicator.headers });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: Array<{ reason: string; network: string | null }> }>().items.map((e) => [e.reason, e.network])).toEqual([
      ['scanner_network', 'apple_mail_privacy'],
      ['scanner_network', 'microsoft_eop'],
      ['bot_user_agent', null],
      ['head_request', null],
    ]);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${id}/machine-events`, headers: employee.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/99999999/machine-events`, headers: communicator.headers })).statusCode).toBe(404);
  });

  it('behind a trusted proxy, the scanner address comes from X-Forwarded-For', async () => {
    const { id, mails } = await sendCampaign('individual', 'Behind a proxy');
    const proxied = await buildApp({ config: { ...t.config, TRUST_PROXY: ['10.0.0.0/8'] }, database: t.database, jobs: t.jobs });
    try {
      const url = path(pixelOf(mails.get('t0@x.example')!)!);
      const headers = { 'user-agent': BROWSER, 'x-forwarded-for': '40.107.9.9' };
      expect((await proxied.inject({ method: 'GET', url, headers, remoteAddress: '10.9.9.9' })).statusCode).toBe(200);
      // Without the trusted proxy the header is anyone's to set: the socket's address counts.
      expect((await t.app.inject({ method: 'GET', url, headers, remoteAddress: '10.9.9.9' })).statusCode).toBe(200);
    } finally {
      await proxied.close();
    }
    expect((await eventsOf(id)).map((e) => [e.machine, e.machine_reason])).toEqual([
      [true, 'scanner_network'],
      [false, null],
    ]);
  });

  it('a honeypot hit marks the delivery’s clicks within ±30 s as machine and takes back their clicked activity', async () => {
    const { id, mails } = await sendCampaign('individual', 'Honeypot');
    const mail = mails.get('t2@x.example')!;
    expect((await hit(visibleLinks(mail)[0]!)).statusCode).toBe(302);
    expect(await activities(id)).toEqual([{ type: 'clicked', email: 't2@x.example' }]);
    const trap = await hit(honeypotOf(mail)!);
    expect(trap.statusCode).toBe(204);
    expect(trap.headers.location).toBeUndefined();
    // A click after the honeypot, within 30 s, is a machine's too.
    expect((await hit(visibleLinks(mail)[2]!)).statusCode).toBe(302);
    expect((await eventsOf(id)).map((e) => [e.kind, e.machine, e.machine_reason])).toEqual([
      ['click', true, 'honeypot_window'],
      ['honeypot', true, 'honeypot'],
      ['click', true, 'honeypot_window'],
    ]);
    expect(await activities(id)).toEqual([]);
    // Another person's click is untouched.
    expect((await hit(visibleLinks(mails.get('t3@x.example')!)[0]!)).statusCode).toBe(302);
    expect(await activities(id)).toEqual([{ type: 'clicked', email: 't3@x.example' }]);
  });

  it('every link of a message hit within seconds is a scanner’s sweep', async () => {
    const { id, mails } = await sendCampaign('individual', 'Sweep');
    const links = visibleLinks(mails.get('t0@x.example')!);
    for (const link of links) expect((await hit(link)).statusCode).toBe(302);
    expect((await eventsOf(id)).map((e) => [e.link_index, e.machine, e.machine_reason])).toEqual([
      [0, true, 'all_links'],
      [1, true, 'all_links'],
      [2, true, 'all_links'],
    ]);
    expect(await activities(id)).toEqual([]);
  });

  it('a sweep whose clicks arrive together (one group commit) is flagged too, and another person’s lone click in it counts', async () => {
    const { id, mails } = await sendCampaign('individual', 'Sweep at once');
    const swept = visibleLinks(mails.get('t1@x.example')!);
    const answers = await Promise.all([...swept, visibleLinks(mails.get('t2@x.example')!)[1]!].map((u) => hit(u)));
    expect(answers.map((a) => a.statusCode)).toEqual([302, 302, 302, 302]);
    const events = await eventsOf(id);
    const t1 = await personId('t1@x.example');
    expect(events.filter((e) => e.person_id === t1).map((e) => [e.machine, e.machine_reason])).toEqual([
      [true, 'all_links'],
      [true, 'all_links'],
      [true, 'all_links'],
    ]);
    expect(events.filter((e) => !e.machine)).toHaveLength(1);
    expect(await activities(id)).toEqual([{ type: 'clicked', email: 't2@x.example' }]);
  });

  it('concurrent opens and clicks are all committed', async () => {
    const { id, mails } = await sendCampaign('individual', 'Concurrent');
    const urls = [...mails.values()].flatMap((m) => [pixelOf(m)!, pixelOf(m)!, visibleLinks(m)[0]!]);
    const answers = await Promise.all(urls.map((u) => hit(u)));
    expect(answers.every((a) => a.statusCode === 200 || a.statusCode === 302)).toBe(true);
    expect(await eventsOf(id)).toHaveLength(urls.length);
  });
});

describe('aggregate mode', () => {
  it('stores events without a person and records no activity', async () => {
    const { id, mails } = await sendCampaign('aggregate', 'Aggregate');
    const mail = mails.get('t0@x.example')!;
    expect((await hit(pixelOf(mail)!)).statusCode).toBe(200);
    expect((await hit(visibleLinks(mail)[0]!)).statusCode).toBe(302);
    expect((await eventsOf(id)).map((e) => [e.kind, e.person_id, e.machine])).toEqual([
      ['open', null, false],
      ['click', null, false],
    ]);
    expect(await activities(id)).toEqual([]);
  });

  it("counts an old mail's open after its person was erased, without anyone", async () => {
    const { id, mails } = await sendCampaign('individual', 'Erased later');
    const mail = mails.get('t2@x.example')!;
    // What an erasure leaves of the delivery (ADR 0023): the row, without its person.
    await sql`UPDATE deliveries SET person_id = NULL WHERE campaign_id = ${id} AND person_id = (SELECT id FROM people WHERE email = 't2@x.example')`.execute(
      t.database.db,
    );
    expect((await hit(pixelOf(mail)!)).statusCode).toBe(200);
    expect((await eventsOf(id)).map((e) => [e.kind, e.person_id])).toEqual([['open', null]]);
    expect(await activities(id)).toEqual([]);
  });
});

describe('partitions and networks', () => {
  it('creates this and the next months’ partitions once, and rows land in them', async () => {
    const now = new Date(Date.UTC(2031, 10, 15));
    expect(await ensureTrackingPartitions({ db: t.database.db, now, ahead: 2 })).toEqual([
      'tracking_events_2031_11',
      'tracking_events_2031_12',
      'tracking_events_2032_01',
      'events_2031_11',
      'events_2031_12',
      'events_2032_01',
    ]);
    expect(await ensureTrackingPartitions({ db: t.database.db, now, ahead: 2 })).toEqual([]);
    await sql`INSERT INTO tracking_events (delivery_id, campaign_id, kind, user_agent_class, occurred_at) VALUES (1, -1, 'open', 'none', '2031-12-02T00:00:00Z')`.execute(
      t.database.db,
    );
    const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM tracking_events_2031_12`.execute(t.database.db);
    expect(Number(rows.rows[0]!.n)).toBe(1);
    await sql`INSERT INTO events (type, campaign_id, occurred_at) VALUES ('opened', -1, '2032-01-05T00:00:00Z')`.execute(t.database.db);
    const activity = await sql<{ n: number }>`SELECT count(*)::int AS n FROM events_2032_01`.execute(t.database.db);
    expect(Number(activity.rows[0]!.n)).toBe(1);
  });

  it('knows the bundled scanner networks, IPv4-mapped addresses too, and nothing else', () => {
    expect(scannerNetworkOf('40.107.1.2')).toBe('microsoft_eop');
    expect(scannerNetworkOf('::ffff:205.139.110.9')).toBe('mimecast');
    expect(scannerNetworkOf('148.163.130.1')).toBe('proofpoint');
    expect(scannerNetworkOf('209.222.82.1')).toBe('barracuda');
    expect(scannerNetworkOf('2a01:111:f400::5')).toBe('microsoft_eop');
    expect(scannerNetworkOf('10.0.0.1')).toBeNull();
    expect(scannerNetworkOf('not an address')).toBeNull();
  });
});
