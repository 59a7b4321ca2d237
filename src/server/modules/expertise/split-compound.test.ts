// Compound splitting against known skill forms: German and Dutch compounds with and without linking
// letters, inflected parts, and English derived words that must not be split.
import { describe, expect, it } from 'vitest';
import { compoundProbes, findCompoundParts } from './split-compound.js';

const known = new Set([
  'verhandlungstechnik',
  'verhandlungsführung',
  'projektmanagement',
  'projectmanagement',
  'management',
  'tabellenkalkulation',
  'excel',
  'react',
  'design',
  'datenanalyse',
]);

describe('findCompoundParts', () => {
  it.each([
    ['verhandlungstechniken', ['verhandlungstechnik']],
    ['projektmanagementmethoden', ['projektmanagement']],
    ['tabellenkalkulationsprogramm', ['tabellenkalkulation']],
    ['projectmanagementervaring', ['projectmanagement']],
    ['kundenverhandlungstechniken', ['verhandlungstechnik']],
    ['excelkurs', ['excel']],
    ['excelkenntnisse', ['excel']],
    ['datenanalysekurs', ['datenanalyse']],
    ['itprojektmanagement', ['management']],
    ['designteams', ['design']],
  ])('%s -> %j', (word, parts) => {
    expect(findCompoundParts(word, known)).toEqual(parts);
  });

  it('keeps two known parts of one compound, longest where they overlap', () => {
    expect(findCompoundParts('exceldatenanalyse', known)).toEqual(['excel', 'datenanalyse']);
    expect(findCompoundParts('Projektmanagementsoftware', known)).toEqual(['projektmanagement']);
  });

  it('does not split English derived words or leave stray letters', () => {
    for (const word of ['excellent', 'excellence', 'reactions', 'designable', 'excelx', 'xexcel', 'verhandlungstechnik', 'management']) {
      expect(findCompoundParts(word, known), word).toEqual([]);
    }
  });

  it('needs a head of at least four letters after the part, with or without a linking -s- or -en-', () => {
    expect(findCompoundParts('excelsap', known)).toEqual([]);
    expect(findCompoundParts('excelapp', known)).toEqual([]);
    expect(findCompoundParts('excelsapps', known)).toEqual(['excel']);
    expect(findCompoundParts('designenteam', known)).toEqual(['design']);
  });
});

describe('compoundProbes', () => {
  it('lists the substrings that could be parts, and nothing for short or whole words', () => {
    expect(compoundProbes('excel')).toEqual([]);
    expect(compoundProbes('excelkurs')).toContain('excel');
    expect(compoundProbes('excelkurs')).not.toContain('excelkurs');
    expect(compoundProbes('verhandlungstechniken')).toContain('verhandlungstechnik');
    expect(compoundProbes('x'.repeat(60))).toEqual([]);
  });

  it('stays small enough for one indexed lookup per question', () => {
    expect(compoundProbes('rindfleischetikettierungsueberwachungsaufgaben').length).toBeLessThan(1200);
  });
});
