// The points ledger (ADR 0031): an award counts once per action and source, stops at the action's cap
// per interval (kept with 0 points and `capped`), starts again in the next interval, and concurrent
// awards of one person cannot both slip under the cap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestRuntime, type TestRuntime } from '../../testing/test-runtime.js';
import { importPeopleRows } from '../people/index.js';
import { DEFAULT_ADVOCACY_SETTINGS } from '../../../shared/advocacy.js';
import { awardPoints, intervalEnd, intervalStart } from './points.service.js';
import { saveAdvocacySettings } from './settings.service.js';

let t: TestRuntime;
let anna: number;
let bert: number;
const at = new Date('2026-11-30T10:00:00Z');

beforeAll(async () => {
  t = await startTestRuntime();
  await importPeopleRows({
    db: t.database.db,
    rows: ['pts-anna', 'pts-bert'].map((id, i) => ({
      line: i + 1,
      value: { external_id: id, email: `${id}@example.com`, given_name: id, family_name: 'Points' },
    })),
  });
  const { rows } = await sql<{ id: string; external_id: string }>`SELECT id, external_id FROM people WHERE external_id LIKE 'pts-%'`.execute(t.database.db);
  anna = Number(rows.find((r) => r.external_id === 'pts-anna')!.id);
  bert = Number(rows.find((r) => r.external_id === 'pts-bert')!.id);
  await saveAdvocacySettings(t.database.db, {
    ...DEFAULT_ADVOCACY_SETTINGS,
    actions: { ...DEFAULT_ADVOCACY_SETTINGS.actions, share: { points: 5, cap: 12, interval: 'day' } },
  });
});
afterAll(async () => t?.close());

const total = async (personId: number) =>
  Number((await sql<{ s: string }>`SELECT coalesce(sum(points), 0) AS s FROM advocacy_points WHERE person_id = ${personId}`.execute(t.database.db)).rows[0]!.s);

describe('awardPoints', () => {
  it('awards once per action and source', async () => {
    expect(await awardPoints({ db: t.database.db, personId: anna, action: 'kudos_received', source: 'kudos:1', at })).toEqual({ points: 3, capped: false });
    expect(await awardPoints({ db: t.database.db, personId: anna, action: 'kudos_received', source: 'kudos:1', at })).toBeNull();
    expect(await total(anna)).toBe(3);
  });

  it('stops at the cap of the interval, keeping the capped award with what was left', async () => {
    const awards = [];
    for (let i = 0; i < 4; i++) awards.push(await awardPoints({ db: t.database.db, personId: anna, action: 'share', source: `share:a${i}`, at }));
    expect(awards).toEqual([
      { points: 5, capped: false },
      { points: 5, capped: false },
      { points: 2, capped: true },
      { points: 0, capped: true },
    ]);
    const nextDay = new Date('2026-12-01T00:00:00Z');
    expect(await awardPoints({ db: t.database.db, personId: anna, action: 'share', source: 'share:a-next', at: nextDay })).toEqual({
      points: 5,
      capped: false,
    });
  });

  it('lets concurrent awards of one person take turns under the cap', async () => {
    const awards = await Promise.all(
      Array.from({ length: 8 }, (_, i) => awardPoints({ db: t.database.db, personId: bert, action: 'share', source: `share:b${i}`, at })),
    );
    expect(awards.reduce((s, a) => s + (a?.points ?? 0), 0)).toBe(12);
    expect(await total(bert)).toBe(12);
  });

  it('finds the UTC interval an instant falls in', () => {
    const wed = new Date('2026-12-02T23:59:59Z');
    expect(intervalStart(wed, 'day').toISOString()).toBe('2026-12-02T00:00:00.000Z');
    expect(intervalStart(wed, 'week').toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(intervalEnd(wed, 'week').toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(intervalStart(wed, 'month').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(intervalEnd(new Date('2026-12-31T12:00:00Z'), 'month').toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(intervalStart(new Date('2026-11-29T12:00:00Z'), 'week').toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });
});
