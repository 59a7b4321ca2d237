// Browser test of the people import: upload a CSV with a bad row in the German interface, watch the
// import run in the background, and read its report in German, with the good rows in the directory.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../server/testing/test-server.js';
import { RESULTS_DIR, signInAsAdmin, startBrowserHarness, type BrowserHarness } from './browser-harness.js';

const SCREENSHOT = path.join(RESULTS_DIR, 'import-de.png');

describe('people import in the browser', () => {
  let server: TestServer;
  let page: Page;
  let harness: BrowserHarness;

  beforeAll(async () => {
    harness = await startBrowserHarness({ width: 1280, height: 900 }, { worker: true });
    ({ server, page } = harness);
    await signInAsAdmin(harness);
  });

  afterAll(async () => harness?.close());

  it('imports a file in German and explains each problem in German', async () => {
    await page.getByTestId('language-switcher').selectOption('de');
    await page.getByRole('navigation').getByRole('link', { name: 'Personen importieren', exact: true }).click();
    await page.waitForURL(/\/admin\/import/);
    const csv = [
      'external_id,email,given_name,family_name,manager,hire_date',
      'B1,,Berta,Lager,NIEMAND,2019-04-01',
      'B2,kaputt,Bruno,Fehler,,2019-13-01',
      'B3,b3@x.example,Bea,Gut,B1,2020-02-02',
    ].join('\n');
    await page.locator('input[type="file"]').setInputFiles({ name: 'personen.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Importieren', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.has('import'));
    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: 30_000 });
    await report.getByRole('heading', { name: 'Importbericht: personen.csv' }).waitFor();
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    const text = await problems.innerText();
    expect(text).toContain('„kaputt“ ist keine E-Mail-Adresse.');
    expect(text).toContain('„2019-13-01“ ist kein Datum im Format JJJJ-MM-TT');
    expect(text).toContain('Vorgesetzte:r NIEMAND steht weder in dieser Datei noch im Verzeichnis');
    expect(text).not.toMatch(/is not|neither/);
    expect(await report.innerText()).toMatch(/Neu angelegt\s*2/i);
    await mkdir(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // The report survives a reload: the import's id is in the address.
    await page.reload();
    await page.getByTestId('import-problems').waitFor();
    const people = await page.request.get(`${server.url}/api/v1/people?q=Berta`);
    expect(((await people.json()) as { items: unknown[] }).items).toHaveLength(1);
  });

  it('shows the progress of a larger import while it runs, then its report', async () => {
    const lines = ['external_id,given_name,family_name,department'];
    for (let i = 0; i < 1500; i++) lines.push(`P${i},Person,${i},Lager`);
    await page.locator('input[type="file"]').setInputFiles({ name: 'gross.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await page.getByRole('button', { name: 'Importieren', exact: true }).click();
    const progress = page.getByTestId('import-progress');
    await progress.waitFor();
    expect(await progress.innerText()).toMatch(/gross\.csv wird importiert/);
    expect(await progress.innerText()).toMatch(/von (etwa )?1\.500 Zeilen importiert/);
    await page.getByRole('heading', { name: 'Importbericht: gross.csv' }).waitFor({ timeout: 100_000 });
    expect(await page.getByTestId('import-report').innerText()).toMatch(/Neu angelegt\s*1\.500/i);
    await page.getByText('Alle Zeilen wurden ohne Beanstandung importiert.').waitFor();
  }, 120_000);
});
