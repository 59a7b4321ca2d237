// Rounds of a survey: a one-off survey has round 1, a pulse opens round n+1 on its schedule (the
// scheduler of another part of issue 11 calls `openSurveyRound`); opening a round closes the one before.
import type { AnyDb } from '../../platform/db/connect.js';
import { coded, notFound } from '../../platform/http/app-error.js';
import * as q from './surveys.queries.js';

/**
 * Opens round `round` of a survey at `opensAt` (closing any round still open then), in the caller's
 * transaction when given one; false when that round exists already, so a scheduler may run twice.
 * @example await openSurveyRound({ db: trx, surveyId: 4, round: 2, opensAt: new Date('2026-12-07T08:00:00Z'), campaignId: 9 });
 */
export async function openSurveyRound(input: { db: AnyDb; surveyId: number; round: number; opensAt: Date; campaignId?: number | null }): Promise<boolean> {
  const open = async (trx: AnyDb) => {
    const survey = await q.findSurvey(trx, input.surveyId, true);
    if (!survey) throw notFound(`survey ${input.surveyId}`, coded('survey.not_found', { id: input.surveyId }));
    const created = await q.insertRound(trx, {
      survey_id: input.surveyId,
      round: input.round,
      opens_at: input.opensAt,
      closes_at: survey.closes_at,
      campaign_id: input.campaignId ?? null,
    });
    if (created) await q.closeRounds(trx, input.surveyId, input.opensAt, input.round);
    return created;
  };
  return input.db.isTransaction ? open(input.db) : input.db.transaction().execute(open);
}
