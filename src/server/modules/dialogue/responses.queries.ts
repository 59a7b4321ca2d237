// SQL of answering (migration 0026): who has answered a round (`survey_respondents`, one row per person
// and round, the lock against answering twice) apart from what was answered: identified answers with
// their person, anonymous answers with none, no precise time and a random id.
import { sql, type RawBuilder } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import { isPersonSql, selectAudienceRows } from '../people/index.js';

type Round = { surveyId: number; round: number };
type Quiz = { correct: number; questions: number; passed: boolean } | null;

/** Marks the person as having answered the round; false when they had (the primary key decides). */
export async function claimRespondent(trx: AnyDb, at: Round, personId: number): Promise<boolean> {
  const result = await sql`INSERT INTO survey_respondents (survey_id, round, person_id) VALUES (${at.surveyId}, ${at.round}, ${personId})
    ON CONFLICT DO NOTHING`.execute(trx);
  return Number(result.numAffectedRows ?? 0n) > 0;
}

/** Which of these rounds the person has answered, as `survey:round` keys. */
export async function findAnsweredRounds(db: AnyDb, rounds: Round[], personId: number): Promise<Set<string>> {
  if (rounds.length === 0) return new Set();
  const result = await sql<{ survey_id: number; round: number }>`
    SELECT r.survey_id, r.round FROM survey_respondents AS r
    JOIN unnest(${rounds.map((r) => r.surveyId)}::bigint[], ${rounds.map((r) => r.round)}::int[]) AS w(survey_id, round)
      ON w.survey_id = r.survey_id AND w.round = r.round
    WHERE r.person_id = ${personId}`.execute(db);
  return new Set(result.rows.map((r) => `${r.survey_id}:${r.round}`));
}

export async function insertResponse(
  trx: AnyDb,
  at: Round,
  personId: number,
  values: { answers: Record<string, unknown>; segment: Record<string, string | null>; quiz: Quiz },
): Promise<void> {
  await sql`INSERT INTO survey_responses (survey_id, round, person_id, answers, segment, correct, questions, passed)
    VALUES (${at.surveyId}, ${at.round}, ${personId}, ${JSON.stringify(values.answers)}::jsonb, ${JSON.stringify(values.segment)}::jsonb,
      ${values.quiz?.correct ?? null}, ${values.quiz?.questions ?? null}, ${values.quiz?.passed ?? null})`.execute(trx);
}

/** An anonymous answer: nothing in it names the person, and its day is all that is kept of its time. */
export async function insertAnonymousResponse(
  trx: AnyDb,
  at: Round,
  values: { answers: Record<string, unknown>; segment: Record<string, string | null>; quiz: Quiz },
): Promise<void> {
  await sql`INSERT INTO anonymous_survey_responses (survey_id, round, answers, segment, correct, questions, passed)
    VALUES (${at.surveyId}, ${at.round}, ${JSON.stringify(values.answers)}::jsonb, ${JSON.stringify(values.segment)}::jsonb,
      ${values.quiz?.correct ?? null}, ${values.quiz?.questions ?? null}, ${values.quiz?.passed ?? null})`.execute(trx);
}

/**
 * Takes a failed quiz again: the latest attempt replaces the one before; null when the person's
 * answer is not a failed quiz (passed, or no quiz), so it stays as it is.
 */
export async function retakeFailedQuiz(
  trx: AnyDb,
  at: Round,
  personId: number,
  values: { answers: Record<string, unknown>; segment: Record<string, string | null>; quiz: NonNullable<Quiz> },
): Promise<{ attempts: number } | null> {
  const result = await sql<{ attempts: number }>`
    UPDATE survey_responses SET answers = ${JSON.stringify(values.answers)}::jsonb, segment = ${JSON.stringify(values.segment)}::jsonb,
      correct = ${values.quiz.correct}, questions = ${values.quiz.questions}, passed = ${values.quiz.passed}, attempts = attempts + 1, submitted_at = now()
    WHERE survey_id = ${at.surveyId} AND round = ${at.round} AND person_id = ${personId} AND passed = false
    RETURNING attempts`.execute(trx);
  return result.rows[0] ?? null;
}

/** The person's quiz result in a round of a survey that is not anonymous (null when none). */
export async function findOwnQuizResult(db: AnyDb, at: Round, personId: number): Promise<{ passed: boolean | null } | null> {
  const result = await sql<{ passed: boolean | null }>`
    SELECT passed FROM survey_responses WHERE survey_id = ${at.surveyId} AND round = ${at.round} AND person_id = ${personId}`.execute(db);
  return result.rows[0] ?? null;
}

/** The person's values of some fields (each a people-module SQL expression), as text. */
export async function findPersonValues(
  db: AnyDb,
  personId: number,
  fields: { key: string; value: RawBuilder<unknown> }[],
): Promise<Record<string, string | null>> {
  if (fields.length === 0) return {};
  const columns = sql.join(fields.map((f) => sql`(${f.value})::text AS ${sql.ref(f.key)}`));
  const result = await sql<Record<string, string | null>>`SELECT * FROM (${selectAudienceRows(isPersonSql(personId), columns)}) AS p`.execute(db);
  const row = result.rows[0];
  return Object.fromEntries(fields.map((f) => [f.key, row?.[f.key] ?? null]));
}
