// One register per language, held by test: Dutch speaks to the reader as "u", German as "Sie", as
// business software for employees of Dutch and German companies does. A text that slips into "je" or
// "du" fails here, whoever adds it.
import { describe, expect, it } from 'vitest';
import de from './de.json';
import nl from './nl.json';

type Tree = { [key: string]: string | Tree };

function texts(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value]] : texts(value, `${prefix}${key}.`)));
}

/** Whole words only ("beheerder" holds no "je"); letters beyond ASCII count as word characters too. */
const words = (list: string[], flags = 'iu') => new RegExp(`(?<![\\p{L}\\p{N}])(${list.join('|')})(?![\\p{L}\\p{N}])`, flags);

/** The informal Dutch pronouns: je, jij, jou, jouw, jullie and their reflexive forms. */
const INFORMAL_DUTCH = words(['je', 'jij', 'jou', 'jouw', 'jouwe', 'jullie', 'jezelf', 'jijzelf']);
/** The informal German pronouns (du, dich, dir, dein…; plural euch, euer). Lower-case "ihr" is also "her", so it is left out. */
const INFORMAL_GERMAN = words([
  'du',
  'dich',
  'dir',
  'dein',
  'deine',
  'deinem',
  'deinen',
  'deiner',
  'deines',
  'euch',
  'euer',
  'eure',
  'euren',
  'eurem',
  'eurer',
]);

const offending = (tree: Tree, pattern: RegExp) => texts(tree, '').filter(([, text]) => pattern.test(text));

describe('the register of the translations', () => {
  it('addresses the Dutch reader as "u" throughout', () => {
    expect(offending(nl as Tree, INFORMAL_DUTCH)).toEqual([]);
    expect(texts(nl as Tree).some(([, text]) => /\b(u|uw)\b/.test(text))).toBe(true);
  });

  it('addresses the German reader as "Sie" throughout', () => {
    expect(offending(de as Tree, INFORMAL_GERMAN)).toEqual([]);
    expect(texts(de as Tree).some(([, text]) => /\b(Sie|Ihre?[mnrs]?)\b/.test(text))).toBe(true);
  });

  it('would notice a text in the other register', () => {
    expect(INFORMAL_DUTCH.test('Controleer je verbinding')).toBe(true);
    expect(INFORMAL_DUTCH.test('Jouw profiel')).toBe(true);
    expect(INFORMAL_DUTCH.test('Vraag een beheerder om hulp')).toBe(false);
    expect(INFORMAL_GERMAN.test('Prüfe deine Verbindung')).toBe(true);
    expect(INFORMAL_GERMAN.test('Die Person und ihr Team, dirigiert von duplizierten Daten')).toBe(false);
  });
});
