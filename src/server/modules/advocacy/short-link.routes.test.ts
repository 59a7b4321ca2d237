// The short link /s/:code (ADR 0030): only ever a redirect to the content's own URL with UTM parameters;
// outside clicks counted without storing who clicked: machine traffic (HEAD, bots and link previews,
// no user agent, prefetch, scanner networks, the sharer's own clicks) flagged and never unique; one
// unique click per visitor, link and day also under 30 parallel clicks; points only in individual mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signIn, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { importPeopleRows } from '../people/index.js';
import { forgetOldSalts } from './click.service.js';

let t: TestRuntime;
let sharer: TestCaller;
let sharerId: number;
let code: string;
const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

const click = (headers: Record<string, string> = {}, address = '203.0.113.9', method: 'GET' | 'HEAD' = 'GET', path = `/s/${code}`) =>
  t.app.inject({ method, url: path, headers: { 'user-agent': CHROME, ...headers }, remoteAddress: address });
const clicks = async () =>
  (
    await sql<{
      machine_reason: string | null;
      is_unique: boolean;
      visitor: string;
    }>`SELECT machine_reason, is_unique, visitor FROM advocacy_clicks WHERE code = ${code} ORDER BY id`.execute(t.database.db)
  ).rows;
const points = async () =>
  Number(
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM advocacy_points WHERE person_id = ${sharerId} AND action = 'unique_click'`.execute(t.database.db))
      .rows[0]!.n,
  );

beforeAll(async () => {
  t = await startTestRuntime();
  await importPeopleRows({
    db: t.database.db,
    rows: [{ line: 1, value: { external_id: 'SH', email: 'sh@x.example', given_name: 'Sh', family_name: 'Arer' } }],
  });
  sharerId = Number((await sql<{ id: number }>`SELECT id FROM people WHERE external_id = 'SH'`.execute(t.database.db)).rows[0]!.id);
  sharer = await signIn(t, 'employee', sharerId);
  const comm = await signIn(t, 'communicator');
  const content = await t.app.inject({
    method: 'POST',
    url: '/api/v1/advocacy/content',
    headers: comm.headers,
    payload: { title: 'Report', url: 'https://www.example.com/report?lang=en&utm_source=site&x=a%20b#part-2' },
  });
  const shared = await t.app.inject({
    method: 'POST',
    url: `/api/v1/advocacy/content/${content.json().id}/share`,
    headers: sharer.headers,
    payload: { network: 'linkedin' },
  });
  code = shared.json().code;
});
afterAll(async () => t?.close());

describe('GET /s/:code', () => {
  it("redirects to the content's own URL with UTM parameters, keeping its query and fragment", async () => {
    const res = await click();
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(
      `https://www.example.com/report?lang=en&x=a%20b&utm_source=linkedin&utm_medium=social&utm_campaign=advocacy&utm_content=${code}#part-2`,
    );
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers 404 and never a redirect for unknown or crafted codes', async () => {
    for (const path of [
      '/s/unknown123',
      '/s/..%2F..%2Fetc',
      '/s//evil.example',
      '/s/%2F%2Fevil.example',
      '/s/%5C%5Cevil.example',
      `/s/${code}%2F..`,
      '/s/a',
      '/s/',
      `/s/${code}/x`,
    ]) {
      const res = await click({}, '203.0.113.9', 'GET', path);
      expect(res.statusCode, path).toBe(404);
      expect(res.headers.location, path).toBeUndefined();
    }
  });

  it('flags machine traffic, the sharer’s own click and prefetches, and counts one unique click per visitor and day', async () => {
    await sql`DELETE FROM advocacy_clicks`.execute(t.database.db);
    const before = await points();
    await click({ 'user-agent': 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)' });
    await click({ 'user-agent': 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)' });
    await click({ 'user-agent': 'Twitterbot/1.0' });
    await click({ 'user-agent': 'XING-contenttabreceiver/2.0' });
    await click({ 'user-agent': '' });
    await click({}, '203.0.113.9', 'HEAD');
    await click({ 'sec-purpose': 'prefetch' });
    await click({ purpose: 'prefetch' });
    await click({ ...sharer.headers });
    await click({}, '40.107.1.2');
    const machine = await clicks();
    expect(machine.map((c) => c.machine_reason)).toEqual([
      'bot_user_agent',
      'bot_user_agent',
      'bot_user_agent',
      'bot_user_agent',
      'no_user_agent',
      'head_request',
      'prefetch',
      'prefetch',
      'self',
      'scanner_network',
    ]);
    expect(machine.some((c) => c.is_unique)).toBe(false);
    // No address or user agent is stored: only a hash that matches neither.
    expect(machine.every((c) => /^[0-9a-f]{32}$/.test(c.visitor))).toBe(true);
    const parallel = await Promise.all(Array.from({ length: 30 }, () => click()));
    expect(parallel.every((r) => r.statusCode === 302)).toBe(true);
    await click({ 'user-agent': FIREFOX });
    await click({}, '198.51.100.20');
    const human = (await clicks()).filter((c) => c.machine_reason === null);
    expect(human).toHaveLength(32);
    expect(human.filter((c) => c.is_unique)).toHaveLength(3);
    expect((await points()) - before).toBe(3);
    const stats = (await t.app.inject({ url: '/api/v1/advocacy/me/stats', headers: sharer.headers })).json();
    expect(stats).toMatchObject({ unique_clicks: 3, machine_clicks: 10 });
  });

  it('counts without points in aggregate mode and records nothing when tracking is off', async () => {
    const before = await points();
    const rows = (await clicks()).length;
    t.config.TRACKING_MODE = 'aggregate';
    try {
      await click({}, '198.51.100.77');
      const latest = (await clicks()).at(-1)!;
      expect(latest.is_unique).toBe(true);
      expect(await points()).toBe(before);
      t.config.TRACKING_MODE = 'off';
      expect((await click({}, '198.51.100.78')).statusCode).toBe(302);
      expect((await clicks()).length).toBe(rows + 1);
    } finally {
      t.config.TRACKING_MODE = 'individual';
    }
  });

  it('forgets the salts of days before yesterday, keeping today’s', async () => {
    await sql`INSERT INTO advocacy_click_salts (day, salt) VALUES ('2020-01-01', '\\x00'::bytea), (current_date - 1, '\\x01'::bytea) ON CONFLICT DO NOTHING`.execute(
      t.database.db,
    );
    expect(await forgetOldSalts(t.database.db, new Date())).toBe(1);
    const days = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM advocacy_click_salts`.execute(t.database.db)).rows[0]!.n;
    expect(Number(days)).toBe(2);
  });
});
