// Every operation of the served OpenAPI document, fuzzed: a valid request built from the operation's
// schemas, then one to three of its path parameters, query parameters or body members (or the whole
// body) replaced by hostile values (NUL, lone surrogates, huge and fractional numbers, prototype keys,
// deep nesting, wrong types, long strings, SQL and HTML, impossible dates). Signed in as an admin and
// as an employee (both with a directory profile, so no handler hides behind a 403), it requires no
// 5xx, a problem+json body on every 4xx, no unhandled rejection, and a process that keeps answering.
// Seeded and bounded: FUZZ_SEED and FUZZ_RUNS (per operation and role) change it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { bearer, signIn, startTestRuntime, type TestCaller, type TestRuntime } from './testing/test-runtime.js';
import { importPeopleRows } from './modules/people/index.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const RUNS = Number(process.env.FUZZ_RUNS ?? 15);

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
  $ref?: string;
};
type Parameter = { in: 'path' | 'query'; name: string; required?: boolean; schema: Schema };
type Operation = { method: string; path: string; parameters: Parameter[]; body: Schema | null };
type OpenApi = {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema> };
};

/** A request before it is sent: path and query values by name, and the JSON body (or a raw one). */
type Draft = { path: Record<string, unknown>; query: Record<string, unknown>; body: unknown; raw?: { payload: string; contentType: string } | 'none' };

let t: TestRuntime;
let doc: OpenApi;
const callers: Record<'admin' | 'employee', { session: TestCaller; token: TestCaller }> = {} as never;
const known = { colleague: 0, persona: 0, helpRequest: 0, contribution: 0 };
const unhandled: unknown[] = [];
const recordUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', recordUnhandled);
  t = await startTestRuntime();
  const person = (id: string, extra: Record<string, unknown> = {}) => ({
    external_id: id,
    email: `${id.toLowerCase()}@x.example`,
    given_name: id,
    family_name: 'Fuzz',
    ...extra,
  });
  const rows = [
    person('ADMIN', { department: 'Board', hire_date: '2001-01-01', birth_year: 1970, skills: ['excel'] }),
    person('EMPLOYEE', { manager: 'ADMIN', department: 'Sales', hire_date: '2024-01-01', birth_year: 1995, learning_goals: ['excel'] }),
    person('COLLEAGUE', {
      manager: 'ADMIN',
      department: 'Sales',
      skills: ['excel', 'pivot-tables'],
      mentor_available: true,
      ambassador: true,
      attributes: { grade: 7 },
    }),
  ];
  await importPeopleRows({ db: t.database.db, rows: rows.map((value, i) => ({ line: i + 1, value })) });
  const ids = (await sql<{ id: number; external_id: string }>`SELECT id, external_id FROM people`.execute(t.database.db)).rows;
  const idOf = (externalId: string) => ids.find((r) => r.external_id === externalId)!.id;
  known.colleague = idOf('COLLEAGUE');
  callers.admin = { session: await signIn(t, 'admin', idOf('ADMIN')), token: await bearer(t, 'admin') };
  callers.employee = { session: await signIn(t, 'employee', idOf('EMPLOYEE')), token: await bearer(t, 'employee') };
  const send = async (method: 'POST', url: string, caller: TestCaller, payload: object) => {
    const res = await t.app.inject({ method, url, headers: caller.headers, payload });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
    return res.json<{ id: number }>();
  };
  await send('POST', '/api/v1/segments', callers.admin.session, { key: 'fuzz-seg', name: 'Fuzz', rule: { field: 'department', op: 'eq', value: 'Sales' } });
  known.persona = (await send('POST', '/api/v1/personas', callers.admin.session, { name: 'Fuzz persona', rule: { segment: 'fuzz-seg' } })).id;
  known.helpRequest = (await send('POST', '/api/v1/help-requests', callers.employee.session, { question: 'How do pivot tables group by month?' })).id;
  known.contribution = (
    await send('POST', '/api/v1/contributions', callers.employee.session, { kind: 'post', title: 'Pivot tables', body: 'Group by month.', tags: ['excel'] })
  ).id;
  doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json<OpenApi>();
});
afterAll(async () => {
  process.off('unhandledRejection', recordUnhandled);
  await t?.close();
});

function operations(): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      parameters: op.parameters ?? [],
      body: op.requestBody?.content['application/json']?.schema ?? null,
    })),
  );
}

function resolve(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  return resolve(doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')] ?? {});
}

// ---- valid requests, built from the schemas (and, for ids and keys, from what the test created) ----

const RULE = { all: [{ field: 'department', op: 'eq', value: 'Sales' }] };

function knownValue(name: string, path: string): unknown {
  if (name === 'id') {
    if (path.startsWith('/api/v1/personas')) return known.persona;
    if (path.startsWith('/api/v1/help-requests')) return known.helpRequest;
    if (path.startsWith('/api/v1/contributions')) return known.contribution;
    return known.colleague;
  }
  if (name === 'to') return known.colleague;
  if (name === 'key') return 'fuzz-seg';
  if (['tag', 'skill', 'into'].includes(name)) return 'excel';
  if (name === 'name' && path.includes('/fields/')) return 'department';
  if (name === 'rule') return RULE;
  if (name === 'email') return 'colleague@x.example';
  if (name === 'as_of') return '2026-06-15';
  return undefined;
}

function example(schema: Schema, name: string, path: string): unknown {
  const known = knownValue(name, path);
  if (known !== undefined) return known;
  const s = resolve(schema);
  if (s.anyOf) return example(s.anyOf.find((x) => resolve(x).type !== 'null') ?? s.anyOf[0]!, name, path);
  if (s.enum) return s.enum[0];
  if (s.default !== undefined) return s.default;
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([key, value]) => [key, example(value, key, path)]));
    case 'array':
      return s.items ? [example(s.items, name, path)] : [];
    case 'integer':
    case 'number':
      return Math.max(s.minimum ?? 1, s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1, Math.min(s.maximum ?? 5, 5));
    case 'boolean':
      return true;
    case 'string':
      if (s.format === 'date' || s.pattern?.includes('02-29')) return '2026-06-15';
      if (s.pattern === '^[a-z0-9][a-z0-9_-]{0,63}$') return 'fuzz-seg';
      if (s.pattern?.startsWith('^[A-Za-z]{2,3}')) return 'de';
      return 'excel pivot';
    default:
      return {};
  }
}

/** Import routes take files, not JSON: a small valid file of each kind, whose cells the fuzzer then spoils. */
const IMPORT_FILES: Record<string, { contentType: string; lines: (cell: string) => string }> = {
  '/api/v1/people/import': {
    contentType: 'text/csv',
    lines: (cell) => `external_id,email,given_name,family_name,department,hire_date\nFUZZ-1,fuzz-1@x.example,Fuzz,Person,${cell},2020-01-01\n`,
  },
  '/api/v1/contributions/import': {
    contentType: 'application/x-ndjson',
    lines: (cell) => `${JSON.stringify({ external_id: 'fuzz-c1', person: 'COLLEAGUE', kind: 'post', title: cell, body: 'text', created_at: '2026-01-01' })}\n`,
  },
};

function draftFor(op: Operation): Draft {
  const draft: Draft = { path: {}, query: {}, body: undefined };
  const file = Object.hasOwn(IMPORT_FILES, op.path) ? IMPORT_FILES[op.path] : undefined;
  if (file) draft.raw = { payload: file.lines('Sales'), contentType: file.contentType };
  for (const p of op.parameters) {
    if (p.in === 'path' || p.required || knownValue(p.name, op.path) !== undefined)
      draft[p.in === 'path' ? 'path' : 'query'][p.name] = example(p.schema, p.name, op.path);
  }
  if (op.body) draft.body = example(op.body, '', op.path);
  return draft;
}

// ---- hostile values ----

const deep = (levels: number, leaf: unknown = 1): unknown => {
  let v = leaf;
  for (let i = 0; i < levels; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

const hostileStrings = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'excel\u0000',
    '\ud800',
    'a\udc00b',
    'pivot \ud83d',
    "' OR 1=1 --",
    "'; DROP TABLE people; --",
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '__proto__',
    'constructor',
    'toString',
    '0000-01-01',
    '99999-12-31',
    '2026-02-30',
    '-1',
    '0',
    '1.5',
    '1e309',
    '-9223372036854775809',
    'NaN',
    'Infinity',
    '9'.repeat(40),
    '',
    ' ',
    '%00',
    '../../etc/passwd',
    '😀👩‍👩‍👧',
    'x'.repeat(100_000),
    '\\',
    '"',
    '{{ person.email }}',
    '=cmd|"/c calc"!A1',
    'null',
    '[]',
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom('\u0000', '\ud800', '\udfff'), fc.string({ maxLength: 10 })).map(([a, bad, b]) => a + bad + b),
);

const hostileNumbers = fc.oneof(
  fc.constantFrom(0, -0, -1, 0.5, -2.5, 1e308, -1e308, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53, 2 ** 63, 1e-300, Number.MAX_SAFE_INTEGER + 2),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

const hostileStructures = fc.oneof(
  fc.constantFrom(null, true, false, [], {}, [[]], [{}], { __proto__: null }, deep(40), deep(127), deep(300)),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as unknown),
  fc.constant(JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown),
  fc.constant(Array.from({ length: 5000 }, (_, i) => i)),
  fc.constant(Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, i]))),
  fc.jsonValue({ maxDepth: 3 }),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileStrings },
  { weight: 2, arbitrary: hostileNumbers },
  { weight: 2, arbitrary: hostileStructures },
);

/** Where in a draft a hostile value can go: a path or query parameter, or a member of the body. */
type Slot = { part: 'path' | 'query'; name: string } | { part: 'body'; at: string[] };

function slotsOf(op: Operation, draft: Draft): Slot[] {
  const slots: Slot[] = op.parameters.map((p) => ({ part: p.in === 'path' ? ('path' as const) : ('query' as const), name: p.name }));
  const walk = (value: unknown, at: string[]) => {
    slots.push({ part: 'body', at });
    if (typeof value === 'object' && value !== null && at.length < 6) for (const [k, v] of Object.entries(value)) walk(v, [...at, k]);
  };
  if (op.body) walk(draft.body, []);
  return slots;
}

function setAt(target: unknown, at: string[], value: unknown): unknown {
  if (at.length === 0) return value;
  const copy: Record<string, unknown> = Array.isArray(target) ? { ...target } : { ...((target ?? {}) as Record<string, unknown>) };
  Object.defineProperty(copy, at[0]!, { value: setAt(copy[at[0]!], at.slice(1), value), enumerable: true, writable: true, configurable: true });
  return Array.isArray(target) ? Object.values(copy) : copy;
}

type Mutation = { slot: number; value: unknown } | { whole: 'no-body' | 'text-plain' | 'extra-proto-key' | 'drop-required' };

const mutationArb = fc.oneof(
  { weight: 8, arbitrary: fc.record({ slot: fc.nat(), value: hostileValue }) },
  { weight: 1, arbitrary: fc.constantFrom<Mutation>({ whole: 'no-body' }, { whole: 'text-plain' }, { whole: 'extra-proto-key' }, { whole: 'drop-required' }) },
);

function mutate(op: Operation, draft: Draft, mutations: Mutation[]): Draft {
  const slots = slotsOf(op, draft);
  let d: Draft = { ...draft, path: { ...draft.path }, query: { ...draft.query } };
  for (const m of mutations) {
    if ('whole' in m) {
      if (m.whole === 'no-body') d = { ...d, raw: 'none' };
      if (m.whole === 'text-plain') d = { ...d, raw: { payload: JSON.stringify(d.body ?? {}), contentType: 'text/plain' } };
      if (m.whole === 'extra-proto-key')
        d = {
          ...d,
          raw: { payload: `{"__proto__":{"admin":true},${JSON.stringify(d.body ?? {}).slice(1)}`.replace(',}', '}'), contentType: 'application/json' },
        };
      if (m.whole === 'drop-required' && typeof d.body === 'object' && d.body !== null) d = { ...d, body: Object.fromEntries(Object.entries(d.body).slice(1)) };
      continue;
    }
    const file = Object.hasOwn(IMPORT_FILES, op.path) ? IMPORT_FILES[op.path] : undefined;
    if (file) {
      d = { ...d, raw: { payload: file.lines(typeof m.value === 'string' ? m.value : (JSON.stringify(m.value) ?? '')), contentType: file.contentType } };
      continue;
    }
    if (slots.length === 0) continue;
    const slot = slots[m.slot % slots.length]!;
    if (slot.part === 'body') d = { ...d, body: setAt(d.body, slot.at, m.value) };
    else d[slot.part][slot.name] = m.value;
  }
  return d;
}

// ---- sending ----

/** Percent-encodes every UTF-16 unit, writing a lone surrogate as the three bytes a careless client would send. */
function encode(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i++;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else out += encodeURIComponent(text[i]!);
  }
  return out;
}

function urlOf(op: Operation, draft: Draft): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encode(draft.path[name] ?? ''));
  const query = Object.entries(draft.query)
    .flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => `${encode(k)}=${encode(x)}`) : v === undefined ? [] : [`${encode(k)}=${encode(v)}`]))
    .join('&');
  return query ? `${path}?${query}` : path;
}

type Outcome = { method: string; url: string; payload?: string; status: number; contentType: string; body: string };

async function send(op: Operation, draft: Draft, caller: TestCaller): Promise<Outcome> {
  const url = urlOf(op, draft);
  const hasBody = op.method !== 'GET' && op.method !== 'DELETE' && draft.raw !== 'none';
  const raw = typeof draft.raw === 'object' ? draft.raw : null;
  const payload = !hasBody ? undefined : raw ? raw.payload : JSON.stringify(draft.body ?? {});
  const headers = { ...caller.headers, ...(hasBody ? { 'content-type': raw?.contentType ?? 'application/json' } : {}) };
  const res = await t.app.inject({ method: op.method as 'GET', url, headers, payload });
  return {
    method: op.method,
    url,
    payload: payload?.slice(0, 300),
    status: res.statusCode,
    contentType: String(res.headers['content-type'] ?? ''),
    body: res.body,
  };
}

/** What is wrong with an answer, or null: a 5xx, or a 4xx without a well-formed problem body. */
function problemWith(o: Outcome): string | null {
  const request = `${o.method} ${o.url.slice(0, 200)} ${o.payload?.slice(0, 200) ?? ''}`;
  if (o.status >= 500) return `${o.status} from ${request}\n  ${o.body.slice(0, 300)}`;
  if (o.status < 400) return null;
  if (!/^application\/problem\+json/.test(o.contentType))
    return `${o.status} without a problem body from ${request}\n  ${o.contentType} ${o.body.slice(0, 300)}`;
  const body = JSON.parse(o.body) as { status?: unknown; code?: unknown };
  if (body.status !== o.status || typeof body.code !== 'string') return `malformed problem body from ${request}\n  ${o.body.slice(0, 300)}`;
  return null;
}

/** A stable number per operation, so each has its own seeded sequence. */
const hash = (text: string) => [...text].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 0);

describe('fuzzing every operation of the OpenAPI document', () => {
  it('covers the whole API', () => {
    expect(operations().length).toBeGreaterThanOrEqual(60);
  });

  for (const role of ['admin', 'employee'] as const) {
    it(`answers hostile requests as ${role} without a 5xx, with problem bodies, and keeps answering`, async () => {
      const failures: string[] = [];
      for (const op of operations()) {
        const caller = op.path === '/api/v1/auth/logout' ? callers[role].token : callers[role].session;
        const valid = draftFor(op);
        // fast-check prints the whole counterexample (megabytes for the long values); the outcome says enough.
        let failed: string | null = null;
        const attempt = async (draft: Draft) => {
          try {
            failed = problemWith(await send(op, draft, caller));
          } catch (error) {
            failed = `the request could not be made or read: ${(error as Error).stack?.slice(0, 600)}`;
          }
          if (failed) throw new Error(failed);
        };
        try {
          await attempt(valid);
          await fc.assert(
            fc.asyncProperty(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (mutations) => attempt(mutate(op, valid, mutations))),
            { seed: SEED ^ hash(`${role} ${op.method} ${op.path}`), numRuns: RUNS, endOnFailure: true },
          );
        } catch (error) {
          failures.push(`${op.method} ${op.path}: ${failed ?? (error as Error).message.slice(0, 500)}`);
        }
      }
      expect(failures).toEqual([]);
      expect((await t.app.inject({ url: '/health' })).statusCode).toBe(200);
      expect((await t.app.inject({ url: '/api/v1/people/me', headers: callers[role].session.headers })).statusCode).toBe(200);
      expect(unhandled).toEqual([]);
    });
  }
});
