// Names for demo people from the matching Faker locale (German, Dutch, British, Irish), and the
// ASCII e-mail addresses derived from them.
import { Faker, base, de, en, en_GB, en_IE, nl } from '@faker-js/faker';
import { deriveSeed } from './demo-random.js';

export type NameLocale = 'de' | 'nl' | 'en_GB' | 'en_IE';
export type Sex = 'female' | 'male';
export type NameSource = (locale: NameLocale, sex: Sex) => { given: string; family: string };

export const DEMO_EMAIL_DOMAIN = 'resonance-demo.example';

/** Names Faker's data holds garbled (its Dutch list has "Ã\u0096mer", UTF-8 read as Latin-1, for "Ömer"). */
const GARBLED: Record<string, string> = { '\u00c3\u0096mer': 'Ömer' };

/**
 * One seeded Faker per locale. Calls must come in the same order to give the same names, which the
 * generator guarantees by drawing names in output order.
 */
export function createNameSource(seed: number): NameSource {
  const fakers: Record<NameLocale, Faker> = {
    de: new Faker({ locale: [de, base] }),
    nl: new Faker({ locale: [nl, base] }),
    en_GB: new Faker({ locale: [en_GB, en, base] }),
    en_IE: new Faker({ locale: [en_IE, en, base] }),
  };
  Object.values(fakers).forEach((faker, i) => faker.seed(deriveSeed(seed, 100 + i)));
  return (locale, sex) => {
    const faker = fakers[locale];
    const given = faker.person.firstName(sex);
    return { given: GARBLED[given] ?? given, family: faker.person.lastName() };
  };
}

/**
 * The ASCII form of a name for an address: umlauts spelled out, other accents dropped, spaces and
 * apostrophes removed.
 *
 * @example asciiName('Jürgen') // 'juergen'; asciiName('van der Heijden') // 'vanderheijden'
 */
export function asciiName(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .normalize('NFD')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
}

/** Hands out `given.family@domain`, then `given.family2@domain` and so on for namesakes. */
export function createEmailAllocator(): (given: string, family: string) => string {
  const seen = new Map<string, number>();
  return (given, family) => {
    const local = [asciiName(given), asciiName(family)].filter((p) => p.length > 0).join('.') || 'colleague';
    const n = (seen.get(local) ?? 0) + 1;
    seen.set(local, n);
    return `${n === 1 ? local : `${local}${n}`}@${DEMO_EMAIL_DOMAIN}`;
  };
}
