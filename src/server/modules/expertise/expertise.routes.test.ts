// Expertise through the HTTP API: importing contributions (bad lines reported, authors resolved,
// language detected, upserts), and expert search ranking with reasons, for any signed-in caller.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { bearer, signIn, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { importPeopleRows } from '../people/index.js';
import { detectLanguage } from './index.js';

let t: TestRuntime;
let admin: TestCaller;

const people = [
  { external_id: 'P1', email: 'petra@x.example', given_name: 'Petra', family_name: 'Pivot', skills: ['excel', 'pivot-tables'], language: 'de' },
  { external_id: 'P2', email: 'noah@x.example', given_name: 'Noah', family_name: 'Net', skills: ['kubernetes'] },
  { external_id: 'P3', email: 'vera@x.example', given_name: 'Vera', family_name: 'Verhandlung', skills: ['negotiation'], language: 'de' },
  { external_id: 'P4', email: 'jan@x.example', given_name: 'Jan', family_name: 'Jansen', skills: ['verhandlungsführung'], language: 'nl' },
  {
    external_id: 'P5',
    email: 'greta@x.example',
    given_name: 'Greta',
    family_name: 'Grün',
    language: 'de',
    can_help_with: 'Fragen zu Lieferketten und Zollformalitäten',
  },
];

const contributions = [
  {
    external_id: 'C1',
    person: 'P1',
    kind: 'answer',
    title: 'How do I build pivot tables from a CSV export?',
    body: 'Use a pivot table with the date as rows and group by month.',
    tags: ['excel'],
    created_at: '2026-05-01',
    accepted: true,
    score: 4,
  },
  {
    external_id: 'C2',
    person: 'noah@x.example',
    kind: 'answer',
    title: 'Restarting pods in a deployment',
    body: 'kubectl rollout restart deployment my-app restarts all pods.',
    tags: ['kubernetes'],
    created_at: '2026-05-02',
    score: 2,
  },
  {
    external_id: 'C3',
    person: 'P3',
    kind: 'document',
    title: 'Verhandlungstechnik für Einkäufer',
    body: 'Die wichtigsten Techniken für Verhandlungen mit Lieferanten und wie man sie vorbereitet.',
    tags: ['negotiation'],
    created_at: '2026-04-01',
  },
];

const importLines = (lines: unknown[], caller = admin) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/contributions/import',
    headers: { ...caller.headers, 'content-type': 'application/x-ndjson' },
    payload: lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n'),
  });

beforeAll(async () => {
  t = await startTestRuntime();
  await importPeopleRows({ db: t.database.db, rows: people.map((value, i) => ({ line: i + 1, value })) });
  admin = await bearer(t, 'admin');
});
afterAll(async () => t?.close());

describe('contributions import', () => {
  it('imports good lines, reports bad ones with line and field, and detects the language', async () => {
    const res = await importLines([
      ...contributions,
      '{not json',
      { ...contributions[0], external_id: 'C9', person: 'nobody' },
      { ...contributions[0], external_id: 'C10', kind: 'tweet' },
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: 6, created: 3, rejected: 3 });
    expect(res.json().errors.map((e: { line: number; field: string | null }) => [e.line, e.field])).toEqual([
      [4, null],
      [5, 'person'],
      [6, 'kind'],
    ]);
    const languages = await sql<{ external_id: string; language: string }>`SELECT external_id, language FROM contributions ORDER BY external_id`.execute(
      t.database.db,
    );
    expect(languages.rows.map((r) => r.language)).toEqual(['en', 'en', 'de']);
  });

  it('upserts by external_id', async () => {
    const res = await importLines([{ ...contributions[1], title: 'Restarting pods safely' }]);
    expect(res.json()).toMatchObject({ created: 0, updated: 1, rejected: 0 });
  });

  it('is for admins only', async () => {
    expect((await importLines(contributions, await bearer(t, 'communicator'))).statusCode).toBe(403);
  });
});

describe('expert search', () => {
  it('ranks the person whose evidence answers the question first, with reasons', async () => {
    const employee = await bearer(t, 'employee');
    const res = await t.app.inject({ url: '/api/v1/experts?q=pivot%20tables%20by%20month', headers: employee.headers });
    expect(res.statusCode).toBe(200);
    const [first] = res.json().results;
    expect(first.person.external_id).toBe('P1');
    expect(first.reasons).toEqual(expect.arrayContaining(['#pivot-tables', expect.stringMatching(/answered "How do I build pivot tables/)]));
    // The same reasons as codes, in the same order, for the web to word in the reader's language.
    expect(first.reason_codes).toHaveLength(first.reasons.length);
    expect(first.reason_codes).toEqual(
      expect.arrayContaining([
        { code: 'skill', params: { tag: 'pivot-tables' } },
        { code: 'contribution', params: { kind: 'answer', title: expect.stringMatching(/^How do I build pivot tables/) } },
      ]),
    );
    const texts = first.reasons as string[];
    expect(texts.indexOf('#pivot-tables')).toBe(
      first.reason_codes.findIndex((r: { code: string; params: { tag?: string } }) => r.code === 'skill' && r.params.tag === 'pivot-tables'),
    );
  });

  it('finds German evidence through German stemming', async () => {
    const res = await t.app.inject({ url: `/api/v1/experts?q=${encodeURIComponent('Verhandlungen mit Lieferanten')}`, headers: admin.headers });
    expect(res.json().results[0].person.external_id).toBe('P3');
  });

  it('finds a skill through its German alias, in whichever form people wrote it', async () => {
    const res = await t.app.inject({ url: '/api/v1/experts?q=Verhandlungstechnik', headers: admin.headers });
    const byId = Object.fromEntries(res.json().results.map((r: { person: { external_id: string }; reasons: string[] }) => [r.person.external_id, r.reasons]));
    expect(byId.P3).toContain('#negotiation');
    expect(byId.P4).toContain('#verhandlungsführung');
    const sheet = await t.app.inject({ url: '/api/v1/experts?q=Hilfe%20mit%20Tabellenkalkulation', headers: admin.headers });
    expect(sheet.json().results[0]).toMatchObject({ person: { external_id: 'P1' }, reasons: expect.arrayContaining(['#excel']) });
  });

  it('finds people by what their profile says they can help with, stemmed in their language', async () => {
    const res = await t.app.inject({ url: `/api/v1/experts?q=${encodeURIComponent('Wer hilft bei der Zollformalität?')}`, headers: admin.headers });
    expect(res.json().results[0]).toMatchObject({
      person: { external_id: 'P5' },
      reasons: ['their profile says they know about this'],
      reason_codes: [{ code: 'profile_text', params: {} }],
    });
  });

  it('keeps the postings search reads in step with every write of a contribution', async () => {
    const postings = async (lexeme: string) =>
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM contribution_postings WHERE lexeme = ${lexeme}`.execute(t.database.db)).rows[0]!.n;
    const search = async (q: string) =>
      (await t.app.inject({ url: `/api/v1/experts?q=${q}`, headers: admin.headers }))
        .json()
        .results.map((r: { person: { external_id: string } }) => r.person.external_id);
    await importLines([{ ...contributions[1], external_id: 'C20', body: 'Helm charts for zookeeper clusters' }]);
    expect(await postings('zookeep')).toBe(1);
    expect(await search('zookeeper')).toEqual(['P2']);
    await importLines([{ ...contributions[1], external_id: 'C20', body: 'Helm charts for etcd clusters' }]);
    expect([await postings('zookeep'), await postings('etcd')]).toEqual([0, 1]);
    await sql`DELETE FROM contributions WHERE external_id = 'C20'`.execute(t.database.db);
    expect(await postings('etcd')).toBe(0);
  });

  it('suggests skills while typing, by tag, alias or label in the chosen language', async () => {
    const res = await t.app.inject({ url: '/api/v1/skills/suggest?q=tabellen&lang=de', headers: admin.headers });
    expect(res.json().suggestions).toContainEqual({ tag: 'excel', label: 'Excel', matched: 'tabellenkalkulation' });
    const byLabel = await t.app.inject({ url: '/api/v1/skills/suggest?q=Verhandlungsf&lang=de', headers: admin.headers });
    expect(byLabel.json().suggestions.map((s: { tag: string }) => s.tag)).toContain('negotiation');
  });

  it('answers 400 without a question, and 401 to strangers', async () => {
    expect((await t.app.inject({ url: '/api/v1/experts?q=', headers: admin.headers })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/v1/experts?q=excel' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/experts?q=excel&limit=101', headers: admin.headers })).statusCode).toBe(400);
  });
});

describe('endorsements and availability', () => {
  const id = async (externalId: string) =>
    (await sql<{ id: number }>`SELECT id FROM people WHERE external_id = ${externalId}`.execute(t.database.db)).rows[0]!.id;
  let petraSession: TestCaller;
  let noah: TestCaller;
  let vera: TestCaller;
  beforeAll(async () => {
    petraSession = await signIn(t, 'employee', await id('P1'));
    noah = await signIn(t, 'employee', await id('P2'));
    vera = await signIn(t, 'employee', await id('P3'));
  });

  it('lets colleagues endorse a listed skill once each, and shows it in search reasons', async () => {
    const petra = await id('P1');
    for (const caller of [noah, vera, noah]) {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/people/${petra}/endorsements`, headers: caller.headers, payload: { skill: '#Excel' } });
      expect(res.statusCode).toBe(201);
    }
    const list = await t.app.inject({ url: `/api/v1/people/${petra}/endorsements`, headers: noah.headers });
    expect(list.json().endorsements).toEqual([{ skill: 'excel', count: 2, endorsed_by_me: true }]);
    const search = await t.app.inject({ url: '/api/v1/experts?q=excel', headers: noah.headers });
    expect(search.json().results[0].reasons).toContain('#excel, endorsed by 2');
    expect(search.json().results[0].reason_codes).toContainEqual({ code: 'skill_endorsed', params: { tag: 'excel', count: 2 } });
    const withdraw = await t.app.inject({ method: 'DELETE', url: `/api/v1/people/${petra}/endorsements/excel`, headers: vera.headers, payload: {} });
    expect(withdraw.statusCode).toBe(204);
  });

  it('refuses endorsing oneself, a skill the person does not list, and accounts without a profile', async () => {
    const petra = await id('P1');
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/people/${petra}/endorsements`, headers: petraSession.headers, payload: { skill: 'excel' } }))
        .statusCode,
    ).toBe(400);
    const other = noah;
    const unlisted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${petra}/endorsements`,
      headers: other.headers,
      payload: { skill: 'kubernetes' },
    });
    expect(unlisted.json().errors[0].pointer).toBe('/skill');
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/people/${petra}/endorsements`, headers: admin.headers, payload: { skill: 'excel' } })).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/people/999999/endorsements', headers: other.headers, payload: { skill: 'excel' } })).statusCode,
    ).toBe(404);
  });

  it('ranks an unavailable expert below an available one and says why', async () => {
    const off = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/experts/me/availability',
      headers: vera.headers,
      payload: { available: false, note: 'on parental leave' },
    });
    expect(off.json()).toEqual({ available: false, note: 'on parental leave' });
    const res = await t.app.inject({ url: '/api/v1/experts?q=Verhandlungstechnik', headers: admin.headers });
    const results = res.json().results as { person: { external_id: string; available: boolean }; reasons: string[] }[];
    expect(results.map((r) => r.person.external_id)).toEqual(['P4', 'P3']);
    expect(results[1]!.reasons).toContain('currently unavailable');
    expect(res.json().results[1].reason_codes.at(-1)).toEqual({ code: 'unavailable', params: {} });
    await t.app.inject({ method: 'PUT', url: '/api/v1/experts/me/availability', headers: vera.headers, payload: { available: true } });
  });

  it('filters by department, location, language and mentoring', async () => {
    const ids = async (query: string) =>
      (await t.app.inject({ url: `/api/v1/experts?q=Verhandlungstechnik&${query}`, headers: admin.headers }))
        .json()
        .results.map((r: { person: { external_id: string } }) => r.person.external_id);
    expect(await ids('language=nl')).toEqual(['P4']);
    expect(await ids('mentor=true')).toEqual([]);
  });
});

describe('detectLanguage', () => {
  it('tells English, German and Dutch apart and falls back when unsure', () => {
    expect(detectLanguage('How do I restart the pods in this cluster?')).toBe('en');
    expect(detectLanguage('Wie kann ich die Tabelle nach Monat gruppieren und filtern?')).toBe('de');
    expect(detectLanguage('Hoe kan ik de tabel per maand groeperen en filteren?')).toBe('nl');
    expect(detectLanguage('kubectl', 'nl')).toBe('nl');
  });
});
