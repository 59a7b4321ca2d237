// Every minute: anonymous answers lose the transaction id and insertion order they share with the
// row that says who answered (ADR 0027).
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/job-queue.js';
import { mixAnonymousAnswers } from '../mix-anonymous-answers.queries.js';

export const mixAnonymousAnswersJob = defineJob({
  id: 'dialogue.mix-anonymous-answers',
  version: 1,
  payload: z.object({}),
  cron: '* * * * *',
  retryLimit: 1,
  batchSize: 1,
  async handle(_payload, ctx) {
    const mixed = await mixAnonymousAnswers({ db: ctx.db, today: new Date().toISOString().slice(0, 10) });
    if (mixed > 0) ctx.logger.info({ mixed }, 'anonymous answers mixed');
  },
});
