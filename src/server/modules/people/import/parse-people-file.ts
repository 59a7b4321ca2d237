// Reads a people file as a stream: bytes to numbered lines to rows (or problems), in bounded memory.
// The CSV header is read once, at upload, and checked as a whole: an unknown or duplicate column
// rejects the file (a misspelt column would otherwise drop data silently); only the columns present
// are imported, `attributes.<key>` columns fill attributes and CSV lists use `;`.
import { AppError } from '../../../platform/http/app-error.js';
import { PERSON_FIELDS } from './people-columns.js';
import { csvReader, guessDelimiter, jsonLinesReader, splitCsvRecord, type Cursor, type ReadItem, type RecordReader } from './read-records.js';
import { LineSplitter, type FileLine } from './split-lines.js';
import type { ProblemCode } from '../../../../shared/problem-codes/index.js';

export type PeopleFileFormat = 'csv' | 'jsonl';

/** One row as read: its 1-based line, and the object to validate. */
export type RawPersonRow = { line: number; value: Record<string, unknown> };

/** A CSV header as read at upload, and where the data records start. */
export type CsvHeader = { columns: string[]; delimiter: string; dataStart: Cursor };

const KNOWN = new Set<string>(PERSON_FIELDS);

/** Picks the format from a file name or a Content-Type. */
export function detectPeopleFileFormat(nameOrType: string): PeopleFileFormat | null {
  const s = nameOrType.toLowerCase();
  if (s.endsWith('.csv') || s.startsWith('text/csv')) return 'csv';
  if (/\.(jsonl|ndjson)$/.test(s) || /^application\/(x-ndjson|jsonl|json-lines|x-jsonlines)/.test(s)) return 'jsonl';
  return null;
}

/**
 * Collects the header record from the first lines of a CSV file; null until it is complete.
 * @example const h = new CsvHeaderReader(); h.push(lines) // { columns: ['external_id', ...], delimiter: ',', dataStart: { byte: 31, line: 2 } }
 */
export class CsvHeaderReader {
  private lines: FileLine[] = [];
  private quotes = 0;

  /** Feeds lines; returns the header once complete (and checked), throwing a 400 for a bad one. */
  push(lines: FileLine[]): CsvHeader | null {
    for (const l of lines) {
      if (this.lines.length === 0 && !l.problem && l.text.trim() === '') continue;
      if (l.problem) throw headerError('import.header_unreadable', 'line 1 (the header) is not UTF-8 text; save the file as UTF-8');
      this.lines.push(l);
      this.quotes += l.quotes;
      if (this.quotes % 2 === 0) return this.finish();
      if (this.lines.length > 50) break;
    }
    if (this.lines.length > 50) throw headerError('import.header_unreadable', 'the header (line 1) has a quote that never closes');
    return null;
  }

  /** At the end of the file: the header, or a 400 for an empty file. */
  end(): CsvHeader {
    if (this.lines.length === 0) throw headerError('import.empty_file', 'the CSV file is empty: it needs a header line');
    throw headerError('import.header_unreadable', 'the header (line 1) has a quote that never closes');
  }

  private finish(): CsvHeader {
    const text = this.lines
      .map((l) => l.text)
      .join('\n')
      .replace(/\r$/, '');
    const delimiter = guessDelimiter(text);
    const cells = splitCsvRecord(text, delimiter);
    if (!cells) throw headerError('import.header_unreadable', 'the header (line 1) cannot be read as CSV');
    const columns = cells.map((h) => h.trim());
    checkHeader(columns);
    const last = this.lines[this.lines.length - 1]!;
    return { columns, delimiter, dataStart: { byte: last.end, line: last.line + 1 } };
  }
}

function headerError(messageCode: ProblemCode, message: string, params: Record<string, string> = {}): AppError {
  return new AppError('validation', message, { messageCode, params, problems: [{ line: 1, message, code: messageCode, params }] });
}

function checkHeader(header: string[]): void {
  const unknown = header.filter((h) => !KNOWN.has(h) && !/^attributes\.[^.\s]+$/.test(h));
  if (unknown.length > 0) {
    const columns = unknown.map((u) => `"${u}"`).join(', ');
    throw headerError(
      'import.unknown_columns',
      `unknown column${unknown.length > 1 ? 's' : ''} ${columns} on line 1; known columns are the Person fields and attributes.<key>`,
      { columns },
    );
  }
  if (!header.includes('external_id')) throw headerError('import.no_external_id_column', 'the CSV header (line 1) has no external_id column');
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) throw headerError('import.duplicate_column', `column "${h}" appears twice on line 1`, { column: h });
    seen.add(h);
  }
}

/** The record reader for a format (CSV needs its header). */
export function recordReader(format: PeopleFileFormat, header: CsvHeader | null): RecordReader {
  if (format === 'jsonl') return jsonLinesReader();
  if (!header) throw new Error('a CSV file is read with its header');
  return csvReader(header.columns, header.delimiter);
}

/**
 * Reads rows and problems from the file's bytes, starting at `from` (a record boundary).
 * @example for await (const item of readPeopleFile(chunks, { format: 'jsonl', header: null, from: { byte: 0, line: 1 } })) ...
 */
export async function* readPeopleFile(
  chunks: AsyncIterable<Buffer>,
  options: { format: PeopleFileFormat; header: CsvHeader | null; from: Cursor },
): AsyncGenerator<ReadItem> {
  const splitter = new LineSplitter(options.from);
  const reader = recordReader(options.format, options.header);
  for await (const chunk of chunks) {
    for (const line of splitter.push(chunk)) yield* reader.push(line);
  }
  for (const line of splitter.end()) yield* reader.push(line);
  yield* reader.end();
}

/**
 * Reads a whole file held in memory (tests, small inputs): its rows and problems, in line order.
 * @example parsePeopleFile('external_id,email\nE1,a@b.example\n', 'csv').rows[0] // { line: 2, value: {...} }
 */
export function parsePeopleFile(text: string, format: PeopleFileFormat): { rows: RawPersonRow[]; errors: ReadItem[] } {
  const bytes = Buffer.from(text, 'utf8');
  let header: CsvHeader | null = null;
  let from: Cursor = { byte: 0, line: 1 };
  if (format === 'csv') {
    const headerReader = new CsvHeaderReader();
    const splitter = new LineSplitter(from);
    header = headerReader.push([...splitter.push(bytes), ...splitter.end()]) ?? headerReader.end();
    from = header.dataStart;
  }
  const splitter = new LineSplitter(from);
  const reader = recordReader(format, header);
  const items: ReadItem[] = [];
  for (const line of [...splitter.push(bytes.subarray(from.byte)), ...splitter.end()]) items.push(...reader.push(line));
  items.push(...reader.end());
  return { rows: items.flatMap((i) => (i.kind === 'row' ? [{ line: i.line, value: i.value }] : [])), errors: items.filter((i) => i.kind === 'problem') };
}
