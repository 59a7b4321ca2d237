// Browser test of the chat channels screen in Dutch: an admin adds a Teams Workflows webhook (a real
// HTTP receiver on loopback) bound to a saved segment, sees a refused URL explained at its field, sends
// a test message that arrives as an Adaptive Card, switches the channel off and deletes it. The
// webhook URL never appears on the page after it was added.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveSegment } from '../../server/modules/audiences/index.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../server/testing/webhook-receiver.js';
import { RESULTS_DIR, startBrowserHarness, watchCsp, type BrowserHarness } from './browser-harness.js';

const SCREENSHOT = path.join(RESULTS_DIR, 'chat-channels-nl.png');

describe('chat channels in the browser (Dutch)', () => {
  let h: BrowserHarness;
  let hooks: WebhookReceiver;
  let page: Page;

  beforeAll(async () => {
    hooks = await startWebhookReceiver();
    h = await startBrowserHarness({ width: 1280, height: 900 }, { env: { CHAT_WEBHOOK_ALLOW_PRIVATE: 'true' } });
    await saveSegment({ db: h.server.db, key: 'sales', name: 'Verkoop', rule: { field: 'department', op: 'eq', value: 'Sales' } });
    const context = await h.browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
    await watchCsp(context, h.cspViolations);
    page = await context.newPage();
    await page.goto(`${h.server.url}/login`);
    await page.getByTestId('login-email').fill(h.server.admin.email);
    await page.getByTestId('login-password').fill(h.server.admin.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/people/);
  }, 180_000);

  afterAll(async () => {
    await h?.close();
    await hooks?.close();
  });

  it('adds, tests, switches off and deletes a Teams channel', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Chatkanalen', exact: true }).click();
    await page.waitForURL(/\/admin\/chat/);
    await page.getByRole('heading', { name: 'Chatkanalen', exact: true }).waitFor();
    await page.getByTestId('chat-channels-empty').getByText('Nog geen chatkanalen.').waitFor();

    await page.getByTestId('chat-channel-name').fill('Verkoop-team');
    await page.getByTestId('chat-channel-kind').click();
    await page.getByRole('option', { name: 'Microsoft Teams', exact: true }).click();
    await page.getByTestId('chat-channel-segment').click();
    await page.getByRole('option', { name: 'Verkoop', exact: true }).click();
    await page.getByTestId('chat-channel-url').fill('ftp://nergens.example/hook');
    await page.getByTestId('chat-channel-add').click();
    await page.getByText('Voer de webhook in als volledige https://-URL, zonder gebruikersnaam of wachtwoord.').waitFor();

    const secretPath = '/workflows/abc/triggers/manual/paths/invoke?sig=GEHEIM1234';
    await page.getByTestId('chat-channel-url').fill(`${hooks.url}${secretPath}`);
    await page.getByTestId('chat-channel-add').click();
    await page.getByTestId('chat-channel-added').getByText('Kanaal ‘Verkoop-team’ toegevoegd.').waitFor();
    const row = page.locator('[data-testid="chat-channel-row"][data-name="Verkoop-team"]');
    await row.getByText('Microsoft Teams').waitFor();
    await row.getByText('Verkoop', { exact: true }).waitFor();
    await row.getByText(`${hooks.url}/…1234`).waitFor();
    expect(await page.content()).not.toContain('GEHEIM');

    hooks.script('/workflows/abc/triggers/manual/paths/invoke', [{ status: 202 }]);
    await row.getByTestId('chat-channel-test').click();
    await row.getByText('Het testbericht is afgeleverd.').waitFor();
    const [card] = hooks.bodies('/workflows/abc/triggers/manual/paths/invoke') as { type: string; attachments: { contentType: string }[] }[];
    expect(card).toMatchObject({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive' }] });
    await mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: false });

    await row.getByTestId('chat-channel-enabled').click();
    await row.getByText('Uit', { exact: true }).waitFor();

    await row.getByTestId('chat-channel-delete').click();
    await page.getByTestId('chat-channel-delete-confirm').click();
    await page.getByTestId('chat-channels-empty').waitFor();
    expect(h.cspViolations).toEqual([]);
  }, 120_000);
});
