// Authoring surveys on a real database: create (round 1 for a one-off survey), malformed definitions
// answered with the pointer of the bad element, quiz / eNPS / campaign / audience checks, who may
// author (employees 403, nobody signed in 401), list pages, changes frozen after an answer, closing,
// deleting a draft, and the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestRuntime, type TestRuntime } from '../../testing/test-runtime.js';
import { openSurveyRound } from './index.js';
import { BASIC_DEFINITION, OPS, QUIZ_DEFINITION, answer, countRows, createSurvey, setUpSurveyWorld, type SurveyWorld } from './testing/survey-fixtures.js';

let t: TestRuntime;
let w: SurveyWorld;

beforeAll(async () => {
  t = await startTestRuntime();
  w = await setUpSurveyWorld(t);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const post = (payload: Record<string, unknown>, headers = w.communicator.headers) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/surveys',
    headers,
    payload: { title: 'T', anonymous: false, audience: OPS, definition: BASIC_DEFINITION, ...payload },
  });

const patch = (id: number, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'PATCH', url: `/api/v1/surveys/${id}`, headers: w.communicator.headers, payload });

const el = (extra: Record<string, unknown>) => ({ pages: [{ name: 'p', elements: [{ type: 'text', name: 'a' }, { type: 'text', name: 'b' }, extra] }] });

describe('POST /api/v1/surveys', () => {
  it('creates an open one-off survey with round 1, and audits it', async () => {
    const res = await post({ title: 'Canteen', segment_keys: ['department', 'department'] });
    expect(res.statusCode, res.body).toBe(201);
    const survey = res.json<{ id: number; status: string; current_round: number; segment_keys: string[]; kind: string }>();
    expect(survey).toMatchObject({ status: 'open', current_round: 1, segment_keys: ['department'], kind: 'survey' });
    expect(await countRows(t, sql`SELECT 1 FROM audit_log WHERE action = 'surveys.created' AND target_id = ${String(survey.id)}`)).toBe(1);
  });

  it('gives a pulse no round until its scheduler opens one (openSurveyRound, idempotent)', async () => {
    const schedule = { every: 'week', starts_at: '2030-01-07T08:00:00Z' };
    const id = await createSurvey(t, w.communicator, { kind: 'enps', schedule });
    expect((await t.app.inject({ url: `/api/v1/surveys/${id}`, headers: w.communicator.headers })).json()).toMatchObject({ current_round: null });
    const opensAt = new Date(Date.now() - 1000);
    expect(await openSurveyRound({ db: t.database.db, surveyId: id, round: 1, opensAt, campaignId: w.campaignId })).toBe(true);
    expect(await openSurveyRound({ db: t.database.db, surveyId: id, round: 1, opensAt })).toBe(false);
    const open = await t.app.inject({ url: '/api/v1/surveys/open', headers: w.callers.ANNA.headers });
    expect(open.json<{ items: { id: number; round: number; campaign: number }[] }>().items.find((s) => s.id === id)).toMatchObject({
      round: 1,
      campaign: w.campaignId,
    });
    expect(await openSurveyRound({ db: t.database.db, surveyId: id, round: 2, opensAt: new Date() })).toBe(true);
    const rounds = await sql<{ round: number; closed: boolean }>`
      SELECT round, closes_at IS NOT NULL AS closed FROM survey_rounds WHERE survey_id = ${id} ORDER BY round`.execute(t.database.db);
    expect(rounds.rows).toEqual([
      { round: 1, closed: true },
      { round: 2, closed: false },
    ]);
  });

  it('answers a malformed definition with the pointer of the bad element', async () => {
    const cases: [unknown, string, string][] = [
      [el({ type: 'html', name: 'h', html: '<b>x</b>' }), '/definition/pages/0/elements/2/type', 'survey.question_type_unsupported'],
      [el({ type: 'file', name: 'f' }), '/definition/pages/0/elements/2/type', 'survey.question_type_unsupported'],
      [el({ type: 'nonsense', name: 'n' }), '/definition/pages/0/elements/2/type', 'survey.question_type_unsupported'],
      [el({ type: 'text', name: 'a' }), '/definition/pages/0/elements/2/name', 'survey.question_name_taken'],
      [el({ type: 'text', name: ' ' }), '/definition/pages/0/elements/2/name', 'survey.question_name_missing'],
      [el({ type: 'radiogroup', name: 'c' }), '/definition/pages/0/elements/2/choices', 'survey.choices_missing'],
      [el({ type: 'dropdown', name: 'c', choices: ['x', { value: 'x', text: 'X' }] }), '/definition/pages/0/elements/2/choices/1', 'survey.choice_duplicate'],
      [
        el({ type: 'radiogroup', name: 'c', choices: ['x', 'y'], correctAnswer: 'z' }),
        '/definition/pages/0/elements/2/correctAnswer',
        'survey.correct_answer_invalid',
      ],
      [el({ type: 'rating', name: 'r', rateMin: 5, rateMax: 1 }), '/definition/pages/0/elements/2/rateMax', 'survey.rating_bounds'],
      [
        el({ type: 'rating', name: 'r', rateMin: 0, rateMax: 10, correctAnswer: 11 }),
        '/definition/pages/0/elements/2/correctAnswer',
        'survey.correct_answer_invalid',
      ],
      [el({ type: 'text', name: 'c', titel: 'typo' }), '/definition/pages/0/elements/2', 'survey.definition_invalid'],
      [{ ...el({ type: 'text', name: 'c' }), completedHtml: '<script>x</script>' }, '/definition/completedHtml', 'survey.property_unsupported'],
      [
        el({ type: 'panel', name: 'p2', elements: [{ type: 'expression', name: 'e' }] }),
        '/definition/pages/0/elements/2/elements/0/type',
        'survey.question_type_unsupported',
      ],
      [el({ type: 'text', name: 'c', visibleIf: '{a} = ((' }), '/definition/pages/0/elements/2/visibleIf', 'survey.expression_invalid'],
      [el({ type: 'text', name: '__proto__' }), '/definition/pages/0/elements/2/name', 'survey.question_name_invalid'],
      [{ pages: 'nope' }, '/definition/pages', 'survey.definition_invalid'],
      [{ title: 'empty' }, '/definition', 'survey.definition_no_questions'],
      [{ elements: Array.from({ length: 201 }, (_, i) => ({ type: 'text', name: `q${i}` })) }, '/definition', 'survey.too_many_questions'],
      [{ elements: [{ type: 'comment', name: 'c', description: 'x'.repeat(200_001) }] }, '/definition', 'survey.definition_too_large'],
    ];
    for (const [definition, pointer, code] of cases) {
      const res = await post({ definition });
      expect(res.statusCode, pointer).toBe(400);
      expect(res.json<{ errors: unknown[] }>().errors, `${pointer} ${res.body.slice(0, 300)}`).toContainEqual(expect.objectContaining({ pointer, code }));
    }
  });

  it('checks quizzes, eNPS surveys, the campaign and the audience', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ kind: 'quiz' }, '/definition', 'survey.quiz_needs_correct_answer'],
      [{ pass_mark: 0.8 }, '/definition', 'survey.quiz_needs_correct_answer'],
      [{ kind: 'enps', definition: QUIZ_DEFINITION }, '/definition', 'survey.enps_needs_rating'],
      [{ campaign: 999999 }, '/campaign', 'survey.campaign_unknown'],
      [{ closes_at: '2020-01-01T00:00:00Z' }, '/closes_at', 'survey.closes_at_past'],
    ];
    for (const [payload, pointer, code] of cases) {
      const res = await post(payload);
      expect(res.statusCode, code).toBe(400);
      expect(res.json<{ errors: unknown[] }>().errors).toContainEqual(expect.objectContaining({ pointer, code }));
    }
    const audience = await post({ audience: { all: [{ field: 'department', op: 'sounds_like', value: 'x' }] } });
    expect(audience.statusCode).toBe(400);
    expect(audience.json<{ errors: { pointer: string }[] }>().errors[0]!.pointer).toMatch(/^\/audience\/all\/0/);
    expect((await post({ kind: 'quiz', definition: QUIZ_DEFINITION })).statusCode).toBe(201);
    expect((await post({ kind: 'enps' })).statusCode).toBe(201);
  });

  it('is for communicators and admins: employees get 403, nobody signed in 401', async () => {
    expect((await post({}, w.employee.headers)).statusCode).toBe(403);
    expect((await post({}, w.callers.ANNA.headers)).statusCode).toBe(403);
    expect((await post({}, {})).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/surveys', headers: w.employee.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/surveys' })).statusCode).toBe(401);
  });
});

describe('reading, changing and deleting', () => {
  it('lists surveys newest first in cursor pages and reads one; unknown is 404', async () => {
    const first = await t.app.inject({ url: '/api/v1/surveys?limit=2', headers: w.communicator.headers });
    const page = first.json<{ items: { id: number }[]; next_cursor: string }>();
    expect(page.items).toHaveLength(2);
    expect(page.items[0]!.id).toBeGreaterThan(page.items[1]!.id);
    const next = await t.app.inject({ url: `/api/v1/surveys?limit=2&cursor=${page.next_cursor}`, headers: w.communicator.headers });
    expect(next.json<{ items: { id: number }[] }>().items[0]!.id).toBeLessThan(page.items[1]!.id);
    expect((await t.app.inject({ url: '/api/v1/surveys?cursor=bogus', headers: w.communicator.headers })).statusCode).toBe(400);
    const missing = await t.app.inject({ url: '/api/v1/surveys/999999', headers: w.communicator.headers });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ code: string }>().code).toBe('survey.not_found');
    expect((await t.app.inject({ url: `/api/v1/surveys/${page.items[0]!.id}`, headers: w.employee.headers })).statusCode).toBe(403);
  });

  it('freezes what was answered once anyone answered, closes and reopens any time, and audits it', async () => {
    const id = await createSurvey(t, w.communicator, { segment_keys: ['department'] });
    expect((await patch(id, { title: 'Renamed', segment_keys: ['generation'] })).statusCode).toBe(200);
    expect((await answer(t, w.callers.BERT, id, { mood: 'ok' })).statusCode).toBe(201);
    const listed = (await t.app.inject({ url: '/api/v1/surveys?limit=50', headers: w.communicator.headers })).json<{
      items: { id: number; responses: number }[];
    }>();
    expect(listed.items.find((item) => item.id === id)?.responses).toBe(1);
    for (const change of [
      { definition: QUIZ_DEFINITION },
      { anonymous: true },
      { segment_keys: ['department'] },
      { audience: { all: [] } },
      { pass_mark: 0.5 },
    ]) {
      const res = await patch(id, change);
      expect(res.statusCode, JSON.stringify(change)).toBe(409);
      expect(res.json<{ code: string }>().code).toBe('survey.frozen');
    }
    // The same values again are no change.
    expect((await patch(id, { definition: BASIC_DEFINITION, segment_keys: ['generation'], title: 'Again' })).statusCode).toBe(200);
    const closed = await patch(id, { status: 'closed' });
    expect(closed.json()).toMatchObject({ status: 'closed', current_round: null });
    const reopened = await patch(id, { status: 'open' });
    expect(reopened.json()).toMatchObject({ status: 'open', current_round: 1 });
    const actions = await sql<{ action: string }>`SELECT action FROM audit_log WHERE target_type = 'survey' AND target_id = ${String(id)} ORDER BY id`.execute(
      t.database.db,
    );
    expect(actions.rows.map((r) => r.action)).toEqual(['surveys.created', 'surveys.updated', 'surveys.updated', 'surveys.closed', 'surveys.opened']);
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/surveys/${id}`, headers: w.employee.headers, payload: { status: 'closed' } })).statusCode).toBe(
      403,
    );
  });

  it('opens a draft with round 1, and deletes only a draft nobody answered', async () => {
    const draft = await createSurvey(t, w.communicator, { status: 'draft' });
    expect((await t.app.inject({ url: `/api/v1/surveys/${draft}`, headers: w.communicator.headers })).json()).toMatchObject({
      status: 'draft',
      current_round: null,
    });
    const open = await createSurvey(t, w.communicator, {});
    const refused = await t.app.inject({ method: 'DELETE', url: `/api/v1/surveys/${open}`, headers: w.communicator.headers });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ code: string }>().code).toBe('survey.not_deletable');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/surveys/${draft}`, headers: w.employee.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/surveys/${draft}`, headers: w.communicator.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/surveys/${draft}`, headers: w.communicator.headers })).statusCode).toBe(404);
    const other = await createSurvey(t, w.communicator, { status: 'draft' });
    expect((await patch(other, { status: 'open' })).json()).toMatchObject({ status: 'open', current_round: 1 });
  });
});
