// Every problem body carries a registered message code with parameters for the web to translate,
// and each field problem its own code: schema validation, rule validation, unknown routes, media
// types, broken JSON, module errors, and a sweep over every route of the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isProblemCode, PROBLEM_CODES } from '../../../shared/problem-codes/index.js';
import { bearer, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';

type Problem = {
  status: number;
  code: string;
  detail: string;
  params?: Record<string, unknown>;
  errors?: { pointer?: string; code?: string; params?: unknown }[];
};

let t: TestRuntime;
let admin: TestCaller;
beforeAll(async () => {
  t = await startTestRuntime();
  admin = await bearer(t, 'admin');
});
afterAll(async () => t?.close());

const post = (url: string, payload: unknown, caller = admin) => t.app.inject({ method: 'POST', url, headers: caller.headers, payload: payload as object });

/** The parameters of a problem are exactly the names its registry entry lists. */
function expectRegistered(problem: Problem, where: string): void {
  expect(isProblemCode(problem.code), `${where}: ${problem.code}`).toBe(true);
  const names = PROBLEM_CODES[problem.code as keyof typeof PROBLEM_CODES] as readonly string[];
  expect(Object.keys(problem.params ?? {}).sort(), `${where}: params of ${problem.code}`).toEqual([...names].sort());
  for (const e of problem.errors ?? []) {
    expect(isProblemCode(e.code), `${where}: field ${e.pointer} ${e.code}`).toBe(true);
  }
}

describe('problem bodies', () => {
  it('give every field of a schema validation failure its own code and parameters, and keep the English detail', async () => {
    const res = await post('/api/v1/segments', { key: 'Not A Key', name: '', rule: {}, extra: 1 });
    expect(res.statusCode).toBe(400);
    const body = res.json<Problem>();
    expect(body.code).toBe('request.invalid');
    expect(body.detail).toMatch(/^invalid input at body \//);
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pointer: '/key', code: 'validation.segment_key', params: {} }),
        expect.objectContaining({ pointer: '/name', code: 'validation.empty', params: {} }),
      ]),
    );
    expectRegistered(body, 'segments');
  });

  it('explains a rule problem by the node it names', async () => {
    const res = await post('/api/v1/audiences/preview', { rule: { all: [{ field: 'departmnt', op: 'eq', value: 'Sales' }] } });
    const body = res.json<Problem>();
    expect(body).toMatchObject({ status: 400, code: 'rule.unknown_field', params: { field: 'departmnt' } });
    expect(body.errors).toEqual([expect.objectContaining({ pointer: '/rule/all/0', code: 'rule.unknown_field', params: { field: 'departmnt' } })]);
    const tooLong = await post('/api/v1/audiences/preview', { rule: { field: 'email', op: 'eq', value: 'x'.repeat(10_001) } });
    expect(tooLong.json<Problem>()).toMatchObject({ code: 'rule.value_too_long', params: { field: 'email', op: 'eq', maximum: 10_000 } });
    const wrongType = await post('/api/v1/audiences/preview', { rule: { field: 'tenure_years', op: 'between', value: [1, 'x'] } });
    expect(wrongType.json<Problem>()).toMatchObject({ code: 'rule.value_invalid', params: { field: 'tenure_years', op: 'between', expected: 'number_pair' } });
    const activity = await post('/api/v1/audiences/preview', { rule: { activity: { type: 'read' }, has: true } });
    expect(activity.json<Problem>()).toMatchObject({ code: 'rule.activity_type_unknown' });
    for (const r of [res, tooLong, wrongType, activity]) expectRegistered(r.json<Problem>(), 'preview');
  });

  it('code unknown routes, wrong media types and broken JSON', async () => {
    const unknown = await t.app.inject({ url: '/api/v1/nothing-here?x=1', headers: admin.headers });
    expect(unknown.json<Problem>()).toMatchObject({ status: 404, code: 'request.route_not_found', params: { method: 'GET', path: '/api/v1/nothing-here' } });
    const media = await t.app.inject({
      method: 'POST',
      url: '/api/v1/audiences/preview',
      headers: { ...admin.headers, 'content-type': 'application/xml' },
      payload: '<rule/>',
    });
    expect(media.json<Problem>()).toMatchObject({ status: 415, code: 'request.unsupported_media_type' });
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/audiences/preview',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: '{"rule":',
    });
    expect(broken.json<Problem>()).toMatchObject({ status: 400, code: 'request.invalid_json' });
    const csv = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contributions/import',
      headers: { ...admin.headers, 'content-type': 'text/csv' },
      payload: 'a,b',
    });
    expect(csv.json<Problem>()).toMatchObject({ status: 415, code: 'request.expected_media_type', params: { expected: 'application/x-ndjson' } });
    for (const [i, r] of [unknown, media, broken, csv].entries()) expectRegistered(r.json<Problem>(), `case ${i}`);
  });

  it('code the errors of the modules', async () => {
    const segment = await t.app.inject({ url: '/api/v1/segments/nope', headers: admin.headers });
    expect(segment.json<Problem>()).toMatchObject({ status: 404, code: 'segment.not_found', params: { key: 'nope' } });
    const merge = await post('/api/v1/skills/excel/merge', { into: 'excel' });
    expect(merge.json<Problem>()).toMatchObject({
      status: 400,
      code: 'skills.merge_into_itself',
      errors: [{ pointer: '/into', code: 'skills.merge_into_itself' }],
    });
    const cursor = await t.app.inject({ url: '/api/v1/people?cursor=bm9wZQ', headers: admin.headers });
    expect(cursor.json<Problem>()).toMatchObject({ status: 400, code: 'request.invalid_cursor' });
    const help = await t.app.inject({ url: '/api/v1/help-requests/1', headers: admin.headers });
    expect(help.json<Problem>()).toMatchObject({ status: 403, code: 'profile.none' });
    for (const [i, r] of [segment, merge, cursor, help].entries()) expectRegistered(r.json<Problem>(), `case ${i}`);
  });

  it('carry a registered code with its declared parameters on every route of the API', async () => {
    const employee = await bearer(t, 'employee');
    const paths = (await t.app.inject({ url: '/api/v1/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>().paths;
    let problems = 0;
    for (const [path, methods] of Object.entries(paths)) {
      for (const method of Object.keys(methods)) {
        for (const caller of [admin, employee]) {
          for (const id of ['999999', 'x']) {
            const res = await t.app.inject({
              method: method.toUpperCase() as 'GET',
              url: path.replace(/\{[^}]+\}/g, id),
              headers: caller.headers,
              payload: method === 'get' || method === 'delete' ? undefined : { rule: { field: 'nope' } },
            });
            if (res.statusCode < 400) continue;
            problems += 1;
            expectRegistered(res.json<Problem>(), `${method.toUpperCase()} ${path}`);
          }
        }
      }
    }
    expect(problems).toBeGreaterThan(50);
  });
});
