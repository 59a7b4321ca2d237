// Browser test of the works-council page in German: a communicator opens "Datenschutz" and reads the
// live settings of this installation (aggregate tracking, k = 7, 200 days, who sees individual data),
// each sentence from the German translations with the server's values filled in.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePassword, upsertUserWithPassword } from '../../server/modules/identity/index.js';
import { RESULTS_DIR, startBrowserHarness, watchCsp, type BrowserHarness } from './browser-harness.js';

describe('the works-council privacy page in the browser (German)', () => {
  let h: BrowserHarness;
  let page: Page;

  beforeAll(async () => {
    h = await startBrowserHarness(
      { width: 1280, height: 900 },
      { demoPeople: 20, env: { TRACKING_MODE: 'aggregate', PRIVACY_MIN_GROUP: '7', RETENTION_DAYS: '200', QUIET_HOURS: '20:00-07:00' } },
    );
    const login = { email: 'kommunikation@test.example', password: generatePassword() };
    await upsertUserWithPassword({
      db: h.server.db,
      email: login.email,
      displayName: 'Kommunikation',
      role: 'communicator',
      password: login.password,
      personId: null,
    });
    const context = await h.browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
    await watchCsp(context, h.cspViolations);
    page = await context.newPage();
    await page.goto(`${h.server.url}/login`);
    await page.getByTestId('login-email').fill(login.email);
    await page.getByTestId('login-password').fill(login.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-privacy').waitFor();
  }, 90_000);

  afterAll(async () => h?.close());

  it('shows the live settings in German', async () => {
    await page.getByTestId('nav-privacy').click();
    await page.getByRole('heading', { name: 'Datenschutz: was Resonance erfasst' }).waitFor();
    expect(await page.getByTestId('privacy-mode').textContent()).toBe(
      'Diese Installation erfasst im Modus: Zusammengefasst. Eine Kampagne kann einen eigenen Modus festlegen.',
    );
    expect(await page.getByTestId('privacy-k').textContent()).toContain('weniger als 7 Personen');
    expect(await page.getByTestId('privacy-retention').textContent()).toContain('Nach 200 Tagen');
    expect(await page.getByTestId('privacy-access').textContent()).toContain('Administration und Kommunikation');
    await page.getByText('Ankündigungs-E-Mails warten während der Ruhezeit von 20:00 bis 07:00').waitFor();
    await page.getByText('Eine Pflichtlektüre wurde bestätigt: die Person bestätigt das bewusst.').waitFor();
    await page
      .getByText('Im Datenverzeichnis des Servers', { exact: false })
      .or(page.getByText('In der PostgreSQL-Datenbank', { exact: false }))
      .waitFor();
    await page.screenshot({ path: path.join(RESULTS_DIR, 'privacy-de.png'), fullPage: true });
    expect(h.cspViolations).toEqual([]);
  });

  it('is not offered to employees: the server refuses the summary', async () => {
    const login = { email: 'mitarbeiter@test.example', password: generatePassword() };
    await upsertUserWithPassword({ db: h.server.db, email: login.email, displayName: 'M', role: 'employee', password: login.password, personId: null });
    const context = await h.browser.newContext({ locale: 'de-DE' });
    const other = await context.newPage();
    await other.goto(`${h.server.url}/login`);
    await other.getByTestId('login-email').fill(login.email);
    await other.getByTestId('login-password').fill(login.password);
    await other.getByTestId('login-submit').click();
    await other.waitForURL((url) => !url.pathname.startsWith('/login'));
    expect(await other.getByTestId('nav-privacy').count()).toBe(0);
    expect((await other.request.get(`${h.server.url}/api/v1/privacy/summary`)).status()).toBe(403);
    await context.close();
  });
});
