// The people import through its public routes (upload, then the job, then the report): upserts,
// forward manager references, cycles, bad rows with line, field and message code, people without
// e-mail, null clearing fields, reports of rejected managers kept, bytes that are not text, partial
// columns, org paths and report counts, and export round trips.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { bearer, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { importThroughApi } from './testing/import-through-api.js';

let t: TestRuntime;
let admin: TestCaller;

beforeAll(async () => {
  // Small batches, so files of a few hundred rows take several.
  t = await startTestRuntime({ worker: true, env: { IMPORT_BATCH_ROWS: '40' } });
  admin = await bearer(t, 'admin');
});
afterAll(async () => t?.close());

const HEADER = 'external_id,email,given_name,family_name,department,manager,skills,birth_year,hire_date,status,attributes.cost_center';

async function importCsv(lines: string[] | string | Buffer) {
  const payload = Array.isArray(lines) ? lines.join('\n') : lines;
  const outcome = await importThroughApi(t.app, admin.headers, 'text/csv', payload);
  expect(outcome.status, JSON.stringify(outcome.body)).toBe(202);
  return { ...outcome.import!, errors: outcome.problems };
}

async function importJsonl(rows: unknown[]) {
  const outcome = await importThroughApi(
    t.app,
    admin.headers,
    'application/x-ndjson',
    rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n'),
  );
  expect(outcome.status, JSON.stringify(outcome.body)).toBe(202);
  return { ...outcome.import!, errors: outcome.problems };
}

async function person(externalId: string) {
  const r = await sql<{
    id: number;
    email: string | null;
    manager_id: number | null;
    org_path: number[];
    direct_reports: number;
    skills: string[];
    department: string | null;
    attributes: Record<string, unknown>;
    status: string;
    mentor_available: boolean;
  }>`
    SELECT id, email, manager_id, org_path, direct_reports, skills, department, attributes, status, mentor_available FROM people
    WHERE external_id = ${externalId}`.execute(t.database.db);
  return r.rows[0];
}

const lineCodes = (errors: { line: number; field: string | null; code: string }[]) => errors.map((e) => [e.line, e.field, e.code]);

describe('people import', () => {
  it('creates people whose managers come later in the file, and builds the tree', async () => {
    const report = await importCsv([
      HEADER,
      'E3,c@x.example,Carla,Dreier,Sales,E2,Negotiation;#Excel,1980,2019-01-02,,CC-1',
      'E2,b@x.example,Bram,de Vries,Sales,E1,,1990,2020-06-15,,',
      'E1,a@x.example,Anna,Schmidt,Board,,,1965,2010-01-01,,',
    ]);
    expect(report).toMatchObject({ state: 'done', rows_read: 3, rows_done: 3, rows_total: 3, created: 3, updated: 0, rejected: 0, errors: [] });
    const [a, b, c] = [await person('E1'), await person('E2'), await person('E3')];
    expect(c!.org_path).toEqual([a!.id, b!.id, c!.id]);
    expect(a!.direct_reports).toBe(1);
    expect(b!.direct_reports).toBe(1);
    expect(c!.skills).toEqual(['negotiation', 'excel']);
    expect(c!.attributes).toEqual({ cost_center: 'CC-1' });
  });

  it('reports every bad row with line, field and code, keeps the good ones, and imports a row whose manager is unknown', async () => {
    const report = await importCsv([
      HEADER,
      'E10,ok@x.example,Ok,Person,Sales,E1,,,,,',
      'E11,not-an-email,Bad,Email,Sales,E1,,,,,',
      'E12,c12@x.example,Bad,Year,Sales,E1,,nineteen,,,',
      'E13,c13@x.example,Unknown,Manager,Sales,NOPE,,,,,',
      'E10,dup@x.example,Dup,Key,Sales,,,,,,',
      'E14,a@x.example,Taken,Email,Sales,,,,,,',
      'E15,c15@x.example,Bad,Date,Sales,,,,2020-13-45,,',
    ]);
    expect(report).toMatchObject({ rows_read: 7, created: 2, rejected: 5, warnings: 1 });
    expect(lineCodes(report.errors)).toEqual([
      [3, 'email', 'import.not_an_email'],
      [4, 'birth_year', 'import.not_a_number'],
      [5, 'manager', 'import.unknown_manager'],
      [6, 'external_id', 'import.duplicate_external_id'],
      [7, 'email', 'import.email_taken'],
      [8, 'hire_date', 'import.not_a_date'],
    ]);
    expect(report.errors[0]).toMatchObject({ severity: 'error', params: { value: 'not-an-email' }, reason: '“not-an-email” is not an e-mail address' });
    expect(report.errors[2]).toMatchObject({ severity: 'warning', params: { manager: 'NOPE' } });
    expect(report.errors[3]!.params).toEqual({ external_id: 'E10', line: 2 });
    expect(report.errors[4]!.params).toEqual({ email: 'a@x.example', owner: 'E1' });
    expect(report.errors[5]!.params).toEqual({ value: '2020-13-45' });
    expect(await person('E10')).toBeDefined();
    expect(await person('E11')).toBeUndefined();
    expect((await person('E13'))!.manager_id).toBeNull();
    expect((await person('E1'))!.direct_reports).toBe(2);
  });

  it('reports every error of a row, not only the first', async () => {
    const report = await importJsonl([
      { external_id: 'M1', email: 'nope', given_name: '', birth_year: 1850, country: 'Germany', job_level: 'boss', skills: ['ok', 'not ok!'], shoe: 44 },
    ]);
    expect(report.rejected).toBe(1);
    expect(lineCodes(report.errors).sort()).toEqual(
      [
        [1, 'birth_year', 'import.out_of_range'],
        [1, 'country', 'import.not_a_country'],
        [1, 'email', 'import.not_an_email'],
        [1, 'given_name', 'import.required'],
        [1, 'job_level', 'import.not_one_of'],
        [1, 'shoe', 'import.unknown_field'],
        [1, 'skills', 'import.bad_hashtag'],
      ].sort(),
    );
    const byField = Object.fromEntries(report.errors.map((e) => [e.field, e]));
    expect(byField.birth_year!.params).toEqual({ value: '1850', min: 1900, max: 2100 });
    expect(byField.job_level!.params).toEqual({ value: 'boss', allowed: 'individual, manager, executive' });
    expect(byField.skills!.params).toEqual({ value: 'not ok!' });
  });

  it('imports people without an e-mail address, and null clears optional fields while absent keeps them', async () => {
    const created = await importCsv([
      'external_id,email,given_name,family_name,department,skills,mentor_available',
      'F1,,Fatma,Yilmaz,Warehouse,forklift,yes',
      'F2,,Piet,,Warehouse,,',
    ]);
    expect(created).toMatchObject({ created: 2, rejected: 0, errors: [] });
    expect((await person('F1'))!.email).toBeNull();
    const cleared = await importJsonl([
      { external_id: 'F1', department: null, skills: null, mentor_available: null },
      { external_id: 'E2', email: null },
    ]);
    expect(cleared).toMatchObject({ updated: 2, rejected: 0, errors: [] });
    expect(await person('F1')).toMatchObject({ email: null, department: null, skills: [], mentor_available: false });
    expect(await person('E2')).toMatchObject({ email: null, department: 'Sales' });
    const kept = await importJsonl([{ external_id: 'F1', family_name: 'Yılmaz' }]);
    expect(kept).toMatchObject({ updated: 1, errors: [] });
    expect(await person('F1')).toMatchObject({ department: null, status: 'active' });
    const profile = await t.app.inject({ url: `/api/v1/people/${(await person('F1'))!.id}`, headers: admin.headers });
    expect(profile.statusCode).toBe(200);
    expect(profile.json()).toMatchObject({ email: null, display_name: 'Fatma Yılmaz' });
    const directory = await t.app.inject({ url: '/api/v1/people?q=fatma', headers: admin.headers });
    expect(directory.statusCode).toBe(200);
    expect(directory.json().items).toEqual([expect.objectContaining({ external_id: 'F1', email: null })]);
    const fresh = await importJsonl([{ external_id: 'F3', email: 'f3@x.example' }]);
    expect(lineCodes(fresh.errors)).toEqual([[1, 'given_name', 'import.required']]);
  });

  it('imports the reports of a rejected manager with the manager unresolved and a warning each', async () => {
    const lines = ['external_id,email,given_name,family_name,manager', 'BOSS,broken-address,Bad,Boss,'];
    for (let i = 0; i < 20; i++) {
      lines.push(`L${i},l${i}@x.example,Lead,${i},BOSS`);
      for (let j = 0; j < 10; j++) lines.push(`R${i}-${j},r${i}-${j}@x.example,Report,${i}-${j},L${i}`);
    }
    const report = await importCsv(lines);
    expect(report).toMatchObject({ rows_read: 221, created: 220, rejected: 1, warnings: 20 });
    expect(report.errors.filter((e) => e.severity === 'warning').map((e) => [e.code, e.params])).toEqual(
      Array.from({ length: 20 }, () => ['import.manager_rejected', { manager: 'BOSS', line: 2 }]),
    );
    const lead = await person('L7');
    expect(lead!.manager_id).toBeNull();
    expect(lead!.direct_reports).toBe(10);
    expect((await person('R7-3'))!.org_path).toEqual([lead!.id, (await person('R7-3'))!.id]);
  });

  it('rejects the manager links that close a cycle, within the file and through the directory, and keeps the rows', async () => {
    const report = await importJsonl([
      { external_id: 'C1', email: 'c1@x.example', given_name: 'C', family_name: 'One', manager: 'C2' },
      { external_id: 'C2', email: 'c2@x.example', given_name: 'C', family_name: 'Two', manager: 'c1@x.example' },
      { external_id: 'C3', email: 'c3@x.example', given_name: 'C', family_name: 'Three', manager: 'C1' },
      // E1 is Anna at the root; putting her under Carla (E3, below her) closes a cycle via the directory.
      { external_id: 'E1', email: 'a@x.example', given_name: 'Anna', family_name: 'Schmidt', manager: 'E3' },
      { external_id: 'C4', email: 'c4@x.example', given_name: 'C', family_name: 'Self', manager: 'C4' },
    ]);
    expect(report).toMatchObject({ created: 4, updated: 1, rejected: 0 });
    const byLine = Object.fromEntries(report.errors.map((e) => [e.line, e]));
    expect(byLine[1]).toMatchObject({ code: 'import.manager_cycle', severity: 'error', field: 'manager' });
    expect(byLine[2]).toMatchObject({ code: 'import.manager_cycle' });
    expect(byLine[3]).toBeUndefined();
    expect(byLine[4]).toMatchObject({ code: 'import.manager_cycle', params: { cycle: 'E1 → E1' } });
    expect(byLine[5]).toMatchObject({ code: 'import.own_manager' });
    expect((await person('E1'))!.manager_id).toBeNull();
    const [c1, c2, c3] = [await person('C1'), await person('C2'), await person('C3')];
    expect([c1!.manager_id, c2!.manager_id]).toEqual([null, null]);
    expect(c3!.org_path).toEqual([c1!.id, c3!.id]);
  });

  it('makes NUL, lone surrogates, bytes that are not UTF-8 and year 0 bad rows with a reason, keeping the rest', async () => {
    const jsonl = await importJsonl([
      '{"external_id":"N1","given_name":"Nul\\u0000byte","family_name":"X"}',
      '{"external_id":"N2","given_name":"Half \\ud800 pair","family_name":"X"}',
      { external_id: 'N3', given_name: 'Year', family_name: 'Zero', hire_date: '0000-01-01' },
      { external_id: 'N4', given_name: 'Fine', family_name: 'Row', hire_date: '2001-02-03' },
    ]);
    expect(jsonl).toMatchObject({ created: 1, rejected: 3 });
    expect(lineCodes(jsonl.errors)).toEqual([
      [1, 'given_name', 'import.invalid_character'],
      [2, 'given_name', 'import.invalid_character'],
      [3, 'hire_date', 'import.date_out_of_range'],
    ]);
    const latin1 = Buffer.concat([
      Buffer.from('external_id,given_name,family_name\nU1,Anna,Meyer\nU2,'),
      Buffer.from([0x4a, 0xf6, 0x72, 0x67]), // Jörg in Latin-1
      Buffer.from(',Meyer\nU3,Jörg,Müller\nU4,raw\u0000nul,X\n'),
    ]);
    const csv = await importCsv(latin1);
    expect(csv).toMatchObject({ created: 2, rejected: 2 });
    expect(lineCodes(csv.errors)).toEqual([
      [3, null, 'import.invalid_utf8'],
      [5, 'given_name', 'import.invalid_character'],
    ]);
  });

  it('reports an unterminated quote on its line and keeps the rows before and after it', async () => {
    const report = await importCsv([
      'external_id,given_name,family_name,about',
      'Q1,Quinn,A,fine',
      'Q2,Quinn,B,"never closed',
      'Q3,Quinn,C,fine',
      'Q4,Quinn,D,"two',
      'lines"',
    ]);
    expect(lineCodes(report.errors)).toEqual([[3, null, 'import.csv_unterminated_quote']]);
    expect(report).toMatchObject({ created: 3, rejected: 1 });
    expect(await person('Q3')).toBeDefined();
  });

  it('updates only the columns a file carries and moves subtrees', async () => {
    const before = await person('E3');
    const report = await importCsv(['external_id,email,given_name,family_name,manager', 'E2,b@x.example,Bram,de Vries,E10']);
    expect(report).toMatchObject({ updated: 1, created: 0, rejected: 0 });
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
    await importJsonl([{ external_id: 'E3', status: null, attributes: null }]);
    expect(await person('E3')).toMatchObject({ status: 'inactive', attributes: {} });
  });

  it('answers a bad file as a whole with a problem naming line 1', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people/import',
      headers: { ...admin.headers, 'content-type': 'text/csv' },
      payload: 'external_id,email,given_name,family_name,shoe_size\nE99,z@x.example,Z,Z,44',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'import.unknown_columns', params: { columns: '"shoe_size"' } });
    expect(res.json().detail).toMatch(/shoe_size.*line 1/);
    const bad = await importJsonl([
      '{"external_id": "J1", broken',
      JSON.stringify({ external_id: 'J2', email: 'j2@x.example', given_name: 'J', family_name: 'Two', shoe: 1 }),
    ]);
    expect(lineCodes(bad.errors)).toEqual([
      [1, null, 'import.not_json'],
      [2, 'shoe', 'import.unknown_field'],
    ]);
    const media = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people/import',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(media.statusCode).toBe(415);
    expect(media.json().code).toBe('import.unsupported_media_type');
  });

  it('exports what it imported so that importing the export changes nothing', async () => {
    for (const format of ['csv', 'jsonl'] as const) {
      const exported = await t.app.inject({ method: 'GET', url: `/api/v1/people/export?format=${format}`, headers: admin.headers });
      expect(exported.statusCode).toBe(200);
      const snapshot = await sql`SELECT * FROM people ORDER BY id`.execute(t.database.db);
      const outcome = await importThroughApi(t.app, admin.headers, format === 'csv' ? 'text/csv' : 'application/x-ndjson', exported.body);
      expect(outcome.import).toMatchObject({ rejected: 0, created: 0, warnings: 0 });
      const after = await sql`SELECT * FROM people ORDER BY id`.execute(t.database.db);
      // Which import last wrote a row changes with every import; nothing else may.
      const strip = (rows: Record<string, unknown>[]) => rows.map(({ updated_at: _u, import_id: _i, import_line: _l, ...rest }) => rest);
      expect(strip(after.rows as Record<string, unknown>[])).toEqual(strip(snapshot.rows as Record<string, unknown>[]));
    }
  });

  it('refuses import, its report and export to roles without the permission, and knows no unknown import', async () => {
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people/import',
      headers: { ...admin.headers, 'content-type': 'text/csv' },
      payload: HEADER,
    });
    expect(started.statusCode).toBe(202);
    const id = started.json<{ id: number }>().id;
    for (const role of ['communicator', 'leader', 'employee'] as const) {
      const caller = await bearer(t, role);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/people/import',
        headers: { ...caller.headers, 'content-type': 'text/csv' },
        payload: HEADER,
      });
      expect(res.statusCode).toBe(403);
      for (const url of [`/api/v1/people/imports/${id}`, `/api/v1/people/imports/${id}/problems`, '/api/v1/people/export']) {
        expect((await t.app.inject({ url, headers: caller.headers })).statusCode, url).toBe(403);
      }
    }
    expect((await t.app.inject({ url: '/api/v1/people/imports/999999', headers: admin.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/people/imports/${id}/problems?cursor=nonsense`, headers: admin.headers })).statusCode).toBe(400);
  });
});
