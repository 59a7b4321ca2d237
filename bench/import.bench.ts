// Import benchmark: N demo people as CSV through the real import (parse, validate, plan, upsert, org
// tree) against COPY of the same rows into a copy of the people table with the same indexes: the
// limit for getting those rows into that table. A COPY of the CSV into an index-free table of text
// columns is printed too, for scale. Prints rows/s, and the ratios. Options: --people N.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { generateDemoPeople, importPeopleFile, toExportStream } from '../src/server/modules/people/index.js';
import type { PersonRecord } from '../src/shared/people.js';
import { openBenchDatabase, type BenchDatabase } from './bench-database.js';

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
}

async function toCsv(records: PersonRecord[], attributeKeys: string[]): Promise<string> {
  async function* iterate() {
    yield* records;
  }
  const chunks: string[] = [];
  for await (const chunk of toExportStream(iterate(), 'csv', attributeKeys)) chunks.push(String(chunk));
  return chunks.join('');
}

async function rawCopy(db: BenchDatabase, table: string, header: string[], csv: string): Promise<number> {
  await db.pool.query(`DROP TABLE IF EXISTS ${table}; CREATE TABLE ${table} (${header.map((h) => `"${h}" text`).join(', ')})`);
  const client = await db.pool.connect();
  try {
    const started = performance.now();
    await pipeline(Readable.from([csv]), client.query(copyFrom(`COPY ${table} FROM STDIN WITH (FORMAT csv, HEADER true)`)));
    return performance.now() - started;
  } finally {
    client.release();
  }
}

/** COPYs the imported people out and into an identical, indexed table; returns milliseconds. */
async function copyIntoPeopleClone(db: BenchDatabase): Promise<number> {
  const client = await db.pool.connect();
  try {
    const chunks: Buffer[] = [];
    const out = client.query(copyTo("COPY (SELECT * FROM people WHERE external_id NOT LIKE 'W%') TO STDOUT"));
    for await (const chunk of out) chunks.push(chunk as Buffer);
    await client.query('DROP TABLE IF EXISTS people_clone; CREATE TABLE people_clone (LIKE people INCLUDING ALL)');
    const started = performance.now();
    await pipeline(Readable.from(chunks), client.query(copyFrom('COPY people_clone FROM STDIN')));
    return performance.now() - started;
  } finally {
    client.release();
  }
}

export async function run(args: string[]): Promise<void> {
  const count = option(args, 'people', 100_000);
  const db = await openBenchDatabase({ embedded: args.includes('--embedded') });
  try {
    const measured = generateDemoPeople({ count, seed: 7, asOf: '2026-06-30' }) as PersonRecord[];
    // Warm-up on a separate small organisation, so both paths run on warm caches and plans.
    const warm = (generateDemoPeople({ count: 2000, seed: 8, asOf: '2026-06-30' }) as PersonRecord[]).map((p) => ({
      ...p,
      external_id: `W${p.external_id}`,
      email: `warm.${p.email}`,
      manager: p.manager ? `W${p.manager}` : p.manager,
    }));
    const keys = [...new Set(measured.flatMap((p) => Object.keys(p.attributes ?? {})))].sort();
    const warmCsv = await toCsv(warm, keys);
    const csv = await toCsv(measured, keys);
    const header = csv.slice(0, csv.indexOf('\n')).split(',');
    await rawCopy(db, 'bench_copy_warm', header, warmCsv);
    await importPeopleFile({ db: db.db, text: warmCsv, format: 'csv' });

    const started = performance.now();
    const report = await importPeopleFile({ db: db.db, text: csv, format: 'csv' });
    const importMs = performance.now() - started;
    if (report.rejected > 0) throw new Error(`the import rejected ${report.rejected} rows: ${JSON.stringify(report.errors.slice(0, 3))}`);
    const limitMs = await copyIntoPeopleClone(db);
    const rawMs = await rawCopy(db, 'bench_copy', header, csv);

    const rate = (ms: number) => Math.round((count / ms) * 1000);
    console.log(`import benchmark: ${count} people, ${(csv.length / 1e6).toFixed(1)} MB CSV, on ${db.label}`);
    const line = (label: string, ms: number) =>
      console.log(`  ${label.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${rate(ms).toLocaleString('en').padStart(9)} rows/s`);
    line(`resonance import (created ${report.created})`, importMs);
    line('COPY into people (same indexes): the limit', limitMs);
    line('COPY of the CSV into text columns, no index', rawMs);
    console.log(
      `  ratio: ${((limitMs / importMs) * 100).toFixed(1)}% of the limit (goal: at least 25%); ${((rawMs / importMs) * 100).toFixed(1)}% of the index-free COPY`,
    );
  } finally {
    await db.drop();
  }
}
