// Routes a new help request to its experts, outside the request that created it.
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/job-queue.js';
import { routeHelpRequest } from '../help.service.js';

export const routeHelpRequestJob = defineJob({
  id: 'expertise.route-help-request',
  version: 1,
  payload: z.object({ requestId: z.number().int().positive() }),
  retryLimit: 5,
  async handle(payload, ctx) {
    const invited = await routeHelpRequest({ db: ctx.db, requestId: payload.requestId });
    ctx.logger.info({ requestId: payload.requestId, invited: invited.length }, 'help request routed');
  },
});
