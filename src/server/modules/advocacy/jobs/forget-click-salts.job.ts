// Every hour: the salts of days before yesterday are deleted, so no visitor hash can be tied to an
// address again by trying them all (ADR 0030). Idempotent.
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/job-queue.js';
import { forgetOldSalts } from '../click.service.js';

export const forgetClickSaltsJob = defineJob({
  id: 'advocacy.forget-click-salts',
  version: 1,
  payload: z.object({}),
  cron: '7 * * * *',
  retryLimit: 1,
  batchSize: 1,
  async handle(_payload, ctx) {
    const deleted = await forgetOldSalts(ctx.db, new Date());
    if (deleted > 0) ctx.logger.info({ deleted }, 'click salts forgotten');
  },
});
