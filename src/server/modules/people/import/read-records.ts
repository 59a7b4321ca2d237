// Turns the lines of a people file into rows with their line numbers, or problems, one record at a
// time. CSV records are found by quote parity (a record ends on the line where its quotes balance) and
// their cells split by papaparse; a quote that never closes is reported on its line and reading goes
// on from the next line, so it cannot swallow the rest of the file. JSON Lines: one object a line.
import Papa from 'papaparse';
import { problem, type StoredProblem } from './import-problems.js';
import { MAX_LINE_BYTES, type FileLine } from './split-lines.js';
import { BOOLEAN_FIELDS, INTEGER_FIELDS, LIST_FIELDS, type PersonField } from './people-columns.js';
import { unescapeFormulaCell } from '../csv-formula.js';

/** Where reading goes on after an item: the byte and line of the next record. */
export type Cursor = { byte: number; line: number };

export type ReadItem = { kind: 'row'; line: number; value: Record<string, unknown>; next: Cursor } | { kind: 'problem'; problem: StoredProblem; next: Cursor };

export type RecordReader = { push(line: FileLine): ReadItem[]; end(): ReadItem[] };

/** A quoted cell may hold line breaks, but no legitimate record of ours is this long. */
export const MAX_RECORD_BYTES = 256 * 1024;

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', 'ja', 'j']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', 'nein', 'nee', '']);

const after = (l: FileLine): Cursor => ({ byte: l.end, line: l.line + 1 });

function lineProblem(l: FileLine): StoredProblem | null {
  if (l.problem === 'too_long') return problem({ line: l.line, code: 'import.line_too_long', params: { max: MAX_LINE_BYTES } });
  if (l.problem === 'not_utf8') return problem({ line: l.line, code: 'import.invalid_utf8' });
  return null;
}

/**
 * Reads JSON Lines: each non-blank line one object.
 * @example jsonLinesReader().push({ line: 1, text: '{"external_id":"E1"}', ... }) // [{ kind: 'row', line: 1, ... }]
 */
export function jsonLinesReader(): RecordReader {
  return {
    push(l) {
      const bad = lineProblem(l);
      if (bad) return [{ kind: 'problem', problem: bad, next: after(l) }];
      if (l.text.trim() === '') return [];
      let value: unknown;
      try {
        value = JSON.parse(l.text);
      } catch {
        return [{ kind: 'problem', problem: problem({ line: l.line, code: 'import.not_json' }), next: after(l) }];
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return [{ kind: 'problem', problem: problem({ line: l.line, code: 'import.not_an_object_line' }), next: after(l) }];
      }
      return [{ kind: 'row', line: l.line, value: value as Record<string, unknown>, next: after(l) }];
    },
    end: () => [],
  };
}

/** Splits one complete CSV record into cells, or null when papaparse cannot. */
export function splitCsvRecord(text: string, delimiter: string): string[] | null {
  const parsed = Papa.parse<string[]>(text, { delimiter, header: false, newline: '\n' });
  if (parsed.errors.length > 0 || parsed.data.length !== 1) return null;
  return parsed.data[0]!;
}

/** The delimiter papaparse guesses for a header line (`,` unless `;`, tab or `|` fit better). */
export function guessDelimiter(headerText: string): string {
  return Papa.parse<string[]>(headerText, { header: false, preview: 1 }).meta.delimiter || ',';
}

/**
 * Reads CSV data records (the header was read at upload: `header`, `delimiter`).
 * @example const r = csvReader(['external_id', 'email'], ','); r.push(line2) // [{ kind: 'row', line: 2, value: {...} }]
 */
export function csvReader(header: string[], delimiter: string): RecordReader {
  let pending: FileLine[] = [];
  let quotes = 0;
  let bytes = 0;

  const complete = (lines: FileLine[]): ReadItem[] => {
    const first = lines[0]!;
    const last = lines[lines.length - 1]!;
    const next = after(last);
    const unreadable = lines.find((l) => l.problem);
    if (unreadable) {
      const bad = lineProblem(unreadable)!;
      return [{ kind: 'problem', problem: { ...bad, line: first.line }, next }];
    }
    let text = lines.length === 1 ? first.text : lines.map((l) => l.text).join('\n');
    if (text.endsWith('\r')) text = text.slice(0, -1);
    const cells = splitCsvRecord(text, delimiter);
    if (cells === null || cells.length !== header.length) {
      // A record over several lines that does not fit the header is most likely a stray quote that
      // joined lines: report the first line and read the others again on their own.
      if (lines.length > 1) return resync(lines);
      if (cells === null) return [{ kind: 'problem', problem: problem({ line: first.line, code: 'import.csv_unreadable' }), next }];
      const p = problem({ line: first.line, code: 'import.csv_cell_count', params: { cells: cells.length, columns: header.length } });
      return [{ kind: 'problem', problem: p, next }];
    }
    return [{ kind: 'row', line: first.line, value: csvCellsToObject(header, cells), next }];
  };

  /** Reports an unterminated quote on the first line and feeds the lines after it again. */
  const resync = (lines: FileLine[]): ReadItem[] => {
    const first = lines[0]!;
    const out: ReadItem[] = [{ kind: 'problem', problem: problem({ line: first.line, code: 'import.csv_unterminated_quote' }), next: after(first) }];
    for (const l of lines.slice(1)) out.push(...push(l));
    return out;
  };

  const push = (l: FileLine): ReadItem[] => {
    if (pending.length === 0 && !l.problem && l.text.trim() === '') return [];
    pending.push(l);
    quotes += l.quotes;
    bytes += l.end - l.start;
    if (quotes % 2 === 0) {
      const record = pending;
      pending = [];
      quotes = 0;
      bytes = 0;
      return complete(record);
    }
    if (bytes > MAX_RECORD_BYTES) return flushUnterminated();
    return [];
  };

  const flushUnterminated = (): ReadItem[] => {
    const lines = pending;
    pending = [];
    quotes = 0;
    bytes = 0;
    return resync(lines);
  };

  return {
    push,
    end() {
      const out: ReadItem[] = [];
      while (pending.length > 0) out.push(...flushUnterminated());
      return out;
    },
  };
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
