// The influence score's properties (ADR 0032): quality over quantity, recency, percentiles.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { components, decay, explainScore, percentileScore, rawScore, type ScoreInputs, type ShareInput } from './influence-score.js';

const now = new Date('2026-12-01T12:00:00Z');
const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(now.getTime() - d * DAY);

const shareArb = fc.record({
  age: fc.double({ min: 0, max: 400, noNaN: true }),
  uniqueClicks: fc.nat(500),
  reactions: fc.nat(300),
  comments: fc.nat(50),
  reshares: fc.nat(20),
});
const inputsArb = fc.record({
  shares: fc.array(shareArb, { maxLength: 30 }),
  help: fc.array(fc.double({ min: 0, max: 400, noNaN: true }), { maxLength: 10 }),
  kudos: fc.array(fc.double({ min: 0, max: 400, noNaN: true }), { maxLength: 10 }),
});
type Arb = { shares: { age: number; uniqueClicks: number; reactions: number; comments: number; reshares: number }[]; help: number[]; kudos: number[] };
const toInputs = (a: Arb, shift = 0): ScoreInputs => ({
  shares: a.shares.map((s) => ({ ...s, at: daysAgo(s.age + shift) })),
  helpResolved: a.help.map((d) => daysAgo(d + shift)),
  kudosReceived: a.kudos.map((d) => daysAgo(d + shift)),
});
const raw = (i: ScoreInputs, at = now) => rawScore(components(i, at));
const empty = (at: Date): ShareInput => ({ at, uniqueClicks: 0, reactions: 0, comments: 0, reshares: 0 });

describe('influence score', () => {
  it('never rises when shares without engagement are added', () => {
    fc.assert(
      fc.property(inputsArb, fc.array(fc.double({ min: 0, max: 400, noNaN: true }), { minLength: 1, maxLength: 40 }), (a, ages) => {
        const before = toInputs(a);
        const after = { ...before, shares: [...before.shares, ...ages.map((d) => empty(daysAgo(d)))] };
        expect(raw(after)).toBeLessThanOrEqual(raw(before) + 1e-12);
      }),
    );
  });

  it('values three great shares above thirty ignored ones', () => {
    const great = { shares: [1, 8, 15].map((d) => ({ ...empty(daysAgo(d)), uniqueClicks: 12, reactions: 10 })), helpResolved: [], kudosReceived: [] };
    const ignored = {
      shares: Array.from({ length: 30 }, (_, i) => ({ ...empty(daysAgo(i * 2)), uniqueClicks: i % 10 === 0 ? 1 : 0 })),
      helpResolved: [],
      kudosReceived: [],
    };
    expect(raw(great)).toBeGreaterThan(raw(ignored));
  });

  it('never rises as time passes without new activity (recency decay)', () => {
    fc.assert(
      fc.property(inputsArb, fc.double({ min: 0, max: 500, noNaN: true }), (a, shift) => {
        expect(raw(toInputs(a, shift))).toBeLessThanOrEqual(raw(toInputs(a)) + 1e-12);
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true }), (x, y) => {
        expect(decay(Math.max(x, y))).toBeLessThanOrEqual(decay(Math.min(x, y)));
      }),
    );
  });

  it('lets one viral share fade, and a steadily engaged person overtake it', () => {
    const viral = (age: number): ScoreInputs => ({
      shares: [{ ...empty(daysAgo(age)), uniqueClicks: 500, reactions: 200, comments: 20 }],
      helpResolved: [],
      kudosReceived: [],
    });
    const steady: ScoreInputs = {
      shares: Array.from({ length: 12 }, (_, w) => ({ ...empty(daysAgo(w * 7 + 1)), uniqueClicks: 6, reactions: 4, comments: 1 })),
      helpResolved: [],
      kudosReceived: [],
    };
    const atDay0 = raw(viral(0));
    const afterYear = raw(viral(365));
    expect(afterYear).toBeLessThan(atDay0 / 3);
    expect(raw(steady)).toBeLessThan(atDay0);
    expect(raw(steady)).toBeGreaterThan(afterYear);
  });

  it('does not buy consistency with empty shares', () => {
    const weekly = { shares: Array.from({ length: 12 }, (_, w) => empty(daysAgo(w * 7))), helpResolved: [], kudosReceived: [] };
    expect(components(weekly, now).consistency).toBe(0);
  });

  it('maps to 1..100, monotone in the raw value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 50 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (pop, x, y) => {
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          const a = percentileScore(lo, pop);
          const b = percentileScore(hi, pop);
          expect(a).toBeGreaterThanOrEqual(1);
          expect(b).toBeLessThanOrEqual(100);
          expect(a).toBeLessThanOrEqual(b);
        },
      ),
    );
    expect(percentileScore(0, [])).toBe(1);
    expect(percentileScore(0.2, [])).toBe(50);
    expect(percentileScore(0.9, [0.1, 0.2, 0.3])).toBe(88);
  });

  it('explains the weakest component and what would raise it', () => {
    const inputs: ScoreInputs = {
      shares: [{ ...empty(daysAgo(2)), uniqueClicks: 30, reactions: 5, adapted: false }],
      helpResolved: [],
      kudosReceived: [],
    };
    const population = [0, 1, 2].map((i) =>
      components({ shares: [{ ...empty(daysAgo(1)), uniqueClicks: 1 + i }], helpResolved: [daysAgo(3)], kudosReceived: [daysAgo(4)] }, now),
    );
    const e = explainScore({ inputs, now, population });
    expect(e.weakest).toBe('inside');
    expect(e.suggestions).toContain('help_colleagues');
    expect(e.suggestions).toContain('add_own_words');
    expect(e.score).toBeGreaterThan(50);
  });
});
