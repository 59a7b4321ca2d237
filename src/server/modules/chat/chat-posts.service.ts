// A campaign's chat posts (ADR 0019): which channels its chat variants reach (every enabled channel
// whose audience holds at least one of the variant's recipients), written once per (campaign, step,
// variant, channel) as a ledger with the same crash rules as e-mail (ADR 0017): a post is leased while
// it is being sent, marked as soon as the webhook took it, and taken again after its lease by the next
// sender. Webhooks are rate limited: at most one post a second each, and a 429's Retry-After keeps the
// whole webhook quiet until then.
import type { Logger } from 'pino';
import type { RawBuilder } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { Config } from '../../platform/config/config.js';
import { AppError } from '../../platform/http/app-error.js';
import type { ChatPostList } from '../../../shared/chat.js';
import { compileAudienceRule } from '../audiences/index.js';
import { getCampaignDefinition, getCampaignStatus, resolveRecipientsSql } from '../campaigns/index.js';
import type { Thresholds } from '../people/index.js';
import { chatPayload, renderChatMessage } from './chat-payloads.js';
import { postWebhook } from './webhook-client.js';
import { findWebhook, listChannels } from './chat-channels.queries.js';
import * as q from './chat-posts.queries.js';

/** Attempts of a post that failed for a passing reason (5xx, 429, network) before it counts as failed. */
export const CHAT_MAX_ATTEMPTS = 6;
/** A wait this short is waited out in the sender instead of handing over to a later job. */
const WAIT_INLINE_MS = 10_000;

type ResolveContext = { db: AnyDb; thresholds: Thresholds; clock: () => Date; logger?: Pick<Logger, 'warn' | 'info'> };

/** Enabled channels with their compiled audiences; a channel whose audience no longer compiles (a deleted segment) is skipped and logged. */
async function resolvableChannels(ctx: ResolveContext): Promise<q.ResolvableChannel[]> {
  const channels: q.ResolvableChannel[] = [];
  for (const c of await listChannels(ctx.db, { enabledOnly: true })) {
    try {
      channels.push({ id: c.id, where: await compileAudienceRule({ db: ctx.db, rule: c.audience, thresholds: ctx.thresholds }) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      ctx.logger?.warn({ chatChannelId: c.id, code: error.messageCode }, 'chat channel skipped: its audience does not resolve');
    }
  }
  return channels;
}

async function planned(ctx: ResolveContext & { campaignId: number; recipients?: RawBuilder<unknown> }) {
  const channels = await resolvableChannels(ctx);
  if (channels.length === 0) return null;
  const campaign = await getCampaignDefinition({ db: ctx.db, id: ctx.campaignId });
  if (!campaign.variants.some((v) => v.channels.includes('chat'))) return null;
  const recipients = ctx.recipients ?? (await resolveRecipientsSql({ ...ctx, id: ctx.campaignId }));
  return q.plannedPostsSql({ recipients, channels, defaultLanguage: campaign.default_language });
}

/**
 * Writes the campaign's chat posts of step 0 from its resolved recipients (idempotent); the number written.
 * @example await writeChatPosts({ db, thresholds, clock, campaignId: 7, recipients });
 */
export async function writeChatPosts(input: ResolveContext & { campaignId: number; recipients: RawBuilder<unknown> }): Promise<number> {
  const plan = await planned(input);
  return plan ? q.insertPosts(input.db, input.campaignId, plan) : 0;
}

/**
 * A campaign's chat posts: the ledger once it went out, else the posts it would make now.
 * @example const { planned, items } = await listCampaignChatPosts({ db, thresholds, clock, campaignId: 7 });
 */
export async function listCampaignChatPosts(input: ResolveContext & { campaignId: number }): Promise<ChatPostList> {
  const campaign = await getCampaignDefinition({ db: input.db, id: input.campaignId });
  const rows = await q.listPosts(input.db, input.campaignId);
  if (rows.length > 0 || !['draft', 'scheduled'].includes(campaign.status)) {
    return {
      planned: false,
      items: rows.map((r) => ({
        channel: { id: r.chat_channel_id, name: r.channel_name, kind: r.channel_kind },
        variant: r.variant_key,
        language: r.language,
        step: r.step,
        people: r.people,
        state: r.state as ChatPostList['items'][number]['state'],
        reason: r.reason,
        attempts: r.attempts,
        sent_at: r.sent_at?.toISOString() ?? null,
      })),
    };
  }
  const plan = await planned(input);
  const items = plan ? await q.findPlannedPosts(input.db, plan) : [];
  return {
    planned: true,
    items: items.map((p) => ({
      channel: { id: p.chat_channel_id, name: p.name, kind: p.kind },
      variant: p.variant_key,
      language: p.language,
      step: 0,
      people: p.people,
      state: 'queued',
      reason: null,
      attempts: 0,
      sent_at: null,
    })),
  };
}

/** Chat posts still to be made, and when the next is due. */
export async function openChatPosts(input: { db: AnyDb; campaignId: number }) {
  return q.openPosts(input.db, input.campaignId);
}

export async function findCampaignsWithDueChat(input: { db: AnyDb }): Promise<number[]> {
  return q.findCampaignsWithDuePosts(input.db);
}

/** Cancel: what has not been posted stays unposted (suppressed, cancelled). */
export async function suppressQueuedChatPosts(input: { db: AnyDb; campaignId: number }): Promise<number> {
  return q.suppressQueuedPosts(input.db, input.campaignId);
}

export type ChatSendOutcome = { sent: number; retried: number; failed: number; /** When the next post is due; null when none is left. */ nextDue: Date | null };

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * Posts the campaign's due chat posts, one at a time, until none is left, the campaign is no longer
 * sending, `signal` asks to stop or the slice is over.
 * @example const outcome = await sendCampaignChat({ db, config, clock, campaignId: 7 }); // outcome.nextDue === null when all went out
 */
export async function sendCampaignChat(input: {
  db: AnyDb;
  config: Config;
  clock: () => Date;
  campaignId: number;
  signal?: AbortSignal;
  sliceMs?: number;
  logger?: Pick<Logger, 'warn' | 'info'>;
}): Promise<ChatSendOutcome> {
  const { db, config } = input;
  const started = Date.now();
  const sliceOver = () => input.sliceMs !== undefined && Date.now() - started > input.sliceMs;
  const outcome: ChatSendOutcome = { sent: 0, retried: 0, failed: 0, nextDue: null };
  const campaign = await getCampaignDefinition({ db, id: input.campaignId });
  const allowPrivate = config.CHAT_WEBHOOK_ALLOW_PRIVATE;
  while (!input.signal?.aborted && !sliceOver() && (await getCampaignStatus({ db, id: campaign.id })) === 'sending') {
    await q.suppressOrphans(db, campaign.id);
    const post = await q.claimDuePost(db, { campaignId: campaign.id, leaseSeconds: config.DELIVERY_LEASE_SECONDS });
    if (!post) {
      // Nothing due now: a webhook's rate window or a retry a few seconds away is waited out here.
      const open = await q.openPosts(db, campaign.id);
      const wait = open.next_due ? open.next_due.getTime() - input.clock().getTime() : null;
      if (wait === null || wait > WAIT_INLINE_MS) break;
      await sleep(Math.max(wait, 0) + 20, input.signal);
      continue;
    }
    const webhook = await findWebhook(db, post.chat_channel_id);
    const content = campaign.variants.find((v) => v.key === post.variant_key)?.content[post.language];
    if (!webhook || !content) {
      await q.markPostFailed(
        db,
        post.id,
        webhook ? 'gave_up' : 'channel_deleted',
        webhook ? 'the variant has no content in this language' : 'the channel is gone',
      );
      outcome.failed++;
      continue;
    }
    const message = await renderChatMessage(content, { campaign: { name: campaign.name } }, config.brand.name);
    const answer = await postWebhook(webhook.url, chatPayload(webhook.kind, message, post.language), { allowPrivate });
    if (answer.kind === 'ok') {
      // Marked as soon as the webhook took it: after a crash only the post in flight can go out again.
      await q.markPostSent(db, post.id);
      outcome.sent++;
    } else if (answer.kind === 'permanent') {
      await q.markPostFailed(db, post.id, answer.reason, answer.error);
      outcome.failed++;
    } else {
      const now = input.clock().getTime();
      const backoff = config.CHAT_RETRY_SECONDS * 1000 * 4 ** (post.attempts - 1);
      const retryAt = post.attempts >= CHAT_MAX_ATTEMPTS ? null : new Date(now + (answer.retryAfterMs ?? backoff));
      await q.markPostRetry(db, { id: post.id, channelId: post.chat_channel_id, error: answer.error, retryAt, throttled: answer.status === 429 });
      input.logger?.warn({ campaignId: campaign.id, chatPostId: post.id, status: answer.status, retryAt }, 'chat post not taken');
      if (retryAt) outcome.retried++;
      else outcome.failed++;
    }
  }
  const open = await q.openPosts(db, campaign.id);
  // Paused or cancelled: nobody comes back for these until a resume fans out again.
  if ((await getCampaignStatus({ db, id: campaign.id })) !== 'sending') return outcome;
  outcome.nextDue = open.open === 0 ? null : input.signal?.aborted || sliceOver() ? input.clock() : (open.next_due ?? input.clock());
  return outcome;
}
