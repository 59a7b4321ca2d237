// SQL of surveys and their rounds (migration 0026): the survey row, list pages, the round now open,
// and whether anyone has answered (which freezes what the answers were given to).
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { SegmentKey, SurveyKind, SurveySchedule, SurveyStatus } from '../../../shared/dialogue.js';

export type SurveyRow = {
  id: number;
  title: string;
  kind: SurveyKind;
  status: SurveyStatus;
  definition: Record<string, unknown>;
  anonymous: boolean;
  audience: Record<string, unknown>;
  segment_keys: SegmentKey[];
  pass_mark: number | null;
  campaign_id: number | null;
  schedule: SurveySchedule | null;
  closes_at: Date | null;
  created_at: Date;
  updated_at: Date;
};

export type SurveyValues = Omit<SurveyRow, 'id' | 'created_at' | 'updated_at'>;

const COLUMNS = sql`id, title, kind, status, definition, anonymous, audience, segment_keys, pass_mark::float8 AS pass_mark, campaign_id, schedule,
  closes_at, created_at, updated_at`;

const jsonb = (value: unknown) => (value === null ? sql`NULL::jsonb` : sql`${JSON.stringify(value)}::jsonb`);

export async function insertSurvey(trx: AnyDb, values: SurveyValues, userId: number | null): Promise<SurveyRow> {
  const result = await sql<SurveyRow>`
    INSERT INTO surveys (title, kind, status, definition, anonymous, audience, segment_keys, pass_mark, campaign_id, schedule, closes_at, created_by_user_id)
    VALUES (${values.title}, ${values.kind}, ${values.status}, ${jsonb(values.definition)}, ${values.anonymous}, ${jsonb(values.audience)},
      ${values.segment_keys}::text[], ${values.pass_mark}, ${values.campaign_id}, ${jsonb(values.schedule)}, ${values.closes_at}, ${userId})
    RETURNING ${COLUMNS}`.execute(trx);
  return result.rows[0]!;
}

export async function updateSurvey(trx: AnyDb, id: number, values: SurveyValues): Promise<SurveyRow> {
  const result = await sql<SurveyRow>`
    UPDATE surveys SET title = ${values.title}, kind = ${values.kind}, status = ${values.status}, definition = ${jsonb(values.definition)},
      anonymous = ${values.anonymous}, audience = ${jsonb(values.audience)}, segment_keys = ${values.segment_keys}::text[], pass_mark = ${values.pass_mark},
      campaign_id = ${values.campaign_id}, schedule = ${jsonb(values.schedule)}, closes_at = ${values.closes_at}, updated_at = now()
    WHERE id = ${id} RETURNING ${COLUMNS}`.execute(trx);
  return result.rows[0]!;
}

/** The survey, locked until the caller's transaction ends when `lock` is set. */
export async function findSurvey(db: AnyDb, id: number, lock = false): Promise<SurveyRow | null> {
  const result = await sql<SurveyRow>`SELECT ${COLUMNS} FROM surveys WHERE id = ${id} ${lock ? sql`FOR UPDATE` : sql``}`.execute(db);
  return result.rows[0] ?? null;
}

export async function deleteSurvey(trx: AnyDb, id: number): Promise<void> {
  await sql`DELETE FROM surveys WHERE id = ${id}`.execute(trx);
}

/** Surveys newest first, below the cursor's id. */
export async function listSurveys(db: AnyDb, input: { before?: number; limit: number; status?: SurveyStatus }): Promise<SurveyRow[]> {
  const where = [sql`TRUE`];
  if (input.before !== undefined) where.push(sql`id < ${input.before}`);
  if (input.status) where.push(sql`status = ${input.status}`);
  const result = await sql<SurveyRow>`SELECT ${COLUMNS} FROM surveys WHERE ${sql.join(where, sql` AND `)} ORDER BY id DESC LIMIT ${input.limit}`.execute(db);
  return result.rows;
}

/** How many answers each survey has over all its rounds, from who answered (never what). */
export async function countAnswers(db: AnyDb, surveyIds: number[]): Promise<Map<number, number>> {
  if (surveyIds.length === 0) return new Map();
  const result = await sql<{ survey_id: number; answers: number }>`
    SELECT survey_id, count(*)::int AS answers FROM survey_respondents WHERE survey_id = ANY(${surveyIds}::bigint[]) GROUP BY survey_id`.execute(db);
  return new Map(result.rows.map((r) => [Number(r.survey_id), r.answers]));
}

/** Whether anyone has answered any round of the survey. */
export async function hasAnswers(db: AnyDb, surveyId: number): Promise<boolean> {
  const result = await sql<{ answered: boolean }>`SELECT EXISTS (SELECT 1 FROM survey_respondents WHERE survey_id = ${surveyId}) AS answered`.execute(db);
  return result.rows[0]!.answered;
}

export type RoundRow = { survey_id: number; round: number; opens_at: Date; closes_at: Date | null; campaign_id: number | null };

/** The round of each survey that is open at `now` (the latest, should rounds overlap). */
export async function findCurrentRounds(db: AnyDb, surveyIds: number[], now: Date): Promise<Map<number, RoundRow>> {
  if (surveyIds.length === 0) return new Map();
  const result = await sql<RoundRow>`
    SELECT DISTINCT ON (survey_id) survey_id, round, opens_at, closes_at, campaign_id FROM survey_rounds
    WHERE survey_id = ANY(${surveyIds}::bigint[]) AND opens_at <= ${now} AND (closes_at IS NULL OR closes_at > ${now})
    ORDER BY survey_id, round DESC`.execute(db);
  return new Map(result.rows.map((r) => [r.survey_id, r]));
}

/** The survey's last round, open or not. */
export async function findLatestRound(db: AnyDb, surveyId: number): Promise<RoundRow | null> {
  const result = await sql<RoundRow>`
    SELECT survey_id, round, opens_at, closes_at, campaign_id FROM survey_rounds WHERE survey_id = ${surveyId} ORDER BY round DESC LIMIT 1`.execute(db);
  return result.rows[0] ?? null;
}

/** Surveys open for answers at `now`, with their open round (newest first, at most `limit`). */
export async function findOpenSurveys(db: AnyDb, now: Date, limit: number): Promise<SurveyRow[]> {
  const result = await sql<SurveyRow>`
    SELECT ${COLUMNS} FROM surveys AS s
    WHERE status = 'open' AND (closes_at IS NULL OR closes_at > ${now})
      AND EXISTS (SELECT 1 FROM survey_rounds AS r WHERE r.survey_id = s.id AND r.opens_at <= ${now} AND (r.closes_at IS NULL OR r.closes_at > ${now}))
    ORDER BY id DESC LIMIT ${limit}`.execute(db);
  return result.rows;
}

/** Opens a round; false when the survey has it already (a scheduler that runs twice). */
export async function insertRound(trx: AnyDb, round: RoundRow): Promise<boolean> {
  const result = await sql`
    INSERT INTO survey_rounds (survey_id, round, opens_at, closes_at, campaign_id)
    VALUES (${round.survey_id}, ${round.round}, ${round.opens_at}, ${round.closes_at}, ${round.campaign_id})
    ON CONFLICT (survey_id, round) DO NOTHING`.execute(trx);
  return Number(result.numAffectedRows ?? 0n) > 0;
}

/** Closes at `at` every round of the survey still open then (other than `except`). */
export async function closeRounds(trx: AnyDb, surveyId: number, at: Date, except?: number): Promise<void> {
  await sql`UPDATE survey_rounds SET closes_at = ${at}
    WHERE survey_id = ${surveyId} AND (closes_at IS NULL OR closes_at > ${at}) AND round <> ${except ?? 0}`.execute(trx);
}

/** Sets when one round closes (null: open until the survey closes). */
export async function setRoundCloses(trx: AnyDb, surveyId: number, round: number, closesAt: Date | null): Promise<void> {
  await sql`UPDATE survey_rounds SET closes_at = ${closesAt} WHERE survey_id = ${surveyId} AND round = ${round}`.execute(trx);
}
