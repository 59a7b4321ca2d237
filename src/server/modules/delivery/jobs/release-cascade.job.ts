// At a cascade's deadline: every team whose leader has not released it gets the communicator's
// version now. Enqueued at the fan-out for the deadline; the resume-sending sweep enqueues it too
// when a deadline has passed with a team still held, so a lost job strands nobody.
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/job-queue.js';
import { releaseDueCascade } from '../cascade.service.js';

export const releaseCascadeJob = defineJob({
  id: 'delivery.release-cascade',
  version: 1,
  payload: z.object({ campaignId: z.number().int().positive() }),
  retryLimit: 10,
  retryDelaySeconds: 30,
  batchSize: 1,
  async handle(payload, ctx) {
    const outcome = await releaseDueCascade({ db: ctx.db, config: ctx.config, clock: () => new Date(), jobs: ctx.queue, campaignId: payload.campaignId });
    ctx.logger.info({ campaignId: payload.campaignId, ...outcome }, 'cascade released at the deadline');
  },
});
