// Issue 12's sharing Done-when in the browser (ADR 0030): an employee opens /advocacy, shares a library
// item on LinkedIn with their own adapted text (the popup is LinkedIn's share intent with their short
// link), outside visitors click the short link with several browsers and one link-preview bot, and the
// employee's impact tab shows the unique clicks without the bot.
import { sql } from 'kysely';
import { expect } from 'vitest';
import { generatePassword, upsertUserWithPassword } from '../../../server/modules/identity/index.js';
import { watchCsp, type BrowserHarness } from '../browser-harness.js';

const OUTSIDE_BROWSERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
];
const BOT = 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)';
const OWN_TEXT = 'I spent a year on this with our team – here is what I learned, in my own words.';

export async function sharingSteps(h: BrowserHarness): Promise<void> {
  // A demo person who has shared nothing yet, with a login.
  const { rows } = await sql<{ id: number; email: string; given_name: string; family_name: string }>`
    SELECT p.id, p.email, p.given_name, p.family_name FROM people AS p
    WHERE p.status = 'active' AND p.email IS NOT NULL AND NOT EXISTS (SELECT 1 FROM advocacy_links AS l WHERE l.person_id = p.id)
      AND NOT EXISTS (SELECT 1 FROM users AS u WHERE u.person_id = p.id)
    ORDER BY p.id DESC LIMIT 1`.execute(h.server.db);
  const person = rows[0]!;
  const password = generatePassword();
  await upsertUserWithPassword({
    db: h.server.db,
    email: person.email,
    displayName: `${person.given_name} ${person.family_name}`,
    role: 'employee',
    password,
    personId: Number(person.id),
  });

  const context = await h.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  await watchCsp(context, h.cspViolations);
  // The network's page is not reachable from the test; answer it locally so the popup has a URL to show.
  await context.route(/^https:\/\/www\.linkedin\.com\//, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<p>LinkedIn</p>' }));
  const page = await context.newPage();
  try {
    await page.goto(`${h.server.url}/login`);
    await page.getByTestId('login-email').fill(person.email);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${h.server.url}/advocacy`);

    const card = page.getByTestId('library-item').first();
    await card.waitFor();
    await card.getByTestId('library-share').click();
    await page.getByTestId('share-network').getByText('LinkedIn', { exact: true }).click();
    const text = page.getByTestId('share-text');
    await expect.poll(async () => (await text.inputValue()).length).toBeGreaterThan(0);
    await text.fill(OWN_TEXT);
    const [popup] = await Promise.all([context.waitForEvent('page'), page.getByTestId('share-open').click()]);
    await popup.waitForURL(/linkedin\.com/);
    const shortUrl = await page.getByTestId('share-short-url').inputValue();
    // The short link is on the deployment's PUBLIC_URL (the test server's differs from where it listens).
    expect(shortUrl).toMatch(/^https?:\/\/[^/]+\/s\/[A-Za-z0-9_-]{10}$/);
    expect(popup.url()).toBe(`https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(shortUrl)}`);
    await popup.close();
    const code = shortUrl.split('/s/')[1]!;
    const stored = await sql<{ text: string; adapted: boolean }>`SELECT text, adapted FROM advocacy_shares WHERE code = ${code}`.execute(h.server.db);
    expect(stored.rows).toEqual([{ text: OWN_TEXT, adapted: true }]);

    // Outside clicks: three browsers (one of them twice), and LinkedIn's preview bot.
    for (const ua of [...OUTSIDE_BROWSERS, OUTSIDE_BROWSERS[0]!, BOT]) {
      const res = await fetch(`${h.server.url}/s/${code}`, { headers: { 'user-agent': ua }, redirect: 'manual' });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toContain(`utm_content=${code}`);
    }

    await page.keyboard.press('Escape');
    await page.getByTestId('share-text').waitFor({ state: 'detached' });
    await page.getByTestId('advocacy-tab-impact').click();
    await expect.poll(async () => (await page.getByTestId('stats-unique-clicks').textContent()) ?? '', { timeout: 10_000 }).toBe('3');
    await expect.poll(async () => (await page.getByTestId('stats-machine-clicks').textContent()) ?? '').toBe('1');
    await expect.poll(async () => (await page.getByTestId('stats-shares').textContent()) ?? '').toBe('1');
  } finally {
    await context.close();
  }
}
