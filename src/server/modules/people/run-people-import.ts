// Runs a stored import to its end in short transactions, so the directory stays usable meanwhile and a
// restart resumes where the last committed batch ended. First pass: read the file in batches, write
// every row whose manager is known, set the others aside. Second pass: write the rows set aside from
// the top of the tree down, each once its manager is in; cycles among them are broken last.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { AnyDb } from '../../platform/db/connect.js';
import type { StoredProblem } from './import/import-problems.js';
import { readPeopleFile, type CsvHeader } from './import/parse-people-file.js';
import type { ReadItem } from './import/read-records.js';
import { validatePersonRow, type ValidRow } from './import/validate-person-row.js';
import * as jq from './import-jobs.queries.js';
import * as q from './people-import.queries.js';
import { writeImportBatch, type BatchOutcome } from './write-import-batch.js';

/** Rows per transaction unless the caller says otherwise: short enough to keep requests flowing. */
export const DEFAULT_BATCH_ROWS = 500;
/** A runner renews its hold with every batch; a crashed one is replaced after this long. */
const LEASE_SECONDS = 120;
/** Lines of rows set aside scanned per query when looking for where the second pass goes on. */
const SCAN_LINES = 20_000;

export type RunOutcome = 'done' | 'paused' | 'busy' | 'failed';

export type RunOptions = {
  db: AnyDb;
  importId: number;
  batchRows?: number;
  /** Stop after the batch in progress (the queue is shutting down). */
  signal?: AbortSignal;
  /** Hand over after this long (a job's slice), so no single job runs for hours. */
  sliceMs?: number;
  /** Rows to import instead of the stored file (generated people: no file, no resuming). */
  rows?: Iterable<{ line: number; value: Record<string, unknown> }>;
  logger?: Pick<Logger, 'warn' | 'error'>;
  /** Attempts that may fail unexpectedly before the import is given up. */
  maxFailures?: number;
};

/**
 * Runs (or resumes) an import until it is done, paused (signal, slice) or found held by another runner.
 * @example const outcome = await runPeopleImport({ db, importId: 7 }); // 'done'
 */
export async function runPeopleImport(options: RunOptions): Promise<RunOutcome> {
  const { db, importId } = options;
  const runner = randomUUID();
  const claimed = await jq.claimImport(db, importId, runner, LEASE_SECONDS);
  if (!claimed) return 'busy';
  const started = Date.now();
  const ctx: RunContext = {
    db,
    importId,
    runner,
    batchRows: options.batchRows ?? DEFAULT_BATCH_ROWS,
    shouldPause: () => options.signal?.aborted === true || (options.sliceMs !== undefined && Date.now() - started > options.sliceMs),
    stats: new GrowthTracker(db),
  };
  try {
    if (claimed.phase === 'rows') {
      const read = await readPass(ctx, claimed, options.rows);
      if (read !== 'done') return read;
    }
    const written = await managersPass(ctx);
    if (written !== 'done') return written;
    return (await db.transaction().execute(async (trx) => {
      if (!(await jq.lockImport(trx, importId, runner))) return false;
      await jq.finishImport(trx, importId);
      return true;
    }))
      ? 'done'
      : 'busy';
  } catch (error) {
    const failures = await jq.countFailure(db, importId);
    options.logger?.error({ err: error, importId, failures }, 'people import attempt failed');
    if (failures >= (options.maxFailures ?? 3)) {
      await jq.failImport(db, importId, { code: 'import.failed', params: {}, detail: `the import stopped after ${failures} failed attempts` });
      return 'failed';
    }
    throw error;
  } finally {
    await jq.releaseImport(db, importId, runner);
  }
}

type RunContext = { db: AnyDb; importId: number; runner: string; batchRows: number; shouldPause(): boolean; stats: GrowthTracker };

/**
 * Re-analyses the tables an import fills whenever they have grown by half since the planner last
 * looked (and at least by ANALYZE_EVERY rows): a few ANALYZEs per import, plans that use the indexes.
 */
const ANALYZE_EVERY = 5_000;
class GrowthTracker {
  private readonly grown = { people: 0, people_import_rows: 0 };
  private readonly known = { people: 0, people_import_rows: 0 };

  constructor(private readonly db: AnyDb) {}

  add(table: 'people' | 'people_import_rows', rows: number): void {
    this.grown[table] += rows;
  }

  async analyzeWhereNeeded(): Promise<void> {
    for (const table of ['people', 'people_import_rows'] as const) {
      if (this.grown[table] < Math.max(ANALYZE_EVERY, this.known[table] / 2)) continue;
      await jq.analyzeTable(this.db, table);
      this.known[table] += this.grown[table];
      this.grown[table] = 0;
    }
  }
}
type StepOutcome = 'done' | 'paused' | 'busy';

async function readPass(ctx: RunContext, imp: jq.ImportRow, rows: RunOptions['rows']): Promise<StepOutcome> {
  const items = rows ? fromRows(rows) : readStoredFile(ctx, imp);
  // One batch is written while the next is read and validated: the database and the JavaScript work
  // at the same time. The cursor still moves batch by batch, in order.
  let writing: Promise<boolean> | null = null;
  const finishWriting = async () => {
    const ok = writing ? await writing : true;
    writing = null;
    if (ok) await ctx.stats.analyzeWhereNeeded();
    return ok;
  };
  let batch: ReadItem[] = [];
  try {
    for await (const item of items) {
      batch.push(item);
      if (batch.length < ctx.batchRows) continue;
      const prepared = prepareReadBatch(batch);
      batch = [];
      if (!(await finishWriting())) return 'busy';
      if (ctx.shouldPause()) return 'paused';
      writing = commitReadBatch(ctx, prepared);
      // Awaited before the next batch; until then a failure must not count as unhandled.
      writing.catch(() => undefined);
    }
  } catch (error) {
    // Reading failed: let the batch in flight end (it commits whole or not at all) before giving up.
    await (writing ?? Promise.resolve()).catch(() => undefined);
    throw error;
  }
  if (!(await finishWriting())) return 'busy';
  if (!(await commitReadBatch(ctx, prepareReadBatch(batch), true))) return 'busy';
  return 'done';
}

function readStoredFile(ctx: RunContext, imp: jq.ImportRow): AsyncGenerator<ReadItem> {
  const header: CsvHeader | null =
    imp.format === 'csv'
      ? { columns: imp.csv_header ?? [], delimiter: imp.csv_delimiter ?? ',', dataStart: { byte: imp.next_byte, line: imp.next_line } }
      : null;
  return readPeopleFile(storedChunks(ctx.db, ctx.importId, imp.next_byte), { format: imp.format, header, from: { byte: imp.next_byte, line: imp.next_line } });
}

/** The stored file from byte `from` on, one piece at a time. */
async function* storedChunks(db: AnyDb, importId: number, from: number): AsyncGenerator<Buffer> {
  let seq = await jq.findChunkAt(db, importId, from);
  while (seq !== null) {
    const chunk = await jq.readChunk(db, importId, seq);
    if (!chunk) return;
    const skip = Math.max(0, from - chunk.start_byte);
    if (skip < chunk.data.length) yield chunk.data.subarray(skip);
    seq++;
  }
}

async function* fromRows(rows: NonNullable<RunOptions['rows']>): AsyncGenerator<ReadItem> {
  for (const row of rows) yield { kind: 'row', line: row.line, value: row.value, next: { byte: 0, line: row.line + 1 } };
}

type PreparedBatch = { items: number; next: ReadItem['next'] | undefined; valid: ValidRow[]; problems: StoredProblem[] };

/** Validates a batch (outside any transaction). */
function prepareReadBatch(items: ReadItem[]): PreparedBatch {
  const problems: StoredProblem[] = [];
  const valid: ValidRow[] = [];
  for (const item of items) {
    if (item.kind === 'problem') {
      problems.push(item.problem);
      continue;
    }
    const checked = validatePersonRow(item);
    if ('valid' in checked) valid.push(checked.valid);
    else problems.push(...checked.problems);
  }
  return { items: items.length, next: items[items.length - 1]?.next, valid, problems };
}

/** Writes a validated batch and moves the cursor past it, in one transaction. */
async function commitReadBatch(ctx: RunContext, batch: PreparedBatch, last = false): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await jq.lockImport(trx, ctx.importId, ctx.runner))) return false;
    const outcome = await writeImportBatch({ trx, importId: ctx.importId, rows: batch.valid, mode: 'read' });
    const all = [...batch.problems, ...outcome.problems];
    await jq.insertProblems(trx, ctx.importId, all);
    await jq.advanceImport(trx, ctx.importId, {
      next: batch.next,
      counts: countsOf(all, outcome, { read: batch.items, done: batch.items - outcome.waiting }),
      leaseSeconds: LEASE_SECONDS,
    });
    if (last) await jq.enterManagersPhase(trx, ctx.importId);
    ctx.stats.add('people', outcome.created);
    ctx.stats.add('people_import_rows', outcome.waiting);
    return true;
  });
}

function countsOf(problems: StoredProblem[], outcome: BatchOutcome, rows: { read: number; done: number }): jq.Counts {
  const rejected = new Set(problems.filter((p) => p.row_rejected).map((p) => p.line));
  const warned = new Set(problems.filter((p) => p.severity === 'warning').map((p) => p.line));
  return {
    rows_read: rows.read,
    rows_done: rows.done,
    created: outcome.created,
    updated: outcome.updated,
    rejected: rejected.size,
    warnings: warned.size,
    problems: problems.length,
  };
}

/**
 * Writes the rows set aside, top-down: first those whose manager is not set aside itself, then the
 * ones each written batch unblocks. What is left when nothing is unblocked waits in a cycle; the
 * cycle's rows go in one batch, where the planner rejects the links that close it.
 */
async function managersPass(ctx: RunContext): Promise<StepOutcome> {
  // The rows set aside were counted while the first pass ran; a resumed run has not seen them.
  await jq.analyzeTable(ctx.db, 'people_import_rows');
  const frontier: number[] = [];
  let previousFill = '';
  for (;;) {
    let force = false;
    if (frontier.length === 0) {
      const fill = await nextTops(ctx);
      if (fill === null) return 'done';
      // No batch since the last fill changed anything: write what is left, whatever it waits for.
      force = fill.join(',') === previousFill;
      previousFill = fill.join(',');
      frontier.push(...fill);
    }
    const lines = frontier.splice(0, force ? frontier.length : ctx.batchRows);
    const result = await ctx.db.transaction().execute(async (trx) => {
      if (!(await jq.lockImport(trx, ctx.importId, ctx.runner))) return null;
      const rows = await q.findWaitingRows(trx, ctx.importId, lines);
      if (rows.length === 0) return { below: [] as number[], progressed: false };
      const outcome = await writeImportBatch({ trx, importId: ctx.importId, rows, mode: force ? 'force' : 'final' });
      ctx.stats.add('people', outcome.created);
      const blocked = new Set(outcome.blocked);
      const finished = rows.map((r) => r.line).filter((l) => !blocked.has(l));
      await q.deleteWaitingRows(trx, ctx.importId, finished);
      const below = await q.findWaitingBelow(trx, ctx.importId, outcome.written);
      await jq.insertProblems(trx, ctx.importId, outcome.problems);
      await jq.advanceImport(trx, ctx.importId, {
        counts: countsOf(outcome.problems, outcome, { read: 0, done: finished.length }),
        leaseSeconds: LEASE_SECONDS,
      });
      return { below, progressed: finished.length > 0 };
    });
    if (result === null) return 'busy';
    await ctx.stats.analyzeWhereNeeded();
    if (result.progressed) previousFill = '';
    frontier.push(...result.below);
    if (ctx.shouldPause()) return 'paused';
  }
}

/** Where the second pass goes on: the tops of what is left, else one cycle; null when nothing is left. */
async function nextTops(ctx: RunContext): Promise<number[] | null> {
  const range = await q.waitingLineRange(ctx.db, ctx.importId);
  if (range.count === 0 || range.min === null || range.max === null) return null;
  const tops: number[] = [];
  for (let from = range.min; from <= range.max; from += SCAN_LINES) tops.push(...(await q.findWaitingTops(ctx.db, ctx.importId, from, from + SCAN_LINES - 1)));
  if (tops.length > 0) return tops;
  // Everything left waits for something else left: follow managers from the first row to a repeat.
  const path: number[] = [];
  let line: number | null = range.min;
  while (line !== null && !path.includes(line)) {
    path.push(line);
    line = await q.findWaitingManagerOf(ctx.db, ctx.importId, line);
  }
  return line === null ? [path[path.length - 1]!] : path.slice(path.indexOf(line));
}
