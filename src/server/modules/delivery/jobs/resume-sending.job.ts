// Every minute: campaigns that are sending with e-mail or chat posts due (a retry whose time came, or deliveries a
// sender left behind when its process died) get a sender again. This is what makes a crash mid-send
// lose nobody without waiting for the crashed job's expiry. Cascades whose deadline has passed with a
// team still held (or whose released team has a straggler) get their release job again.
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/job-queue.js';
import { findCampaignsWithDueEmail } from '../delivery.queries.js';
import { findCampaignsWithDueChat } from '../../chat/index.js';
import { sendCampaignChatJob } from './send-campaign-chat.job.js';
import { sendCampaignEmailJob } from './send-campaign-email.job.js';
import { findDueCascades } from '../cascade.service.js';
import { releaseCascadeJob } from './release-cascade.job.js';

export const resumeSendingJob = defineJob({
  id: 'delivery.resume-sending',
  version: 1,
  payload: z.object({}),
  cron: '* * * * *',
  retryLimit: 0,
  async handle(_payload, ctx) {
    for (const campaignId of await findCampaignsWithDueEmail(ctx.db)) {
      // One per campaign and minute, however many sweeps see it.
      const minute = Math.floor(Date.now() / 60_000);
      await ctx.queue.enqueue(ctx.db, sendCampaignEmailJob, { campaignId }, { singletonKey: `resume-${campaignId}-${minute}` });
    }
    for (const campaignId of await findDueCascades({ db: ctx.db, now: new Date() })) {
      const minute = Math.floor(Date.now() / 60_000);
      await ctx.queue.enqueue(ctx.db, releaseCascadeJob, { campaignId }, { singletonKey: `cascade-sweep-${campaignId}-${minute}` });
    }
    // Chat posts likewise (ADR 0019): a retry whose time came, or a post a dead sender left in flight.
    for (const campaignId of await findCampaignsWithDueChat({ db: ctx.db })) {
      const minute = Math.floor(Date.now() / 60_000);
      await ctx.queue.enqueue(ctx.db, sendCampaignChatJob, { campaignId }, { singletonKey: `resume-chat-${campaignId}-${minute}` });
    }
  },
});
