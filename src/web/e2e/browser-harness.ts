// What every browser test needs: the built web app, a real server with the demo organisation,
// headless Debian Chromium with the flags this sandbox needs, and signing in through the login page.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../../server/testing/test-server.js';
import { WEB_DIST_DIR, PROJECT_ROOT } from '../../server/platform/paths.js';

export const RESULTS_DIR = path.join(PROJECT_ROOT, 'test-results');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type BrowserHarness = { server: TestServer; browser: Browser; page: Page; close(): Promise<void> };

/**
 * Starts server and browser; the page has an English locale so other languages appear only on request.
 * @example const h = await startBrowserHarness({ width: 1280, height: 900 }); await signInAsAdmin(h);
 */
export async function startBrowserHarness(viewport: { width: number; height: number }, options: { worker?: boolean } = {}): Promise<BrowserHarness> {
  // `npm test` builds first; building here only when missing keeps a file runnable on its own
  // without rewriting dist/web under other test files that may be reading it.
  if (!existsSync(path.join(WEB_DIST_DIR, 'index.html'))) {
    const { build } = await import('vite');
    await build({ configFile: path.join(PROJECT_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  }
  const server = await startTestServer({ demoPeople: 300, worker: options.worker ?? false });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ locale: 'en-US', viewport });
  const page = await context.newPage();
  return {
    server,
    browser,
    page,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Signs the demo admin in through the login form and waits for the directory. */
export async function signInAsAdmin(h: BrowserHarness, page: Page = h.page): Promise<void> {
  await page.goto(`${h.server.url}/login`);
  await page.getByTestId('login-email').fill(h.server.admin.email);
  await page.getByTestId('login-password').fill(h.server.admin.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/people/);
}
