// The problems a people import reports, each a stable message code with parameters (the web app says
// them in the reader's language, `problems.import.*`) and the same sentence in English for the command
// line and API users. Written for HR administrators: what is wrong with the cell, and what happened.
import type { ImportProblem } from '../../../../shared/people.js';

type Params = ImportProblem['params'];

const q = (v: unknown) => `“${String(v)}”`;
const KEEP = 'the manager was left as it was';

/** English text of every code; the web app's en.json says the same. */
const TEXT = {
  'import.required': () => 'a value is required',
  'import.too_long': (p: Params) => `longer than ${p.max} characters`,
  'import.not_text': (p: Params) => `${q(p.value)} is not text`,
  'import.not_a_number': (p: Params) => `${q(p.value)} is not a whole number`,
  'import.out_of_range': (p: Params) => `${p.value} is not between ${p.min} and ${p.max}`,
  'import.not_a_date': (p: Params) => `${q(p.value)} is not a date written YYYY-MM-DD, such as 2024-03-31`,
  'import.date_out_of_range': (p: Params) => `${p.value} is not between ${p.min} and ${p.max}`,
  'import.not_an_email': (p: Params) => `${q(p.value)} is not an e-mail address`,
  'import.not_a_country': (p: Params) => `${q(p.value)} is not a two-letter country code such as DE or NL`,
  'import.not_a_language': (p: Params) => `${q(p.value)} is not a language code such as de, nl or en-GB`,
  'import.not_a_time_zone': (p: Params) => `${q(p.value)} is not a time zone such as Europe/Berlin`,
  'import.not_one_of': (p: Params) => `${q(p.value)} is not one of: ${p.allowed}`,
  'import.not_yes_no': (p: Params) => `${q(p.value)} is not yes or no (true/false, yes/no, 1/0, ja/nein, ja/nee)`,
  'import.bad_hashtag': (p: Params) => `${q(p.value)} is not a hashtag (letters, digits, - _ . + # only; at most 64 characters)`,
  'import.too_many_items': (p: Params) => `more than ${p.max} entries`,
  'import.not_a_list': () => 'expected a list',
  'import.not_an_object': () => 'expected an object of custom attributes',
  'import.attributes_too_large': (p: Params) => `the custom attributes are longer than ${p.max} characters`,
  'import.unknown_field': (p: Params) => `unknown field ${q(p.field)}`,
  'import.invalid_character': () => 'contains a character that cannot be stored (a NUL character or half of a surrogate pair)',
  'import.invalid_utf8': () => 'the line is not UTF-8 text: save the file as UTF-8 (it looks like Latin-1 or Windows-1252)',
  'import.line_too_long': (p: Params) => `the line is longer than ${p.max} bytes`,
  'import.not_json': () => 'the line is not valid JSON',
  'import.not_an_object_line': () => 'each line must be one JSON object',
  'import.csv_unterminated_quote': () =>
    'a quoted cell that starts on this line never ends (or a quote stands inside an unquoted cell); the lines after it were read on their own',
  'import.csv_cell_count': (p: Params) => `the row has ${p.cells} cells, the header ${p.columns}`,
  'import.csv_unreadable': () => 'the row cannot be read as CSV',
  'import.duplicate_external_id': (p: Params) => `external_id ${p.external_id} already appears on line ${p.line}`,
  'import.duplicate_email': (p: Params) => `e-mail ${p.email} already appears on line ${p.line}`,
  'import.email_taken': (p: Params) => `e-mail ${p.email} belongs to ${p.owner} in the directory`,
  'import.unknown_manager': (p: Params) => `manager ${p.manager} is neither in this file nor in the directory; ${KEEP}`,
  'import.manager_rejected': (p: Params) => `manager ${p.manager} was rejected (line ${p.line}); ${KEEP}`,
  'import.own_manager': () => `a person cannot be their own manager; ${KEEP}`,
  'import.manager_cycle': (p: Params) => `these managers would form a circle: ${p.cycle}; ${KEEP}`,
} as const;

export type ImportProblemCode = keyof typeof TEXT;

/** A problem as stored: whether the whole row was left out, besides what the report shows. */
export type StoredProblem = ImportProblem & { row_rejected: boolean };

/** The English sentence for a code. */
export function problemReason(code: ImportProblemCode, params: Params = {}): string {
  return TEXT[code](params);
}

/**
 * Builds a problem. Errors reject their row unless `rowRejected: false` (a manager link that closes a
 * cycle); warnings never do.
 * @example problem({ line: 4, code: 'import.not_a_date', params: { value: '2020-13-45' }, field: 'hire_date' })
 */
export function problem(input: {
  line: number;
  code: ImportProblemCode;
  params?: Params;
  field?: string | null;
  externalId?: string | null;
  severity?: 'error' | 'warning';
  rowRejected?: boolean;
}): StoredProblem {
  const severity = input.severity ?? 'error';
  const params = input.params ?? {};
  return {
    line: input.line,
    external_id: input.externalId ?? null,
    field: input.field ?? null,
    severity,
    code: input.code,
    params,
    reason: problemReason(input.code, params),
    row_rejected: severity === 'error' && (input.rowRejected ?? true),
  };
}
