// The few pieces of the PostgreSQL wire protocol (v3) the embedded database bridge needs: cutting a
// client's byte stream into messages, finding the transaction status in the server's answer, and the
// two server messages the bridge writes itself (ErrorResponse, ReadyForQuery).

export type FrontendMessage =
  { kind: 'ssl' | 'gssenc' | 'cancel'; bytes: Buffer } | { kind: 'startup'; bytes: Buffer } | { kind: 'typed'; type: number; bytes: Buffer };

/** `I` idle, `T` in a transaction, `E` in a failed transaction. */
export type TransactionStatus = 'I' | 'T' | 'E';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
/** PostgreSQL itself refuses messages of a gigabyte or more. */
const MAX_MESSAGE_BYTES = 0x3fffffff;

/**
 * Cuts what a client sends into whole messages. Before the startup message, messages have no type byte.
 * @example const framer = new FrontendFramer(); socket.on('data', (d) => framer.push(d).forEach(run));
 */
export class FrontendFramer {
  private chunks: Buffer[] = [];
  private length = 0;
  private started = false;

  /** Adds received bytes; returns the messages they complete, in order. Throws on a malformed length. */
  push(data: Buffer): FrontendMessage[] {
    if (data.length > 0) {
      this.chunks.push(data);
      this.length += data.length;
    }
    const messages: FrontendMessage[] = [];
    for (;;) {
      const headerSize = this.started ? 5 : 8;
      if (this.length < headerSize) break;
      const header = this.peek(headerSize);
      const size = this.started ? 1 + header.readInt32BE(1) : header.readInt32BE(0);
      if (size < headerSize || size > MAX_MESSAGE_BYTES) throw new Error(`invalid message length ${size}`);
      if (this.length < size) break;
      const bytes = this.take(size);
      if (this.started) {
        messages.push({ kind: 'typed', type: bytes[0]!, bytes });
        continue;
      }
      const code = bytes.readInt32BE(4);
      if (code === SSL_REQUEST) messages.push({ kind: 'ssl', bytes });
      else if (code === GSSENC_REQUEST) messages.push({ kind: 'gssenc', bytes });
      else if (code === CANCEL_REQUEST) messages.push({ kind: 'cancel', bytes });
      else {
        this.started = true;
        messages.push({ kind: 'startup', bytes });
      }
    }
    return messages;
  }

  private peek(n: number): Buffer {
    const first = this.chunks[0]!;
    if (first.length >= n) return first.subarray(0, n);
    return Buffer.concat(this.chunks, Math.min(this.length, Math.max(n, 64))).subarray(0, n);
  }

  /** Removes and returns the next `n` bytes, copying only when they span chunks. */
  private take(n: number): Buffer {
    this.length -= n;
    const first = this.chunks[0]!;
    if (first.length > n) {
      this.chunks[0] = first.subarray(n);
      return first.subarray(0, n);
    }
    if (first.length === n) {
      this.chunks.shift();
      return first;
    }
    const parts: Buffer[] = [];
    let needed = n;
    while (needed > 0) {
      const chunk = this.chunks[0]!;
      if (chunk.length <= needed) {
        parts.push(chunk);
        this.chunks.shift();
        needed -= chunk.length;
      } else {
        parts.push(chunk.subarray(0, needed));
        this.chunks[0] = chunk.subarray(needed);
        needed = 0;
      }
    }
    return Buffer.concat(parts, n);
  }
}

/**
 * The status of the last ReadyForQuery in a run of server messages, or null when there is none.
 * @example lastTransactionStatus(output) // 'T' after BEGIN
 */
export function lastTransactionStatus(output: Uint8Array): TransactionStatus | null {
  const view = Buffer.from(output.buffer, output.byteOffset, output.byteLength);
  let status: TransactionStatus | null = null;
  let at = 0;
  while (at + 5 <= view.length) {
    const length = view.readInt32BE(at + 1);
    if (view[at] === 0x5a && length === 5 && at + 6 <= view.length) status = String.fromCharCode(view[at + 5]!) as TransactionStatus;
    at += 1 + length;
  }
  return status;
}

/** A ReadyForQuery message. */
export function readyForQuery(status: TransactionStatus): Buffer {
  return Buffer.from([0x5a, 0, 0, 0, 5, status.charCodeAt(0)]);
}

/** An ErrorResponse with severity ERROR, an SQLSTATE and a message. */
export function errorResponse(sqlState: string, message: string): Buffer {
  const fields = Buffer.concat([field('S', 'ERROR'), field('V', 'ERROR'), field('C', sqlState), field('M', message), Buffer.from([0])]);
  const header = Buffer.alloc(5);
  header[0] = 0x45; // E
  header.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([header, fields]);
}

const field = (code: string, value: string) => Buffer.concat([Buffer.from(code, 'ascii'), Buffer.from(`${value}\0`, 'utf8')]);
