// The curated skills catalogue behind the demo organisation: canonical hashtags with en/de/nl labels,
// aliases in other languages, and the departments where each skill is common; plus hobby hashtags.
import { hashtagSchema, normaliseHashtag } from '../../../../shared/people.js';
import { BUSINESS_SKILL_BLOCKS } from './skills-rows-business.js';
import { CROSS_CUTTING_SKILL_BLOCKS } from './skills-rows-cross-cutting.js';
import { TECHNICAL_SKILL_BLOCKS } from './skills-rows-technical.js';

export type SkillLanguage = 'en' | 'de' | 'nl';

export type SkillEntry = {
  /** Canonical hashtag: lower-case, no `#`. */
  tag: string;
  labels: { en: string; de: string; nl: string };
  /** Other hashtags meaning the same skill: German and Dutch forms, ASCII spellings, synonyms. */
  aliases: string[];
  category: string;
  /** Departments where the skill is common; empty means it is found everywhere. */
  departments: string[];
};

/**
 * One catalogue line: tag, English, German and Dutch label, extra aliases (space-separated) and extra
 * departments on top of the block's. Aliases derived from the labels are added automatically.
 */
export type SkillRow = readonly [tag: string, en: string, de: string, nl: string, aliases?: string, departments?: readonly string[]];
export type SkillBlock = { category: string; departments: readonly string[]; rows: readonly SkillRow[] };

/**
 * A label as a hashtag (`"Pivot-Tabellen"` -> `"pivot-tabellen"`), or null when the label cannot be one
 * (`"C#"`, `"A/B testing"`).
 */
export function labelToHashtag(label: string): string | null {
  const parsed = hashtagSchema.safeParse(normaliseHashtag(label).replace(/-{2,}/g, '-'));
  return parsed.success ? parsed.data : null;
}

/**
 * The alias a German or Dutch speaker would most likely type for this skill (its label in that language
 * as a hashtag), or null when that is the canonical tag itself.
 *
 * @example localAliasOf(negotiation, 'de') // 'verhandlungsführung'
 */
export function localAliasOf(entry: SkillEntry, language: SkillLanguage): string | null {
  const alias = labelToHashtag(entry.labels[language]);
  return alias !== null && alias !== entry.tag && entry.aliases.includes(alias) ? alias : null;
}

const foldGerman = (s: string): string => s.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
const stripDiacritics = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '');

function buildEntry(block: SkillBlock, row: SkillRow): SkillEntry {
  const [tag, en, de, nl, extra = '', moreDepartments = []] = row;
  const fromLabels = [en, de, nl].map(labelToHashtag);
  const deTag = fromLabels[1] ?? null;
  const nlTag = fromLabels[2] ?? null;
  const candidates = [
    deTag,
    deTag && foldGerman(deTag),
    nlTag,
    nlTag && stripDiacritics(nlTag),
    fromLabels[0] ?? null,
    ...extra.split(' ').filter((a) => a.length > 0),
  ];
  const aliases = [...new Set(candidates)].filter((a): a is string => a !== null && a !== tag);
  return {
    tag,
    labels: { en, de, nl },
    aliases,
    category: block.category,
    departments: [...new Set([...block.departments, ...moreDepartments])],
  };
}

export const SKILLS: readonly SkillEntry[] = [...BUSINESS_SKILL_BLOCKS, ...TECHNICAL_SKILL_BLOCKS, ...CROSS_CUTTING_SKILL_BLOCKS].flatMap((block) =>
  block.rows.map((row) => buildEntry(block, row)),
);

/** Hobby hashtags as people write them in each language; a person mostly uses their own language's. */
export const INTERESTS_BY_LANGUAGE: Readonly<Record<SkillLanguage, readonly string[]>> = {
  en: [
    'cycling',
    'running',
    'hiking',
    'photography',
    'volunteering',
    'cooking',
    'gardening',
    'reading',
    'music',
    'football',
    'sailing',
    'yoga',
    'chess',
    'travel',
    'board-games',
    'climbing',
    'swimming',
    'baking',
    'podcasts',
    'gaming',
    'diy',
    'mindfulness',
    'theatre',
    'film',
    'tennis',
    'padel',
    'rugby',
    'gaelic-football',
    'pub-quiz',
    'birdwatching',
    'craft-beer',
    'coffee',
    'open-source',
    'dogs',
    'language-learning',
    'sustainability',
    'parenting',
    'skiing',
  ],
  de: [
    'radfahren',
    'laufen',
    'wandern',
    'fotografie',
    'ehrenamt',
    'kochen',
    'gärtnern',
    'lesen',
    'musik',
    'fußball',
    'segeln',
    'schach',
    'reisen',
    'brettspiele',
    'klettern',
    'schwimmen',
    'backen',
    'heimwerken',
    'nachhaltigkeit',
    'hunde',
    'skifahren',
    'theater',
    'kaffee',
    'sprachenlernen',
    'chor',
    'yoga',
    'handball',
  ],
  nl: [
    'fietsen',
    'hardlopen',
    'wandelen',
    'fotografie',
    'vrijwilligerswerk',
    'koken',
    'tuinieren',
    'lezen',
    'muziek',
    'voetbal',
    'zeilen',
    'schaken',
    'reizen',
    'bordspellen',
    'klimmen',
    'zwemmen',
    'bakken',
    'klussen',
    'duurzaamheid',
    'honden',
    'schaatsen',
    'hockey',
    'theater',
    'koffie',
    'talen-leren',
    'yoga',
    'korfbal',
  ],
};

/** Every interest hashtag the demo uses, in all three languages. */
export const INTERESTS: readonly string[] = [...new Set([...INTERESTS_BY_LANGUAGE.en, ...INTERESTS_BY_LANGUAGE.de, ...INTERESTS_BY_LANGUAGE.nl])];
