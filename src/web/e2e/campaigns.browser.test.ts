// Browser test of campaigns in German with the job worker running: create a campaign with a persona
// variant and a default variant in German and English, see a bad placeholder refused at its field,
// see who gets what, preview one person, send it (no SMTP_URL: mail goes to the outbox), read the
// delivery log, and find the mail in the outbox.
import path from 'node:path';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../server/testing/test-server.js';
import { RESULTS_DIR, signInAsAdmin, startBrowserHarness, type BrowserHarness } from './browser-harness.js';

const PERSONA = 'Digitale Mitte';
const CAMPAIGN = 'Neues Intranet';
const SUBJECT_DE = 'Neuigkeiten für ';
const SUBJECT_EN = 'News for ';
const DEFAULT_SUBJECT_DE = 'Hallo ';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type Assignments = { total: number; by: { variant: string; language: string; channel: string; count: number }[] };

describe('campaigns in the browser (German)', () => {
  let harness: BrowserHarness;
  let server: TestServer;
  let page: Page;
  let csrf = '';
  let campaignId = 0;

  const api = async <T>(url: string): Promise<T> => {
    const response = await page.request.get(`${server.url}${url}`);
    expect(response.status(), url).toBe(200);
    return (await response.json()) as T;
  };

  const pickOption = async (name: string | RegExp) => {
    await page.getByRole('option', { name, exact: typeof name === 'string' }).click();
  };

  /** Fills subject and body of the language tab shown in the open variant. */
  const writeContent = async (subject: string, body: string) => {
    await page.getByTestId('content-subject').fill(subject);
    await page.getByTestId('content-body').fill(body);
  };

  beforeAll(async () => {
    harness = await startBrowserHarness({ width: 1440, height: 1000 }, { worker: true });
    ({ server, page } = harness);
  });

  afterAll(async () => harness?.close());

  it('signs the admin in, arranges a persona and opens Kampagnen in German', async () => {
    await signInAsAdmin(harness);
    const me = await page.request.get(`${server.url}/api/v1/auth/me`);
    csrf = ((await me.json()) as { csrf_token: string }).csrf_token;
    const persona = await page.request.post(`${server.url}/api/v1/personas`, {
      data: { name: PERSONA, rule: { all: [{ field: 'generation', op: 'in', value: ['millennial'] }] } },
      headers: { 'X-CSRF-Token': csrf },
    });
    expect(persona.status()).toBe(201);

    await page.getByTestId('language-switcher').selectOption('de');
    await page.getByRole('navigation').getByRole('link', { name: 'Kampagnen', exact: true }).click();
    await page.waitForURL(/\/campaigns$/);
    await page.getByTestId('campaigns-empty').waitFor();
    await page.getByTestId('campaign-new').click();
    await page.waitForURL(/\/campaigns\/new$/);
  });

  it('refuses an unknown placeholder with the German message at its field', async () => {
    await page.getByTestId('campaign-name').fill(CAMPAIGN);
    await page.getByTestId('campaign-default-language').click();
    await pickOption('Deutsch');

    // The default variant: German and English.
    await page.getByTestId('language-tab-de').click();
    await page.getByTestId('content-subject').fill(DEFAULT_SUBJECT_DE);
    // The picker inserts where the cursor was in the field last used.
    await page.getByTestId('variable-picker').click();
    await pickOption('{{ person.given_name }}');
    expect(await page.getByTestId('content-subject').inputValue()).toBe(`${DEFAULT_SUBJECT_DE}{{ person.given_name }}`);
    await page.getByTestId('content-body').fill('Das **neue** Intranet ist da.');
    // The body's Markdown is shown formatted beside it, in a sandboxed frame.
    await expect.poll(async () => page.getByTestId('markdown-preview').getAttribute('srcdoc')).toContain('Das <strong>neue</strong> Intranet ist da.');
    expect(await page.getByTestId('markdown-preview').getAttribute('sandbox')).toBe('');
    await page.getByTestId('language-tab-en').click();
    await writeContent('Hello {{ person.given_name }}', 'The new intranet is here.');

    // A variant for the persona, German and English, with a placeholder nobody may use.
    await page.getByTestId('campaign-add-variant').click();
    await page.getByTestId('variant-key').fill('digital');
    await page.getByTestId('variant-audience-mode').getByText('Persona', { exact: true }).click();
    await page.getByTestId('variant-persona').click();
    await pickOption(PERSONA);
    await page.getByTestId('language-tab-de').click();
    await writeContent(`${SUBJECT_DE}{{ person.given_name }}`, 'Geboren {{ person.birth_year }}? Das neue Intranet passt zu Ihnen.');
    await page.getByTestId('language-tab-en').click();
    await writeContent(`${SUBJECT_EN}{{ person.given_name }}`, 'The new intranet suits you, {{ person.given_name }}.');

    await page.getByTestId('campaign-save').click();
    await page.getByTestId('problem-alert').waitFor();
    // The variant's tab is marked; its German tab shows the message at the body.
    await page.getByTestId('language-tab-de').click();
    const field = page.getByTestId('variant-editor').getByText('„person.birth_year“ ist kein Platzhalter, den Sie hier verwenden können.', { exact: false });
    await field.waitFor();
    const body = page.getByTestId('content-body');
    expect(await body.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('main').innerText()).not.toContain('is not a variable');
    expect(page.url()).toMatch(/\/campaigns\/new$/);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'campaign-editor-de.png'), fullPage: true });
  });

  it('saves once the placeholder is fixed and shows who gets what', async () => {
    await page.getByTestId('content-body').fill('Das neue Intranet passt zu Ihnen, {{ person.given_name }}.');
    await page.getByTestId('campaign-save').click();
    await page.waitForURL(/\/campaigns\/\d+$/);
    campaignId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByTestId('campaign-status').waitFor();
    expect(await page.getByTestId('campaign-status').textContent()).toBe('Entwurf');

    const saved = await api<{ default_language: string; variants: { key: string; default: boolean; audience: unknown; content: Record<string, unknown> }[] }>(
      `/api/v1/campaigns/${campaignId}`,
    );
    expect(saved.default_language).toBe('de');
    expect(saved.variants.map((v) => [v.key, v.default, Object.keys(v.content).sort()])).toEqual([
      ['digital', false, ['de', 'en']],
      ['default', true, ['de', 'en']],
    ]);
    expect(saved.variants[0]!.audience).toMatchObject({ persona: expect.any(Number) as number });

    // A change not saved yet holds the send back, survives a look at another tab, and saves with PUT.
    await page.getByTestId('campaign-name').fill(`${CAMPAIGN} 2026`);
    expect(await page.getByTestId('campaign-send').isDisabled()).toBe(true);
    await page.getByTestId('campaign-send-save-first').waitFor();
    await page.getByTestId('campaign-tab-preview').click();
    await page.getByTestId('campaign-tab-edit').click();
    expect(await page.getByTestId('campaign-name').inputValue()).toBe(`${CAMPAIGN} 2026`);
    const put = page.waitForRequest((r) => r.url().endsWith(`/api/v1/campaigns/${campaignId}`) && r.method() === 'PUT');
    await page.getByTestId('campaign-save').click();
    await put;
    await page.getByTestId('campaign-saved').waitFor();
    expect(await page.getByTestId('campaign-saved').textContent()).toBe('Gespeichert.');
    expect(await page.getByTestId('campaign-send').isDisabled()).toBe(false);

    await page.getByTestId('campaign-tab-assignments').click();
    await page.getByTestId('assignments-table').waitFor();
    const expected = await api<Assignments>(`/api/v1/campaigns/${campaignId}/assignments`);
    expect(new Set(expected.by.map((row) => row.variant))).toEqual(new Set(['digital', 'default']));
    expect(await page.getByTestId('assignment-row').count()).toBe(expected.by.length);
    expect(Number(await page.getByTestId('assignments-total').getAttribute('data-count'))).toBe(expected.total);
    const digitalDe = expected.by.find((row) => row.variant === 'digital' && row.language === 'de' && row.channel === 'email');
    if (digitalDe) {
      const row = page.locator('[data-testid="assignment-row"][data-variant="digital"][data-language="de"][data-channel="email"]');
      expect(await row.getAttribute('data-count')).toBe(String(digitalDe.count));
      expect(await row.innerText()).toContain('Deutsch');
    }
  });

  it('previews the message of one person in a sandboxed frame', async () => {
    // Someone the persona variant reaches, found by asking the server for a few people's previews.
    const candidates = (
      await sql<{ external_id: string }>`SELECT external_id FROM people WHERE status = 'active' AND email IS NOT NULL ORDER BY id LIMIT 60`.execute(server.db)
    ).rows.map((row) => row.external_id);
    let person = '';
    let preview: { subject: string; variant: string; language: string } | undefined;
    for (const candidate of candidates) {
      const response = await page.request.post(`${server.url}/api/v1/campaigns/${campaignId}/preview`, {
        data: { person: candidate, channel: 'email' },
        headers: { 'X-CSRF-Token': csrf },
      });
      expect(response.status()).toBe(200);
      const body = (await response.json()) as { subject: string; variant: string; language: string };
      if (body.variant === 'digital') {
        [person, preview] = [candidate, body];
        break;
      }
    }
    if (!preview) throw new Error('nobody among the first people gets the persona variant');
    expect(preview.subject.startsWith(preview.language === 'en' ? SUBJECT_EN : SUBJECT_DE)).toBe(true);

    await page.getByTestId('campaign-tab-preview').click();
    await page.getByTestId('preview-person').fill(person);
    await page.getByTestId('preview-submit').click();
    await page.getByTestId('preview-result').waitFor();
    expect(await page.getByTestId('preview-subject').innerText()).toBe(preview.subject);
    expect(await page.getByTestId('preview-variant').textContent()).toBe(`Variante ${preview.variant}`);
    const frame = page.getByTestId('message-html');
    expect(await frame.getAttribute('sandbox')).toBe('');
    expect(await frame.getAttribute('srcdoc')).toMatch(/intranet/i);
    expect(await page.getByTestId('message-text').innerText()).toMatch(/intranet/i);

    // Someone unknown: the German message, not the server's English.
    await page.getByTestId('preview-person').fill('nobody-here@example.invalid');
    await page.getByTestId('preview-submit').click();
    await page.getByRole('alert').filter({ hasText: 'Keine Vorschau' }).waitFor();
  });

  it('sends the campaign with an Idempotency-Key and shows the delivery log', async () => {
    // One colleague without an address, so the log has a reason to word.
    const noMail = (
      await sql<{
        external_id: string;
      }>`UPDATE people SET email = NULL WHERE id = (SELECT max(id) FROM people WHERE status = 'active') RETURNING external_id`.execute(server.db)
    ).rows[0]!.external_id;

    await page.getByTestId('campaign-send').click();
    await page.getByTestId('send-dialog').waitFor();
    const request = page.waitForRequest((r) => r.url().endsWith(`/api/v1/campaigns/${campaignId}/send`) && r.method() === 'POST');
    await page.getByTestId('send-confirm').click();
    expect((await request).headers()['idempotency-key']).toMatch(UUID);
    await page.getByTestId('send-result').waitFor();
    expect(await page.getByTestId('send-result').innerText()).toContain('Der Versand hat begonnen');
    await page.getByTestId('send-close').click();

    // The page asks again while the campaign is being sent, so its status moves on without a reload.
    await page.locator('[data-testid="campaign-status"][data-status="sent"]').waitFor({ timeout: 90_000 });
    expect((await api<{ status: string }>(`/api/v1/campaigns/${campaignId}`)).status).toBe('sent');
    expect(await page.getByTestId('campaign-status').textContent()).toBe('Versandt');
    expect(await page.getByTestId('campaign-send').count()).toBe(0);

    // A sent campaign can be read but not changed.
    await page.getByTestId('campaign-tab-edit').click();
    await page.getByTestId('campaign-not-editable').waitFor();
    expect(await page.getByTestId('rule-add-condition').first().isDisabled()).toBe(true);
    expect(await page.getByTestId('campaign-save').isDisabled()).toBe(true);

    await page.getByTestId('campaign-tab-deliveries').click();
    await page.getByTestId('deliveries-table').waitFor();
    expect(await page.getByTestId('delivery-row').count()).toBeGreaterThan(0);
    await page.getByTestId('deliveries-state').click();
    await pickOption('Versandt');
    await expect.poll(async () => page.locator('[data-testid="delivery-row"]:not([data-state="sent"])').count()).toBe(0);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'campaign-deliveries-de.png'), fullPage: false });
    await page.getByTestId('deliveries-state').click();
    await pickOption('Unterdrückt');
    const suppressed = page.locator('[data-testid="delivery-row"][data-state="suppressed"]').filter({ hasText: noMail });
    await suppressed.waitFor();
    expect(await suppressed.textContent()).toContain('Keine E-Mail-Adresse');
    expect(await page.getByTestId('deliveries-table').textContent()).toContain('Versandt');
  }, 120_000);

  it('finds the mail in the outbox and opens it', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Postausgang', exact: true }).click();
    await page.waitForURL(/\/outbox$/);
    await page.getByTestId('outbox-table').waitFor();
    const ours = page.getByTestId('outbox-row').filter({ hasText: new RegExp(`^(${SUBJECT_DE}|${DEFAULT_SUBJECT_DE})`) });
    await expect.poll(() => ours.count()).toBeGreaterThan(0);
    await ours.first().getByTestId('outbox-open').click();
    await page.getByTestId('outbox-subject').waitFor();
    expect(await page.getByTestId('outbox-subject').innerText()).toMatch(new RegExp(`^(${SUBJECT_DE}|${DEFAULT_SUBJECT_DE})\\S`));
    const frame = page.getByTestId('outbox-viewer').getByTestId('message-html');
    expect(await frame.getAttribute('sandbox')).toBe('');
    expect(await frame.getAttribute('srcdoc')).toMatch(/intranet/i);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'campaigns-outbox-de.png'), fullPage: false });

    await page.goto(`${server.url}/campaigns`);
    const row = page.getByTestId('campaign-row').filter({ hasText: CAMPAIGN });
    await row.waitFor();
    expect(await row.getByTestId('campaign-status').textContent()).toBe('Versandt');
    expect(harness.cspViolations).toEqual([]);
  });
});
