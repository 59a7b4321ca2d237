// Birth year, hire date and career start for a demo person: an age mix covering every generation in
// today's workforce, tenures that are mostly short with a long tail, and some brand-new joiners.
import type { JobLevel } from '../../../../shared/people.js';
import { type Rng, weightedPicker } from './demo-random.js';

export type Timeline = {
  birthYear: number;
  age: number;
  hireDate: string;
  hireYear: number;
  careerStartYear: number | null;
  /** Whole years since the career start, else since the hire year (DESIGN §3.1 `years_experience`). */
  yearsExperience: number;
};

const DAY_MS = 86_400_000;
/** The company's founding year bounds everyone's hire date. */
const FOUNDED = 1984;

type AgeBand = readonly [from: number, to: number, weight: number];
const AGE_BANDS: Record<JobLevel, readonly AgeBand[]> = {
  individual: [
    [18, 24, 12],
    [25, 34, 28],
    [35, 44, 25],
    [45, 54, 20],
    [55, 61, 11],
    [62, 67, 4],
    [68, 76, 0.3],
  ],
  manager: [
    [27, 34, 18],
    [35, 44, 36],
    [45, 54, 30],
    [55, 64, 16],
  ],
  executive: [
    [38, 47, 35],
    [48, 57, 45],
    [58, 64, 20],
  ],
};
const PICK_BAND: Record<JobLevel, (rng: Rng) => number> = {
  individual: weightedPicker(AGE_BANDS.individual.map((b) => b[2])),
  manager: weightedPicker(AGE_BANDS.manager.map((b) => b[2])),
  executive: weightedPicker(AGE_BANDS.executive.map((b) => b[2])),
};
const MEAN_TENURE_YEARS: Record<JobLevel, number> = { individual: 5.5, manager: 8, executive: 9 };

/** Days since 1970-01-01 for an ISO date, or null when it is not a real `YYYY-MM-DD` date. */
export function parseIsoDay(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return isoFromDay(ms / DAY_MS) === iso ? ms / DAY_MS : null;
}

export function isoFromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Draws a consistent timeline: hired on or before `asOf`, no earlier than the year the person turned
 * 18, career start no later than the hire year.
 */
export function drawTimeline(rng: Rng, asOfDay: number, level: JobLevel, silent: boolean): Timeline {
  const asOfYear = new Date(asOfDay * DAY_MS).getUTCFullYear();
  let birthYear: number;
  if (silent) {
    birthYear = rng.int(1944, 1945);
  } else {
    const band = AGE_BANDS[level][PICK_BAND[level](rng)] ?? [30, 40, 1];
    birthYear = asOfYear - rng.int(band[0], band[1]);
  }
  const earliestDay = Date.UTC(Math.max(birthYear + 18, FOUNDED), 0, 1) / DAY_MS;
  const maxBack = Math.max(0, asOfDay - earliestDay);
  let back: number;
  if (rng.chance(0.07) || maxBack < 90) {
    back = rng.int(0, Math.min(89, maxBack));
  } else {
    const meanYears = silent ? 20 : MEAN_TENURE_YEARS[level];
    back = 90 + Math.floor(-Math.log(1 - rng.next()) * meanYears * 365.25);
    if (back > maxBack) back = rng.int(90, maxBack);
  }
  const hireDay = asOfDay - back;
  const hireYear = new Date(hireDay * DAY_MS).getUTCFullYear();
  let careerStartYear: number | null = null;
  if (!rng.chance(0.12)) {
    const studies = Math.floor(rng.next() ** 1.5 * 9);
    careerStartYear = Math.min(hireYear, birthYear + 18 + studies);
  }
  return {
    birthYear,
    age: asOfYear - birthYear,
    hireDate: isoFromDay(hireDay),
    hireYear,
    careerStartYear,
    yearsExperience: asOfYear - (careerStartYear ?? hireYear),
  };
}
