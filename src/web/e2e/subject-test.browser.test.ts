// Browser test of a subject-line test in Dutch with the job worker running: the communicator turns the
// test on in a variant, writes a second subject line, sees a blank line refused at its field, saves and
// sends; the test share goes out, more of the second line's readers open it, and once the decision time
// has come the worker sends the winner to everyone else; the campaign's "Onderwerptest" tab shows it.
import path from 'node:path';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../server/testing/test-server.js';
import { RESULTS_DIR, signInAsAdmin, startBrowserHarness, type BrowserHarness } from './browser-harness.js';

const OWN = 'Het nieuwe intranet';
const OTHER = 'Ontdek het nieuwe intranet';

describe('a subject test in the browser (Dutch)', () => {
  let harness: BrowserHarness;
  let server: TestServer;
  let page: Page;
  let campaignId = 0;

  beforeAll(async () => {
    harness = await startBrowserHarness({ width: 1440, height: 1000 }, { worker: true });
    ({ server, page } = harness);
  });
  afterAll(async () => harness?.close());

  it('turns the test on, refuses a blank line at its field and saves the test with the campaign', async () => {
    await signInAsAdmin(harness);
    await page.getByTestId('language-switcher').selectOption('nl');
    await page.goto(`${server.url}/campaigns/new`);
    await page.getByTestId('campaign-name').fill('Intranet onderwerptest');
    await page.getByTestId('campaign-default-language').click();
    await page.getByRole('option', { name: 'Nederlands', exact: true }).click();
    await page.getByTestId('language-tab-nl').click();
    await page.getByTestId('content-subject').fill(OWN);
    await page.getByTestId('content-body').fill('Het nieuwe intranet staat klaar.');
    await page.getByTestId('subject-test-enable').check();
    await page.getByTestId('subject-test-share').fill('20');

    await page.getByTestId('campaign-save').click();
    await page.getByTestId('problem-alert').waitFor();
    const line = page.getByTestId('subject-test-line-0');
    expect(await line.getAttribute('aria-invalid')).toBe('true');

    await line.fill(OTHER);
    await page.getByTestId('campaign-save').click();
    await page.waitForURL(/\/campaigns\/\d+$/);
    campaignId = Number(new URL(page.url()).pathname.split('/').pop());
    const saved = await page.request.get(`${server.url}/api/v1/campaigns/${campaignId}`);
    expect(((await saved.json()) as { variants: { subject_test: unknown }[] }).variants[0]!.subject_test).toEqual({
      subjects: { nl: [OTHER] },
      share_percent: 20,
      decide_after_hours: 4,
    });
    await page.getByTestId('campaign-tab-edit').click();
    expect(await page.getByTestId('subject-test-line-0').inputValue()).toBe(OTHER);
  });

  it('sends the test share, then the winner to everyone else, and shows the result in Dutch', async () => {
    await page.getByTestId('campaign-send').click();
    await page.getByTestId('send-confirm').click();
    await page.getByTestId('send-result').waitFor();
    await page.getByTestId('send-close').click();

    // The test share goes out (to the outbox); everyone else waits for the decision.
    const sentLines = async () =>
      (
        await sql<{ subject_option: number; n: number }>`
          SELECT subject_option, count(*)::int AS n FROM deliveries
          WHERE campaign_id = ${campaignId} AND channel = 'email' AND state = 'sent' GROUP BY subject_option ORDER BY subject_option`.execute(server.db)
      ).rows;
    await expect.poll(async () => (await sentLines()).length, { timeout: 60_000 }).toBe(2);
    const waiting = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM deliveries WHERE campaign_id = ${campaignId} AND subject_option = -1`.execute(server.db);
    expect(waiting.rows[0]!.n).toBeGreaterThan(0);

    await page.getByTestId('campaign-tab-subject-tests').click();
    await page.getByTestId('subject-tests').waitFor();
    expect(await page.getByTestId('subject-test-state').textContent()).toMatch(/^Beslissing op /);

    // Readers of the second line open it more; then its time comes and the worker's next round decides.
    await sql`
      INSERT INTO events (type, person_id, campaign_id)
      SELECT 'opened', person_id, campaign_id FROM deliveries
      WHERE campaign_id = ${campaignId} AND channel = 'email' AND state = 'sent' AND subject_option = 1`.execute(server.db);
    await sql`UPDATE deliveries SET next_attempt_at = now() WHERE campaign_id = ${campaignId} AND subject_option = -1`.execute(server.db);
    await page.locator('[data-testid="campaign-status"][data-status="sent"]').waitFor({ timeout: 100_000 });

    const outbox = await sql<{ subject: string; n: number }>`
      SELECT o.subject, count(*)::int AS n FROM outbox_messages AS o JOIN deliveries AS d ON d.id = o.delivery_id
      WHERE d.campaign_id = ${campaignId} GROUP BY o.subject ORDER BY n DESC`.execute(server.db);
    // Most got the winner; the own line went to its half of the test share only.
    expect(outbox.rows[0]!.subject).toBe(OTHER);
    expect(outbox.rows.find((r) => r.subject === OWN)!.n).toBe((await sentLines())[0]!.n);

    await page.reload();
    await page.getByTestId('campaign-tab-subject-tests').click();
    const winner = page.getByTestId('subject-test-line').filter({ has: page.getByTestId('subject-test-winner') });
    await winner.waitFor();
    expect(await winner.textContent()).toContain(OTHER);
    expect(await page.getByTestId('subject-test-winner').textContent()).toBe('Winnaar');
    expect(await page.getByTestId('subject-test-state').textContent()).toMatch(/de beste unieke openingsratio heeft gewonnen$/);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'campaign-subject-test-nl.png'), fullPage: true });
    expect(harness.cspViolations).toEqual([]);
  }, 150_000);
});
