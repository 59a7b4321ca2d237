// The points ledger (ADR 0031): every module's events become points here, once per action and source,
// within the action's cap per interval so nobody can farm them. A person's awards take turns (an
// advisory lock), so two concurrent awards cannot both slip under the cap.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { CapInterval, PointAction } from '../../../shared/advocacy.js';
import { getAdvocacySettings } from './settings.service.js';

/** Identifies "awarding one person's points" among advisory locks (with the person id). */
const POINTS_LOCK_KEY = 0x0adc_0001;

export type Award = { points: number; capped: boolean };

/**
 * Awards the points of `action` to a person for `source` (e.g. `share:812`, `click:ab12:2026-11-30:…`),
 * once: a second award for the same action and source returns null. Over the cap the award is kept
 * with fewer (or 0) points and `capped`, so the person can see why. Runs in the caller's transaction
 * when given one, so the award commits with what earned it.
 * @example await awardPoints({ db: trx, personId: 42, action: 'share', source: 'share:812', at: new Date() })
 */
export async function awardPoints(input: { db: AnyDb; personId: number; action: PointAction; source: string; at: Date }): Promise<Award | null> {
  const run = async (trx: AnyDb): Promise<Award | null> => {
    await sql`SELECT pg_advisory_xact_lock(${POINTS_LOCK_KEY}::int, ${input.personId}::int)`.execute(trx);
    const setting = (await getAdvocacySettings(trx)).actions[input.action];
    let points = setting.points;
    if (setting.cap !== null) {
      const { rows } = await sql<{ earned: string }>`SELECT coalesce(sum(points), 0) AS earned FROM advocacy_points
        WHERE person_id = ${input.personId} AND action = ${input.action}
          AND occurred_at >= ${intervalStart(input.at, setting.interval)} AND occurred_at < ${intervalEnd(input.at, setting.interval)}`.execute(trx);
      points = Math.max(0, Math.min(points, setting.cap - Number(rows[0]!.earned)));
    }
    const capped = points < setting.points;
    const { rows } = await sql<{ id: string }>`INSERT INTO advocacy_points (person_id, action, source, points, capped, occurred_at)
      VALUES (${input.personId}, ${input.action}, ${input.source}, ${points}, ${capped}, ${input.at})
      ON CONFLICT (action, source, person_id) DO NOTHING RETURNING id`.execute(trx);
    return rows.length === 0 ? null : { points, capped };
  };
  return input.db.isTransaction ? run(input.db) : input.db.transaction().execute(run);
}

/**
 * The start of the UTC day, ISO week (Monday) or month that `at` falls in.
 * @example intervalStart(new Date('2026-12-02T10:00:00Z'), 'week').toISOString() // '2026-11-30T00:00:00.000Z'
 */
export function intervalStart(at: Date, interval: CapInterval): Date {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  if (interval === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  if (interval === 'month') d.setUTCDate(1);
  return d;
}

/** The end (exclusive) of the interval `at` falls in. */
export function intervalEnd(at: Date, interval: CapInterval): Date {
  const d = intervalStart(at, interval);
  if (interval === 'day') d.setUTCDate(d.getUTCDate() + 1);
  if (interval === 'week') d.setUTCDate(d.getUTCDate() + 7);
  if (interval === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
  return d;
}
