// Browser test of account administration in German: an admin finds a colleague on /admin/users and
// disables the account (the colleague's open session ends at once), then finds it in the audit log.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { generatePassword, upsertUserWithPassword } from '../../server/modules/identity/index.js';
import { RESULTS_DIR, startBrowserHarness, type BrowserHarness } from './browser-harness.js';

const SCREENSHOT = path.join(RESULTS_DIR, 'accounts-admin-de.png');

async function germanPage(h: BrowserHarness, email: string, password: string): Promise<Page> {
  const context = await h.browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${h.server.url}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/people/);
  return page;
}

describe('account administration in the browser (German)', () => {
  let h: BrowserHarness;
  let admin: Page;
  let colleague: Page;
  const email = 'kollegin.konto@test.example';

  beforeAll(async () => {
    h = await startBrowserHarness({ width: 1280, height: 900 });
    const password = generatePassword();
    await upsertUserWithPassword({ db: h.server.db, email, displayName: 'Karla Konto', role: 'employee', password });
    colleague = await germanPage(h, email, password);
    admin = await germanPage(h, h.server.admin.email, h.server.admin.password);
  });

  afterAll(async () => h?.close());

  it('disables a colleague from the users screen, and their session ends at once', async () => {
    await admin.getByRole('navigation').getByRole('link', { name: 'Benutzer', exact: true }).click();
    await admin.waitForURL(/\/admin\/users/);
    await admin.getByRole('heading', { name: 'Benutzer', exact: true }).waitFor();
    await admin.getByTestId('users-search').fill('kollegin');
    const row = admin.getByTestId(`user-row-${email}`);
    await row.getByTestId(`user-row-${email}-status`).getByText('Aktiv').waitFor();
    await row.getByTestId(`user-row-${email}-toggle`).getByText('Sperren').click();
    await admin.getByTestId('users-changed').getByText('Karla Konto ist gesperrt und überall abgemeldet.').waitFor();
    await row.getByTestId(`user-row-${email}-status`).getByText('Gesperrt').waitFor();
    await mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await admin.screenshot({ path: SCREENSHOT, fullPage: false });

    await colleague.reload();
    await colleague.waitForURL(/\/login/);
  });

  it('finds the change in the audit log, filtered by action', async () => {
    await admin.getByRole('navigation').getByRole('link', { name: 'Protokoll', exact: true }).click();
    await admin.getByRole('heading', { name: 'Protokoll', exact: true }).waitFor();
    await admin.getByTestId('audit-action').click();
    await admin.getByRole('option', { name: 'Konto gesperrt', exact: true }).click();
    const entry = admin.locator('[data-testid="audit-row"][data-action="users.disabled"]');
    await entry.getByText('Konto gesperrt').waitFor();
    await entry.getByText(h.server.admin.email).waitFor();
    await entry.getByText(`E-Mail: ${email} · Beendete Sitzungen: 1`).waitFor();
    await admin.screenshot({ path: path.join(RESULTS_DIR, 'audit-de.png'), fullPage: false });
  });
});
