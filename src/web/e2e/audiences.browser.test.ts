// Browser test of audiences against a real server: build a rule and watch the live count, save it as a
// segment, create a persona from it with a two-stage journey map, and screenshot the German UI.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../server/testing/test-server.js';
import { RESULTS_DIR, signInAsAdmin, startBrowserHarness, type BrowserHarness } from './browser-harness.js';

const SCREENSHOT = path.join(RESULTS_DIR, 'audiences-de.png');

const MILLENNIALS = { field: 'generation', op: 'in', value: ['millennial'] };
const XENNIALS = { field: 'cohorts', op: 'has', value: 'xennial' };

describe('audiences in the browser', () => {
  let server: TestServer;
  let page: Page;
  let csrf = '';
  let segmentCount = -1;
  let personaPath = '';

  /** The number the server gives for a rule, asked directly, to compare with what the page shows. */
  const serverCount = async (rule: unknown): Promise<number> => {
    const response = await page.request.post(`${server.url}/api/v1/audiences/preview`, {
      data: { rule },
      headers: { 'X-CSRF-Token': csrf },
    });
    expect(response.status()).toBe(200);
    return ((await response.json()) as { count: number }).count;
  };

  /** The count on screen once it has settled (no debounce or request pending), or null meanwhile. */
  const shownCount = async (): Promise<number | null> => {
    const count = page.getByTestId('audience-count');
    if ((await count.getAttribute('aria-busy')) !== 'false') return null;
    const value = await count.getAttribute('data-count');
    return value === null || value === '' ? null : Number(value);
  };

  const pickOption = async (name: string) => {
    await page.getByRole('option', { name, exact: true }).click();
  };

  let harness: BrowserHarness;

  beforeAll(async () => {
    harness = await startBrowserHarness({ width: 1440, height: 1000 });
    ({ server, page } = harness);
  });

  afterAll(async () => harness?.close());

  it('signs the admin in and opens Audiences from the navigation', async () => {
    await signInAsAdmin(harness);
    const me = await page.request.get(`${server.url}/api/v1/auth/me`);
    csrf = ((await me.json()) as { csrf_token: string }).csrf_token;

    await page.getByRole('navigation').getByRole('link', { name: 'Audiences', exact: true }).click();
    await page.waitForURL(/\/audiences$/);
    await page.getByTestId('rule-builder').waitFor();
    const everyone = await serverCount({ all: [] });
    expect(everyone).toBeGreaterThan(0);
    await expect.poll(shownCount).toBe(everyone);
  });

  it('updates the count as conditions are added', async () => {
    const everyone = await serverCount({ all: [] });
    const millennials = await serverCount({ all: [MILLENNIALS] });
    const both = await serverCount({ all: [MILLENNIALS, XENNIALS] });
    expect(new Set([everyone, millennials, both]).size).toBe(3);

    await page.getByTestId('rule-add-condition').last().click();
    await page.getByTestId('rule-field').last().click();
    await pickOption('Generation');
    await page.getByTestId('rule-op').last().click();
    await pickOption('is one of');
    // Values are offered and shown by name ("Millennials"), stored as codes ("millennial").
    await page.getByTestId('rule-value').last().click();
    // Options carry the count after the name ("Millennials 57").
    await page.getByRole('option', { name: /^Millennials\b/ }).waitFor();
    expect(await page.getByRole('option', { name: /^millennial\b/ }).count()).toBe(0);
    await page.getByTestId('rule-value').last().fill('millennial');
    await page.getByTestId('rule-value').last().press('Enter');
    await expect.poll(shownCount).toBe(millennials);
    await page.getByTestId('rule-builder').getByText('Millennials', { exact: true }).waitFor();

    await page.getByTestId('rule-add-condition').last().click();
    await page.getByTestId('rule-field').last().click();
    await pickOption('Generational cohorts');
    // A list field starts with "includes", which takes one value.
    await expect(page.getByTestId('rule-op').last().inputValue()).resolves.toBe('includes');
    await page.getByTestId('rule-value').last().fill('xennial');
    await expect.poll(shownCount).toBe(both);
    expect(await page.getByTestId('audience-sample-person').count()).toBe(Math.min(both, 20));

    await page.getByTestId('rule-group-mode').first().getByText('Any of', { exact: true }).click();
    await expect.poll(shownCount).toBe(await serverCount({ any: [MILLENNIALS, XENNIALS] }));
    await page.getByTestId('rule-group-mode').first().getByText('All of', { exact: true }).click();
    await expect.poll(shownCount).toBe(both);
  });

  it("shows the server's complaint and outlines the node it names", async () => {
    await page.getByTestId('rule-add-condition').last().click();
    await page.getByTestId('rule-field').last().click();
    await pickOption('Email');
    // Longer than any text value the server accepts, so it answers 400 with the node's pointer.
    await page.getByTestId('rule-value').last().fill('x'.repeat(10_001));
    await page.getByTestId('problem-alert').waitFor();
    // The message code in words, not the server's English detail ("... does not fit: ...").
    const alert = (await page.getByTestId('problem-alert').innerText()).replace(/\s+/g, ' ');
    expect(alert).toContain('The value for “Email” can have at most 10000 characters.');
    expect(alert).not.toContain('does not fit');
    const outlined = page.locator('[data-testid="rule-node"][data-error]');
    await expect.poll(() => outlined.count()).toBe(1);
    expect(await outlined.getAttribute('data-pointer')).toBe('/all/2');

    await outlined.getByTestId('rule-remove').click();
    await expect.poll(() => page.getByTestId('problem-alert').count()).toBe(0);
    await expect.poll(shownCount).toBe(await serverCount({ all: [MILLENNIALS, XENNIALS] }));
  });

  it('saves the rule as a segment and lists its members', async () => {
    segmentCount = await serverCount({ all: [MILLENNIALS, XENNIALS] });
    await page.getByTestId('audience-save').click();
    await page.getByTestId('segment-name').fill('Millennial xennials');
    await expect(page.getByTestId('segment-key').inputValue()).resolves.toBe('millennial-xennials');
    await page.getByTestId('segment-description').fill('Born at the turn from Gen X to the millennials.');
    await page.getByTestId('segment-save').click();
    await page.waitForURL(/\/audiences\/segments\/millennial-xennials$/);
    await page.getByTestId('rule-builder').waitFor();
    await expect.poll(() => page.getByTestId('rule-field').count()).toBe(2);
    if (segmentCount > 0) {
      await expect.poll(() => page.getByTestId('segment-members').locator('tbody tr').count()).toBe(Math.min(segmentCount, 50));
    }
    await page.getByTestId('segment-csv').waitFor();

    await page.goto(`${server.url}/audiences/segments`);
    await page.getByTestId('segments-table').getByRole('link', { name: 'Millennial xennials' }).waitFor();
  });

  it('narrows an audience to one branch of the organisation found by a person search', async () => {
    const response = await page.request.get(`${server.url}/api/v1/people?limit=100`);
    const { items } = (await response.json()) as { items: { external_id: string; display_name: string; is_leader: boolean }[] };
    const leader = items.find((person) => person.is_leader);
    expect(leader).toBeDefined();
    if (!leader) return;

    await page.goto(`${server.url}/audiences`);
    await page.getByTestId('rule-add-condition').last().click();
    await page.getByTestId('rule-field').last().click();
    await pickOption('Organisation (a person and everyone below)');
    await page.getByTestId('rule-value').last().fill(leader.display_name);
    const name = new RegExp(`^${leader.display_name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
    await page.getByRole('option', { name }).first().click();
    await expect.poll(shownCount).toBe(await serverCount({ all: [{ field: 'org', op: 'within', value: leader.external_id }] }));
  });

  it('creates a persona whose rule refers to the segment', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Personas', exact: true }).click();
    await page.waitForURL(/\/personas$/);
    await page.getByTestId('persona-new').click();
    await page.waitForURL(/\/personas\/new$/);

    await page.getByTestId('persona-name').fill('Bridge generation');
    await page.getByTestId('persona-avatar').fill('BG');
    await page.getByTestId('persona-description').fill('Grew up analogue, started work digital; mid-career and pragmatic.');
    await page.getByTestId('persona-motivations').fill('Stability for the family');
    await page.getByTestId('persona-motivations').press('Enter');
    await page.getByTestId('persona-pain_points').fill('Too many tools');
    await page.getByTestId('persona-pain_points').press('Enter');
    await page.getByTestId('persona-channels').click();
    await pickOption('Email');
    await pickOption('Via the manager');
    await page.keyboard.press('Escape');
    await page.getByTestId('persona-wiifm').fill('Less searching, more time for the work that matters.');

    await page.getByTestId('rule-add-segment').last().click();
    await page.getByTestId('rule-segment').click();
    await pickOption('Millennial xennials');
    await expect.poll(shownCount).toBe(segmentCount);

    await page.getByTestId('persona-save').click();
    await page.waitForURL(/\/personas\/\d+$/);
    personaPath = new URL(page.url()).pathname;
    await page.getByTestId('persona-journey').waitFor();

    const coverage = await page.request.get(`${server.url}/api/v1/personas/coverage`);
    const body = (await coverage.json()) as { personas: { name: string; count: number }[] };
    expect(body.personas.find((p) => p.name === 'Bridge generation')?.count).toBe(segmentCount);
  });

  it('turns the suggested template into a two-stage journey map and saves it', async () => {
    await page.getByTestId('persona-journey').click();
    await page.waitForURL(/\/journey$/);
    await expect.poll(() => page.getByTestId('journey-stage').count()).toBe(3);

    await page.getByTestId('journey-stage-remove').nth(2).click();
    await expect.poll(() => page.getByTestId('journey-stage').count()).toBe(2);
    await page.getByTestId('journey-stage-right').first().click();
    await expect(page.getByTestId('journey-stage-name').first().inputValue()).resolves.toBe('First 90 days');
    await page.getByTestId('journey-stage-name').first().fill('First weeks');

    await page.getByTestId('journey-add-touchpoint').first().click();
    await page.getByTestId('journey-touchpoints').first().getByRole('textbox', { name: 'Campaign' }).fill('Welcome series');
    await page.getByTestId('journey-does').first().getByRole('textbox').fill('Finds their way around tools and people.');
    await page.getByTestId('journey-thinks').first().getByRole('textbox').fill('Where do I find what I need?');
    await page.getByTestId('journey-feels').nth(1).getByRole('textbox').fill('Curious, a little sceptical.');
    const painPoints = page.getByTestId('journey-pain-points').first().locator('input:not([type="hidden"])');
    await painPoints.fill('Too many logins');
    await painPoints.press('Enter');
    await page.getByTestId('journey-mood-0--1').click();
    await page.getByTestId('journey-mood-1-2').click();

    // Wait for the save itself: "Done editing" also contains "edit", so the button text alone cannot tell.
    const put = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/journey'));
    await page.getByTestId('journey-save').click();
    expect((await put).status()).toBe(200);
    await page
      .getByTestId('journey-edit')
      .filter({ hasText: /^Edit$/ })
      .waitFor();
    await page.getByTestId('journey-pain-points').first().getByText('Too many logins').waitFor();
    const saved = await page.request.get(`${server.url}/api/v1${personaPath}/journey`);
    const journey = (await saved.json()) as { stages: { name: string; mood: number; touchpoints: { channel: string; campaign: string | null }[] }[] };
    expect(journey.stages.map((s) => [s.name, s.mood])).toEqual([
      ['First weeks', -1],
      ['Onboarding', 2],
    ]);
    expect(journey.stages[0]?.touchpoints).toEqual([{ channel: 'email', campaign: 'Welcome series', description: null }]);
    expect(await page.getByTestId('journey-mood-marker').count()).toBe(2);
  });

  it('shows segments, personas and the journey map in German', async () => {
    await page.getByTestId('language-switcher').selectOption('de');
    await page.getByRole('navigation').getByRole('link', { name: 'Zielgruppen', exact: true }).waitFor();
    await mkdir(RESULTS_DIR, { recursive: true });
    await page.getByRole('heading', { name: 'Journey Map' }).waitFor();
    await page.screenshot({ path: path.join(RESULTS_DIR, 'journey-de.png'), fullPage: true });

    await page.goto(`${server.url}/personas`);
    await page.getByTestId('coverage-view').waitFor();
    await page.getByText(/^Von keiner Persona abgedeckt: /).waitFor();
    await page.screenshot({ path: path.join(RESULTS_DIR, 'personas-de.png'), fullPage: true });

    await page.goto(`${server.url}/audiences/segments/millennial-xennials`);
    await page.getByTestId('rule-group-mode').getByText('Alle', { exact: true }).waitFor();
    await expect.poll(shownCount).toBe(segmentCount);
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it('ran every page without a Content Security Policy violation', () => {
    expect(harness.cspViolations).toEqual([]);
  });
});
