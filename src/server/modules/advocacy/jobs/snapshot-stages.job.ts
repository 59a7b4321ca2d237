// Every day: how many active people are at each maturity stage, take part and share (ADR 0033).
// A second run the same day rewrites that day's rows, so retries and two workers are harmless.
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/job-queue.js';
import { snapshotStages } from '../maturity.service.js';

export const snapshotStagesJob = defineJob({
  id: 'advocacy.snapshot-stages',
  version: 1,
  payload: z.object({}),
  cron: '10 0 * * *',
  retryLimit: 3,
  batchSize: 1,
  async handle(_payload, ctx) {
    const result = await snapshotStages({ db: ctx.db, at: new Date() });
    ctx.logger.info(result, 'advocacy stage snapshot written');
  },
});
