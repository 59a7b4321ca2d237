// Runs a stored people import in the background, a slice at a time: when the slice ends or the worker
// shuts down, the job queues its own continuation, which resumes after the last committed batch.
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/job-queue.js';
import { runPeopleImport } from '../run-people-import.js';

/** One job runs at most this long, so pg-boss's expiry (below) can stay short for crashed workers. */
const SLICE_MS = 2 * 60_000;

export const runPeopleImportJob = defineJob({
  id: 'people.run-import',
  version: 1,
  payload: z.object({ importId: z.number().int().positive(), batchRows: z.number().int().min(1).max(10_000) }),
  retryLimit: 10,
  retryDelaySeconds: 5,
  expireInSeconds: 10 * 60,
  batchSize: 1,
  async handle(payload, ctx) {
    const outcome = await runPeopleImport({
      db: ctx.db,
      importId: payload.importId,
      batchRows: payload.batchRows,
      signal: ctx.signal,
      sliceMs: SLICE_MS,
      logger: ctx.logger,
    });
    if (outcome === 'paused') await ctx.queue.enqueue(ctx.db, runPeopleImportJob, payload);
    ctx.logger.info({ importId: payload.importId, outcome }, 'people import slice ended');
  },
});
