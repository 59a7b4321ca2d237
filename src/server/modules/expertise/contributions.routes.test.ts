// Contributions written in the product through the API: a post becomes evidence that expert search
// finds, the evidence list pages newest first, only the author deletes, and the refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { bearer, signIn, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { importPeopleRows } from '../people/index.js';
import { importContributionsFile } from './import-contributions.js';

let t: TestRuntime;
const ids: Record<string, number> = {};
const callers: Record<string, TestCaller> = {};

const person = (id: string) => ({ external_id: id, email: `${id.toLowerCase()}@x.example`, given_name: id, family_name: 'Writer' });

const post = (caller: TestCaller, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/contributions', headers: caller.headers, payload });

const stats = async () =>
  (await sql<{ documents: number; average_length: number }>`SELECT documents, average_length FROM contribution_stats`.execute(t.database.db)).rows[0];

beforeAll(async () => {
  t = await startTestRuntime();
  await importPeopleRows({ db: t.database.db, rows: ['AUTHOR', 'OTHER', 'READER'].map((id, i) => ({ line: i + 1, value: person(id) })) });
  for (const row of (await sql<{ id: number; external_id: string }>`SELECT id, external_id FROM people`.execute(t.database.db)).rows)
    ids[row.external_id] = row.id;
  for (const id of ['AUTHOR', 'OTHER', 'READER']) callers[id] = await signIn(t, 'employee', ids[id]);
  const lines = [
    {
      external_id: 'wiki-1',
      person: 'other@x.example',
      kind: 'document',
      title: 'Spreadsheet basics',
      body: 'Sorting and filtering rows in a spreadsheet.',
      tags: ['excel'],
      created_at: '2024-01-10',
    },
    {
      external_id: 'wiki-2',
      person: 'author@x.example',
      kind: 'answer',
      title: 'Expense reports',
      body: 'Submit expenses before the fifth of the month.',
      tags: [],
      created_at: '2024-02-01',
    },
  ];
  await importContributionsFile({ db: t.database.db, text: lines.map((l) => JSON.stringify(l)).join('\n') });
});
afterAll(async () => t?.close());

describe('POST /api/v1/contributions', () => {
  it('stores a post, detects its language, and expert search then finds its author for the rare topic', async () => {
    const before = await stats();
    const res = await post(callers.AUTHOR!, {
      kind: 'post',
      title: 'Kalibrierung der Zentrifugenrotoren',
      body: 'Wie man die Zentrifugenrotoren im Labor kalibriert: zuerst die Unwucht prüfen, dann die Drehzahl mit dem Tachometer messen und es ist wichtig, dass der Deckel geschlossen ist.',
      tags: ['Zentrifuge', 'labor'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'post',
      language: 'de',
      tags: ['zentrifuge', 'labor'],
      source: 'written',
      deletable: true,
      person_id: ids.AUTHOR,
    });
    expect((await stats())!.documents).toBe(before!.documents + 1);
    const experts = await t.app.inject({ url: '/api/v1/experts?q=Zentrifugenrotoren', headers: callers.READER!.headers });
    expect(experts.statusCode).toBe(200);
    expect(experts.json().results[0]).toMatchObject({ person: { id: ids.AUTHOR } });
  });

  it('keeps the language it is given and counts statistics exactly as a full refresh would', async () => {
    const res = await post(callers.OTHER!, {
      kind: 'document',
      title: 'Onboarding checklist',
      body: 'Laptop, badge, and a coffee with the team.',
      language: 'EN',
    });
    expect(res.json()).toMatchObject({ language: 'en', tags: [] });
    const incremental = await sql`SELECT lexeme, documents FROM contribution_lexemes ORDER BY lexeme`.execute(t.database.db);
    const full = await sql`SELECT word AS lexeme, ndoc AS documents FROM ts_stat('SELECT search FROM contributions') ORDER BY word`.execute(t.database.db);
    expect(incremental.rows).toEqual(full.rows);
    const exact = await sql<{
      documents: number;
      average_length: number;
    }>`SELECT count(*)::int AS documents, avg(search_length)::float8 AS average_length FROM contributions`.execute(t.database.db);
    expect((await stats())!.documents).toBe(exact.rows[0]!.documents);
    expect((await stats())!.average_length).toBeCloseTo(exact.rows[0]!.average_length, 6);
  });

  it('answers 400 with the JSON pointer of a bad field', async () => {
    const res = await post(callers.AUTHOR!, { kind: 'answer', title: 'x', body: 'y' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors[0]).toMatchObject({ pointer: '/kind', in: 'body' });
    const blank = await post(callers.AUTHOR!, { kind: 'post', title: 'Fine', body: '   ' });
    expect(blank.json().errors[0]).toMatchObject({ pointer: '/body' });
    const tooMany = await post(callers.AUTHOR!, { kind: 'post', title: 'Fine', body: 'ok', tags: Array.from({ length: 11 }, (_, i) => `t${i}`) });
    expect(tooMany.json().errors[0]).toMatchObject({ pointer: '/tags' });
  });

  it('needs a sign-in (401) and a directory profile (403)', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/contributions', payload: { kind: 'post', title: 'a', body: 'b' } })).statusCode).toBe(401);
    const token = await bearer(t, 'employee');
    expect((await post(token, { kind: 'post', title: 'a', body: 'b' })).statusCode).toBe(403);
    const admin = await signIn(t, 'admin');
    expect((await post(admin, { kind: 'post', title: 'a', body: 'b' })).statusCode).toBe(403);
  });
});

describe('GET /api/v1/people/:id/contributions', () => {
  it("lists a person's evidence newest first, in cursor pages, marking what the viewer may delete", async () => {
    await post(callers.AUTHOR!, { kind: 'post', title: 'Third', body: 'x'.repeat(700) });
    const first = await t.app.inject({ url: `/api/v1/people/${ids.AUTHOR}/contributions?limit=2`, headers: callers.AUTHOR!.headers });
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items.map((c: { title: string }) => c.title)).toEqual(['Third', 'Kalibrierung der Zentrifugenrotoren']);
    expect(page1.items[0]).toMatchObject({ truncated: true, deletable: true, source: 'written' });
    expect(page1.items[0].excerpt).toHaveLength(600);
    const second = await t.app.inject({
      url: `/api/v1/people/${ids.AUTHOR}/contributions?limit=2&cursor=${page1.next_cursor}`,
      headers: callers.AUTHOR!.headers,
    });
    expect(second.json()).toMatchObject({ items: [{ title: 'Expense reports', source: 'imported', deletable: false }], next_cursor: null });
    const asReader = await t.app.inject({ url: `/api/v1/people/${ids.AUTHOR}/contributions`, headers: callers.READER!.headers });
    expect(asReader.json().items.every((c: { deletable: boolean }) => !c.deletable)).toBe(true);
  });

  it('answers 404 for an unknown person, 400 for a bad cursor or limit, 401 without sign-in', async () => {
    expect((await t.app.inject({ url: '/api/v1/people/999999/contributions', headers: callers.READER!.headers })).statusCode).toBe(404);
    const cursor = await t.app.inject({ url: `/api/v1/people/${ids.AUTHOR}/contributions?cursor=nonsense`, headers: callers.READER!.headers });
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().errors[0]).toMatchObject({ pointer: '/cursor', in: 'query' });
    const limit = await t.app.inject({ url: `/api/v1/people/${ids.AUTHOR}/contributions?limit=0`, headers: callers.READER!.headers });
    expect(limit.json().errors[0]).toMatchObject({ pointer: '/limit', in: 'query' });
    expect((await t.app.inject({ url: `/api/v1/people/${ids.AUTHOR}/contributions` })).statusCode).toBe(401);
  });
});

describe('DELETE /api/v1/contributions/:id', () => {
  it('lets only the author delete what they wrote, and takes it out of search', async () => {
    const created = (
      await post(callers.AUTHOR!, { kind: 'post', title: 'Quasarkühlung', body: 'Notizen zur Quasarkühlung im Rechenzentrum, die nicht lange bleiben.' })
    ).json();
    const before = await stats();
    const other = await t.app.inject({ method: 'DELETE', url: `/api/v1/contributions/${created.id}`, headers: callers.OTHER!.headers });
    expect(other.statusCode).toBe(403);
    expect(other.headers['content-type']).toContain('application/problem+json');
    const own = await t.app.inject({ method: 'DELETE', url: `/api/v1/contributions/${created.id}`, headers: callers.AUTHOR!.headers });
    expect(own.statusCode).toBe(204);
    expect((await stats())!.documents).toBe(before!.documents - 1);
    const full = await sql`SELECT word AS lexeme, ndoc AS documents FROM ts_stat('SELECT search FROM contributions') ORDER BY word`.execute(t.database.db);
    expect((await sql`SELECT lexeme, documents FROM contribution_lexemes ORDER BY lexeme`.execute(t.database.db)).rows).toEqual(full.rows);
    const experts = await t.app.inject({ url: '/api/v1/experts?q=Quasarkühlung', headers: callers.READER!.headers });
    expect(experts.json().results.map((r: { person: { id: number } }) => r.person.id)).not.toContain(ids.AUTHOR);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/contributions/${created.id}`, headers: callers.AUTHOR!.headers })).statusCode).toBe(404);
  });

  it('keeps imported evidence (409), and answers 404, 400 and 401 where due', async () => {
    const imported = (await sql<{ id: number }>`SELECT id FROM contributions WHERE external_id = 'wiki-2'`.execute(t.database.db)).rows[0]!.id;
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/contributions/${imported}`, headers: callers.AUTHOR!.headers })).statusCode).toBe(409);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/contributions/999999', headers: callers.AUTHOR!.headers })).statusCode).toBe(404);
    const bad = await t.app.inject({ method: 'DELETE', url: '/api/v1/contributions/abc', headers: callers.AUTHOR!.headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ pointer: '/id', in: 'path' });
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/contributions/${imported}` })).statusCode).toBe(401);
  });
});
