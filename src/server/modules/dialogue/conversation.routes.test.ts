// Conversation on a campaign through the API (issue 11, ADR 0028): recipients comment, mention and
// reply, and those named are notified in their feed; someone outside the audience cannot read or
// write the thread (404); only authors edit and delete; reports once, the moderator queue, hide and
// show again (audited); ten reaction toggles at once; sentiment with negation in German and Dutch,
// shown only from k people; the subject export and erasure of a commenter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { bearer, signIn, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { importPeopleRows } from '../people/index.js';
import { fanOutCampaign } from '../delivery/index.js';

let t: TestRuntime;
const people: Record<string, { id: number; caller: TestCaller }> = {};
let communicator: TestCaller;
let token: TestCaller;
let campaignId: number;

type Json = Record<string, unknown>;
const call = (caller: TestCaller | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: Json) =>
  t.app.inject({ method, url, headers: caller?.headers ?? {}, ...(payload ? { payload } : {}) });
const as = (key: string) => people[key]!.caller;

/** A feed campaign to department `department`, sent; its id. */
async function sendCampaign(name: string, department: string): Promise<number> {
  const res = await call(token, 'POST', '/api/v1/campaigns', {
    name,
    audience: { field: 'department', op: 'eq', value: department },
    default_language: 'en',
    variants: [{ key: 'all', default: true, channels: ['feed'], content: { en: { subject: name, body: 'Read me.' } } }],
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json<{ id: number }>().id;
  await sql`UPDATE campaigns SET status = 'scheduled' WHERE id = ${id}`.execute(t.database.db);
  await fanOutCampaign({ db: t.database.db, config: t.config, clock: () => new Date(), campaignId: id });
  return id;
}

const comment = async (who: string, body: string, extra: Json = {}, campaign = campaignId) => {
  const res = await call(as(who), 'POST', `/api/v1/campaigns/${campaign}/comments`, { body, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number; body: string; mentions: Json[]; hashtags: Json[]; parent_id: number | null }>();
};
const threadOf = async (caller: TestCaller, campaign = campaignId) => {
  const res = await call(caller, 'GET', `/api/v1/campaigns/${campaign}/comments`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ total: number; reactions: Json[]; items: (Json & { id: number; replies: Json[] })[] }>();
};
const notificationsOf = async (who: string) =>
  (await call(as(who), 'GET', '/api/v1/notifications')).json<{ unread: number; items: { id: number; kind: string; actor: Json; comment_id: number }[] }>();

beforeAll(async () => {
  t = await startTestRuntime({ env: { PRIVACY_MIN_GROUP: '3' } });
  const rows = [
    ['E1', 'Talk', 'en'],
    ['E2', 'Talk', 'en'],
    ['E3', 'Talk', 'de'],
    ['E4', 'Talk', 'nl'],
    ['O1', 'Elsewhere', 'en'],
  ].map(([id, department, language], i) => ({
    line: i + 1,
    value: { external_id: id!, email: `${id!.toLowerCase()}@x.example`, given_name: id!, family_name: 'Talker', department, language },
  }));
  expect((await importPeopleRows({ db: t.database.db, rows })).errors).toEqual([]);
  const ids = (await sql<{ id: number; external_id: string }>`SELECT id, external_id FROM people`.execute(t.database.db)).rows;
  for (const r of ids) people[r.external_id] = { id: Number(r.id), caller: await signIn(t, 'employee', Number(r.id)) };
  token = await bearer(t, 'communicator');
  communicator = await signIn(t, 'communicator');
  campaignId = await sendCampaign('Q3 plan', 'Talk');
}, 60_000);
afterAll(async () => {
  await t?.close();
});

describe('a campaign thread', () => {
  it('lets a recipient comment mentioning a colleague, who is notified and sees it; HTML stays text', async () => {
    const body = 'Great plan @[E2]! See #exel <img src=x onerror="alert(1)"><script>alert(2)</script>';
    const created = await comment('E1', body);
    // The text comes back as written, as JSON text: the web renders it as text nodes, never as HTML.
    expect(created.body).toBe(body);
    expect(created.mentions).toEqual([{ external_id: 'E2', display_name: 'E2 Talker' }]);
    expect(created.hashtags).toEqual([{ tag: 'exel', skill: 'excel' }]);

    const notes = await notificationsOf('E2');
    expect(notes.unread).toBe(1);
    expect(notes.items[0]).toMatchObject({ kind: 'mention', comment_id: created.id, actor: { external_id: 'E1' }, read: false });
    const seen = await threadOf(as('E2'));
    expect(seen.items.map((c) => c.id)).toEqual([created.id]);
    expect((await call(as('E2'), 'POST', '/api/v1/notifications/read', {})).statusCode).toBe(204);
    expect((await notificationsOf('E2')).unread).toBe(0);

    // Mentioning someone outside the audience is allowed but does not notify them (they cannot open it).
    await comment('E1', 'FYI @[O1]');
    expect((await notificationsOf('O1')).items).toEqual([]);
    const unknown = await call(as('E1'), 'POST', `/api/v1/campaigns/${campaignId}/comments`, { body: 'Hi @[NOPE]' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'conversation.mention_unknown', params: { external_id: 'NOPE' } });
  });

  it('is a 404 to someone outside the audience, read or write; communicators read every thread but write only with a person', async () => {
    expect((await call(as('O1'), 'GET', `/api/v1/campaigns/${campaignId}/comments`)).statusCode).toBe(404);
    const write = await call(as('O1'), 'POST', `/api/v1/campaigns/${campaignId}/comments`, { body: 'Let me in' });
    expect(write.statusCode).toBe(404);
    expect(write.json()).toMatchObject({ code: 'conversation.thread_not_found' });
    expect((await call(as('O1'), 'POST', `/api/v1/campaigns/${campaignId}/reactions`, { kind: 'like' })).statusCode).toBe(404);
    expect((await call(as('O1'), 'GET', '/api/v1/comment-counts?campaigns=' + campaignId)).json()).toEqual({ items: [] });
    expect((await call(null, 'GET', `/api/v1/campaigns/${campaignId}/comments`)).statusCode).toBe(401);
    expect((await threadOf(token)).total).toBe(2);
    const tokenWrite = await call(token, 'POST', `/api/v1/campaigns/${campaignId}/comments`, { body: 'From a token' });
    expect(tokenWrite.statusCode).toBe(403);
    expect(tokenWrite.json()).toMatchObject({ code: 'conversation.no_person' });
    expect((await call(as('E1'), 'GET', `/api/v1/comment-counts?campaigns=${campaignId},999999`)).json()).toEqual({
      items: [{ campaign_id: campaignId, comments: 2 }],
    });
  });

  it('notifies the author of a reply; only the author edits or deletes; deleting with replies leaves a tombstone', async () => {
    const root = await comment('E3', 'Wann beginnt das?');
    const reply = await comment('E4', 'Volgende week', { parent_id: root.id });
    // A reply to a reply joins the top-level comment and notifies whom it answered.
    const nested = await comment('E3', 'Danke', { parent_id: reply.id });
    expect(nested.parent_id).toBe(root.id);
    expect((await notificationsOf('E3')).items.map((n) => [n.kind, n.comment_id])).toEqual([['reply', reply.id]]);
    expect((await notificationsOf('E4')).items.map((n) => [n.kind, n.comment_id])).toEqual([['reply', nested.id]]);

    const foreign = await call(as('E4'), 'PATCH', `/api/v1/comments/${root.id}`, { body: 'mine now' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json()).toMatchObject({ code: 'conversation.not_author' });
    expect((await call(as('E4'), 'DELETE', `/api/v1/comments/${root.id}`)).statusCode).toBe(403);
    expect((await call(as('O1'), 'DELETE', `/api/v1/comments/${root.id}`)).statusCode).toBe(404);
    const edited = await call(as('E3'), 'PATCH', `/api/v1/comments/${root.id}`, { body: 'Wann beginnt es, @[E2]?' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ body: 'Wann beginnt es, @[E2]?', mentions: [{ external_id: 'E2' }] });
    expect(edited.json<{ edited_at: string | null }>().edited_at).not.toBeNull();
    expect((await notificationsOf('E2')).items[0]).toMatchObject({ kind: 'mention', comment_id: root.id });

    expect((await call(as('E3'), 'DELETE', `/api/v1/comments/${root.id}`)).statusCode).toBe(204);
    const tombstone = (await threadOf(as('E1'))).items.find((c) => c.id === root.id)!;
    expect(tombstone).toMatchObject({ state: 'deleted', body: null, author: null });
    expect(tombstone.replies).toHaveLength(2);
    expect((await call(as('E4'), 'POST', `/api/v1/campaigns/${campaignId}/comments`, { body: 'late', parent_id: root.id })).statusCode).toBe(409);
    // A comment without replies goes entirely.
    expect((await call(as('E3'), 'DELETE', `/api/v1/comments/${nested.id}`)).statusCode).toBe(204);
    expect((await threadOf(as('E1'))).items.find((c) => c.id === root.id)!.replies).toHaveLength(1);
  });

  it('takes a report once per person, queues it for moderators, and hides and shows it again (audited)', async () => {
    const target = await comment('E2', 'Buy cheap watches');
    const report = (who: string) => call(as(who), 'POST', `/api/v1/comments/${target.id}/reports`, { reason: 'spam' });
    expect((await report('E1')).statusCode).toBe(204);
    const again = await report('E1');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'conversation.already_reported' });
    expect((await report('E3')).statusCode).toBe(204);

    expect((await call(as('E1'), 'GET', '/api/v1/moderation/comments')).statusCode).toBe(403);
    expect((await call(as('E1'), 'POST', `/api/v1/comments/${target.id}/moderation`, { action: 'hide' })).statusCode).toBe(403);
    const queue = (await call(communicator, 'GET', '/api/v1/moderation/comments')).json<{ items: Json[] }>();
    expect(queue.items).toEqual([
      expect.objectContaining({ reports: 2, reasons: [{ reason: 'spam', count: 2 }], campaign: { id: campaignId, name: 'Q3 plan' } }),
    ]);

    const hidden = await call(communicator, 'POST', `/api/v1/comments/${target.id}/moderation`, { action: 'hide' });
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect(hidden.json()).toMatchObject({ state: 'hidden', body: 'Buy cheap watches' });
    expect((await call(communicator, 'GET', '/api/v1/moderation/comments')).json()).toEqual({ items: [] });
    const toOthers = (await threadOf(as('E1'))).items.find((c) => c.id === target.id);
    expect(toOthers).toMatchObject({ state: 'hidden', body: null });
    expect((await threadOf(as('E2'))).items.find((c) => c.id === target.id)).toMatchObject({ state: 'hidden', body: 'Buy cheap watches', mine: true });

    expect((await call(communicator, 'POST', `/api/v1/comments/${target.id}/moderation`, { action: 'unhide' })).json()).toMatchObject({ state: 'visible' });
    expect((await threadOf(as('E1'))).items.find((c) => c.id === target.id)).toMatchObject({ state: 'visible', body: 'Buy cheap watches' });
    const audit = await sql<{ action: string; target_id: string }>`
      SELECT action, target_id FROM audit_log WHERE action LIKE 'comments.%' ORDER BY id`.execute(t.database.db);
    expect(audit.rows).toEqual([
      { action: 'comments.hidden', target_id: String(target.id) },
      { action: 'comments.unhidden', target_id: String(target.id) },
    ]);
  });

  it('keeps reactions exact when one person toggles ten times at once', async () => {
    const target = await comment('E1', 'React to me');
    const toggles = await Promise.all(Array.from({ length: 10 }, () => call(as('E2'), 'POST', `/api/v1/comments/${target.id}/reactions`, { kind: 'like' })));
    expect(toggles.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM reactions WHERE comment_id = ${target.id}`.execute(t.database.db);
    expect(count.rows[0]!.n).toBe(0);
    expect((await call(as('E2'), 'POST', `/api/v1/comments/${target.id}/reactions`, { kind: 'like' })).json()).toEqual([
      { kind: 'like', count: 1, mine: true },
    ]);
    expect((await call(as('E3'), 'POST', `/api/v1/campaigns/${campaignId}/reactions`, { kind: 'celebrate' })).json()).toEqual([
      { kind: 'celebrate', count: 1, mine: true },
    ]);
    const seen = await threadOf(as('E1'));
    expect(seen.reactions).toEqual([{ kind: 'celebrate', count: 1, mine: false }]);
    expect(seen.items.find((c) => c.id === target.id)!.reactions).toEqual([{ kind: 'like', count: 1, mine: false }]);
  });
});

describe('comment sentiment', () => {
  it('reads German and Dutch negation and shows figures only from k people', async () => {
    const id = await sendCampaign('Canteen', 'Talk');
    const sentiment = () => call(communicator, 'GET', `/api/v1/campaigns/${id}/comment-sentiment`);
    await comment('E3', 'Das finde ich nicht gut, das Essen ist leider kalt.', {}, id);
    await comment('E4', 'Ik vind het niet goed en het is niet duidelijk.', {}, id);
    expect((await sentiment()).json()).toMatchObject({ comments: 2, score: null, positive: null, top_negative: [] });
    await comment('E1', 'Great idea, thanks!', {}, id);
    const figure = (await sentiment()).json<Json>();
    expect(figure).toMatchObject({ comments: 3, authors: 3, positive: 1, neutral: 0, negative: 2, score: -0.33 });
    expect(figure.top_negative).toEqual(
      expect.arrayContaining([
        { word: 'nicht gut', count: 1 },
        { word: 'niet goed', count: 1 },
        { word: 'niet duidelijk', count: 1 },
      ]),
    );
    expect(figure.by_language).toEqual(
      expect.arrayContaining([
        { language: 'de', comments: 1 },
        { language: 'nl', comments: 1 },
      ]),
    );
    expect((await call(as('E1'), 'GET', `/api/v1/campaigns/${id}/comment-sentiment`)).statusCode).toBe(403);
  });
});

describe('privacy', () => {
  it('exports a commenter’s comments and erases them: answered ones become tombstones, mentions of them a bare @', async () => {
    const id = await sendCampaign('Erasure', 'Talk');
    const answered = await comment('E4', 'Vraag aan @[E1]', {}, id);
    await comment('E1', 'Antwoord', { parent_id: answered.id }, id);
    const mentioning = await comment('E2', 'Thanks @[E4]', {}, id);
    const admin = await bearer(t, 'admin');
    const exported = await call(admin, 'GET', `/api/v1/people/${people.E4!.id}/privacy-export`);
    expect(exported.json<{ data: { comments: Json[] } }>().data.comments).toEqual(expect.arrayContaining([expect.objectContaining({ id: answered.id })]));
    expect((await call(admin, 'POST', `/api/v1/people/${people.E4!.id}/erase`, { confirm: true })).statusCode).toBe(200);
    const seen = await threadOf(as('E1'), id);
    expect(seen.items.find((c) => c.id === answered.id)).toMatchObject({ state: 'deleted', body: null, author: null, mentions: [] });
    expect(seen.items.find((c) => c.id === mentioning.id)).toMatchObject({ body: 'Thanks @…', mentions: [] });
  });
});
