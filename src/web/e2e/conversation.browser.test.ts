// Browser test of issue 11's Done-when (Conversation, ADR 0028): a campaign reaches two colleagues'
// feeds; one comments on it in German from her feed, mentioning the other through the @ suggestions
// and with HTML in the text; the colleague signs in with a Dutch browser, sees the mention
// notification worded in Dutch, opens it, reads the comment (the HTML shown as text) and likes it.
// Then the communicator sees the comment and the sentiment panel on the campaign's Comments tab.
import path from 'node:path';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePassword, upsertUserWithPassword } from '../../server/modules/identity/index.js';
import { fanOutCampaign } from '../../server/modules/delivery/index.js';
import { RESULTS_DIR, signInAsAdmin, startBrowserHarness, watchCsp, type BrowserHarness } from './browser-harness.js';

const SUBJECT = 'Neue Gleitzeitregelung ab Januar';
const INJECTED = '<img src=x onerror="window.__pwned=1"><b>fett</b>';

type Person = { id: number; external_id: string; email: string; given_name: string; family_name: string };
type Login = { email: string; password: string };

/** A browser session in `locale` signed in as `login`, landed on the feed. */
async function session(h: BrowserHarness, login: Login, locale: string): Promise<Page> {
  const context = await h.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  await watchCsp(context, h.cspViolations);
  const page = await context.newPage();
  await page.goto(`${h.server.url}/login`);
  await page.getByTestId('login-email').fill(login.email);
  await page.getByTestId('login-password').fill(login.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/feed$/);
  return page;
}

describe('conversation on a campaign in the browser (German and Dutch)', () => {
  let h: BrowserHarness;
  let writer: Person;
  let colleague: Person;
  const logins: Record<string, Login> = {};
  let campaignId = 0;

  beforeAll(async () => {
    h = await startBrowserHarness({ width: 1280, height: 900 });
    // Two active people; the colleague has a family name no one else has, so the @ search finds them first.
    const rows = await sql<Person>`
      SELECT id, external_id, email, given_name, family_name FROM people AS p
      WHERE status = 'active' AND email IS NOT NULL AND NOT EXISTS (SELECT 1 FROM people AS o WHERE o.family_name = p.family_name AND o.id <> p.id)
      ORDER BY id LIMIT 2`.execute(h.server.db);
    [writer, colleague] = rows.rows.map((r) => ({ ...r, id: Number(r.id) })) as [Person, Person];
    for (const p of [writer, colleague]) {
      logins[p.external_id] = { email: p.email, password: generatePassword() };
      await upsertUserWithPassword({
        db: h.server.db,
        email: p.email,
        displayName: `${p.given_name} ${p.family_name}`,
        role: 'employee',
        password: logins[p.external_id]!.password,
        personId: p.id,
      });
    }
    // The admin creates the campaign through the API; it is fanned out here rather than by the worker.
    await signInAsAdmin(h);
    const api = h.page.request;
    const csrf = ((await (await api.get(`${h.server.url}/api/v1/auth/me`)).json()) as { csrf_token: string }).csrf_token;
    const created = await api.post(`${h.server.url}/api/v1/campaigns`, {
      headers: { 'X-CSRF-Token': csrf },
      data: {
        name: 'Gleitzeit',
        audience: { field: 'external_id', op: 'in', value: [writer.external_id, colleague.external_id] },
        default_language: 'de',
        variants: [{ key: 'alle', default: true, channels: ['feed'], content: { de: { subject: SUBJECT, body: 'Die Kernzeit entfällt.' } } }],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    campaignId = ((await created.json()) as { id: number }).id;
    await sql`UPDATE campaigns SET status = 'scheduled' WHERE id = ${campaignId}`.execute(h.server.db);
    await fanOutCampaign({ db: h.server.db, config: h.server.config, clock: () => new Date(), campaignId });
  }, 120_000);

  afterAll(async () => h?.close());

  it('lets an employee comment on the campaign in her feed, mentioning a colleague picked from the @ suggestions', async () => {
    const page = await session(h, logins[writer.external_id]!, 'de-DE');
    const item = page.getByTestId('feed-item').filter({ hasText: SUBJECT });
    await item.getByTestId('feed-item-comments').click();
    const thread = item.getByTestId('comment-thread');
    await thread.getByTestId('comments-empty').waitFor();
    expect(await thread.getByTestId('comments-empty').innerText()).toBe('Noch keine Kommentare. Schreiben Sie den ersten.');

    const input = thread.getByTestId('comment-input');
    await input.click();
    await input.pressSequentially(`Danke! Was meinst du, @${colleague.family_name}`);
    const option = thread.getByTestId('comment-suggestion').filter({ hasText: `${colleague.given_name} ${colleague.family_name}` });
    await option.first().click();
    await input.pressSequentially(`? Gut für #exel und alle. ${INJECTED}`);
    const posted = page.waitForResponse((r) => r.url().endsWith(`/api/v1/campaigns/${campaignId}/comments`) && r.request().method() === 'POST');
    await thread.getByTestId('comment-submit').click();
    expect((await posted).status()).toBe(201);

    const comment = thread.getByTestId('comment').first();
    await comment.waitFor();
    expect(await comment.getByTestId('comment-mention').innerText()).toBe(`@${colleague.given_name} ${colleague.family_name}`);
    expect(await comment.getByRole('link', { name: '#exel' }).getAttribute('href')).toBe('/experts?q=excel');
    await expect.poll(() => item.getByTestId('feed-item-comments').innerText()).toBe('Kommentare ausblenden');
    const stored = await sql<{ body: string }>`SELECT body FROM comments WHERE campaign_id = ${campaignId}`.execute(h.server.db);
    expect(stored.rows[0]!.body).toContain(`@[${colleague.external_id}]`);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'conversation-de.png'), fullPage: true });
    await page.context().close();
  }, 60_000);

  it('shows the colleague (Dutch) the mention in the feed, and the comment with its HTML as text', async () => {
    const page = await session(h, logins[colleague.external_id]!, 'nl-NL');
    const panel = page.getByTestId('notifications');
    await panel.waitFor();
    expect(await panel.getByTestId('notifications-unread').getAttribute('data-count')).toBe('1');
    const note = panel.getByTestId('notification');
    expect(await note.getByTestId('notification-text').innerText()).toBe(
      `${writer.given_name} ${writer.family_name} heeft u genoemd in een reactie op ‘Gleitzeit’`,
    );
    await note.getByTestId('notification-open').click();
    const dialog = page.getByRole('dialog');
    const body = dialog.getByTestId('comment-body');
    await body.waitFor();
    expect(await body.innerText()).toContain(INJECTED);
    expect(await dialog.getByTestId('comment-author').innerText()).toBe(`${writer.given_name} ${writer.family_name}`);
    expect(await body.locator('img, b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect.poll(async () => panel.getByTestId('notifications-unread').count()).toBe(0);
    // The feed item says how many comments its conversation has, in Dutch.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('feed-item').filter({ hasText: SUBJECT }).getByTestId('feed-item-comments').innerText()).toBe('1 reactie');
    // A reaction on the comment, from the feed item's own thread.
    const item = page.getByTestId('feed-item').filter({ hasText: SUBJECT });
    await item.getByTestId('feed-item-comments').click();
    const like = item.getByTestId('comment').getByTestId('reaction-like');
    expect(await like.innerText()).toBe('Leuk');
    await like.click();
    await expect.poll(() => like.getAttribute('data-count')).toBe('1');
    expect(await like.getAttribute('aria-pressed')).toBe('true');
    await page.screenshot({ path: path.join(RESULTS_DIR, 'conversation-nl.png'), fullPage: true });
    await page.context().close();
  }, 60_000);

  it('shows the communicator the thread and, below k people, no sentiment figure on the campaign page', async () => {
    await h.page.goto(`${h.server.url}/campaigns/${campaignId}`);
    await h.page.getByTestId('campaign-tab-conversation').click();
    await h.page.getByTestId('sentiment-too-few').waitFor();
    // The thread loads apart from the sentiment panel: wait for its comment rather than count at once.
    await h.page.getByTestId('comment').first().waitFor();
    expect(await h.page.getByTestId('comment').count()).toBe(1);
    expect(await h.page.getByTestId('nav-moderation').count()).toBe(1);
    expect(h.cspViolations).toEqual([]);
  });
});
