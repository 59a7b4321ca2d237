// Every minute: surveys close when due, pulses open their next round, invitations and reminders go out (ADR 0029).
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/job-queue.js';
import { runSurveyScheduler } from '../pulse-rounds.service.js';

export const openSurveyRoundsJob = defineJob({
  id: 'dialogue.open-survey-rounds',
  version: 1,
  payload: z.object({}),
  cron: '* * * * *',
  retryLimit: 1,
  batchSize: 1,
  expireInSeconds: 15 * 60,
  async handle(_payload, ctx) {
    const outcome = await runSurveyScheduler({ db: ctx.db, config: ctx.config, jobs: ctx.queue, clock: () => new Date(), logger: ctx.logger });
    const busy = outcome.closed.length + outcome.opened.length + outcome.invited.length + outcome.reminded.length;
    if (busy > 0) ctx.logger.info(outcome, 'survey scheduler ran');
  },
});
