// The leader cascade (DESIGN §3.3, issue 9): a leader reads their briefing (the first read counts as
// viewed), edits the message for the versions their team gets (checked like the communicator's
// templates), previews it and releases it; the release moves the team's held deliveries to the
// sender in the same transaction that marks the leader released and enqueues the sender, so it
// happens once. At the deadline every team not yet released gets the communicator's version. The
// communicator sees per leader: briefed, viewed, released, by whom, on time.
import type { AnyDb } from '../../platform/db/connect.js';
import type { Config } from '../../platform/config/config.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import { AppError, coded, fieldProblem, forbidden, type FieldProblem } from '../../platform/http/app-error.js';
import { idCursor, pageOf } from '../../platform/http/pagination.js';
import type { Briefing, BriefingSummary, CascadeReport, DraftInput } from '../../../shared/cascade.js';
import { TEMPLATE_VARIABLES, type CampaignDefinition } from '../../../shared/campaigns.js';
import {
  checkTemplate,
  compileMessage,
  compiledTalkingPointsFor,
  getCampaignDefinition,
  getCampaignStatus,
  renderMessage,
  reopenSending,
  templateContext,
} from '../campaigns/index.js';
import { findTemplatePeople } from '../people/index.js';
import * as cq from './cascade.queries.js';
import { sendCampaignEmailJob } from './jobs/send-campaign-email.job.js';

type Ctx = { db: AnyDb; config: Config; clock: () => Date };

const OPEN_STATUSES = ['sending', 'sent', 'paused'];

const notYours = () => forbidden('this briefing is for another leader', coded('cascade.not_your_briefing'));
const alreadyReleased = () => new AppError('conflict', 'the team was released already', coded('cascade.already_released'));

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function leaderState(row: cq.LeaderRow) {
  return {
    team_size: row.team_size,
    deadline: new Date(row.deadline).toISOString(),
    briefed_at: row.briefing_state === 'sent' ? iso(row.briefed_at) : null,
    viewed_at: iso(row.viewed_at),
    released_at: iso(row.released_at),
    released_by: row.released_by,
    on_time: row.on_time,
  };
}

/** The campaign and the caller's leader row; 404 without the campaign, 403 when the caller is not one of its leaders. */
async function ownBriefing(db: AnyDb, campaignId: number, personId: number | null): Promise<{ campaign: CampaignDefinition; leader: cq.LeaderRow }> {
  const campaign = await getCampaignDefinition({ db, id: campaignId });
  const leader = personId === null ? null : await cq.findLeader(db, campaignId, personId);
  if (!leader) throw notYours();
  return { campaign, leader };
}

/**
 * The caller's briefing for a campaign; the first read marks it viewed.
 * @example const briefing = await getBriefing({ ...ctx, campaignId: 7, personId: 42 }); briefing.versions[0].original.subject
 */
export async function getBriefing(input: Ctx & { campaignId: number; personId: number | null }): Promise<Briefing> {
  const { campaign, leader } = await ownBriefing(input.db, input.campaignId, input.personId);
  if (leader.viewed_at === null) {
    await cq.markViewed(input.db, campaign.id, leader.person_id, input.clock());
    leader.viewed_at = input.clock();
  }
  const me = (await findTemplatePeople({ db: input.db, ids: [leader.person_id] })).get(leader.person_id);
  const base = (me?.language ?? '').toLowerCase();
  const language = campaign.cascade?.talking_points[base] ? base : campaign.default_language;
  const points = me
    ? await renderMessage(await compiledTalkingPointsFor({ campaign, language, brand: input.config.brand }), templateContext(me, campaign))
    : null;
  const versions = await cq.findTeamVersions(input.db, campaign.id, leader.person_id);
  return {
    campaign: { id: campaign.id, name: campaign.name, kind: campaign.kind, status: campaign.status },
    ...leaderState(leader),
    talking_points_html: points?.feedHtml ?? '',
    language,
    versions: versions.map((v) => {
      const content = campaign.variants.find((x) => x.key === v.variant)?.content[v.language];
      return {
        ...v,
        original: { subject: content?.subject ?? '', body: content?.body ?? '' },
        draft: leader.draft[v.variant]?.[v.language] ?? null,
      };
    }),
    variables: [...TEMPLATE_VARIABLES],
  };
}

const pages = idCursor('b');

/**
 * The caller's briefings, newest campaign first (empty for a user without a person).
 * @example const { items } = await listBriefings({ db, personId: 42, limit: 25 });
 */
export async function listBriefings(input: {
  db: AnyDb;
  personId: number | null;
  cursor?: string;
  limit: number;
}): Promise<{ items: BriefingSummary[]; next_cursor: string | null }> {
  const before = pages.decode(input.cursor);
  if (input.personId === null) return { items: [], next_cursor: null };
  const rows = await cq.listLeaderBriefings(input.db, { personId: input.personId, before, limit: input.limit + 1 });
  const { page, next_cursor } = pageOf(rows, input.limit, pages, (r) => r.campaign_id);
  const items: BriefingSummary[] = [];
  for (const row of page) {
    const campaign = await getCampaignDefinition({ db: input.db, id: row.campaign_id });
    items.push({ campaign: { id: campaign.id, name: campaign.name }, ...leaderState(row) });
  }
  return { items, next_cursor };
}

/** Every problem of a leader's draft: versions the team does not get, templates that are not allowed. */
async function draftProblems(db: AnyDb, campaignId: number, leaderId: number, drafts: DraftInput['drafts']): Promise<FieldProblem[]> {
  const versions = new Set((await cq.findTeamVersions(db, campaignId, leaderId)).map((v) => `${v.variant}\u0000${v.language}`));
  const problems: FieldProblem[] = [];
  for (const [variant, byLanguage] of Object.entries(drafts)) {
    for (const [language, text] of Object.entries(byLanguage)) {
      const at = `/drafts/${variant}/${language}`;
      if (!versions.has(`${variant}\u0000${language}`)) {
        problems.push(fieldProblem(at, `nobody in the team gets ${variant} in ${language}`, coded('cascade.draft_version_unknown', { variant, language })));
        continue;
      }
      problems.push(...checkTemplate(text.subject, `${at}/subject`), ...checkTemplate(text.body, `${at}/body`));
    }
  }
  return problems;
}

function throwProblems(problems: FieldProblem[]): void {
  if (problems.length === 0) return;
  throw new AppError('validation', `the draft has ${problems.length} problem(s): ${problems[0]!.message} (at ${problems[0]!.pointer})`, {
    messageCode: problems[0]!.code,
    params: problems[0]!.params,
    problems,
  });
}

function assertOpen(campaign: CampaignDefinition): void {
  if (!OPEN_STATUSES.includes(campaign.status)) {
    throw new AppError('conflict', `the campaign is ${campaign.status}`, coded('cascade.campaign_closed', { status: campaign.status }));
  }
}

/**
 * Replaces the caller's draft (per variant and language their team gets); a 409 once released.
 * @example await saveBriefingDraft({ ...ctx, campaignId: 7, personId: 42, drafts: { all: { de: { subject: 'Hallo Team', body: '…' } } } });
 */
export async function saveBriefingDraft(input: Ctx & { campaignId: number; personId: number | null; drafts: DraftInput['drafts'] }): Promise<Briefing> {
  const { campaign, leader } = await ownBriefing(input.db, input.campaignId, input.personId);
  assertOpen(campaign);
  if (leader.released_at) throw alreadyReleased();
  throwProblems(await draftProblems(input.db, campaign.id, leader.person_id, input.drafts));
  if (!(await cq.saveDraft(input.db, { campaignId: campaign.id, personId: leader.person_id, draft: input.drafts, now: input.clock() })))
    throw alreadyReleased();
  return getBriefing(input);
}

/**
 * One version of a draft rendered as a member of the team gets it (their values), without saving it.
 * @example const { subject, html } = await previewBriefingDraft({ ...ctx, campaignId: 7, personId: 42, variant: 'all', language: 'de', subject, body });
 */
export async function previewBriefingDraft(
  input: Ctx & { campaignId: number; personId: number | null; variant: string; language: string; subject: string; body: string },
): Promise<{ subject: string; html: string }> {
  const { campaign, leader } = await ownBriefing(input.db, input.campaignId, input.personId);
  const drafts = { [input.variant]: { [input.language]: { subject: input.subject, body: input.body } } };
  throwProblems(await draftProblems(input.db, campaign.id, leader.person_id, drafts));
  const content = campaign.variants.find((v) => v.key === input.variant)!.content[input.language]!;
  const memberId =
    (await cq.findTeamMember(input.db, { campaignId: campaign.id, leaderId: leader.person_id, variant: input.variant, language: input.language })) ??
    leader.person_id;
  const member = (await findTemplatePeople({ db: input.db, ids: [memberId] })).get(memberId);
  if (!member) throw notYours();
  const compiled = await compileMessage({ ...content, subject: input.subject, body: input.body }, input.config.brand, input.language);
  const message = await renderMessage(compiled, templateContext(member, campaign));
  return { subject: message.subject, html: message.feedHtml };
}

/**
 * Releases the caller's team: their held deliveries go to the sender (in the leader's name, with the
 * leader's draft) in one transaction with the sender's job. A second release is a 409 and sends nothing.
 * @example const { released } = await releaseBriefing({ ...ctx, jobs, campaignId: 7, personId: 42 });
 */
export async function releaseBriefing(
  input: Ctx & { jobs: JobQueue; campaignId: number; personId: number | null },
): Promise<{ released_at: string; released_by: 'leader'; on_time: boolean; released: number }> {
  const { campaign, leader } = await ownBriefing(input.db, input.campaignId, input.personId);
  assertOpen(campaign);
  if (leader.released_at) throw alreadyReleased();
  const now = input.clock();
  return input.db.transaction().execute(async (trx) => {
    const marked = await cq.releaseByLeader(trx, { campaignId: campaign.id, personId: leader.person_id, now });
    if (!marked) throw alreadyReleased();
    const released = await cq.releaseHeld(trx, campaign.id);
    await reopenSending({ db: trx, id: campaign.id });
    await input.jobs.enqueue(trx, sendCampaignEmailJob, { campaignId: campaign.id });
    return { released_at: now.toISOString(), released_by: 'leader' as const, on_time: marked.on_time, released };
  });
}

/**
 * At (or after) the deadline: every team not yet released is released with the communicator's
 * version, and held deliveries whose leader has released are handed over (the sweep's safety net).
 * Answers how many deliveries were released; nothing for a cancelled campaign. Idempotent.
 * @example await releaseDueCascade({ ...ctx, jobs, campaignId: 7 });
 */
export async function releaseDueCascade(input: Ctx & { jobs: JobQueue; campaignId: number }): Promise<{ leaders: number; released: number }> {
  const status = await getCampaignStatus({ db: input.db, id: input.campaignId });
  if (status === null || !OPEN_STATUSES.includes(status)) return { leaders: 0, released: 0 };
  return input.db.transaction().execute(async (trx) => {
    const leaders = await cq.releaseAtDeadline(trx, { campaignId: input.campaignId, now: input.clock() });
    const released = await cq.releaseHeld(trx, input.campaignId);
    if (released > 0) {
      await reopenSending({ db: trx, id: input.campaignId });
      await input.jobs.enqueue(trx, sendCampaignEmailJob, { campaignId: input.campaignId });
    }
    return { leaders, released };
  });
}

/** Campaigns with held deliveries due for release now (the deadline passed, or their leader released). */
export async function findDueCascades(input: { db: AnyDb; now: Date }): Promise<number[]> {
  return cq.findCampaignsWithDueRelease(input.db, input.now);
}

const leaderPages = idCursor('l');

/**
 * Per leader of a campaign: briefed, viewed, released (by whom), on time; with the totals and the
 * share of leaders who released on time (the participation KPI).
 * @example const { participation, items } = await getCascadeReport({ db, campaignId: 7, limit: 100 });
 */
export async function getCascadeReport(input: { db: AnyDb; campaignId: number; cursor?: string; limit: number }): Promise<CascadeReport> {
  const campaign = await getCampaignDefinition({ db: input.db, id: input.campaignId });
  const rows = await cq.listCampaignLeaders(input.db, { campaignId: campaign.id, after: leaderPages.decode(input.cursor), limit: input.limit + 1 });
  const { page, next_cursor } = pageOf(rows, input.limit, leaderPages, (r) => r.person_id);
  const [totals, people] = await Promise.all([cq.countCascade(input.db, campaign.id), findTemplatePeople({ db: input.db, ids: page.map((r) => r.person_id) })]);
  return {
    deadline: campaign.cascade?.deadline ?? null,
    totals,
    participation: totals.leaders === 0 ? null : totals.on_time / totals.leaders,
    items: page.map((r) => {
      const person = people.get(r.person_id);
      return { person: { external_id: person?.external_id ?? null, display_name: person?.display_name ?? null }, ...leaderState(r) };
    }),
    next_cursor,
  };
}

/**
 * The cascade totals (leaders, briefed, viewed, released by the leader, on time, released at the
 * deadline, team members) of each of these campaigns that has a cascade, by campaign id.
 * @example const totals = await getCascadeTotals({ db, campaignIds: [7, 8] }); totals.get(7)?.on_time
 */
export async function getCascadeTotals(input: { db: AnyDb; campaignIds: number[] }): Promise<Map<number, cq.CascadeTotals>> {
  const rows = await cq.countCascadeByCampaign(input.db, input.campaignIds);
  return new Map(rows.map(({ campaign_id, ...totals }) => [campaign_id, totals]));
}
