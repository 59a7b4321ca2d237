// CSV cells that a spreadsheet would run as a formula (OWASP "CSV injection": a cell starting with
// =, +, -, @, tab or carriage return) are written with a leading single quote, which spreadsheets show
// as text, and the import takes that quote off again, so an export stays a file the import reads
// back unchanged. A cell that is just a number (-5, -2.5) is never a formula and is left alone.

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** Whether the import must take the first character off: a quote this module added. */
const isEscaped = (cell: string) => cell.startsWith("'") && (FORMULA_START.test(cell.slice(1)) || cell.startsWith("''"));

/**
 * The cell as written to a CSV file. Values that already start with a quote before a formula
 * character (or another quote) get one too, so reading back is never ambiguous.
 * @example escapeFormulaCell('=HYPERLINK("http://x")') // '\'=HYPERLINK("http://x")'
 */
export function escapeFormulaCell(value: string): string {
  if (PLAIN_NUMBER.test(value)) return value;
  return FORMULA_START.test(value) || isEscaped(value) ? `'${value}` : value;
}

/**
 * The value of a cell read from a CSV file: the quote escapeFormulaCell added is removed.
 * @example unescapeFormulaCell("'=1+2") // '=1+2'
 */
export function unescapeFormulaCell(cell: string): string {
  return isEscaped(cell) ? cell.slice(1) : cell;
}

/** Escaped cells start with a quote; csv-stringify quotes cells matching this, as OWASP advises. */
export const ESCAPED_CELL = /^'/;
