// When pulse rounds open (ADR 0029): weeks, months that keep their day or take the month's last, and `until`.
import { describe, expect, it } from 'vitest';
import { dueRound, roundOpensAt } from './pulse-schedule.js';

describe('pulse schedule', () => {
  it('opens monthly rounds on the day of starts_at, or the last day of a shorter month', () => {
    const monthly = { every: 'month' as const, starts_at: '2026-01-31T08:00:00Z' };
    expect([2, 3, 13].map((n) => roundOpensAt(monthly, n).toISOString())).toEqual([
      '2026-02-28T08:00:00.000Z',
      '2026-03-31T08:00:00.000Z',
      '2027-01-31T08:00:00.000Z',
    ]);
    expect(dueRound(monthly, new Date('2026-02-28T07:59:59Z'))).toBe(1);
    expect(dueRound(monthly, new Date('2026-02-28T08:00:00Z'))).toBe(2);
    expect(dueRound(monthly, new Date('2026-01-31T07:00:00Z'))).toBe(0);
  });

  it('counts weeks and opens none after the day until', () => {
    const weekly = { every: 'week' as const, starts_at: '2026-12-01T08:00:00+01:00', until: '2026-12-15' };
    expect(dueRound(weekly, new Date('2026-12-15T06:59:00Z'))).toBe(2);
    expect(dueRound(weekly, new Date('2026-12-15T07:00:00Z'))).toBe(3);
    expect(dueRound(weekly, new Date('2027-03-01T00:00:00Z'))).toBe(3);
  });
});
