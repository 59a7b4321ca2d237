// At the campaign's send time: write its deliveries in one statement (and its chat posts), hand the
// e-mail and the chat posts to their senders, and schedule the follow-ups (and, with a leader cascade,
// the release at its deadline).
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/job-queue.js';
import { getCampaignDefinition } from '../../campaigns/index.js';
import { fanOutCampaign } from '../send-campaign.service.js';
import { sendCampaignChatJob } from './send-campaign-chat.job.js';
import { sendCampaignEmailJob } from './send-campaign-email.job.js';
import { sendFollowUpJob } from './send-follow-up.job.js';
import { releaseCascadeJob } from './release-cascade.job.js';

export const fanOutCampaignJob = defineJob({
  id: 'delivery.fan-out-campaign',
  version: 1,
  payload: z.object({ campaignId: z.number().int().positive() }),
  retryLimit: 10,
  retryDelaySeconds: 10,
  batchSize: 1,
  async handle(payload, ctx) {
    const waiting = await fanOutCampaign({ db: ctx.db, config: ctx.config, clock: () => new Date(), campaignId: payload.campaignId, logger: ctx.logger });
    if (waiting.email) await ctx.queue.enqueue(ctx.db, sendCampaignEmailJob, payload);
    if (waiting.chat) await ctx.queue.enqueue(ctx.db, sendCampaignChatJob, payload);
    // Each follow-up's first round, its hours after now (the send time), or with a cascade after its
    // deadline, when every team has the message at the latest; a fan-out run again (resume, retry)
    // may enqueue it again, which writes nothing twice.
    const campaign = await getCampaignDefinition({ db: ctx.db, id: payload.campaignId });
    const deadline = campaign.cascade ? new Date(campaign.cascade.deadline) : null;
    if (waiting.email && deadline) {
      await ctx.queue.enqueue(ctx.db, releaseCascadeJob, payload, { startAfter: deadline, singletonKey: `cascade-${campaign.id}` });
    }
    const from = Math.max(Date.now(), deadline?.getTime() ?? 0);
    for (const [index, followUp] of campaign.follow_ups.entries()) {
      const startAfter = new Date(from + followUp.after_hours * 3_600_000);
      await ctx.queue.enqueue(
        ctx.db,
        sendFollowUpJob,
        { campaignId: campaign.id, index, round: 0 },
        { startAfter, singletonKey: `follow-up-${campaign.id}-${index}-0` },
      );
    }
  },
});
