// Answering surveys on a real database: who sees what (404 outside the audience), one answer per
// person and round (sequentially and 10 at once), answers that do not fit stored nowhere, closed
// surveys, anonymous answers kept without the person, quiz scores, a retake after failing, and the
// quiz events a segment rule and the campaign's follow-ups read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signIn, startTestRuntime, type TestRuntime } from '../../testing/test-runtime.js';
import { peopleWithActivity } from '../tracking/index.js';
import { QUIZ_DEFINITION, answer, countRows, createSurvey, setUpSurveyWorld, type SurveyWorld } from './testing/survey-fixtures.js';

let t: TestRuntime;
let w: SurveyWorld;
/** The app's clock, moved by the test of a closing time instead of waiting. */
let now = new Date();
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await startTestRuntime({ clock: () => now });
  w = await setUpSurveyWorld(t);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('who may answer', () => {
  it('lists open surveys for people in the audience only, with campaign and answered; others get 404', async () => {
    const id = await createSurvey(t, w.communicator, { title: 'Ops check-in', campaign: w.campaignId });
    const draft = await createSurvey(t, w.communicator, { title: 'Draft', status: 'draft' });
    const list = await t.app.inject({ url: '/api/v1/surveys/open', headers: w.callers.ANNA.headers });
    expect(list.statusCode).toBe(200);
    const mine = list.json<{ items: { id: number; campaign: number | null; answered: boolean; round: number }[] }>().items;
    expect(mine.find((s) => s.id === id)).toMatchObject({ campaign: w.campaignId, answered: false, round: 1 });
    expect(mine.some((s) => s.id === draft)).toBe(false);
    const sally = await t.app.inject({ url: '/api/v1/surveys/open', headers: w.callers.SALLY.headers });
    expect(sally.json<{ items: { id: number }[] }>().items.some((s) => s.id === id)).toBe(false);
    expect((await t.app.inject({ url: `/api/v1/surveys/${id}/respond`, headers: w.callers.SALLY.headers })).statusCode).toBe(404);
    expect((await answer(t, w.callers.SALLY, id, { mood: 'good' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/surveys/${draft}/respond`, headers: w.callers.ANNA.headers })).statusCode).toBe(404);
    const view = await t.app.inject({ url: `/api/v1/surveys/${id}/respond`, headers: w.callers.ANNA.headers });
    expect(view.json()).toMatchObject({ id, anonymous: false, is_quiz: false, answered: false, open: true, can_answer: true });
  });

  it('needs a sign-in, and a linked person to answer', async () => {
    const id = await createSurvey(t, w.communicator, {});
    expect((await t.app.inject({ url: '/api/v1/surveys/open' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/surveys/${id}/responses`, payload: { answers: {} } })).statusCode).toBe(401);
    const res = await answer(t, w.employee, id, { mood: 'good' });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ code: string }>().code).toBe('profile.none');
    expect((await t.app.inject({ url: '/api/v1/surveys/open', headers: w.employee.headers })).json()).toEqual({ items: [] });
  });
});

describe('one answer per person and round', () => {
  it('stores the first answer and refuses the second with 409', async () => {
    const id = await createSurvey(t, w.communicator, { campaign: w.campaignId });
    const first = await answer(t, w.callers.BERT, id, { mood: 'bad', nps: 3, why: 'noise' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({ round: 1 });
    const again = await answer(t, w.callers.BERT, id, { mood: 'good' });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ code: string }>().code).toBe('survey.already_answered');
    const stored = await sql<{ answers: unknown }>`SELECT answers FROM survey_responses WHERE survey_id = ${id}`.execute(t.database.db);
    expect(stored.rows.map((r) => r.answers)).toEqual([{ mood: 'bad', nps: 3, why: 'noise' }]);
    const seen = await t.app.inject({ url: `/api/v1/surveys/${id}/respond`, headers: w.callers.BERT.headers });
    expect(seen.json()).toMatchObject({ answered: true, can_answer: false });
    expect(await countRows(t, peopleWithActivity({ type: 'responded', campaignId: w.campaignId }))).toBeGreaterThanOrEqual(1);
  });

  it('keeps exactly one of 10 identical answers sent at once', async () => {
    const id = await createSurvey(t, w.communicator, {});
    const results = await Promise.all(Array.from({ length: 10 }, () => answer(t, w.callers.CARL, id, { mood: 'ok' })));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    expect(await countRows(t, sql`SELECT 1 FROM survey_responses WHERE survey_id = ${id}`)).toBe(1);
    expect(await countRows(t, sql`SELECT 1 FROM survey_respondents WHERE survey_id = ${id}`)).toBe(1);
  });
});

describe('answers that do not fit', () => {
  it('are a 400 naming the question, and nothing is stored', async () => {
    const id = await createSurvey(t, w.communicator, {});
    const cases: [Record<string, unknown>, string, string][] = [
      [{ mood: 'good', extra: 1 }, '/answers/extra', 'survey.answer_unknown_question'],
      [{ mood: 'great' }, '/answers/mood', 'survey.answer_not_offered'],
      [{ mood: ['good'] }, '/answers/mood', 'survey.answer_wrong_type'],
      [{ mood: 'good', nps: 11 }, '/answers/nps', 'survey.answer_not_offered'],
      [{ nps: 5 }, '/answers/mood', 'survey.answer_required'],
      [{ mood: 'good', why: 'hidden unless bad' }, '/answers/why', 'survey.answer_not_visible'],
      [{ mood: 'bad', why: 'x'.repeat(201) }, '/answers/why', 'survey.answer_too_long'],
    ];
    for (const [answers, pointer, code] of cases) {
      const res = await answer(t, w.callers.DORA, id, answers);
      expect(res.statusCode, JSON.stringify(answers)).toBe(400);
      const body = res.json<{ errors: { pointer: string; code: string }[] }>();
      expect(body.errors, JSON.stringify(answers)).toContainEqual(expect.objectContaining({ pointer, code }));
    }
    expect(await countRows(t, sql`SELECT 1 FROM survey_respondents WHERE survey_id = ${id}`)).toBe(0);
    expect(await countRows(t, sql`SELECT 1 FROM survey_responses WHERE survey_id = ${id}`)).toBe(0);
    expect((await answer(t, w.callers.DORA, id, { mood: 'bad', why: 'too loud' })).statusCode).toBe(201);
  });
});

describe('closed surveys', () => {
  it('refuse answers with 409 once closed, and leave the open list', async () => {
    const id = await createSurvey(t, w.communicator, {});
    const closed = await t.app.inject({ method: 'PATCH', url: `/api/v1/surveys/${id}`, headers: w.communicator.headers, payload: { status: 'closed' } });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', current_round: null });
    const res = await answer(t, w.callers.EMIL, id, { mood: 'good' });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ code: string }>().code).toBe('survey.closed');
    const open = await t.app.inject({ url: '/api/v1/surveys/open', headers: w.callers.EMIL.headers });
    expect(open.json<{ items: { id: number }[] }>().items.some((s) => s.id === id)).toBe(false);
  });

  it('close by themselves at their closing time', async () => {
    const id = await createSurvey(t, w.communicator, { closes_at: new Date(now.getTime() + HOUR).toISOString() });
    expect((await answer(t, w.callers.ANNA, id, { mood: 'good' })).statusCode).toBe(201);
    now = new Date(now.getTime() + 2 * HOUR);
    const late = await answer(t, w.callers.BERT, id, { mood: 'good' });
    expect(late.statusCode).toBe(409);
    expect(late.json<{ code: string }>().code).toBe('survey.closed');
    const survey = await t.app.inject({ url: `/api/v1/surveys/${id}`, headers: w.communicator.headers });
    expect(survey.json()).toMatchObject({ status: 'closed', current_round: null });
    expect((await t.app.inject({ url: `/api/v1/surveys/${id}/respond`, headers: w.callers.BERT.headers })).json()).toMatchObject({
      open: false,
      can_answer: false,
    });
  });
});

describe('anonymous surveys', () => {
  it('keep who answered apart from what: the answer has only the chosen segment values', async () => {
    for (const [name, rule] of [
      ['Sales crew', { field: 'department', op: 'eq', value: 'Sales' }],
      ['Ops crew', { field: 'department', op: 'eq', value: 'Ops' }],
      ['Z everyone', { all: [] }],
    ] as const) {
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/personas', headers: w.communicator.headers, payload: { name, rule } })).statusCode).toBe(201);
    }
    const id = await createSurvey(t, w.communicator, { anonymous: true, segment_keys: ['department', 'generation', 'persona'], campaign: w.campaignId });
    const res = await answer(t, w.callers.ANNA, id, { mood: 'good', nps: 9 });
    expect(res.statusCode, res.body).toBe(201);
    expect(await countRows(t, sql`SELECT 1 FROM survey_responses WHERE survey_id = ${id}`)).toBe(0);
    const rows = await sql<{ answers: unknown; segment: Record<string, unknown> }>`
      SELECT answers, segment FROM anonymous_survey_responses WHERE survey_id = ${id}`.execute(t.database.db);
    expect(rows.rows).toEqual([{ answers: { mood: 'good', nps: 9 }, segment: { department: 'Ops', generation: 'gen_x', persona: 'Ops crew' } }]);
    expect(await countRows(t, sql`SELECT 1 FROM survey_respondents WHERE survey_id = ${id} AND person_id = ${w.ids.ANNA}`)).toBe(1);
    expect((await answer(t, w.callers.ANNA, id, { mood: 'ok' })).statusCode).toBe(409);
  });
});

describe('quizzes', () => {
  it('score with survey-core, allow a retake after failing, refuse one after passing, and record the events', async () => {
    const id = await createSurvey(t, w.communicator, { kind: 'quiz', definition: QUIZ_DEFINITION, pass_mark: 1, campaign: w.campaignId });
    const failed = await answer(t, w.callers.EMIL, id, { q1: 'b', q2: ['x'] });
    expect(failed.statusCode, failed.body).toBe(201);
    expect(failed.json()).toEqual({ round: 1, quiz: { correct: 1, questions: 2, score: 0.5, passed: false } });
    const failedEvents = peopleWithActivity({ type: 'quiz_failed', campaignId: w.campaignId });
    expect(await countRows(t, sql`SELECT 1 FROM (${failedEvents}) AS e WHERE person_id = ${w.ids.EMIL}`)).toBe(1);
    const view = await t.app.inject({ url: `/api/v1/surveys/${id}/respond`, headers: w.callers.EMIL.headers });
    expect(view.json()).toMatchObject({ is_quiz: true, answered: true, can_answer: true });

    const passed = await answer(t, w.callers.EMIL, id, { q1: 'b', q2: ['z', 'x'] });
    expect(passed.statusCode).toBe(201);
    expect(passed.json()).toMatchObject({ quiz: { correct: 2, questions: 2, score: 1, passed: true } });
    const row = await sql<{ attempts: number; passed: boolean }>`SELECT attempts, passed FROM survey_responses WHERE survey_id = ${id}`.execute(t.database.db);
    expect(row.rows).toEqual([{ attempts: 2, passed: true }]);
    const third = await answer(t, w.callers.EMIL, id, { q1: 'a', q2: ['y'] });
    expect(third.statusCode).toBe(409);
    expect(third.json<{ code: string }>().code).toBe('survey.quiz_already_passed');

    // A segment rule on the activity sees who passed, as the follow-up `quiz_not_passed` does.
    const admin = await signIn(t, 'admin');
    const preview = await t.app.inject({
      method: 'POST',
      url: '/api/v1/audiences/preview',
      headers: admin.headers,
      payload: { rule: { activity: { type: 'quiz_passed', campaign: w.campaignId }, has: true } },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json<{ sample: { external_id: string }[] }>().sample.map((p) => p.external_id)).toEqual(['EMIL']);
  });

  it('record no per-person quiz event when anonymous', async () => {
    const id = await createSurvey(t, w.communicator, { kind: 'quiz', definition: QUIZ_DEFINITION, anonymous: true, campaign: w.campaignId });
    const before = await countRows(t, sql`SELECT 1 FROM events WHERE campaign_id = ${w.campaignId}`);
    const res = await answer(t, w.callers.DORA, id, { q1: 'b', q2: ['x', 'z'] });
    expect(res.json()).toMatchObject({ quiz: { passed: true } });
    expect(await countRows(t, sql`SELECT 1 FROM events WHERE campaign_id = ${w.campaignId}`)).toBe(before);
    const stored = await sql<{ correct: number; passed: boolean }>`SELECT correct, passed FROM anonymous_survey_responses WHERE survey_id = ${id}`.execute(
      t.database.db,
    );
    expect(stored.rows).toEqual([{ correct: 2, passed: true }]);
  });
});
