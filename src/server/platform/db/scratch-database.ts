// A throw-away database on a PostgreSQL server, for a test file or a benchmark run: created with a
// random name beside the one `serverUrl` names, and dropped (connections and all) afterwards.
import pg from 'pg';
import { randomBytes } from 'node:crypto';

export type ScratchDatabase = { url: string; drop(): Promise<void> };

async function run(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Creates the database, empty or as a copy of `template`; its name is `<prefix>_<random>` (letters,
 * digits, underscores only).
 * @example const scratch = await createScratchDatabase('postgres://postgres@127.0.0.1/postgres', 'resonance_test');
 */
export async function createScratchDatabase(serverUrl: string, prefix: string, template?: string): Promise<ScratchDatabase> {
  const identifier = /^[a-z_][a-z0-9_]*$/;
  if (!identifier.test(prefix)) throw new Error(`bad database name prefix ${prefix}`);
  if (template !== undefined && !identifier.test(template)) throw new Error(`bad template database name ${template}`);
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await run(serverUrl, template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
