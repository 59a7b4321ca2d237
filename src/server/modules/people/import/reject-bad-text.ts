// Rows carrying text PostgreSQL cannot store (a NUL, a lone UTF-16 surrogate) are bad rows with a
// reason, set aside before any of the file's values reach a query (ADR 0013).
import type { ImportError } from '../../../../shared/people.js';
import { BAD_TEXT_REASONS, findBadText } from '../../../platform/http/input-boundary.js';
import type { RawPersonRow } from './parse-people-file.js';

/**
 * Splits rows into those that can be imported and errors for the rest.
 * @example const { rows, errors } = rejectBadText([{ line: 2, value: { external_id: 'E\u0000' } }]); // errors[0].field === 'external_id'
 */
export function rejectBadText(raw: RawPersonRow[]): { rows: RawPersonRow[]; errors: ImportError[] } {
  const rows: RawPersonRow[] = [];
  const errors: ImportError[] = [];
  for (const row of raw) {
    const bad = findBadText(row.value, 'body')[0];
    if (!bad?.code) {
      rows.push(row);
      continue;
    }
    const externalId = typeof row.value.external_id === 'string' && findBadText(row.value.external_id, 'body').length === 0 ? row.value.external_id : null;
    const field = (bad.pointer ?? '').slice(1).replace(/\//g, '.') || null;
    errors.push({ line: row.line, external_id: externalId, field, reason: BAD_TEXT_REASONS[bad.code as keyof typeof BAD_TEXT_REASONS] });
  }
  return { rows, errors };
}
