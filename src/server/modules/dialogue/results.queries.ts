// SQL of survey results: the survey and its rounds, and the answers of both answer tables (identified
// and anonymous) summed up per group in the database: group sizes, answer counts per question and
// choice, right quiz answers and the free-text answers sorted (never in the order they came in).
import { sql, type RawBuilder } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { SurveyStatus } from '../../../shared/dialogue.js';

export type ResultsSurveyRow = {
  id: number;
  status: SurveyStatus;
  definition: Record<string, unknown>;
  segment_keys: string[];
};

export async function findResultsSurvey(db: AnyDb, id: number): Promise<ResultsSurveyRow | null> {
  const result = await sql<ResultsSurveyRow>`SELECT id, status, definition, segment_keys FROM surveys WHERE id = ${id}`.execute(db);
  const row = result.rows[0];
  return row ? { ...row, id: Number(row.id) } : null;
}

export async function findRoundStarts(db: AnyDb, surveyId: number): Promise<{ round: number; opens_at: Date }[]> {
  const result = await sql<{ round: number; opens_at: Date }>`
    SELECT round, opens_at FROM survey_rounds WHERE survey_id = ${surveyId} ORDER BY round`.execute(db);
  return result.rows;
}

/** The answers of a survey from both tables, each once per group it counts in: the whole (`*`) and its value of each key. */
function groupedAnswers(input: { surveyId: number; keys: string[]; round: number | null; perRound: boolean }): RawBuilder<unknown> {
  return sql`
    answers AS (
      SELECT round, answers, segment, passed FROM survey_responses WHERE survey_id = ${input.surveyId}
      UNION ALL
      SELECT round, answers, segment, passed FROM anonymous_survey_responses WHERE survey_id = ${input.surveyId}
    ),
    grouped AS (
      SELECT CASE WHEN ${input.perRound}::boolean THEN a.round ELSE 0 END AS round, g.grp_key, g.grp_value, a.answers, a.passed
      FROM answers AS a
      CROSS JOIN LATERAL (
        SELECT '*'::text AS grp_key, NULL::text AS grp_value
        UNION ALL
        SELECT k, a.segment ->> k FROM unnest(${input.keys}::text[]) AS k
      ) AS g
      WHERE ${input.round}::int IS NULL OR a.round = ${input.round}::int
    )`;
}

export type GroupKey = { round: number; grp_key: string; grp_value: string | null };
export type SizeRow = GroupKey & { n: number; passed: number };

/** Answers and quiz passes per round and group (every round: the k test looks across rounds). */
export async function countGroups(db: AnyDb, input: { surveyId: number; keys: string[] }): Promise<SizeRow[]> {
  const result = await sql<SizeRow>`
    WITH ${groupedAnswers({ ...input, round: null, perRound: true })}
    SELECT round, grp_key, grp_value, count(*)::int AS n, count(*) FILTER (WHERE passed)::int AS passed
    FROM grouped GROUP BY round, grp_key, grp_value`.execute(db);
  return result.rows;
}

export type ChoiceRow = GroupKey & { question: string; choice: string; n: number };

/**
 * How often each value was given to each of `questions` per group (a list answer, as a checkbox's,
 * counts each of its items); `round` null sums every round, `perRound` keeps the rounds apart.
 */
export async function countChoices(
  db: AnyDb,
  input: { surveyId: number; keys: string[]; round: number | null; perRound: boolean; questions: string[] },
): Promise<ChoiceRow[]> {
  if (input.questions.length === 0) return [];
  const result = await sql<ChoiceRow>`
    WITH ${groupedAnswers(input)}
    SELECT g.round, g.grp_key, g.grp_value, e.question, c.choice, count(*)::int AS n
    FROM grouped AS g
    CROSS JOIN LATERAL jsonb_each(g.answers) AS e(question, answer)
    CROSS JOIN LATERAL jsonb_array_elements_text(
      CASE WHEN jsonb_typeof(e.answer) = 'array' THEN e.answer ELSE jsonb_build_array(e.answer) END) AS c(choice)
    WHERE e.question = ANY(${input.questions}::text[]) AND jsonb_typeof(e.answer) <> 'null'
    GROUP BY g.round, g.grp_key, g.grp_value, e.question, c.choice`.execute(db);
  return result.rows;
}

export type CorrectRow = GroupKey & { question: string; correct: number };

/** Right answers per quiz question and group; `correct` maps each quiz question to its right answer (a list's order does not count). */
export async function countCorrect(
  db: AnyDb,
  input: { surveyId: number; keys: string[]; round: number | null; correct: Record<string, unknown> },
): Promise<CorrectRow[]> {
  if (Object.keys(input.correct).length === 0) return [];
  const result = await sql<CorrectRow>`
    WITH ${groupedAnswers({ ...input, perRound: false })}
    SELECT g.round, g.grp_key, g.grp_value, q.question, count(*) FILTER (WHERE (g.answers -> q.question) @> q.answer AND q.answer @> (g.answers -> q.question))::int AS correct
    FROM grouped AS g CROSS JOIN jsonb_each(${JSON.stringify(input.correct)}::jsonb) AS q(question, answer)
    GROUP BY g.round, g.grp_key, g.grp_value, q.question`.execute(db);
  return result.rows;
}

export type TextRow = GroupKey & { question: string; answers: string[] };

/** The free-text answers per question and group, sorted by their text (never in the order given), blanks left out. */
export async function listTexts(db: AnyDb, input: { surveyId: number; keys: string[]; round: number | null; questions: string[] }): Promise<TextRow[]> {
  if (input.questions.length === 0) return [];
  const result = await sql<TextRow>`
    WITH ${groupedAnswers({ ...input, perRound: false })}
    SELECT g.round, g.grp_key, g.grp_value, e.question, jsonb_agg(e.answer #>> '{}' ORDER BY e.answer #>> '{}' COLLATE "C") AS answers
    FROM grouped AS g CROSS JOIN LATERAL jsonb_each(g.answers) AS e(question, answer)
    WHERE e.question = ANY(${input.questions}::text[]) AND jsonb_typeof(e.answer) = 'string' AND btrim(e.answer #>> '{}') <> ''
    GROUP BY g.round, g.grp_key, g.grp_value, e.question`.execute(db);
  return result.rows;
}
