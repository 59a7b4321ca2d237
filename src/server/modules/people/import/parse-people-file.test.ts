// Reading people files: line numbers that survive quoted newlines and blank lines, list and boolean
// cells, attributes columns, rows that cannot be read, unterminated quotes, bytes that are not UTF-8,
// and reading a file in pieces from any record boundary.
import { describe, expect, it } from 'vitest';
import { parsePeopleFile, detectPeopleFileFormat, readPeopleFile, CsvHeaderReader } from './parse-people-file.js';
import { LineSplitter } from './split-lines.js';
import type { ReadItem } from './read-records.js';

const codes = (errors: ReadItem[]) => errors.map((e) => (e.kind === 'problem' ? [e.problem.line, e.problem.code] : null));

describe('parsePeopleFile (CSV)', () => {
  it('numbers lines as a text editor does, across quoted newlines, CRLF and blank lines', () => {
    const text = '\uFEFFexternal_id,about,skills,mentor_available,attributes.team\nE1,"two\nlines",a;b; ;c,ja,Blue\n\nE2,plain,,no,\nE3,"x",excel,true,Red\n';
    const { rows, errors } = parsePeopleFile(text, 'csv');
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([2, 5, 6]);
    expect(rows[0]!.value).toEqual({ external_id: 'E1', about: 'two\nlines', skills: ['a', 'b', 'c'], mentor_available: true, attributes: { team: 'Blue' } });
    expect(rows[1]!.value).toEqual({ external_id: 'E2', about: 'plain', skills: [], mentor_available: false, attributes: { team: null } });
  });

  it('reads Windows line endings, also inside a quoted cell', () => {
    const { rows } = parsePeopleFile('external_id,about\r\nE1,"a\r\nb"\r\n\r\nE2,x\r\n', 'csv');
    expect(rows.map((r) => [r.line, r.value.external_id, r.value.about])).toEqual([
      [2, 'E1', 'a\r\nb'],
      [5, 'E2', 'x'],
    ]);
  });

  it('reads a file separated by semicolons, as German spreadsheets write it', () => {
    const { rows } = parsePeopleFile('external_id;given_name\nE1;Jörg\n', 'csv');
    expect(rows[0]!.value).toEqual({ external_id: 'E1', given_name: 'Jörg' });
  });

  it('reports a row with the wrong number of cells and goes on', () => {
    const { rows, errors } = parsePeopleFile('external_id,email\nE1,a@x.example,extra\nE2,b@x.example\n', 'csv');
    expect(errors).toEqual([
      expect.objectContaining({ problem: expect.objectContaining({ line: 2, code: 'import.csv_cell_count', params: { cells: 3, columns: 2 } }) }),
    ]);
    expect(rows.map((r) => r.line)).toEqual([3]);
  });

  it('reports an unterminated quote on its line and keeps the rows after it', () => {
    const text = 'external_id,about\nE1,ok\nE2,"never closed\nE3,fine\nE4,"two\nlines"\nE5,also fine\n';
    const { rows, errors } = parsePeopleFile(text, 'csv');
    expect(codes(errors)).toEqual([[3, 'import.csv_unterminated_quote']]);
    expect(rows.map((r) => [r.line, r.value.external_id])).toEqual([
      [2, 'E1'],
      [4, 'E3'],
      [5, 'E4'],
      [7, 'E5'],
    ]);
    expect(rows[2]!.value.about).toBe('two\nlines');
  });

  it('reports a quote that is still open at the end of the file', () => {
    const { rows, errors } = parsePeopleFile('external_id,about\nE1,ok\nE2,"open\nE3,x', 'csv');
    expect(codes(errors)).toEqual([[3, 'import.csv_unterminated_quote']]);
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it('rejects unknown and duplicate columns and a missing external_id column as a whole', () => {
    expect(() => parsePeopleFile('external_id,shoe\n', 'csv')).toThrow(/unknown column "shoe" on line 1/);
    expect(() => parsePeopleFile('email\n', 'csv')).toThrow(/no external_id column/);
    expect(() => parsePeopleFile('external_id,email,email\n', 'csv')).toThrow(/appears twice/);
    expect(() => parsePeopleFile('', 'csv')).toThrow(/empty/);
  });

  it('keeps numbers numeric and leaves non-numbers for validation to name', () => {
    const { rows } = parsePeopleFile('external_id,birth_year,career_start_year\nE1,1980,abc\n', 'csv');
    expect(rows[0]!.value).toEqual({ external_id: 'E1', birth_year: 1980, career_start_year: 'abc' });
  });
});

describe('reading bytes that are not UTF-8', () => {
  it('makes each Latin-1 line a bad row with a reason and keeps the UTF-8 ones', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('external_id,given_name\nE1,Anna\nE2,'),
      Buffer.from([0x4a, 0xf6, 0x72, 0x67]), // "Jörg" in Latin-1
      Buffer.from('\nE3,Jörg\n'),
    ]);
    const header = new CsvHeaderReader();
    const split = new LineSplitter({ byte: 0, line: 1 });
    const h = header.push(split.push(latin1))!;
    const items: ReadItem[] = [];
    for await (const item of readPeopleFile(chunked(latin1.subarray(h.dataStart.byte), 3), { format: 'csv', header: h, from: h.dataStart })) items.push(item);
    expect(items.map((i) => (i.kind === 'row' ? [i.line, i.value.given_name] : [i.problem.line, i.problem.code]))).toEqual([
      [2, 'Anna'],
      [3, 'import.invalid_utf8'],
      [4, 'Jörg'],
    ]);
  });
});

describe('readPeopleFile', () => {
  it('gives the same items whatever the chunk size, each with where to go on', async () => {
    const text = '{"external_id":"E1"}\n\n[1]\n{bad\n{"external_id":"Ö2"}';
    const bytes = Buffer.from(text);
    for (const size of [1, 2, 7, 1000]) {
      const items: ReadItem[] = [];
      for await (const item of readPeopleFile(chunked(bytes, size), { format: 'jsonl', header: null, from: { byte: 0, line: 1 } })) items.push(item);
      expect(items.map((i) => (i.kind === 'row' ? i.line : i.problem.code))).toEqual([1, 'import.not_an_object_line', 'import.not_json', 5]);
      expect(items.map((i) => i.next)).toEqual([
        { byte: 21, line: 2 },
        { byte: 26, line: 4 },
        { byte: 31, line: 5 },
        { byte: bytes.length, line: 6 },
      ]);
    }
    // Starting at a cursor reads the rest only.
    const rest: ReadItem[] = [];
    for await (const item of readPeopleFile(chunked(bytes.subarray(26), 4), { format: 'jsonl', header: null, from: { byte: 26, line: 4 } })) rest.push(item);
    expect(rest.map((i) => (i.kind === 'row' ? i.line : i.problem.line))).toEqual([4, 5]);
  });
});

describe('detectPeopleFileFormat', () => {
  it('knows file names and content types', () => {
    expect(detectPeopleFileFormat('people.CSV')).toBe('csv');
    expect(detectPeopleFileFormat('text/csv; charset=utf-8')).toBe('csv');
    expect(detectPeopleFileFormat('x.ndjson')).toBe('jsonl');
    expect(detectPeopleFileFormat('application/x-ndjson')).toBe('jsonl');
    expect(detectPeopleFileFormat('people.xlsx')).toBeNull();
  });
});

async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
