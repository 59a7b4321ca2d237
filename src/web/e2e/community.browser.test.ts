// Browser test of the community loop in German, with the routing job running: an expert shares
// knowledge, a colleague finds them and asks for help, the invited expert accepts and replies, the
// asker resolves (choosing to publish the conversation) and thanks, the kudos and the published help
// show on the expert's profile, and the expert withdraws the published help again.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePassword, upsertUserWithPassword } from '../../server/modules/identity/index.js';
import { RESULTS_DIR, startBrowserHarness, watchCsp, type BrowserHarness } from './browser-harness.js';

const TOPIC = 'Zentrifugenrotoren';
const QUESTION = `Wie kalibriere ich die ${TOPIC} im Labor?`;
const REPLY = 'Zuerst die Unwucht prüfen, dann die Drehzahl messen.';
const THANKS = 'Vielen Dank, das hat sofort geklappt!';

type Login = { id: number; name: string; email: string; password: string };

async function createLogin(h: BrowserHarness, offset: number): Promise<Login> {
  const row = (
    await sql<{ id: number; email: string; given_name: string; family_name: string }>`
    SELECT id, email, given_name, family_name FROM people WHERE status = 'active' AND email IS NOT NULL ORDER BY id OFFSET ${offset} LIMIT 1`.execute(
      h.server.db,
    )
  ).rows[0]!;
  const password = generatePassword();
  const name = `${row.given_name} ${row.family_name}`;
  await upsertUserWithPassword({ db: h.server.db, email: row.email, displayName: name, role: 'employee', password, personId: row.id });
  return { id: row.id, name, email: row.email, password };
}

/** A German browser session signed in as `login`. */
async function germanSession(h: BrowserHarness, login: Login): Promise<{ context: BrowserContext; page: Page }> {
  const context = await h.browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
  await watchCsp(context, h.cspViolations);
  const page = await context.newPage();
  await page.goto(`${h.server.url}/login`);
  await page.getByTestId('login-email').fill(login.email);
  await page.getByTestId('login-password').fill(login.password);
  await page.getByTestId('login-submit').click();
  // Someone in the directory lands on their news feed.
  await page.waitForURL(/\/feed$/);
  return { context, page };
}

describe('help, thanks and kudos in the browser (German)', () => {
  let h: BrowserHarness;
  let asker: Login;
  let expert: Login;
  let askerPage: Page;
  let expertPage: Page;
  let requestUrl = '';

  beforeAll(async () => {
    h = await startBrowserHarness({ width: 1280, height: 900 }, { worker: true });
    asker = await createLogin(h, 10);
    expert = await createLogin(h, 20);
    askerPage = (await germanSession(h, asker)).page;
    expertPage = (await germanSession(h, expert)).page;
  });

  afterAll(async () => h?.close());

  it('lets the expert share knowledge that shows on their profile', async () => {
    await expertPage.getByRole('navigation').getByRole('link', { name: 'Wissen teilen', exact: true }).click();
    await expertPage.getByRole('heading', { name: 'Wissen teilen', exact: true }).waitFor();
    await expertPage.getByTestId('share-title').fill(`Kalibrierung der ${TOPIC}`);
    await expertPage.getByTestId('share-body').fill(`So kalibriert man die ${TOPIC}: die Unwucht prüfen und die Drehzahl mit dem Tachometer messen.`);
    await expertPage.getByTestId('share-submit').click();
    await expertPage.waitForURL(new RegExp(`/people/${expert.id}`));
    await expertPage.getByTestId('contribution').filter({ hasText: TOPIC }).waitFor();
  });

  it('lets a colleague find the expert and ask for help with the search text', async () => {
    await askerPage.getByRole('navigation').getByRole('link', { name: 'Hilfe finden', exact: true }).click();
    await askerPage.getByTestId('experts-search').fill(TOPIC);
    await askerPage.locator(`[data-testid="expert-results"][data-q="${TOPIC}"][aria-busy="false"]`).waitFor();
    expect(await askerPage.getByTestId('expert-result').first().getAttribute('data-person-id')).toBe(String(expert.id));
    await askerPage.getByRole('button', { name: 'Um Hilfe bitten', exact: true }).click();
    const question = askerPage.getByTestId('ask-question');
    expect(await question.inputValue()).toBe(TOPIC);
    await question.fill(QUESTION);
    await askerPage.getByRole('button', { name: 'Anfrage senden', exact: true }).click();
    await askerPage.waitForURL(/\/help\/\d+$/);
    requestUrl = askerPage.url();
    await askerPage.getByTestId('help-question').filter({ hasText: QUESTION }).waitFor();
    // The routing job invites the expert; the page refreshes while the request is open.
    await askerPage.getByTestId('help-invitation').filter({ hasText: expert.name }).waitFor({ timeout: 30_000 });
  });

  it('lets the invited expert accept from their inbox and reply', async () => {
    await expertPage.getByRole('navigation').getByRole('link', { name: 'Hilfe', exact: true }).click();
    await expertPage.getByRole('heading', { name: 'Hilfe', exact: true }).waitFor();
    const item = expertPage.getByTestId('help-inbox-item').filter({ hasText: QUESTION });
    await item.getByText('Sie sind eingeladen', { exact: true }).waitFor();
    await item.getByRole('link').click();
    await expertPage.getByRole('button', { name: 'Annehmen', exact: true }).click();
    await expertPage.locator('[data-testid="help-request"][data-status="accepted"]').waitFor();
    await expertPage.getByTestId('help-message-input').fill(REPLY);
    await expertPage.getByRole('button', { name: 'Senden', exact: true }).click();
    await expertPage.getByTestId('help-message').filter({ hasText: REPLY }).waitFor();
  });

  it('lets the asker see the reply, resolve and thank', async () => {
    await askerPage.goto(requestUrl);
    await askerPage.getByTestId('help-message').filter({ hasText: REPLY }).waitFor({ timeout: 15_000 });
    await askerPage.getByTestId('help-expert').filter({ hasText: expert.name }).waitFor();
    await askerPage.getByTestId('help-resolve').click();
    // Private is the default; publishing takes the asker's explicit choice.
    const dialog = askerPage.getByRole('dialog', { name: 'Als gelöst markieren' });
    expect(await dialog.getByRole('radio', { name: 'Privat lassen' }).isChecked()).toBe(true);
    await dialog.getByRole('radio', { name: 'Frage und Antworten veröffentlichen' }).check();
    await dialog.getByTestId('help-resolve-confirm').click();
    await askerPage.locator('[data-testid="help-request"][data-status="resolved"]').waitFor();
    await askerPage.locator('[data-testid="help-evidence"][data-visibility="public"]').waitFor();
    await askerPage.getByTestId('help-thanks-input').fill(THANKS);
    await askerPage.getByRole('button', { name: 'Danke sagen', exact: true }).click();
    await askerPage.getByTestId('help-thanked').waitFor();
    await mkdir(RESULTS_DIR, { recursive: true });
    await askerPage.screenshot({ path: path.join(RESULTS_DIR, 'community-request-de.png'), fullPage: true });
  });

  it("shows the kudos on the expert's profile", async () => {
    await askerPage.goto(`${h.server.url}/people/${expert.id}`);
    const entry = askerPage.getByTestId('kudos-entry').filter({ hasText: THANKS });
    await entry.waitFor();
    await entry.getByText('Für Hilfe bei einer Frage', { exact: true }).waitFor();
    await entry.getByRole('link', { name: asker.name, exact: true }).waitFor();
    const published = askerPage.getByTestId('contribution').filter({ hasText: QUESTION });
    await published.getByText('Geholfen', { exact: true }).waitFor();
    await published.getByRole('button', { name: 'Zurückziehen', exact: true }).waitFor();
    await askerPage.screenshot({ path: path.join(RESULTS_DIR, 'community-de.png'), fullPage: true });
  });

  it('lets the expert withdraw the published help from the request page', async () => {
    await expertPage.goto(requestUrl);
    expertPage.once('dialog', (dialog) => void dialog.accept());
    await expertPage.getByTestId('help-evidence-withdraw').click();
    await expertPage.locator('[data-testid="help-evidence"][data-visibility="none"]').waitFor();
    await expertPage.goto(`${h.server.url}/people/${expert.id}`);
    await expertPage.getByTestId('contribution').filter({ hasText: TOPIC }).first().waitFor();
    expect(await expertPage.getByTestId('contribution').filter({ hasText: QUESTION }).count()).toBe(0);
  });

  it('lets the expert say they are not available, with a note, on their profile page', async () => {
    await expertPage.getByRole('navigation').getByRole('link', { name: 'Mein Profil', exact: true }).click();
    const card = expertPage.getByTestId('availability-card');
    const toggle = card.getByRole('switch', { name: 'Verfügbar für Hilfeanfragen' });
    await toggle.waitFor({ state: 'attached' });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.setChecked(false, { force: true });
    await card.getByText('Gerade nicht verfügbar', { exact: true }).waitFor();
    await expertPage.getByTestId('availability-note').fill('Im Urlaub bis Montag');
    await card.getByRole('button', { name: 'Speichern', exact: true }).click();
    await card.getByText('Gespeichert.', { exact: true }).waitFor();
    const saved = await expertPage.request.get(`${h.server.url}/api/v1/experts/me/availability`);
    expect(await saved.json()).toEqual({ available: false, note: 'Im Urlaub bis Montag' });
    await expertPage.getByTestId('newcomer-card').getByText('Ambassadors, Ihre ersten Ansprechpersonen', { exact: true }).waitFor();
    await expertPage.screenshot({ path: path.join(RESULTS_DIR, 'community-me-de.png'), fullPage: true });
  });

  it('ran every page without a Content Security Policy violation', () => {
    expect(h.cspViolations).toEqual([]);
  });
});
