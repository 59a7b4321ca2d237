// Authoring surveys (DESIGN §3.8): create after the deep check (a one-off survey that opens gets round
// 1 now), read, list in cursor pages, change (what was answered is frozen once anyone answered; status
// and closing time always), and delete a draft nobody answered.
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError, coded, notFound } from '../../platform/http/app-error.js';
import { idCursor, pageOf } from '../../platform/http/pagination.js';
import type { CreateSurvey, SurveyStatus, SurveyView, UpdateSurvey } from '../../../shared/dialogue.js';
import { checkSurvey } from './survey-rules.js';
import * as q from './surveys.queries.js';

export type SurveyContext = { db: AnyDb; clock: () => Date };

/** What answers were given to: fixed once anyone answered. */
const FROZEN = ['definition', 'anonymous', 'segment_keys', 'audience', 'pass_mark', 'kind'] as const;

const notFoundSurvey = (id: number) => notFound(`survey ${id}`, coded('survey.not_found', { id }));

/** A stored `open` survey past its closing time is closed. */
export const effectiveStatus = (row: q.SurveyRow, now: Date): SurveyStatus =>
  row.status === 'open' && row.closes_at !== null && row.closes_at <= now ? 'closed' : row.status;

export function presentSurvey(row: q.SurveyRow, round: q.RoundRow | undefined, now: Date): SurveyView {
  const status = effectiveStatus(row, now);
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    status,
    definition: row.definition,
    anonymous: row.anonymous,
    audience: row.audience,
    segment_keys: row.segment_keys,
    pass_mark: row.pass_mark,
    campaign: row.campaign_id,
    schedule: row.schedule,
    closes_at: row.closes_at?.toISOString() ?? null,
    current_round: status === 'open' && round ? round.round : null,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

function toValues(s: CreateSurvey, status: SurveyStatus): q.SurveyValues {
  return {
    title: s.title,
    kind: s.kind,
    status,
    definition: s.definition,
    anonymous: s.anonymous,
    audience: s.audience,
    segment_keys: [...new Set(s.segment_keys)],
    pass_mark: s.pass_mark ?? null,
    campaign_id: s.campaign ?? null,
    schedule: s.schedule ?? null,
    closes_at: s.closes_at ? new Date(s.closes_at) : null,
  };
}

async function view(db: AnyDb, row: q.SurveyRow, now: Date): Promise<SurveyView> {
  return presentSurvey(row, (await q.findCurrentRounds(db, [row.id], now)).get(row.id), now);
}

/**
 * Saves a checked survey; one that opens without a schedule gets round 1 at once.
 * @example const survey = await createSurvey({ db, clock, survey: input, userId: 3 }); // survey.current_round === 1
 */
export async function createSurvey(input: SurveyContext & { survey: CreateSurvey; userId: number | null }): Promise<SurveyView> {
  const now = input.clock();
  const values = toValues(input.survey, input.survey.status);
  await checkSurvey({ db: input.db, survey: values, now, closesAtChanged: true });
  return input.db.transaction().execute(async (trx) => {
    const row = await q.insertSurvey(trx, values, input.userId);
    if (row.status === 'open' && row.schedule === null) {
      await q.insertRound(trx, { survey_id: row.id, round: 1, opens_at: now, closes_at: row.closes_at, campaign_id: null });
    }
    return view(trx, row, now);
  });
}

export async function getSurvey(input: SurveyContext & { id: number }): Promise<SurveyView> {
  const row = await q.findSurvey(input.db, input.id);
  if (!row) throw notFoundSurvey(input.id);
  return view(input.db, row, input.clock());
}

const pages = idCursor('sv');

/** Surveys newest first, in cursor pages. */
export async function listSurveys(
  input: SurveyContext & { cursor?: string; limit: number; status?: SurveyStatus },
): Promise<{ items: SurveyView[]; next_cursor: string | null }> {
  const rows = await q.listSurveys(input.db, { before: pages.decode(input.cursor), limit: input.limit + 1, status: input.status });
  const { page, next_cursor } = pageOf(rows, input.limit, pages, (r) => r.id);
  const now = input.clock();
  const ids = page.map((r) => r.id);
  const rounds = await q.findCurrentRounds(input.db, ids, now);
  const answers = await q.countAnswers(input.db, ids);
  return { items: page.map((r) => ({ ...presentSurvey(r, rounds.get(r.id), now), responses: answers.get(r.id) ?? 0 })), next_cursor };
}

/** JSON with object keys sorted, so a jsonb value read back compares equal to what was sent. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Changes a survey; a 409 `survey.frozen` when what was answered would change after an answer.
 * Closing closes its open round; opening a one-off survey opens (or reopens) round 1.
 * @example const { survey, before } = await updateSurvey({ db, clock, id: 4, patch: { status: 'closed' } });
 */
export async function updateSurvey(input: SurveyContext & { id: number; patch: UpdateSurvey }): Promise<{ survey: SurveyView; before: SurveyStatus }> {
  const now = input.clock();
  return input.db.transaction().execute(async (trx) => {
    const row = await q.findSurvey(trx, input.id, true);
    if (!row) throw notFoundSurvey(input.id);
    const current: q.SurveyValues = { ...row };
    const patch = input.patch;
    const next: q.SurveyValues = {
      ...current,
      ...(patch.title !== undefined && { title: patch.title }),
      ...(patch.kind !== undefined && { kind: patch.kind }),
      ...(patch.status !== undefined && { status: patch.status }),
      ...(patch.definition !== undefined && { definition: patch.definition }),
      ...(patch.anonymous !== undefined && { anonymous: patch.anonymous }),
      ...(patch.audience !== undefined && { audience: patch.audience }),
      ...(patch.segment_keys !== undefined && { segment_keys: [...new Set(patch.segment_keys)] }),
      ...(patch.pass_mark !== undefined && { pass_mark: patch.pass_mark }),
      ...(patch.campaign !== undefined && { campaign_id: patch.campaign }),
      ...(patch.schedule !== undefined && { schedule: patch.schedule }),
      ...(patch.closes_at !== undefined && { closes_at: patch.closes_at === null ? null : new Date(patch.closes_at) }),
    };
    const changed = FROZEN.filter((field) => canonical(next[field]) !== canonical(current[field]));
    if ((changed.length > 0 || next.status === 'draft') && (await q.hasAnswers(trx, row.id))) {
      const field = changed[0] ?? 'status';
      throw new AppError('conflict', `${field} cannot change once someone has answered`, coded('survey.frozen', { field }));
    }
    await checkSurvey({ db: trx, survey: next, now, closesAtChanged: patch.closes_at !== undefined });
    const updated = await q.updateSurvey(trx, row.id, next);
    await moveRounds(trx, updated, now);
    return { survey: await view(trx, updated, now), before: effectiveStatus(row, now) };
  });
}

/** Rounds follow the survey: closed (or back to draft) closes them; an open one-off survey has round 1 open. */
async function moveRounds(trx: AnyDb, survey: q.SurveyRow, now: Date): Promise<void> {
  if (survey.status !== 'open') return q.closeRounds(trx, survey.id, now);
  if (survey.schedule !== null) {
    const round = (await q.findCurrentRounds(trx, [survey.id], now)).get(survey.id);
    if (round) await q.setRoundCloses(trx, survey.id, round.round, survey.closes_at);
    return;
  }
  if (!(await q.insertRound(trx, { survey_id: survey.id, round: 1, opens_at: now, closes_at: survey.closes_at, campaign_id: null }))) {
    await q.setRoundCloses(trx, survey.id, 1, survey.closes_at);
  }
}

/** Deletes a draft nobody answered; a 409 `survey.not_deletable` otherwise. */
export async function deleteSurvey(input: SurveyContext & { id: number }): Promise<q.SurveyRow> {
  return input.db.transaction().execute(async (trx) => {
    const row = await q.findSurvey(trx, input.id, true);
    if (!row) throw notFoundSurvey(input.id);
    if (row.status !== 'draft' || (await q.hasAnswers(trx, row.id))) {
      throw new AppError('conflict', 'only a draft nobody answered can be deleted', coded('survey.not_deletable'));
    }
    await q.deleteSurvey(trx, row.id);
    return row;
  });
}
