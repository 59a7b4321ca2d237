// Hourly: deletes sessions past their expiry so the table holds only live ones.
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/job-queue.js';
import { purgeExpiredSessions } from '../identity.service.js';

export const purgeExpiredSessionsJob = defineJob({
  id: 'identity.purge-expired-sessions',
  version: 1,
  payload: z.object({}),
  retryLimit: 2,
  cron: '17 * * * *',
  async handle(_payload, ctx) {
    const deleted = await purgeExpiredSessions({ db: ctx.db });
    ctx.logger.info({ deleted }, 'expired sessions purged');
  },
});
