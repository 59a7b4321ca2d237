// The people import through its public route: upserts, forward manager references, cycles, bad rows
// with line numbers, partial columns, org paths and report counts, and export round trips.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { bearer, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';

let t: TestRuntime;
let admin: TestCaller;

beforeAll(async () => {
  t = await startTestRuntime();
  admin = await bearer(t, 'admin');
});
afterAll(async () => t?.close());

const HEADER = 'external_id,email,given_name,family_name,department,manager,skills,birth_year,hire_date,status,attributes.cost_center';

async function importCsv(lines: string[]) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/people/import',
    headers: { ...admin.headers, 'content-type': 'text/csv' },
    payload: lines.join('\n'),
  });
  return res;
}

async function importJsonl(rows: unknown[]) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/people/import',
    headers: { ...admin.headers, 'content-type': 'application/x-ndjson' },
    payload: rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n'),
  });
}

async function person(externalId: string) {
  const r = await sql<{
    id: number;
    manager_id: number | null;
    org_path: number[];
    direct_reports: number;
    skills: string[];
    department: string | null;
    attributes: Record<string, unknown>;
    status: string;
  }>`
    SELECT id, manager_id, org_path, direct_reports, skills, department, attributes, status FROM people WHERE external_id = ${externalId}`.execute(
    t.database.db,
  );
  return r.rows[0];
}

describe('people import', () => {
  it('creates people whose managers come later in the file, and builds the tree', async () => {
    const res = await importCsv([
      HEADER,
      'E3,c@x.example,Carla,Dreier,Sales,E2,Negotiation;#Excel,1980,2019-01-02,,CC-1',
      'E2,b@x.example,Bram,de Vries,Sales,E1,,1990,2020-06-15,,',
      'E1,a@x.example,Anna,Schmidt,Board,,,1965,2010-01-01,,',
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: 3, created: 3, updated: 0, rejected: 0, errors: [] });
    const [a, b, c] = [await person('E1'), await person('E2'), await person('E3')];
    expect(c!.org_path).toEqual([a!.id, b!.id, c!.id]);
    expect(a!.direct_reports).toBe(1);
    expect(b!.direct_reports).toBe(1);
    expect(c!.skills).toEqual(['negotiation', 'excel']);
    expect(c!.attributes).toEqual({ cost_center: 'CC-1' });
  });

  it('reports every bad row with line, field and reason, and keeps the good ones', async () => {
    const res = await importCsv([
      HEADER,
      'E10,ok@x.example,Ok,Person,Sales,E1,,,,,',
      'E11,not-an-email,Bad,Email,Sales,E1,,,,,',
      'E12,c12@x.example,Bad,Year,Sales,E1,,nineteen,,,',
      'E13,c13@x.example,Bad,Manager,Sales,NOPE,,,,,',
      'E10,dup@x.example,Dup,Key,Sales,,,,,,',
      'E14,a@x.example,Taken,Email,Sales,,,,,,',
      'E15,c15@x.example,Bad,Date,Sales,,,,2020-13-45,,',
    ]);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ rows: 7, created: 1, rejected: 6 });
    expect(report.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [3, 'email'],
      [4, 'birth_year'],
      [5, 'manager'],
      [6, 'external_id'],
      [7, 'email'],
      [8, 'hire_date'],
    ]);
    expect(report.errors[2].reason).toMatch(/NOPE/);
    expect(report.errors[4].reason).toMatch(/belongs to E1/);
    expect(await person('E10')).toBeDefined();
    expect(await person('E11')).toBeUndefined();
    expect((await person('E1'))!.direct_reports).toBe(2);
  });

  it('rejects a manager cycle within the file and one closed through the directory', async () => {
    const res = await importJsonl([
      { external_id: 'C1', email: 'c1@x.example', given_name: 'C', family_name: 'One', manager: 'C2' },
      { external_id: 'C2', email: 'c2@x.example', given_name: 'C', family_name: 'Two', manager: 'c1@x.example' },
      { external_id: 'C3', email: 'c3@x.example', given_name: 'C', family_name: 'Three', manager: 'C1' },
      // E1 is Anna at the root; putting her under Carla (E3, below her) closes a cycle via the directory.
      { external_id: 'E1', email: 'a@x.example', given_name: 'Anna', family_name: 'Schmidt', manager: 'E3' },
      { external_id: 'C4', email: 'c4@x.example', given_name: 'C', family_name: 'Self', manager: 'C4' },
    ]);
    const report = res.json();
    expect(report.created).toBe(0);
    const byLine = Object.fromEntries(report.errors.map((e: { line: number; reason: string }) => [e.line, e.reason]));
    expect(byLine[1]).toMatch(/cycle/);
    expect(byLine[2]).toMatch(/cycle/);
    expect(byLine[3]).toMatch(/C1 was rejected \(line 1\)/);
    expect(byLine[4]).toMatch(/cycle: E1 → E3|cycle/);
    expect(byLine[5]).toMatch(/own manager/);
    expect((await person('E1'))!.manager_id).toBeNull();
  });

  it('updates only the columns a file carries and moves subtrees', async () => {
    const before = await person('E3');
    const res = await importCsv(['external_id,email,given_name,family_name,manager', 'E2,b@x.example,Bram,de Vries,E10']);
    expect(res.json()).toMatchObject({ updated: 1, created: 0, rejected: 0 });
    const [a, e10, b, c] = [await person('E1'), await person('E10'), await person('E2'), await person('E3')];
    expect(c!.skills).toEqual(before!.skills);
    expect(b!.department).toBe('Sales');
    expect(c!.org_path).toEqual([a!.id, e10!.id, b!.id, c!.id]);
    expect(e10!.direct_reports).toBe(1);
    expect(a!.direct_reports).toBe(1);
  });

  it('counts only active reports and merges attributes', async () => {
    await importJsonl([
      {
        external_id: 'E3',
        email: 'c@x.example',
        given_name: 'Carla',
        family_name: 'Dreier',
        status: 'inactive',
        attributes: { contract: 'part_time', cost_center: null },
      },
    ]);
    expect((await person('E2'))!.direct_reports).toBe(0);
    expect((await person('E3'))!.attributes).toEqual({ contract: 'part_time' });
  });

  it('answers a bad file as a whole with a problem naming line 1', async () => {
    const res = await importCsv(['external_id,email,given_name,family_name,shoe_size', 'E99,z@x.example,Z,Z,44']);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().detail).toMatch(/shoe_size.*line 1/);
    const bad = await importJsonl([
      '{"external_id": "J1", broken',
      JSON.stringify({ external_id: 'J2', email: 'j2@x.example', given_name: 'J', family_name: 'Two', shoe: 1 }),
    ]);
    expect(bad.json().errors).toEqual([
      expect.objectContaining({ line: 1, reason: expect.stringMatching(/not valid JSON/) }),
      expect.objectContaining({ line: 2, field: 'shoe', reason: 'unknown field shoe' }),
    ]);
  });

  it('exports what it imported so that importing the export changes nothing', async () => {
    for (const format of ['csv', 'jsonl'] as const) {
      const exported = await t.app.inject({ method: 'GET', url: `/api/v1/people/export?format=${format}`, headers: admin.headers });
      expect(exported.statusCode).toBe(200);
      const snapshot = await sql`SELECT * FROM people ORDER BY id`.execute(t.database.db);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/people/import',
        headers: { ...admin.headers, 'content-type': format === 'csv' ? 'text/csv' : 'application/x-ndjson' },
        payload: exported.body,
      });
      expect(res.json()).toMatchObject({ rejected: 0, created: 0 });
      const after = await sql`SELECT * FROM people ORDER BY id`.execute(t.database.db);
      const strip = (rows: Record<string, unknown>[]) => rows.map(({ updated_at: _u, ...rest }) => rest);
      expect(strip(after.rows as Record<string, unknown>[])).toEqual(strip(snapshot.rows as Record<string, unknown>[]));
    }
  });

  it('refuses import and export to roles without the permission', async () => {
    for (const role of ['communicator', 'leader', 'employee'] as const) {
      const caller = await bearer(t, role);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/people/import',
        headers: { ...caller.headers, 'content-type': 'text/csv' },
        payload: HEADER,
      });
      expect(res.statusCode).toBe(403);
      const exp = await t.app.inject({ method: 'GET', url: '/api/v1/people/export', headers: caller.headers });
      expect(exp.statusCode).toBe(403);
    }
  });
});
