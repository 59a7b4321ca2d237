// Where a benchmark runs: a fresh database on the PostgreSQL server (BENCH_DATABASE_URL, default the
// local server at 127.0.0.1:5432) when it answers, else the embedded PGlite. Dropped afterwards.
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../src/server/platform/db/connect.js';
import { migrate } from '../src/server/platform/db/migrate.js';

export type BenchDatabase = Database & { label: string; drop(): Promise<void> };

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export async function openBenchDatabase(options: { embedded?: boolean } = {}): Promise<BenchDatabase> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (!options.embedded && (await reachable(serverUrl))) {
    const name = `resonance_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ url: url.toString() });
    await migrate(database.db);
    const version = (await database.pool.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;
    return {
      ...database,
      label: `PostgreSQL ${version} at ${url.host}`,
      async drop() {
        await database.close();
        const c = new pg.Client({ connectionString: serverUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const database = await openDatabase({ dataDir: null });
  await migrate(database.db);
  return { ...database, label: 'embedded PGlite (in memory)', drop: () => database.close() };
}
