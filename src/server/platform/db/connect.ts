// One way to reach the database: a `pg` pool and a Kysely instance over it, whether the server is
// PostgreSQL or the embedded PGlite. Type parsers keep ids as numbers and dates as 'YYYY-MM-DD'.
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Logger } from 'pino';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded.js';

const INT8 = 20;
const INT8_ARRAY = 1016 as Parameters<typeof pg.types.getTypeParser>[0];
const NUMERIC = 1700;
const DATE = 1082;
const parseInt8 = (v: string) => {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new Error(`int8 value ${v} is beyond 2^53`);
  return n;
};
const parseInt8Array = pg.types.getTypeParser(INT8_ARRAY) as (value: string) => unknown;
pg.types.setTypeParser(INT8, parseInt8);
pg.types.setTypeParser(INT8_ARRAY, (v) => (parseInt8Array(v) as (string | null)[]).map((x) => (x === null ? null : parseInt8(x))));
pg.types.setTypeParser(NUMERIC, (v) => Number(v));
pg.types.setTypeParser(DATE, (v) => v);

/** Modules add their own tables with `db.withTables<T>()`; no module sees another's tables. */
export type AnyDb = Kysely<object>;

export type Database = {
  pool: pg.Pool;
  db: AnyDb;
  url: string;
  embedded: boolean;
  /** The embedded database's files as a tarball (test snapshots); absent on a PostgreSQL server. */
  dump?: () => Promise<Blob>;
  close(): Promise<void>;
};

export type DatabaseOptions = {
  /** A PostgreSQL URL; absent means the embedded database. */
  url?: string;
  /** Folder of the embedded database; `null` keeps it in memory. */
  dataDir?: string | null;
  poolMax?: number;
  /** A tarball from `Database.dump` to start an in-memory embedded database from. */
  snapshot?: Blob;
  logger?: Pick<Logger, 'warn' | 'error'>;
};

/**
 * Opens the database the configuration names.
 * @example const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: './data' });
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let embedded: EmbeddedPostgres | null = null;
  let url = options.url;
  if (!url) {
    embedded = await startEmbeddedPostgres(options.dataDir ?? null, { snapshot: options.snapshot, logger: options.logger });
    url = embedded.url;
  }
  const pool = new pg.Pool({ connectionString: url, max: options.poolMax ?? 10, application_name: 'resonance' });
  pool.on('error', () => {
    // An idle client lost its server; the pool replaces it. Queries in flight report their own error.
  });
  const db: AnyDb = new Kysely({ dialect: new PostgresDialect({ pool }) });
  return {
    pool,
    db,
    url,
    embedded: embedded !== null,
    ...(embedded ? { dump: () => embedded.dump() } : {}),
    async close() {
      await db.destroy();
      if (embedded) await embedded.stop();
    },
  };
}
