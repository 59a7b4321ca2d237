// SQL of the survey scheduler (ADR 0029): surveys whose closing time has come, open pulses and the
// round each has reached, a pulse locked while its next round opens, rounds waiting for their
// invitation or reminder, and who has answered a round (never what).
import { sql, type RawBuilder } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { SurveyStatus } from '../../../shared/dialogue.js';

/** Closes every open survey whose `closes_at` has come, and its rounds then; answers their ids. */
export async function closeDueSurveys(db: AnyDb, now: Date): Promise<number[]> {
  const result = await sql<{ id: number }>`
    WITH closed AS (
      UPDATE surveys SET status = 'closed', updated_at = now()
      WHERE status = 'open' AND closes_at IS NOT NULL AND closes_at <= ${now}
      RETURNING id, closes_at
    ), rounds AS (
      UPDATE survey_rounds AS r SET closes_at = c.closes_at FROM closed AS c
      WHERE r.survey_id = c.id AND (r.closes_at IS NULL OR r.closes_at > c.closes_at)
      RETURNING r.survey_id
    )
    SELECT id FROM closed`.execute(db);
  return result.rows.map((r) => Number(r.id));
}

/** Ids of the open pulse surveys. */
export async function findOpenPulseIds(db: AnyDb): Promise<number[]> {
  const result = await sql<{ id: number }>`SELECT id FROM surveys WHERE status = 'open' AND schedule IS NOT NULL ORDER BY id`.execute(db);
  return result.rows.map((r) => Number(r.id));
}

export type PulseRow = {
  id: number;
  title: string;
  status: SurveyStatus;
  schedule: unknown;
  audience: Record<string, unknown>;
  campaign_id: number | null;
  created_by_user_id: number | null;
  last_round: number | null;
};

/** A pulse with the number of its latest round, locked until the caller's transaction ends (one opener at a time). */
export async function lockPulse(trx: AnyDb, id: number): Promise<PulseRow | null> {
  const result = await sql<PulseRow>`
    SELECT id, title, status, schedule, audience, campaign_id, created_by_user_id,
      (SELECT max(round) FROM survey_rounds WHERE survey_id = surveys.id) AS last_round
    FROM surveys WHERE id = ${id} FOR UPDATE`.execute(trx);
  const row = result.rows[0];
  return row ? { ...row, id: Number(row.id), campaign_id: row.campaign_id === null ? null : Number(row.campaign_id) } : null;
}

/** The pulse is over: closed, with its rounds closed at `at`. */
export async function endPulse(trx: AnyDb, id: number, at: Date): Promise<void> {
  await sql`UPDATE surveys SET status = 'closed', updated_at = now() WHERE id = ${id}`.execute(trx);
  await sql`UPDATE survey_rounds SET closes_at = ${at} WHERE survey_id = ${id} AND (closes_at IS NULL OR closes_at > ${at})`.execute(trx);
}

export type InvitedRoundRow = {
  survey_id: number;
  round: number;
  opens_at: Date;
  campaign_id: number;
  schedule: unknown;
};

/** Open rounds of open pulses with an invitation campaign whose reminder has not gone out yet. */
export async function findRoundsToFollow(db: AnyDb, now: Date): Promise<InvitedRoundRow[]> {
  const result = await sql<InvitedRoundRow>`
    SELECT r.survey_id, r.round, r.opens_at, r.campaign_id, s.schedule
    FROM survey_rounds AS r JOIN surveys AS s ON s.id = r.survey_id
    WHERE r.campaign_id IS NOT NULL AND r.reminded_at IS NULL AND s.status = 'open' AND s.schedule IS NOT NULL
      AND r.opens_at <= ${now} AND (r.closes_at IS NULL OR r.closes_at > ${now})
    ORDER BY r.survey_id, r.round`.execute(db);
  return result.rows.map((r) => ({ ...r, survey_id: Number(r.survey_id), campaign_id: Number(r.campaign_id) }));
}

/** Marks a round's reminder as sent; false when another run has done so already. */
export async function claimReminder(trx: AnyDb, surveyId: number, round: number, now: Date): Promise<boolean> {
  const result = await sql`
    UPDATE survey_rounds SET reminded_at = ${now} WHERE survey_id = ${surveyId} AND round = ${round} AND reminded_at IS NULL`.execute(trx);
  return Number(result.numAffectedRows ?? 0n) > 0;
}

/** Who has answered the round (from the list of respondents, which holds nothing of the answers) among those not in `except`. */
export async function findRespondentsWithout(
  db: AnyDb,
  input: { surveyId: number; round: number; except: RawBuilder<{ person_id: number }> },
): Promise<number[]> {
  const result = await sql<{ person_id: number }>`
    SELECT person_id FROM survey_respondents
    WHERE survey_id = ${input.surveyId} AND round = ${input.round} AND person_id NOT IN (${input.except})
    ORDER BY person_id`.execute(db);
  return result.rows.map((r) => Number(r.person_id));
}
