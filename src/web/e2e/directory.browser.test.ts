// Browser test of the web app against a real server: sign in, find people by skill, switch to German,
// open the API docs, all under the Content Security Policy (and the CSP watcher itself is checked).
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../server/testing/test-server.js';
import { RESULTS_DIR, signInAsAdmin, startBrowserHarness, type BrowserHarness } from './browser-harness.js';

const SCREENSHOT = path.join(RESULTS_DIR, 'directory-de.png');

type Facets = { skills: { value: string; count: number }[] };

describe('people directory in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  let harness: BrowserHarness;

  beforeAll(async () => {
    harness = await startBrowserHarness({ width: 1280, height: 900 });
    ({ server, browser, page } = harness);
  });

  afterAll(async () => harness?.close());

  it('signs the admin in and lands on the directory', async () => {
    await signInAsAdmin(harness);
    await expect.poll(() => page.getByTestId('person-card').count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Import people' }).waitFor();
  });

  it('rejects a wrong password with the server message', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const other = await context.newPage();
    await other.goto(`${server.url}/login`);
    await other.getByTestId('login-email').fill(server.admin.email);
    await other.getByTestId('login-password').fill('not-the-password');
    await other.getByTestId('login-submit').click();
    await other.getByRole('alert').waitFor();
    expect(other.url()).toContain('/login');
    await context.close();
  });

  it('finds people by a skill typed into the search box, then filters by a clicked skill chip', async () => {
    const response = await page.request.get(`${server.url}/api/v1/people/facets`);
    expect(response.status()).toBe(200);
    const facets = (await response.json()) as Facets;
    const skill = facets.skills[0]?.value;
    expect(skill).toBeTruthy();
    if (!skill) return;

    const chip = page.getByRole('button', { name: `Show people with #${skill}`, exact: true });
    const results = page.getByTestId('people-results');

    await page.getByTestId('people-search').fill(skill);
    await page.waitForURL((url) => url.searchParams.get('q') === skill);
    await page.locator(`[data-testid="people-results"][data-q="${skill}"][aria-busy="false"]`).waitFor();
    // `q` also matches names and titles, so look for the cards that carry the skill itself.
    const withSkill = page.getByTestId('person-card').filter({ has: chip });
    await expect.poll(() => withSkill.count()).toBeGreaterThan(0);

    await withSkill
      .first()
      .getByRole('button', { name: `Show people with #${skill}`, exact: true })
      .click();
    await page.waitForURL((url) => url.searchParams.get('skill') === skill);
    // The router commits the URL before React renders, so wait for results that belong to the filter.
    await page.locator(`[data-testid="people-results"][data-skill="${skill}"][aria-busy="false"]`).waitFor();
    const cards = results.getByTestId('person-card');
    expect(await cards.count()).toBeGreaterThan(0);
    expect(await withSkill.count()).toBe(await cards.count());
  });

  it('names departments in the interface language and lets an admin rename one', async () => {
    await page.getByTestId('directory-department').click();
    await page.getByRole('option', { name: /^Sales \(\d+\)$/ }).waitFor();
    await page.keyboard.press('Escape');

    await page.goto(`${server.url}/admin/labels`);
    const sales = page.locator('[data-testid="field-label-row"][data-field="department"][data-value="Sales"]');
    await expect(sales.getByTestId('field-label-de').inputValue()).resolves.toBe('Vertrieb');
    await sales.getByTestId('field-label-en').fill('Sales & Partners');
    await sales.getByTestId('field-label-save').click();
    await sales.getByTestId('field-label-saved').waitFor();

    await page.goto(`${server.url}/people`);
    await page.getByTestId('directory-department').click();
    await page.getByRole('option', { name: /^Sales & Partners \(\d+\)$/ }).waitFor();
    await page.keyboard.press('Escape');
  });

  it('switches the interface to German and remembers the choice', async () => {
    await page.getByTestId('language-switcher').selectOption('de');
    await page.getByRole('navigation').getByRole('link', { name: 'Personen', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Personen', exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');

    await page.reload();
    await page.getByRole('link', { name: 'Personen importieren' }).waitFor();
    // Departments are stored as one key per department and named in the reader's language.
    await page.getByTestId('directory-department').click();
    await page.getByRole('option', { name: /^Vertrieb \(\d+\)$/ }).waitFor();
    await page.keyboard.press('Escape');
    await mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it('renders the API docs (Swagger UI) under the same policy', async () => {
    await page.goto(`${server.url}/api/docs`);
    await page.locator('.swagger-ui .info .title').filter({ hasText: 'Resonance API' }).waitFor();
    await page.locator('.swagger-ui .opblock').first().waitFor();
  });

  it('ran every page without a Content Security Policy violation', () => {
    expect(harness.cspViolations).toEqual([]);
  });

  it('would have noticed one: an inline script is refused and recorded', async () => {
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.append(script);
    });
    await expect.poll(() => harness.cspViolations.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
    expect(harness.cspViolations.join('\n')).toMatch(/script-src/);
  });
});
