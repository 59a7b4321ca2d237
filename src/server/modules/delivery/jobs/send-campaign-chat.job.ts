// Posts a campaign's due chat posts (ADR 0019); when some wait for a webhook's Retry-After, a retry or
// a dead sender's lease, it enqueues itself again for that time. Safe to run twice at once: posts are
// claimed with SKIP LOCKED, and each webhook's rate window is taken in the same statement.
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/job-queue.js';
import { sendCampaignChat } from '../../chat/index.js';
import { finishIfDone } from '../send-campaign.service.js';

/** One run posts for at most this long, then hands over to a fresh job. */
const SLICE_MS = 5 * 60_000;

export const sendCampaignChatJob = defineJob({
  id: 'delivery.send-campaign-chat',
  version: 1,
  payload: z.object({ campaignId: z.number().int().positive() }),
  retryLimit: 10,
  retryDelaySeconds: 30,
  expireInSeconds: 15 * 60,
  batchSize: 1,
  async handle(payload, ctx) {
    const outcome = await sendCampaignChat({
      db: ctx.db,
      config: ctx.config,
      clock: () => new Date(),
      campaignId: payload.campaignId,
      signal: ctx.signal,
      logger: ctx.logger,
      sliceMs: SLICE_MS,
    });
    ctx.logger.info({ campaignId: payload.campaignId, ...outcome }, 'campaign chat posted');
    if (outcome.nextDue) {
      const startAfter = outcome.nextDue;
      await ctx.queue.enqueue(ctx.db, sendCampaignChatJob, payload, { startAfter, singletonKey: `chat-${payload.campaignId}-${startAfter.getTime()}` });
    } else {
      await finishIfDone({ db: ctx.db, campaignId: payload.campaignId });
    }
  },
});
