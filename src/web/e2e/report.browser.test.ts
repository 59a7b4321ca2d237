// Issue 10's "Done when", in the browser and in German: a campaign goes out to the demo organisation
// in two variants and three languages; people open it (the real pixel over HTTP), a bot and HEAD
// requests open it too; the rollup job runs. A communicator opens the campaign's report and sees who
// was reached and who opened, by variant and by generation, with the machine opens set apart and
// explained; lists who still needs a reminder and sends it from there (it reaches exactly those
// people, each in their own language); the organisation dashboard shows it as charts; and a
// works-council member reads what is collected, in German.
import path from 'node:path';
import { sql } from 'kysely';
import type { ParsedMail } from 'mailparser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePassword, upsertUserWithPassword } from '../../server/modules/identity/index.js';
import { createCampaign } from '../../server/modules/campaigns/index.js';
import { fanOutCampaign, sendCampaignEmail, writeFollowUp } from '../../server/modules/delivery/index.js';
import { rollUpReports } from '../../server/modules/analytics/index.js';
import { startSmtpSink, type SmtpSink } from '../../server/testing/smtp-sink.js';
import { RESULTS_DIR, startBrowserHarness, watchCsp, type BrowserHarness } from './browser-harness.js';

const BROWSER_UA = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
const BOT_UA = 'Mozilla/5.0 (compatible; Barracuda Sentinel; +http://www.barracuda.com/)';
const SUBJECT = { de: 'Die neue Kantine', nl: 'De nieuwe kantine', en: 'The new canteen' };
const REMINDER_PREFIX = { de: 'Erinnerung: ', nl: 'Herinnering: ', en: 'Reminder: ' } as const;

const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address ?? '';
const pixelPath = (mail: ParsedMail) => String(mail.html).match(/<img src="https?:\/\/[^"/]+(\/t\/o\/[^"]+)"/)?.[1];

describe('a campaign report in the browser (German)', () => {
  let h: BrowserHarness;
  let sink: SmtpSink;
  let page: Page;
  let campaignId = 0;
  let mails: ParsedMail[] = [];
  const humans = new Set<string>();
  let machineOpens = 0;

  beforeAll(async () => {
    sink = await startSmtpSink();
    h = await startBrowserHarness(
      { width: 1280, height: 900 },
      { demoPeople: 60, env: { SMTP_URL: sink.url, MAIL_FROM: 'Kommunikation <kommunikation@acme.example>' } },
    );
    const ctx = { db: h.server.db, config: h.server.config, clock: () => new Date() };
    const content = (subject: string) => ({ subject, body: `${subject}: [Speiseplan](https://intranet.acme.example/kantine)` });
    const campaign = await createCampaign({
      db: h.server.db,
      thresholds: h.server.config.experienceThresholds,
      clock: ctx.clock,
      userId: null,
      campaign: {
        name: 'Die neue Kantine',
        kind: 'announcement',
        audience: { field: 'status', op: 'eq', value: 'active' },
        default_language: 'de',
        tracking: 'individual',
        follow_ups: [],
        cascade: null,
        variants: [
          {
            key: 'jung',
            default: false,
            audience: { field: 'generation', op: 'in', value: ['gen_z', 'millennial'] },
            channels: ['email'],
            content: { de: content(`${SUBJECT.de}!`), nl: content(`${SUBJECT.nl}!`), en: content(`${SUBJECT.en}!`) },
          },
          {
            key: 'alle',
            default: true,
            channels: ['email'],
            content: { de: content(SUBJECT.de), nl: content(SUBJECT.nl), en: content(SUBJECT.en) },
          },
        ],
      },
    });
    campaignId = campaign.id;
    await sql`UPDATE campaigns SET status = 'sending' WHERE id = ${campaignId}`.execute(h.server.db);
    await fanOutCampaign({ ...ctx, campaignId });
    await sendCampaignEmail({ ...ctx, campaignId });
    mails = sink.messages.filter((m) => m.headers.get('x-resonance-campaign') === String(campaignId));
    expect(mails.length).toBeGreaterThan(40);
    // Two in three open it in a mail client; a scanner opens five more, and a HEAD request three.
    for (const [i, mail] of mails.entries()) {
      const url = `${h.server.url}${pixelPath(mail)}`;
      if (i % 3 !== 2) {
        expect((await fetch(url, { headers: { 'user-agent': BROWSER_UA } })).status).toBe(200);
        humans.add(to(mail));
      } else if (i < 15) {
        expect((await fetch(url, { headers: { 'user-agent': BOT_UA } })).status).toBe(200);
        machineOpens++;
      } else if (i < 24) {
        expect((await fetch(url, { method: 'HEAD', headers: { 'user-agent': BROWSER_UA } })).status).toBe(200);
        machineOpens++;
      }
    }
    await rollUpReports({ ...ctx, now: new Date(Date.now() + 5 * 60_000) });

    const login = { email: 'kommunikation@test.example', password: generatePassword() };
    await upsertUserWithPassword({ db: h.server.db, email: login.email, displayName: 'Kim Kommunikation', role: 'communicator', password: login.password });
    const context = await h.browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
    await watchCsp(context, h.cspViolations);
    page = await context.newPage();
    await page.goto(`${h.server.url}/login`);
    await page.getByTestId('login-email').fill(login.email);
    await page.getByTestId('login-password').fill(login.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/people$/);
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    await sink?.close();
  });

  it('shows who was reached and who opened, by variant and by generation, with machine opens set apart and explained', async () => {
    await page.goto(`${h.server.url}/campaigns/${campaignId}`);
    await page.getByTestId('campaign-tab-report').click();
    await page.getByTestId('campaign-report').waitFor();
    const n = (x: number) => x.toLocaleString('de-DE');
    expect(await page.getByTestId('report-tracking-mode').textContent()).toBe('Messung pro Person');
    expect(await page.getByTestId('kpi-recipients').textContent()).toContain(n(mails.length));
    expect(await page.getByTestId('kpi-opens').textContent()).toContain(`${n(humans.size)} (`);
    // Machine opens: counted apart, explained, and listed with their reasons on request.
    expect(await page.getByTestId('report-machine-counts').textContent()).toBe(
      `${n(machineOpens)} Öffnungen und 0 Klicks stammen von Mail-Scannern und Datenschutz-Proxys. Sie stecken in keiner Zahl oben.`,
    );
    await page.getByTestId('report-machine-toggle').click();
    await page.getByTestId('machine-events').waitFor();
    expect(await page.getByTestId('machine-events').textContent()).toContain('HEAD');
    // By variant: both variants with their recipients (languages named in German).
    const variants = await page.getByTestId('report-group').allTextContents();
    expect(variants.some((row) => row.startsWith('alle'))).toBe(true);
    // By generation and variant: generations by their German names; small groups hidden as "< 5".
    await page.getByTestId('report-by-generation').click();
    await page.getByRole('columnheader', { name: 'Generation' }).waitFor();
    const rows = await page.getByTestId('report-group').allTextContents();
    expect(rows.some((row) => /Millennials|Generation X|Babyboomer|Baby-Boomer/.test(row))).toBe(true);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'report-de.png'), fullPage: true });
  });

  it('lists who still needs a reminder and sends it from there, to exactly them, each in their language', async () => {
    await page.getByTestId('report-reminders-show').click();
    const notOpened = mails.map(to).filter((email) => !humans.has(email));
    await page.getByTestId('report-pending-total').waitFor();
    expect(await page.getByTestId('report-pending-total').textContent()).toBe(`${notOpened.length} Personen`);
    await page.getByTestId('report-reminders-send').click();
    expect(await page.getByTestId('reminder-subject-de').inputValue()).toBe(`Erinnerung: ${SUBJECT.de}`);
    expect(await page.getByTestId('reminder-subject-nl').inputValue()).toBe(`Herinnering: ${SUBJECT.nl}`);
    await page.getByTestId('reminder-confirm').click();
    await page.getByTestId('reminder-sent').waitFor();
    await page.getByTestId('reminder-close').click();
    // The worker's part, run here: the follow-up's deliveries, then the sender.
    const campaign = await sql<{ n: number }>`SELECT jsonb_array_length(follow_ups) AS n FROM campaigns WHERE id = ${campaignId}`.execute(h.server.db);
    const index = Number(campaign.rows[0]!.n) - 1;
    const before = sink.messages.length;
    const ctx = { db: h.server.db, config: h.server.config, clock: () => new Date() };
    await writeFollowUp({ ...ctx, campaignId, index, round: 0 });
    await sendCampaignEmail({ ...ctx, campaignId });
    const reminders = sink.messages.slice(before);
    expect(reminders.map(to).sort()).toEqual([...notOpened].sort());
    const languages = new Map(
      (
        await sql<{ email: string; language: string }>`SELECT p.email, d.language FROM deliveries d JOIN people p ON p.id = d.person_id
          WHERE d.campaign_id = ${campaignId} AND d.step = 0`.execute(h.server.db)
      ).rows.map((r) => [r.email, r.language as keyof typeof REMINDER_PREFIX]),
    );
    for (const mail of reminders) expect(mail.subject).toBe(`${REMINDER_PREFIX[languages.get(to(mail))!]}${SUBJECT[languages.get(to(mail))!]}`);
    // Each look at the list (the reminder refreshed it once more) and the reminder are in the audit log.
    const audit = await sql<{ action: string; n: number }>`SELECT action, count(*)::int AS n FROM audit_log
      WHERE action IN ('reports.pending_viewed', 'campaigns.reminder_sent') GROUP BY action ORDER BY action`.execute(h.server.db);
    expect(audit.rows.map((r) => [r.action, r.n >= 1, r.action === 'campaigns.reminder_sent' ? r.n : null])).toEqual([
      ['campaigns.reminder_sent', true, 1],
      ['reports.pending_viewed', true, null],
    ]);
  });

  it('shows the campaign on the organisation dashboard, as charts, in German', async () => {
    await page.goto(`${h.server.url}/dashboard`);
    await page.getByTestId('dashboard-trend').waitFor();
    await page.getByTestId('dashboard-heatmap').waitFor();
    expect(await page.getByTestId('dashboard-campaign-row').first().textContent()).toContain('Die neue Kantine');
    // Charts drew something (recharts renders SVG paths), and the heatmap has its group × week cells.
    expect(await page.locator('[data-testid="dashboard-trend"] svg path').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'dashboard-de.png'), fullPage: true });
  });

  it('lets a works-council member read what is collected, in German', async () => {
    await page.getByTestId('nav-privacy').click();
    await page.getByRole('heading', { name: 'Datenschutz: was Resonance erfasst' }).waitFor();
    expect(await page.getByTestId('privacy-k').textContent()).toContain('weniger als 5 Personen');
    expect(h.cspViolations).toEqual([]);
  });
});
