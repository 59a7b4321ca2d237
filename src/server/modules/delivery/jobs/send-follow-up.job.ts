// A follow-up's time has come: write its deliveries for whoever the condition still holds for, hand
// them to the sender, and schedule the next round while the follow-up allows more sends.
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/job-queue.js';
import { writeFollowUp } from '../send-campaign.service.js';
import { sendCampaignEmailJob } from './send-campaign-email.job.js';

export const sendFollowUpJob = defineJob({
  id: 'delivery.send-follow-up',
  version: 1,
  payload: z.object({ campaignId: z.number().int().positive(), index: z.number().int().min(0), round: z.number().int().min(0) }),
  retryLimit: 10,
  retryDelaySeconds: 30,
  batchSize: 1,
  async handle(payload, ctx) {
    const outcome = await writeFollowUp({ db: ctx.db, config: ctx.config, clock: () => new Date(), logger: ctx.logger, ...payload });
    if (!outcome) return;
    if (outcome.written > 0) await ctx.queue.enqueue(ctx.db, sendCampaignEmailJob, { campaignId: payload.campaignId });
    if (payload.round + 1 < outcome.maxSends) {
      const startAfter = new Date(Date.now() + outcome.afterHours * 3_600_000);
      const next = { ...payload, round: payload.round + 1 };
      await ctx.queue.enqueue(ctx.db, sendFollowUpJob, next, { startAfter, singletonKey: `follow-up-${payload.campaignId}-${payload.index}-${next.round}` });
    }
  },
});
