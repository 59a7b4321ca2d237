// Breaks the last technical link between a respondent and their anonymous answer (ADR 0027). Both rows
// are written in one transaction, so they carry the same transaction id (`xmin`, readable by anyone
// who may read the tables) and sit next to each other in insertion order. A job rewrites every anonymous
// answer still sharing its transaction id with a respondent row: deleted and inserted again in random
// order, with new random ids, in one transaction, so all answers mixed together share one `xmin` and a
// physical order that says nothing about who answered first.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';

/** Answers older than this many days were mixed long ago (the job runs every minute). */
const LOOK_BACK_DAYS = 2;

/**
 * Mixes the anonymous answers not mixed yet; returns how many.
 * @example const mixed = await mixAnonymousAnswers({ db, today: '2026-12-01' });
 */
export async function mixAnonymousAnswers(input: { db: AnyDb; today: string }): Promise<number> {
  const result = await sql`
    WITH moved AS (
      DELETE FROM anonymous_survey_responses AS a
      WHERE a.submitted_on >= ${input.today}::date - ${LOOK_BACK_DAYS}::int
        AND EXISTS (SELECT 1 FROM survey_respondents AS r WHERE r.survey_id = a.survey_id AND r.round = a.round AND r.xmin::text = a.xmin::text)
      RETURNING a.survey_id, a.round, a.answers, a.segment, a.correct, a.questions, a.passed, a.submitted_on
    )
    INSERT INTO anonymous_survey_responses (survey_id, round, answers, segment, correct, questions, passed, submitted_on)
    SELECT survey_id, round, answers, segment, correct, questions, passed, submitted_on FROM moved ORDER BY random()`.execute(input.db);
  return Number(result.numAffectedRows ?? 0n);
}
