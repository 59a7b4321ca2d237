// The embedded PostgreSQL: PGlite keeping its files in a folder (or in memory), served over the
// Postgres wire protocol on an ephemeral loopback port so every other part connects with `pg`. The
// bridge hands the single PGlite session to one connection at a time (docs/adr/0011).
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { mkdir } from 'node:fs/promises';
import type { Logger } from 'pino';
import { PGliteSessionBridge } from './pglite-session-bridge.js';

export type EmbeddedPostgres = {
  /** postgres:// URL of the loopback socket. */
  url: string;
  /** The database's files as a tarball, to start another embedded database from (test snapshots). */
  dump(): Promise<Blob>;
  stop(): Promise<void>;
};

export type EmbeddedOptions = {
  /** A tarball from `dump()` to start from instead of an empty cluster (in-memory databases only). */
  snapshot?: Blob;
  /** See `SessionBridgeOptions.stalledTransactionMs`. */
  stalledTransactionMs?: number;
  logger?: Pick<Logger, 'warn' | 'error'>;
};

/**
 * Starts PGlite and the session bridge in front of it.
 * @param dataDir folder for the database files, or `null` for a throw-away in-memory database.
 * @example const pg = await startEmbeddedPostgres('./data'); // pg.url -> postgres://postgres@127.0.0.1:41234/postgres
 */
export async function startEmbeddedPostgres(dataDir: string | null, options: EmbeddedOptions = {}): Promise<EmbeddedPostgres> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  if (dataDir && options.snapshot) throw new Error('a snapshot can only seed an in-memory embedded database');
  // Extensions the migrations create must be bundled here (PostgreSQL servers ship them in contrib).
  const db = await PGlite.create(dataDir ?? 'memory://', { extensions: { pg_trgm }, ...(options.snapshot ? { loadDataDir: options.snapshot } : {}) });
  const bridge = new PGliteSessionBridge({ db, stalledTransactionMs: options.stalledTransactionMs, logger: options.logger });
  let address: string;
  try {
    address = await bridge.listen();
  } catch (error) {
    await db.close();
    throw error;
  }
  let stopped = false;
  return {
    url: `postgres://postgres@${address}/postgres`,
    dump: () => db.dumpDataDir('none'),
    async stop() {
      if (stopped) return;
      stopped = true;
      await bridge.close();
      await db.close();
    },
  };
}
