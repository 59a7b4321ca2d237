// Imports contributions (DESIGN §3.6) from JSON Lines: each line validated, its author resolved by
// external_id or e-mail, its language detected when absent; bad lines are reported with line, field
// and reason, good lines upserted by external_id in one transaction, then BM25 statistics refreshed.
import type { AnyDb } from '../../platform/db/connect.js';
import { contributionInputSchema } from '../../../shared/expertise.js';
import type { ImportError, ImportReport } from '../../../shared/people.js';
import { BAD_TEXT_REASONS, findBadText } from '../../platform/http/input-boundary.js';
import { resolvePersonRefs } from '../people/index.js';
import { detectLanguage } from './detect-language.js';
import * as q from './expertise.queries.js';

const BATCH = 1000;

/**
 * Imports a JSON Lines file of contributions.
 * @example const report = await importContributionsFile({ db, text }); // { created: 629, rejected: 0, ... }
 */
export async function importContributionsFile(input: { db: AnyDb; text: string }): Promise<ImportReport> {
  const errors: ImportError[] = [];
  const parsed: { line: number; value: ReturnType<typeof contributionInputSchema.parse> }[] = [];
  const seen = new Map<string, number>();
  input.text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      errors.push({ line, external_id: null, field: null, reason: `not valid JSON: ${(error as Error).message}` });
      return;
    }
    const id = typeof (json as { external_id?: unknown })?.external_id === 'string' ? (json as { external_id: string }).external_id : null;
    // NUL and lone surrogates make PostgreSQL refuse the whole batch: the line is bad, not the file.
    const badText = findBadText(json, 'body')[0];
    if (badText?.code) {
      const field = (badText.pointer ?? '').slice(1).replace(/\//g, '.') || null;
      errors.push({ line, external_id: id, field, reason: BAD_TEXT_REASONS[badText.code as keyof typeof BAD_TEXT_REASONS] });
      return;
    }
    const result = contributionInputSchema.safeParse(json);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const field = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.') || null;
      errors.push({ line, external_id: id, field, reason: issue.code === 'unrecognized_keys' ? `unknown field ${field}` : issue.message });
      return;
    }
    const earlier = seen.get(result.data.external_id);
    if (earlier !== undefined) {
      errors.push({ line, external_id: id, field: 'external_id', reason: `external_id ${result.data.external_id} already appears on line ${earlier}` });
      return;
    }
    seen.set(result.data.external_id, line);
    parsed.push({ line, value: result.data });
  });

  return input.db.transaction().execute(async (trx) => {
    const authors = await resolvePersonRefs({ db: trx, refs: parsed.map((p) => p.value.person) });
    const rows: q.ContributionRow[] = [];
    for (const { line, value } of parsed) {
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
    for (let i = 0; i < rows.length; i += BATCH) await q.upsertContributions(trx, rows.slice(i, i + BATCH));
    if (rows.length > 0) await q.refreshCollectionStatistics(trx);
    const lines = input.text.split(/\r?\n/).filter((l) => l.trim() !== '').length;
    return {
      rows: lines,
      created: rows.filter((r) => !existing.has(r.external_id)).length,
      updated: rows.filter((r) => existing.has(r.external_id)).length,
      rejected: errors.length,
      errors: errors.sort((a, b) => a.line - b.line),
    };
  });
}
