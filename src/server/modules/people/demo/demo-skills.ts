// Skills, learning goals, interests and spoken languages for a demo person, drawn from the catalogue
// so they mostly fit the person's department and function.
import { DEPARTMENTS } from './demo-departments.js';
import type { DemoLanguage } from './demo-locations.js';
import { type Rng, weightedPicker } from './demo-random.js';
import { INTERESTS_BY_LANGUAGE, SKILLS, type SkillEntry, localAliasOf } from './skills-catalogue.js';

const INDEX_BY_TAG = new Map(SKILLS.map((s, i) => [s.tag, i]));

function indicesOf(tags: readonly string[]): number[] {
  return tags.map((tag) => {
    const index = INDEX_BY_TAG.get(tag);
    if (index === undefined) throw new Error(`demo data names unknown skill "${tag}"`);
    return index;
  });
}

const BY_DEPARTMENT = DEPARTMENTS.map((d) => SKILLS.flatMap((s, i) => (s.departments.includes(d.name) ? [i] : [])));
const BY_FUNCTION = DEPARTMENTS.map((d) => d.functions.map((f) => indicesOf(f.skills)));
// Spoken languages become skills only through drawLanguages, so the two lists agree.
const CROSS = SKILLS.flatMap((s, i) => (s.departments.length === 0 && s.category !== 'languages' ? [i] : []));
const LANGUAGE_SKILL: Readonly<Record<string, string>> = {
  en: 'english',
  de: 'german',
  nl: 'dutch',
  fr: 'french',
  es: 'spanish',
  it: 'italian',
  pl: 'polish',
  tr: 'turkish',
  ar: 'arabic',
};
const POPULAR = indicesOf([
  'excel',
  'presentation',
  'project-management',
  'intercultural-communication',
  'powerpoint',
  'microsoft-teams',
  'data-analysis',
  'agile',
  'generative-ai',
  'linkedin',
  'stakeholder-management',
  'time-management',
  'storytelling',
  'prompt-engineering',
  'pivot-tables',
  'business-writing',
]);
const LEADERSHIP = indicesOf([
  'leadership',
  'people-management',
  'coaching',
  'change-management',
  'giving-feedback',
  'performance-reviews',
  'strategic-planning',
  'remote-leadership',
  'decision-making',
  'delegation',
]);
const GROWTH = indicesOf([
  'generative-ai',
  'prompt-engineering',
  'data-literacy',
  'power-bi',
  'public-speaking',
  'leadership',
  'storytelling',
  'sql',
  'python',
  'negotiation',
  'personal-branding',
  'linkedin',
  'coaching',
]);
const LOCAL_ALIAS = {
  de: SKILLS.map((s) => localAliasOf(s, 'de')),
  nl: SKILLS.map((s) => localAliasOf(s, 'nl')),
};
const SKILL_COUNT = weightedPicker([10, 15, 18, 17, 14, 11, 8, 7]);

/** Products, brands and methods that keep their capital letter inside an English or Dutch sentence. */
const PROPER_NOUNS = new Set([
  'salesforce',
  'zendesk',
  'freshdesk',
  'google-analytics',
  'adobe-creative-cloud',
  'canva',
  'python',
  'java',
  'kotlin',
  'golang',
  'rust',
  'react',
  'nodejs',
  'kubernetes',
  'docker',
  'terraform',
  'aws',
  'azure',
  'git',
  'figma',
  'workday',
  'servicenow',
  'microsoft-365',
  'active-directory',
  'windows-server',
  'excel',
  'excel-dashboards',
  'tableau',
  'google-sheets',
  'jira',
  'confluence',
  'ms-project',
  'miro',
  'asana',
  'scrum',
  'kanban',
  'six-sigma',
  'microsoft-copilot',
  'instagram',
  'microsoft-teams',
  'slack',
]);

/**
 * A skill's label as it reads inside a sentence: German nouns, languages, acronyms and brands keep
 * their capital; other English and Dutch labels start lower-case ("focus on negotiation").
 */
export function labelInSentence(entry: SkillEntry, language: DemoLanguage): string {
  return SENTENCE_LABELS.get(entry)?.[language] ?? sentenceCase(entry, language);
}

function sentenceCase(entry: SkillEntry, language: DemoLanguage): string {
  const label = entry.labels[language];
  const firstWord = label.split(/[\s-]/)[0] ?? label;
  const keep = language === 'de' || entry.category === 'languages' || PROPER_NOUNS.has(entry.tag) || /[A-Z].*[A-Z]/.test(firstWord);
  return keep ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

export type DrawnSkills = {
  /** Hashtags as the person wrote them: canonical tags, or sometimes their language's alias. */
  tags: string[];
  entries: SkillEntry[];
  owned: Set<number>;
};

/**
 * Three to ten skills: perhaps a foreign language the person speaks, some signature skills of the
 * function, leadership skills for leaders, the rest from the department (60%) or from everywhere (40%,
 * favouring common office skills).
 */
export function drawSkills(rng: Rng, p: { department: number; fn: number; language: DemoLanguage; isLeader: boolean; spoken: readonly string[] }): DrawnSkills {
  const k = 3 + SKILL_COUNT(rng);
  const owned = new Set<number>();
  const foreign = p.spoken.slice(1).flatMap((l) => INDEX_BY_TAG.get(LANGUAGE_SKILL[l] ?? '') ?? []);
  if (foreign.length > 0 && rng.chance(0.2)) owned.add(rng.pick(foreign));
  const signature = BY_FUNCTION[p.department]?.[p.fn] ?? [];
  const departmental = BY_DEPARTMENT[p.department] ?? LEADERSHIP;
  for (let n = signature.length > 0 ? rng.int(1, 3) : 0; n > 0; n--) owned.add(rng.pick(signature));
  if (p.isLeader && rng.chance(0.75)) owned.add(rng.pick(LEADERSHIP));
  for (let attempt = 0; owned.size < k && attempt < 60; attempt++) {
    const fromDepartment = rng.chance(0.6);
    owned.add(rng.pick(fromDepartment ? departmental : rng.chance(0.5) ? POPULAR : CROSS));
  }
  const entries: SkillEntry[] = [];
  const tags: string[] = [];
  for (const i of owned) {
    const entry = SKILLS[i];
    if (!entry) continue;
    entries.push(entry);
    const alias = p.language === 'en' ? null : (LOCAL_ALIAS[p.language][i] ?? null);
    tags.push(alias !== null && rng.chance(0.3) ? alias : entry.tag);
  }
  return { tags, entries, owned };
}

/** One to three canonical tags the person does not have yet: growth topics or department skills. */
export function drawLearningGoals(rng: Rng, department: number, owned: ReadonlySet<number>): SkillEntry[] {
  const wanted = rng.int(1, 3);
  const goals = new Set<number>();
  const departmental = BY_DEPARTMENT[department] ?? GROWTH;
  for (let attempt = 0; goals.size < wanted && attempt < 20; attempt++) {
    const i = rng.pick(rng.chance(0.5) ? GROWTH : departmental);
    if (!owned.has(i)) goals.add(i);
  }
  return [...goals].flatMap((i) => SKILLS[i] ?? []);
}

/** One to four hobbies, mostly as written in the person's language. */
export function drawInterests(rng: Rng, language: DemoLanguage): string[] {
  const wanted = rng.int(1, 4);
  const interests = new Set<string>();
  while (interests.size < wanted) {
    interests.add(rng.pick(INTERESTS_BY_LANGUAGE[rng.chance(0.75) ? language : 'en']));
  }
  return [...interests];
}

type Extra = readonly [language: string, chance: number];
const EXTRA_LANGUAGES: Record<DemoLanguage, readonly Extra[]> = {
  de: [
    ['en', 0.92],
    ['fr', 0.12],
    ['es', 0.07],
    ['nl', 0.04],
    ['it', 0.03],
    ['tr', 0.04],
    ['pl', 0.03],
    ['ru', 0.02],
  ],
  nl: [
    ['en', 0.97],
    ['de', 0.4],
    ['fr', 0.12],
    ['es', 0.05],
    ['tr', 0.03],
    ['ar', 0.03],
  ],
  en: [
    ['fr', 0.12],
    ['de', 0.08],
    ['es', 0.08],
    ['pl', 0.04],
    ['hi', 0.03],
    ['it', 0.03],
  ],
};

/** BCP 47 tags of the languages the person speaks, their working language first. */
export function drawLanguages(rng: Rng, language: DemoLanguage, country: string): string[] {
  const spoken: string[] = [language];
  for (const [extra, chance] of EXTRA_LANGUAGES[language]) if (rng.chance(chance)) spoken.push(extra);
  if (country === 'IE' && rng.chance(0.1)) spoken.push('ga');
  // English speakers posted to Germany or the Netherlands often pick up the local language.
  if (language === 'en' && (country === 'DE' || country === 'NL') && rng.chance(0.4)) {
    spoken.push(country === 'DE' ? 'de' : 'nl');
  }
  return [...new Set(spoken)];
}

const SENTENCE_LABELS = new Map(SKILLS.map((e) => [e, { en: sentenceCase(e, 'en'), de: sentenceCase(e, 'de'), nl: sentenceCase(e, 'nl') }]));
