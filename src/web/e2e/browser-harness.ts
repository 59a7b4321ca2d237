// What every browser test needs: the built web app, a real server with the demo organisation,
// headless Debian Chromium with the flags this sandbox needs, signing in through the login page, and
// a record of every Content Security Policy violation a page reports (tests require none).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
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

export type BrowserHarness = {
  server: TestServer;
  browser: Browser;
  page: Page;
  /** Every CSP violation reported by pages of watched contexts (the harness's own is watched). */
  cspViolations: string[];
  close(): Promise<void>;
};

/**
 * Records the CSP violations of every page of `context` into `violations`: Chromium reports blocked
 * resources and inline code as console errors, and the page's securitypolicyviolation events say which
 * directive refused what.
 * @example const context = await h.browser.newContext(); await watchCsp(context, h.cspViolations);
 */
export async function watchCsp(context: BrowserContext, violations: string[]): Promise<void> {
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation on ${location.pathname}: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|CSP violation/.test(message.text()))
      violations.push(`${message.location().url}: ${message.text()}`);
  });
}

/**
 * Starts server and browser; the page has an English locale so other languages appear only on request.
 * @example const h = await startBrowserHarness({ width: 1280, height: 900 }); await signInAsAdmin(h);
 */
export async function startBrowserHarness(
  viewport: { width: number; height: number },
  options: { worker?: boolean; env?: Record<string, string> } = {},
): Promise<BrowserHarness> {
  // `npm test` builds first; building here only when missing keeps a file runnable on its own
  // without rewriting dist/web under other test files that may be reading it.
  if (!existsSync(path.join(WEB_DIST_DIR, 'index.html'))) {
    const { build } = await import('vite');
    await build({ configFile: path.join(PROJECT_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  }
  const server = await startTestServer({ demoPeople: 300, worker: options.worker ?? false, env: options.env });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ locale: 'en-US', viewport });
  const cspViolations: string[] = [];
  await watchCsp(context, cspViolations);
  const page = await context.newPage();
  return {
    server,
    browser,
    page,
    cspViolations,
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
