// The survey scheduler (DESIGN §3.8, ADR 0029), run every minute: closes one-off surveys whose time has
// come, opens each pulse's next round on its schedule (closing the one before), invites to a round with
// a copy of the survey's campaign sent to the survey's audience, and reminds who has not answered
// after `reminder_after_hours` through a `not_responded` follow-up of that copy. Every step is safe to
// run twice or from two workers at once: the pulse is locked while a round opens, the send has an
// idempotency key and the reminder is claimed once (`survey_rounds.reminded_at`).
import type { Logger } from 'pino';
import type { AnyDb } from '../../platform/db/connect.js';
import type { Config } from '../../platform/config/config.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import { AppError } from '../../platform/http/app-error.js';
import { CAMPAIGN_LIMITS, type CampaignDefinition } from '../../../shared/campaigns.js';
import { surveyScheduleSchema } from '../../../shared/dialogue.js';
import { addReminder, createCampaign, getCampaignDefinition, getCampaignStatus, requestSend } from '../campaigns/index.js';
import { fanOutCampaignJob, sendFollowUpJob } from '../delivery/index.js';
import { peopleWithActivity, recordActivities } from '../tracking/index.js';
import { dueRound, roundOpensAt, roundWithinSchedule } from './pulse-schedule.js';
import { openSurveyRound } from './survey-rounds.service.js';
import * as q from './rounds.queries.js';

export type SchedulerContext = { db: AnyDb; config: Config; jobs: JobQueue; clock: () => Date; logger?: Logger };

export type SchedulerOutcome = {
  closed: number[];
  opened: { survey: number; round: number; campaign: number | null }[];
  invited: number[];
  reminded: number[];
};

/** The reminder's subject: the invitation's, after this word in the language (English for others). */
const REMINDER_PREFIX: Record<string, string> = { en: 'Reminder: ', de: 'Erinnerung: ', nl: 'Herinnering: ' };

/**
 * One run of the scheduler at `clock()`.
 * @example const { opened } = await runSurveyScheduler({ db, config, jobs, clock: () => new Date() });
 */
export async function runSurveyScheduler(ctx: SchedulerContext): Promise<SchedulerOutcome> {
  const now = ctx.clock();
  const closed = await q.closeDueSurveys(ctx.db, now);
  const opened: SchedulerOutcome['opened'] = [];
  for (const id of await q.findOpenPulseIds(ctx.db)) {
    const round = await openDueRound(ctx, id);
    if (round) opened.push(round);
  }
  const invited: number[] = [];
  const reminded: number[] = [];
  for (const round of await q.findRoundsToFollow(ctx.db, now)) {
    const status = await getCampaignStatus({ db: ctx.db, id: round.campaign_id });
    if (status === 'draft' && (await inviteToRound(ctx, round))) invited.push(round.campaign_id);
    else if ((status === 'sending' || status === 'sent') && (await remindRound(ctx, round))) reminded.push(round.campaign_id);
  }
  return { closed, opened, invited, reminded };
}

/** Opens the pulse's round whose time has come, if it has not opened yet; ends the pulse after its last round. */
async function openDueRound(ctx: SchedulerContext, surveyId: number): Promise<SchedulerOutcome['opened'][number] | null> {
  return ctx.db.transaction().execute(async (trx) => {
    const pulse = await q.lockPulse(trx, surveyId);
    const parsed = surveyScheduleSchema.safeParse(pulse?.schedule);
    if (!pulse || pulse.status !== 'open' || !parsed.success) return null;
    const schedule = parsed.data;
    const now = ctx.clock();
    const last = pulse.last_round ?? 0;
    const due = dueRound(schedule, now);
    if (due > last) {
      const opensAt = roundOpensAt(schedule, due);
      const campaign = pulse.campaign_id === null ? null : await copyInvitation(ctx, trx, pulse, due);
      await openSurveyRound({ db: trx, surveyId, round: due, opensAt, campaignId: campaign });
      ctx.logger?.info({ surveyId, round: due, campaignId: campaign }, 'survey round opened');
      return { survey: surveyId, round: due, campaign };
    }
    const next = roundOpensAt(schedule, last + 1);
    if (last > 0 && !roundWithinSchedule(schedule, last + 1) && next <= now) {
      await q.endPulse(trx, surveyId, next);
      ctx.logger?.info({ surveyId, rounds: last }, 'pulse survey ended');
    }
    return null;
  });
}

/**
 * A draft copy of the survey's campaign for one round, to the survey's audience: its content,
 * channels, tracking, topic and follow-ups (a cascade's deadline has passed and is left out). Null
 * when the campaign cannot be copied (the round opens without an invitation; logged).
 */
async function copyInvitation(ctx: SchedulerContext, trx: AnyDb, pulse: q.PulseRow, round: number): Promise<number | null> {
  let template: CampaignDefinition;
  try {
    template = await getCampaignDefinition({ db: trx, id: pulse.campaign_id! });
    const suffix = ` · #${round}`;
    const copy = await createCampaign({
      db: trx,
      thresholds: ctx.config.experienceThresholds,
      clock: ctx.clock,
      userId: pulse.created_by_user_id === null ? null : Number(pulse.created_by_user_id),
      campaign: {
        name: template.name.slice(0, CAMPAIGN_LIMITS.name - suffix.length) + suffix,
        kind: template.kind,
        audience: pulse.audience,
        default_language: template.default_language,
        tracking: template.tracking,
        acknowledge_by: null,
        variants: template.variants.map((v) => ({
          key: v.key,
          default: v.default,
          audience: v.audience,
          channels: v.channels,
          content: v.content,
          subject_test: v.subject_test ?? null,
        })),
        follow_ups: template.follow_ups.map((f) => ({ ...f })),
        cascade: null,
        topic: template.topic,
      },
    });
    return copy.id;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    ctx.logger?.warn({ surveyId: pulse.id, round, campaignId: pulse.campaign_id, code: error.messageCode }, 'survey round opens without its invitation');
    return null;
  }
}

/**
 * Sends a round's invitation (idempotent under its key). With CAMPAIGN_APPROVAL it waits, a draft,
 * until someone approves it; the next run sends it then, while the round is open.
 */
async function inviteToRound(ctx: SchedulerContext, round: q.InvitedRoundRow): Promise<boolean> {
  try {
    const sent = await requestSend({
      db: ctx.db,
      thresholds: ctx.config.experienceThresholds,
      clock: ctx.clock,
      id: round.campaign_id,
      key: `survey-${round.survey_id}-round-${round.round}`,
      at: null,
      userId: null,
      needsApproval: ctx.config.CAMPAIGN_APPROVAL,
      enqueue: async (trx, startAfter) => {
        await ctx.jobs.enqueue(trx, fanOutCampaignJob, { campaignId: round.campaign_id }, { startAfter });
      },
    });
    return !sent.repeated;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.messageCode !== 'campaign.approval_required') {
      ctx.logger?.warn({ surveyId: round.survey_id, round: round.round, campaignId: round.campaign_id, code: error.messageCode }, 'survey invitation not sent');
    }
    return false;
  }
}

/**
 * Once `reminder_after_hours` have passed since the round opened: who has answered is marked as having
 * `responded` to the round's campaign (from the respondents list, for anonymous surveys too, all at
 * this one moment, so no time leads to an answer), and a `not_responded` follow-up goes to the rest.
 */
async function remindRound(ctx: SchedulerContext, round: q.InvitedRoundRow): Promise<boolean> {
  const schedule = surveyScheduleSchema.safeParse(round.schedule);
  const hours = schedule.success ? schedule.data.reminder_after_hours : undefined;
  const now = ctx.clock();
  if (hours === undefined || round.opens_at.getTime() + hours * 3_600_000 > now.getTime()) return false;
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await q.claimReminder(trx, round.survey_id, round.round, now))) return false;
    const answered = await q.findRespondentsWithout(trx, {
      surveyId: round.survey_id,
      round: round.round,
      except: peopleWithActivity({ type: 'responded', campaignId: round.campaign_id }),
    });
    await recordActivities(
      trx,
      answered.map((personId) => ({ type: 'responded', personId, campaignId: round.campaign_id })),
    );
    const campaign = await getCampaignDefinition({ db: trx, id: round.campaign_id });
    const content = (campaign.variants.find((v) => v.default) ?? campaign.variants[0])?.content ?? {};
    const subject = Object.fromEntries(
      Object.entries(content).map(([language, c]) => [
        language,
        ((REMINDER_PREFIX[language] ?? REMINDER_PREFIX.en!) + c.subject).slice(0, CAMPAIGN_LIMITS.subject),
      ]),
    );
    try {
      const index = await addReminder({ db: trx, id: round.campaign_id, condition: 'not_responded', subject });
      await ctx.jobs.enqueue(
        trx,
        sendFollowUpJob,
        { campaignId: round.campaign_id, index, round: 0 },
        { singletonKey: `follow-up-${round.campaign_id}-${index}-0` },
      );
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      ctx.logger?.warn({ surveyId: round.survey_id, round: round.round, code: error.messageCode }, 'survey reminder not sent');
    }
    return true;
  });
}
