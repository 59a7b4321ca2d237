// Embedded database throughput: what the session bridge (docs/adr/0011) costs. The same statements —
// a primary-key lookup, a parameterised insert and a three-statement transaction — run 30 at a time
// through `pg` pools over the bridge, and directly on the PGlite instance in the same process (no
// wire protocol, no socket: the floor). Prints statements per second of both and the ratio.
// Options: --statements N (default 20,000), --in-flight N (default 30), --files (PGlite on a folder).
import { PGlite } from '@electric-sql/pglite';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PGliteSessionBridge } from '../src/server/platform/db/pglite-session-bridge.js';

function option(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
}

const SETUP = `
  CREATE TABLE bench_people (id integer PRIMARY KEY, name text NOT NULL, n integer NOT NULL DEFAULT 0);
  INSERT INTO bench_people (id, name) SELECT g, 'person ' || g FROM generate_series(1, 10000) g;
  CREATE TABLE bench_events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, person integer NOT NULL, kind text NOT NULL);`;

type Runner = {
  lookup(id: number): Promise<unknown>;
  insert(person: number): Promise<unknown>;
  transaction(person: number): Promise<unknown>;
};

/** Runs `count` units of the mix, `inFlight` at a time; a transaction counts as three statements. */
async function drive(runner: Runner, count: number, inFlight: number): Promise<{ seconds: number; statements: number }> {
  let next = 0;
  let statements = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) {
        const i = next++;
        const person = ((i * 7919) % 10_000) + 1;
        if (i % 10 < 6) {
          await runner.lookup(person);
          statements += 1;
        } else if (i % 10 < 9) {
          await runner.insert(person);
          statements += 1;
        } else {
          await runner.transaction(person);
          statements += 3;
        }
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, statements };
}

export async function run(args: string[]): Promise<void> {
  const count = option(args, '--statements', 20_000);
  const inFlight = option(args, '--in-flight', 30);
  const onFiles = args.includes('--files');
  const dir = onFiles ? await mkdtemp(path.join(tmpdir(), 'resonance-bench-embedded-')) : null;
  const db = await PGlite.create(dir ?? 'memory://');
  await db.exec(SETUP);

  // The floor: the same statements on the PGlite instance itself (its own queue, no wire protocol).
  const direct = await drive(
    {
      lookup: (id) => db.query('SELECT id, name, n FROM bench_people WHERE id = $1', [id]),
      insert: (person) => db.query('INSERT INTO bench_events (person, kind) VALUES ($1, $2)', [person, 'open']),
      transaction: (person) =>
        db.transaction(async (tx) => {
          await tx.query('UPDATE bench_people SET n = n + 1 WHERE id = $1', [person]);
          await tx.query('INSERT INTO bench_events (person, kind) VALUES ($1, $2)', [person, 'click']);
          await tx.query('SELECT n FROM bench_people WHERE id = $1', [person]);
        }),
    },
    count,
    inFlight,
  );

  const bridge = new PGliteSessionBridge({ db });
  const address = await bridge.listen();
  const pool = new pg.Pool({ connectionString: `postgres://postgres@${address}/postgres`, max: 10 });
  const bridged = await drive(
    {
      lookup: (id) => pool.query('SELECT id, name, n FROM bench_people WHERE id = $1', [id]),
      insert: (person) => pool.query('INSERT INTO bench_events (person, kind) VALUES ($1, $2)', [person, 'open']),
      transaction: async (person) => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await client.query('UPDATE bench_people SET n = n + 1 WHERE id = $1', [person]);
          await client.query('INSERT INTO bench_events (person, kind) VALUES ($1, $2)', [person, 'click']);
          await client.query('SELECT n FROM bench_people WHERE id = $1', [person]);
          await client.query('COMMIT');
        } finally {
          client.release();
        }
      },
    },
    count,
    inFlight,
  );
  await pool.end();
  await bridge.close();
  await db.close();
  if (dir) await rm(dir, { recursive: true, force: true });

  const rate = (r: { seconds: number; statements: number }) => r.statements / r.seconds;
  console.log(`embedded database (PGlite ${onFiles ? 'on files' : 'in memory'}), ${count} units of work, ${inFlight} in flight`);
  console.log(`  through the session bridge (pg pool of 10): ${bridged.seconds.toFixed(2)} s, ${Math.round(rate(bridged)).toLocaleString('en')} statements/s`);
  console.log(`  directly on PGlite (the floor):            ${direct.seconds.toFixed(2)} s, ${Math.round(rate(direct)).toLocaleString('en')} statements/s`);
  console.log(`  ratio: ${((rate(bridged) / rate(direct)) * 100).toFixed(1)} % of the direct rate`);
}
