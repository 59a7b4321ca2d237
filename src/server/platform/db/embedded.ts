// The embedded PostgreSQL: PGlite keeping its files in a folder (or in memory), served over the
// Postgres wire protocol on an ephemeral loopback port so every other part connects with `pg`.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdir } from 'node:fs/promises';

export type EmbeddedPostgres = {
  /** postgres:// URL of the loopback socket. */
  url: string;
  stop(): Promise<void>;
};

/**
 * Starts PGlite and its socket server.
 * @param dataDir folder for the database files, or `null` for a throw-away in-memory database.
 * @example const pg = await startEmbeddedPostgres('./data'); // pg.url -> postgres://postgres@127.0.0.1:41234/postgres
 */
export async function startEmbeddedPostgres(dataDir: string | null, maxConnections = 64): Promise<EmbeddedPostgres> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  // Extensions the migrations create must be bundled here (PostgreSQL servers ship them in contrib).
  const db = await PGlite.create(dataDir ?? 'memory://', { extensions: { pg_trgm } });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
  await server.start();
  const url = `postgres://postgres@${server.getServerConn()}/postgres`;
  let stopped = false;
  return {
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
    },
  };
}
