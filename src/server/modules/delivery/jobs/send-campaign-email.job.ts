// Sends a campaign's due e-mail; when some wait for a retry or for a dead sender's lease, it enqueues
// itself again for that time. Safe to run twice at once: deliveries are claimed with SKIP LOCKED.
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/job-queue.js';
import { sendCampaignEmail } from '../send-campaign.service.js';

/** One run sends for at most this long, then hands over to a fresh job (no run outlives its expiry). */
const SLICE_MS = 5 * 60_000;

export const sendCampaignEmailJob = defineJob({
  id: 'delivery.send-campaign-email',
  version: 1,
  payload: z.object({ campaignId: z.number().int().positive() }),
  retryLimit: 10,
  retryDelaySeconds: 30,
  expireInSeconds: 15 * 60,
  batchSize: 1,
  async handle(payload, ctx) {
    const outcome = await sendCampaignEmail({
      db: ctx.db,
      config: ctx.config,
      clock: () => new Date(),
      campaignId: payload.campaignId,
      signal: ctx.signal,
      logger: ctx.logger,
      sliceMs: SLICE_MS,
    });
    ctx.logger.info({ campaignId: payload.campaignId, ...outcome }, 'campaign e-mail sent');
    // Some are due later (retries, a dead sender's lease), or the slice ended: continue then.
    if (outcome.nextDue) {
      const startAfter = outcome.nextDue;
      await ctx.queue.enqueue(ctx.db, sendCampaignEmailJob, payload, { startAfter, singletonKey: `campaign-${payload.campaignId}-${startAfter.getTime()}` });
    }
  },
});
