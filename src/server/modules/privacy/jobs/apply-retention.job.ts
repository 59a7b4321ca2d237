// Daily at 03:15 UTC: events and deliveries older than RETENTION_DAYS lose their person (ADR 0023).
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/job-queue.js';
import { applyRetention } from '../retention.service.js';

export const applyRetentionJob = defineJob({
  id: 'privacy.apply-retention',
  version: 1,
  payload: z.object({}),
  cron: '15 3 * * *',
  retryLimit: 2,
  batchSize: 1,
  expireInSeconds: 4 * 3600,
  async handle(_payload, ctx) {
    const result = await applyRetention({ db: ctx.db, retentionDays: ctx.config.RETENTION_DAYS, now: new Date(), signal: ctx.signal });
    ctx.logger.info({ ...result, retentionDays: ctx.config.RETENTION_DAYS }, 'retention applied');
  },
});
