// Skill resolution against the seeded taxonomy: exact forms, labels without spaces, German and Dutch
// compounds, typos, and the ordinary words that must resolve to nothing; suggestions that fall back
// to compounds and typos when nothing starts with what was typed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../testing/test-runtime.js';
import { resolveSkills, suggestSkills } from './skill-taxonomy.js';

let t: TestRuntime;
beforeAll(async () => {
  t = await startTestRuntime();
});
afterAll(async () => t?.close());

const tagsFor = async (...candidates: string[]) => (await resolveSkills({ db: t.database.db, candidates })).map((s) => s.tag);

describe('resolveSkills', () => {
  it('resolves tags and aliases as before, with every alias of the skill', async () => {
    const [negotiation] = await resolveSkills({ db: t.database.db, candidates: ['verhandlungstechnik'] });
    expect(negotiation).toMatchObject({ tag: 'negotiation', via: 'verhandlungstechnik' });
    expect(negotiation!.aliases).toEqual(expect.arrayContaining(['verhandlungsführung', 'onderhandelen']));
    expect(await tagsFor('excel')).toEqual(['excel']);
  });

  it('reads a label without its spaces or hyphens', async () => {
    expect(await tagsFor('projectmanagement')).toEqual(['project-management']);
  });

  it.each([
    ['verhandlungstechniken', 'negotiation'],
    ['projektmanagementmethoden', 'project-management'],
    ['tabellenkalkulationsprogramm', 'excel'],
    ['projectmanagementervaring', 'project-management'],
  ])('splits the compound %s into %s', async (word, tag) => {
    const [skill] = await resolveSkills({ db: t.database.db, candidates: [word] });
    expect(skill).toMatchObject({ tag, via: word });
  });

  it.each([
    ['negotation', 'negotiation'],
    ['exel', 'excel'],
    ['kubernets', 'kubernetes'],
  ])('reads the typo %s as %s', async (word, tag) => {
    expect(await tagsFor(word)).toEqual([tag]);
  });

  it('leaves ordinary words of a question alone', async () => {
    const words =
      'how do i learn to reach the team with excellent documentation about our process wie kann ich hilfe mit der planung bekommen hoe kan ik de tabel per maand groeperen'.split(
        ' ',
      );
    expect(await tagsFor(...words)).toEqual([]);
  });

  it('keeps one entry per skill, named after the first candidate that found it', async () => {
    const skills = await resolveSkills({ db: t.database.db, candidates: ['tabellenkalkulation', 'exel', 'excel'] });
    expect(skills).toHaveLength(1);
    expect(skills[0]!.via).toBe('excel');
  });
});

describe('suggestSkills', () => {
  it('suggests by prefix first, then compounds and typos', async () => {
    const db = t.database.db;
    expect(await suggestSkills({ db, prefix: 'exel', language: 'de', limit: 5 })).toEqual([{ tag: 'excel', label: 'Excel', matched: 'excel' }]);
    expect(await suggestSkills({ db, prefix: 'Verhandlungstechniken', language: 'nl', limit: 5 })).toEqual([
      { tag: 'negotiation', label: 'Onderhandelen', matched: 'verhandlungstechnik' },
    ]);
    const byPrefix = await suggestSkills({ db, prefix: 'negot', language: 'en', limit: 5 });
    expect(byPrefix[0]).toMatchObject({ tag: 'negotiation' });
  });
});
