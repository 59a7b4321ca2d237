// At the campaign's send time: write its deliveries in one statement, then hand the e-mail to the sender.
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/job-queue.js';
import { fanOutCampaign } from '../send-campaign.service.js';
import { sendCampaignEmailJob } from './send-campaign-email.job.js';

export const fanOutCampaignJob = defineJob({
  id: 'delivery.fan-out-campaign',
  version: 1,
  payload: z.object({ campaignId: z.number().int().positive() }),
  retryLimit: 10,
  retryDelaySeconds: 10,
  batchSize: 1,
  async handle(payload, ctx) {
    const emailWaiting = await fanOutCampaign({ db: ctx.db, config: ctx.config, clock: () => new Date(), campaignId: payload.campaignId, logger: ctx.logger });
    if (emailWaiting) await ctx.queue.enqueue(ctx.db, sendCampaignEmailJob, payload);
  },
});
