// The embedded database bridge under concurrent connections: no message of one connection reaches
// another's statement, transactions are isolated by turn-taking, a departed owner leaves a clean
// session, and a wait that could never end becomes an error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded.js';

let embedded: EmbeddedPostgres;
let dataDir: string;
const clients: pg.Client[] = [];

async function client(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: embedded.url });
  c.on('error', () => undefined);
  await c.connect();
  clients.push(c);
  return c;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  // On files, as `npm start` runs: writes reach the disk asynchronously, which is when the stock
  // pglite-socket server let a second connection's messages in between.
  dataDir = await mkdtemp(path.join(tmpdir(), 'resonance-bridge-'));
  embedded = await startEmbeddedPostgres(dataDir, { stalledTransactionMs: 300 });
  const setup = await client();
  await setup.query('CREATE TABLE bridge_items (id serial PRIMARY KEY, owner text NOT NULL, n integer NOT NULL)');
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  await embedded.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('embedded database bridge', () => {
  it('answers each of many concurrent parameterised queries with its own parameters', async () => {
    const pool = new pg.Pool({ connectionString: embedded.url, max: 12 });
    try {
      const work = Array.from({ length: 600 }, async (_, i) => {
        // Different statements and parameter counts, as the server's queries are: interleaved Parse/Bind
        // of two connections fail with "bind message supplies 3 parameters, but prepared statement requires 2",
        // or answer one connection's statement with another's rows. Large parameters arrive in several
        // reads of the socket, which is when the stock server let other connections' messages in between.
        if (i % 3 === 0) {
          const big = `q${i}`.padEnd(i % 2 === 0 ? 200_000 : 10, '.');
          return (await pool.query<{ v: string }>('SELECT $1::text AS v', [big])).rows[0]?.v === big;
        }
        if (i % 3 === 1) {
          const r = await pool.query<{ v: string }>('SELECT $1::text || $2::text || $3::text AS v', [`a${i}`, '-', `b${i}`]);
          return r.rows[0]?.v === `a${i}-b${i}`;
        }
        const r = await pool.query<{ v: number }>('SELECT $1::int + $2::int AS v', [i, 1]);
        return r.rows[0]?.v === i + 1;
      });
      const results = await Promise.all(work);
      expect(results.filter((ok) => !ok)).toHaveLength(0);
    } finally {
      await pool.end();
    }
  });

  it('keeps a transaction to itself: others wait for the commit and never see uncommitted rows', async () => {
    const a = await client();
    const b = await client();
    await a.query('BEGIN');
    await a.query('INSERT INTO bridge_items (owner, n) VALUES ($1, $2)', ['a', 1]);
    const seen: string[] = [];
    const reader = b.query<{ n: number }>('SELECT count(*)::int AS n FROM bridge_items WHERE owner = $1', ['a']).then((r) => {
      seen.push(`b saw ${r.rows[0]?.n}`);
    });
    await sleep(50);
    seen.push('a commits');
    await a.query('COMMIT');
    await reader;
    expect(seen).toEqual(['a commits', 'b saw 1']);
  });

  it('lets a rolled-back transaction leave nothing behind for the next connection', async () => {
    const a = await client();
    const b = await client();
    await a.query('BEGIN');
    await a.query('INSERT INTO bridge_items (owner, n) VALUES ($1, $2)', ['rolled-back', 1]);
    await expect(a.query('SELECT 1/0')).rejects.toThrow(/division by zero/);
    await a.query('ROLLBACK');
    const r = await b.query<{ n: number }>('SELECT count(*)::int AS n FROM bridge_items WHERE owner = $1', ['rolled-back']);
    expect(r.rows[0]?.n).toBe(0);
  });

  it('rolls back the transaction of a connection that goes away, and serves the next one', async () => {
    const a = await client();
    const b = await client();
    await a.query('BEGIN');
    await a.query('INSERT INTO bridge_items (owner, n) VALUES ($1, $2)', ['gone', 1]);
    const waiting = b.query<{ n: number; tx: string }>(
      "SELECT count(*)::int AS n, current_setting('transaction_isolation') AS tx FROM bridge_items WHERE owner = 'gone'",
    );
    // The socket closes without COMMIT, as a crashed process's would.
    (a as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    const r = await waiting;
    expect(r.rows[0]?.n).toBe(0);
    await b.query('BEGIN');
    await b.query('COMMIT'); // would warn "there is already a transaction in progress" had the session kept a's
  });

  it('resets a session left in the middle of an extended-query sequence', async () => {
    const raw = connect(Number(new URL(embedded.url).port), '127.0.0.1');
    await new Promise((resolve) => raw.once('connect', resolve));
    raw.write(startupMessage());
    await new Promise((resolve) => raw.once('data', resolve));
    // Parse and Bind of a statement with no Sync, then gone.
    raw.write(Buffer.concat([message('P', Buffer.from('\0SELECT 42\0\0\0', 'latin1')), message('B', Buffer.from('\0\0\0\0\0\0\0\0', 'latin1'))]));
    await sleep(20);
    raw.destroy();
    const b = await client();
    const r = await b.query<{ v: number }>('SELECT $1::int AS v', [7]);
    expect(r.rows[0]?.v).toBe(7);
  });

  it('fails a connection that waits on a transaction left idle, instead of hanging, and goes on', async () => {
    const a = await client();
    const b = await client();
    await a.query('BEGIN');
    await a.query('INSERT INTO bridge_items (owner, n) VALUES ($1, $2)', ['stalled', 1]);
    // a now waits for b (as code inside a transaction that queries through the pool would): never served.
    await expect(b.query('SELECT count(*) FROM bridge_items')).rejects.toMatchObject({ code: '55P03' });
    await a.query('COMMIT');
    const r = await b.query<{ n: number }>("SELECT count(*)::int AS n FROM bridge_items WHERE owner = 'stalled'");
    expect(r.rows[0]?.n).toBe(1);
  });

  it('does not fail waiters of a transaction that keeps working', async () => {
    const a = await client();
    const b = await client();
    await a.query('BEGIN');
    const reader = b.query<{ n: number }>("SELECT count(*)::int AS n FROM bridge_items WHERE owner = 'busy'");
    // Busy for longer than the stall limit in all, but never idle for that long.
    for (let i = 0; i < 8; i++) {
      await a.query('INSERT INTO bridge_items (owner, n) VALUES ($1, $2)', ['busy', i]);
      await sleep(60);
    }
    await a.query('COMMIT');
    expect((await reader).rows[0]?.n).toBe(8);
  });
});

function message(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

function startupMessage(): Buffer {
  const params = Buffer.from('user\0postgres\0database\0postgres\0\0', 'latin1');
  const header = Buffer.alloc(8);
  header.writeInt32BE(params.length + 8, 0);
  header.writeInt32BE(196608, 4);
  return Buffer.concat([header, params]);
}
