// Cuts the bytes of an uploaded file into numbered lines as they arrive, checking each line is UTF-8
// on its own, so one Latin-1 line is one bad row and not a garbled or lost file. A newline byte never
// occurs inside a multi-byte UTF-8 character, so cutting at it first is safe.
import { isUtf8 } from 'node:buffer';

/** Longest line kept; longer ones (a binary file, a missing newline) are reported, not buffered. */
export const MAX_LINE_BYTES = 1024 * 1024;

/** One physical line: its number, its byte range (end is after its newline) and its text. */
export type FileLine = {
  line: number;
  start: number;
  end: number;
  /** Without the newline; a carriage return before it stays (it may sit inside a quoted CSV cell). */
  text: string;
  /** Quote characters on the line, counted on the bytes so that even an unreadable line counts. */
  quotes: number;
  problem?: 'not_utf8' | 'too_long';
};

const NEWLINE = 0x0a;
const QUOTE = 0x22;
const BOM = [0xef, 0xbb, 0xbf];

/**
 * Push-based splitter: feed it buffers, take the complete lines, call `end()` for the last one.
 * @example const s = new LineSplitter({ byte: 0, line: 1 }); s.push(Buffer.from('a\nb')); s.end() // [{ line: 2, text: 'b', ... }]
 */
export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private overlong = false;
  private lineStart: number;
  private lineNo: number;
  private atFileStart: boolean;

  constructor(from: { byte: number; line: number }) {
    this.lineStart = from.byte;
    this.lineNo = from.line;
    this.atFileStart = from.byte === 0;
  }

  push(chunk: Buffer): FileLine[] {
    let buf = chunk;
    if (this.atFileStart && this.pendingBytes + buf.length >= BOM.length) {
      this.atFileStart = false;
      const head = Buffer.concat([...this.pending, buf]);
      if (BOM.every((b, i) => head[i] === b)) {
        this.pending = [];
        this.pendingBytes = 0;
        this.lineStart += BOM.length;
        buf = head.subarray(BOM.length);
      } else if (this.pending.length > 0) {
        this.pending = [];
        this.pendingBytes = 0;
        buf = head;
      }
    } else if (this.atFileStart) {
      this.keep(buf);
      return [];
    }
    const lines: FileLine[] = [];
    let from = 0;
    for (;;) {
      const nl = buf.indexOf(NEWLINE, from);
      if (nl < 0) break;
      lines.push(this.finish(buf.subarray(from, nl), nl - from + 1));
      from = nl + 1;
    }
    if (from < buf.length) this.keep(buf.subarray(from));
    return lines;
  }

  /** The last line, when the file does not end with a newline. */
  end(): FileLine[] {
    if (this.pendingBytes === 0 && !this.overlong) return [];
    return [this.finish(Buffer.alloc(0), 0)];
  }

  private keep(part: Buffer): void {
    if (this.overlong) {
      this.pendingBytes += part.length;
      return;
    }
    this.pending.push(Buffer.from(part));
    this.pendingBytes += part.length;
    if (this.pendingBytes > MAX_LINE_BYTES) {
      this.overlong = true;
      this.pending = [];
    }
  }

  private finish(tail: Buffer, tailBytes: number): FileLine {
    const totalBytes = this.pendingBytes + tailBytes;
    const start = this.lineStart;
    const line = this.lineNo;
    this.lineStart += totalBytes;
    this.lineNo++;
    if (this.overlong || this.pendingBytes + tail.length > MAX_LINE_BYTES) {
      this.reset();
      return { line, start, end: start + totalBytes, text: '', quotes: 0, problem: 'too_long' };
    }
    const bytes = this.pending.length === 0 ? tail : Buffer.concat([...this.pending, tail]);
    this.reset();
    const quotes = countByte(bytes, QUOTE);
    if (!isUtf8(bytes)) return { line, start, end: start + totalBytes, text: bytes.toString('latin1'), quotes, problem: 'not_utf8' };
    return { line, start, end: start + totalBytes, text: bytes.toString('utf8'), quotes };
  }

  private reset(): void {
    this.pending = [];
    this.pendingBytes = 0;
    this.overlong = false;
  }
}

function countByte(buf: Buffer, byte: number): number {
  let n = 0;
  for (let i = buf.indexOf(byte); i >= 0; i = buf.indexOf(byte, i + 1)) n++;
  return n;
}
