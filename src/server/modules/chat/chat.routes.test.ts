// Chat channels end to end with a real HTTP receiver on loopback standing in for Slack and Teams
// Workflows: admins add, test and disable channels (the webhook URL never comes back); a campaign's
// chat variants post once to each enabled channel their recipients touch, as Block Kit or an Adaptive
// Card in the language most of them read; a 429's Retry-After is honoured, a 5xx retried, a 400 fails
// for good with the reason; a dead sender's post goes out once more and no other; and the routes
// refuse roles without the permission and bad input with a pointer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { bearer, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../testing/webhook-receiver.js';
import { importPeopleRows } from '../people/index.js';
import { fanOutCampaign } from '../delivery/index.js';
import { sendCampaignChat } from './chat-posts.service.js';
import * as q from './chat-posts.queries.js';

let t: TestRuntime;
let hooks: WebhookReceiver;
let admin: TestCaller;
let communicator: TestCaller;
let employee: TestCaller;

const person = (id: string, department: string, language: string) => ({
  external_id: id,
  email: `${id.toLowerCase()}@x.example`,
  given_name: `Name${id}`,
  family_name: 'F',
  department,
  language,
});
const people = [
  person('O1', 'Ops', 'de'),
  person('O2', 'Ops', 'de-AT'),
  person('O3', 'Ops', 'en'),
  person('S1', 'Sales', 'nl'),
  person('S2', 'Sales', 'nl'),
  person('S3', 'Sales', 'en'),
  person('H1', 'HR', 'de'),
];
const dept = (value: string) => ({ field: 'department', op: 'eq', value });

type Channel = { id: number; name: string; webhook: string; enabled: boolean };
const addChannel = async (body: Record<string, unknown>, caller = admin) =>
  t.app.inject({ method: 'POST', url: '/api/v1/chat-channels', headers: caller.headers, payload: body });
const channel = async (name: string, kind: 'slack' | 'teams', path: string, audience: unknown, enabled = true): Promise<Channel> => {
  const res = await addChannel({ name, kind, webhook_url: `${hooks.url}${path}`, audience, enabled });
  expect(res.statusCode).toBe(201);
  return res.json<Channel>();
};

const chatContent = (subject: string, body: string) => ({
  subject: `${subject} – {{ campaign.name }}`,
  body,
  wiifm: 'Five minutes that save you an hour',
  cta_label: 'Read more',
  cta_url: 'https://intranet.example/q3',
});
const createCampaign = async (name: string) => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    headers: communicator.headers,
    payload: {
      name,
      kind: 'announcement',
      audience: { any: [dept('Ops'), dept('Sales')] },
      default_language: 'en',
      variants: [
        {
          key: 'ops',
          audience: dept('Ops'),
          channels: ['chat', 'feed'],
          content: {
            de: chatContent(
              'Neuigkeiten für Ops',
              '## Was ist neu\n\n**Wichtig**: lesen Sie [die Details](https://intranet.example/ops) <jetzt> & hier.\n\n- eins\n- zwei',
            ),
            en: chatContent('News for Ops', 'What is new for **Ops**'),
          },
        },
        {
          key: 'all',
          default: true,
          channels: ['chat'],
          content: { en: chatContent('News for all', 'Hello **everyone**'), nl: chatContent('Nieuws voor iedereen', 'Hallo **allemaal**') },
        },
      ],
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: number }>().id;
};

async function waitForStatus(id: number, status: string, timeoutMs = 40_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = (await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${id}`, headers: communicator.headers })).json<{ status: string }>().status;
    if (current === status) return;
    if (Date.now() > deadline) throw new Error(`campaign ${id} is ${current}, not ${status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

type Post = { channel: { name: string }; variant: string; language: string; people: number; state: string; reason: string | null; attempts: number };
const chatPosts = async (id: number) =>
  (await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${id}/chat-posts`, headers: communicator.headers })).json<{ planned: boolean; items: Post[] }>();

beforeAll(async () => {
  hooks = await startWebhookReceiver();
  t = await startTestRuntime({ worker: true, env: { CHAT_WEBHOOK_ALLOW_PRIVATE: 'true', CHAT_RETRY_SECONDS: '1', BRAND_NAME: 'Acme' } });
  const report = await importPeopleRows({ db: t.database.db, rows: people.map((value, i) => ({ line: i + 1, value })) });
  expect(report.errors).toEqual([]);
  admin = await bearer(t, 'admin');
  communicator = await bearer(t, 'communicator');
  employee = await bearer(t, 'employee');
  const segment = await t.app.inject({
    method: 'POST',
    url: '/api/v1/segments',
    headers: communicator.headers,
    payload: { key: 'sales', name: 'Sales', rule: dept('Sales') },
  });
  expect(segment.statusCode).toBe(201);
}, 60_000);
afterAll(async () => {
  await t?.close();
  await hooks?.close();
});

describe('chat channels', () => {
  it('keep the webhook URL secret, test it, and refuse bad input, unknown ids and other roles', async () => {
    const res = await addChannel({ name: '#probe', kind: 'slack', webhook_url: `${hooks.url}/probe/T000/B000/secretTOKENvalue`, audience: dept('Ops') });
    expect(res.statusCode).toBe(201);
    const created = res.json<Channel>();
    expect(res.body).not.toContain('secretTOKEN');
    expect(created.webhook).toBe(`${hooks.url}/…alue`);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/chat-channels', headers: admin.headers });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('secretTOKEN');

    hooks.script('/probe/T000/B000/secretTOKENvalue', [{ status: 200, body: 'ok' }]);
    const test = await t.app.inject({ method: 'POST', url: `/api/v1/chat-channels/${created.id}/test`, headers: admin.headers });
    expect(test.json()).toEqual({ ok: true, http_status: 200, reason: null });
    const probe = hooks.bodies('/probe/T000/B000/secretTOKENvalue')[0] as { text: string; blocks: { type: string }[] };
    expect(probe.text).toBe('Acme: test message');
    expect(probe.blocks[0]!.type).toBe('header');
    hooks.script('/probe/T000/B000/secretTOKENvalue', [{ status: 404, body: 'no_service' }]);
    const failed = await t.app.inject({ method: 'POST', url: `/api/v1/chat-channels/${created.id}/test`, headers: admin.headers });
    expect(failed.json()).toEqual({ ok: false, http_status: 404, reason: 'rejected' });

    const bad = await addChannel({ name: '#bad', kind: 'teams', webhook_url: 'not a url', audience: dept('Ops') });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'chat.webhook_url_invalid', errors: [{ pointer: '/webhook_url', code: 'chat.webhook_url_invalid' }] });
    const ftp = await addChannel({ name: '#bad', kind: 'teams', webhook_url: 'ftp://hooks.example/x', audience: dept('Ops') });
    expect(ftp.json()).toMatchObject({ errors: [{ pointer: '/webhook_url' }] });
    const badRule = await addChannel({ name: '#bad', kind: 'slack', webhook_url: `${hooks.url}/x`, audience: { field: 'nope', op: 'eq', value: 1 } });
    expect(badRule.statusCode).toBe(400);
    expect(badRule.json<{ errors: { pointer: string }[] }>().errors[0]!.pointer).toMatch(/^\/audience/);
    const taken = await addChannel({ name: '#probe', kind: 'slack', webhook_url: `${hooks.url}/x`, audience: dept('Ops') });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'chat.channel_name_taken' });

    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/chat-channels/${created.id}`,
      headers: admin.headers,
      payload: { enabled: false, webhook_url: `${hooks.url}/probe/other-secret-9876` },
    });
    expect(renamed.json()).toMatchObject({ enabled: false, webhook: `${hooks.url}/…9876` });

    expect((await t.app.inject({ method: 'GET', url: '/api/v1/chat-channels/987654', headers: admin.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/chat-channels/987654/test', headers: admin.headers })).statusCode).toBe(404);
    for (const caller of [communicator, employee]) {
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/chat-channels', headers: caller.headers })).statusCode).toBe(403);
      expect((await addChannel({ name: '#x', kind: 'slack', webhook_url: `${hooks.url}/x`, audience: dept('Ops') }, caller)).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/chat-channels/${created.id}`, headers: caller.headers })).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/chat-channels' })).statusCode).toBe(401);
    const deleted = await t.app.inject({ method: 'DELETE', url: `/api/v1/chat-channels/${created.id}`, headers: admin.headers });
    expect(deleted.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/chat-channels/${created.id}`, headers: admin.headers })).statusCode).toBe(404);
  });

  it('refuses a person variable in a chat variant when the campaign is saved', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/campaigns',
      headers: communicator.headers,
      payload: {
        name: 'Personal',
        kind: 'announcement',
        audience: dept('Ops'),
        default_language: 'en',
        variants: [{ key: 'all', default: true, channels: ['email', 'chat'], content: { en: { subject: 'Hi', body: 'Dear {{ person.given_name }}' } } }],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      errors: [{ pointer: '/variants/0/content/en/body', code: 'campaign.chat_person_variable', params: { variable: 'person.given_name' } }],
    });
    // Without chat the same text is fine.
    const mail = await t.app.inject({
      method: 'POST',
      url: '/api/v1/campaigns',
      headers: communicator.headers,
      payload: {
        name: 'Personal',
        kind: 'announcement',
        audience: dept('Ops'),
        default_language: 'en',
        variants: [{ key: 'all', default: true, channels: ['email'], content: { en: { subject: 'Hi', body: 'Dear {{ person.given_name }}' } } }],
      },
    });
    expect(mail.statusCode).toBe(201);
  });

  it('posts once to each channel a chat variant reaches, in the language most of its people read, honouring rate limits and failures', async () => {
    await channel('#ops', 'slack', '/slack/ops', dept('Ops'));
    await channel('Ops team', 'teams', '/teams/ops', dept('Ops'));
    await channel('#sales', 'slack', '/slack/sales', { segment: 'sales' });
    await channel('Sales team', 'teams', '/teams/sales', { segment: 'sales' });
    await channel('#hr', 'slack', '/slack/hr', dept('HR'));
    await channel('#ops-broken', 'slack', '/slack/broken', dept('Ops'));
    await channel('#ops-off', 'slack', '/slack/off', dept('Ops'), false);
    // Sales on Slack: throttled first (Retry-After 1 s); Sales on Teams: a 5xx first; the broken one refuses for good.
    hooks.script('/slack/sales', [
      { status: 429, headers: { 'retry-after': '1' }, body: 'rate_limited' },
      { status: 200, body: 'ok' },
    ]);
    hooks.script('/teams/sales', [{ status: 502, body: 'bad gateway' }, { status: 202 }]);
    hooks.script('/slack/broken', [{ status: 400, body: 'invalid_payload' }]);
    hooks.script('/teams/ops', [{ status: 202 }]);

    const id = await createCampaign('Q3');
    const planned = await chatPosts(id);
    expect(planned.planned).toBe(true);
    const plan = planned.items.map((p) => `${p.channel.name}|${p.variant}|${p.language}|${p.people}`).sort();
    expect(plan).toEqual(['#ops-broken|ops|de|3', '#ops|ops|de|3', '#sales|all|nl|3', 'Ops team|ops|de|3', 'Sales team|all|nl|3']);

    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${id}/send`,
      headers: { ...communicator.headers, 'idempotency-key': 'chat-send-0001' },
      payload: {},
    });
    expect(sent.statusCode).toBe(202);
    await waitForStatus(id, 'sent');

    // Slack: Block Kit in German for Ops (two of three read German), with the call to action as a button.
    const [ops] = hooks.bodies('/slack/ops') as { text: string; blocks: Record<string, unknown>[] }[];
    expect(hooks.bodies('/slack/ops')).toHaveLength(1);
    expect(ops!.text).toBe('Neuigkeiten für Ops – Q3');
    expect(ops!.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Neuigkeiten für Ops – Q3', emoji: true } });
    expect(ops!.blocks[1]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '_Five minutes that save you an hour_' }] });
    const texts = ops!.blocks.filter((b) => b.type === 'section').map((b) => (b.text as { type: string; text: string }).text);
    expect(texts).toEqual(['*Was ist neu*', '*Wichtig*: lesen Sie <https://intranet.example/ops|die Details> &lt;jetzt&gt; &amp; hier.', '• eins\n• zwei']);
    expect(ops!.blocks).toContainEqual({
      type: 'actions',
      elements: [{ type: 'button', style: 'primary', text: { type: 'plain_text', text: 'Read more', emoji: true }, url: 'https://intranet.example/q3' }],
    });
    // Teams: an Adaptive Card 1.4 in a Workflows message.
    const [team] = hooks.bodies('/teams/ops') as Record<string, unknown>[];
    expect(hooks.bodies('/teams/ops')).toHaveLength(1);
    expect(team).toMatchObject({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive' }] });
    const card = (team!.attachments as { content: Record<string, unknown> }[])[0]!.content;
    expect(card).toMatchObject({
      type: 'AdaptiveCard',
      version: '1.4',
      lang: 'de',
      actions: [{ type: 'Action.OpenUrl', title: 'Read more', url: 'https://intranet.example/q3' }],
    });
    const blocks = card.body as { type: string; text: string }[];
    expect(blocks.every((b) => b.type === 'TextBlock')).toBe(true);
    expect(blocks[0]!.text).toBe('Neuigkeiten für Ops – Q3');
    expect(blocks.map((b) => b.text)).toContain('**Wichtig**: lesen Sie [die Details](https://intranet.example/ops) <jetzt> & hier.');
    // Sales reads Dutch (two of three) and gets the default variant.
    const sales = hooks.received.filter((r) => r.path === '/slack/sales');
    expect(sales).toHaveLength(2);
    expect(sales[1]!.at - sales[0]!.at).toBeGreaterThanOrEqual(950);
    expect((sales[1]!.body as { text: string }).text).toBe('Nieuws voor iedereen – Q3');
    const salesTeams = hooks.bodies('/teams/sales') as { attachments: { content: { lang: string; body: { text: string }[] } }[] }[];
    expect(salesTeams).toHaveLength(2);
    expect(salesTeams[1]!.attachments[0]!.content.lang).toBe('nl');
    expect(salesTeams[1]!.attachments[0]!.content.body.map((b) => b.text)).toEqual([
      'Nieuws voor iedereen – Q3',
      '_Five minutes that save you an hour_',
      'Hallo **allemaal**',
      'Acme',
    ]);
    // Nobody in HR, and a disabled channel: nothing.
    expect(hooks.bodies('/slack/hr')).toEqual([]);
    expect(hooks.bodies('/slack/off')).toEqual([]);
    expect(hooks.bodies('/slack/broken')).toHaveLength(1);

    const log = await chatPosts(id);
    expect(log.planned).toBe(false);
    const byName = new Map(log.items.map((p) => [p.channel.name, p]));
    expect(byName.get('#ops')).toMatchObject({ state: 'sent', variant: 'ops', language: 'de', attempts: 1 });
    expect(byName.get('#sales')).toMatchObject({ state: 'sent', language: 'nl', attempts: 2 });
    expect(byName.get('Sales team')).toMatchObject({ state: 'sent', attempts: 2 });
    expect(byName.get('#ops-broken')).toMatchObject({ state: 'failed', reason: 'rejected', attempts: 1 });
    expect(log.items).toHaveLength(5);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${id}/chat-posts`, headers: employee.headers })).statusCode).toBe(403);
  }, 60_000);

  it('posts nothing while paused, and a cancel leaves what was not posted suppressed', async () => {
    await sql`UPDATE chat_channels SET enabled = false`.execute(t.database.db);
    await channel('#paused', 'slack', '/slack/paused', dept('Ops'));
    const id = await createCampaign('Paused');
    await sql`UPDATE campaigns SET status = 'sending' WHERE id = ${id}`.execute(t.database.db);
    const ctx = { db: t.database.db, config: t.config, clock: () => new Date() };
    await fanOutCampaign({ ...ctx, campaignId: id });
    const paused = await t.app.inject({ method: 'POST', url: `/api/v1/campaigns/${id}/pause`, headers: communicator.headers });
    expect(paused.statusCode).toBe(200);
    expect(await sendCampaignChat({ ...ctx, campaignId: id })).toEqual({ sent: 0, retried: 0, failed: 0, nextDue: null });
    const cancelled = await t.app.inject({ method: 'POST', url: `/api/v1/campaigns/${id}/cancel`, headers: communicator.headers });
    expect(cancelled.statusCode).toBe(200);
    expect((await chatPosts(id)).items).toEqual([expect.objectContaining({ state: 'suppressed', reason: 'cancelled', attempts: 0 })]);
    expect(hooks.bodies('/slack/paused')).toEqual([]);
  });

  it('after a sender died mid-post, posts that post once more and nothing twice', async () => {
    await sql`UPDATE chat_channels SET enabled = false`.execute(t.database.db);
    const crash = await channel('#crash', 'slack', '/slack/crash', dept('Ops'));
    const id = await createCampaign('Crash');
    await sql`UPDATE campaigns SET status = 'sending' WHERE id = ${id}`.execute(t.database.db);
    const ctx = { db: t.database.db, config: t.config, clock: () => new Date() };
    expect(await fanOutCampaign({ ...ctx, campaignId: id })).toEqual({ email: false, chat: true });
    // A fan-out run again after a crash writes nothing twice.
    await fanOutCampaign({ ...ctx, campaignId: id });
    const [only] = await q.listPosts(t.database.db, id);
    expect(await q.listPosts(t.database.db, id)).toHaveLength(1);
    expect(only!.chat_channel_id).toBe(crash.id);
    // A sender claims the post and dies before the webhook answers: the post stays 'sending' until its lease runs out.
    const claimed = await q.claimDuePost(t.database.db, { campaignId: id, leaseSeconds: 1 });
    expect(claimed?.id).toBe(only!.id);
    expect(await q.claimDuePost(t.database.db, { campaignId: id, leaseSeconds: 1 })).toBeNull();
    await new Promise((r) => setTimeout(r, 1200));
    const outcome = await sendCampaignChat({ ...ctx, campaignId: id });
    expect(outcome).toMatchObject({ sent: 1, nextDue: null });
    expect(await sendCampaignChat({ ...ctx, campaignId: id })).toMatchObject({ sent: 0 });
    await new Promise((r) => setTimeout(r, 300));
    expect(hooks.bodies('/slack/crash')).toHaveLength(1);
    expect((await q.listPosts(t.database.db, id))[0]).toMatchObject({ state: 'sent', attempts: 2 });
  }, 30_000);
});
