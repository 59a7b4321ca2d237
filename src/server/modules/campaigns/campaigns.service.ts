// Campaigns (DESIGN §3.3): saving a draft after checking everything a send would trip over (one
// default variant, every variant in the default language, audiences and personas that exist,
// templates that name only allowed variables), reading them with their delivery counts, and "who
// gets what" resolved in the database.
import type { RawBuilder } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError, coded, fieldProblem, notFound, type FieldProblem } from '../../platform/http/app-error.js';
import { idCursor, pageOf } from '../../platform/http/pagination.js';
import {
  CAMPAIGN_LIMITS,
  type Assignments,
  type Campaign,
  type CampaignDefinition,
  type CampaignStatus,
  type CampaignSummary,
  type CampaignValues,
  type Channel,
  type FollowUpCondition,
  type Preview,
} from '../../../shared/campaigns.js';
import { checkAudienceRule, compileAudienceRule, getPersona } from '../audiences/index.js';
import { findTemplatePeople, resolvePersonRefs, selectAudienceRows, type Thresholds } from '../people/index.js';
import { findTopic, topicName } from '../preferences/index.js';
import { checkTemplate } from './campaign-templates.js';
import { compiledMessageFor } from './compiled-messages.js';
import { renderMessage, templateContext, type Brand } from './render-message.js';
import * as q from './campaigns.queries.js';

export type CampaignContext = { db: AnyDb; thresholds: Thresholds; clock: () => Date };

const notFoundCampaign = (id: number) => notFound(`campaign ${id}`, coded('campaign.not_found', { id }));

function present(row: q.CampaignRow, variants: q.VariantRow[], counts: q.DeliveryCounts): Campaign {
  return { ...define(row, variants), counts };
}

function define(row: q.CampaignRow, variants: q.VariantRow[]): CampaignDefinition {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    status: row.status,
    audience: row.audience,
    default_language: row.default_language,
    tracking: row.tracking,
    acknowledge_by: row.acknowledge_by?.toISOString() ?? null,
    variants: variants.map((v) => ({
      key: v.key,
      default: v.is_default,
      audience: v.audience,
      channels: v.channels,
      content: v.content,
      subject_test: v.subject_test,
    })),
    follow_ups: row.follow_ups as Campaign['follow_ups'],
    cascade: row.cascade,
    topic: row.topic_key,
    approval: row.approved_by_user_id !== null && row.approved_at ? { user_id: row.approved_by_user_id, at: row.approved_at.toISOString() } : null,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

/** Every problem of a campaign that its schema cannot see, with the JSON pointer at fault. */
async function findProblems(ctx: CampaignContext, c: CampaignValues): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const lang = c.default_language;
  const defaults = c.variants.filter((v) => v.default).length;
  if (defaults !== 1) {
    problems.push(
      fieldProblem('/variants', `exactly one variant is the default, not ${defaults}`, coded('campaign.default_variant_count', { count: defaults })),
    );
  }
  const keys = new Set<string>();
  for (const [i, v] of c.variants.entries()) {
    const at = `/variants/${i}`;
    if (keys.has(v.key)) problems.push(fieldProblem(`${at}/key`, `two variants are called ${v.key}`, coded('campaign.variant_key_taken', { variant: v.key })));
    keys.add(v.key);
    if (v.default && v.audience) {
      problems.push(fieldProblem(`${at}/audience`, 'the default variant is for everyone else and has no audience', coded('campaign.default_variant_audience')));
    }
    if (!v.default && !v.audience) {
      problems.push(fieldProblem(`${at}/audience`, `variant ${v.key} needs an audience`, coded('campaign.variant_audience_missing', { variant: v.key })));
    }
    if (!v.content[lang]) {
      problems.push(
        fieldProblem(
          `${at}/content`,
          `variant ${v.key} has no content in ${lang}`,
          coded('campaign.content_language_missing', { variant: v.key, language: lang }),
        ),
      );
    }
    // A chat variant's text goes to whole channels: campaign values only (ADR 0019).
    const campaignOnly = v.channels.includes('chat');
    for (const [language, content] of Object.entries(v.content)) {
      for (const field of ['subject', 'preheader', 'body', 'wiifm', 'cta_label'] as const) {
        const text = content[field];
        if (text) problems.push(...checkTemplate(text, `${at}/content/${language}/${field}`, { campaignOnly: campaignOnly && field !== 'preheader' }));
      }
    }
    if (v.subject_test) problems.push(...subjectTestProblems(v, at, lang));
  }
  for (const [i, f] of c.follow_ups.entries()) {
    if (!f.subject[lang]) {
      problems.push(fieldProblem(`/follow_ups/${i}/subject`, `no subject in ${lang}`, coded('campaign.follow_up_language_missing', { language: lang })));
    }
    for (const [language, subject] of Object.entries(f.subject)) problems.push(...checkTemplate(subject, `/follow_ups/${i}/subject/${language}`));
  }
  if (c.cascade) {
    if (!c.cascade.talking_points[lang]) {
      problems.push(
        fieldProblem('/cascade/talking_points', `no talking points in ${lang}`, coded('campaign.talking_points_language_missing', { language: lang })),
      );
    }
    if (new Date(c.cascade.deadline) <= ctx.clock()) {
      problems.push(fieldProblem('/cascade/deadline', 'the deadline has passed', coded('campaign.cascade_deadline_past')));
    }
    for (const [language, points] of Object.entries(c.cascade.talking_points)) problems.push(...checkTemplate(points, `/cascade/talking_points/${language}`));
  }
  if (c.topic) {
    const topic = await findTopic({ db: ctx.db, key: c.topic });
    if (!topic) problems.push(fieldProblem('/topic', `there is no topic ${c.topic}`, coded('topic.not_found', { key: c.topic })));
    else if (!topic.enabled) problems.push(fieldProblem('/topic', `the topic ${c.topic} is disabled`, coded('topic.disabled', { key: c.topic })));
  }
  return problems;
}

/** What is wrong with a variant's subject test: e-mail among its channels, the same alternatives count in every language of its content, templates. */
function subjectTestProblems(v: CampaignValues['variants'][number], at: string, defaultLanguage: string): FieldProblem[] {
  const test = v.subject_test!;
  const problems: FieldProblem[] = [];
  if (!v.channels.includes('email')) {
    problems.push(
      fieldProblem(
        `${at}/subject_test`,
        `variant ${v.key} tests subject lines but sends no e-mail`,
        coded('campaign.subject_test_needs_email', { variant: v.key }),
      ),
    );
  }
  const count = (test.subjects[defaultLanguage] ?? Object.values(test.subjects)[0] ?? []).length;
  for (const language of Object.keys(v.content)) {
    if (!test.subjects[language]) {
      problems.push(
        fieldProblem(
          `${at}/subject_test/subjects`,
          `variant ${v.key} has no alternative subjects in ${language}`,
          coded('campaign.subject_test_language_missing', { variant: v.key, language }),
        ),
      );
    }
  }
  for (const [language, subjects] of Object.entries(test.subjects)) {
    const pointer = `${at}/subject_test/subjects/${language}`;
    if (!v.content[language]) {
      problems.push(
        fieldProblem(pointer, `variant ${v.key} has no content in ${language}`, coded('campaign.subject_test_language_unknown', { variant: v.key, language })),
      );
    } else if (subjects.length !== count) {
      problems.push(
        fieldProblem(
          pointer,
          `every language tries ${count} alternative subject(s)`,
          coded('campaign.subject_test_count_mismatch', { variant: v.key, language, count }),
        ),
      );
    }
    for (const [i, subject] of subjects.entries()) problems.push(...checkTemplate(subject, `${pointer}/${i}`));
  }
  return problems;
}

/** The rule of a variant's audience: its own, or its persona's (a problem when there is no such persona). */
async function variantRule(db: AnyDb, audience: Record<string, unknown>, pointer: string): Promise<unknown> {
  if (!isPersonaRef(audience)) return audience;
  try {
    return (await getPersona({ db, id: audience.persona })).rule;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
    throw new AppError('validation', `there is no persona ${audience.persona}`, {
      ...coded('campaign.persona_unknown', { id: audience.persona }),
      problems: [fieldProblem(`${pointer}/persona`, `there is no persona ${audience.persona}`, coded('campaign.persona_unknown', { id: audience.persona }))],
    });
  }
}

const isPersonaRef = (audience: Record<string, unknown>): audience is { persona: number } =>
  Object.keys(audience).length === 1 && typeof audience.persona === 'number';

/** Checks a campaign through and through; a 400 with every problem found, else the values to store. */
async function validate(ctx: CampaignContext, c: CampaignValues): Promise<void> {
  const problems = await findProblems(ctx, c);
  if (problems.length > 0) {
    throw new AppError('validation', `the campaign has ${problems.length} problem(s): ${problems[0]!.message} (at ${problems[0]!.pointer})`, {
      messageCode: problems[0]!.code,
      params: problems[0]!.params,
      problems,
    });
  }
  await checkAudienceRule({ db: ctx.db, rule: c.audience, pointer: '/audience' });
  for (const [i, v] of c.variants.entries()) {
    if (v.audience)
      await checkAudienceRule({ db: ctx.db, rule: await variantRule(ctx.db, v.audience, `/variants/${i}/audience`), pointer: `/variants/${i}/audience` });
  }
}

function toValues(c: CampaignValues): { campaign: Omit<q.CampaignValues, 'created_by_user_id'>; variants: q.VariantValues[] } {
  return {
    campaign: {
      name: c.name,
      kind: c.kind,
      audience: c.audience,
      default_language: c.default_language,
      tracking: c.tracking ?? null,
      acknowledge_by: c.acknowledge_by ? new Date(c.acknowledge_by) : null,
      follow_ups: c.follow_ups,
      cascade: c.cascade,
      topic_key: c.topic ?? null,
    },
    variants: c.variants.map((v, position) => ({
      position,
      key: v.key,
      is_default: v.default,
      audience: v.audience ?? null,
      channels: [...new Set(v.channels)],
      content: v.content,
      subject_test: v.subject_test ?? null,
    })),
  };
}

/**
 * Saves a new draft, in the caller's transaction when `db` is one (a survey round's invitation).
 * @example const campaign = await createCampaign({ ...ctx, campaign: input, userId: 3 }); // campaign.status === 'draft'
 */
export async function createCampaign(input: CampaignContext & { campaign: CampaignValues; userId: number | null }): Promise<Campaign> {
  await validate(input, input.campaign);
  const values = toValues(input.campaign);
  const save = async (trx: AnyDb) => {
    const row = await q.insertCampaign(trx, { ...values.campaign, created_by_user_id: input.userId });
    const variants = await q.replaceVariants(trx, row.id, values.variants);
    return present(row, variants, { queued: 0, sent: 0, failed: 0, suppressed: 0 });
  };
  return input.db.isTransaction ? save(input.db) : input.db.transaction().execute(save);
}

/** Replaces a draft; a 409 once it is scheduled or sent. */
export async function updateCampaign(input: CampaignContext & { id: number; campaign: CampaignValues; userId: number | null }): Promise<Campaign> {
  await validate(input, input.campaign);
  const values = toValues(input.campaign);
  return input.db.transaction().execute(async (trx) => {
    const row = await q.updateDraft(trx, input.id, values.campaign, input.userId);
    if (!row) {
      const status = await q.findStatus(trx, input.id);
      if (status === null) throw notFoundCampaign(input.id);
      throw new AppError('conflict', `a ${status} campaign cannot be changed`, coded('campaign.not_editable', { status }));
    }
    const variants = await q.replaceVariants(trx, row.id, values.variants);
    const counts = await q.countDeliveries(trx, [row.id]);
    return present(row, variants, counts.get(row.id)!);
  });
}

export async function getCampaign(input: { db: AnyDb; id: number }): Promise<Campaign> {
  const row = await q.findCampaign(input.db, input.id);
  if (!row) throw notFoundCampaign(input.id);
  const [variants, counts] = await Promise.all([q.findVariants(input.db, row.id), q.countDeliveries(input.db, [row.id])]);
  return present(row, variants, counts.get(row.id)!);
}

/**
 * A campaign as `getCampaign` has it, without counting its deliveries (a count over a large campaign's
 * ledger costs more than the rest of a report or a feed page); a 404 problem when there is none.
 * @example const campaign = await getCampaignDefinition({ db, id: 7 }); campaign.variants[0]?.key
 */
export async function getCampaignDefinition(input: { db: AnyDb; id: number }): Promise<CampaignDefinition> {
  const row = await q.findCampaign(input.db, input.id);
  if (!row) throw notFoundCampaign(input.id);
  return define(row, await q.findVariants(input.db, row.id));
}

const pages = idCursor('c');

/** Campaigns newest first, in cursor pages. */
export async function listCampaigns(input: {
  db: AnyDb;
  cursor?: string;
  limit: number;
  status?: CampaignStatus;
}): Promise<{ items: CampaignSummary[]; next_cursor: string | null }> {
  const rows = await q.listCampaigns(input.db, { before: pages.decode(input.cursor), limit: input.limit + 1, status: input.status });
  const { page, next_cursor } = pageOf(rows, input.limit, pages, (r) => r.id);
  const counts = await q.countDeliveries(
    input.db,
    page.map((r) => r.id),
  );
  return {
    items: page.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      status: r.status,
      default_language: r.default_language,
      counts: counts.get(r.id)!,
      updated_at: r.updated_at.toISOString(),
    })),
    next_cursor,
  };
}

/** The campaign's audience and variants as the statement that resolves them (shared with the fan-out). */
export async function resolveRecipientsSql(input: CampaignContext & { id: number }) {
  const row = await q.findCampaign(input.db, input.id);
  if (!row) throw notFoundCampaign(input.id);
  const variants = await q.findVariants(input.db, row.id);
  const compile = (rule: unknown, pointer: string) => compileAudienceRule({ db: input.db, rule, thresholds: input.thresholds, pointer });
  const audience = await compile(row.audience, '/audience');
  const resolvable: q.ResolvableVariant[] = [];
  for (const v of variants) {
    const pointer = `/variants/${v.position}/audience`;
    const where: RawBuilder<boolean> | null = v.audience ? await compile(await variantRule(input.db, v.audience, pointer), pointer) : null;
    resolvable.push({ key: v.key, where, languages: Object.keys(v.content), channels: v.channels });
  }
  return q.resolvedRecipientsSql({ audience, variants: resolvable, defaultLanguage: row.default_language });
}

/**
 * Who gets what, before sending: recipients by variant × language × channel (DESIGN §3.3).
 * @example const { total, by } = await campaignAssignments({ ...ctx, id: 7 }); // by[0] = { variant: 'novices', language: 'de', channel: 'email', count: 120 }
 */
export async function campaignAssignments(input: CampaignContext & { id: number }): Promise<Assignments> {
  return q.countAssignments(input.db, await resolveRecipientsSql(input));
}

/**
 * The message exactly as one person gets it on one channel: their variant and language, their values.
 * @example const { subject, html, text } = await previewCampaign({ ...ctx, id: 7, person: 'E1001', channel: 'email', brand });
 */
export async function previewCampaign(
  input: CampaignContext & {
    id: number;
    person: string;
    channel: Channel;
    brand: Brand;
    /** Where the mail's own links point in a preview. */ publicUrl: string;
  },
): Promise<Preview> {
  const campaign = await getCampaignDefinition({ db: input.db, id: input.id });
  const personId = (await resolvePersonRefs({ db: input.db, refs: [input.person] })).get(input.person);
  if (personId === undefined) {
    throw notFound(`person ${input.person}`, coded('campaign.person_unknown', { person: input.person }));
  }
  const recipients = await resolveRecipientsSql(input);
  const assignment = await q.findRecipient(input.db, recipients, personId, input.channel);
  if (!assignment) {
    throw notFound(`${input.person} on ${input.channel}`, coded('campaign.not_a_recipient', { person: input.person, channel: input.channel }));
  }
  // The mail's footer as the sender writes it; its per-person links point at the pages a signed-in
  // person uses instead (a preview never carries a working unsubscribe or acknowledge token).
  const mustRead = campaign.kind === 'must_read';
  const topic = input.channel === 'email' && campaign.topic && !mustRead ? await findTopic({ db: input.db, key: campaign.topic }) : null;
  const footer = input.channel === 'email' ? { unsubscribeTopic: topic ? topicName(topic, assignment.language) : null, acknowledge: mustRead } : null;
  const compiled = await compiledMessageFor({
    campaign,
    variantKey: assignment.variant_key,
    language: assignment.language,
    step: 0,
    brand: input.brand,
    footer,
  });
  const person = (await findTemplatePeople({ db: input.db, ids: [personId] })).get(personId)!;
  const pages = { unsubscribe: `${input.publicUrl}/preferences`, acknowledge: `${input.publicUrl}/feed`, preferences: `${input.publicUrl}/preferences` };
  const message = await renderMessage(compiled, templateContext(person, campaign, pages));
  return {
    subject: message.subject,
    html: input.channel === 'email' ? message.html : message.feedHtml,
    text: message.text,
    variant: assignment.variant_key,
    language: assignment.language,
  };
}

/**
 * Sends a draft now or at `at` (DESIGN §3.3, idempotent under `key`): checks that its audience still
 * resolves, marks it sending or scheduled and, in the same transaction, lets the caller enqueue the
 * fan-out. The same key again answers as the first time and enqueues nothing.
 * @example await requestSend({ ...ctx, id: 7, key: 'b6c1…', at: null, userId: 3, enqueue: (trx, when) => jobs.enqueue(trx, fanOut, { campaignId: 7 }, { startAfter: when }) });
 */
export async function requestSend(
  input: CampaignContext & {
    id: number;
    key: string;
    at: Date | null;
    userId: number | null;
    /** CAMPAIGN_APPROVAL: a draft must carry an approval of its current version. */
    needsApproval: boolean;
    /** A wall-clock time (`2026-12-01T09:00`) at which each recipient gets it in their own time zone. */
    localTime?: string | null;
    enqueue: (trx: AnyDb, startAfter: Date) => Promise<void>;
  },
): Promise<{ status: CampaignStatus; send_at: string | null; repeated: boolean }> {
  const campaign = await getCampaignDefinition({ db: input.db, id: input.id });
  if (campaign.status === 'draft') {
    // A segment the rules name may have changed since the draft was saved: fail now, not in the fan-out.
    await resolveRecipientsSql(input);
  }
  const now = input.clock();
  // At a local time, the fan-out runs when that time first comes anywhere (UTC+14) and each delivery
  // waits for its own zone.
  const wanted = input.localTime ? new Date(Date.parse(`${input.localTime}Z`) - 14 * 3_600_000) : input.at;
  const at = wanted && wanted > now ? wanted : now;
  return input.db.transaction().execute(async (trx) => {
    const started = await q.beginSend(trx, {
      id: input.id,
      key: input.key,
      at,
      now,
      userId: input.userId,
      needsApproval: input.needsApproval,
      localTime: input.localTime ?? null,
    });
    if (!started) throw notFoundCampaign(input.id);
    if (started.outcome === 'unapproved') {
      throw new AppError('conflict', 'the campaign needs a second person’s approval before it is sent', coded('campaign.approval_required'));
    }
    if (started.outcome === 'conflict') {
      throw new AppError('conflict', `the campaign is ${started.status}: it cannot be sent again`, coded('campaign.not_editable', { status: started.status }));
    }
    if (started.outcome === 'started') await input.enqueue(trx, at);
    return { status: started.status, send_at: started.send_at?.toISOString() ?? null, repeated: started.outcome === 'repeat' };
  });
}

/** A scheduled campaign whose time has come starts sending; false if it was cancelled or paused meanwhile. */
export async function startSending(input: { db: AnyDb; id: number }): Promise<boolean> {
  return q.moveStatus(input.db, input.id, ['scheduled', 'sending'], 'sending');
}

/** Marks a sending campaign sent once nothing of it is left to send. */
export async function finishSending(input: { db: AnyDb; id: number }): Promise<void> {
  await q.moveStatus(input.db, input.id, ['sending'], 'sent');
}

/** Ids of must-read campaigns that have gone out. */
export async function listMustReadCampaignIds(input: { db: AnyDb }): Promise<number[]> {
  return q.findMustReadIds(input.db);
}

/** A campaign's status now (a sender asks between batches, so a pause or cancel stops it). */
export async function getCampaignStatus(input: { db: AnyDb; id: number }): Promise<CampaignStatus | null> {
  return q.findStatus(input.db, input.id);
}

const PAST = { pause: 'paused', resume: 'resumed', cancel: 'cancelled' } as const;

const ACTIONS = {
  pause: { from: ['scheduled', 'sending'], to: 'paused' },
  cancel: { from: ['draft', 'scheduled', 'sending', 'paused'], to: 'cancelled' },
  resume: { from: ['paused'], to: 'sending' },
} as const satisfies Record<string, { from: CampaignStatus[]; to: CampaignStatus }>;

/**
 * Pauses, resumes or cancels; a 409 naming the status when the campaign is not in a state the
 * action applies to. `then` runs in the same transaction (the caller enqueues or suppresses there).
 * @example await changeSending({ db, id: 7, action: 'pause' });
 */
export async function changeSending(input: {
  db: AnyDb;
  id: number;
  action: keyof typeof ACTIONS;
  then?: (trx: AnyDb, campaign: { send_at: Date | null }) => Promise<void>;
}): Promise<{ status: CampaignStatus }> {
  const rule = ACTIONS[input.action];
  return input.db.transaction().execute(async (trx) => {
    const moved = await q.moveStatusReturning(trx, input.id, [...rule.from], rule.to);
    if (!moved) {
      const status = await q.findStatus(trx, input.id);
      if (status === null) throw notFoundCampaign(input.id);
      throw new AppError('conflict', `a ${status} campaign cannot be ${PAST[input.action]}`, coded('campaign.wrong_status', { action: input.action, status }));
    }
    await input.then?.(trx, moved);
    return { status: rule.to };
  });
}

/** The activity whose absence a follow-up condition means. */
const MISSING_ACTIVITY = {
  not_opened: 'opened',
  not_clicked: 'clicked',
  not_acknowledged: 'acknowledged',
  quiz_not_passed: 'quiz_passed',
  not_responded: 'responded',
} as const;

/**
 * People for whom follow-up `index` of a campaign still holds (they lack its activity), as rows for a
 * set-based statement (`person_id`); null when the campaign has no such follow-up.
 */
export async function followUpPeopleSql(input: CampaignContext & { id: number; index: number }) {
  const campaign = await getCampaignDefinition({ db: input.db, id: input.id });
  const followUp = campaign.follow_ups[input.index];
  if (!followUp) return null;
  const rule = { activity: { type: MISSING_ACTIVITY[followUp.condition], campaign: campaign.id }, has: false };
  const where = await compileAudienceRule({ db: input.db, rule, thresholds: input.thresholds });
  return { followUp, campaign, rows: selectAudienceRows(where) };
}

/** A sent campaign whose follow-ups are going out is sending again until they are. */
export async function reopenSending(input: { db: AnyDb; id: number }): Promise<void> {
  await q.moveStatus(input.db, input.id, ['sent'], 'sending');
}

/**
 * Approves the current version of a draft (CAMPAIGN_APPROVAL) as `userId`, who must not have saved it last.
 * @example await approveCampaign({ db, id: 7, userId: 4 });
 */
export async function approveCampaign(input: { db: AnyDb; id: number; userId: number | null }): Promise<Campaign> {
  const { userId } = input;
  if (userId === null) throw new AppError('forbidden', 'approvals are given by a signed-in person', coded('campaign.approver_unknown'));
  const outcome = await input.db.transaction().execute((trx) => q.approveDraft(trx, input.id, userId));
  if (outcome === null) throw notFoundCampaign(input.id);
  if (outcome === 'own') throw new AppError('conflict', 'a version is approved by someone other than its last editor', coded('campaign.approver_is_editor'));
  if (outcome === 'not_draft') {
    const status = (await q.findStatus(input.db, input.id)) ?? 'draft';
    throw new AppError('conflict', `a ${status} campaign is not approved any more`, coded('campaign.not_editable', { status }));
  }
  return getCampaign(input);
}

/** The wall-clock time each recipient gets the campaign at in their zone, or null. */
export async function getSendLocalTime(input: { db: AnyDb; id: number }): Promise<string | null> {
  return q.findSendLocalTime(input.db, input.id);
}

/**
 * Adds a reminder to a campaign that has gone out: a follow-up sent once, now, to whoever `condition`
 * holds for (the caller hands it to the sender). Answers the follow-up's index.
 * @example const index = await addReminder({ db, id: 7, condition: 'not_opened', subject: { en: 'Did you see this?' } });
 */
export async function addReminder(input: { db: AnyDb; id: number; condition: FollowUpCondition; subject: Record<string, string> }): Promise<number> {
  const campaign = await getCampaignDefinition(input);
  if (input.condition === 'not_acknowledged' && campaign.kind !== 'must_read')
    throw new AppError('conflict', 'only a must-read is acknowledged', coded('campaign.reminder_needs_must_read'));
  const index = await q.appendFollowUp(
    input.db,
    input.id,
    { after_hours: 1, condition: input.condition, subject: input.subject, max_sends: 1 },
    CAMPAIGN_LIMITS.followUps,
  );
  if (index !== null) return index;
  if (campaign.follow_ups.length >= CAMPAIGN_LIMITS.followUps)
    throw new AppError(
      'conflict',
      `a campaign has at most ${CAMPAIGN_LIMITS.followUps} follow-ups`,
      coded('campaign.too_many_follow_ups', { max: CAMPAIGN_LIMITS.followUps }),
    );
  throw new AppError('conflict', `a ${campaign.status} campaign sends no reminder`, coded('campaign.not_sent', { status: campaign.status }));
}
