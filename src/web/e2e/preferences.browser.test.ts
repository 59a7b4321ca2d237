// Browser test of "Meine Einstellungen" in German: a colleague stops following a topic, chooses their own
// quiet hours, sees a bad time refused at its field, saves, and the server holds what the page showed.
import path from 'node:path';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePassword, upsertUserWithPassword } from '../../server/modules/identity/index.js';
import { createTopic } from '../../server/modules/preferences/index.js';
import { RESULTS_DIR, startBrowserHarness, watchCsp, type BrowserHarness } from './browser-harness.js';

type Preferences = { quiet_hours: { mode: string; start: string | null; end: string | null }; topics: { key: string; subscribed: boolean }[] };

describe('my preferences in the browser (German)', () => {
  let h: BrowserHarness;
  let page: Page;

  beforeAll(async () => {
    h = await startBrowserHarness({ width: 1280, height: 900 });
    await createTopic({
      db: h.server.db,
      topic: {
        key: 'sicherheit',
        names: { en: 'Safety', de: 'Sicherheit' },
        descriptions: { de: 'Regeln und Übungen' },
        default_subscribed: true,
        default_channels: null,
        enabled: true,
      },
    });
    const person = (
      await sql<{
        id: number;
        email: string;
      }>`SELECT id, email FROM people WHERE status = 'active' AND email IS NOT NULL ORDER BY id OFFSET 11 LIMIT 1`.execute(h.server.db)
    ).rows[0]!;
    const login = { email: person.email, password: generatePassword() };
    await upsertUserWithPassword({
      db: h.server.db,
      email: login.email,
      displayName: 'Mitarbeiterin',
      role: 'employee',
      password: login.password,
      personId: person.id,
    });
    const context = await h.browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
    await watchCsp(context, h.cspViolations);
    page = await context.newPage();
    await page.goto(`${h.server.url}/login`);
    await page.getByTestId('login-email').fill(login.email);
    await page.getByTestId('login-password').fill(login.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/feed$/);
  }, 90_000);

  afterAll(async () => h?.close());

  it('unfollows a topic and keeps its own quiet hours, refusing a bad time at its field', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Meine Einstellungen' }).click();
    await page.getByRole('heading', { name: 'Meine Einstellungen', exact: true }).waitFor();
    await page.getByText('Pflichtlektüre erreicht Sie unabhängig von diesen Einstellungen.').waitFor();
    const topic = page.getByTestId('topic-sicherheit');
    await topic.getByText('Regeln und Übungen').waitFor();
    expect(await page.getByRole('switch', { name: 'Sicherheit' }).isChecked()).toBe(true);
    await page.getByRole('switch', { name: 'Sicherheit' }).click();
    expect(await page.getByRole('switch', { name: 'Sicherheit' }).isChecked()).toBe(false);

    await page.getByTestId('quiet-mode').getByText('Eigene', { exact: true }).click();
    await page.getByTestId('quiet-start').fill('21:00');
    await page.getByTestId('quiet-end').fill('21:00');
    await page.getByTestId('preferences-save').click();
    // The same start and end: refused at the field, in German, nothing saved.
    const endField = page.getByTestId('quiet-end').locator('xpath=ancestor::div[contains(@class, "mantine-InputWrapper-root")]');
    await endField.locator('.mantine-InputWrapper-error').waitFor();
    const before = (await (await page.request.get(`${h.server.url}/api/v1/me/preferences`)).json()) as Preferences;
    expect(before.quiet_hours.mode).toBe('default');

    await page.getByTestId('quiet-end').fill('06:30');
    await page.getByTestId('preferences-save').click();
    await page.getByText('Ihre Einstellungen sind gespeichert.').waitFor();
    await page.screenshot({ path: path.join(RESULTS_DIR, 'preferences-de.png'), fullPage: true });
    const saved = (await (await page.request.get(`${h.server.url}/api/v1/me/preferences`)).json()) as Preferences;
    expect(saved.quiet_hours).toEqual({ mode: 'custom', start: '21:00', end: '06:30' });
    expect(saved.topics.find((t) => t.key === 'sicherheit')?.subscribed).toBe(false);
    expect(h.cspViolations).toEqual([]);
  }, 60_000);

  it('lets a communicator create a topic on the Dutch topics screen, which colleagues then find among their topics', async () => {
    const writer = { email: 'communicatie@example.test', password: generatePassword() };
    await upsertUserWithPassword({ db: h.server.db, email: writer.email, displayName: 'Kees Communicatie', role: 'communicator', password: writer.password });
    const context = await h.browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
    await watchCsp(context, h.cspViolations);
    const dutch = await context.newPage();
    await dutch.goto(`${h.server.url}/login`);
    await dutch.getByTestId('login-email').fill(writer.email);
    await dutch.getByTestId('login-password').fill(writer.password);
    await dutch.getByTestId('login-submit').click();
    await dutch.waitForURL(/\/people$/);
    await dutch.getByRole('navigation').getByRole('link', { name: 'Onderwerpen' }).click();
    await dutch.getByRole('heading', { name: 'Onderwerpen', exact: true }).waitFor();
    // A key with capitals is refused at its field, in Dutch.
    await dutch.getByTestId('topic-key').fill('Kantine Menu');
    await dutch.getByTestId('topic-name-nl').fill('Menu van de kantine');
    await dutch.getByTestId('topic-save').click();
    await dutch.getByRole('alert').waitFor();
    await dutch.getByTestId('topic-key').fill('kantine-menu');
    await dutch.getByTestId('topic-name-de').fill('Speiseplan der Kantine');
    await dutch.getByTestId('topic-save').click();
    await dutch.getByTestId('topics-table').getByText('kantine-menu', { exact: true }).waitFor();
    await dutch.screenshot({ path: path.join(RESULTS_DIR, 'topics-nl.png'), fullPage: true });

    await page.reload();
    await page.getByTestId('topic-kantine-menu').getByText('Speiseplan der Kantine').waitFor();
    expect(h.cspViolations).toEqual([]);
  }, 60_000);
});
