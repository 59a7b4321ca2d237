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
      if (Array.isArray(value) && value.length === 2 && value[0] === tag && Number.isSafeInteger(value[1]) && (value[1] as number) >= 0)
        return value[1] as number;
      throw invalidCursor();
    },
  };
}
