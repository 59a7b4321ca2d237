// Cursor pagination over a numeric key: an opaque base64url cursor tagged per list, so a cursor of
// one list is refused by another, and a made-up cursor is a 400, never a 500.
import { invalidCursor } from './app-error.js';

export type IdCursor = { encode(id: number): string; decode(cursor: string | undefined): number | undefined };

/**
 * A cursor codec for one list.
 * @example const cursor = idCursor('c'); cursor.decode(cursor.encode(42)) // 42
 */
export function idCursor(tag: string): IdCursor {
  return {
    encode: (id) => Buffer.from(JSON.stringify([tag, id])).toString('base64url'),
    decode(cursor) {
      if (cursor === undefined) return undefined;
      let value: unknown;
      try {
        value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      } catch {
        throw invalidCursor();
      }
      if (Array.isArray(value) && value.length === 2 && value[0] === tag && Number.isSafeInteger(value[1]) && (value[1] as number) > 0)
        return value[1] as number;
      throw invalidCursor();
    },
  };
}

/**
 * Splits rows fetched with `limit + 1` into the page and the cursor of the next one (null at the end).
 * @example const { page, next_cursor } = pageOf(rows, 25, cursor, (r) => r.id);
 */
export function pageOf<T>(rows: T[], limit: number, cursor: IdCursor, idOf: (row: T) => number): { page: T[]; next_cursor: string | null } {
  const page = rows.slice(0, limit);
  return { page, next_cursor: rows.length > limit ? cursor.encode(idOf(page[page.length - 1]!)) : null };
}
