// Browser test of the skill taxonomy screen in German: an admin finds a near-duplicate skill, merges
// it into the curated one (profiles follow), and makes a typed typo an alias from the new-tags tab.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULTS_DIR, startBrowserHarness, watchCsp, type BrowserHarness } from './browser-harness.js';

const SCREENSHOT = path.join(RESULTS_DIR, 'skills-admin-de.png');

describe('skill taxonomy admin in the browser (German)', () => {
  let h: BrowserHarness;
  let page: Page;
  let holders: number[] = [];

  beforeAll(async () => {
    h = await startBrowserHarness({ width: 1280, height: 900 });
    // A near-duplicate of #excel that crept into the taxonomy, on two profiles; and a typo on a third.
    const db = h.server.db;
    holders = (await sql<{ id: number }>`SELECT id FROM people WHERE status = 'active' ORDER BY id LIMIT 3`.execute(db)).rows.map((r) => r.id);
    await sql`INSERT INTO skill_tags (tag, label_en, label_de, label_nl) VALUES ('ms-excel', 'MS Excel', 'MS Excel', 'MS Excel')`.execute(db);
    await sql`UPDATE people SET skills = array_append(skills, 'ms-excel') WHERE id = ANY(${holders.slice(0, 2)}::bigint[])`.execute(db);
    await sql`UPDATE people SET skills = array_append(skills, 'exel') WHERE id = ${holders[2]!}`.execute(db);

    const context = await h.browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
    await watchCsp(context, h.cspViolations);
    page = await context.newPage();
    await page.goto(`${h.server.url}/login`);
    await page.getByTestId('login-email').fill(h.server.admin.email);
    await page.getByTestId('login-password').fill(h.server.admin.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/people/);
  });

  afterAll(async () => h?.close());

  it('opens the skills screen from the navigation', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Fähigkeiten', exact: true }).click();
    await page.waitForURL(/\/admin\/skills/);
    await page.getByRole('heading', { name: 'Fähigkeiten', exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Taxonomie' }).waitFor();
  });

  it('merges the duplicate into the curated skill, and the profiles follow', async () => {
    await page.getByTestId('skills-search').fill('ms-excel');
    await page.locator('[data-testid="skills-table"][data-q="ms-excel"][aria-busy="false"]').waitFor();
    await page.getByTestId('skill-merge-ms-excel').click();
    await page.getByRole('dialog').getByText('#ms-excel mit einer anderen Fähigkeit zusammenführen').waitFor();
    // Found through its German alias, as a German admin would look for it.
    await page.getByTestId('skill-merge-target').fill('Tabellenkalk');
    await page.getByRole('option', { name: 'Excel (#excel)' }).click();
    await page
      .getByTestId('skill-merge-warning')
      .getByText(/Die 2 Personen mit #ms-excel/)
      .waitFor();
    await page.getByTestId('skill-merge-confirm').click();
    await page.getByTestId('skill-merge-result').getByText('#ms-excel wurde mit #excel zusammengeführt: 2 Profile und 0 Empfehlungen aktualisiert.').waitFor();

    const profiles = await sql<{ skills: string[] }>`SELECT skills FROM people WHERE id = ANY(${holders.slice(0, 2)}::bigint[])`.execute(h.server.db);
    for (const { skills } of profiles.rows) {
      expect(skills).toContain('excel');
      expect(skills).not.toContain('ms-excel');
    }
    const alias = await sql<{ tag: string }>`SELECT tag FROM skill_aliases WHERE alias = 'ms-excel'`.execute(h.server.db);
    expect(alias.rows).toEqual([{ tag: 'excel' }]);
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
  });

  it('makes a typo from the new-tags tab an alias of the skill it suggests', async () => {
    await page.getByRole('tab', { name: 'Neue Tags' }).click();
    const row = page.getByTestId('new-tag-row-exel');
    await row.getByText('Alias von #excel').waitFor();
    await row.getByTestId('new-tag-alias-exel').click();
    await page.getByTestId('new-tag-alias-rewrite').check();
    await page.getByTestId('new-tag-alias-confirm').click();
    await row.waitFor({ state: 'detached' });
    const typo = await sql<{ skills: string[] }>`SELECT skills FROM people WHERE id = ${holders[2]!}`.execute(h.server.db);
    expect(typo.rows[0]!.skills).toContain('excel');
    expect(typo.rows[0]!.skills).not.toContain('exel');
  });

  it('ran every page without a Content Security Policy violation', () => {
    expect(h.cspViolations).toEqual([]);
  });
});
