// Who still needs a reminder (issue 10): the recipients a follow-up condition holds for, by name, only
// where the campaign is tracked per person; and the reminder itself, sent now through the same
// follow-up machinery as the scheduled ones (preferences, quiet hours, one per person).
import type { AnyDb } from '../../platform/db/connect.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import { AppError, coded, fieldProblem } from '../../platform/http/app-error.js';
import type { PendingPeople } from '../../../shared/analytics.js';
import type { FollowUpCondition } from '../../../shared/campaigns.js';
import { FOLLOW_UP_STEPS, addReminder, getCampaignDefinition } from '../campaigns/index.js';
import { sendFollowUpJob } from '../delivery/index.js';
import { findTemplatePeople } from '../people/index.js';
import { effectiveTrackingMode, peopleWithActivity, type TrackingMode } from '../tracking/index.js';
import * as q from './analytics.queries.js';

/** The activity whose absence a condition waits for. */
const WAITS_FOR = {
  not_opened: 'opened',
  not_clicked: 'clicked',
  not_acknowledged: 'acknowledged',
  quiz_not_passed: 'quiz_passed',
  not_responded: 'responded',
} as const;

type Config = { TRACKING_MODE: TrackingMode };

/** Conditions on what a person declares themselves (an acknowledgement, a survey answer): known in every tracking mode. */
const DECLARED = new Set<FollowUpCondition>(['not_acknowledged', 'not_responded']);

/**
 * Whether the campaign's tracking lets `condition` be told per person: opens, clicks and quiz results
 * only in individual mode; an acknowledgement or a survey answer is the person's own and always is.
 */
async function checkCondition(db: AnyDb, config: Config, id: number, condition: FollowUpCondition) {
  const campaign = await getCampaignDefinition({ db, id });
  const mode = effectiveTrackingMode(campaign, config);
  if (!DECLARED.has(condition) && mode !== 'individual')
    throw new AppError('conflict', `with tracking ${mode} nobody is known to have not done it`, coded('report.needs_individual_tracking', { mode, condition }));
  return campaign;
}

/**
 * The people `condition` still holds for, by name (the caller audits the view).
 * @example const { total, items } = await listPendingPeople({ db, config, id: 7, condition: 'not_opened', limit: 100 });
 */
export async function listPendingPeople(input: { db: AnyDb; config: Config; id: number; condition: FollowUpCondition; limit: number }): Promise<PendingPeople> {
  const campaign = await checkCondition(input.db, input.config, input.id, input.condition);
  const done = peopleWithActivity({ type: WAITS_FOR[input.condition], campaignId: campaign.id });
  const pending = await q.findPending(input.db, { campaignId: campaign.id, done, limit: input.limit });
  const people = await findTemplatePeople({ db: input.db, ids: pending.rows.map((r) => r.person_id) });
  return {
    condition: input.condition,
    total: pending.total,
    items: pending.rows.flatMap((r) => {
      const person = people.get(r.person_id);
      return person ? [{ person_id: r.person_id, display_name: person.display_name, department: person.department, language: r.language }] : [];
    }),
  };
}

/**
 * Sends a reminder now to whoever `condition` holds for: a follow-up added to the campaign and handed
 * to the follow-up job in the same transaction (it writes the deliveries and wakes the sender).
 * @example await sendReminder({ db, config, jobs, id: 7, condition: 'not_opened', subject: { en: 'In case you missed it' } });
 */
export async function sendReminder(input: {
  db: AnyDb;
  config: Config;
  jobs: JobQueue;
  id: number;
  condition: FollowUpCondition;
  subject: Record<string, string>;
}): Promise<{ follow_up: number; step: number; queued: boolean }> {
  const campaign = await checkCondition(input.db, input.config, input.id, input.condition);
  const language = campaign.default_language;
  if (!(language in input.subject))
    throw new AppError('validation', `the reminder needs a subject in ${language}`, {
      ...coded('report.reminder_subject_missing', { language }),
      problems: [fieldProblem(`/subject/${language}`, `a subject in ${language}`, coded('report.reminder_subject_missing', { language }))],
    });
  return input.db.transaction().execute(async (trx) => {
    const index = await addReminder({ db: trx, id: campaign.id, condition: input.condition, subject: input.subject });
    await input.jobs.enqueue(trx, sendFollowUpJob, { campaignId: campaign.id, index, round: 0 }, { singletonKey: `follow-up-${campaign.id}-${index}-0` });
    return { follow_up: index, step: 1 + index * FOLLOW_UP_STEPS, queued: true };
  });
}
