// Hourly: deletes sessions past their expiry so the table holds only live ones, and sign-in throttle
// counters idle for a day (their window has long passed).
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/job-queue.js';
import { purgeExpiredSessions } from '../identity.service.js';
import { purgeStaleSignInThrottles } from '../sign-in-throttle.js';

export const purgeExpiredSessionsJob = defineJob({
  id: 'identity.purge-expired-sessions',
  version: 1,
  payload: z.object({}),
  retryLimit: 2,
  cron: '17 * * * *',
  async handle(_payload, ctx) {
    const deleted = await purgeExpiredSessions({ db: ctx.db });
    const throttles = await purgeStaleSignInThrottles({ db: ctx.db });
    ctx.logger.info({ deleted, throttles }, 'expired sessions and idle sign-in counters purged');
  },
});
