// Issue 11 in the browser. (a) A Dutch employee finds a quiz under its campaign's message in the feed,
// reads in Dutch that the answer is kept with their name, fails the quiz and may try again; the
// campaign's `quiz_not_passed` follow-up then holds for them and not for the colleague who passed.
// (b) A communicator with a German interface writes a pulse survey for two generations from the
// template (audience rule on generation, answers kept with generation and department), twelve people
// answer through the API, and the communicator reads the results by group in German, the small groups
// said as "weniger als 5", never as a number.
import path from 'node:path';
import { sql } from 'kysely';
import { request, type APIRequestContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fanOutCampaign } from '../../server/modules/delivery/index.js';
import { runSurveyScheduler } from '../../server/modules/dialogue/index.js';
import { generatePassword, upsertUserWithPassword } from '../../server/modules/identity/index.js';
import { RESULTS_DIR, startBrowserHarness, watchCsp, type BrowserHarness } from './browser-harness.js';

type Person = { id: number; email: string; external_id: string; given_name: string; family_name: string; department: string | null; birth_year: number | null };
type Login = { email: string; password: string };

/** `Map.groupBy`, which Node 20 lacks. */
function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

describe('surveys and quizzes in the browser', () => {
  let h: BrowserHarness;
  let communicator: Page;
  let api: APIRequestContext;
  let csrf = '';
  const contexts: APIRequestContext[] = [];

  const people = async (where: ReturnType<typeof sql>) =>
    (
      await sql<Person>`SELECT id, email, external_id, given_name, family_name, department, birth_year FROM people
        WHERE status = 'active' AND email IS NOT NULL AND ${where} ORDER BY id`.execute(h.server.db)
    ).rows;

  /** An employee account for a person of the directory. */
  const accountFor = async (person: Person): Promise<Login> => {
    const login = { email: person.email, password: generatePassword() };
    await upsertUserWithPassword({
      db: h.server.db,
      ...login,
      displayName: `${person.given_name} ${person.family_name}`,
      role: 'employee',
      personId: person.id,
    });
    return login;
  };

  /** A browser page signed in as `login` in `locale`, once it has landed on `landing`. */
  const signIn = async (login: Login, locale: string, landing: RegExp): Promise<Page> => {
    const context = await h.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    await watchCsp(context, h.cspViolations);
    const page = await context.newPage();
    await page.goto(`${h.server.url}/login`);
    await page.getByTestId('login-email').fill(login.email);
    await page.getByTestId('login-password').fill(login.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(landing);
    return page;
  };

  /** Answers a survey as `login` through the API (a session of its own); returns the status. */
  const answerThroughApi = async (login: Login, surveyId: number, answers: Record<string, unknown>): Promise<number> => {
    const session = await request.newContext({ baseURL: h.server.url });
    contexts.push(session);
    const signedIn = await session.post('/api/v1/auth/login', { data: login });
    expect(signedIn.status(), await signedIn.text()).toBe(200);
    const token = ((await signedIn.json()) as { csrf_token: string }).csrf_token;
    const answered = await session.post(`/api/v1/surveys/${surveyId}/responses`, { data: { answers }, headers: { 'X-CSRF-Token': token } });
    return answered.status();
  };

  const post = async (url: string, data: unknown): Promise<{ id: number }> => {
    const response = await api.post(`${h.server.url}${url}`, { data, headers: { 'X-CSRF-Token': csrf } });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()) as { id: number };
  };

  beforeAll(async () => {
    h = await startBrowserHarness({ width: 1280, height: 900 });
    const writer = { email: 'umfragen@example.test', password: generatePassword() };
    await upsertUserWithPassword({ db: h.server.db, ...writer, displayName: 'Uta Umfrage', role: 'communicator' });
    // The communicator has no person in the directory, so lands on People.
    communicator = await signIn(writer, 'de-DE', /\/people$/);
    api = communicator.request;
    csrf = ((await (await api.get(`${h.server.url}/api/v1/auth/me`)).json()) as { csrf_token: string }).csrf_token;
  }, 120_000);

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.dispose()));
    await h?.close();
  });

  it('lets a Dutch employee fail a campaign’s quiz from the feed, and the follow-up “quiz not passed” holds for them only', async () => {
    const [dutch, colleague] = await people(sql`language = 'nl'`);
    expect(colleague).toBeDefined();
    const audience = { field: 'external_id', op: 'in', value: [dutch!.external_id, colleague!.external_id] };
    const campaign = await post('/api/v1/campaigns', {
      name: 'Veilig mailen',
      audience,
      default_language: 'nl',
      tracking: 'individual',
      variants: [
        {
          key: 'iedereen',
          default: true,
          channels: ['feed'],
          content: { nl: { subject: 'Zo herken je phishing', body: 'Meld verdachte e-mails met de knop **Phishing melden**.' } },
        },
      ],
      follow_ups: [{ after_hours: 48, condition: 'quiz_not_passed', subject: { nl: 'Probeer de quiz nog eens' } }],
    });
    await sql`UPDATE campaigns SET status = 'sending' WHERE id = ${campaign.id}`.execute(h.server.db);
    await fanOutCampaign({ db: h.server.db, config: h.server.config, clock: () => new Date(), campaignId: campaign.id });

    const quiz = await post('/api/v1/surveys', {
      title: 'Quiz: veilig mailen',
      kind: 'quiz',
      anonymous: false,
      audience,
      segment_keys: ['department'],
      pass_mark: 1,
      campaign: campaign.id,
      definition: {
        pages: [
          {
            name: 'p1',
            elements: [
              {
                type: 'radiogroup',
                name: 'verdacht',
                title: 'Wat doe je met een verdachte e-mail?',
                isRequired: true,
                choices: ['Melden', 'Doorsturen', 'Negeren'],
                correctAnswer: 'Melden',
              },
              {
                type: 'radiogroup',
                name: 'delen',
                title: 'Mag je je wachtwoord met een collega delen?',
                isRequired: true,
                choices: ['Ja', 'Nee'],
                correctAnswer: 'Nee',
              },
            ],
          },
        ],
      },
    });
    expect(await answerThroughApi(await accountFor(colleague!), quiz.id, { verdacht: 'Melden', delen: 'Nee' })).toBe(201);

    const page = await signIn(await accountFor(dutch!), 'nl-NL', /\/feed$/);
    const item = page.getByTestId('feed-item').filter({ hasText: 'Zo herken je phishing' });
    const start = item.getByTestId('campaign-surveys').getByTestId('open-survey-answer');
    expect(await start.innerText()).toBe('Naar de quiz');
    await start.click();
    await page.waitForURL(new RegExp(`/surveys/${quiz.id}$`));

    // Before any question: not anonymous, and what is kept with the answer, in Dutch.
    const privacy = page.getByTestId('survey-privacy');
    expect(await privacy.getAttribute('data-anonymous')).toBe('false');
    expect(await privacy.innerText()).toContain('Uw antwoorden worden met uw naam opgeslagen');
    expect(await page.getByTestId('survey-kept-with').innerText()).toBe('Afdeling');
    // SurveyJS in Dutch; one answer right, one wrong.
    await page.getByText('Doorsturen', { exact: true }).click();
    await page.getByText('Nee', { exact: true }).click();
    await page.getByRole('button', { name: 'Verzenden' }).click();

    const result = page.getByTestId('survey-quiz-result');
    await result.waitFor();
    expect(await result.getAttribute('data-passed')).toBe('false');
    expect(await result.innerText()).toContain('Nog niet geslaagd');
    expect(await page.getByTestId('survey-quiz-score').innerText()).toBe('U hebt 1 van de 2 vragen goed beantwoord (50%).');
    await page.getByTestId('survey-try-again').waitFor();
    await page.screenshot({ path: path.join(RESULTS_DIR, 'survey-quiz-nl.png'), fullPage: true });

    const pending = await api.get(`${h.server.url}/api/v1/campaigns/${campaign.id}/report/pending?condition=quiz_not_passed`);
    expect(pending.status(), await pending.text()).toBe(200);
    const body = (await pending.json()) as { total: number; items: { person_id: number }[] };
    expect(body.total).toBe(1);
    expect(body.items.map((p) => p.person_id)).toEqual([dutch!.id]);
  }, 180_000);

  it('lets a German communicator write a pulse for two generations and read its results by group, small groups hidden', async () => {
    const page = communicator;
    const pick = (name: string | RegExp) => page.getByRole('option', { name }).first().click();
    await page.getByRole('navigation').getByRole('link', { name: 'Umfragen', exact: true }).click();
    await page.getByTestId('survey-new').click();
    await page.getByTestId('survey-template').click();
    await page.getByTestId('survey-template-pulse').click();
    expect(await page.getByTestId('survey-title').inputValue()).toBe('Wöchentlicher Puls');
    await page.getByTestId('survey-title').fill('Puls: Millennials und Generation X');
    // The first question in Dutch too: Dutch respondents read it in their language.
    await page.getByTestId('survey-text-language').getByText('Niederländisch', { exact: true }).click();
    await page.getByTestId('question-title-translation').first().fill('Hoe gaat het met u deze week?');
    await page.getByTestId('survey-text-language').getByText('Wie geschrieben', { exact: true }).click();

    await page.getByTestId('survey-tab-settings').click();
    expect(await page.getByTestId('survey-anonymous').isChecked()).toBe(true);
    expect(await page.getByTestId('survey-anonymous-explained').innerText()).toContain('Antworten werden ohne Namen gespeichert');
    await page.getByTestId('survey-segment-keys').getByText('Generation', { exact: true }).click();
    await page.getByTestId('rule-add-condition').last().click();
    await page.getByTestId('rule-field').last().click();
    await pick('Generation');
    await page.getByTestId('rule-op').last().click();
    await pick('ist eines von');
    for (const value of ['millennial', 'gen_x']) {
      await page.getByTestId('rule-value').last().fill(value);
      await page.getByTestId('rule-value').last().press('Enter');
    }
    await page.getByTestId('rule-builder').getByText('Generation X', { exact: true }).waitFor();
    // The first round opens now rather than next Monday.
    const now = await page.evaluate(() => {
      const d = new Date(Date.now() - 5 * 60_000);
      const two = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
    });
    await page.getByTestId('survey-starts-at').fill(now);
    await page.getByTestId('survey-open').click();
    await page.waitForURL(/\/surveys$/);
    const row = page.getByTestId('survey-row').filter({ hasText: 'Puls: Millennials und Generation X' });
    expect(await row.getByTestId('survey-status').textContent()).toBe('Offen');
    const surveyId = Number(await row.getAttribute('data-id'));
    const saved = (await (await api.get(`${h.server.url}/api/v1/surveys/${surveyId}`)).json()) as Record<string, unknown>;
    expect(saved).toMatchObject({
      kind: 'pulse',
      anonymous: true,
      segment_keys: ['generation', 'department'],
      audience: { all: [{ field: 'generation', op: 'in', value: ['millennial', 'gen_x'] }] },
      schedule: { every: 'week' },
    });
    const firstQuestion = (saved.definition as { pages: { elements: { title: unknown }[] }[] }).pages[0]!.elements[0]!;
    expect(firstQuestion.title).toMatchObject({ nl: 'Hoe gaat het met u deze week?' });
    await runSurveyScheduler({ db: h.server.db, config: h.server.config, jobs: h.server.jobs, clock: () => new Date() });

    // Twelve answers: six from one department, three each from two others (those two are too small).
    const candidates = await people(sql`birth_year BETWEEN 1965 AND 1996 AND department IS NOT NULL`);
    const byDepartment = groupBy(candidates, (p) => p.department!);
    const departments = [...byDepartment.entries()].sort((a, b) => b[1].length - a[1].length);
    const [big, small1, small2] = [departments[0]!, departments[1]!, departments[2]!];
    expect(big[1].length).toBeGreaterThanOrEqual(6);
    expect(small2[1].length).toBeGreaterThanOrEqual(3);
    const respondents = [...big[1].slice(0, 6), ...small1[1].slice(0, 3), ...small2[1].slice(0, 3)];
    for (const [i, person] of respondents.entries()) {
      const status = await answerThroughApi(await accountFor(person), surveyId, { mood: 1 + (i % 5), enablement: 4, better: `Antwort ${i + 1}` });
      expect(status).toBe(201);
    }

    await row.getByTestId('survey-results-link').click();
    await page.getByTestId('survey-results-page').waitFor();
    expect(await page.getByTestId('survey-total-responses').innerText()).toContain('12');
    const segments = page.getByTestId('survey-segments');
    // By generation (the first key): each group shown with its count, or hidden as "weniger als 5".
    const generations = groupBy(respondents, (p) => (p.birth_year! <= 1980 ? 'gen_x' : 'millennial'));
    await segments.getByTestId('survey-segment-row').first().waitFor();
    for (const [generation, members] of generations) {
      const cells = await segments.locator(`[data-testid="survey-segment-row"][data-value="${generation}"]`).innerText();
      expect(cells).toContain(generation === 'gen_x' ? 'Generation X' : 'Millennials');
      if ([...generations.values()].every((m) => m.length >= 5)) expect(cells).toContain(String(members.length));
      else expect(cells).toContain('weniger als 5');
    }
    // By department: the big group with its six answers, the two small ones said in words only.
    await page.getByTestId('survey-segment-key').click();
    await pick('Abteilung');
    const rowOf = (department: string) => segments.locator(`[data-testid="survey-segment-row"][data-value="${department}"]`);
    await rowOf(big[0]).waitFor();
    expect(await rowOf(big[0]).getAttribute('data-hidden')).toBe('false');
    expect(await rowOf(big[0]).innerText()).toMatch(/\b6\b/);
    for (const [department] of [small1, small2]) {
      expect(await rowOf(department).getAttribute('data-hidden')).toBe('true');
      const text = await rowOf(department).innerText();
      expect(text).toContain('weniger als 5');
      expect(text).not.toMatch(/\b3\b/);
    }
    expect(await segments.locator('thead').innerText()).toContain('Abteilung');
    // Free-text answers are listed; the CSV is offered.
    expect(await page.getByTestId('survey-text-answers').locator('li').count()).toBe(12);
    expect(await page.getByTestId('survey-csv').getAttribute('href')).toBe(`/api/v1/surveys/${surveyId}/results.csv`);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'survey-results-de.png'), fullPage: true });
    expect(h.cspViolations).toEqual([]);
  }, 240_000);
});
