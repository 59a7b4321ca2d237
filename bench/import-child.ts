// The measured side of the import benchmark, in a process of its own so that its peak memory (RSS
// high-water mark) is the import's alone: stream a CSV file from disk into a stored import and run it
// to the end, as the job does. Prints one JSON line: times, counts, peak RSS.
import { createReadStream } from 'node:fs';
import { openDatabase } from '../src/server/platform/db/connect.js';
// Only the import's own code is loaded (not the whole app), so the memory measured is the import's.
import { getPeopleImport, startPeopleImport } from '../src/server/modules/people/import-people.js';
import { runPeopleImport } from '../src/server/modules/people/run-people-import.js';

const [url, file, batchRows] = process.argv.slice(2);
if (!url || !file) throw new Error('usage: import-child.ts DATABASE_URL FILE [BATCH_ROWS]');
const database = await openDatabase({ url });
const beforeMb = process.memoryUsage().rss / 1024 / 1024;
try {
  const started = performance.now();
  const stored = await startPeopleImport({ db: database.db, body: createReadStream(file), format: 'csv', maxBytes: Number.MAX_SAFE_INTEGER });
  const uploadMs = performance.now() - started;
  const outcome = await runPeopleImport({ db: database.db, importId: stored.id, batchRows: batchRows ? Number(batchRows) : undefined });
  const totalMs = performance.now() - started;
  const imp = await getPeopleImport({ db: database.db, importId: stored.id });
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ outcome, uploadMs, totalMs, maxRssMb, beforeMb, imp })}\n`);
} finally {
  await database.close();
}
