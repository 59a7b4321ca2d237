// The social-media maturity model (issue 12, ADR 0033): the self-assessment places a person in the
// 3×3 grid and sets their stage through the people module; communicators see people by stage (counts
// under k withheld) and adoption by stage over time from daily snapshots.
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError, coded } from '../../platform/http/app-error.js';
import { MATURITY_STAGES, maturityCell, type ActivityLevel, type NetworkSize } from '../../../shared/advocacy.js';
import {
  ASSESSMENT_QUESTIONS,
  placeAnswers,
  type Adoption,
  type Assessment,
  type AssessmentAnswers,
  type AssessmentResult,
  type MyMaturity,
  type StagePeople,
  type StagesOverview,
} from '../../../shared/advocacy-maturity.js';
import { activePersonSql, countPeopleGroupedWhere, findPeoplePageWhere, getProfile, setSocialMaturityStage, type Thresholds } from '../people/index.js';
import { awardPoints } from './points.service.js';
import * as q from './maturity.queries.js';

export function noPerson(): AppError {
  return new AppError('forbidden', 'taking part in advocacy needs a person in the directory', coded('advocacy.no_person'));
}

export function assessmentQuestions() {
  return { questions: ASSESSMENT_QUESTIONS.map((question) => ({ code: question.code, options: [...question.options] })) };
}

function presentAssessment(row: q.AssessmentRow): Assessment {
  return {
    id: row.id,
    stage: row.stage,
    size: row.network_size as NetworkSize,
    activity: row.activity as ActivityLevel,
    answers: row.answers,
    assessed_at: row.assessed_at.toISOString(),
  };
}

/**
 * Stores a self-assessment, sets the person's stage (the later of this and an HR import wins) and
 * awards the `self_assessment` points (capped per interval), all in one transaction.
 */
export async function submitAssessment(input: { db: AnyDb; personId: number | null; answers: AssessmentAnswers; at: Date }): Promise<AssessmentResult> {
  const personId = input.personId;
  if (personId === null) throw noPerson();
  const place = placeAnswers(input.answers);
  return input.db.transaction().execute(async (trx) => {
    const row = await q.insertAssessment(trx, {
      personId,
      size: place.size,
      activity: place.activity,
      stage: place.stage,
      answers: input.answers,
      at: input.at,
    });
    await setSocialMaturityStage({ db: trx, personId, stage: place.stage });
    const award = await awardPoints({ db: trx, personId, action: 'self_assessment', source: `assessment:${row.id}`, at: input.at });
    return {
      assessment: presentAssessment(row),
      stage: place.stage,
      stage_key: MATURITY_STAGES[place.stage - 1]!,
      cell: { size: place.size, activity: place.activity },
      points: award?.points ?? 0,
    };
  });
}

/** The caller's stage; `source` self when it is their last assessment's, hr when HR import set another. */
export async function myMaturity(input: { db: AnyDb; personId: number | null; thresholds: Thresholds }): Promise<MyMaturity> {
  if (input.personId === null) throw noPerson();
  const [profile, last] = await Promise.all([
    getProfile({ db: input.db, personId: input.personId, viewer: { personId: input.personId, showHr: true }, thresholds: input.thresholds }),
    q.findLastAssessment(input.db, input.personId),
  ]);
  const stage = profile.social_maturity_stage;
  return {
    stage,
    stage_key: stage === null ? null : MATURITY_STAGES[stage - 1]!,
    cell: stage === null ? null : maturityCell(stage),
    source: stage === null ? null : last && last.stage === stage ? 'self' : 'hr',
    last_assessment: last ? presentAssessment(last) : null,
  };
}

/** A count as shown: withheld (null) when above 0 and under k. */
export function shown(n: number, k: number): number | null {
  return n > 0 && n < k ? null : n;
}

async function countByStage(db: AnyDb, extra?: ReturnType<typeof sql<boolean>>): Promise<Map<number, number>> {
  const where = extra ? sql<boolean>`(${activePersonSql} AND ${extra})` : activePersonSql;
  const rows = await countPeopleGroupedWhere({ db, where, group: q.stageOfSql });
  return new Map(rows.map((r) => [Number(r.value ?? 0), r.count]));
}

/** The current counts per stage (0 = no stage) among active people. */
export async function stageCounts(db: AnyDb): Promise<{ stage: number; people: number; participants: number; sharers: number; invited: number }[]> {
  const [people, participants, sharers, invited] = await Promise.all([
    countByStage(db),
    countByStage(db, q.isParticipantSql),
    countByStage(db, q.isSharerSql),
    countByStage(db, q.isWaveMemberSql),
  ]);
  return Array.from({ length: 10 }, (_, stage) => ({
    stage,
    people: people.get(stage) ?? 0,
    participants: participants.get(stage) ?? 0,
    sharers: sharers.get(stage) ?? 0,
    invited: invited.get(stage) ?? 0,
  }));
}

export async function stagesOverview(input: { db: AnyDb; minGroup: number }): Promise<StagesOverview> {
  const k = input.minGroup;
  const counts = await stageCounts(input.db);
  return {
    min_group: k,
    stages: counts.map((c) => {
      const people = shown(c.people, k);
      const participants = shown(c.participants, k);
      const sharers = shown(c.sharers, k);
      const invited = shown(c.invited, k);
      return { stage: c.stage, people, participants, sharers, invited, hidden: [people, participants, sharers, invited].includes(null) };
    }),
  };
}

/** Active people at a stage (0: without one), for planning: name, department, taking part, wave. */
export async function peopleAtStage(input: { db: AnyDb; stage: number; cursor?: string; limit: number; thresholds: Thresholds }): Promise<StagePeople> {
  const page = await findPeoplePageWhere({
    db: input.db,
    where: sql<boolean>`(${activePersonSql} AND ${q.atStageSql(input.stage)})`,
    limit: input.limit,
    cursor: input.cursor,
    thresholds: input.thresholds,
  });
  const facts = await q.findPlanningFacts(
    input.db,
    page.items.map((p) => p.id),
  );
  return {
    items: page.items.map((p) => ({
      id: p.id,
      display_name: p.display_name,
      department: p.department,
      stage: input.stage === 0 ? null : input.stage,
      participant: facts.get(p.id)?.participant ?? false,
      wave: facts.get(p.id)?.wave ?? null,
    })),
    next_cursor: page.next_cursor,
  };
}

/** Writes today's (UTC) counts per stage; a second run the same day rewrites the same rows. */
export async function snapshotStages(input: { db: AnyDb; at: Date }): Promise<{ day: string; stages: number }> {
  const day = input.at.toISOString().slice(0, 10);
  const counts = await stageCounts(input.db);
  await q.upsertSnapshot(input.db, day, counts);
  return { day, stages: counts.length };
}

/** Snapshots of the last `weeks` weeks, k applied to each count. */
export async function adoptionByStage(input: { db: AnyDb; weeks: number; minGroup: number; at: Date }): Promise<Adoption> {
  const from = new Date(input.at.getTime() - input.weeks * 7 * 86_400_000).toISOString().slice(0, 10);
  const k = input.minGroup;
  const rows = await q.findSnapshots(input.db, from);
  return {
    min_group: k,
    days: rows.map((r) => {
      const people = shown(r.people, k);
      const participants = shown(r.participants, k);
      const sharers = shown(r.sharers, k);
      return { day: r.day, stage: r.stage, people, participants, sharers, hidden: [people, participants, sharers].includes(null) };
    }),
  };
}
