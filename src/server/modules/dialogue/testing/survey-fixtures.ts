// What the survey tests share: a few people (Ops and Sales), signed-in respondents linked to them, a
// campaign, and short ways to create a survey and answer it through the API.
import { sql } from 'kysely';
import { expect } from 'vitest';
import { signIn, type TestCaller, type TestRuntime } from '../../../testing/test-runtime.js';
import { importPeopleRows } from '../../people/index.js';

export const PEOPLE = ['ANNA', 'BERT', 'CARL', 'DORA', 'EMIL', 'SALLY'] as const;
export type Who = (typeof PEOPLE)[number];

const personRow = (id: Who, i: number) => ({
  external_id: id,
  email: `${id.toLowerCase()}@survey.example`,
  given_name: id,
  family_name: 'Test',
  department: id === 'SALLY' ? 'Sales' : 'Ops',
  birth_year: 1970 + i * 6,
  language: 'en',
});

export type SurveyWorld = {
  ids: Record<Who, number>;
  callers: Record<Who, TestCaller>;
  communicator: TestCaller;
  employee: TestCaller;
  campaignId: number;
};

/** People, their sign-ins and a campaign to attach surveys to. */
export async function setUpSurveyWorld(t: TestRuntime): Promise<SurveyWorld> {
  await importPeopleRows({ db: t.database.db, rows: PEOPLE.map((id, i) => ({ line: i + 1, value: personRow(id, i) })) });
  const found = await sql<{ id: number; external_id: Who }>`SELECT id, external_id FROM people`.execute(t.database.db);
  const ids = Object.fromEntries(found.rows.map((r) => [r.external_id, Number(r.id)])) as Record<Who, number>;
  const callers = {} as Record<Who, TestCaller>;
  for (const who of PEOPLE) callers[who] = await signIn(t, 'employee', ids[who]);
  const communicator = await signIn(t, 'communicator');
  const employee = await signIn(t, 'employee');
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    headers: communicator.headers,
    payload: {
      name: 'Safety week',
      audience: { field: 'department', op: 'eq', value: 'Ops' },
      default_language: 'en',
      variants: [{ key: 'all', default: true, channels: ['feed'], content: { en: { subject: 'Safety', body: 'Read and take the quiz' } } }],
    },
  });
  expect(res.statusCode).toBe(201);
  return { ids, callers, communicator, employee, campaignId: res.json<{ id: number }>().id };
}

export const OPS = { field: 'department', op: 'eq', value: 'Ops' };

/** A small valid survey: a required choice, a 0–10 rating, an optional text shown after "other". */
export const BASIC_DEFINITION = {
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'radiogroup', name: 'mood', choices: ['good', 'ok', 'bad'], isRequired: true },
        { type: 'rating', name: 'nps', rateMin: 0, rateMax: 10 },
        { type: 'comment', name: 'why', visibleIf: "{mood} = 'bad'", maxLength: 200 },
      ],
    },
  ],
};

/** Two quiz questions: `q1` is b, `q2` is x and z. */
export const QUIZ_DEFINITION = {
  elements: [
    { type: 'radiogroup', name: 'q1', choices: ['a', 'b', 'c'], correctAnswer: 'b' },
    { type: 'checkbox', name: 'q2', choices: ['x', 'y', 'z'], correctAnswer: ['x', 'z'] },
    { type: 'text', name: 'remark' },
  ],
};

export async function createSurvey(t: TestRuntime, caller: TestCaller, payload: Record<string, unknown>): Promise<number> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/surveys',
    headers: caller.headers,
    payload: { title: 'Pulse', anonymous: false, audience: OPS, definition: BASIC_DEFINITION, ...payload },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number }>().id;
}

export function answer(t: TestRuntime, caller: TestCaller, id: number, answers: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: `/api/v1/surveys/${id}/responses`, headers: caller.headers, payload: { answers } });
}

export async function countRows(t: TestRuntime, query: ReturnType<typeof sql>): Promise<number> {
  return (await sql<{ n: number }>`SELECT count(*)::int AS n FROM (${query}) AS x`.execute(t.database.db)).rows[0]!.n;
}
