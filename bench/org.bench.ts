// "Everyone under X" at scale: counts of active people below managers at every level, answered by the
// org_path GIN index, against the naive recursive walk down manager_id in the same run. Prints p50 and
// p95 of each by subtree size, and the ratio. Options: --people N (default 1,000,000).
import { openBenchDatabase } from './bench-database.js';
import { loadPeopleFixture } from './people-fixture.js';

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

export async function run(args: string[]): Promise<void> {
  const count = option(args, 'people', 1_000_000);
  const db = await openBenchDatabase();
  if (db.label.startsWith('embedded')) throw new Error('the org benchmark loads with COPY and needs a PostgreSQL server (BENCH_DATABASE_URL)');
  try {
    const loadStarted = performance.now();
    await loadPeopleFixture(db.pool, count);
    console.log(`org benchmark: ${count.toLocaleString('en')} people on ${db.label} (loaded in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s)`);
    // Managers in three bands of subtree size, 15 of each, picked evenly through the table.
    const bands: [string, number, number][] = [
      ['small (4-50)', 4, 50],
      ['medium (51-5,000)', 51, 5000],
      ['large (>5,000)', 5001, Number.MAX_SAFE_INTEGER],
    ];
    const sizes = await db.pool.query<{ id: number; n: number }>(`
      SELECT m.id, (SELECT count(*) FROM people p WHERE p.org_path @> ARRAY[m.id]) AS n
      FROM people m WHERE m.direct_reports > 0 AND m.id % 37 = 0 OR m.manager_id IS NULL`);
    const viaPath = (id: number) => db.pool.query(`SELECT count(*) FROM people WHERE org_path @> ARRAY[$1::bigint] AND status = 'active'`, [id]);
    const viaWalk = (id: number) =>
      db.pool.query(
        `
      WITH RECURSIVE below(id) AS (SELECT $1::bigint UNION ALL SELECT p.id FROM people p JOIN below b ON p.manager_id = b.id)
      SELECT count(*) FROM below JOIN people USING (id) WHERE status = 'active'`,
        [id],
      );
    for (const [label, low, high] of bands) {
      const picked = sizes.rows.filter((r) => r.n >= low && r.n <= high);
      const sample = picked.filter((_, i) => i % Math.max(1, Math.floor(picked.length / 15)) === 0).slice(0, 15);
      if (sample.length === 0) continue;
      const time = async (query: (id: number) => Promise<unknown>) => {
        const ms: number[] = [];
        for (let round = 0; round < 3; round++) {
          for (const { id } of sample) {
            const t = performance.now();
            await query(id);
            ms.push(performance.now() - t);
          }
        }
        return ms;
      };
      await time(viaPath); // warm both
      await time(viaWalk);
      const path = await time(viaPath);
      const walk = await time(viaWalk);
      console.log(
        `  ${label.padEnd(18)} ${String(sample.length).padStart(2)} managers  org_path p50 ${percentile(path, 50).toFixed(1)} ms p95 ${percentile(path, 95).toFixed(1)} ms  |  recursive walk p50 ${percentile(walk, 50).toFixed(1)} ms p95 ${percentile(walk, 95).toFixed(1)} ms  |  ratio p95 ${(percentile(path, 95) / percentile(walk, 95)).toFixed(2)}x`,
      );
    }
  } finally {
    await db.drop();
  }
}
