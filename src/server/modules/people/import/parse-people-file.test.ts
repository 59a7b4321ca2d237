// Reading people files: line numbers that survive quoted newlines and blank lines, list and boolean
// cells, attributes columns, and rows that cannot be read.
import { describe, expect, it } from 'vitest';
import { parsePeopleFile, detectPeopleFileFormat } from './parse-people-file.js';

describe('parsePeopleFile (CSV)', () => {
  it('numbers lines as a text editor does, across quoted newlines, CRLF and blank lines', () => {
    const text = '\uFEFFexternal_id,about,skills,mentor_available,attributes.team\nE1,"two\nlines",a;b; ;c,ja,Blue\n\nE2,plain,,no,\nE3,"x",excel,true,Red\n';
    const { rows, errors } = parsePeopleFile(text, 'csv');
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([2, 5, 6]);
    expect(rows[0]!.value).toEqual({ external_id: 'E1', about: 'two\nlines', skills: ['a', 'b', 'c'], mentor_available: true, attributes: { team: 'Blue' } });
    expect(rows[1]!.value).toEqual({ external_id: 'E2', about: 'plain', skills: [], mentor_available: false, attributes: { team: null } });
  });

  it('reads Windows line endings', () => {
    const { rows } = parsePeopleFile('external_id,email\r\nE1,a@x.example\r\n\r\nE2,b@x.example\r\n', 'csv');
    expect(rows.map((r) => [r.line, r.value.external_id])).toEqual([
      [2, 'E1'],
      [4, 'E2'],
    ]);
  });

  it('reports a row with the wrong number of cells and goes on', () => {
    const { rows, errors } = parsePeopleFile('external_id,email\nE1,a@x.example,extra\nE2,b@x.example\n', 'csv');
    expect(errors).toEqual([{ line: 2, external_id: null, field: null, reason: 'the row has 3 cells, the header 2' }]);
    expect(rows.map((r) => r.line)).toEqual([3]);
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

describe('parsePeopleFile (JSON Lines)', () => {
  it('reads one object a line and reports lines that are not', () => {
    const { rows, errors } = parsePeopleFile('{"external_id":"E1"}\n\n[1]\n{bad\n{"external_id":"E2"}', 'jsonl');
    expect(rows.map((r) => r.line)).toEqual([1, 5]);
    expect(errors.map((e) => e.line)).toEqual([3, 4]);
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
