// Browser test of "Find help": sign in, search for a skill from the demo, see why people match, in Dutch.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../server/testing/test-server.js';
import { RESULTS_DIR, signInAsAdmin, startBrowserHarness, type BrowserHarness } from './browser-harness.js';

const SCREENSHOT = path.join(RESULTS_DIR, 'experts-nl.png');

type Facets = { skills: { value: string; count: number }[] };

describe('expert search in the browser', () => {
  let server: TestServer;
  let page: Page;
  let harness: BrowserHarness;

  beforeAll(async () => {
    harness = await startBrowserHarness({ width: 1280, height: 900 });
    ({ server, page } = harness);
    await signInAsAdmin(harness);
  });

  afterAll(async () => harness?.close());

  it('opens Find help from the navigation with a hint instead of results', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Find help', exact: true }).click();
    await page.waitForURL(/\/experts/);
    await page.getByRole('heading', { name: 'Find help', exact: true }).waitFor();
    await page.getByTestId('experts-hint').waitFor();
    expect(await page.getByTestId('expert-result').count()).toBe(0);
  });

  it('finds colleagues for a skill from the demo and says why', async () => {
    const response = await page.request.get(`${server.url}/api/v1/people/facets`);
    expect(response.status()).toBe(200);
    const skill = ((await response.json()) as Facets).skills[0]?.value;
    expect(skill).toBeTruthy();
    if (!skill) return;

    await page.getByTestId('experts-search').fill(skill);
    await page.waitForURL((url) => url.searchParams.get('q') === skill);
    await page.locator(`[data-testid="expert-results"][data-q="${skill}"][aria-busy="false"]`).waitFor();
    const results = page.getByTestId('expert-result');
    await expect.poll(() => results.count()).toBeGreaterThan(0);
    const first = results.first();
    expect(await first.getByTestId('expert-reason').count()).toBeGreaterThan(0);
    // Profile hashtags the question names show as chips (demo contributions add evidence reasons).
    await first.getByRole('button', { name: `Show people with #${skill}`, exact: true }).waitFor();
    expect(await first.getByRole('link').first().getAttribute('href')).toMatch(/^\/people\/\d+$/);
  });

  it('keeps the results when switching to Dutch', async () => {
    await page.getByTestId('language-switcher').selectOption('nl');
    await page.getByRole('heading', { name: 'Hulp vinden', exact: true }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Hulp vinden', exact: true }).waitFor();
    expect(await page.getByTestId('expert-result').count()).toBeGreaterThan(0);
    await mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it('ran every page without a Content Security Policy violation', () => {
    expect(harness.cspViolations).toEqual([]);
  });
});
