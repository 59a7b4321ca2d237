// Imports contributions (DESIGN §3.6) from JSON Lines, read as a stream: each line validated, its
// author resolved by external_id or e-mail, its language detected when absent; bad lines are reported
// with line, field and reason, good lines upserted by external_id in batches of their own short
// transaction (the embedded database serves one transaction at a time), then BM25 statistics refreshed.
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { AnyDb } from '../../platform/db/connect.js';
import type { z } from 'zod';
import { contributionInputSchema } from '../../../shared/expertise.js';
import type { ImportError, ImportReport } from '../../../shared/people.js';
import { BAD_TEXT_REASONS, findBadText } from '../../platform/http/input-boundary.js';
import { resolvePersonRefs } from '../people/index.js';
import { detectLanguage } from './detect-language.js';
import * as q from './expertise.queries.js';

const BATCH = 1000;

type ParsedLine = { line: number; value: z.output<typeof contributionInputSchema> };

/**
 * Imports a JSON Lines file of contributions held in memory (small files, the demo, tests).
 * @example const report = await importContributionsFile({ db, text }); // { created: 629, rejected: 0, ... }
 */
export async function importContributionsFile(input: { db: AnyDb; text: string }): Promise<ImportReport> {
  return importContributions({ db: input.db, source: Readable.from([input.text]) });
}

/**
 * Imports contributions from a stream of JSON Lines (an upload, a file): memory holds one batch, the
 * external ids seen (to report duplicates within the file) and the report.
 * @example const report = await importContributions({ db, source: createReadStream('contributions.jsonl') });
 */
export async function importContributions(input: { db: AnyDb; source: NodeJS.ReadableStream }): Promise<ImportReport> {
  const errors: ImportError[] = [];
  const seen = new Map<string, number>();
  const totals = { rows: 0, created: 0, updated: 0 };
  let batch: ParsedLine[] = [];
  let line = 0;
  for await (const raw of createInterface({ input: input.source, crlfDelay: Infinity })) {
    line++;
    if (raw.trim() === '') continue;
    totals.rows++;
    const parsed = parseLine(raw, line, seen, errors);
    if (parsed) batch.push(parsed);
    if (batch.length >= BATCH) {
      await writeBatch(input.db, batch, errors, totals);
      batch = [];
    }
  }
  await writeBatch(input.db, batch, errors, totals);
  if (totals.created + totals.updated > 0) await input.db.transaction().execute((trx) => q.refreshCollectionStatistics(trx));
  return { rows: totals.rows, created: totals.created, updated: totals.updated, rejected: errors.length, errors: errors.sort((a, b) => a.line - b.line) };
}

function parseLine(raw: string, line: number, seen: Map<string, number>, errors: ImportError[]): ParsedLine | null {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    errors.push({ line, external_id: null, field: null, reason: `not valid JSON: ${(error as Error).message}` });
    return null;
  }
  const id = typeof (json as { external_id?: unknown })?.external_id === 'string' ? (json as { external_id: string }).external_id : null;
  // NUL and lone surrogates make PostgreSQL refuse the whole batch: the line is bad, not the file.
  const badText = findBadText(json, 'body')[0];
  if (badText?.code) {
    const field = (badText.pointer ?? '').slice(1).replace(/\//g, '.') || null;
    errors.push({ line, external_id: id, field, reason: BAD_TEXT_REASONS[badText.code as keyof typeof BAD_TEXT_REASONS] });
    return null;
  }
  const result = contributionInputSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.') || null;
    errors.push({ line, external_id: id, field, reason: issue.code === 'unrecognized_keys' ? `unknown field ${field}` : issue.message });
    return null;
  }
  const earlier = seen.get(result.data.external_id);
  if (earlier !== undefined) {
    errors.push({ line, external_id: id, field: 'external_id', reason: `external_id ${result.data.external_id} already appears on line ${earlier}` });
    return null;
  }
  seen.set(result.data.external_id, line);
  return { line, value: result.data };
}

/** Upserts one batch in its own transaction; lines whose author is unknown go to the report. */
async function writeBatch(db: AnyDb, batch: ParsedLine[], errors: ImportError[], totals: { created: number; updated: number }): Promise<void> {
  if (batch.length === 0) return;
  await db.transaction().execute(async (trx) => {
    const authors = await resolvePersonRefs({ db: trx, refs: batch.map((p) => p.value.person) });
    const rows: q.ContributionRow[] = [];
    for (const { line, value } of batch) {
      const personId = authors.get(value.person);
      if (personId === undefined) {
        errors.push({ line, external_id: value.external_id, field: 'person', reason: `no person ${value.person} in the directory` });
        continue;
      }
      rows.push({
        external_id: value.external_id,
        person_id: personId,
        kind: value.kind,
        title: value.title,
        body: value.body,
        tags: value.tags,
        language: (value.language ?? detectLanguage(`${value.title} ${value.body}`)).toLowerCase(),
        created_at: value.created_at,
        score: value.score ?? null,
        accepted: value.accepted ?? null,
        url: value.url ?? null,
      });
    }
    const existing = await q.findExistingExternalIds(
      trx,
      rows.map((r) => r.external_id),
    );
    if (rows.length > 0) await q.upsertContributions(trx, rows);
    totals.created += rows.filter((r) => !existing.has(r.external_id)).length;
    totals.updated += rows.filter((r) => existing.has(r.external_id)).length;
  });
}
