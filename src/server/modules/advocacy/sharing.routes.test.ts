// The content library and sharing through the API (ADR 0030): managers' CRUD with audit and checked
// audience rules, the employee's library by audience and language, one link per person × content ×
// network also under concurrency, adapted texts, points and participation, engagement reports and
// import, own stats, analytics with small departments withheld, and the subject export and erasure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signIn, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { importPeopleRows } from '../people/index.js';

let t: TestRuntime;
const ids: Record<string, number> = {};
const as: Record<string, TestCaller> = {};
const DEPTS: Record<string, string> = { ANNA: 'Sales', BEN: 'Sales', CARLA: 'Sales', DIRK: 'Sales', EVA: 'Sales', FRED: 'Legal' };

const count = async (query: ReturnType<typeof sql>) => (await query.execute(t.database.db)).rows.length;

const post = (caller: TestCaller, url: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: caller.headers, payload: payload as object });

const item = {
  title: 'Hiring in Utrecht',
  url: 'https://careers.example.com/utrecht?ref=site#jobs',
  summary: 'Forty roles',
  tags: ['careers'],
  suggested_posts: [
    { network: 'linkedin', language: 'en', text: 'We are hiring in Utrecht!' },
    { network: 'linkedin', language: 'de', text: 'Wir stellen in Utrecht ein!' },
  ],
};

beforeAll(async () => {
  t = await startTestRuntime();
  const people = Object.entries(DEPTS).map(([id, department], i) => ({
    line: i + 1,
    value: { external_id: id, email: `${id.toLowerCase()}@x.example`, given_name: id, family_name: 'Share', department, language: id === 'BEN' ? 'de' : 'en' },
  }));
  await importPeopleRows({ db: t.database.db, rows: people });
  for (const r of (await sql<{ id: number; external_id: string }>`SELECT id, external_id FROM people`.execute(t.database.db)).rows)
    ids[r.external_id] = Number(r.id);
  as.comm = await signIn(t, 'communicator');
  for (const id of Object.keys(DEPTS)) as[id] = await signIn(t, 'employee', ids[id]);
  as.nobody = await signIn(t, 'employee');
});
afterAll(async () => t?.close());

describe('content library', () => {
  let id: number;

  it('lets managers create, read, list, change and archive items, auditing each change', async () => {
    const created = await post(as.comm!, '/api/v1/advocacy/content', item);
    expect(created.statusCode).toBe(201);
    id = created.json().id;
    expect(created.json()).toMatchObject({ status: 'live', shares: 0, suggested_posts: item.suggested_posts });
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/advocacy/content/${id}`,
      headers: as.comm!.headers,
      payload: { summary: 'Forty roles, now' },
    });
    expect(patched.json().summary).toBe('Forty roles, now');
    const list = await t.app.inject({ url: '/api/v1/advocacy/content?limit=1', headers: as.comm!.headers });
    expect(list.json().items.map((i: { id: number }) => i.id)).toEqual([id]);
    expect(
      await count(sql`SELECT 1 FROM audit_log WHERE action IN ('advocacy_content.created', 'advocacy_content.updated') AND target_id = ${String(id)}`),
    ).toBe(2);
  });

  it('refuses employees, bad rules (with the JSON pointer), other schemes and unknown ids', async () => {
    expect((await post(as.ANNA!, '/api/v1/advocacy/content', item)).statusCode).toBe(403);
    const badRule = await post(as.comm!, '/api/v1/advocacy/content', { ...item, audience: { all: [{ field: 'nope', op: 'eq', value: 1 }] } });
    expect(badRule.statusCode).toBe(400);
    expect(JSON.stringify(badRule.json())).toContain('/audience/all/0');
    const js = await post(as.comm!, '/api/v1/advocacy/content', { ...item, url: 'javascript:alert(1)' });
    expect(js.statusCode).toBe(400);
    const campaign = await post(as.comm!, '/api/v1/advocacy/content', { ...item, campaign_id: 999999 });
    expect(campaign.statusCode).toBe(400);
    expect(JSON.stringify(campaign.json())).toContain('/campaign_id');
    expect((await t.app.inject({ url: '/api/v1/advocacy/content/999999', headers: as.comm!.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/advocacy/content?cursor=bogus', headers: as.comm!.headers })).statusCode).toBe(400);
  });

  it('shows employees the live items for them, in their language first, and needs a person', async () => {
    const legalOnly = await post(as.comm!, '/api/v1/advocacy/content', {
      ...item,
      title: 'Legal only',
      audience: { field: 'department', op: 'eq', value: 'Legal' },
    });
    const expired = await post(as.comm!, '/api/v1/advocacy/content', { ...item, title: 'Old', expires_at: '2020-01-01T00:00:00Z' });
    expect(expired.json().status).toBe('expired');
    const ben = (await t.app.inject({ url: '/api/v1/advocacy/library', headers: as.BEN!.headers })).json();
    expect(ben.items.map((i: { title: string }) => i.title)).toEqual(['Hiring in Utrecht']);
    expect(ben.language).toBe('de');
    expect(ben.items[0].suggested_posts[0].language).toBe('de');
    const fred = (await t.app.inject({ url: '/api/v1/advocacy/library', headers: as.FRED!.headers })).json();
    expect(fred.items.map((i: { title: string }) => i.title)).toEqual(['Legal only', 'Hiring in Utrecht']);
    const none = await t.app.inject({ url: '/api/v1/advocacy/library', headers: as.nobody!.headers });
    expect(none.statusCode).toBe(403);
    expect(none.json().code).toBe('advocacy.no_person');
    // Not for Ben: sharing it is a 404, so its existence does not leak.
    expect((await post(as.BEN!, `/api/v1/advocacy/content/${legalOnly.json().id}/share`, { network: 'linkedin' })).statusCode).toBe(404);
    const old = await post(as.BEN!, `/api/v1/advocacy/content/${expired.json().id}/share`, { network: 'linkedin' });
    expect(old.statusCode).toBe(409);
    expect(old.json().code).toBe('advocacy.content_expired');
  });

  it('gives one link per person, content and network, also to 10 parallel shares, each share counted with points', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => post(as.ANNA!, `/api/v1/advocacy/content/${id}/share`, { network: 'linkedin', text: 'We are hiring in Utrecht!' })),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    const codes = new Set(results.map((r) => r.json().code));
    expect(codes.size).toBe(1);
    const [code] = [...codes];
    expect(code).toMatch(/^[A-Za-z0-9_-]{10}$/);
    const body = results[0]!.json();
    expect(body.short_url).toBe(`${t.config.publicUrl}/s/${code}`);
    expect(body.share_url).toBe(`https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(body.short_url)}`);
    expect(await count(sql`SELECT 1 FROM advocacy_shares WHERE code = ${code} AND NOT adapted`)).toBe(10);
    expect(await count(sql`SELECT 1 FROM advocacy_participants WHERE person_id = ${ids.ANNA}`)).toBe(1);
    expect(await count(sql`SELECT 1 FROM advocacy_points WHERE person_id = ${ids.ANNA} AND action = 'share' AND source LIKE 'share:%'`)).toBe(10);
    expect(await count(sql`SELECT 1 FROM events WHERE person_id = ${ids.ANNA} AND type = 'shared' AND campaign_id IS NULL`)).toBe(10);
    const x = await post(as.ANNA!, `/api/v1/advocacy/content/${id}/share`, { network: 'x', text: '  My own   take on it ' });
    expect(x.json().code).not.toBe(code);
    expect(x.json().share_url).toMatch(/^https:\/\/x\.com\/intent\/post\?text=My%20own%20%20%20take%20on%20it&url=http/);
    expect(await count(sql`SELECT 1 FROM advocacy_shares WHERE code = ${x.json().code} AND adapted`)).toBe(1);
    // Whitespace does not make a suggested text one's own.
    const ben = await post(as.BEN!, `/api/v1/advocacy/content/${id}/share`, { network: 'xing', text: '  Wir stellen   in Utrecht ein! ' });
    expect(ben.json().share_url).toMatch(/^https:\/\/www\.xing\.com\/spi\/shares\/new\?url=/);
    expect(await count(sql`SELECT 1 FROM advocacy_shares WHERE code = ${ben.json().code} AND NOT adapted`)).toBe(1);
    const fb = await post(as.BEN!, `/api/v1/advocacy/content/${id}/share`, { network: 'facebook' });
    expect(fb.json().share_url).toMatch(/^https:\/\/www\.facebook\.com\/sharer\/sharer\.php\?u=/);
    expect((await post(as.BEN!, `/api/v1/advocacy/content/${id}/share`, { network: 'myspace' })).statusCode).toBe(400);
    expect((await post(as.nobody!, `/api/v1/advocacy/content/${id}/share`, { network: 'linkedin' })).json().code).toBe('advocacy.no_person');
    const lib = (await t.app.inject({ url: '/api/v1/advocacy/library', headers: as.ANNA!.headers })).json();
    expect(lib.items.find((i: { id: number }) => i.id === id)).toMatchObject({ my_shares: 11 });
  });

  it('takes engagement reports from the link owner only and imports CSV keeping good lines', async () => {
    const mine = (await post(as.ANNA!, `/api/v1/advocacy/content/${id}/share`, { network: 'linkedin' })).json();
    expect((await post(as.ANNA!, `/api/v1/advocacy/links/${mine.code}/engagement`, { reactions: 5, comments: 1, reshares: 0 })).statusCode).toBe(201);
    expect((await post(as.BEN!, `/api/v1/advocacy/links/${mine.code}/engagement`, { reactions: 500, comments: 1 })).statusCode).toBe(404);
    expect((await post(as.ANNA!, `/api/v1/advocacy/links/${mine.code}/engagement`, { reactions: -1, comments: 1 })).statusCode).toBe(400);
    const csv = ['code,reactions,comments,reshares', `${mine.code},12,4,2`, 'nosuchcode1,1,1,1', `${mine.short_url},x,1,1`, ''].join('\n');
    const importAs = (caller: TestCaller) =>
      t.app.inject({ method: 'POST', url: '/api/v1/advocacy/engagement/import', headers: { ...caller.headers, 'content-type': 'text/csv' }, payload: csv });
    expect((await importAs(as.ANNA!)).statusCode).toBe(403);
    const res = await importAs(as.comm!);
    expect(res.statusCode).toBe(200);
    expect(res.json().imported).toBe(1);
    expect(res.json().problems.map((p: { line: number; code: string }) => [p.line, p.code])).toEqual([
      [3, 'advocacy.import_unknown_link'],
      [4, 'advocacy.import_bad_number'],
    ]);
    const stats = (await t.app.inject({ url: '/api/v1/advocacy/me/stats', headers: as.ANNA!.headers })).json();
    expect(stats).toMatchObject({ shares: 12, adapted_shares: 1, reactions: 12, comments: 4, reshares: 2 });
    expect(stats.by_network.map((n: { network: string }) => n.network)).toEqual(['linkedin', 'x']);
    expect(stats.by_week.reduce((s: number, w: { shares: number }) => s + w.shares, 0)).toBe(12);
  });

  it('reports analytics to managers with departments under k withheld, and keeps archived items out of sharing', async () => {
    for (const p of ['CARLA', 'DIRK', 'EVA']) await post(as[p]!, `/api/v1/advocacy/content/${id}/share`, { network: 'linkedin' });
    await post(as.FRED!, `/api/v1/advocacy/content/${id}/share`, { network: 'linkedin' });
    expect((await t.app.inject({ url: '/api/v1/advocacy/analytics', headers: as.ANNA!.headers })).statusCode).toBe(403);
    const a = (await t.app.inject({ url: '/api/v1/advocacy/analytics', headers: as.comm!.headers })).json();
    expect(a).toMatchObject({ sharers: 6, min_group: 5, currency: 'EUR' });
    expect(a.by_department).toEqual([expect.objectContaining({ department: 'Sales', sharers: 5 })]);
    expect(a.other_departments).toEqual({ sharers: 0, shares: 0, unique_clicks: 0 });
    expect(a.top_content[0].content_id).toBe(id);
    expect(a.adoption.at(-1).participants).toBe(6);
    expect((await t.app.inject({ url: '/api/v1/advocacy/analytics?from=2026-13-01', headers: as.comm!.headers })).statusCode).toBe(400);
    const archived = await t.app.inject({ method: 'DELETE', url: `/api/v1/advocacy/content/${id}`, headers: as.comm!.headers });
    expect(archived.json().status).toBe('archived');
    const again = await post(as.ANNA!, `/api/v1/advocacy/content/${id}/share`, { network: 'linkedin' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('advocacy.content_archived');
  });

  it('exports a sharer’s links, shares with texts and reports, and erasure blanks the texts but keeps the links', async () => {
    const admin = await signIn(t, 'admin');
    const exported = (await t.app.inject({ url: `/api/v1/people/${ids.ANNA}/privacy-export`, headers: admin.headers })).json();
    const data = exported.data ?? exported;
    expect(data.advocacy_links.length).toBe(2);
    expect(data.advocacy_shares.some((s: { text: string }) => s.text.includes('My own'))).toBe(true);
    expect(data.advocacy_engagement_reports.length).toBeGreaterThan(0);
    const codes = data.advocacy_links.map((l: { code: string }) => l.code);
    const erased = await t.app.inject({ method: 'POST', url: `/api/v1/people/${ids.ANNA}/erase`, headers: admin.headers, payload: { confirm: true } });
    expect(erased.statusCode).toBe(200);
    expect(await count(sql`SELECT 1 FROM advocacy_links WHERE code = ANY(${codes}::text[]) AND person_id IS NULL`)).toBe(2);
    expect(await count(sql`SELECT 1 FROM advocacy_shares WHERE code = ANY(${codes}::text[]) AND text <> ''`)).toBe(0);
    expect((await t.app.inject({ url: `/s/${codes[0]}` })).statusCode).toBe(302);
  });
});
