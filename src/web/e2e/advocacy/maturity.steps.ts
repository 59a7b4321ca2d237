// Maturity and onboarding waves in the browser (ADR 0033): an employee with a German browser takes the
// self-assessment and sees their stage in German on the grid; the demo admin opens the waves tab,
// sees the people at a stage, plans wave 1 from the suggested plan, invites it, and sees it invited.
import { expect } from 'vitest';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { generatePassword, upsertUserWithPassword } from '../../../server/modules/identity/index.js';
import { signInAsAdmin, watchCsp, type BrowserHarness } from '../browser-harness.js';

async function newPage(h: BrowserHarness, locale: string): Promise<Page> {
  const context = await h.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  await watchCsp(context, h.cspViolations);
  return context.newPage();
}

export async function maturitySteps(h: BrowserHarness): Promise<void> {
  // An employee: a demo person without an account, signed in with a German browser.
  const { rows } = await sql<{ id: string; email: string; given_name: string; family_name: string }>`
    SELECT p.id, p.email, p.given_name, p.family_name FROM people AS p
    WHERE p.status = 'active' AND p.email IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users AS u WHERE u.person_id = p.id OR u.email = p.email)
    ORDER BY p.id DESC LIMIT 1`.execute(h.server.db);
  const person = rows[0]!;
  const password = generatePassword();
  await upsertUserWithPassword({
    db: h.server.db,
    email: person.email,
    displayName: `${person.given_name} ${person.family_name}`,
    role: 'employee',
    password,
    personId: Number(person.id),
  });
  const employee = await newPage(h, 'de-DE');
  await employee.goto(`${h.server.url}/login`);
  await employee.getByTestId('login-email').fill(person.email);
  await employee.getByTestId('login-password').fill(password);
  await employee.getByTestId('login-submit').click();
  await employee.waitForURL(/\/feed$/);
  await employee.goto(`${h.server.url}/advocacy?tab=maturity`);
  // Demo people have a stage already: take the assessment (again).
  const retake = employee.getByRole('button', { name: 'Einschätzung wiederholen' });
  const form = employee.getByTestId('maturity-questionnaire');
  await expect.poll(async () => (await retake.isVisible()) || (await form.isVisible()), { timeout: 15_000 }).toBe(true);
  if (await retake.isVisible()) await retake.click();
  await form.waitFor();
  await employee.getByText('Wie viele Kontakte oder Follower haben Sie in Ihrem größten Netzwerk (z. B. LinkedIn)?').waitFor();
  for (const id of ['maturity-followers-over_1000', 'maturity-reads-daily', 'maturity-reacts-weekly', 'maturity-posts-weekly'])
    await employee.getByTestId(id).check();
  await employee.getByTestId('maturity-submit').click();
  const result = employee.getByTestId('maturity-result');
  await result.waitFor();
  await result.getByRole('heading', { name: 'Ihre Stufe: Vordenker' }).waitFor();
  await result.getByText('Erstellt Inhalte, denen ein großes Netzwerk folgt und über die es diskutiert.').waitFor();
  await expect.poll(() => result.getByTestId('maturity-cell-9').getAttribute('data-highlighted')).toBe('true');
  await result.getByText('Aus Ihrer Selbsteinschätzung vom', { exact: false }).waitFor();
  await employee.context().close();

  // The communicator (the demo admin) plans and invites wave 1.
  const admin = await newPage(h, 'en-US');
  await signInAsAdmin(h, admin);
  await admin.goto(`${h.server.url}/advocacy/manage?tab=waves`);
  const grid = admin.getByTestId('waves-stage-grid');
  await grid.waitFor();
  await grid.getByTestId('maturity-cell-9').click();
  const people = admin.getByTestId('stage-people');
  await people.getByRole('heading', { name: 'People at Thought leader' }).waitFor();
  await people.getByTestId('stage-person').first().waitFor();
  expect(await people.getByTestId('stage-person').count()).toBeGreaterThan(0);

  await admin.getByTestId('waves-plan-1').click();
  const editor = admin.getByTestId('wave-editor');
  await editor.waitFor();
  await admin.getByTestId('wave-save').click();
  await editor.waitFor({ state: 'detached' });
  const wave = admin.getByTestId('wave-1');
  await wave.getByTestId('wave-status').filter({ hasText: 'Planned' }).waitFor();
  await wave.getByTestId('wave-invite').click();
  await admin.getByTestId('wave-invite-confirm').click();
  await wave.getByTestId('wave-status').filter({ hasText: 'Invited' }).waitFor();
  await wave.getByText(/Invited \d+ people on/).waitFor();
  await admin.context().close();
}
