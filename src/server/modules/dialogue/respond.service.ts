// Answering surveys (DESIGN §3.8, ADR 0027): the surveys a person may answer now, one survey as they
// see it, and their answer: checked against the definition, stored once per person and round (the
// respondents' primary key decides, in the answer's transaction), scored when it is a quiz, and for a
// survey of a campaign that is not anonymous recorded as `responded` / `quiz_passed` / `quiz_failed`.
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError, coded, notFound } from '../../platform/http/app-error.js';
import type { ResponseReceipt, SurveyForRespondent } from '../../../shared/dialogue.js';
import { isInAudience } from '../audiences/index.js';
import type { Thresholds } from '../people/index.js';
import { recordActivity } from '../tracking/index.js';
import { checkAnswers } from './answer-check.js';
import { withoutCorrectAnswers } from './respondent-definition.js';
import { segmentOf } from './respondent-segment.js';
import { scoreQuiz, type QuizScore } from './survey-model.js';
import { isQuiz, passMarkOf } from './survey-rules.js';
import { effectiveStatus } from './surveys.service.js';
import * as rq from './responses.queries.js';
import * as q from './surveys.queries.js';

export type RespondContext = { db: AnyDb; clock: () => Date; thresholds: Thresholds };

/** How many open surveys the list looks at (newest first). */
const OPEN_SURVEYS_LIMIT = 100;

const notFoundSurvey = (id: number) => notFound(`survey ${id}`, coded('survey.not_found', { id }));
const today = (now: Date) => now.toISOString().slice(0, 10);

const inAudience = (ctx: RespondContext, survey: q.SurveyRow, personId: number) =>
  isInAudience({ db: ctx.db, rule: survey.audience, asOf: today(ctx.clock()), thresholds: ctx.thresholds, personId, pointer: '/audience' });

async function present(
  ctx: RespondContext,
  survey: q.SurveyRow,
  round: q.RoundRow,
  open: boolean,
  answered: boolean,
  personId: number,
): Promise<SurveyForRespondent> {
  let canAnswer = open && !answered;
  if (open && answered && isQuiz(survey) && !survey.anonymous) {
    canAnswer = (await rq.findOwnQuizResult(ctx.db, { surveyId: survey.id, round: round.round }, personId))?.passed === false;
  }
  return {
    id: survey.id,
    title: survey.title,
    kind: survey.kind,
    definition: withoutCorrectAnswers(survey.definition),
    anonymous: survey.anonymous,
    segment_keys: survey.segment_keys,
    is_quiz: isQuiz(survey),
    round: round.round,
    campaign: round.campaign_id ?? survey.campaign_id,
    closes_at: (round.closes_at ?? survey.closes_at)?.toISOString() ?? null,
    answered,
    open,
    can_answer: canAnswer,
  };
}

/**
 * The surveys the person may answer now: open, with a round open, and the person in the audience.
 * @example const items = await listOpenSurveys({ ...ctx, personId: 42 }); // [{ id: 4, round: 1, answered: false, campaign: 7, ... }]
 */
export async function listOpenSurveys(ctx: RespondContext & { personId: number | null }): Promise<SurveyForRespondent[]> {
  const { personId } = ctx;
  if (personId === null) return [];
  const now = ctx.clock();
  const rows = await q.findOpenSurveys(ctx.db, now, OPEN_SURVEYS_LIMIT);
  const rounds = await q.findCurrentRounds(
    ctx.db,
    rows.map((r) => r.id),
    now,
  );
  const mine: { survey: q.SurveyRow; round: q.RoundRow }[] = [];
  for (const survey of rows) {
    const round = rounds.get(survey.id);
    if (round && (await inAudience(ctx, survey, personId))) mine.push({ survey, round });
  }
  const answered = await rq.findAnsweredRounds(
    ctx.db,
    mine.map((m) => ({ surveyId: m.survey.id, round: m.round.round })),
    personId,
  );
  return Promise.all(mine.map((m) => present(ctx, m.survey, m.round, true, answered.has(`${m.survey.id}:${m.round.round}`), personId)));
}

/** The survey and its round for the person; a 404 for a draft, one without rounds, or one not for them (so none leaks). */
async function findForRespondent(ctx: RespondContext, id: number, personId: number | null) {
  const survey = await q.findSurvey(ctx.db, id);
  if (!survey || survey.status === 'draft' || personId === null) throw notFoundSurvey(id);
  const now = ctx.clock();
  const current = (await q.findCurrentRounds(ctx.db, [id], now)).get(id);
  const round = current ?? (await q.findLatestRound(ctx.db, id));
  if (!round || !(await inAudience(ctx, survey, personId))) throw notFoundSurvey(id);
  return { survey, round, personId, open: current !== undefined && effectiveStatus(survey, now) === 'open' };
}

/** One survey as the person sees it before answering (a 404 when it is not for them). */
export async function getSurveyForRespondent(ctx: RespondContext & { id: number; personId: number | null }): Promise<SurveyForRespondent> {
  const { survey, round, personId, open } = await findForRespondent(ctx, ctx.id, ctx.personId);
  const answered = await rq.findAnsweredRounds(ctx.db, [{ surveyId: survey.id, round: round.round }], personId);
  return present(ctx, survey, round, open, answered.size > 0, personId);
}

/**
 * Stores the person's answer to the open round; nothing is stored when any check fails.
 * @example const receipt = await submitResponse({ ...ctx, id: 4, personId: 42, answers: { q1: 'b' } }); // { round: 1, quiz: { correct: 1, ... } }
 */
export async function submitResponse(
  ctx: RespondContext & { id: number; personId: number | null; answers: Record<string, unknown> },
): Promise<ResponseReceipt> {
  if (ctx.personId === null) throw new AppError('forbidden', 'this account has no directory profile', coded('profile.none'));
  const { survey, round, personId, open } = await findForRespondent(ctx, ctx.id, ctx.personId);
  if (!open) throw new AppError('conflict', 'this survey is closed', coded('survey.closed'));
  const checked = checkAnswers(survey.definition, ctx.answers);
  if (checked.problems.length > 0) {
    const first = checked.problems[0]!;
    throw new AppError('validation', `the answers have ${checked.problems.length} problem(s): ${first.message} (at ${first.pointer})`, {
      messageCode: first.code,
      params: first.params,
      problems: checked.problems,
    });
  }
  const quiz = isQuiz(survey) ? scoreQuiz(survey.definition, checked.answers, passMarkOf(survey)) : null;
  const segment = await segmentOf({ db: ctx.db, personId, keys: survey.segment_keys, asOf: today(ctx.clock()), thresholds: ctx.thresholds });
  const values = { answers: checked.answers, segment, quiz: quiz && { correct: quiz.correct, questions: quiz.questions, passed: quiz.passed } };
  const at = { surveyId: survey.id, round: round.round };
  // Per-person activity only where the answer is the person's anyway (ADR 0027).
  const campaignId = survey.anonymous ? null : (round.campaign_id ?? survey.campaign_id);
  await ctx.db.transaction().execute(async (trx) => {
    if (await rq.claimRespondent(trx, at, personId)) {
      if (survey.anonymous) await rq.insertAnonymousResponse(trx, at, values);
      else await rq.insertResponse(trx, at, personId, values);
      if (campaignId !== null) await recordActivity({ db: trx, type: 'responded', personId, campaignId });
    } else if (!(quiz && !survey.anonymous && (await rq.retakeFailedQuiz(trx, at, personId, { ...values, quiz: values.quiz! })))) {
      const passed = quiz && !survey.anonymous && (await rq.findOwnQuizResult(trx, at, personId))?.passed === true;
      if (passed) throw new AppError('conflict', 'you have passed this quiz already', coded('survey.quiz_already_passed'));
      throw new AppError('conflict', 'you have answered this survey already', coded('survey.already_answered'));
    }
    if (quiz && campaignId !== null) await recordActivity({ db: trx, type: quiz.passed ? 'quiz_passed' : 'quiz_failed', personId, campaignId });
  });
  return quiz ? { round: round.round, quiz: receiptOf(quiz) } : { round: round.round };
}

const receiptOf = (quiz: QuizScore) => ({ correct: quiz.correct, questions: quiz.questions, score: quiz.score, passed: quiz.passed });
