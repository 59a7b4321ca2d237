// Forward-only migrations: numbered .sql files in src/server/migrations, each applied once, in order,
// in its own transaction, under an advisory lock so concurrent processes cannot race.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { AnyDb } from './connect.js';
import { MIGRATIONS_DIR } from '../paths.js';

export type Migration = { version: number; name: string; file: string };

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;
const LOCK_KEY = 7_310_001; // any constant; identifies "resonance migrations" among advisory locks

/** Lists the migration files in order; rejects gaps and duplicate numbers. */
export async function listMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const migrations = files.map((file) => {
    const m = FILE_PATTERN.exec(file);
    if (!m) throw new Error(`migration file ${file} is not named NNNN_what.sql`);
    return { version: Number(m[1]), name: m[2]!, file: path.join(dir, file) };
  });
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${path.basename(m.file)} breaks the numbering (expected ${i + 1})`);
  });
  return migrations;
}

async function appliedVersions(db: AnyDb): Promise<Set<number>> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  const rows = await sql<{ version: number }>`SELECT version FROM schema_migrations`.execute(db);
  return new Set(rows.rows.map((r) => r.version));
}

/** The migrations not yet applied to this database. */
export async function pendingMigrations(db: AnyDb, dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const [all, applied] = await Promise.all([listMigrations(dir), appliedVersions(db)]);
  return all.filter((m) => !applied.has(m.version));
}

/**
 * Applies every pending migration and returns what it applied.
 * @example const applied = await migrate(database.db); // [{ version: 1, name: 'people', ... }]
 */
export async function migrate(db: AnyDb, dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const all = await listMigrations(dir);
  await appliedVersions(db);
  const applied: Migration[] = [];
  for (const migration of all) {
    const text = await readFile(migration.file, 'utf8');
    const done = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
      const exists = await sql`SELECT 1 FROM schema_migrations WHERE version = ${migration.version}`.execute(trx);
      if (exists.rows.length > 0) return false;
      await sql.raw(text).execute(trx);
      await sql`INSERT INTO schema_migrations (version, name) VALUES (${migration.version}, ${migration.name})`.execute(trx);
      return true;
    });
    if (done) applied.push(migration);
  }
  return applied;
}
