// Topics and preferences end to end, over a real SMTP server on loopback: an announcement of a topic
// carries RFC 8058 one-click List-Unsubscribe headers and a must-read does not; a GET of the link
// changes nothing, a POST unsubscribes without a session, and the next announcement of that topic
// suppresses the person with the reason while a must-read still reaches them; a tampered token or one
// of another purpose is a 404; a must-read is acknowledged from its mail and that counts in the feed
// and for follow-ups; quiet hours defer e-mail (not the feed); channel choices in layers; the routes'
// permissions and their bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { ParsedMail } from 'mailparser';
import { bearer, signIn, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { startSmtpSink, type SmtpSink } from '../../testing/smtp-sink.js';
import { importPeopleRows } from '../people/index.js';
import { fanOutCampaign, writeFollowUp } from '../delivery/index.js';
import { unsubscribeFromTopic } from './index.js';

let t: TestRuntime;
let sink: SmtpSink;
let communicator: TestCaller;
let employee: TestCaller;

const person = (id: string, language: string) => ({
  external_id: id,
  email: `${id.toLowerCase()}@x.example`,
  given_name: `Name${id}`,
  family_name: 'F',
  department: 'Plant',
  language,
});
const people = [person('DE1', 'de'), person('NL1', 'nl'), person('EN1', 'en'), person('Q1', 'de'), person('Q2', 'de'), person('L1', 'en')];

const content = (subject: string) => ({ subject, body: 'Body for {{ person.given_name }}' });
const campaign = (name: string, overrides: Record<string, unknown> = {}) => ({
  name,
  audience: { field: 'external_id', op: 'in', value: ['DE1', 'NL1', 'EN1'] },
  default_language: 'en',
  variants: [
    { key: 'all', default: true, channels: ['email', 'feed'], content: { en: content(name), de: content(`${name} (de)`), nl: content(`${name} (nl)`) } },
  ],
  ...overrides,
});

const create = async (payload: Record<string, unknown>) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/campaigns', headers: communicator.headers, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number }>().id;
};
const sendNow = async (id: number) => {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/campaigns/${id}/send`,
    headers: { ...communicator.headers, 'idempotency-key': `send-${id}-key` },
    payload: {},
  });
  expect(res.statusCode, res.body).toBe(202);
};
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
const mailsOf = (id: number) => new Map(sink.messages.filter((m) => m.headers.get('x-resonance-campaign') === String(id)).map((m) => [to(m), m]));
const rawHeader = (mail: ParsedMail, name: string) =>
  mail.headerLines
    .find((h) => h.key === name)
    ?.line.replace(/^[^:]+:\s*/, '')
    .replace(/\r?\n\s+/g, ' ');
const personId = async (externalId: string) =>
  (await sql<{ id: number }>`SELECT id FROM people WHERE external_id = ${externalId}`.execute(t.database.db)).rows[0]!.id;
type Row = { external_id: string; channel: string; state: string; reason: string | null; next_attempt_at: Date };
const rows = async (id: number) =>
  (
    await sql<Row>`SELECT p.external_id, d.channel, d.state, d.reason, d.next_attempt_at FROM deliveries AS d JOIN people AS p ON p.id = d.person_id
      WHERE d.campaign_id = ${id} AND d.step = 0 ORDER BY p.external_id, d.channel`.execute(t.database.db)
  ).rows;
const path = (url: string) => new URL(url).pathname;
const callers = new Map<string, TestCaller>();
/** One signed-in employee per person (an account belongs to one person). */
const asPerson = async (externalId: string) => {
  let caller = callers.get(externalId);
  if (!caller) {
    caller = await signIn(t, 'employee', await personId(externalId));
    callers.set(externalId, caller);
  }
  return caller;
};
type Problem = { code: string; errors?: { pointer: string; code: string }[] };

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await startTestRuntime({ worker: true, env: { SMTP_URL: sink.url, PUBLIC_URL: 'https://resonance.acme.example' } });
  const report = await importPeopleRows({ db: t.database.db, rows: people.map((value, i) => ({ line: i + 1, value })) });
  expect(report.errors).toEqual([]);
  communicator = await bearer(t, 'communicator');
  employee = await bearer(t, 'employee');
  const topic = await t.app.inject({
    method: 'POST',
    url: '/api/v1/topics',
    headers: communicator.headers,
    payload: { key: 'safety', names: { en: 'Safety', de: 'Sicherheit', nl: 'Veiligheid' } },
  });
  expect(topic.statusCode, topic.body).toBe(201);
}, 60_000);
afterAll(async () => {
  await t?.close();
  await sink?.close();
});

describe('topics', () => {
  it('are created and changed by communicators, listed for campaign readers, refused to employees, with bad input at its pointer', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/topics',
      headers: communicator.headers,
      payload: { key: 'canteen', names: { en: 'Canteen' }, default_subscribed: false, default_channels: ['feed'] },
    });
    expect(created.statusCode).toBe(201);
    const topic = created.json<{ id: number }>();
    expect(created.json()).toMatchObject({ key: 'canteen', default_subscribed: false, default_channels: ['feed'], enabled: true });
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/topics', headers: communicator.headers, payload: { key: 'canteen', names: { en: 'X' } } });
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().code).toBe('topic.key_taken');
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/topics', headers: communicator.headers, payload: { key: 'Bad Key', names: {} } });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<Problem>()
        .errors!.map((e) => e.pointer)
        .sort(),
    ).toEqual(['/key', '/names']);
    const changed = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/topics/${topic.id}`,
      headers: communicator.headers,
      payload: { key: 'canteen', names: { en: 'Canteen', de: 'Kantine' }, enabled: false },
    });
    expect(changed.json()).toMatchObject({ names: { de: 'Kantine' }, enabled: false, default_subscribed: true });
    const rekey = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/topics/${topic.id}`,
      headers: communicator.headers,
      payload: { key: 'food', names: { en: 'F' } },
    });
    expect(rekey.json<Problem>().errors![0]!.pointer).toBe('/key');
    expect(
      (await t.app.inject({ method: 'PUT', url: '/api/v1/topics/999999', headers: communicator.headers, payload: { key: 'x', names: { en: 'X' } } }))
        .statusCode,
    ).toBe(404);
    const enabled = (await t.app.inject({ method: 'GET', url: '/api/v1/topics?enabled=true', headers: communicator.headers })).json<{
      items: { key: string }[];
    }>();
    expect(enabled.items.map((i) => i.key)).toEqual(['safety']);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/topics', headers: employee.headers, payload: { key: 'x', names: { en: 'X' } } })).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/topics', headers: employee.headers })).statusCode).toBe(403);

    // A campaign names an existing, enabled topic.
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/campaigns', headers: communicator.headers, payload: campaign('T', { topic: 'nope' }) });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<Problem>().errors).toEqual([expect.objectContaining({ pointer: '/topic', code: 'topic.not_found' })]);
    const disabled = await t.app.inject({
      method: 'POST',
      url: '/api/v1/campaigns',
      headers: communicator.headers,
      payload: campaign('T', { topic: 'canteen' }),
    });
    expect(disabled.json<Problem>().errors).toEqual([expect.objectContaining({ pointer: '/topic', code: 'topic.disabled' })]);
  });
});

describe('one-click unsubscribe and acknowledging from the mail', () => {
  it('puts List-Unsubscribe on an announcement of a topic, unsubscribes on POST only, and suppresses the next one while a must-read still arrives', async () => {
    const news = await create(campaign('Safety news', { topic: 'safety' }));
    // The preview shows the footer as the person gets it, its links pointing at the signed-in pages.
    const preview = await t.app.inject({ method: 'POST', url: `/api/v1/campaigns/${news}/preview`, headers: communicator.headers, payload: { person: 'DE1' } });
    expect(preview.json<{ html: string }>().html).toContain('Vom Thema „Sicherheit“ abmelden');
    expect(preview.json<{ html: string }>().html).not.toContain('/u/');
    await sendNow(news);
    await waitForStatus(news, 'sent');
    const mails = mailsOf(news);
    expect(mails.size).toBe(3);
    const de1 = mails.get('de1@x.example')!;
    const unsubscribe = rawHeader(de1, 'list-unsubscribe')!;
    expect(unsubscribe).toMatch(/^<https:\/\/resonance\.acme\.example\/u\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+>$/);
    expect(rawHeader(de1, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const link = unsubscribe.slice(1, -1);
    // The footer names the topic in the mail's language and carries the same link and the preferences page.
    expect(de1.html).toContain('Vom Thema „Sicherheit“ abmelden');
    expect(de1.html).toContain(`href="${link}"`);
    expect(de1.html).toContain('https://resonance.acme.example/preferences');
    expect(de1.text).toContain(`Vom Thema „Sicherheit“ abmelden: ${link}`);
    expect(mails.get('nl1@x.example')!.html).toContain('Afmelden voor ‘Veiligheid’');
    // Each person has their own link.
    expect(rawHeader(mails.get('en1@x.example')!, 'list-unsubscribe')).not.toBe(unsubscribe);

    // A GET (a link scanner) shows a page in the person's language and changes nothing.
    const page = await t.app.inject({ method: 'GET', url: path(link) });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('lang="de"');
    expect(page.body).toContain('„Sicherheit“');
    expect(page.body).toContain('method="post"');
    const prefsOf = async (externalId: string) => {
      const caller = await asPerson(externalId);
      return (await t.app.inject({ method: 'GET', url: '/api/v1/me/preferences', headers: caller.headers })).json<{
        topics: { key: string; subscribed: boolean }[];
      }>();
    };
    expect((await prefsOf('DE1')).topics.find((x) => x.key === 'safety')!.subscribed).toBe(true);

    // Tampered, or signed for another purpose: 404, nothing changes.
    const token = path(link).slice(3);
    const [body, mac] = token.split('.') as [string, string];
    const tampered = `${Buffer.from(JSON.stringify({ p: await personId('EN1'), t: 'safety' })).toString('base64url')}.${mac}`;
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/u/${tampered}`,
          payload: 'List-Unsubscribe=One-Click',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
      ).statusCode,
    ).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/u/${body}.${mac.slice(1)}x` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/a/${token}` })).statusCode).toBe(404);
    expect((await prefsOf('EN1')).topics.find((x) => x.key === 'safety')!.subscribed).toBe(true);

    // The mail client's one-click POST: no session, no CSRF token; twice is the same as once.
    const post = () =>
      t.app.inject({
        method: 'POST',
        url: path(link),
        payload: 'List-Unsubscribe=One-Click',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    expect((await post()).statusCode).toBe(200);
    expect((await post()).body).toContain('„Sicherheit“');
    expect((await prefsOf('DE1')).topics.find((x) => x.key === 'safety')!.subscribed).toBe(false);

    // The next announcement of the topic: DE1 suppressed with the reason, on every channel; a must-read reaches DE1.
    const more = await create(campaign('More safety news', { topic: 'safety' }));
    const must = await create(campaign('Safety rules', { topic: 'safety', kind: 'must_read', acknowledge_by: '2099-01-01T00:00:00Z' }));
    await sendNow(more);
    await sendNow(must);
    await waitForStatus(more, 'sent');
    await waitForStatus(must, 'sent');
    expect((await rows(more)).filter((r) => r.external_id === 'DE1').map((r) => [r.channel, r.state, r.reason])).toEqual([
      ['email', 'suppressed', 'unsubscribed'],
      ['feed', 'suppressed', 'unsubscribed'],
    ]);
    expect(mailsOf(more).has('de1@x.example')).toBe(false);
    const log = (await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${more}/deliveries?state=suppressed`, headers: communicator.headers })).json<{
      items: { person: { external_id: string }; reason: string }[];
    }>();
    expect(log.items.map((i) => [i.person.external_id, i.reason])).toEqual([
      ['DE1', 'unsubscribed'],
      ['DE1', 'unsubscribed'],
    ]);
    expect((await rows(must)).filter((r) => r.external_id === 'DE1').map((r) => r.state)).toEqual(['sent', 'sent']);

    // The must-read's mail: no List-Unsubscribe, an Acknowledge link instead.
    const mustMail = mailsOf(must).get('de1@x.example')!;
    expect(rawHeader(mustMail, 'list-unsubscribe')).toBeUndefined();
    expect(rawHeader(mustMail, 'list-unsubscribe-post')).toBeUndefined();
    expect(mustMail.html).not.toContain('/u/');
    const ackLink = /https:\/\/resonance\.acme\.example\/a\/[A-Za-z0-9_.-]+/.exec(mustMail.text!)![0];
    expect(mustMail.html).toContain(`href="${ackLink}"`);
    expect(mustMail.html).toContain('Gelesen und verstanden');

    // GET shows the button and records nothing; POST acknowledges, once, and the feed and follow-ups see it.
    const ackPage = await t.app.inject({ method: 'GET', url: path(ackLink) });
    expect(ackPage.statusCode).toBe(200);
    expect(ackPage.body).toContain('„Safety rules“');
    const acknowledged = async () =>
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM campaign_acknowledgements WHERE campaign_id = ${must}`.execute(t.database.db)).rows[0]!.n;
    expect(await acknowledged()).toBe(0);
    expect((await t.app.inject({ method: 'POST', url: path(ackLink) })).statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'POST', url: path(ackLink), payload: '', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).statusCode,
    ).toBe(200);
    expect(await acknowledged()).toBe(1);
    const reader = await asPerson('DE1');
    const feed = (await t.app.inject({ method: 'GET', url: '/api/v1/feed', headers: reader.headers })).json<{
      pinned: unknown[];
      items: { campaign: { id: number }; acknowledged: boolean }[];
    }>();
    expect(feed.pinned).toEqual([]);
    expect(feed.items.find((i) => i.campaign.id === must)).toMatchObject({ acknowledged: true });
    expect((await t.app.inject({ method: 'GET', url: `/a/${path(ackLink).slice(3)}x` })).statusCode).toBe(404);
  }, 90_000);

  it('stops a not_acknowledged follow-up for whoever acknowledged from the mail', async () => {
    const must = await create(
      campaign('Fire drill', {
        kind: 'must_read',
        audience: { field: 'external_id', op: 'in', value: ['NL1', 'EN1'] },
        follow_ups: [{ after_hours: 24, condition: 'not_acknowledged', subject: { en: 'Reminder' } }],
      }),
    );
    await sendNow(must);
    await waitForStatus(must, 'sent');
    const nl1 = mailsOf(must).get('nl1@x.example')!;
    const ackLink = /https:\/\/resonance\.acme\.example\/a\/[A-Za-z0-9_.-]+/.exec(nl1.text!)![0];
    expect((await t.app.inject({ method: 'GET', url: path(ackLink) })).body).toContain('lang="nl"');
    expect((await t.app.inject({ method: 'POST', url: path(ackLink) })).statusCode).toBe(200);
    const outcome = await writeFollowUp({ db: t.database.db, config: t.config, clock: () => new Date(), campaignId: must, index: 0, round: 0 });
    expect(outcome?.written).toBe(1);
    const followed = await sql<{ external_id: string }>`
      SELECT p.external_id FROM deliveries AS d JOIN people AS p ON p.id = d.person_id WHERE d.campaign_id = ${must} AND d.step = 1`.execute(t.database.db);
    expect(followed.rows.map((r) => r.external_id)).toEqual(['EN1']);
  }, 60_000);
});

describe('preferences', () => {
  const put = (caller: TestCaller, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'PUT', url: '/api/v1/me/preferences', headers: caller.headers, payload });

  it('are read and saved by the person, with bad input at its pointer, and refused without a person', async () => {
    const q1 = await asPerson('Q1');
    const before = (await t.app.inject({ method: 'GET', url: '/api/v1/me/preferences', headers: q1.headers })).json();
    expect(before).toMatchObject({
      channels: null,
      quiet_hours: { mode: 'default', start: null, end: null },
      organisation: { channels: ['email', 'feed', 'chat'], quiet_hours: null },
      time_zone: 'Europe/Berlin',
    });
    const bad = await put(q1, { channels: ['fax'], quiet_hours: { mode: 'custom', start: '25:00' }, topics: [] });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<Problem>()
        .errors!.map((e) => e.pointer)
        .sort(),
    ).toEqual(['/channels/0', '/quiet_hours/end', '/quiet_hours/start']);
    const unknownTopic = await put(q1, { channels: null, quiet_hours: { mode: 'off' }, topics: [{ key: 'nope', subscribed: false }] });
    expect(unknownTopic.statusCode).toBe(400);
    expect(unknownTopic.json<Problem>().errors).toEqual([expect.objectContaining({ pointer: '/topics/0/key', code: 'topic.not_found' })]);
    const saved = await put(q1, {
      channels: ['email', 'feed'],
      quiet_hours: { mode: 'custom', start: '20:00', end: '07:00' },
      topics: [{ key: 'safety', subscribed: true, channels: ['feed'] }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      channels: ['email', 'feed'],
      quiet_hours: { mode: 'custom', start: '20:00', end: '07:00' },
      topics: [{ key: 'safety', subscribed: true, channels: ['feed'], effective_channels: ['feed'] }],
    });
    const token = await put(employee, { channels: null, quiet_hours: { mode: 'off' }, topics: [] });
    expect(token.statusCode).toBe(409);
    expect(token.json<Problem>().code).toBe('preferences.no_person');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/preferences' })).statusCode).toBe(401);
  });

  it('choose the channels in layers: organisation < topic < the person, and a must-read ignores them', async () => {
    const topic = await t.app.inject({
      method: 'POST',
      url: '/api/v1/topics',
      headers: communicator.headers,
      payload: { key: 'it-news', names: { en: 'IT news' }, default_channels: ['feed'] },
    });
    expect(topic.statusCode).toBe(201);
    // L1 chose e-mail only in general; Q2 chose e-mail for this topic; DE1 has no choice (the topic's layer: feed).
    const l1 = await asPerson('L1');
    expect((await put(l1, { channels: ['email'], quiet_hours: { mode: 'off' }, topics: [] })).statusCode).toBe(200);
    const q2 = await asPerson('Q2');
    expect(
      (await put(q2, { channels: ['feed'], quiet_hours: { mode: 'off' }, topics: [{ key: 'it-news', subscribed: true, channels: ['email'] }] })).statusCode,
    ).toBe(200);
    const audience = { field: 'external_id', op: 'in', value: ['DE1', 'L1', 'Q2'] };
    const news = await create(campaign('IT', { topic: 'it-news', audience }));
    const must = await create(campaign('IT must', { topic: 'it-news', audience, kind: 'must_read' }));
    const ctx = { db: t.database.db, config: t.config, clock: () => new Date() };
    for (const id of [news, must]) {
      await sql`UPDATE campaigns SET status = 'sending' WHERE id = ${id}`.execute(t.database.db);
      await fanOutCampaign({ ...ctx, campaignId: id });
    }
    const shape = (list: Row[]) => list.map((r) => [r.external_id, r.channel, r.state === 'suppressed' ? r.reason : 'delivered']);
    expect(shape(await rows(news))).toEqual([
      ['DE1', 'email', 'channel_opted_out'],
      ['DE1', 'feed', 'delivered'],
      ['L1', 'email', 'delivered'],
      ['L1', 'feed', 'channel_opted_out'],
      ['Q2', 'email', 'delivered'],
      ['Q2', 'feed', 'channel_opted_out'],
    ]);
    expect(shape(await rows(must)).every(([, , state]) => state === 'delivered')).toBe(true);
  }, 60_000);

  it('defer e-mail in the person’s quiet hours to their end, in their time zone; the feed is not affected', async () => {
    // Q1 chose 20:00–07:00 (Europe/Berlin, the default zone) above; 21:30 UTC is 22:30 there.
    const id = await create(campaign('Late news', { audience: { field: 'external_id', op: 'in', value: ['Q1', 'EN1'] } }));
    await sql`UPDATE campaigns SET status = 'sending' WHERE id = ${id}`.execute(t.database.db);
    const at = new Date('2030-01-15T21:30:00Z');
    await fanOutCampaign({ db: t.database.db, config: t.config, clock: () => at, campaignId: id });
    const due = (await rows(id)).map((r) => [r.external_id, r.channel, r.state, r.next_attempt_at.toISOString()]);
    expect(due).toEqual([
      ['EN1', 'email', 'queued', '2030-01-15T21:30:00.000Z'],
      ['EN1', 'feed', 'sent', '2030-01-15T21:30:00.000Z'],
      ['Q1', 'email', 'queued', '2030-01-16T06:00:00.000Z'],
      ['Q1', 'feed', 'sent', '2030-01-15T21:30:00.000Z'],
    ]);
    // Early in the morning (05:00 Berlin) it waits until 07:00 the same day; in the afternoon it goes at once.
    await sql`UPDATE people SET time_zone = 'America/New_York' WHERE external_id = 'Q1'`.execute(t.database.db);
    const morning = await create(campaign('Morning', { audience: { field: 'external_id', op: 'eq', value: 'Q1' } }));
    await sql`UPDATE campaigns SET status = 'sending' WHERE id = ${morning}`.execute(t.database.db);
    await fanOutCampaign({ db: t.database.db, config: t.config, clock: () => new Date('2030-01-15T10:00:00Z'), campaignId: morning });
    expect((await rows(morning)).find((r) => r.channel === 'email')!.next_attempt_at.toISOString()).toBe('2030-01-15T12:00:00.000Z');
    await sql`UPDATE people SET time_zone = NULL WHERE external_id = 'Q1'`.execute(t.database.db);
  }, 60_000);

  it('apply to follow-ups too: not to whoever unsubscribed since, and not in their quiet hours', async () => {
    // Q1 gets this topic by e-mail again, keeping quiet hours 20:00–07:00.
    const q1 = await asPerson('Q1');
    const back = await put(q1, {
      channels: null,
      quiet_hours: { mode: 'custom', start: '20:00', end: '07:00' },
      topics: [{ key: 'safety', subscribed: true }],
    });
    expect(back.statusCode).toBe(200);
    const id = await create(
      campaign('Safety follow-up', {
        topic: 'safety',
        audience: { field: 'external_id', op: 'in', value: ['Q1', 'NL1', 'EN1'] },
        follow_ups: [{ after_hours: 24, condition: 'not_opened', subject: { en: 'Did you see it?' } }],
      }),
    );
    await sql`UPDATE campaigns SET status = 'sending' WHERE id = ${id}`.execute(t.database.db);
    await fanOutCampaign({ db: t.database.db, config: t.config, clock: () => new Date('2030-01-15T12:00:00Z'), campaignId: id });
    // Step 0 went out by e-mail to all three; then EN1 unsubscribes from the topic.
    await sql`UPDATE deliveries SET state = 'sent', sent_at = now() WHERE campaign_id = ${id} AND channel = 'email'`.execute(t.database.db);
    expect(await unsubscribeFromTopic({ db: t.database.db, personId: await personId('EN1'), topicKey: 'safety' })).toBe(true);
    const at = new Date('2030-01-16T21:30:00Z');
    const outcome = await writeFollowUp({ db: t.database.db, config: t.config, clock: () => at, campaignId: id, index: 0, round: 0 });
    expect(outcome?.written).toBe(2);
    const followUps = await sql<{ external_id: string; next_attempt_at: Date }>`
      SELECT p.external_id, d.next_attempt_at FROM deliveries AS d JOIN people AS p ON p.id = d.person_id
      WHERE d.campaign_id = ${id} AND d.step = 1 ORDER BY p.external_id`.execute(t.database.db);
    // Q1's quiet hours (20:00–07:00 in Berlin) hold it until 06:00 UTC; NL1 has none.
    expect(followUps.rows.map((r) => [r.external_id, r.next_attempt_at.toISOString()])).toEqual([
      ['NL1', '2030-01-16T21:30:00.000Z'],
      ['Q1', '2030-01-17T06:00:00.000Z'],
    ]);
  }, 60_000);
});
