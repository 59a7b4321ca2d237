// The input boundary through the app: NUL characters, lone surrogates and absurd nesting in the body,
// query or path of any route are a 400 naming the bad value, where each used to reach SQL and answer
// 500 (or, in expert search, end the process). Also the walker on its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { bearer, signIn, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { importPeopleRows } from '../../modules/people/index.js';
import { findBadText, MAX_INPUT_DEPTH } from './input-boundary.js';

let t: TestRuntime;
let admin: TestCaller;
let employee: TestCaller;
let colleagueId: number;

beforeAll(async () => {
  t = await startTestRuntime();
  const rows = ['ME', 'COLLEAGUE'].map((id, i) => ({
    line: i + 1,
    value: { external_id: id, email: `${id.toLowerCase()}@x.example`, given_name: id, family_name: 'Test' },
  }));
  await importPeopleRows({ db: t.database.db, rows });
  const people = (await sql<{ id: number; external_id: string }>`SELECT id, external_id FROM people`.execute(t.database.db)).rows;
  const idOf = (externalId: string) => people.find((p) => p.external_id === externalId)!.id;
  colleagueId = idOf('COLLEAGUE');
  admin = await bearer(t, 'admin');
  employee = await signIn(t, 'employee', idOf('ME'));
});
afterAll(async () => t?.close());

type Case = {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  url: string;
  payload?: unknown;
  as: () => TestCaller | null;
  pointer: string;
  in: string;
};

const NUL = '\u0000';
const cases: Case[] = [
  { name: 'expert search', method: 'GET', url: '/api/v1/experts?q=excel%20%00', as: () => employee, pointer: '/q', in: 'query' },
  {
    name: 'audience preview',
    method: 'POST',
    url: '/api/v1/audiences/preview',
    payload: { rule: { field: 'department', op: 'eq', value: `Sales${NUL}` } },
    as: () => admin,
    pointer: '/rule/value',
    in: 'body',
  },
  { name: 'own profile', method: 'PATCH', url: '/api/v1/people/me', payload: { about: `About me${NUL}` }, as: () => employee, pointer: '/about', in: 'body' },
  {
    name: 'kudos',
    method: 'POST',
    url: '/api/v1/kudos',
    payload: { to: 0, message: `Thanks${NUL}` },
    as: () => employee,
    pointer: '/message',
    in: 'body',
  },
  {
    name: 'help request',
    method: 'POST',
    url: '/api/v1/help-requests',
    payload: { question: `Pivot tables?${NUL}` },
    as: () => employee,
    pointer: '/question',
    in: 'body',
  },
  {
    name: 'availability',
    method: 'PUT',
    url: '/api/v1/experts/me/availability',
    payload: { available: false, note: `Away${NUL}` },
    as: () => employee,
    pointer: '/note',
    in: 'body',
  },
  {
    name: 'contribution',
    method: 'POST',
    url: '/api/v1/contributions',
    payload: { kind: 'post', title: `Title${NUL}`, body: 'Body', tags: [] },
    as: () => employee,
    pointer: '/title',
    in: 'body',
  },
  { name: 'directory filter', method: 'GET', url: '/api/v1/people?department=Sales%00', as: () => employee, pointer: '/department', in: 'query' },
  { name: 'skill suggestions', method: 'GET', url: '/api/v1/skills/suggest?q=ex%00', as: () => employee, pointer: '/q', in: 'query' },
  { name: 'field value suggestions', method: 'GET', url: '/api/v1/audiences/fields/department/values?q=%00', as: () => admin, pointer: '/q', in: 'query' },
  {
    name: 'sign-in',
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: `someone${NUL}@x.example`, password: 'a password' },
    as: () => null,
    pointer: '/email',
    in: 'body',
  },
  { name: 'a path parameter', method: 'GET', url: '/api/v1/segments/abc%00', as: () => admin, pointer: '/key', in: 'path' },
];

describe('NUL characters at the boundary', () => {
  for (const c of cases) {
    it(`refuses one in the ${c.name} with a 400 naming it`, async () => {
      const payload = c.payload as Record<string, unknown> | undefined;
      if (payload && 'to' in payload) payload.to = colleagueId;
      const res = await t.app.inject({ method: c.method, url: c.url, headers: c.as()?.headers ?? {}, payload: payload as object });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json()).toMatchObject({ code: 'input.nul_character', errors: [{ pointer: c.pointer, in: c.in, code: 'input.nul_character' }] });
    });
  }

  it('keeps the process answering after all of them', async () => {
    expect((await t.app.inject({ url: '/api/v1/experts?q=excel', headers: employee.headers })).statusCode).toBe(200);
  });
});

describe('lone surrogates and nesting at the boundary', () => {
  it('refuses a lone surrogate in a saved rule, which jsonb would refuse with a 500', async () => {
    // JSON.stringify writes the lone surrogate as an escape, which JSON.parse restores as it was.
    const payload = JSON.stringify({ key: 'lone', name: 'Lone', rule: { field: 'department', op: 'eq', value: 'Sales \ud83d' } });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/segments', headers: { ...admin.headers, 'content-type': 'application/json' }, payload });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'input.lone_surrogate', errors: [{ pointer: '/rule/value', in: 'body', code: 'input.lone_surrogate' }] });
  });

  it('names a bad object key by its pointer', async () => {
    const payload = JSON.stringify({ rule: { [`field${NUL}`]: 'department', op: 'eq', value: 'x' } });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/audiences/preview',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ pointer: `/rule/field${NUL}`, in: 'body', code: 'input.nul_character' })]);
  });

  it('accepts a well-formed pair (an emoji) and ordinary text', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/audiences/preview',
      headers: admin.headers,
      payload: { rule: { field: 'department', op: 'eq', value: 'Sales 😀 Ümlaut' } },
    });
    expect(res.statusCode).toBe(200);
  });

  it('refuses JSON nested beyond any route’s need without overflowing the stack', async () => {
    const depth = 100_000;
    const payload = `{"rule":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/audiences/preview',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'input.too_deep', errors: [{ in: 'body', code: 'input.too_deep' }] });
  });

  it('leaves import files (text bodies) to their import, which reports bad rows itself', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people/import',
      headers: { ...admin.headers, 'content-type': 'text/csv' },
      payload: `external_id,given_name,family_name\nX1,A${NUL},B\n`,
    });
    expect(res.json().code).not.toBe('input.nul_character');
  });

  it('answers a session cookie holding a NUL with 401: cookies reach SQL only as a hash', async () => {
    const res = await t.app.inject({ url: '/api/v1/people', headers: { cookie: 'resonance_session=abc%00def' } });
    expect(res.statusCode).toBe(401);
  });
});

describe('paths the router cannot read', () => {
  it('answers a path that is not valid UTF-8 (a lone surrogate’s bytes) with a problem body', async () => {
    const res = await t.app.inject({ url: '/api/v1/segments/a%ED%A0%80b', headers: admin.headers });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'input.bad_url', errors: [{ in: 'path', code: 'input.bad_url' }] });
  });

  it('answers a path parameter longer than the router allows with a problem body', async () => {
    const res = await t.app.inject({ url: `/api/v1/segments/${'a'.repeat(500)}`, headers: admin.headers });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'input.path_too_long' });
  });
});

describe('findBadText', () => {
  it('reports values and keys in document order with JSON pointers', () => {
    const problems = findBadText({ a: ['ok', `x${NUL}`], 'b/c': { '\udc00': 1 }, d: 'fine' }, 'body');
    expect(problems.map((p) => [p.pointer, p.code])).toEqual([
      ['/a/1', 'input.nul_character'],
      ['/b~1c/\udc00', 'input.lone_surrogate'],
    ]);
  });

  it('allows nesting up to the limit', () => {
    let value: unknown = 'leaf';
    for (let i = 0; i < MAX_INPUT_DEPTH; i++) value = [value];
    expect(findBadText(value, 'body')).toEqual([]);
    expect(findBadText([value], 'body').map((p) => p.code)).toEqual(['input.too_deep']);
  });
});
