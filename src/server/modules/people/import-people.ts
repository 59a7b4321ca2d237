// The people import's entry points: store an uploaded file and queue it (`startPeopleImport`, used by
// the API and the command line), read an import's state and its report page by page, and run an import
// in-process for callers that hold the rows or the text already (demo seed, benchmarks, tests).
import { Readable } from 'node:stream';
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError, invalidCursor, notFound } from '../../platform/http/app-error.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { ImportProblem, ImportProblemsPage, PeopleImport, PeopleImportReport } from '../../../shared/people.js';
import { CsvHeaderReader, type CsvHeader, type PeopleFileFormat, type RawPersonRow } from './import/parse-people-file.js';
import { LineSplitter } from './import/split-lines.js';
import * as jq from './import-jobs.queries.js';
import { runPeopleImportJob } from './jobs/run-people-import.job.js';
import { runPeopleImport, DEFAULT_BATCH_ROWS } from './run-people-import.js';

/** Pieces the upload is stored in. */
const CHUNK_BYTES = 1024 * 1024;

export type StartImportInput = {
  db: AnyDb;
  /** The file as it arrives (request body, file stream). */
  body: AsyncIterable<Buffer | string>;
  format: PeopleFileFormat;
  fileName?: string | null;
  createdByUserId?: number | null;
  maxBytes: number;
  /** Queue the import's job; without it the caller runs the import itself. */
  jobs?: JobQueue;
  batchRows?: number;
};

/**
 * Stores an uploaded people file in the database (streamed, in pieces) and queues its import. A CSV
 * header is checked while the upload arrives, so a file with an unknown column is refused at once.
 * @example const imp = await startPeopleImport({ db, jobs, body: request.raw, format: 'csv', maxBytes }); // { id: 7, state: 'queued', ... }
 */
export async function startPeopleImport(input: StartImportInput): Promise<PeopleImport> {
  const { db } = input;
  const importId = await jq.insertImport(db, { format: input.format, fileName: input.fileName ?? null, createdByUserId: input.createdByUserId ?? null });
  try {
    const headerReader = input.format === 'csv' ? new CsvHeaderReader() : null;
    const splitter = new LineSplitter({ byte: 0, line: 1 });
    let header: CsvHeader | null = null;
    let pieces: Buffer[] = [];
    let pieceBytes = 0;
    let total = 0;
    let seq = 0;
    let newlines = 0;
    let lastByte = -1;
    const flush = async () => {
      if (pieceBytes === 0) return;
      const data = Buffer.concat(pieces);
      await jq.insertChunk(db, importId, seq++, total - pieceBytes, data);
      pieces = [];
      pieceBytes = 0;
    };
    for await (const part of input.body) {
      const chunk = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
      if (chunk.length === 0) continue;
      total += chunk.length;
      if (total > input.maxBytes) {
        throw new AppError('payload_too_large', `the file is larger than ${Math.round(input.maxBytes / 1024 / 1024)} MB`, {
          messageCode: 'import.too_large',
          params: { max_mb: Math.round(input.maxBytes / 1024 / 1024) },
        });
      }
      newlines += countNewlines(chunk);
      lastByte = chunk[chunk.length - 1]!;
      if (headerReader && !header) header = headerReader.push(splitter.push(chunk));
      pieces.push(chunk);
      pieceBytes += chunk.length;
      if (pieceBytes >= CHUNK_BYTES) await flush();
    }
    await flush();
    if (headerReader && !header) header = headerReader.push(splitter.end()) ?? headerReader.end();
    const lines = newlines + (total > 0 && lastByte !== 0x0a ? 1 : 0);
    const start = header?.dataStart ?? { byte: 0, line: 1 };
    await db.transaction().execute(async (trx) => {
      await jq.markQueued(trx, importId, {
        bytes: total,
        rowsTotal: Math.max(0, lines - (start.line - 1)),
        csvHeader: header?.columns ?? null,
        csvDelimiter: header?.delimiter ?? null,
        nextByte: start.byte,
        nextLine: start.line,
      });
      if (input.jobs) await input.jobs.enqueue(trx, runPeopleImportJob, { importId, batchRows: input.batchRows ?? DEFAULT_BATCH_ROWS });
    });
  } catch (error) {
    await jq.deleteImport(db, importId);
    throw error;
  }
  return getPeopleImport({ db, importId });
}

function countNewlines(chunk: Buffer): number {
  let n = 0;
  for (let i = chunk.indexOf(0x0a); i >= 0; i = chunk.indexOf(0x0a, i + 1)) n++;
  return n;
}

/**
 * An import's state, progress and counts.
 * @example const imp = await getPeopleImport({ db, importId: 7 }); imp.rows_done / (imp.rows_total ?? 1)
 */
export async function getPeopleImport(input: { db: AnyDb; importId: number }): Promise<PeopleImport> {
  const row = await jq.findImport(input.db, input.importId);
  if (!row) throw notFound(`import ${input.importId}`);
  return presentImport(row);
}

function presentImport(row: jq.ImportRow): PeopleImport {
  return {
    id: row.id,
    state: row.state,
    phase: row.phase,
    format: row.format,
    file_name: row.file_name,
    bytes: row.bytes,
    rows_read: row.rows_read,
    rows_done: row.rows_done,
    rows_total: row.rows_total,
    rows_total_exact: row.rows_total_exact,
    created: row.created,
    updated: row.updated,
    rejected: row.rejected,
    warnings: row.warnings,
    problems: row.problems,
    failure: row.failure_code ? { code: row.failure_code, params: row.failure_params ?? {}, detail: row.failure_detail ?? '' } : null,
    created_at: row.created_at.toISOString(),
    started_at: row.started_at?.toISOString() ?? null,
    finished_at: row.finished_at?.toISOString() ?? null,
  };
}

function encodeCursor(p: { line: number; id: number }): string {
  return Buffer.from(JSON.stringify([p.line, p.id])).toString('base64url');
}

function decodeCursor(cursor: string): { line: number; id: number } {
  try {
    const [line, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (Number.isSafeInteger(line) && Number.isSafeInteger(id)) return { line: line as number, id: id as number };
  } catch {
    // fall through to the error below
  }
  throw invalidCursor();
}

/**
 * A page of an import's problems in file order.
 * @example const { items, next_cursor } = await listImportProblems({ db, importId: 7, limit: 100 });
 */
export async function listImportProblems(input: { db: AnyDb; importId: number; cursor?: string; limit: number }): Promise<ImportProblemsPage> {
  if (!(await jq.findImport(input.db, input.importId))) throw notFound(`import ${input.importId}`);
  const rows = await jq.findProblems(input.db, input.importId, input.cursor ? decodeCursor(input.cursor) : null, input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return { items: page.map(presentProblem), next_cursor: rows.length > input.limit && last ? encodeCursor(last) : null };
}

const presentProblem = (p: jq.ProblemRow): ImportProblem => ({
  line: p.line,
  external_id: p.external_id,
  field: p.field,
  severity: p.severity,
  code: p.code,
  params: p.params,
  reason: p.reason,
});

/** Every problem of an import, page by page (for printing a report without holding it all). */
export async function* iterateImportProblems(input: { db: AnyDb; importId: number }): AsyncGenerator<ImportProblem> {
  let after: { line: number; id: number } | null = null;
  for (;;) {
    const rows = await jq.findProblems(input.db, input.importId, after, 1000);
    for (const row of rows) yield presentProblem(row);
    if (rows.length < 1000) return;
    after = rows[rows.length - 1]!;
  }
}

/** An import's counts with all its problems (for small, in-process imports). */
export async function readPeopleImportReport(input: { db: AnyDb; importId: number }): Promise<PeopleImportReport> {
  const imp = await getPeopleImport(input);
  const errors: ImportProblem[] = [];
  for await (const p of iterateImportProblems(input)) errors.push(p);
  return {
    id: imp.id,
    rows: imp.rows_read,
    created: imp.created,
    updated: imp.updated,
    rejected: imp.rejected,
    warnings: imp.warnings,
    errors,
    failure: imp.failure,
  };
}

/**
 * Imports a CSV or JSON Lines file in this process (stored and read like an upload).
 * @example const report = await importPeopleFile({ db, text, format: 'csv' }); // { created: 3, errors: [...] }
 */
export async function importPeopleFile(input: {
  db: AnyDb;
  text?: string;
  stream?: AsyncIterable<Buffer | string>;
  format: PeopleFileFormat;
  batchRows?: number;
}): Promise<PeopleImportReport> {
  const body = input.stream ?? Readable.from([Buffer.from(input.text ?? '', 'utf8')]);
  const started = await startPeopleImport({ db: input.db, body, format: input.format, maxBytes: Number.MAX_SAFE_INTEGER });
  await runToEnd(input.db, started.id, input.batchRows);
  return readPeopleImportReport({ db: input.db, importId: started.id });
}

/**
 * Imports rows already read from a file or generated (the demo), in this process.
 * @example const report = await importPeopleRows({ db, rows: [{ line: 1, value: { external_id: 'E1', given_name: 'Ada' } }] });
 */
export async function importPeopleRows(input: { db: AnyDb; rows: RawPersonRow[]; batchRows?: number }): Promise<PeopleImportReport> {
  const importId = await jq.insertImport(input.db, { format: 'jsonl', fileName: null, createdByUserId: null });
  await jq.markQueued(input.db, importId, { bytes: 0, rowsTotal: input.rows.length, csvHeader: null, csvDelimiter: null, nextByte: 0, nextLine: 1 });
  const outcome = await runPeopleImport({ db: input.db, importId, rows: input.rows, batchRows: input.batchRows ?? 2000 });
  if (outcome !== 'done') throw new Error(`import ${importId} ended ${outcome}`);
  return readPeopleImportReport({ db: input.db, importId });
}

async function runToEnd(db: AnyDb, importId: number, batchRows?: number): Promise<void> {
  const outcome = await runPeopleImport({ db, importId, batchRows });
  if (outcome !== 'done' && outcome !== 'failed') throw new Error(`import ${importId} ended ${outcome}`);
}
