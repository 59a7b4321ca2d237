// Browser test of the news feed in German with the job worker running: a communicator sends a news
// item and a must-read to one colleague's feed through the API; the colleague lands on Neuigkeiten, sees
// the must-read pinned, acknowledges it, opens the news and watches the unread count go down. Then the
// communicator schedules a campaign at a local time, pauses, resumes and cancels it from its header, writes a
// must-read with a follow-up (a missing subject shown at the follow-up) and may not approve it alone.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { sql } from 'kysely';
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePassword, upsertUserWithPassword } from '../../server/modules/identity/index.js';
import { RESULTS_DIR, startBrowserHarness, watchCsp, type BrowserHarness } from './browser-harness.js';

const NEWS_SUBJECT = 'Die neue Kantine öffnet am Montag';
const MUST_SUBJECT = 'Neue Sicherheitsregeln im Labor';
const ACKNOWLEDGE_BY = '2027-03-01T12:00:00Z';

type Login = { email: string; password: string };
type Feed = { unread: number; pinned: { id: number }[]; items: { id: number; subject: string; read: boolean }[] };

/** A German browser session signed in as `login`, once it has landed on `landing`. */
async function germanSession(h: BrowserHarness, login: Login, landing: RegExp): Promise<{ context: BrowserContext; page: Page }> {
  const context = await h.browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
  await watchCsp(context, h.cspViolations);
  const page = await context.newPage();
  await page.goto(`${h.server.url}/login`);
  await page.getByTestId('login-email').fill(login.email);
  await page.getByTestId('login-password').fill(login.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(landing);
  return { context, page };
}

describe('the news feed in the browser (German)', () => {
  let h: BrowserHarness;
  let employee: Page;
  let communicator: Page;
  let api: APIRequestContext;
  let csrf = '';
  let externalId = '';
  let reader: Login;

  const campaignInput = (name: string, subject: string, extra: Record<string, unknown> = {}) => ({
    name,
    audience: { field: 'external_id', op: 'eq', value: externalId },
    default_language: 'de',
    variants: [
      {
        key: 'alle',
        default: true,
        channels: ['feed'],
        content: { de: { subject, body: `**${subject}**: Details folgen im Text. [Speiseplan](https://intranet.example.test/speiseplan.pdf)` } },
      },
    ],
    ...extra,
  });

  /** Creates a campaign as the communicator and sends it (`when` is the send body); returns its id. */
  const createAndSend = async (input: Record<string, unknown>, when: Record<string, string> = {}): Promise<number> => {
    const created = await api.post(`${h.server.url}/api/v1/campaigns`, { data: input, headers: { 'X-CSRF-Token': csrf } });
    expect(created.status(), await created.text()).toBe(201);
    const id = ((await created.json()) as { id: number }).id;
    const sent = await api.post(`${h.server.url}/api/v1/campaigns/${id}/send`, {
      data: when,
      headers: { 'X-CSRF-Token': csrf, 'Idempotency-Key': randomUUID() },
    });
    expect(sent.status(), await sent.text()).toBe(202);
    return id;
  };

  const statusOf = async (id: number) => ((await (await api.get(`${h.server.url}/api/v1/campaigns/${id}`)).json()) as { status: string }).status;
  const feedOf = async (): Promise<Feed> => (await (await employee.request.get(`${h.server.url}/api/v1/feed`)).json()) as Feed;
  const unreadBadge = async () => {
    const badge = employee.getByTestId('feed-unread-count');
    return (await badge.count()) === 0 ? 0 : Number(await badge.getAttribute('data-count'));
  };

  beforeAll(async () => {
    h = await startBrowserHarness({ width: 1280, height: 900 }, { worker: true });
    const person = (
      await sql<{ id: number; email: string; external_id: string; given_name: string; family_name: string }>`
      SELECT id, email, external_id, given_name, family_name FROM people WHERE status = 'active' AND email IS NOT NULL ORDER BY id OFFSET 7 LIMIT 1`.execute(
        h.server.db,
      )
    ).rows[0]!;
    externalId = person.external_id;
    reader = { email: person.email, password: generatePassword() };
    await upsertUserWithPassword({
      db: h.server.db,
      email: reader.email,
      displayName: `${person.given_name} ${person.family_name}`,
      role: 'employee',
      password: reader.password,
      personId: person.id,
    });
    const writer = { email: 'kommunikation@example.test', password: generatePassword() };
    await upsertUserWithPassword({ db: h.server.db, email: writer.email, displayName: 'Kim Kommunikation', role: 'communicator', password: writer.password });

    // The communicator has no person in the directory, so lands on People.
    communicator = (await germanSession(h, writer, /\/people$/)).page;
    api = communicator.request;
    csrf = ((await (await api.get(`${h.server.url}/api/v1/auth/me`)).json()) as { csrf_token: string }).csrf_token;
  }, 60_000);

  afterAll(async () => h?.close());

  it('sends a news item and a must-read to the colleague’s feed and waits until the worker delivered them', async () => {
    const news = await createAndSend(campaignInput('Kantine', NEWS_SUBJECT));
    const must = await createAndSend(campaignInput('Laborsicherheit', MUST_SUBJECT, { kind: 'must_read', acknowledge_by: ACKNOWLEDGE_BY }));
    await expect.poll(() => statusOf(news), { timeout: 90_000, interval: 500 }).toBe('sent');
    await expect.poll(() => statusOf(must), { timeout: 90_000, interval: 500 }).toBe('sent');

    employee = (await germanSession(h, reader, /\/feed$/)).page;
  }, 180_000);

  it('lands the colleague on Neuigkeiten with the must-read pinned and the unread count in the navigation', async () => {
    await employee
      .getByRole('navigation')
      .getByRole('link', { name: /^Neuigkeiten/ })
      .waitFor();
    await employee.getByRole('heading', { name: 'Neuigkeiten', exact: true }).waitFor();
    const feed = await feedOf();
    expect(feed.unread).toBeGreaterThanOrEqual(2);
    await expect.poll(unreadBadge).toBe(feed.unread);

    const pinned = employee.getByTestId('feed-pinned-item');
    // The heading shows before the items arrive: wait for the pinned one rather than count at once.
    await pinned.first().waitFor();
    expect(await pinned.count()).toBe(1);
    expect(await pinned.getByTestId('feed-item-subject').innerText()).toBe(MUST_SUBJECT);
    expect(await pinned.getByTestId('feed-item-acknowledge-state').innerText()).toMatch(/^Bitte bestätigen Sie bis .*2027/);
    // Both messages are also in the list, newest first, unread.
    const news = employee.getByTestId('feed-item').filter({ hasText: NEWS_SUBJECT });
    expect(await news.getAttribute('data-read')).toBe('false');
    expect(await news.getByTestId('feed-item-unread').textContent()).toBe('Neu');
    expect(await employee.getByTestId('feed-item').filter({ hasText: MUST_SUBJECT }).count()).toBe(1);
    await employee.screenshot({ path: path.join(RESULTS_DIR, 'feed-de.png'), fullPage: true });
  });

  it('acknowledges the must-read, which is then no longer pinned', async () => {
    const pinned = employee.getByTestId('feed-pinned-item');
    await pinned.getByTestId('feed-item-toggle').click();
    const frame = pinned.getByTestId('feed-message-html');
    await frame.waitFor();
    expect(await frame.getAttribute('srcdoc')).toContain(`<strong>${MUST_SUBJECT}</strong>`);
    expect(await frame.getAttribute('sandbox')).not.toContain('allow-scripts');
    const acknowledged = employee.waitForResponse((r) => /\/api\/v1\/feed\/\d+\/acknowledge$/.test(r.url()) && r.request().method() === 'POST');
    await pinned.getByTestId('feed-acknowledge').click();
    expect((await acknowledged).status()).toBe(204);
    await employee.getByTestId('feed-pinned').waitFor({ state: 'detached' });
    expect((await feedOf()).pinned).toEqual([]);
    const inList = employee.getByTestId('feed-item').filter({ hasText: MUST_SUBJECT });
    await expect.poll(async () => inList.getByTestId('feed-item-acknowledge-state').innerText()).toBe('Bestätigt.');
  });

  it('marks the news read when it is opened, and the unread count goes down', async () => {
    const before = (await feedOf()).unread;
    await expect.poll(unreadBadge).toBe(before);
    const news = employee.getByTestId('feed-item').filter({ hasText: NEWS_SUBJECT });
    await news.getByTestId('feed-item-toggle').click();
    await news.getByTestId('feed-message-html').waitFor();
    expect(await news.getByTestId('feed-message-html').getAttribute('srcdoc')).toContain('Details folgen im Text.');
    await expect.poll(async () => news.getAttribute('data-read')).toBe('true');
    await expect.poll(unreadBadge).toBe(before - 1);
    expect((await feedOf()).items.find((item) => item.subject === NEWS_SUBJECT)?.read).toBe(true);
    expect(await employee.locator('main').innerText()).not.toMatch(/not found|must-read/i);
  });

  it('reports how long the open news was in view, and a download from it, as feed events (issue 10)', async () => {
    const news = employee.getByTestId('feed-item').filter({ hasText: NEWS_SUBJECT });
    const frame = news.getByTestId('feed-message-html');
    // The item has been open since the test before; it stays in view a little longer, then closes.
    await employee.waitForTimeout(1_500);
    const read = employee.waitForResponse((r) => /\/api\/v1\/feed\/\d+\/reads$/.test(r.url()) && r.request().method() === 'POST');
    const clicked = employee.waitForResponse((r) => /\/api\/v1\/feed\/\d+\/clicks$/.test(r.url()) && r.request().method() === 'POST');
    const popup = employee.waitForEvent('popup').catch(() => null);
    await frame.contentFrame().getByRole('link', { name: 'Speiseplan' }).click();
    expect((await clicked).status()).toBe(200);
    await (await popup)?.close();
    await news.getByTestId('feed-item-toggle').click();
    expect((await read).status()).toBe(204);
    const rows = await sql<{ kind: string; dwell_ms: number | null; dwell_bucket: string | null }>`
      SELECT e.kind, e.dwell_ms, e.dwell_bucket FROM tracking_events e JOIN campaigns c ON c.id = e.campaign_id
      WHERE c.name = 'Kantine' ORDER BY e.id`.execute(h.server.db);
    expect(rows.rows.map((r) => r.kind)).toContain('download');
    const reads = rows.rows.filter((r) => r.kind === 'read');
    expect(reads.length).toBeGreaterThanOrEqual(1);
    expect(Math.max(...reads.map((r) => r.dwell_ms ?? 0))).toBeGreaterThanOrEqual(1_000);
    expect(reads.every((r) => r.dwell_bucket !== null)).toBe(true);
  });

  it('lets the communicator schedule a campaign at a local time, then pause, resume and cancel it from its header', async () => {
    const created = await api.post(`${h.server.url}/api/v1/campaigns`, {
      data: campaignInput('Sommerfest', 'Einladung zum Sommerfest'),
      headers: { 'X-CSRF-Token': csrf },
    });
    expect(created.status()).toBe(201);
    const id = ((await created.json()) as { id: number }).id;
    await communicator.goto(`${h.server.url}/campaigns/${id}`);
    const status = communicator.getByTestId('campaign-status');
    await status.waitFor();

    // Scheduled at a wall-clock time, which each recipient gets in their own time zone.
    await communicator.getByTestId('campaign-send').click();
    await communicator.getByTestId('send-local').click();
    await communicator.getByTestId('send-local-time').fill('2030-06-01T09:00');
    const request = communicator.waitForRequest((r) => r.url().endsWith(`/api/v1/campaigns/${id}/send`) && r.method() === 'POST');
    await communicator.getByTestId('send-confirm').click();
    expect((await request).postDataJSON()).toEqual({ local_time: '2030-06-01T09:00' });
    await communicator.getByTestId('send-result').waitFor();
    expect(await communicator.getByTestId('send-result').innerText()).toMatch(
      /^Die Kampagne ist geplant: Jede Person erhält sie am .*2030.* in ihrer eigenen Zeitzone\.$/,
    );
    await communicator.getByTestId('send-close').click();
    await communicator.locator('[data-testid="campaign-status"][data-status="scheduled"]').waitFor();
    expect(await statusOf(id)).toBe('scheduled');
    expect(await communicator.getByTestId('campaign-approval').innerText()).toBe('Nicht freigegeben');
    expect(await communicator.getByTestId('campaign-resume').count()).toBe(0);

    await communicator.getByTestId('campaign-pause').click();
    await communicator.locator('[data-testid="campaign-status"][data-status="paused"]').waitFor();
    expect(await status.textContent()).toBe('Pausiert');
    expect(await communicator.getByTestId('campaign-pause').count()).toBe(0);

    await communicator.getByTestId('campaign-resume').click();
    await communicator.locator('[data-testid="campaign-status"]:not([data-status="paused"])').waitFor();
    expect(['scheduled', 'sending']).toContain(await statusOf(id));

    await communicator.getByTestId('campaign-cancel').click();
    await communicator.getByTestId('cancel-dialog').waitFor();
    await communicator.getByTestId('cancel-confirm').click();
    await communicator.locator('[data-testid="campaign-status"][data-status="cancelled"]').waitFor();
    expect(await statusOf(id)).toBe('cancelled');
    for (const action of ['pause', 'resume', 'cancel', 'send']) expect(await communicator.getByTestId(`campaign-${action}`).count()).toBe(0);
    await communicator.screenshot({ path: path.join(RESULTS_DIR, 'campaign-cancelled-de.png'), fullPage: false });
  });

  it('writes a must-read with acknowledge-by and a follow-up, shows a follow-up problem at it, and refuses approving one’s own version', async () => {
    await communicator.goto(`${h.server.url}/campaigns/new`);
    await communicator.getByTestId('campaign-name').fill('Brandschutz');
    await communicator.getByTestId('campaign-kind').click();
    await communicator.getByRole('option', { name: 'Pflichtlektüre', exact: true }).click();
    await communicator.getByTestId('campaign-acknowledge-by').fill('2027-03-01T12:00');
    await communicator.getByTestId('language-tab-en').click();
    await communicator.getByTestId('content-subject').fill('Fire safety');
    await communicator.getByTestId('content-body').fill('Please read the new fire safety rules.');

    // A reminder with a German subject only; the default language is English.
    await communicator.getByTestId('follow-up-add').click();
    await communicator.getByTestId('follow-up-after-hours').fill('48');
    await communicator.getByTestId('follow-up-condition').click();
    await communicator.getByRole('option', { name: 'sie nicht bestätigt haben', exact: true }).click();
    await communicator.getByTestId('follow-up-max-sends').fill('2');
    await communicator.getByTestId('follow-up-subject-de').fill('Erinnerung: Brandschutz');
    await communicator.getByTestId('campaign-save').click();
    const problem = communicator.getByTestId('follow-up-problems');
    await problem.waitFor();
    expect(await problem.innerText()).toBe('Dieser Erinnerung fehlt der Betreff in der Standardsprache der Kampagne (en).');
    expect(communicator.url()).toMatch(/\/campaigns\/new$/);

    await communicator.getByTestId('follow-up-subject-en').fill('Reminder: fire safety');
    await communicator.getByTestId('campaign-save').click();
    await communicator.waitForURL(/\/campaigns\/\d+$/);
    const id = Number(new URL(communicator.url()).pathname.split('/').pop());
    const saved = (await (await api.get(`${h.server.url}/api/v1/campaigns/${id}`)).json()) as {
      kind: string;
      acknowledge_by: string | null;
      follow_ups: unknown[];
    };
    expect(saved.kind).toBe('must_read');
    expect(saved.acknowledge_by).not.toBeNull();
    expect(saved.follow_ups).toEqual([
      { after_hours: 48, condition: 'not_acknowledged', subject: { de: 'Erinnerung: Brandschutz', en: 'Reminder: fire safety' }, max_sends: 2 },
    ]);
    expect(await communicator.getByTestId('follow-up').count()).toBe(1);

    // The last editor cannot approve their own version: the German reason, not the server's English.
    expect(await communicator.getByTestId('campaign-approval').innerText()).toBe('Nicht freigegeben');
    await communicator.getByTestId('campaign-approve').click();
    await communicator.getByRole('alert').filter({ hasText: 'Sie haben diese Fassung selbst geändert' }).waitFor();
    await communicator.screenshot({ path: path.join(RESULTS_DIR, 'campaign-follow-ups-de.png'), fullPage: true });
    expect(h.cspViolations).toEqual([]);
  });
});
