// Skill-taxonomy administration through the HTTP API: the review of free-typed tags, approving,
// aliasing, ignoring, editing and merging skills (profiles and endorsements rewritten, idempotent),
// the audit, and the refusals (401, 403, 400 with pointers, 404, 409).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { bearer, signIn, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { importPeopleRows } from '../people/index.js';

let t: TestRuntime;
let admin: TestCaller;
let employee: TestCaller;

const people = [
  { external_id: 'S1', email: 's1@x.example', given_name: 'Anna', family_name: 'Exel', skills: ['exel', 'negotiation'], mentor_topics: ['ms-excel'] },
  { external_id: 'S2', email: 's2@x.example', given_name: 'Bert', family_name: 'Both', skills: ['ms-excel', 'excel'], learning_goals: ['exel'] },
  { external_id: 'S3', email: 's3@x.example', given_name: 'Cora', family_name: 'Kunde', skills: ['drohnenflug', 'excel'] },
  { external_id: 'S4', email: 's4@x.example', given_name: 'Dirk', family_name: 'Kunde', skills: ['drohnenflug', 'allerlei'] },
  { external_id: 'S5', email: 's5@x.example', given_name: 'Eva', family_name: 'Kunde', skills: ['drohnenflug'] },
];

const idOf = async (externalId: string) =>
  (await sql<{ id: number }>`SELECT id FROM people WHERE external_id = ${externalId}`.execute(t.database.db)).rows[0]!.id;
const profileOf = async (externalId: string) =>
  (
    await sql<{
      skills: string[];
      mentor_topics: string[];
      learning_goals: string[];
    }>`SELECT skills, mentor_topics, learning_goals FROM people WHERE external_id = ${externalId}`.execute(t.database.db)
  ).rows[0]!;
const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, caller = admin) =>
  t.app.inject({ method, url, headers: caller.headers, payload: payload as object | undefined });
const newTags = async () =>
  (await call('GET', '/api/v1/skills/new-tags')).json().new_tags as {
    tag: string;
    people: number;
    suggestion: string;
    suggested_skill: string | null;
    closest: { tag: string }[];
  }[];

beforeAll(async () => {
  t = await startTestRuntime();
  await importPeopleRows({ db: t.database.db, rows: people.map((value, i) => ({ line: i + 1, value })) });
  admin = await signIn(t, 'admin');
  employee = await bearer(t, 'employee');
});
afterAll(async () => t?.close());

describe('access', () => {
  it('answers 401 to strangers and 403 to roles without skills:manage', async () => {
    expect((await t.app.inject({ url: '/api/v1/skills' })).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/skills', undefined, employee)).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/skills/new-tags', undefined, await bearer(t, 'communicator'))).statusCode).toBe(403);
    expect((await call('POST', '/api/v1/skills/ms-excel/merge', { into: 'excel' }, employee)).statusCode).toBe(403);
    expect((await call('POST', '/api/v1/skills', { tag: 'x', labels: { en: 'x', de: 'x', nl: 'x' } }, employee)).statusCode).toBe(403);
  });
});

describe('taxonomy', () => {
  it('lists skills by tag with aliases, labels and how many people list them, searchable', async () => {
    const res = await call('GET', '/api/v1/skills?q=verhandlungs');
    expect(res.statusCode).toBe(200);
    const negotiation = res.json().skills.find((s: { tag: string }) => s.tag === 'negotiation');
    expect(negotiation).toMatchObject({ labels: { en: 'Negotiation', de: 'Verhandlungsführung', nl: 'Onderhandelen' }, people: 1 });
    expect(negotiation.aliases).toContain('verhandlungstechnik');
    const page = await call('GET', '/api/v1/skills?limit=2');
    expect(page.json().skills).toHaveLength(2);
    const next = await call('GET', `/api/v1/skills?limit=2&cursor=${encodeURIComponent(page.json().next_cursor)}`);
    expect(next.json().skills[0].tag > page.json().skills[1].tag).toBe(true);
  });

  it('edits labels and the alias list, refusing aliases another skill owns', async () => {
    const res = await call('PATCH', '/api/v1/skills/negotiation', {
      labels: { en: 'Negotiation', de: 'Verhandlungsführung', nl: 'Onderhandelen' },
      aliases: ['verhandlungstechnik', 'verhandeln'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().aliases).toEqual(['verhandeln', 'verhandlungstechnik']);
    const taken = await call('PATCH', '/api/v1/skills/negotiation', { aliases: ['verhandeln', 'tabellenkalkulation'] });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors).toEqual([expect.objectContaining({ pointer: '/aliases/1', message: expect.stringMatching(/alias of #excel/) })]);
    const bad = await call('PATCH', '/api/v1/skills/negotiation', { labels: { en: 'Negotiation', de: '', nl: 'Onderhandelen' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].pointer).toBe('/labels/de');
    expect((await call('PATCH', '/api/v1/skills/no-such-skill', { aliases: [] })).statusCode).toBe(404);
  });
});

describe('new tags', () => {
  it('lists free-typed tags most used first, with the closest skills and a suggested action', async () => {
    const tags = await newTags();
    expect(tags.map((n) => n.tag)).toEqual(['drohnenflug', 'exel', 'ms-excel', 'allerlei']);
    expect(tags[0]).toMatchObject({ people: 3, suggestion: 'approve', suggested_skill: null });
    expect(tags[1]).toMatchObject({ people: 2, suggestion: 'alias', suggested_skill: 'excel' });
    expect(tags[2]!.closest.map((c) => c.tag)).toContain('excel');
    expect(tags[3]).toMatchObject({ people: 1, suggestion: 'ignore' });
  });

  it('approves a tag as a skill with labels and aliases; twice is a conflict; bad input names the field', async () => {
    const res = await call('POST', '/api/v1/skills', {
      tag: '#Drohnenflug',
      labels: { en: 'Drone piloting', de: 'Drohnenflug', nl: 'Drones vliegen' },
      aliases: ['drones-vliegen', 'drone-piloting'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ tag: 'drohnenflug', aliases: ['drone-piloting', 'drones-vliegen'], people: 3 });
    const again = await call('POST', '/api/v1/skills', { tag: 'drohnenflug', labels: { en: 'a', de: 'b', nl: 'c' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].pointer).toBe('/tag');
    const missing = await call('POST', '/api/v1/skills', { tag: 'okr', labels: { en: 'OKR', nl: 'OKR' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].pointer).toBe('/labels/de');
    expect((await call('POST', '/api/v1/skills', { tag: 'no spaces!', labels: { en: 'a', de: 'b', nl: 'c' } })).json().errors[0].pointer).toBe('/tag');
    expect((await newTags()).map((n) => n.tag)).not.toContain('drohnenflug');
    expect((await call('GET', '/api/v1/skills/suggest?q=drones&lang=nl')).json().suggestions[0]).toMatchObject({ tag: 'drohnenflug', label: 'Drones vliegen' });
  });

  it('makes a typo an alias of a skill and replaces it on profiles when asked', async () => {
    const res = await call('POST', '/api/v1/skills/new-tags/exel/alias', { skill: 'excel', rewrite_profiles: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().aliases).toContain('exel');
    expect((await profileOf('S1')).skills).toEqual(['excel', 'negotiation']);
    expect((await profileOf('S2')).learning_goals).toEqual(['excel']);
    expect((await call('POST', '/api/v1/skills/new-tags/exel/alias', { skill: 'excel' })).statusCode).toBe(200);
    expect((await call('POST', '/api/v1/skills/new-tags/exel/alias', { skill: 'negotiation' })).statusCode).toBe(409);
    expect((await call('POST', '/api/v1/skills/new-tags/zzz/alias', { skill: 'no-such-skill' })).statusCode).toBe(404);
    expect((await call('POST', '/api/v1/skills/new-tags/zzz/alias', { skill: 'excel', rewrite_profiles: 'yes' })).json().errors[0].pointer).toBe(
      '/rewrite_profiles',
    );
  });

  it('ignores a tag: it leaves the review list and stays on profiles', async () => {
    const res = await call('POST', '/api/v1/skills/new-tags/allerlei/ignore', {});
    expect(res.statusCode).toBe(204);
    expect((await newTags()).map((n) => n.tag)).toEqual(['ms-excel']);
    expect((await profileOf('S4')).skills).toContain('allerlei');
    expect((await call('POST', '/api/v1/skills/new-tags/excel/ignore', {})).statusCode).toBe(409);
  });
});

describe('merge', () => {
  beforeAll(async () => {
    const [s1, s2, s3] = [await idOf('S1'), await idOf('S2'), await idOf('S3')];
    await sql`INSERT INTO endorsements (person_id, skill, endorser_id) VALUES (${s2}, 'ms-excel', ${s1}), (${s2}, 'ms-excel', ${s3}), (${s2}, 'excel', ${s1})`.execute(
      t.database.db,
    );
    expect(
      (await call('POST', '/api/v1/skills', { tag: 'ms-excel', labels: { en: 'MS Excel', de: 'MS Excel', nl: 'MS Excel' }, aliases: ['msexcel'] })).statusCode,
    ).toBe(201);
  });

  it('moves tag and aliases to the target and rewrites profiles and endorsements, de-duplicated', async () => {
    const res = await call('POST', '/api/v1/skills/ms-excel/merge', { into: 'excel' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ profiles_rewritten: 2, endorsements_rewritten: 2, skill: { tag: 'excel' } });
    expect(res.json().skill.aliases).toEqual(expect.arrayContaining(['ms-excel', 'msexcel', 'exel']));
    expect((await profileOf('S2')).skills).toEqual(['excel']);
    expect((await profileOf('S1')).mentor_topics).toEqual(['excel']);
    const endorsements = await sql<{
      skill: string;
      n: number;
    }>`SELECT skill, count(*)::int AS n FROM endorsements WHERE person_id = ${await idOf('S2')} GROUP BY skill`.execute(t.database.db);
    expect(endorsements.rows).toEqual([{ skill: 'excel', n: 2 }]);
    expect((await call('GET', '/api/v1/skills?q=ms-excel')).json().skills.map((s: { tag: string }) => s.tag)).toEqual(['excel']);
    const search = await call('GET', '/api/v1/experts?q=ms-excel');
    expect(search.json().results.map((r: { person: { external_id: string } }) => r.person.external_id)).toEqual(expect.arrayContaining(['S1', 'S2', 'S3']));
  });

  it('is idempotent: merging again changes nothing and answers the same skill', async () => {
    const res = await call('POST', '/api/v1/skills/ms-excel/merge', { into: 'excel' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ profiles_rewritten: 0, endorsements_rewritten: 0, skill: { tag: 'excel' } });
  });

  it('refuses merging into itself (400 at /into), unknown skills (404), and repeats into another skill', async () => {
    const self = await call('POST', '/api/v1/skills/excel/merge', { into: 'excel' });
    expect(self.statusCode).toBe(400);
    expect(self.json().errors[0].pointer).toBe('/into');
    expect((await call('POST', '/api/v1/skills/no-such-skill/merge', { into: 'excel' })).statusCode).toBe(404);
    const into = await call('POST', '/api/v1/skills/negotiation/merge', { into: 'no-such-skill' });
    expect(into.statusCode).toBe(404);
    expect(into.json().errors[0].pointer).toBe('/into');
    expect((await call('POST', '/api/v1/skills/ms-excel/merge', { into: 'negotiation' })).statusCode).toBe(404);
    expect((await call('POST', '/api/v1/skills/negotiation/merge', {})).json().errors[0].pointer).toBe('/into');
  });

  it('records who did what and when', async () => {
    const res = await call('GET', '/api/v1/skills/audit?tag=ms-excel');
    const entries = res.json().entries as { action: string; tag: string; target: string | null; actor: { kind: string; name: string }; created_at: string }[];
    expect(entries.map((e) => e.action)).toEqual(['merge', 'approve']);
    expect(entries[0]).toMatchObject({ tag: 'ms-excel', target: 'excel', actor: { kind: 'user', name: expect.stringMatching(/^admin-/) } });
    expect(Date.parse(entries[0]!.created_at)).not.toBeNaN();
    const all = (await call('GET', '/api/v1/skills/audit')).json().entries.map((e: { action: string }) => e.action);
    expect(all).toEqual(expect.arrayContaining(['edit', 'approve', 'alias', 'ignore', 'merge']));
  });
});
