// Generates a deterministic, realistic demo organisation as Person import rows (DESIGN §3.1), for
// `resonance seed demo`, tests and benchmarks. Same options, same people, byte for byte.
import type { ExperienceLevel, JobLevel, PersonInput } from '../../../../shared/people.js';
import { DEPARTMENTS, type DemoDepartment, type DemoFunction, EXECUTIVE_OFFICE } from './demo-departments.js';
import { type DemoLanguage, LOCATIONS } from './demo-locations.js';
import { type NameLocale, createEmailAllocator, createNameSource } from './demo-names.js';
import { type DemoOrgTree, buildDemoOrgTree } from './demo-org-tree.js';
import { type Rng, createRng, deriveSeed, sampleOf, weightedPicker } from './demo-random.js';
import { drawInterests, drawLanguages, drawLearningGoals, drawSkills, labelInSentence } from './demo-skills.js';
import { writeAbout, writeCanHelpWith } from './demo-texts.js';
import { areaName, type Gender, localTitle, patternTitle } from './demo-titles.js';
import { type Timeline, drawTimeline, parseIsoDay } from './demo-timeline.js';

export type GenerateDemoPeopleOptions = {
  /** How many people; 0 or more. */
  count: number;
  /** Any integer; defaults to DEFAULT_DEMO_SEED. */
  seed?: number;
  /** The "today" of the demo, `YYYY-MM-DD`: no one is hired after it. */
  asOf?: string;
};

export const DEFAULT_DEMO_SEED = 20_260_630;
export const DEFAULT_DEMO_AS_OF = '2026-06-30';
const MAX_COUNT = 10_000_000;
const STAGE = weightedPicker([8, 20, 25, 20, 13, 7, 4, 2, 1]);

/**
 * The whole demo organisation as an array. For very large organisations prefer iterateDemoPeople,
 * which holds only the compact org tree in memory.
 *
 * @example
 * const people = generateDemoPeople({ count: 2000, seed: 7 });
 * people[0]?.external_id; // 'E000001'
 */
export function generateDemoPeople(options: GenerateDemoPeopleOptions): PersonInput[] {
  const people: PersonInput[] = [];
  for (const person of iterateDemoPeople(options)) people.push(person);
  return people;
}

/**
 * The same people as generateDemoPeople, one at a time, in file order. Managers appear anywhere
 * relative to their reports, as in a real HR export.
 */
export function* iterateDemoPeople(options: GenerateDemoPeopleOptions): Generator<PersonInput, void, undefined> {
  const { count, seed = DEFAULT_DEMO_SEED, asOf = DEFAULT_DEMO_AS_OF } = options;
  if (!Number.isSafeInteger(count) || count < 0 || count > MAX_COUNT) {
    throw new RangeError(`count must be a whole number from 0 to ${MAX_COUNT}`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError('seed must be a whole number');
  const asOfDay = parseIsoDay(asOf);
  if (asOfDay === null) throw new RangeError('asOf must be a date written YYYY-MM-DD');

  const tree = buildDemoOrgTree(count, createRng(deriveSeed(seed, 1)));
  const order = shuffledOrder(count, createRng(deriveSeed(seed, 2)));
  const position = new Int32Array(count);
  order.forEach((node, pos) => (position[node] = pos));
  const idWidth = Math.max(6, String(count).length);
  const externalId = (node: number): string => `E${String((position[node] ?? 0) + 1).padStart(idWidth, '0')}`;

  const rng = createRng(deriveSeed(seed, 3));
  const nameOf = createNameSource(seed);
  const emailOf = createEmailAllocator();
  for (const node of order) {
    yield buildPerson({ node, tree, rng, asOfDay, externalId, nameOf, emailOf });
  }
}

type BuildContext = {
  node: number;
  tree: DemoOrgTree;
  rng: Rng;
  asOfDay: number;
  externalId: (node: number) => string;
  nameOf: ReturnType<typeof createNameSource>;
  emailOf: ReturnType<typeof createEmailAllocator>;
};

function buildPerson(c: BuildContext): PersonInput {
  const { node, tree, rng } = c;
  const location = LOCATIONS[tree.location[node] ?? 0] ?? LOCATIONS[0];
  if (!location) throw new Error('the demo has no locations');
  const departmentIndex = tree.department[node] ?? -1;
  const department = DEPARTMENTS[departmentIndex];
  const fnIndex = tree.fn[node] ?? -1;
  const fn = department?.functions[fnIndex];
  const tier = tree.tier[node] ?? 3;
  const reports = tree.reports[node] ?? 0;
  const silent = tree.silent[node] === 1;
  const level: JobLevel = tier <= 1 ? 'executive' : reports > 0 ? 'manager' : 'individual';

  // A few colleagues in German and Dutch offices work in English.
  const language: DemoLanguage = location.language !== 'en' && rng.chance(0.05) ? 'en' : location.language;
  const nameLocale: NameLocale = language === 'en' ? (location.country === 'IE' ? 'en_IE' : 'en_GB') : language;
  const gender: Gender = rng.chance(0.5) ? 'female' : 'male';
  const { given, family } = c.nameOf(nameLocale, gender);
  const timeline = drawTimeline(rng, c.asOfDay, level, silent);
  const jobTitle = jobTitleOf({ tree, node, department, fn, timeline, silent, rng, language, gender });

  const spoken = drawLanguages(rng, language, location.country);
  const skills = drawSkills(rng, { department: departmentIndex, fn: fnIndex, language, isLeader: reports > 0, spoken });
  const goals = drawLearningGoals(rng, departmentIndex, skills.owned);
  const mentorChance = timeline.yearsExperience >= 10 ? 0.3 : timeline.yearsExperience >= 3 ? 0.17 : 0.04;
  const mentorTopics = rng.chance(mentorChance) ? sampleOf(rng, skills.tags, rng.int(1, Math.min(3, skills.tags.length))) : [];
  const ambassador = rng.chance(0.04);
  const parent = tree.parent[node] ?? -1;

  const goalEntry = goals[0] ?? skills.entries[0];
  const texts = {
    language,
    department: localName(department ?? EXECUTIVE_OFFICE, language),
    jobTitle,
    city: location.name,
    hireYear: timeline.hireYear,
    skills: skills.entries.map((e) => labelInSentence(e, language)),
    goal: goalEntry ? labelInSentence(goalEntry, language) : jobTitle,
  };
  const person: PersonInput = {
    external_id: c.externalId(node),
    email: c.emailOf(given, family),
    given_name: given,
    family_name: family,
    department: department?.name ?? EXECUTIVE_OFFICE.name,
    function: fn?.name ?? 'Management',
    job_title: jobTitle,
    job_level: level,
    location: location.name,
    region: location.region,
    country: location.country,
    language,
    time_zone: location.timeZone,
    birth_year: timeline.birthYear,
    hire_date: timeline.hireDate,
    career_start_year: timeline.careerStartYear,
  };
  if (rng.chance(0.04)) person.experience_level = explicitExperience(timeline.yearsExperience, rng);
  if (parent >= 0) person.manager = c.externalId(parent);
  person.social_maturity_stage = ambassador ? rng.int(5, 9) : 1 + STAGE(rng);
  person.skills = skills.tags;
  person.interests = drawInterests(rng, language);
  person.mentor_topics = mentorTopics;
  person.learning_goals = goals.map((g) => g.tag);
  person.languages = spoken;
  if (rng.chance(0.85)) person.about = writeAbout(texts, rng);
  if (rng.chance(0.6)) person.can_help_with = writeCanHelpWith(texts, rng);
  person.mentor_available = rng.chance(mentorTopics.length > 0 ? 0.6 : 0.02);
  person.ambassador = ambassador;
  person.status = reports === 0 && !silent && rng.chance(0.025) ? 'inactive' : 'active';
  person.attributes = {
    cost_center: `CC-${department?.costCentre ?? 10}${String(fnIndex + 1).padStart(2, '0')}`,
    contract: rng.chance(silent ? 1 : timeline.age >= 60 ? 0.3 : 0.12) ? 'part_time' : 'full_time',
    works_council_region: location.worksCouncil,
    work_model: workModelOf(department, rng),
  };
  return person;
}

/**
 * The person's title in their own language. Draws from `rng` exactly as often whatever the language,
 * so the rest of the demo stays the same person for person.
 */
function jobTitleOf(p: {
  tree: DemoOrgTree;
  node: number;
  department: DemoDepartment | undefined;
  fn: DemoFunction | undefined;
  timeline: Timeline;
  silent: boolean;
  rng: Rng;
  language: DemoLanguage;
  gender: Gender;
}): string {
  const { tree, node, department, timeline, rng, language, gender } = p;
  const tier = tree.tier[node] ?? 3;
  if (tier === 0 || !department) return patternTitle('ceo', '', language, gender);
  if (tier === 1) return localTitle(department.headTitle, language, gender);
  const area = areaName(department, p.fn, language);
  if ((tree.reports[node] ?? 0) > 0) {
    if (tier === 2) return patternTitle('head', area, language, gender);
    return patternTitle(tree.leadsLeaders[node] === 1 ? 'groupLead' : 'teamLead', area, language, gender);
  }
  if (p.silent) return patternTitle('advisor', area, language, gender);
  const titles = p.fn?.titles ?? [];
  const base = titles.length > 0 ? localTitle(rng.pick(titles), language, gender) : patternTitle('specialist', area, language, gender);
  if (timeline.age <= 21 && timeline.yearsExperience < 3 && rng.chance(0.5)) return patternTitle('trainee', area, language, gender);
  if (timeline.yearsExperience < 3) return `Junior ${base}`;
  if (timeline.yearsExperience >= 10 && rng.chance(0.5)) return `Senior ${base}`;
  return base;
}

/** Usually the derived level; now and then a career changer marked as a novice despite the years. */
function explicitExperience(years: number, rng: Rng): ExperienceLevel {
  const derived: ExperienceLevel = years < 3 ? 'novice' : years < 10 ? 'mid_career' : 'expert';
  if (derived !== 'novice' && rng.chance(0.25)) return derived === 'expert' ? 'mid_career' : 'novice';
  return derived;
}

function localName(unit: { name: string; de: string; nl: string }, language: DemoLanguage): string {
  return language === 'en' ? unit.name : unit[language];
}

function workModelOf(department: DemoDepartment | undefined, rng: Rng): string {
  if (department?.name === 'Logistics' && rng.chance(0.8)) return 'on_site';
  const x = rng.next();
  return x < 0.62 ? 'hybrid' : x < 0.9 ? 'office' : 'remote';
}

/** A random permutation of 0..count-1 (Fisher-Yates), so file order says nothing about the tree. */
function shuffledOrder(count: number, rng: Rng): Int32Array {
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  for (let i = count - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const t = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = t;
  }
  return order;
}
