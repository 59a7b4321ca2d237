// Turns an uploaded CSV or JSON Lines file into raw person objects with their line numbers. Rows that
// cannot be read become errors; the rest go on. CSV lists use `;`, `attributes.<key>` columns fill
// attributes, and only the columns present in the file are imported (absent ones keep their values).
import Papa from 'papaparse';
import { AppError } from '../../../platform/http/app-error.js';
import type { ImportError } from '../../../../shared/people.js';
import { BOOLEAN_FIELDS, INTEGER_FIELDS, LIST_FIELDS, PERSON_FIELDS, type PersonField } from './people-columns.js';
import { unescapeFormulaCell } from '../csv-formula.js';

export type PeopleFileFormat = 'csv' | 'jsonl';

/** One row as read: its 1-based line, and the object to validate. */
export type RawPersonRow = { line: number; value: Record<string, unknown> };

export type ParsedPeopleFile = { rows: RawPersonRow[]; errors: ImportError[] };

const KNOWN = new Set<string>(PERSON_FIELDS);
const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', 'ja', 'j']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', 'nein', 'nee', '']);

/**
 * Parses a people file.
 * @example parsePeopleFile('external_id,email\nE1,a@b.example\n', 'csv').rows[0] // { line: 2, value: {...} }
 */
export function parsePeopleFile(text: string, format: PeopleFileFormat): ParsedPeopleFile {
  return format === 'csv' ? parseCsv(text) : parseJsonLines(text);
}

/** Picks the format from a file name or a Content-Type. */
export function detectPeopleFileFormat(nameOrType: string): PeopleFileFormat | null {
  const s = nameOrType.toLowerCase();
  if (s.endsWith('.csv') || s.startsWith('text/csv')) return 'csv';
  if (/\.(jsonl|ndjson)$/.test(s) || /^application\/(x-ndjson|jsonl|json-lines|x-jsonlines)/.test(s)) return 'jsonl';
  return null;
}

function parseJsonLines(text: string): ParsedPeopleFile {
  const rows: RawPersonRow[] = [];
  const errors: ImportError[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      errors.push({ line, external_id: null, field: null, reason: `not valid JSON: ${(error as Error).message}` });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      errors.push({ line, external_id: null, field: null, reason: 'each line must be one JSON object' });
      return;
    }
    rows.push({ line, value: value as Record<string, unknown> });
  });
  return { rows, errors };
}

function parseCsv(text: string): ParsedPeopleFile {
  const errors: ImportError[] = [];
  const rows: RawPersonRow[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = lineCounter(body);
  let header: string[] | null = null;
  let rowStart = 0;
  Papa.parse<string[]>(body, {
    header: false,
    skipEmptyLines: 'greedy',
    step: (result) => {
      const line = lines(rowStart);
      rowStart = result.meta.cursor;
      const cells = result.data;
      if (!header) {
        header = cells.map((h) => h.trim());
        checkHeader(header);
        return;
      }
      if (result.errors.length > 0) {
        errors.push({ line, external_id: null, field: null, reason: `unreadable CSV row: ${result.errors[0]!.message}` });
        return;
      }
      if (cells.length !== header.length) {
        errors.push({ line, external_id: null, field: null, reason: `the row has ${cells.length} cells, the header ${header.length}` });
        return;
      }
      rows.push({ line, value: csvCellsToObject(header, cells) });
    },
  });
  if (!header) throw new AppError('validation', 'the CSV file is empty: it needs a header line', { problems: [{ line: 1, message: 'no header' }] });
  return { rows, errors };
}

/** Maps the offsets where rows start (only growing) to 1-based line numbers. */
function lineCounter(text: string): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    for (; at < offset; at++) if (text.charCodeAt(at) === 10) line++;
    // Step over the newline that ended the row before, and over blank lines.
    while (at < text.length && (text.charCodeAt(at) === 10 || text.charCodeAt(at) === 13)) {
      if (text.charCodeAt(at) === 10) line++;
      at++;
    }
    return line;
  };
}

function checkHeader(header: string[]): void {
  const unknown = header.filter((h) => !KNOWN.has(h) && !/^attributes\.[^.\s]+$/.test(h));
  if (unknown.length > 0) {
    throw new AppError(
      'validation',
      `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')} on line 1; known columns are the Person fields and attributes.<key>`,
      {
        problems: unknown.map((u) => ({ line: 1, message: `unknown column "${u}"` })),
      },
    );
  }
  const missing = ['external_id'].filter((f) => !header.includes(f));
  if (missing.length > 0)
    throw new AppError('validation', 'the CSV header (line 1) has no external_id column', { problems: [{ line: 1, message: 'external_id column missing' }] });
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) throw new AppError('validation', `column "${h}" appears twice on line 1`, { problems: [{ line: 1, message: `duplicate column "${h}"` }] });
    seen.add(h);
  }
}

function csvCellsToObject(header: string[], cells: string[]): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  let attributes: Record<string, string | null> | undefined;
  for (let i = 0; i < header.length; i++) {
    const column = header[i]!;
    // Exports quote cells a spreadsheet would run as formulas ('=…); that quote is not part of the value.
    const cell = unescapeFormulaCell(cells[i]!.trim());
    if (column.startsWith('attributes.')) {
      attributes ??= {};
      attributes[column.slice('attributes.'.length)] = cell === '' ? null : cell;
      continue;
    }
    const converted = convertCell(column as PersonField, cell);
    if (converted !== undefined) value[column] = converted;
  }
  if (attributes) value.attributes = attributes;
  return value;
}

function convertCell(field: PersonField, cell: string): unknown {
  if (LIST_FIELDS.has(field))
    return cell
      .split(';')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  if (BOOLEAN_FIELDS.has(field)) {
    const word = cell.toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    return cell;
  }
  if (cell === '') return field === 'status' ? undefined : null;
  if (INTEGER_FIELDS.has(field)) return /^-?\d+$/.test(cell) ? Number(cell) : cell;
  return cell;
}
