// Tests for the demo organisation generator: determinism, contract validity, a sound org tree, the
// workforce mix the demo promises, and the skills catalogue it draws from.
import { describe, expect, it } from 'vitest';
import { type PersonInput, hashtagSchema, personInputSchema } from '../../../../shared/people.js';
import { DEPARTMENTS, EXECUTIVE_OFFICE } from './demo-departments.js';
import { demoFieldLabels } from './demo-field-labels.js';
import { generateDemoPeople, iterateDemoPeople } from './generate-demo-people.js';
import { INTERESTS, SKILLS, localAliasOf } from './skills-catalogue.js';

const ORG = generateDemoPeople({ count: 2000 });

function generationOf(year: number): string {
  if (year <= 1945) return 'silent';
  if (year <= 1964) return 'boomer';
  if (year <= 1980) return 'gen_x';
  if (year <= 1996) return 'millennial';
  if (year <= 2012) return 'gen_z';
  return 'gen_alpha';
}

/** Direct-report counts by external_id, and the problems found in the tree. */
function inspectTree(people: readonly PersonInput[]) {
  const byId = new Map(people.map((p) => [p.external_id, p]));
  const spans = new Map<string, number>();
  const roots = people.filter((p) => !p.manager);
  const unresolved = people.filter((p) => p.manager && !byId.has(p.manager));
  for (const p of people) if (p.manager) spans.set(p.manager, (spans.get(p.manager) ?? 0) + 1);
  // Walk up from everyone; a path longer than the organisation means a cycle.
  const cyclic = people.filter((p) => {
    let current: PersonInput | undefined = p;
    for (let steps = 0; current?.manager; steps++) {
      if (steps > people.length) return true;
      current = byId.get(current.manager);
    }
    return false;
  });
  return { byId, spans, roots, unresolved, cyclic };
}

describe('generateDemoPeople', () => {
  it('gives the same people for the same options and others for another seed', () => {
    const a = generateDemoPeople({ count: 400, seed: 11 });
    expect(generateDemoPeople({ count: 400, seed: 11 })).toEqual(a);
    expect(generateDemoPeople({ count: 400, seed: 12 })).not.toEqual(a);
    expect([...iterateDemoPeople({ count: 400, seed: 11 })]).toEqual(a);
  });

  it('produces rows that all parse with the Person contract', () => {
    const failures = ORG.flatMap((p) => {
      const result = personInputSchema.safeParse(p);
      return result.success ? [] : [{ id: p.external_id, issues: result.error.issues }];
    });
    expect(failures).toEqual([]);
  });

  it('uses unique external ids and unique ASCII e-mails on the demo domain', () => {
    expect(new Set(ORG.map((p) => p.external_id)).size).toBe(ORG.length);
    expect(new Set(ORG.map((p) => p.email)).size).toBe(ORG.length);
    expect(ORG[0]?.external_id).toBe('E000001');
    for (const p of ORG) expect(p.email).toMatch(/^[a-z0-9.-]+@resonance-demo\.example$/);
  });

  it('spells every name properly (no text decoded with the wrong charset)', () => {
    const garbled = generateDemoPeople({ count: 300, seed: 42 }).filter((p) => /[\u0080-\u009f]|Ã/.test(`${p.given_name} ${p.family_name}`));
    expect(garbled.map((p) => p.given_name)).toEqual([]);
  });

  it('builds one tree: a single root, resolvable managers, no cycles', () => {
    const { roots, unresolved, cyclic } = inspectTree(ORG);
    expect(roots.map((p) => p.job_title)).toEqual([expect.stringMatching(/^(Chief Executive Officer|Geschäftsführer(in)?|Algemeen directeur)$/)]);
    expect(unresolved).toEqual([]);
    expect(cyclic).toEqual([]);
  });

  it('lists some managers after their reports', () => {
    const position = new Map(ORG.map((p, i) => [p.external_id, i]));
    const forward = ORG.filter((p, i) => p.manager && (position.get(p.manager) ?? -1) > i);
    expect(forward.length).toBeGreaterThan(100);
  });

  it.each([50, 61, 133, 144, 500, 2000, 7777])('keeps every span between 4 and 10 at %i people', (count) => {
    const people = count === 2000 ? ORG : generateDemoPeople({ count, seed: count });
    const { spans } = inspectTree(people);
    const outside = [...spans].filter(([, n]) => n < 4 || n > 10);
    expect(outside).toEqual([]);
  });

  it('sets job levels from the tree and keeps most teams inside one department', () => {
    const { byId, spans } = inspectTree(ORG);
    const executives = ORG.filter((p) => p.job_level === 'executive');
    expect(executives).toHaveLength(13);
    for (const p of ORG) {
      if (p.job_level === 'individual') expect(spans.has(p.external_id)).toBe(false);
      if (p.job_level === 'manager') expect(spans.has(p.external_id)).toBe(true);
    }
    const withManager = ORG.filter((p) => p.manager);
    const sameDepartment = withManager.filter((p) => byId.get(p.manager ?? '')?.department === p.department);
    expect(sameDepartment.length / withManager.length).toBeGreaterThan(0.95);
    const departments = new Set(ORG.map((p) => p.department));
    expect(departments).toEqual(new Set([...DEPARTMENTS.map((d) => d.name), EXECUTIVE_OFFICE.name]));
  });

  it('gives German and Dutch staff job titles in their language, German ones by gender', () => {
    const strip = (title: string) => title.replace(/^(Junior|Senior) /, '');
    const forms = DEPARTMENTS.flatMap((d) => [d.headTitle, ...d.functions.flatMap((f) => f.titles)]);
    const localOnly = (i: 1 | 2) => new Set(forms.filter((f) => !f[i].split('|').includes(f[0])).map((f) => f[0]));
    const titlesOf = (language: string) => ORG.filter((p) => p.language === language).map((p) => p.job_title ?? '');
    const english = /\b(Head of|Team Lead|Group Lead|Trainee|Senior Advisor|Chief Executive Officer)\b/;
    for (const [language, index] of [
      ['de', 1],
      ['nl', 2],
    ] as const) {
      const titles = titlesOf(language);
      expect(titles.length).toBeGreaterThan(400);
      expect(titles.filter((t) => english.test(t) || localOnly(index).has(strip(t)))).toEqual([]);
    }
    const german = titlesOf('de');
    expect(german.some((t) => /^Teamleiterin /.test(t))).toBe(true);
    expect(german.some((t) => /^Teamleiter /.test(t))).toBe(true);
    expect(titlesOf('nl').some((t) => /^Teamleider /.test(t))).toBe(true);
    expect(titlesOf('en').filter((t) => /Teamleiter|Teamleider|Leiterin|Hoofd /.test(t))).toEqual([]);
  });

  it('keeps department and function names as English keys, each labelled in German and Dutch', () => {
    const labels = demoFieldLabels();
    const labelOf = (field: string, value: string) => labels.find((l) => l.field === field && l.value === value)?.labels;
    for (const field of ['department', 'function'] as const) {
      for (const value of new Set(ORG.map((p) => p[field] ?? ''))) {
        const l = labelOf(field, value);
        expect(l, `${field} ${value}`).toBeDefined();
        expect(l?.de && l.nl && l.en === value, `${field} ${value}`).toBeTruthy();
      }
    }
    expect(labelOf('department', 'Sales')).toEqual({ en: 'Sales', de: 'Vertrieb', nl: 'Verkoop' });
    expect(labelOf('department', 'Human Resources')).toEqual({ en: 'Human Resources', de: 'Personalabteilung', nl: 'Personeelszaken' });
    for (const key of Object.keys(ORG[0]?.attributes ?? {})) expect(labelOf(`attributes.${key}`, ''), key).toBeDefined();
  });

  it('has every generation from silent to gen_z, and xennials', () => {
    const generations = new Set(ORG.map((p) => generationOf(p.birth_year ?? 0)));
    for (const g of ['silent', 'boomer', 'gen_x', 'millennial', 'gen_z']) expect(generations).toContain(g);
    expect(ORG.some((p) => (p.birth_year ?? 0) >= 1977 && (p.birth_year ?? 0) <= 1983)).toBe(true);
    expect(generateDemoPeople({ count: 500, seed: 3 }).some((p) => (p.birth_year ?? 9999) <= 1945)).toBe(true);
  });

  it('keeps dates consistent with asOf and with age', () => {
    const asOf = '2026-06-30';
    let recent = 0;
    for (const p of ORG) {
      const hire = p.hire_date ?? '';
      const hireYear = Number(hire.slice(0, 4));
      expect(hire <= asOf).toBe(true);
      expect(hireYear - (p.birth_year ?? 0)).toBeGreaterThanOrEqual(18);
      if (p.career_start_year != null) expect(p.career_start_year).toBeLessThanOrEqual(hireYear);
      if (Date.parse(asOf) - Date.parse(hire) < 90 * 86_400_000) recent++;
    }
    expect(recent).toBeGreaterThan(20);
    expect(ORG.some((p) => p.career_start_year === null)).toBe(true);
    const older = generateDemoPeople({ count: 300, asOf: '2019-03-01' });
    expect(older.every((p) => (p.hire_date ?? '') <= '2019-03-01')).toBe(true);
  });

  it('mixes countries roughly 45% DE, 35% NL, 20% UK and Ireland', () => {
    const share = (countries: string[]) => ORG.filter((p) => countries.includes(p.country ?? '')).length / ORG.length;
    expect(share(['DE'])).toBeGreaterThan(0.35);
    expect(share(['DE'])).toBeLessThan(0.55);
    expect(share(['NL'])).toBeGreaterThan(0.25);
    expect(share(['NL'])).toBeLessThan(0.45);
    expect(share(['GB', 'IE'])).toBeGreaterThan(0.12);
    expect(share(['GB', 'IE'])).toBeLessThan(0.28);
  });

  it('gives profile lists of the promised sizes, with mentor topics taken from the skills', () => {
    for (const p of ORG) {
      const skills = p.skills ?? [];
      expect(skills.length).toBeGreaterThanOrEqual(3);
      expect(skills.length).toBeLessThanOrEqual(10);
      expect(p.interests?.length).toBeGreaterThanOrEqual(1);
      expect(p.interests?.length).toBeLessThanOrEqual(4);
      expect(p.learning_goals?.length).toBeGreaterThanOrEqual(1);
      for (const topic of p.mentor_topics ?? []) expect(skills).toContain(topic);
    }
    const share = (f: (p: PersonInput) => boolean) => ORG.filter(f).length / ORG.length;
    expect(share((p) => (p.mentor_topics ?? []).length > 0)).toBeGreaterThan(0.12);
    expect(share((p) => (p.mentor_topics ?? []).length > 0)).toBeLessThan(0.3);
    expect(share((p) => p.status === 'inactive')).toBeLessThan(0.05);
    expect(share((p) => p.status === 'inactive')).toBeGreaterThan(0.005);
  });

  it('lets some German speakers use German alias tags', () => {
    const germanAliases = new Set(SKILLS.flatMap((s) => localAliasOf(s, 'de') ?? []));
    const german = ORG.filter((p) => p.language === 'de');
    const withAlias = german.filter((p) => (p.skills ?? []).some((t) => germanAliases.has(t)));
    expect(withAlias.length).toBeGreaterThan(german.length / 10);
  });

  it('handles tiny organisations and rejects bad options', () => {
    expect(generateDemoPeople({ count: 0 })).toEqual([]);
    for (const count of [1, 2, 5, 13, 49]) {
      const people = generateDemoPeople({ count });
      const { roots, unresolved, cyclic } = inspectTree(people);
      expect(people).toHaveLength(count);
      expect(roots).toHaveLength(1);
      expect(unresolved.concat(cyclic)).toEqual([]);
    }
    expect(() => generateDemoPeople({ count: -1 })).toThrow(RangeError);
    expect(() => generateDemoPeople({ count: 10, asOf: '2026-02-30' })).toThrow(RangeError);
  });

  it('streams exactly the rows the array version returns', () => {
    const streamed = [...iterateDemoPeople({ count: 300, seed: 5 })];
    expect(streamed).toEqual(generateDemoPeople({ count: 300, seed: 5 }));
  });
});

describe('skills catalogue', () => {
  it('has at least 200 distinct, valid tags with labels in en, de and nl', () => {
    const tags = SKILLS.map((s) => s.tag);
    expect(new Set(tags).size).toBe(tags.length);
    expect(tags.length).toBeGreaterThanOrEqual(220);
    for (const s of SKILLS) {
      expect(hashtagSchema.parse(s.tag)).toBe(s.tag);
      expect(s.labels.en.trim()).not.toBe('');
      expect(s.labels.de.trim()).not.toBe('');
      expect(s.labels.nl.trim()).not.toBe('');
    }
  });

  it('has valid aliases that each point to exactly one skill', () => {
    const tags = new Set(SKILLS.map((s) => s.tag));
    const seen = new Set<string>();
    for (const s of SKILLS) {
      for (const alias of s.aliases) {
        expect(hashtagSchema.parse(alias)).toBe(alias);
        expect(tags.has(alias), `${alias} is also a tag`).toBe(false);
        expect(seen.has(alias), `${alias} belongs to two skills`).toBe(false);
        seen.add(alias);
      }
    }
    const negotiation = SKILLS.find((s) => s.tag === 'negotiation');
    expect(negotiation?.aliases).toEqual(expect.arrayContaining(['verhandlungstechnik', 'verhandlungsführung', 'onderhandelen']));
    const excel = SKILLS.find((s) => s.tag === 'excel');
    expect(excel?.aliases).toEqual(expect.arrayContaining(['tabellenkalkulation', 'spreadsheets', 'rekenbladen']));
  });

  it('covers every department with at least a dozen skills, and only known departments', () => {
    const known = new Set(DEPARTMENTS.map((d) => d.name));
    for (const s of SKILLS) for (const d of s.departments) expect(known).toContain(d);
    for (const d of DEPARTMENTS) {
      expect(SKILLS.filter((s) => s.departments.includes(d.name)).length).toBeGreaterThanOrEqual(12);
    }
  });

  it('offers at least 40 distinct, valid interests', () => {
    expect(new Set(INTERESTS).size).toBe(INTERESTS.length);
    expect(INTERESTS.length).toBeGreaterThanOrEqual(40);
    for (const i of INTERESTS) expect(hashtagSchema.parse(i)).toBe(i);
  });
});
