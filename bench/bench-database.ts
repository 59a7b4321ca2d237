// Where a benchmark runs: a fresh database on the PostgreSQL server (BENCH_DATABASE_URL, default the
// local server at 127.0.0.1:5432) when it answers, else the embedded PGlite. Dropped afterwards.
import pg from 'pg';
import { openDatabase, type Database } from '../src/server/platform/db/connect.js';
import { migrate } from '../src/server/platform/db/migrate.js';
import { createScratchDatabase } from '../src/server/platform/db/scratch-database.js';

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
    const scratch = await createScratchDatabase(serverUrl, 'resonance_bench');
    const database = await openDatabase({ url: scratch.url });
    await migrate(database.db);
    const version = (await database.pool.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;
    return {
      ...database,
      label: `PostgreSQL ${version} at ${new URL(serverUrl).host}`,
      async drop() {
        await database.close();
        await scratch.drop();
      },
    };
  }
  const database = await openDatabase({ dataDir: null });
  await migrate(database.db);
  return { ...database, label: 'embedded PGlite (in memory)', drop: () => database.close() };
}
