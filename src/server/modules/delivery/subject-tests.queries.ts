// SQL of subject-line tests (ADR 0021): splitting a variant's e-mail deliveries into the test share and
// the rest that waits, counting each line's unique opens, and handing the winner to those who waited.
import { sql, type RawBuilder } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';

/** `subject_option` of a delivery that waits for its test's winner. */
export const AWAITING_WINNER = -1;

export type SubjectTestRow = {
  variant_key: string;
  share_percent: number;
  decide_at: Date;
  decided_at: Date | null;
  winner: number | null;
  decision: 'higher_open_rate' | 'no_signal' | 'tie' | null;
  figures: OptionFigures[] | null;
};

export type OptionFigures = { option: number; sent: number; unique_opens: number };

/** Starts a variant's test once (a fan-out run again keeps the first decision time) and answers its decision time. */
export async function startSubjectTest(db: AnyDb, input: { campaignId: number; variantKey: string; sharePercent: number; decideAt: Date }): Promise<Date> {
  await sql`
    INSERT INTO subject_tests (campaign_id, variant_key, share_percent, decide_at)
    VALUES (${input.campaignId}, ${input.variantKey}, ${input.sharePercent}, ${input.decideAt})
    ON CONFLICT (campaign_id, variant_key) DO NOTHING`.execute(db);
  const row = await sql<{ decide_at: Date }>`
    SELECT decide_at FROM subject_tests WHERE campaign_id = ${input.campaignId} AND variant_key = ${input.variantKey}`.execute(db);
  return row.rows[0]!.decide_at;
}

/**
 * Gives the variant's queued e-mail deliveries of step 0 that have no line yet their line: a random
 * (but reproducible) `sharePercent` of them, at least one per line, one of the `options` lines in
 * turn; the others wait for the winner until `decideAt`. Deliveries that have a line keep it, so
 * running it again after a crash changes nothing.
 */
export async function splitSubjectTest(
  db: AnyDb,
  input: { campaignId: number; variantKey: string; sharePercent: number; options: number; decideAt: Date },
): Promise<number> {
  const result = await sql`
    WITH ranked AS (
      SELECT id, row_number() OVER (ORDER BY md5(campaign_id::text || ':' || person_id::text), id) - 1 AS rn, count(*) OVER () AS n
      FROM deliveries
      WHERE campaign_id = ${input.campaignId} AND step = 0 AND channel = 'email' AND variant_key = ${input.variantKey}
        AND state = 'queued' AND subject_option IS NULL
    ), sized AS (
      SELECT id, rn, least(n, greatest(ceil(n * ${input.sharePercent}::numeric / 100), ${input.options})) AS tested FROM ranked
    )
    UPDATE deliveries AS d
    SET subject_option = CASE WHEN s.rn < s.tested THEN (s.rn % ${input.options})::smallint ELSE ${AWAITING_WINNER}::smallint END,
      next_attempt_at = CASE WHEN s.rn < s.tested THEN d.next_attempt_at ELSE greatest(d.next_attempt_at, ${input.decideAt}::timestamptz) END
    FROM sized AS s WHERE d.id = s.id`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** A variant's test, locked until the caller's transaction ends when `forUpdate`. */
export async function findSubjectTest(db: AnyDb, campaignId: number, variantKey: string, forUpdate = false): Promise<SubjectTestRow | null> {
  const result = await sql<SubjectTestRow>`
    SELECT variant_key, share_percent, decide_at, decided_at, winner, decision, figures FROM subject_tests
    WHERE campaign_id = ${campaignId} AND variant_key = ${variantKey} ${forUpdate ? sql`FOR UPDATE` : sql``}`.execute(db);
  return result.rows[0] ?? null;
}

export async function listSubjectTests(db: AnyDb, campaignId: number): Promise<SubjectTestRow[]> {
  const result = await sql<SubjectTestRow>`
    SELECT variant_key, share_percent, decide_at, decided_at, winner, decision, figures FROM subject_tests
    WHERE campaign_id = ${campaignId} ORDER BY variant_key`.execute(db);
  return result.rows;
}

/** Per line of a variant's test: e-mails sent, and how many of their people opened the campaign (`opened`: rows of person_id). */
export async function countOptionFigures(
  db: AnyDb,
  input: { campaignId: number; variantKey: string; opened: RawBuilder<{ person_id: number }> },
): Promise<OptionFigures[]> {
  const result = await sql<OptionFigures>`
    SELECT d.subject_option AS option, count(*)::int AS sent,
      count(*) FILTER (WHERE d.person_id IN (${input.opened}))::int AS unique_opens
    FROM deliveries AS d
    WHERE d.campaign_id = ${input.campaignId} AND d.step = 0 AND d.channel = 'email' AND d.variant_key = ${input.variantKey}
      AND d.subject_option >= 0 AND d.state = 'sent'
    GROUP BY d.subject_option ORDER BY d.subject_option`.execute(db);
  return result.rows;
}

/** Records the decision and gives the winner to every delivery that waited for it. */
export async function recordWinner(
  db: AnyDb,
  input: { campaignId: number; variantKey: string; winner: number; decision: NonNullable<SubjectTestRow['decision']>; figures: OptionFigures[] },
): Promise<void> {
  await sql`
    UPDATE subject_tests SET winner = ${input.winner}, decision = ${input.decision}, figures = ${JSON.stringify(input.figures)}::jsonb, decided_at = now()
    WHERE campaign_id = ${input.campaignId} AND variant_key = ${input.variantKey} AND winner IS NULL`.execute(db);
  await sql`
    UPDATE deliveries SET subject_option = ${input.winner}
    WHERE campaign_id = ${input.campaignId} AND step = 0 AND channel = 'email' AND variant_key = ${input.variantKey}
      AND subject_option = ${AWAITING_WINNER}`.execute(db);
}
