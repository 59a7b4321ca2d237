// Points, leaderboard and influence score in the browser (ADR 0031, 0032): a demo employee joins and
// sees their score and place; then shares with real engagement arrive for them (SQL fixtures for links,
// shares and clicks, points through the ledger) while six other participants share once with little
// echo; after a reload their place rises and their score goes up, as the ADR says quality should.
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { generatePassword, upsertUserWithPassword } from '../../../server/modules/identity/index.js';
import { awardDueBadges, awardPoints } from '../../../server/modules/advocacy/index.js';
import { watchCsp, type BrowserHarness } from '../browser-harness.js';

type Person = { id: number; external_id: string; email: string; given_name: string; family_name: string };

async function share(h: BrowserHarness, person: Person, code: string, daysAgo: number, clicks: number, reactions: number): Promise<void> {
  const db = h.server.db;
  const at = new Date(Date.now() - daysAgo * 86_400_000);
  const content = await sql<{
    id: string;
  }>`INSERT INTO advocacy_content (title, url) VALUES (${`Points ${code}`}, 'https://example.com/news') RETURNING id`.execute(db);
  await sql`INSERT INTO advocacy_links (code, content_id, person_id, network) VALUES (${code}, ${content.rows[0]!.id}, ${person.id}, 'linkedin')`.execute(db);
  const shared = await sql<{
    id: string;
  }>`INSERT INTO advocacy_shares (code, text, adapted, shared_at) VALUES (${code}, 'In my own words', true, ${at}) RETURNING id`.execute(db);
  await awardPoints({ db, personId: person.id, action: 'share', source: `share:${shared.rows[0]!.id}`, at });
  for (let i = 0; i < clicks; i++) {
    const visitor = `${code}-v${i}`;
    await sql`INSERT INTO advocacy_clicks (code, day, visitor, is_unique, occurred_at) VALUES (${code}, ${at.toISOString().slice(0, 10)}::date, ${visitor}, true, ${at})`.execute(
      db,
    );
    await awardPoints({ db, personId: person.id, action: 'unique_click', source: `click:${code}:${visitor}`, at });
  }
  if (reactions > 0)
    await sql`INSERT INTO advocacy_engagement (code, reactions, comments, source, reported_at) VALUES (${code}, ${reactions}, 2, 'self', ${at})`.execute(db);
}

const numberIn = async (page: Page, testId: string, pattern: RegExp): Promise<number> => {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  const match = pattern.exec(text);
  if (!match) throw new Error(`no number in "${text}"`);
  return Number(match[1]);
};

/** The all-time board (the fixtures' dates may fall into last month), once it has loaded. */
async function allTime(page: Page): Promise<void> {
  await page.getByTestId('leaderboard-me').waitFor();
  await page.getByText('All time').click();
  await expect.poll(async () => page.getByTestId('leaderboard').getByRole('radio', { name: 'All time' }).isChecked()).toBe(true);
  await page.getByTestId('leaderboard-me').waitFor();
}

export async function pointsSteps(h: BrowserHarness): Promise<void> {
  const db = h.server.db;
  const { rows } = await sql<Person>`SELECT id, external_id, email, given_name, family_name FROM people
    WHERE status = 'active' AND email IS NOT NULL AND id NOT IN (SELECT person_id FROM advocacy_participants) ORDER BY id DESC LIMIT 7`.execute(db);
  const [me, ...others] = rows.map((r) => ({ ...r, id: Number(r.id) }));
  expect(others).toHaveLength(6);
  const password = generatePassword();
  await upsertUserWithPassword({ db, email: me!.email, displayName: `${me!.given_name} ${me!.family_name}`, role: 'employee', password, personId: me!.id });
  for (const o of others) await sql`INSERT INTO advocacy_participants (person_id) VALUES (${o.id})`.execute(db);
  for (const [i, o] of others.entries()) await share(h, o, `pts-o${i}-${o.id}`, 3, 1, 0);

  const context = await h.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  await watchCsp(context, h.cspViolations);
  const page = await context.newPage();
  await page.goto(`${h.server.url}/login`);
  await page.getByTestId('login-email').fill(me!.email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));

  // Joining: no shares yet (kudos from the demo data may count inside), so they are placed last.
  await page.goto(`${h.server.url}/advocacy?tab=impact`);
  await page.getByRole('switch', { name: 'Take part in the advocacy programme' }).click({ force: true });
  await page.getByRole('switch', { name: 'Keep me off the leaderboards' }).waitFor({ state: 'attached' });
  await page.getByTestId('influence-score').waitFor();
  const scoreBefore = await numberIn(page, 'influence-score', /(\d+)/u);
  await page.goto(`${h.server.url}/advocacy?tab=leaderboard`);
  await allTime(page);
  // Last, behind the six who shared and whoever took part before (the other steps' sharers): one more
  // than the participants on the board with more points than them.
  const ahead = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM advocacy_participants AS a JOIN people AS x ON x.id = a.person_id AND x.status = 'active'
    WHERE NOT a.leaderboard_opt_out
      AND (SELECT coalesce(sum(points), 0) FROM advocacy_points WHERE person_id = a.person_id)
        > (SELECT coalesce(sum(points), 0) FROM advocacy_points WHERE person_id = ${me!.id})`.execute(db);
  expect(ahead.rows[0]!.n).toBeGreaterThanOrEqual(6);
  await expect.poll(async () => numberIn(page, 'leaderboard-me', /Your place: (\d+)/u)).toBe(ahead.rows[0]!.n + 1);
  await expect.poll(async () => page.getByTestId(`leaderboard-row-${me!.external_id}`).isVisible()).toBe(true);

  // Three shares in their own words that people engage with.
  for (const [i, days] of [1, 8, 15].entries()) await share(h, me!, `pts-me${i}-${me!.id}`, days, 8, 6);
  await awardDueBadges({ db, personId: me!.id, at: new Date() });

  await page.reload();
  await allTime(page);
  await expect.poll(async () => numberIn(page, 'leaderboard-me', /Your place: (\d+)/u)).toBe(1);
  await page.goto(`${h.server.url}/advocacy?tab=impact`);
  await page.getByTestId('influence-score').waitFor();
  const scoreAfter = await numberIn(page, 'influence-score', /(\d+)/u);
  expect(scoreAfter).toBeGreaterThan(scoreBefore);
  expect(scoreAfter).toBeGreaterThan(50);
  await page.getByTestId('badge-first_share').waitFor();
  await page.getByTestId('score-component-engagement').waitFor();
  await context.close();
}
