// Issue 12's referrals in the browser (ADR 0034): an employee (in Dutch) refers a customer with the
// customer's consent; a colleague in Sales (the owning team) finds it in the pipeline on their own
// referrals tab and moves it through contacted and qualified to won; the referrer then sees it as won,
// and the win gave them the referral points once.
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { generatePassword, upsertUserWithPassword } from '../../../server/modules/identity/index.js';
import type { AnyDb } from '../../../server/platform/db/connect.js';
import { signInAsAdmin, watchCsp, type BrowserHarness } from '../browser-harness.js';

type Login = { id: number; email: string; password: string };
const CUSTOMER = 'Femke van Dijk';

/** A demo person with no login yet, in (or outside) a department, given an employee login. */
async function demoLogin(db: AnyDb, department: string, inside: boolean): Promise<Login> {
  const { rows } = await sql<{ id: number; email: string; given_name: string; family_name: string }>`
    SELECT p.id, p.email, p.given_name, p.family_name FROM people AS p
    WHERE p.status = 'active' AND p.email IS NOT NULL AND (p.department = ${department}) = ${inside} AND p.department IS NOT NULL
      AND p.department <> 'Human Resources' AND NOT EXISTS (SELECT 1 FROM users AS u WHERE u.person_id = p.id)
    ORDER BY p.id DESC LIMIT 1`.execute(db);
  const person = rows[0]!;
  const password = generatePassword();
  const name = `${person.given_name} ${person.family_name}`;
  await upsertUserWithPassword({ db, email: person.email, displayName: name, role: 'employee', password, personId: Number(person.id) });
  return { id: Number(person.id), email: person.email, password };
}

async function session(h: BrowserHarness, browser: Browser, login: Login, locale: string): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  await watchCsp(context, h.cspViolations);
  const page = await context.newPage();
  await page.goto(`${h.server.url}/login`);
  await page.getByTestId('login-email').fill(login.email);
  await page.getByTestId('login-password').fill(login.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(`${h.server.url}/advocacy?tab=referrals`);
  return page;
}

export async function referralSteps(h: BrowserHarness): Promise<void> {
  const referrer = await demoLogin(h.server.db, 'Sales', false);
  const seller = await demoLogin(h.server.db, 'Sales', true);

  // The employee refers a customer, in Dutch, with the customer's consent.
  const page = await session(h, h.browser, referrer, 'nl-NL');
  try {
    const form = page.getByTestId('referral-form');
    await form.waitFor();
    await expect.poll(() => form.innerText()).toContain('Toestemming van de persoon die u aanbeveelt');
    await page.getByTestId('referral-name').fill(CUSTOMER);
    await page.getByTestId('referral-company').fill('Van Dijk Installatietechniek');
    await page.getByTestId('referral-email').fill('femke@vandijk-installatie.example');
    await page.getByTestId('referral-note').fill('Zoekt een nieuwe leverancier voor het voorjaar.');
    expect(await page.getByTestId('referral-submit').isDisabled()).toBe(true);
    await page.getByTestId('referral-consent').check();
    await page.getByTestId('referral-consent-method').click();
    await page.getByRole('option', { name: 'Mondeling' }).click();
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/v1/advocacy/referrals') && r.request().method() === 'POST');
    await page.getByTestId('referral-submit').click();
    expect((await posted).status()).toBe(201);
    const mine = page.getByTestId('my-referral').filter({ hasText: CUSTOMER });
    await mine.waitFor();
    expect(await mine.getByTestId('my-referral-status').textContent()).toBe('Nieuw');
    // Not in an owning team: no pipeline.
    expect(await page.getByTestId('team-pipeline').count()).toBe(0);

    // A Sales colleague works it on their own referrals tab, step by step, to won.
    const sales = await session(h, h.browser, seller, 'en-US');
    try {
      await sales.getByTestId('team-pipeline').waitFor();
      for (const [status, label] of [
        ['contacted', 'Contacted'],
        ['qualified', 'Qualified'],
        ['won', 'Won'],
      ] as const) {
        const row = sales.getByTestId('pipeline-referral').filter({ hasText: CUSTOMER });
        await row.waitFor();
        await row.getByTestId('referral-move-status').click();
        await row.getByRole('option', { name: label, exact: true }).click();
        if (status === 'contacted') await row.getByTestId('referral-move-note').fill('Called; a visit is planned.');
        const moved = sales.waitForResponse((r) => /\/api\/v1\/advocacy\/referrals\/\d+$/.test(r.url()) && r.request().method() === 'PATCH');
        await row.getByTestId('referral-move').click();
        expect((await moved).status()).toBe(200);
        await sales.getByTestId(`pipeline-${status}`).getByTestId('pipeline-referral').filter({ hasText: CUSTOMER }).waitFor();
      }
    } finally {
      await sales.context().close();
    }

    // The referrer sees it as won, with the date of each stage, and got the points once.
    await page.reload();
    const won = page.getByTestId('my-referral').filter({ hasText: CUSTOMER });
    await won.waitFor();
    await expect.poll(() => won.getAttribute('data-status')).toBe('won');
    expect(await won.getByTestId('my-referral-status').textContent()).toBe('Gewonnen');
    expect(await won.innerText()).not.toContain('a visit is planned');
    const points = await sql<{ n: number }>`SELECT count(*)::int AS n FROM advocacy_points
      WHERE person_id = ${referrer.id} AND action = 'referral_converted'`.execute(h.server.db);
    expect(points.rows[0]!.n).toBe(1);
  } finally {
    await page.context().close();
  }

  // The programme's managers see every pipeline and the dashboard (the demo's referrals and this one).
  await signInAsAdmin(h);
  await h.page.goto(`${h.server.url}/advocacy/manage?tab=referrals`);
  const dashboard = h.page.getByTestId('referral-dashboard');
  await dashboard.waitFor();
  const total = await sql<{ n: number }>`SELECT count(*)::int AS n FROM referrals`.execute(h.server.db);
  expect(await h.page.getByTestId('referral-total').textContent()).toBe(String(total.rows[0]!.n));
  await h.page.getByTestId('pipeline-won').getByTestId('pipeline-referral').filter({ hasText: CUSTOMER }).waitFor();
}
