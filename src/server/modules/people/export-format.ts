// Writes exported people as CSV (the import's columns, `;` between list items, attributes.<key>
// columns, cells a spreadsheet would run as formulas neutralised) or JSON Lines, streaming so a
// million people never sit in memory at once.
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { PersonRecord } from '../../../shared/people.js';
import { LIST_FIELDS, PERSON_FIELDS, type PersonField } from './import/people-columns.js';
import { ESCAPED_CELL, escapeFormulaCell } from './csv-formula.js';

const CSV_FIELDS = PERSON_FIELDS.filter((f) => f !== 'attributes');

function csvCell(field: PersonField, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (LIST_FIELDS.has(field)) return (value as string[]).join(';');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Streams records in the format asked for. CSV needs the attribute keys up front, so it takes them.
 * @example toExportStream(exportPeople({ db, thresholds }), 'jsonl', []).pipe(process.stdout);
 */
export function toExportStream(records: AsyncIterable<PersonRecord>, format: 'csv' | 'jsonl', attributeKeys: string[]): Readable {
  async function* lines(): AsyncGenerator<string> {
    if (format === 'csv') yield stringify([[...CSV_FIELDS, ...attributeKeys.map((k) => `attributes.${k}`)]]);
    for await (const record of records) {
      if (format === 'jsonl') {
        yield JSON.stringify(record) + '\n';
        continue;
      }
      const attributes = (record.attributes ?? {}) as Record<string, unknown>;
      const cells = [
        ...CSV_FIELDS.map((f) => csvCell(f, record[f])),
        ...attributeKeys.map((k) =>
          attributes[k] === undefined || attributes[k] === null ? '' : typeof attributes[k] === 'string' ? attributes[k] : JSON.stringify(attributes[k]),
        ),
      ];
      yield stringify([cells.map(escapeFormulaCell)], { quoted_match: ESCAPED_CELL });
    }
  }
  return Readable.from(lines());
}
