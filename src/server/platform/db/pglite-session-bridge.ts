// Serves the one PGlite session to many `pg` connections over loopback TCP without letting them mix:
// a connection owns the session from its first message until PostgreSQL answers ReadyForQuery with the
// transaction idle; the others wait their turn, first come first served (docs/adr/0011).
// The stock pglite-socket server pins a connection only while a transaction is open, so the
// Parse/Bind/Execute/Sync of two connections interleaved (electric-sql/pglite#1046).
import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'pino';
import { FrontendFramer, errorResponse, lastTransactionStatus, readyForQuery, type FrontendMessage, type TransactionStatus } from './postgres-wire.js';

export type SessionBridgeOptions = {
  db: PGlite;
  /**
   * How long a connection may wait while the session's owner sits idle inside a transaction before
   * the waiter gets an error instead of a hang: on one session, code that waits for a second
   * connection inside a transaction can never go on (DESIGN §1).
   */
  stalledTransactionMs?: number;
  maxConnections?: number;
  logger?: Pick<Logger, 'warn' | 'error'>;
};

const SYNC = 0x53; // S
const QUERY = 0x51; // Q
const FUNCTION_CALL = 0x46; // F
const COPY_DONE = 0x63; // c
const COPY_FAIL = 0x66; // f

/** Messages after which the backend sends ReadyForQuery: the only points where the session can change hands. */
const isSyncPoint = (m: FrontendMessage) => m.kind === 'startup' || (m.kind === 'typed' && [SYNC, QUERY, FUNCTION_CALL, COPY_DONE, COPY_FAIL].includes(m.type));

const STALLED_CODE = '55P03'; // lock_not_available

class Connection {
  readonly framer = new FrontendFramer();
  /** Complete messages not yet run, in arrival order. */
  readonly queue: FrontendMessage[] = [];
  /** Answered with an error while waiting: drop messages up to the next sync point, then say ReadyForQuery. */
  discarding = false;
  closed = false;
  waitingSince: number | null = null;

  constructor(
    readonly id: number,
    readonly socket: Socket,
  ) {}

  write(bytes: Uint8Array): void {
    if (!this.closed && bytes.length > 0) this.socket.write(bytes);
  }
}

export class PGliteSessionBridge {
  private readonly db: PGlite;
  private readonly stalledTransactionMs: number;
  private readonly maxConnections: number;
  private readonly logger?: Pick<Logger, 'warn' | 'error'>;
  private server: Server | null = null;
  private readonly connections = new Set<Connection>();
  private nextId = 1;

  /** The connection the session belongs to until the transaction is idle at a sync point. */
  private owner: Connection | null = null;
  private readonly waiting: Connection[] = [];
  private status: TransactionStatus = 'I';
  /** When the owner last went quiet inside a transaction (no message of its own waiting to run). */
  private ownerIdleSince: number | null = null;
  private pumping: Promise<void> | null = null;
  private pumpAgain = false;
  private stallTimer: NodeJS.Timeout | null = null;

  constructor(options: SessionBridgeOptions) {
    this.db = options.db;
    this.stalledTransactionMs = options.stalledTransactionMs ?? 15_000;
    this.maxConnections = options.maxConnections ?? 100;
    this.logger = options.logger;
  }

  /**
   * Listens on a loopback port and returns `host:port`.
   * @example const bridge = new PGliteSessionBridge({ db }); const address = await bridge.listen(); // '127.0.0.1:41234'
   */
  async listen(host = '127.0.0.1', port = 0): Promise<string> {
    const server = createServer((socket) => this.accept(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    const check = Math.max(10, Math.min(1000, Math.floor(this.stalledTransactionMs / 4)));
    this.stallTimer = setInterval(() => this.failStalledWaiters(), check);
    this.stallTimer.unref();
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('the embedded database bridge has no TCP address');
    return `${host}:${address.port}`;
  }

  /** Stops listening, closes every connection and waits for the statement that runs, if any. */
  async close(): Promise<void> {
    if (this.stallTimer) clearInterval(this.stallTimer);
    const server = this.server;
    this.server = null;
    for (const connection of this.connections) connection.socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    await this.pumping;
  }

  private accept(socket: Socket): void {
    socket.setNoDelay(true);
    const connection = new Connection(this.nextId++, socket);
    if (this.connections.size >= this.maxConnections) {
      socket.end(errorResponse('53300', `the embedded database takes at most ${this.maxConnections} connections`));
      return;
    }
    this.connections.add(connection);
    socket.on('data', (data: Buffer) => this.receive(connection, data));
    socket.on('error', () => this.disconnect(connection));
    socket.on('close', () => this.disconnect(connection));
  }

  private receive(connection: Connection, data: Buffer): void {
    if (connection.closed) return;
    let messages: FrontendMessage[];
    try {
      messages = connection.framer.push(data);
    } catch (error) {
      connection.socket.end(errorResponse('08P01', (error as Error).message));
      this.disconnect(connection);
      return;
    }
    for (const message of messages) {
      if (message.kind === 'ssl' || message.kind === 'gssenc') connection.write(Buffer.from('N'));
      else if (message.kind === 'cancel')
        connection.socket.end(); // PGlite runs one statement at a time; nothing to cancel
      else if (message.kind === 'typed' && message.type === 0x58)
        connection.socket.end(); // Terminate
      else if (connection.discarding) {
        if (isSyncPoint(message)) {
          connection.discarding = false;
          connection.write(readyForQuery('I'));
        }
      } else this.enqueue(connection, message);
    }
  }

  private enqueue(connection: Connection, message: FrontendMessage): void {
    connection.queue.push(message);
    if (connection === this.owner) {
      this.ownerIdleSince = null;
    } else if (connection.waitingSince === null) {
      connection.waitingSince = Date.now();
      this.waiting.push(connection);
    }
    this.pump();
  }

  private disconnect(connection: Connection): void {
    if (connection.closed) return;
    connection.closed = true;
    connection.queue.length = 0;
    this.connections.delete(connection);
    const at = this.waiting.indexOf(connection);
    if (at >= 0) this.waiting.splice(at, 1);
    // An owner that leaves mid-sequence or inside a transaction leaves the session to be reset first.
    if (connection === this.owner) this.pump();
  }

  /** Runs queued work until none can run; one runner at a time, so batches never overlap. */
  private pump(): void {
    if (this.pumping) {
      // Work that arrives while the runner finishes must not be left for a later wake-up.
      this.pumpAgain = true;
      return;
    }
    this.pumpAgain = false;
    this.pumping = this.drain()
      // Errors are handled per batch; this only keeps a broken invariant from going unobserved.
      .catch((error: unknown) => this.logger?.error({ err: error }, 'embedded database bridge failed'))
      .finally(() => {
        this.pumping = null;
        if (this.pumpAgain) this.pump();
      });
  }

  private async drain(): Promise<void> {
    for (let next = this.nextBatch(); next; next = this.nextBatch()) await next();
  }

  private nextBatch(): (() => Promise<void>) | null {
    const owner = this.owner;
    if (owner?.closed) return () => this.resetSession(owner);
    if (owner) return owner.queue.length > 0 ? () => this.runBatch(owner) : null;
    const candidate = this.waiting.shift();
    if (!candidate) return null;
    candidate.waitingSince = null;
    this.owner = candidate;
    return () => this.runBatch(candidate);
  }

  private async runBatch(connection: Connection): Promise<void> {
    // Up to and including the first sync point; what follows waits for the next turn.
    const end = connection.queue.findIndex(isSyncPoint);
    const batch = connection.queue.splice(0, end < 0 ? connection.queue.length : end + 1);
    const complete = end >= 0;
    let output: Uint8Array;
    try {
      output = await this.execute(Buffer.concat(batch.map((m) => m.bytes)));
    } catch (error) {
      this.logger?.error({ err: error, connection: connection.id }, 'embedded database failed a request; closing that connection');
      connection.socket.destroy();
      this.disconnect(connection);
      return;
    }
    connection.write(output);
    if (complete) this.status = lastTransactionStatus(output) ?? this.status;
    if (complete && this.status === 'I') {
      this.release(connection);
    } else {
      this.ownerIdleSince = connection.queue.length === 0 ? Date.now() : null;
    }
  }

  private release(connection: Connection): void {
    this.owner = null;
    this.ownerIdleSince = null;
    if (connection.queue.length > 0 && !connection.closed) {
      connection.waitingSince = Date.now();
      this.waiting.push(connection);
    }
  }

  /** Ends whatever the departed owner left: an unfinished extended-query sequence, then its transaction. */
  private async resetSession(connection: Connection): Promise<void> {
    try {
      let status = lastTransactionStatus(await this.execute(Buffer.from([SYNC, 0, 0, 0, 4]))) ?? this.status;
      if (status !== 'I') status = lastTransactionStatus(await this.execute(simpleQuery('ROLLBACK'))) ?? 'I';
      this.status = status;
    } catch (error) {
      this.logger?.error({ err: error }, 'embedded database could not reset the session of a closed connection');
    }
    if (this.owner === connection) {
      this.owner = null;
      this.ownerIdleSince = null;
    }
  }

  private execute(bytes: Uint8Array): Promise<Uint8Array> {
    return this.db.runExclusive(() => this.db.execProtocolRaw(bytes));
  }

  /** Turns a wait that cannot end (the owner idle in a transaction, waiting for a waiter) into an error. */
  private failStalledWaiters(): void {
    if (this.ownerIdleSince === null || this.waiting.length === 0) return;
    const now = Date.now();
    if (now - this.ownerIdleSince < this.stalledTransactionMs) return;
    const stalled = this.waiting.filter((c) => c.waitingSince !== null && now - c.waitingSince >= this.stalledTransactionMs);
    if (stalled.length === 0) return;
    this.logger?.warn(
      { waiting: stalled.length, idleMs: now - this.ownerIdleSince },
      'embedded database: a transaction stays open and idle while other connections wait; failing the waiters',
    );
    for (const connection of stalled) {
      this.waiting.splice(this.waiting.indexOf(connection), 1);
      connection.waitingSince = null;
      const message =
        `the embedded database is one session, and another connection has kept a transaction open and idle for ` +
        `${now - this.ownerIdleSince} ms while this one waited: code inside a transaction must not wait ` +
        `for a second connection (use the transaction's own executor)`;
      if (connection.queue[0]?.kind === 'startup') {
        connection.socket.end(errorResponse(STALLED_CODE, message));
        this.disconnect(connection);
        continue;
      }
      connection.write(errorResponse(STALLED_CODE, message));
      const end = connection.queue.findIndex(isSyncPoint);
      if (end >= 0) {
        connection.queue.splice(0, end + 1);
        connection.write(readyForQuery('I'));
        if (connection.queue.length > 0) {
          connection.waitingSince = Date.now();
          this.waiting.push(connection);
        }
      } else {
        connection.queue.length = 0;
        connection.discarding = true;
      }
    }
  }
}

function simpleQuery(text: string): Buffer {
  const body = Buffer.from(`${text}\0`, 'utf8');
  const header = Buffer.alloc(5);
  header[0] = QUERY;
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}
