// Job titles of demo people in their own language, as German and Dutch companies write them: the
// German form follows the person's gender ("Teamleiterin Vertrieb"), Dutch titles are neutral
// ("Teamleider Binnendienst"), and both keep the English words such companies use (Junior, Senior,
// Product Owner).
import type { DemoDepartment, DemoFunction, Local } from './demo-departments.js';
import type { DemoLanguage } from './demo-locations.js';

export type Gender = 'female' | 'male';

const INDEX: Record<DemoLanguage, 0 | 1 | 2> = { en: 0, de: 1, nl: 2 };

/** One of `masculine|feminine` by gender; a text without `|` is the same for everyone. */
function gendered(text: string, gender: Gender): string {
  const [masculine, feminine] = text.split('|');
  return gender === 'female' && feminine !== undefined ? feminine : masculine!;
}

/** A name or title in `language`, in the person's grammatical gender. */
export function localTitle(local: Local, language: DemoLanguage, gender: Gender): string {
  return gendered(local[INDEX[language]], gender);
}

/** The name of a function (or, without one, of its department) in `language`. */
export function areaName(department: DemoDepartment, fn: DemoFunction | undefined, language: DemoLanguage): string {
  const unit = fn ?? department;
  return language === 'en' ? unit.name : unit[language];
}

/** Titles built around the area a person works in, per language (`{area}` is filled in). */
const PATTERNS = {
  ceo: ['Chief Executive Officer', 'Geschäftsführer|Geschäftsführerin', 'Algemeen directeur'],
  head: ['Head of {area}', 'Leiter {area}|Leiterin {area}', 'Hoofd {area}'],
  groupLead: ['Group Lead {area}', 'Gruppenleiter {area}|Gruppenleiterin {area}', 'Groepsleider {area}'],
  teamLead: ['Team Lead {area}', 'Teamleiter {area}|Teamleiterin {area}', 'Teamleider {area}'],
  advisor: ['Senior Advisor', 'Berater der Geschäftsführung|Beraterin der Geschäftsführung', 'Senior adviseur'],
  specialist: ['{area} Specialist', 'Referent {area}|Referentin {area}', 'Specialist {area}'],
  trainee: ['Trainee {area}', 'Auszubildender {area}|Auszubildende {area}', 'Stagiair {area}'],
} as const satisfies Record<string, Local>;

export type TitlePattern = keyof typeof PATTERNS;

/**
 * A title from a pattern, with the area named in the same language.
 * @example patternTitle('teamLead', 'Vertrieb', 'de', 'female') // 'Teamleiterin Vertrieb'
 */
export function patternTitle(pattern: TitlePattern, area: string, language: DemoLanguage, gender: Gender): string {
  return localTitle(PATTERNS[pattern], language, gender).replace('{area}', area);
}
