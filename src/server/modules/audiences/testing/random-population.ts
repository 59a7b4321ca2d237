// A seeded, deliberately awkward directory for the segment-compiler differential test: an org tree
// with several roots and inactive managers, nulls in every optional field, birth years on both sides
// of every generation boundary, hire dates the day before / of / after the anniversaries of the
// evaluation dates, mixed-case text with umlauts and Dutch "ij", hostile strings, list and attribute
// values, and activity events around the evaluation dates (some exactly on day boundaries).
import type { PersonInput } from '../../../../shared/people.js';
import { ACTIVITY_TYPES, type ActivityType } from '../../../../shared/audiences.js';

/** One activity event, referring to its person by external_id (ids exist only once imported). */
export type GeneratedEvent = { externalId: string; type: ActivityType; campaignId: number | null; occurredAt: Date };

export type GeneratedPopulation = { people: PersonInput[]; events: GeneratedEvent[] };

/** The evaluation dates the test draws from; hire dates and events cluster around them. */
export const AS_OF_DATES = ['2026-01-01', '2025-12-31', '2026-03-01', '2026-02-28', '2028-02-29', '2025-06-15'] as const;
/** Events lie within ±60 days of this date. */
export const EVENT_CENTRE = '2026-01-01';
/** `within_days` values whose window edges get events exactly on them. */
export const BOUNDARY_WITHIN_DAYS = [0, 1, 7, 30, 60] as const;
/** Campaign ids that events carry (4 is used by rules only: a campaign nobody has activity for). */
export const EVENT_CAMPAIGNS = [1, 2, 3] as const;

/** Small, fast, seeded PRNG (mulberry32) so a population is reproducible from its seed. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  subset<T>(items: readonly T[], max: number): T[] {
    const n = this.int(0, max);
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(this.pick(items));
    return out;
  }
}

/**
 * Randomly upper- or lower-cases each character. Only characters whose JavaScript and PostgreSQL
 * lower-casing agree are used in generated text (ASCII, äöüéëï, ß, ĳ, emoji; never İ or Σ).
 */
export function scrambleCase(value: string, rng: Rng): string {
  let out = '';
  for (const ch of value) out += rng.chance(0.5) ? ch.toUpperCase() : ch.toLowerCase();
  return out;
}

/** Values that must never become SQL text nor act as LIKE wildcards. */
export const HOSTILE_STRINGS = [
  "'",
  '"',
  '%',
  '_',
  '\\',
  "'; DROP TABLE people; --",
  '%_\\',
  'a%',
  '_b',
  '\\%',
  "O'Brien",
  'say "hi"',
  'Zürich ĳssel 🚀',
  '😀',
  'ÄÖÜ',
  'IJsselmeer',
  '$1',
  '?',
  ':name',
  '{a,b}',
  '[]',
  'NULL',
  ' ',
] as const;

const DEPARTMENTS = [
  'Sales',
  'sales',
  'SALES',
  'R&D',
  'Zürich Ops',
  'zürich ops',
  'IJsselmonde Logistics',
  'ijsselmonde logistics',
  '100% Quality',
  'under_score',
  'back\\slash',
  "O'Brien's team",
  'say "hi" dept',
  '🚀 Launch',
  'Marketing',
] as const;
const FUNCTIONS = ['Engineering', 'engineering', 'Finance', 'HR', 'hr', 'Öffentlichkeit', 'Communicatie', 'a%b_c'] as const;
const JOB_TITLES = [
  'Engineer',
  'Senior Engineer',
  'senior engineer',
  'Teamleiter Süd',
  'Hoofd ĳkwezen',
  'C++ Dev',
  'Data "Wizard"',
  "Chef d'équipe",
  '50% Lead',
] as const;
const LOCATIONS = ['Berlin', 'berlin', 'München', 'MÜNCHEN', 'Amsterdam', 'IJmuiden', 'ĳmuiden', 'Utrecht', 'New York'] as const;
const REGIONS = ['EMEA', 'emea', 'Benelux', 'DACH', 'Americas'] as const;
const COUNTRIES = ['DE', 'de', 'NL', 'nl', 'US', 'AT', 'BE'] as const;
const LANGUAGES = ['de', 'nl', 'en', 'en-GB', 'EN-gb', 'fr'] as const;
const TIME_ZONES = ['Europe/Berlin', 'Europe/Amsterdam', 'America/New_York', 'UTC'] as const;
const GIVEN_NAMES = [
  'Anna',
  'anna',
  'Bram',
  'Ĳsbrand',
  'IJsbrand',
  'Zoë',
  'Jörg',
  'Renée',
  'Chloë',
  "D'Arcy",
  'Ann_a',
  'Perc%',
  '😀 Smiley',
  'Back\\Slash',
] as const;
const FAMILY_NAMES = ['Schmidt', 'de Vries', 'van der Berg', "O'Brien", 'Müller', 'MÜLLER', 'Straße', 'Ĳzerman', 'Quote"d', '50%', 'Under_Score'] as const;
const ABOUT = [
  "I'm 100% into C_ and \\paths\\",
  'He said "hi" and left',
  "'; DROP TABLE people; --",
  'Ĳs en weder dienende 🚀',
  'Grüße aus München',
  'plain text about me',
  'PLAIN TEXT ABOUT ME',
  '_under_ %percent% \\back\\',
] as const;
const HASHTAGS = [
  '#Excel',
  'excel',
  'Data-Viz',
  'c++',
  'node.js',
  'ĳssel',
  'Müller',
  'straße',
  'rock_n_roll',
  '日本語',
  'sql',
  'a_b',
  'x.y',
  'Ölbohrung',
  'ij',
] as const;
const LANG_TAGS = ['de', 'nl', 'en', 'fr', 'tr'] as const;
type AttributeValue = string | number | boolean;
const ATTRIBUTE_VALUES: Record<string, readonly AttributeValue[]> = {
  cost_center: ['CC-1', 'cc-1', 'CC-2', 'CC_3', 'CC%4'],
  shift: ['Früh', 'FRÜH', 'Nacht', 'spät', 'Ĳs'],
  note: [...HOSTILE_STRINGS.filter((s) => s.trim() !== ''), ''],
  badge: [42, '42', true, false, 'B-7'],
};
export const ATTRIBUTE_KEYS = Object.keys(ATTRIBUTE_VALUES);

/** Birth years either side of every generation and cohort boundary. */
export const BOUNDARY_BIRTH_YEARS = [1945, 1946, 1964, 1965, 1976, 1977, 1980, 1981, 1983, 1984, 1996, 1997, 2012, 2013] as const;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function hireDate(rng: Rng): string | null | undefined {
  const roll = rng.next();
  if (roll < 0.07) return null;
  if (roll < 0.12) return undefined;
  if (roll < 0.75) {
    // The day before, of, or after an evaluation date's anniversary, in an earlier year.
    const asOf = rng.pick(AS_OF_DATES);
    let year = rng.int(1995, 2025);
    const md = asOf.slice(5);
    if (md === '02-29' && !isLeap(year)) year = rng.pick([2000, 2004, 2008, 2012, 2016, 2020, 2024]);
    return addDays(`${year}-${md}`, rng.int(-1, 1));
  }
  if (roll < 0.8) return addDays('2026-01-01', rng.int(30, 150)); // starts soon: after most evaluation dates
  return `${rng.int(1990, 2025)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
}

function optional<T>(rng: Rng, value: () => T, pNull = 0.15): T | null | undefined {
  const roll = rng.next();
  if (roll < pNull / 2) return null;
  if (roll < pNull) return undefined;
  return value();
}

function hashtags(rng: Rng, pool: readonly string[]): string[] | undefined {
  const roll = rng.next();
  if (roll < 0.1) return undefined;
  if (roll < 0.3) return [];
  return rng.subset(pool, 4);
}

function externalId(i: number, rng: Rng): string {
  // A few identifiers that are themselves hostile; all unique, none differing from another only by case.
  const odd = ["O'Neil-", '50%_off-', 'back\\slash-', 'quote"d-', 'üñí-ĳ-'];
  if (i % 23 === 7) return `${odd[Math.floor(i / 23) % odd.length]!}${i}`;
  return rng.chance(0.5) ? `E${pad(i, 4)}` : `emp-${pad(i, 4)}`;
}

/**
 * A population of `size` people (the first `roots` are org roots), with events.
 * @example const { people, events } = generatePopulation(42);
 */
export function generatePopulation(seed: number, options: { size?: number; roots?: number; events?: number } = {}): GeneratedPopulation {
  const rng = new Rng(seed);
  const size = options.size ?? 200;
  const roots = options.roots ?? 4;
  const people: PersonInput[] = [];
  for (let i = 0; i < size; i++) {
    const id = externalId(i, rng);
    const email = `${rng.chance(0.2) ? 'Mixed.Case' : 'p'}${i}@example.com`;
    let manager: string | null | undefined = undefined;
    if (i >= roots) {
      // Earlier people only, so the tree has no cycles; the file order is shuffled below.
      const boss = people[rng.int(0, Math.min(i - 1, Math.max(roots, Math.floor(i * 0.6))))]!;
      manager = rng.chance(0.8) || !boss.email ? boss.external_id : boss.email.toLowerCase();
    } else if (rng.chance(0.5)) {
      manager = null;
    }
    const birthRoll = rng.next();
    const birth_year = birthRoll < 0.1 ? null : birthRoll < 0.65 ? rng.pick(BOUNDARY_BIRTH_YEARS) : rng.int(1940, 2015);
    const attributes: Record<string, AttributeValue> = {};
    if (rng.chance(0.8)) for (const key of ATTRIBUTE_KEYS) if (rng.chance(0.5)) attributes[key] = rng.pick(ATTRIBUTE_VALUES[key]!);
    const person: PersonInput = {
      external_id: id,
      email,
      given_name: rng.pick(GIVEN_NAMES),
      family_name: rng.pick(FAMILY_NAMES),
      department: optional(rng, () => rng.pick(DEPARTMENTS)),
      function: optional(rng, () => rng.pick(FUNCTIONS), 0.3),
      job_title: optional(rng, () => rng.pick(JOB_TITLES)),
      job_level: optional(rng, () => rng.pick(['individual', 'manager', 'executive'] as const), 0.3),
      location: optional(rng, () => rng.pick(LOCATIONS)),
      region: optional(rng, () => rng.pick(REGIONS), 0.3),
      country: optional(rng, () => rng.pick(COUNTRIES)),
      language: optional(rng, () => rng.pick(LANGUAGES)),
      time_zone: optional(rng, () => rng.pick(TIME_ZONES), 0.3),
      birth_year,
      hire_date: hireDate(rng),
      career_start_year: optional(rng, () => rng.int(1980, 2027), 0.5),
      experience_level: optional(rng, () => rng.pick(['novice', 'mid_career', 'expert'] as const), 0.8),
      manager,
      social_maturity_stage: optional(rng, () => rng.int(1, 9), 0.4),
      skills: hashtags(rng, HASHTAGS),
      interests: hashtags(rng, HASHTAGS),
      mentor_topics: hashtags(rng, HASHTAGS),
      learning_goals: hashtags(rng, HASHTAGS),
      languages: hashtags(rng, LANG_TAGS),
      about: optional(rng, () => rng.pick(ABOUT), 0.4),
      can_help_with: optional(rng, () => rng.pick(ABOUT), 0.5),
      ...(rng.chance(0.8) ? { mentor_available: rng.chance(0.4) } : {}),
      ...(rng.chance(0.8) ? { ambassador: rng.chance(0.3) } : {}),
      ...(rng.chance(0.85) ? { status: rng.chance(0.15) ? ('inactive' as const) : ('active' as const) } : {}),
      ...(Object.keys(attributes).length > 0 || rng.chance(0.5) ? { attributes } : {}),
    };
    people.push(person);
  }
  // Shuffle the file order (Fisher-Yates) so managers often come after their reports.
  for (let i = people.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [people[i], people[j]] = [people[j]!, people[i]!];
  }

  const events: GeneratedEvent[] = [];
  const centre = Date.parse(`${EVENT_CENTRE}T00:00:00Z`);
  const eventCount = options.events ?? size * 3;
  for (let i = 0; i < eventCount; i++) {
    const person = rng.pick(people);
    const dayStart = centre + rng.int(-60, 60) * 86_400_000;
    const roll = rng.next();
    // Exactly midnight, the last millisecond of a day, or anywhere in the day.
    const occurredAt = new Date(roll < 0.4 ? dayStart : roll < 0.6 ? dayStart + 86_400_000 - 1 : dayStart + rng.int(0, 86_399_999));
    events.push({
      externalId: person.external_id,
      type: rng.pick(ACTIVITY_TYPES),
      campaignId: rng.chance(0.2) ? null : rng.pick(EVENT_CAMPAIGNS),
      occurredAt,
    });
  }
  // Events exactly on the edges of every activity window of every evaluation date: the first and
  // the last millisecond inside it, and the millisecond just outside on either side.
  for (const asOf of AS_OF_DATES) {
    const dayStart = Date.parse(`${asOf}T00:00:00Z`);
    const edges = [dayStart + 86_400_000 - 1, dayStart + 86_400_000];
    for (const days of BOUNDARY_WITHIN_DAYS) edges.push(dayStart - days * 86_400_000, dayStart - days * 86_400_000 - 1);
    for (const at of edges) {
      events.push({
        externalId: rng.pick(people).external_id,
        type: rng.pick(ACTIVITY_TYPES),
        campaignId: rng.chance(0.2) ? null : rng.pick(EVENT_CAMPAIGNS),
        occurredAt: new Date(at),
      });
    }
  }
  return { people, events };
}
