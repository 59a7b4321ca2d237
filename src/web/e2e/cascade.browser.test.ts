// Issue 9's "Done when", in the browser and in German: a communicator writes one campaign for the
// demo organisation with variants for novices and experts (rules on the experience level) and
// everyone else, in German, Dutch and English, with a not-opened reminder and the leader cascade,
// and sends it. Leaders are briefed first and their teams held; one leader signs in, edits the
// message on the briefing page and releases it to the team, in the leader's name; the deadline
// releases the other teams with the communicator's version; the reminder goes to whoever has not
// read it. Every mail is checked in a real SMTP sink: the right variant and language, personalised,
// and from the right sender.
import path from 'node:path';
import { sql } from 'kysely';
import type { ParsedMail } from 'mailparser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePassword, upsertUserWithPassword } from '../../server/modules/identity/index.js';
import { releaseDueCascade } from '../../server/modules/delivery/cascade.service.js';
import { markFeedRead } from '../../server/modules/delivery/feed.service.js';
import { sendCampaignEmail, writeFollowUp } from '../../server/modules/delivery/send-campaign.service.js';
import { startSmtpSink, type SmtpSink } from '../../server/testing/smtp-sink.js';
import { RESULTS_DIR, startBrowserHarness, watchCsp, type BrowserHarness } from './browser-harness.js';

const LANGUAGES = ['de', 'nl', 'en'] as const;
type Language = (typeof LANGUAGES)[number];
/** Subject and body marker per variant and language; the subject greets the reader by name. */
const TEXT: Record<string, Record<Language, { subject: string; body: string }>> = {
  novizen: {
    de: { subject: 'Willkommen an Bord', body: 'Für Einsteiger: das neue Intranet Schritt für Schritt.' },
    nl: { subject: 'Welkom aan boord', body: 'Voor starters: het nieuwe intranet stap voor stap.' },
    en: { subject: 'Welcome aboard', body: 'For newcomers: the new intranet step by step.' },
  },
  experten: {
    de: { subject: 'Für Profis', body: 'Für Erfahrene: die neuen Schnittstellen des Intranets.' },
    nl: { subject: 'Voor professionals', body: 'Voor ervaren collega’s: de nieuwe koppelingen van het intranet.' },
    en: { subject: 'For experts', body: 'For the experienced: the new intranet interfaces.' },
  },
  default: {
    de: { subject: 'Das neue Intranet', body: 'Für alle: das neue Intranet ist da.' },
    nl: { subject: 'Het nieuwe intranet', body: 'Voor iedereen: het nieuwe intranet is er.' },
    en: { subject: 'The new intranet', body: 'For everyone: the new intranet is here.' },
  },
};
const REMINDER: Record<Language, string> = { de: 'Erinnerung: das neue Intranet', nl: 'Herinnering: het nieuwe intranet', en: 'Reminder: the new intranet' };
const LEADER_SUBJECT = 'Von mir persönlich, {{ person.given_name }}';
const LEADER_BODY = 'Liebes Team, **das** ist mir wichtig: Probiert das neue Intranet aus.';
const MAIL_FROM_NAME = 'Kommunikation';

type Login = { email: string; password: string };
type Person = { id: number; email: string | null; given_name: string; family_name: string; language: string | null };

const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address;
const fromName = (mail: ParsedMail) => mail.from?.value[0]?.name;

/** A local `YYYY-MM-DDTHH:mm` (the browser and this process share the machine's time zone). */
const localInput = (date: Date) => {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}`;
};

describe('a campaign through the leaders to the demo organisation (German)', () => {
  let h: BrowserHarness;
  let sink: SmtpSink;
  let communicator: Page;
  let campaignId = 0;
  let leader: Person;
  const deadline = new Date(Date.now() + 2 * 3_600_000);
  deadline.setSeconds(0, 0);

  const session = async (login: Login, landing: RegExp): Promise<Page> => {
    const context = await h.browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
    await watchCsp(context, h.cspViolations);
    const page = await context.newPage();
    await page.goto(`${h.server.url}/login`);
    await page.getByTestId('login-email').fill(login.email);
    await page.getByTestId('login-password').fill(login.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(landing);
    return page;
  };
  const mails = () => sink.messages.filter((m) => m.headers.get('x-resonance-campaign') === String(campaignId));
  const rows = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(h.server.db)).rows;

  beforeAll(async () => {
    sink = await startSmtpSink();
    h = await startBrowserHarness(
      { width: 1280, height: 900 },
      { worker: true, demoPeople: 120, env: { SMTP_URL: sink.url, MAIL_FROM: `${MAIL_FROM_NAME} <kommunikation@acme.example>` } },
    );
    const writer = { email: 'kommunikation@example.test', password: generatePassword() };
    await upsertUserWithPassword({ db: h.server.db, email: writer.email, displayName: 'Kim Kommunikation', role: 'communicator', password: writer.password });
    communicator = await session(writer, /\/people$/);
  }, 90_000);

  afterAll(async () => {
    await h?.close();
    await sink?.close();
  });

  it('writes the campaign with three variants in three languages, a reminder and the cascade, and sends it', async () => {
    const page = communicator;
    await page.goto(`${h.server.url}/campaigns/new`);
    await page.getByTestId('campaign-name').fill('Das neue Intranet');
    await page.getByTestId('campaign-default-language').click();
    await page.getByRole('option', { name: 'Deutsch', exact: true }).click();

    const writeContent = async (key: string) => {
      await page.getByTestId('variant-channel-feed').check();
      for (const language of LANGUAGES) {
        await page.getByTestId(`language-tab-${language}`).click();
        await page.getByTestId('content-subject').fill(`${TEXT[key]![language].subject}, {{ person.given_name }}`);
        await page.getByTestId('content-body').fill(TEXT[key]![language].body);
      }
    };
    // The default variant (everyone else) is there from the start.
    await writeContent('default');
    // Novices and experts by a rule on the experience level; new variants go before the default.
    for (const [key, level] of [
      ['novizen', 'Berufseinstieg'],
      ['experten', 'Sehr erfahren'],
    ] as const) {
      await page.getByTestId('campaign-add-variant').click();
      await page.getByTestId('variant-key').fill(key);
      const editor = page.getByTestId('variant-editor');
      await editor.getByTestId('rule-add-condition').click();
      await editor.getByTestId('rule-field').click();
      await page.getByRole('option', { name: 'Erfahrungsstufe', exact: true }).click();
      await editor.getByTestId('rule-value').fill(level);
      await writeContent(key);
    }

    await page.getByTestId('follow-up-add').click();
    await page.getByTestId('follow-up-after-hours').fill('24');
    for (const language of LANGUAGES) await page.getByTestId(`follow-up-subject-${language}`).fill(REMINDER[language]);

    await page.getByTestId('cascade-enabled').check();
    await page.getByTestId('cascade-deadline').fill(localInput(deadline));
    for (const language of LANGUAGES) {
      await page.getByTestId(`cascade-language-${language}`).click();
      await page.getByTestId(`cascade-talking-points-${language}`).fill(`**${language}**: Bitte bis zur Frist freigeben, {{ person.given_name }}.`);
    }
    await page.getByTestId('campaign-save').click();
    await page.waitForURL(/\/campaigns\/\d+$/);
    campaignId = Number(new URL(page.url()).pathname.split('/').pop());

    const saved = (await (await page.request.get(`${h.server.url}/api/v1/campaigns/${campaignId}`)).json()) as {
      default_language: string;
      variants: { key: string; default: boolean; audience: unknown; content: Record<string, unknown> }[];
      follow_ups: unknown[];
      cascade: { deadline: string; talking_points: Record<string, string> } | null;
    };
    expect(saved.default_language).toBe('de');
    expect(saved.variants.map((v) => [v.key, v.default, v.audience, Object.keys(v.content).sort()])).toEqual([
      ['novizen', false, { all: [{ field: 'experience_level', op: 'eq', value: 'novice' }] }, ['de', 'en', 'nl']],
      ['experten', false, { all: [{ field: 'experience_level', op: 'eq', value: 'expert' }] }, ['de', 'en', 'nl']],
      ['default', true, null, ['de', 'en', 'nl']],
    ]);
    expect(saved.follow_ups).toEqual([{ after_hours: 24, condition: 'not_opened', subject: REMINDER, max_sends: 1 }]);
    expect(saved.cascade?.deadline).toBe(deadline.toISOString());
    expect(Object.keys(saved.cascade?.talking_points ?? {}).sort()).toEqual(['de', 'en', 'nl']);

    await page.getByTestId('campaign-send').click();
    await page.getByTestId('send-dialog').waitFor();
    await page.getByTestId('send-confirm').click();
    await page.getByTestId('send-result').waitFor();
    await page.getByTestId('send-close').click();
  }, 120_000);

  it('briefs the leaders first and holds their teams', async () => {
    const briefed = async () => {
      const res = await communicator.request.get(`${h.server.url}/api/v1/campaigns/${campaignId}/cascade`);
      return ((await res.json()) as { totals: { leaders: number; briefed: number } }).totals;
    };
    await expect.poll(async () => (await briefed()).leaders, { timeout: 30_000 }).toBeGreaterThan(3);
    const { leaders } = await briefed();
    await expect.poll(async () => (await briefed()).briefed, { timeout: 30_000 }).toBe(leaders);
    const briefings = mails().filter((m) => /^Vorab-Briefing|^Briefing vooraf|^Briefing:/.test(m.subject ?? ''));
    expect(briefings).toHaveLength(leaders);
    // Held: nobody with a leader in the audience has had the message yet.
    const held = await rows(sql<{ email: string }>`
      SELECT p.email FROM deliveries AS d JOIN people AS p ON p.id = d.person_id
      WHERE d.campaign_id = ${campaignId} AND d.step = 0 AND d.channel = 'email' AND d.state = 'held'`);
    expect(held.length).toBeGreaterThan(20);
    const heldAddresses = new Set(held.map((r) => r.email));
    expect(mails().filter((m) => heldAddresses.has(to(m) ?? '') && !/Briefing/.test(m.subject ?? ''))).toEqual([]);

    // The leader: a German-speaking one whose team gets more than one version.
    const [pick] = await rows(sql<Person>`
      SELECT p.id, p.email, p.given_name, p.family_name, p.language FROM cascade_leaders AS c JOIN people AS p ON p.id = c.person_id
      WHERE c.campaign_id = ${campaignId} AND p.email IS NOT NULL
      ORDER BY (SELECT count(DISTINCT (d.variant_key, d.language)) FROM deliveries AS d WHERE d.campaign_id = c.campaign_id AND d.leader_person_id = c.person_id AND d.step = 0) DESC,
        (p.language = 'de') DESC, c.team_size DESC, p.id LIMIT 1`);
    leader = pick!;
    const briefing = briefings.find((m) => to(m) === leader.email)!;
    expect(briefing.html).toContain(`/briefings/${campaignId}`);
    expect(briefing.text).toContain(`Bitte bis zur Frist freigeben, ${leader.given_name}.`);
  }, 60_000);

  it('lets the leader edit the message on the briefing page and release it to the team, in the leader’s name, once', async () => {
    const login = { email: leader.email!, password: generatePassword() };
    await upsertUserWithPassword({
      db: h.server.db,
      email: login.email,
      displayName: `${leader.given_name} ${leader.family_name}`,
      role: 'leader',
      password: login.password,
      personId: leader.id,
    });
    const page = await session(login, /\/feed$/);
    await page.getByTestId('nav-briefings').click();
    await page.getByTestId('briefing-item').getByRole('link', { name: 'Das neue Intranet' }).click();
    await page.getByTestId('briefing-page').waitFor();
    expect(await page.getByTestId('briefing-status').textContent()).toBe('Freizugeben');
    const tabs = page.getByTestId('briefing-version-tab');
    expect(await tabs.count()).toBeGreaterThan(1);
    const variant = (await tabs.first().getAttribute('data-variant'))!;
    const language = (await tabs.first().getAttribute('data-language')) as Language;
    // The communicator's text is the starting draft.
    expect(await page.getByTestId('briefing-subject').inputValue()).toBe(`${TEXT[variant]![language].subject}, {{ person.given_name }}`);

    // A placeholder nobody may use is refused at its field, in German.
    await page.getByTestId('briefing-body').fill('Seit {{ person.hire_date }} bei uns.');
    await page.getByTestId('briefing-save').click();
    await page.getByTestId('briefing-page').getByText('„person.hire_date“ ist kein Platzhalter', { exact: false }).first().waitFor();

    await page.getByTestId('briefing-subject').fill(LEADER_SUBJECT);
    await page.getByTestId('briefing-body').fill(LEADER_BODY);
    await page.getByTestId('briefing-preview').click();
    await page.getByTestId('briefing-preview-result').waitFor();
    expect(await page.getByTestId('briefing-preview-subject').innerText()).toMatch(/^Von mir persönlich, \S+/);
    await page.getByTestId('briefing-release').click();
    await page.getByTestId('briefing-release-confirm').click();
    await page.getByTestId('briefing-released').waitFor();
    expect(await page.getByTestId('briefing-released').innerText()).toMatch(/^Sie haben die Nachricht am .* an Ihr Team freigegeben\.$/);
    expect(await page.getByTestId('briefing-release').count()).toBe(0);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'briefing-released-de.png'), fullPage: true });

    // A second release is refused and sends nothing.
    const csrf = ((await (await page.request.get(`${h.server.url}/api/v1/auth/me`)).json()) as { csrf_token: string }).csrf_token;
    const again = await page.request.post(`${h.server.url}/api/v1/briefings/${campaignId}/release`, { data: {}, headers: { 'X-CSRF-Token': csrf } });
    expect(again.status()).toBe(409);

    const team = await rows(sql<Person & { variant_key: string; d_language: string }>`
      SELECT p.id, p.email, p.given_name, p.family_name, p.language, d.variant_key, d.language AS d_language
      FROM deliveries AS d JOIN people AS p ON p.id = d.person_id
      WHERE d.campaign_id = ${campaignId} AND d.step = 0 AND d.channel = 'email' AND d.leader_person_id = ${leader.id} AND d.state <> 'suppressed'`);
    const addresses = new Set(team.map((p) => p.email));
    await expect.poll(() => mails().filter((m) => addresses.has(to(m) ?? '')).length, { timeout: 30_000 }).toBe(team.length);
    for (const member of team) {
      const mail = mails().find((m) => to(m) === member.email)!;
      expect(fromName(mail)).toBe(`${leader.given_name} ${leader.family_name}`);
      expect(mail.replyTo?.value[0]?.address).toBe(leader.email);
      if (member.variant_key === variant && member.d_language === language) {
        expect(mail.subject).toBe(`Von mir persönlich, ${member.given_name}`);
        expect(mail.html).toContain('Liebes Team, <strong>das</strong> ist mir wichtig');
      } else {
        expect(mail.subject).toBe(`${TEXT[member.variant_key]![member.d_language as Language].subject}, ${member.given_name}`);
      }
    }
  }, 90_000);

  it('releases every other team at the deadline with the communicator’s version, and reminds whoever has not read it', async () => {
    const jobContext = { db: h.server.db, config: h.server.config, jobs: h.server.jobs, campaignId };
    const outcome = await releaseDueCascade({ ...jobContext, clock: () => new Date(deadline.getTime() + 60_000) });
    expect(outcome.leaders).toBeGreaterThan(2);
    const statusOf = async () =>
      ((await (await communicator.request.get(`${h.server.url}/api/v1/campaigns/${campaignId}`)).json()) as { status: string }).status;
    await expect.poll(statusOf, { timeout: 60_000, interval: 500 }).toBe('sent');

    // Every recipient with an address got exactly one message, in their variant and language.
    const recipients = await rows(sql<Person & { variant_key: string; d_language: string; level: string; leader_id: number | null }>`
      SELECT p.id, p.email, p.given_name, p.family_name, p.language, d.variant_key, d.language AS d_language, d.leader_person_id AS leader_id,
        people_experience_level(p.experience_level_explicit, people_years_experience(p.career_start_year, p.hire_date, current_date),
          ${h.server.config.experienceThresholds.noviceBelow}::int, ${h.server.config.experienceThresholds.midBelow}::int) AS level
      FROM deliveries AS d JOIN people AS p ON p.id = d.person_id
      WHERE d.campaign_id = ${campaignId} AND d.step = 0 AND d.channel = 'email' AND d.state = 'sent'`);
    const messages = mails().filter((m) => !/Briefing/.test(m.subject ?? ''));
    expect(messages).toHaveLength(recipients.length);
    const seen = new Set<string>();
    for (const r of recipients) {
      const mail = messages.find((m) => to(m) === r.email)!;
      // The variant follows the person's experience level, the language their own (else German).
      expect(r.variant_key).toBe(r.level === 'novice' ? 'novizen' : r.level === 'expert' ? 'experten' : 'default');
      const own = (r.language ?? '').toLowerCase().split('-')[0]!;
      expect(r.d_language).toBe((LANGUAGES as readonly string[]).includes(own) ? own : 'de');
      if (r.leader_id === leader.id) continue;
      expect(mail.subject).toBe(`${TEXT[r.variant_key]![r.d_language as Language].subject}, ${r.given_name}`);
      expect(mail.text).toContain(TEXT[r.variant_key]![r.d_language as Language].body);
      expect(fromName(mail)).toBe(MAIL_FROM_NAME);
      seen.add(`${r.variant_key} ${r.d_language}`);
    }
    // Each variant appears in each language somewhere in the organisation, checked above.
    expect(seen.size).toBeGreaterThanOrEqual(6);

    // A few people read it in their feed; the reminder goes to everyone else who got it by e-mail.
    const readers = recipients.slice(0, 5);
    for (const reader of readers) {
      const [item] = await rows(sql<{ id: number }>`
        SELECT id FROM deliveries WHERE campaign_id = ${campaignId} AND person_id = ${reader.id} AND channel = 'feed' AND step = 0`);
      await markFeedRead({ db: h.server.db, config: h.server.config, personId: reader.id, id: item!.id });
    }
    // The follow-up job runs when its hours have passed; it is called here directly, at that run's
    // real time (its rows are due at the clock they are written with).
    const context = { db: h.server.db, config: h.server.config, clock: () => new Date(), campaignId };
    expect(await writeFollowUp({ ...context, index: 0, round: 0 })).toMatchObject({ written: recipients.length - readers.length });
    await sendCampaignEmail(context);
    const reminders = () => mails().filter((m) => Object.values(REMINDER).some((subject) => m.subject === subject));
    await expect.poll(() => reminders().length, { timeout: 30_000 }).toBe(recipients.length - readers.length);
    const reminded = new Set(reminders().map(to));
    for (const reader of readers) expect(reminded.has(reader.email!)).toBe(false);
    for (const r of recipients.slice(readers.length)) {
      const reminder = reminders().find((m) => to(m) === r.email)!;
      expect(reminder.subject).toBe(REMINDER[r.d_language as Language]);
    }

    // The communicator sees the leaders' participation.
    await communicator.goto(`${h.server.url}/campaigns/${campaignId}`);
    await communicator.getByTestId('campaign-tab-cascade').click();
    await communicator.getByTestId('cascade-table').waitFor();
    const ours = communicator.locator(`[data-testid="cascade-row"]`).filter({ hasText: `${leader.given_name} ${leader.family_name}` });
    expect(await ours.getByText('Von der Führungskraft').count()).toBe(1);
    expect(await communicator.getByTestId('cascade-table').getByText('Durch die Frist', { exact: true }).count()).toBe(outcome.leaders);
    expect(await communicator.getByTestId('cascade-participation').innerText()).toMatch(/^\d+\s?%$/);
    await communicator.screenshot({ path: path.join(RESULTS_DIR, 'campaign-cascade-de.png'), fullPage: true });
    expect(h.cspViolations).toEqual([]);
  }, 120_000);
});
