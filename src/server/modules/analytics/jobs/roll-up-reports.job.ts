// Every minute: the report rollups catch up with new opens, clicks, reads and acknowledgements (ADR 0024).
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/job-queue.js';
import { rollUpReports } from '../rollup.service.js';

export const rollUpReportsJob = defineJob({
  id: 'analytics.roll-up-reports',
  version: 1,
  payload: z.object({}),
  cron: '* * * * *',
  retryLimit: 1,
  batchSize: 1,
  expireInSeconds: 15 * 60,
  async handle(_payload, ctx) {
    const result = await rollUpReports({ db: ctx.db, config: ctx.config, now: new Date(), signal: ctx.signal });
    if (result.campaigns.length > 0) ctx.logger.info({ deliveries: result.deliveries, campaigns: result.campaigns.length }, 'report rollups written');
  },
});
