// Survey results over HTTP (DESIGN §3.8, ADR 0029): answers of both tables summed up by question and
// segment, eNPS, a group of 4 hidden and its complement with it, free text sorted and nameless, the
// CSV neutralised, and who may read them. Answers are seeded with SQL (the answer route is elsewhere).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { bearer, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { importTeams } from '../../testing/tracked-mail.js';
import type { SurveyResults } from '../../../shared/dialogue.js';

let t: TestRuntime;
let communicator: TestCaller;
let surveyId: number;

const DEFINITION = {
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'rating', name: 'recommend', rateMin: 0, rateMax: 10 },
        { type: 'radiogroup', name: 'mood', choices: ['good', 'bad'] },
        { type: 'panel', name: 'more', elements: [{ type: 'comment', name: 'why' }] },
        { type: 'boolean', name: 'stay' },
      ],
    },
  ],
};

type Answer = { department: string; generation: string; answers: Record<string, unknown> };

// Sales answer as known people (survey_responses); the rest anonymously (anonymous_survey_responses).
// eNPS: Sales 5 promoters, Legal 2 passives and 3 detractors, HR and Finance skip it: (5 − 3) / 10 = 20.
const SALES_TEXTS = ['zeta', 'alpha', '=HYPERLINK("http://evil.example")', 'mid', 'beta'];
const ANSWERS: Answer[] = [
  ...SALES_TEXTS.map((why) => ({ department: 'Sales', generation: 'gen_x', answers: { recommend: 10, mood: 'good', why, stay: true } })),
  ...[7, 8, 3, 5, 6].map((n) => ({ department: 'Legal', generation: 'gen_x', answers: { recommend: n, mood: 'bad', stay: false } })),
  ...[0, 1, 2, 3].map(() => ({ department: 'HR', generation: 'millennials', answers: { mood: 'bad', why: 'my boss' } })),
  { department: 'Finance', generation: 'gen_x', answers: { mood: 'good' } },
];

const results = async (query = '', caller: TestCaller = communicator) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/surveys/${surveyId}/results${query}`, headers: caller.headers });
  return res;
};

beforeAll(async () => {
  t = await startTestRuntime();
  communicator = await bearer(t, 'communicator');
  const db = t.database.db;
  await importTeams(db, [{ dept: 'Sales', n: 5, birth: 1970 }], 'res.example', 'Knownname');
  const created = await sql<{ id: number }>`
    INSERT INTO surveys (title, kind, definition, anonymous, audience, segment_keys)
    VALUES ('Pulse', 'enps', ${JSON.stringify(DEFINITION)}::jsonb, false, '{"field":"department","op":"is_set"}'::jsonb, '{department,generation}')
    RETURNING id`.execute(db);
  surveyId = Number(created.rows[0]!.id);
  await sql`INSERT INTO survey_rounds (survey_id, round, opens_at) VALUES (${surveyId}, 1, now() - interval '1 day')`.execute(db);
  const people = await sql<{ id: number }>`SELECT id FROM people WHERE email LIKE '%@res.example' ORDER BY id`.execute(db);
  for (const [i, a] of ANSWERS.entries()) {
    const segment = JSON.stringify({ department: a.department, generation: a.generation });
    if (a.department === 'Sales') {
      await sql`INSERT INTO survey_responses (survey_id, round, person_id, answers, segment)
        VALUES (${surveyId}, 1, ${people.rows[i]!.id}, ${JSON.stringify(a.answers)}::jsonb, ${segment}::jsonb)`.execute(db);
    } else {
      await sql`INSERT INTO anonymous_survey_responses (survey_id, round, answers, segment)
        VALUES (${surveyId}, 1, ${JSON.stringify(a.answers)}::jsonb, ${segment}::jsonb)`.execute(db);
    }
  }
});

afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/surveys/:id/results', () => {
  it('sums up each question over both answer tables, with eNPS and the free text sorted, without names', async () => {
    const res = await results();
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<SurveyResults>();
    expect(body).toMatchObject({ survey: surveyId, round: 'all', k: 5, responses: 15, enps: 20 });
    expect(body.questions.recommend).toEqual({ type: 'nps', counts: { '10': 5, '7': 1, '8': 1, '3': 1, '5': 1, '6': 1 }, enps: 20 });
    expect(body.questions.mood).toEqual({ type: 'choice', counts: { good: 6, bad: 9 } });
    expect(body.questions.stay).toEqual({ type: 'boolean', counts: { true: 5, false: 5 } });
    // Sorted by text, not in the order they came in; nothing of the people who wrote them.
    const why = body.questions.why;
    expect(why).toEqual({
      type: 'text',
      answers: ['=HYPERLINK("http://evil.example")', 'alpha', 'beta', 'mid', 'my boss', 'my boss', 'my boss', 'my boss', 'zeta'],
    });
    expect(res.body).not.toMatch(/Knownname|res\.example|person/);
    expect(body.trend).toEqual([{ round: 1, opens_at: expect.any(String), responses: 15, enps: 20, mean: null }]);
  });

  it('hides a group of 4 and the next smallest with it when that one alone would be the difference; shows groups of 5', async () => {
    const body = (await results('?by=department,generation')).json<SurveyResults>();
    const group = (key: string, value: string) => body.by_segment.find((s) => s.key === key && s.value === value)!;
    // Departments: Finance 1 and HR 4 hidden (together 5, so the total minus the shown groups names no one).
    expect(group('department', 'HR')).toEqual({ key: 'department', value: 'HR', responses: null, enps: null, questions: null });
    expect(group('department', 'Finance').responses).toBeNull();
    expect(group('department', 'Sales')).toMatchObject({
      responses: 5,
      enps: 100,
      questions: { why: { answers: ['=HYPERLINK("http://evil.example")', 'alpha', 'beta', 'mid', 'zeta'] } },
    });
    expect(group('department', 'Legal')).toMatchObject({ responses: 5, enps: -60, questions: { mood: { counts: { bad: 5 } } } });
    // Generations: millennials 4 hidden, and gen_x 11 with it, or 15 − 11 would give the millennials away.
    expect(group('generation', 'millennials').questions).toBeNull();
    expect(group('generation', 'gen_x')).toMatchObject({ responses: null, questions: null });
  });

  it('answers the round asked for, and null figures when a whole round has fewer than k answers', async () => {
    await sql`INSERT INTO survey_rounds (survey_id, round, opens_at) VALUES (${surveyId}, 2, now())`.execute(t.database.db);
    const second = (await results('?round=2')).json<SurveyResults>();
    expect(second).toMatchObject({ round: 2, responses: 0, enps: null, questions: { mood: { counts: null }, why: { answers: null } } });
    expect((await results('?round=1')).json<SurveyResults>()).toMatchObject({ round: 1, responses: 15, enps: 20 });
    await sql`DELETE FROM survey_rounds WHERE survey_id = ${surveyId} AND round = 2`.execute(t.database.db);
  });

  it('writes the CSV with formulas neutralised and hidden figures empty', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/surveys/${surveyId}/results.csv?by=department`, headers: communicator.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe('round,segment_key,segment_value,responses,question,type,figure,value');
    expect(lines).toContain(`all,*,,15,why,text,answer,"'=HYPERLINK(""http://evil.example"")"`);
    expect(lines).toContain('all,*,,15,recommend,nps,enps,20');
    expect(lines).toContain('all,department,HR,,,,,');
    expect(res.body).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('counts right quiz answers per question (a list in any order) and who passed', async () => {
    const db = t.database.db;
    const definition = { elements: [{ type: 'checkbox', name: 'q2', choices: ['x', 'y', 'z'], correctAnswer: ['x', 'z'] }] };
    const quiz = await sql<{ id: number }>`
      INSERT INTO surveys (title, kind, definition, anonymous, audience, pass_mark)
      VALUES ('Quiz', 'quiz', ${JSON.stringify(definition)}::jsonb, true, '{"field":"department","op":"is_set"}'::jsonb, 1) RETURNING id`.execute(db);
    const id = Number(quiz.rows[0]!.id);
    await sql`INSERT INTO survey_rounds (survey_id, round, opens_at) VALUES (${id}, 1, now())`.execute(db);
    for (const q2 of [['x', 'z'], ['z', 'x'], ['x'], ['x', 'y', 'z'], ['z', 'x']]) {
      const right = q2.length === 2;
      await sql`INSERT INTO anonymous_survey_responses (survey_id, round, answers, correct, questions, passed)
        VALUES (${id}, 1, ${JSON.stringify({ q2 })}::jsonb, ${right ? 1 : 0}, 1, ${right})`.execute(db);
    }
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/surveys/${id}/results`, headers: communicator.headers });
    expect(res.json<SurveyResults>().questions).toEqual({ q2: { type: 'quiz', correct: 3, passed: 3 } });
  });

  it('refuses employees (403), unknown surveys and rounds (404) and keys the survey does not keep (400)', async () => {
    const employee = await bearer(t, 'employee');
    expect((await results('', employee)).statusCode).toBe(403);
    const csv = await t.app.inject({ method: 'GET', url: `/api/v1/surveys/${surveyId}/results.csv`, headers: employee.headers });
    expect(csv.statusCode).toBe(403);
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/surveys/999999/results', headers: communicator.headers });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'survey.not_found' });
    expect((await results('?round=7')).statusCode).toBe(404);
    const notKept = await results('?by=location');
    expect(notKept.statusCode).toBe(400);
    expect(notKept.json()).toMatchObject({ code: 'survey_results.segment_not_kept', params: { key: 'location' } });
    expect((await results('?round=zero')).statusCode).toBe(400);
  });
});
