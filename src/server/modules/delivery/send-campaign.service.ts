// Sending a campaign: the fan-out writes every delivery in one statement from the campaign's
// resolution, then senders work through the e-mail deliveries in short claimed batches. A delivery is
// marked sent only after the mail server took it; a sender that dies leaves its batch 'sending' until
// the lease runs out, and the next sender sends those again with the same Message-ID (DESIGN §3.3: only
// a message in flight at the crash can go out twice, and then recognisably). Temporary refusals wait
// and retry with backoff; permanent ones mark the address bounced for later campaigns.
import type { Logger } from 'pino';
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import type { Config } from '../../platform/config/config.js';
import { groupCommit } from '../../platform/db/group-commit.js';
import {
  BRIEFING_STEP,
  compiledBriefingFor,
  compiledMessageFor,
  FOLLOW_UP_STEPS,
  finishSending,
  followUpPeopleSql,
  getCampaignDefinition,
  getCampaignStatus,
  getSendLocalTime,
  renderMail,
  reopenSending,
  resolveRecipientsSql,
  startSending,
  templateContext,
} from '../campaigns/index.js';
import { openChatPosts, writeChatPosts } from '../chat/index.js';
import { findTemplatePeople } from '../people/index.js';
import { findTopic, preferencesForFanOut, topicName, unsubscribeUrl } from '../preferences/index.js';
import { acknowledgeUrl } from './acknowledge-link.js';
import { effectiveTrackingMode, mailTracking } from '../tracking/index.js';
import { MailError, mailTransport, type MailTransport } from './mail-transport.js';
import * as q from './delivery.queries.js';
import { AWAITING_WINNER, decideSubjectTest, startSubjectTests } from './subject-tests.service.js';
import * as cq from './cascade.queries.js';
import { inNameOf, leaderDraftOf } from './leader-version.js';

/** Deliveries a sender claims at once: a short transaction, a bounded loss window. */
export const SEND_BATCH = 100;
/** Mails one sender has in flight at once, queued over the SMTP pool's four connections so none waits idle while a mark is written. */
export const IN_FLIGHT = 16;
/** Attempts of a temporarily refused mail before it counts as failed. */
export const MAX_ATTEMPTS = 5;

export type SendContext = { db: AnyDb; config: Config; clock: () => Date; logger?: Pick<Logger, 'warn' | 'info'> };

/**
 * Writes the campaign's deliveries and chat posts (idempotent) and says whether e-mail and chat posts
 * are waiting to be sent; neither when the campaign was cancelled or paused before its time came.
 * With a leader cascade, team members are held for their leader and each leader gets a briefing (step -1).
 * @example const waiting = await fanOutCampaign({ ...ctx, campaignId: 7 }); if (waiting.email) await queue.enqueue(...);
 */
export async function fanOutCampaign(input: SendContext & { campaignId: number }): Promise<{ email: boolean; chat: boolean }> {
  if (!(await startSending({ db: input.db, id: input.campaignId }))) return { email: false, chat: false };
  const recipients = await resolveRecipientsSql({ db: input.db, thresholds: input.config.experienceThresholds, clock: input.clock, id: input.campaignId });
  const localTime = await getSendLocalTime({ db: input.db, id: input.campaignId });
  const campaign = await getCampaignDefinition({ db: input.db, id: input.campaignId });
  const { cascade } = campaign;
  // Preferences in layers; must-reads ignore opt-outs, and quiet hours when the deployment says so.
  const prefs = await preferencesForFanOut({ db: input.db, config: input.config, topicKey: campaign.topic, personId: sql`r.person_id` });
  const mustRead = campaign.kind === 'must_read';
  const rules = {
    prefs,
    honourOptOuts: !mustRead,
    quietHours: !(mustRead && input.config.MUST_READ_IGNORES_QUIET_HOURS),
    now: input.clock(),
    defaultZone: input.config.DEFAULT_TIME_ZONE,
  };
  // One transaction: no sender sees a delivery before its subject-test line is set. Leaders and
  // briefings are derived from the held rows just written, so a fan-out run again completes them.
  const [written, briefings] = await input.db.transaction().execute(async (trx) => {
    const inserted = await q.insertDeliveries(trx, input.campaignId, recipients, localTime ? { time: localTime } : null, rules, cascade !== null);
    await startSubjectTests({ db: trx, campaign, now: input.clock() });
    const briefed = cascade ? await cq.insertLeadersAndBriefings(trx, { campaignId: input.campaignId, deadline: new Date(cascade.deadline) }) : 0;
    return [inserted, briefed] as const;
  });
  const posts = await writeChatPosts({
    db: input.db,
    thresholds: input.config.experienceThresholds,
    clock: input.clock,
    logger: input.logger,
    campaignId: input.campaignId,
    recipients,
  });
  input.logger?.info({ campaignId: input.campaignId, written, briefings, posts }, 'campaign fanned out');
  const [open, chat] = await Promise.all([q.openDeliveries(input.db, input.campaignId), openChatPosts({ db: input.db, campaignId: input.campaignId })]);
  if (open.open === 0 && chat.open === 0) await finishSending({ db: input.db, id: input.campaignId });
  return { email: open.open > 0, chat: chat.open > 0 };
}

/**
 * Marks the campaign sent once neither a delivery nor a chat post of it is left to send; whichever
 * sender finishes last does it.
 * @example await finishIfDone({ db, campaignId: 7 });
 */
export async function finishIfDone(input: { db: AnyDb; campaignId: number }): Promise<boolean> {
  const [open, chat] = await Promise.all([q.openDeliveries(input.db, input.campaignId), openChatPosts({ db: input.db, campaignId: input.campaignId })]);
  if (open.open > 0 || chat.open > 0) return false;
  await finishSending({ db: input.db, id: input.campaignId });
  return true;
}

const hostOf = (publicUrl: string) => new URL(publicUrl).hostname || 'resonance.local';

/** Backoff after the n-th failed attempt: 1, 4, 16, 64 minutes. */
const retryAt = (now: Date, attempts: number): Date | null => (attempts >= MAX_ATTEMPTS ? null : new Date(now.getTime() + 60_000 * 4 ** (attempts - 1)));

export type SendOutcome = {
  sent: number;
  retried: number;
  bounced: number;
  failed: number;
  /** When the next delivery is due; null when none is left. */ nextDue: Date | null;
};

/**
 * Sends the campaign's due e-mail deliveries, batch by batch, until none is due or `signal` asks to stop.
 * @example const outcome = await sendCampaignEmail({ ...ctx, campaignId: 7 }); // outcome.nextDue === null when all went out
 */
export async function sendCampaignEmail(
  input: SendContext & {
    campaignId: number;
    signal?: AbortSignal;
    transport?: MailTransport;
    /** Hand over after this long (a job's slice). */ sliceMs?: number;
  },
): Promise<SendOutcome> {
  const started = Date.now();
  const sliceOver = () => input.sliceMs !== undefined && Date.now() - started > input.sliceMs;
  const { db, config } = input;
  const transport = input.transport ?? mailTransport({ db, smtpUrl: config.SMTP_URL, ratePerSecond: config.MAIL_RATE_PER_SECOND ?? null });
  const campaign = await getCampaignDefinition({ db, id: input.campaignId });
  const outcome: SendOutcome = { sent: 0, retried: 0, bounced: 0, failed: 0, nextDue: null };
  const host = hostOf(config.publicUrl);
  const markSent = groupCommit((ids: number[]) => q.markSent(db, ids));
  // Must-reads carry an Acknowledge link and no unsubscribe (they ignore opt-outs); announcements of a
  // topic carry a one-click List-Unsubscribe (RFC 8058) and the same link in their footer.
  const mustRead = campaign.kind === 'must_read';
  const topic = campaign.topic && !mustRead ? await findTopic({ db, key: campaign.topic }) : null;
  const preferencesUrl = `${config.publicUrl}/preferences`;
  // ADR 0022: a tracked campaign's mail carries the pixel, its links through /t/c and the honeypot.
  const tracked = effectiveTrackingMode(campaign, config) !== 'off';
  // Between batches the campaign's status is read again: a pause or a cancel stops the sender there.
  while (!input.signal?.aborted && !sliceOver() && (await getCampaignStatus({ db, id: campaign.id })) === 'sending') {
    const batch = await q.claimDueEmail(db, { campaignId: campaign.id, limit: SEND_BATCH, leaseSeconds: config.DELIVERY_LEASE_SECONDS, host });
    if (batch.length === 0) break;
    const leaderIds = [...new Set(batch.flatMap((d) => (d.step === 0 && d.leader_person_id !== null ? [d.leader_person_id] : [])))];
    const [people, releases] = await Promise.all([
      findTemplatePeople({ db, ids: [...new Set([...batch.map((d) => d.person_id), ...leaderIds])] }),
      cq.findReleases(db, campaign.id, leaderIds),
    ]);
    // Deliveries that waited for their subject test's winner: decided by the first sender to reach them.
    const winners = new Map<string, Promise<number>>();
    const lineOf = (delivery: q.ClaimedDelivery): Promise<number | null> => {
      if (delivery.subject_option !== AWAITING_WINNER) return Promise.resolve(delivery.subject_option);
      let winner = winners.get(delivery.variant_key);
      if (!winner) winners.set(delivery.variant_key, (winner = decideSubjectTest({ db, campaignId: campaign.id, variantKey: delivery.variant_key })));
      return winner;
    };
    const sendOne = async (delivery: q.ClaimedDelivery) => {
      const person = people.get(delivery.person_id);
      if (!person?.email) {
        // Gone or without an address since the fan-out: nothing to send to, for good.
        await q.markRetry(db, delivery.id, 'the person has no e-mail address any more', null, 'no_email');
        outcome.failed++;
        return;
      }
      // A team its leader released hears it from the leader: their text, their name, answers to them.
      const release = delivery.step === 0 && delivery.leader_person_id !== null ? releases.get(delivery.leader_person_id) : undefined;
      const leader = release?.released_by === 'leader' ? people.get(release.person_id) : undefined;
      // A leader's briefing carries no footer links and no List-Unsubscribe: it is not the message.
      const briefing = delivery.step === BRIEFING_STEP;
      const compiled = briefing
        ? await compiledBriefingFor({ campaign, language: delivery.language, brand: config.brand, url: `${config.publicUrl}/briefings/${campaign.id}` })
        : await compiledMessageFor({
            campaign,
            variantKey: delivery.variant_key,
            language: delivery.language,
            step: delivery.step,
            brand: config.brand,
            draft: leaderDraftOf(release, delivery.variant_key, delivery.language),
            subjectOption: await lineOf(delivery),
            footer: { unsubscribeTopic: topic ? topicName(topic, delivery.language) : null, acknowledge: mustRead },
            tracked,
          });
      const links = {
        unsubscribe: topic && !briefing ? await unsubscribeUrl({ db, config, personId: delivery.person_id, topicKey: topic.key }) : '',
        acknowledge: mustRead && !briefing ? await acknowledgeUrl({ db, config, deliveryId: delivery.id }) : '',
        preferences: preferencesUrl,
      };
      const tracking = compiled.tracked ? await mailTracking({ db, config, deliveryId: delivery.id, linkCount: compiled.links.length }) : null;
      const message = await renderMail(compiled, templateContext(person, campaign, links, tracking));
      const listHeaders: Record<string, string> = links.unsubscribe
        ? { 'List-Unsubscribe': `<${links.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
        : {};
      try {
        await transport.send({
          deliveryId: delivery.id,
          messageId: delivery.message_id,
          from: leader ? inNameOf(config.MAIL_FROM, leader.display_name) : config.MAIL_FROM,
          ...(leader?.email ? { replyTo: leader.email } : {}),
          to: person.email,
          subject: message.subject,
          html: message.html,
          text: message.text,
          headers: { 'X-Resonance-Campaign': String(campaign.id), 'X-Resonance-Delivery': String(delivery.id), ...listHeaders },
        });
      } catch (error) {
        if (!(error instanceof MailError)) throw error;
        if (error.permanent) {
          await q.markBounced(db, delivery.id, person.email, error.message);
          outcome.bounced++;
        } else {
          const at = retryAt(input.clock(), delivery.attempts);
          await q.markRetry(db, delivery.id, error.message, at);
          if (at) outcome.retried++;
          else outcome.failed++;
        }
        return;
      }
      // Marked as soon as the server took it, and the lane goes on only once the mark is committed:
      // after a crash only mail in flight can go out again. Marks of lanes finishing together share a write.
      await markSent(delivery.id);
      outcome.sent++;
    };
    // A few mails in flight at once (the SMTP pool's connections); each is marked on its own.
    const queue = [...batch];
    // Every lane ends before the batch does, even when one fails: nothing keeps sending unobserved.
    const lanes = await Promise.allSettled(
      Array.from({ length: IN_FLIGHT }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await sendOne(next);
      }),
    );
    const failed = lanes.find((lane): lane is PromiseRejectedResult => lane.status === 'rejected');
    if (failed) throw failed.reason;
  }
  const open = await q.openDeliveries(db, campaign.id);
  if (open.open === 0) await finishIfDone({ db, campaignId: campaign.id });
  // Stopped early with work left: it is due now.
  outcome.nextDue = open.open === 0 ? null : input.signal?.aborted || sliceOver() ? input.clock() : open.next_due;
  return outcome;
}

/**
 * Writes round `round` of follow-up `index` for whoever the condition still holds for, and says
 * whether e-mail is waiting; null when the campaign is cancelled or has no such follow-up.
 * @example const waiting = await writeFollowUp({ ...ctx, campaignId: 7, index: 0, round: 0 });
 */
export async function writeFollowUp(
  input: SendContext & { campaignId: number; index: number; round: number },
): Promise<{ written: number; maxSends: number; afterHours: number } | null> {
  const found = await followUpPeopleSql({
    db: input.db,
    thresholds: input.config.experienceThresholds,
    clock: input.clock,
    id: input.campaignId,
    index: input.index,
  });
  if (!found || !['sending', 'sent', 'paused'].includes(found.campaign.status)) return null;
  const step = 1 + input.index * FOLLOW_UP_STEPS + input.round;
  // The same preferences as the message itself: opt-outs (announcements) and quiet hours.
  const mustRead = found.campaign.kind === 'must_read';
  const prefs = await preferencesForFanOut({ db: input.db, config: input.config, topicKey: found.campaign.topic, personId: sql`d.person_id` });
  const written = await q.insertFollowUps(input.db, {
    campaignId: input.campaignId,
    step,
    people: found.rows,
    rules: {
      prefs,
      honourOptOuts: !mustRead,
      quietHours: !(mustRead && input.config.MUST_READ_IGNORES_QUIET_HOURS),
      now: input.clock(),
      defaultZone: input.config.DEFAULT_TIME_ZONE,
    },
  });
  if (written > 0) await reopenSending({ db: input.db, id: input.campaignId });
  input.logger?.info({ campaignId: input.campaignId, step, written }, 'follow-up written');
  return { written, maxSends: found.followUp.max_sends, afterHours: found.followUp.after_hours };
}
