// A people file whose rows carry a NUL or a lone surrogate (in a cell, a JSON value or an attribute)
// imports its good rows and reports the others, where the whole file used to fail with a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestRuntime, type TestCaller, type TestRuntime } from '../../../testing/test-runtime.js';

let t: TestRuntime;
let admin: TestCaller;
beforeAll(async () => {
  t = await startTestRuntime();
  admin = await bearer(t, 'admin');
});
afterAll(async () => t?.close());

const upload = (contentType: string, payload: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/people/import', headers: { ...admin.headers, 'content-type': contentType }, payload });

describe('people imports with text PostgreSQL refuses', () => {
  it('CSV: reports the row with a NUL and keeps the others', async () => {
    const res = await upload('text/csv', 'external_id,email,given_name,family_name,department\nC1,c1@x.example,A,B,Sales\nC2,c2@x.example,A,B,Sa\u0000les\n');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      created: 1,
      rejected: 1,
      errors: [{ line: 3, external_id: 'C2', field: 'department', reason: expect.stringMatching(/NUL/) }],
    });
  });

  it('JSON Lines: reports lone surrogates in values and attributes, and a NUL in the key itself', async () => {
    const lines = [
      { external_id: 'J1', email: 'j1@x.example', given_name: 'A', family_name: 'B' },
      { external_id: 'J2', email: 'j2@x.example', given_name: 'A', family_name: 'B', attributes: { grade: 'half \ud83d' } },
      { external_id: 'J3\u0000', email: 'j3@x.example', given_name: 'A', family_name: 'B' },
    ];
    const res = await upload('application/x-ndjson', lines.map((l) => JSON.stringify(l)).join('\n'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      created: 1,
      rejected: 2,
      errors: [
        { line: 2, external_id: 'J2', field: 'attributes.grade', reason: expect.stringMatching(/surrogate/) },
        { line: 3, external_id: null, field: 'external_id' },
      ],
    });
  });
});
