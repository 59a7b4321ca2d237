// When the rounds of a pulse survey open (ADR 0029): round n at `starts_at` plus n − 1 weeks or
// months (a month keeps the day of `starts_at`, or the month's last day when it has fewer), none
// opening after the day `until` (inclusive, UTC).
import type { SurveySchedule } from '../../../shared/dialogue.js';

const WEEK_MS = 7 * 24 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

/**
 * The moment round `n` (1, 2, …) opens.
 * @example roundOpensAt({ every: 'month', starts_at: '2026-01-31T08:00:00Z' }, 2) // 2026-02-28T08:00:00Z
 */
export function roundOpensAt(schedule: Pick<SurveySchedule, 'every' | 'starts_at'>, n: number): Date {
  const start = new Date(schedule.starts_at);
  if (schedule.every === 'week') return new Date(start.getTime() + (n - 1) * WEEK_MS);
  const month = start.getUTCMonth() + (n - 1);
  const year = start.getUTCFullYear() + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
  const at = new Date(start);
  at.setUTCFullYear(year, m, Math.min(start.getUTCDate(), lastDay));
  return at;
}

/** Whether round `n` may open at all: not after the day `until`. */
export function roundWithinSchedule(schedule: SurveySchedule, n: number): boolean {
  if (!schedule.until) return true;
  return roundOpensAt(schedule, n).getTime() < Date.parse(`${schedule.until}T00:00:00Z`) + DAY_MS;
}

/**
 * The latest round whose time has come at `now` within the schedule; 0 before the first.
 * @example dueRound({ every: 'week', starts_at: '2026-12-01T08:00:00Z' }, new Date('2026-12-15T09:00:00Z')) // 3
 */
export function dueRound(schedule: SurveySchedule, now: Date): number {
  const start = new Date(schedule.starts_at);
  if (now < start) return 0;
  let n =
    schedule.every === 'week'
      ? Math.floor((now.getTime() - start.getTime()) / WEEK_MS) + 1
      : (now.getUTCFullYear() - start.getUTCFullYear()) * 12 + now.getUTCMonth() - start.getUTCMonth() + 1;
  while (n > 1 && roundOpensAt(schedule, n) > now) n--;
  while (roundOpensAt(schedule, n + 1) <= now) n++;
  while (n > 0 && !roundWithinSchedule(schedule, n)) n--;
  return n;
}
