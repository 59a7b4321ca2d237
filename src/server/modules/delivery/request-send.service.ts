// What a communicator asks of a campaign's sending, with the jobs each request causes enqueued in
// the same transaction: send (now, at a time, at a local time) hands the campaign to the fan-out;
// resume hands it to the fan-out again, which writes only what is missing; cancel leaves what has
// not gone out unsent, with the reason. Apart from the jobs' handlers, so neither imports the other.
import type { AnyDb } from '../../platform/db/connect.js';
import type { Config } from '../../platform/config/config.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import { changeSending, requestSend } from '../campaigns/index.js';
import { suppressQueuedChatPosts } from '../chat/index.js';
import { suppressQueued } from './delivery.queries.js';
import { fanOutCampaignJob } from './jobs/fan-out-campaign.job.js';

type RequestContext = { db: AnyDb; jobs: JobQueue; config: Config; clock: () => Date };

/**
 * Sends a draft under an Idempotency-Key (see `requestSend`), enqueueing its fan-out for its time.
 * @example await sendCampaign({ ...ctx, id: 7, key: 'b6c1…', at: null, localTime: null, userId: 3 });
 */
export async function sendCampaign(input: RequestContext & { id: number; key: string; at: Date | null; localTime: string | null; userId: number | null }) {
  return requestSend({
    db: input.db,
    thresholds: input.config.experienceThresholds,
    clock: input.clock,
    id: input.id,
    key: input.key,
    at: input.at,
    localTime: input.localTime,
    userId: input.userId,
    needsApproval: input.config.CAMPAIGN_APPROVAL,
    enqueue: async (trx, startAfter) => {
      await input.jobs.enqueue(trx, fanOutCampaignJob, { campaignId: input.id }, { startAfter });
    },
  });
}

/**
 * Pauses, resumes or cancels a campaign's sending.
 * @example await changeCampaignSending({ ...ctx, id: 7, action: 'cancel' }); // { status: 'cancelled' }
 */
export async function changeCampaignSending(input: RequestContext & { id: number; action: 'pause' | 'resume' | 'cancel' }) {
  const { id } = input;
  return changeSending({
    db: input.db,
    id,
    action: input.action,
    then: async (trx, campaign) => {
      if (input.action === 'cancel') {
        await suppressQueued(trx, id);
        await suppressQueuedChatPosts({ db: trx, campaignId: id });
      }
      if (input.action === 'resume') {
        const now = input.clock();
        const startAfter = campaign.send_at && campaign.send_at > now ? campaign.send_at : now;
        await input.jobs.enqueue(trx, fanOutCampaignJob, { campaignId: id }, { startAfter });
      }
    },
  });
}
