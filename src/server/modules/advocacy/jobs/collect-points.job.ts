// Every five minutes: kudos received and help requests resolved become advocacy points, and badges that
// became due are awarded (ADR 0031).
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/job-queue.js';
import { collectPoints } from '../engagement-points.service.js';

export const collectPointsJob = defineJob({
  id: 'advocacy.collect-points',
  version: 1,
  payload: z.object({}),
  cron: '*/5 * * * *',
  retryLimit: 1,
  batchSize: 1,
  expireInSeconds: 15 * 60,
  async handle(_payload, ctx) {
    const outcome = await collectPoints({ db: ctx.db, now: new Date() });
    if (outcome.kudos + outcome.help + outcome.badges > 0) ctx.logger.info(outcome, 'advocacy points collected');
  },
});
