// A survey's results (DESIGN §3.8, ADR 0029): answers summed up in SQL over both answer tables, per
// question and per segment group, with eNPS, the trend over a pulse's rounds, and every figure of a
// group a report must hide (fewer than k answers, or recoverable from shown ones) left null.
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError, coded, notFound } from '../../platform/http/app-error.js';
import type { QuestionResult, SegmentKey, SegmentResult, SurveyResults } from '../../../shared/dialogue.js';
import { resultQuestions, type ResultQuestion } from './results-questions.js';
import { cellId, groupId, hideSmallGroups } from './results-privacy.js';
import * as q from './results.queries.js';

const COUNTED = new Set<QuestionResult['type']>(['choice', 'rating', 'nps', 'boolean']);

/** Promoters (9–10) minus detractors (0–6) per 100 answers, rounded; null without answers. */
export function enpsOf(counts: Record<string, number>): number | null {
  let total = 0;
  let score = 0;
  for (const [value, n] of Object.entries(counts)) {
    const v = Number(value);
    total += n;
    if (v >= 9) score += n;
    else if (v <= 6) score -= n;
  }
  return total === 0 ? null : Math.round((score / total) * 100);
}

function meanOf(counts: Record<string, number>): number | null {
  let total = 0;
  let sum = 0;
  for (const [value, n] of Object.entries(counts)) {
    if (!Number.isFinite(Number(value))) continue;
    total += n;
    sum += Number(value) * n;
  }
  return total === 0 ? null : Math.round((sum / total) * 100) / 100;
}

type GroupFigures = { counts: Map<string, Record<string, number>>; correct: Map<string, number>; texts: Map<string, string[]> };

const emptyFigures = (): GroupFigures => ({ counts: new Map(), correct: new Map(), texts: new Map() });

function questionResult(question: ResultQuestion, figures: GroupFigures | null, passed: number | null): QuestionResult {
  const counts = figures ? (figures.counts.get(question.name) ?? {}) : null;
  switch (question.type) {
    case 'choice':
    case 'boolean':
      return { type: question.type, counts };
    case 'rating':
      return { type: 'rating', counts, mean: counts && meanOf(counts) };
    case 'nps':
      return { type: 'nps', counts, enps: counts && enpsOf(counts) };
    case 'text':
      return { type: 'text', answers: figures ? (figures.texts.get(question.name) ?? []) : null };
    case 'quiz':
      return { type: 'quiz', correct: figures ? (figures.correct.get(question.name) ?? 0) : null, passed };
  }
}

function questionsOf(questions: ResultQuestion[], figures: GroupFigures | null, passed: number | null): Record<string, QuestionResult> {
  return Object.fromEntries(questions.map((question) => [question.name, questionResult(question, figures, passed)]));
}

/**
 * The results of round `round` (or of every round) broken down by `by` (default: every key the survey
 * keeps); a 404 problem for an unknown survey or round, 400 for a key the survey does not keep.
 * @example const results = await getSurveyResults({ db, k: 5, id: 3, round: 'all', by: ['department'] });
 */
export async function getSurveyResults(input: { db: AnyDb; k: number; id: number; round: number | 'all'; by?: SegmentKey[] }): Promise<SurveyResults> {
  const survey = await q.findResultsSurvey(input.db, input.id);
  if (!survey) throw notFound(`survey ${input.id}`, coded('survey.not_found', { id: input.id }));
  const keys = input.by ?? (survey.segment_keys as SegmentKey[]);
  const unknown = keys.find((key) => !survey.segment_keys.includes(key));
  if (unknown !== undefined) {
    throw new AppError('validation', `the survey keeps no ${unknown} with its answers`, coded('survey_results.segment_not_kept', { key: unknown }));
  }
  const rounds = await q.findRoundStarts(input.db, survey.id);
  const round = input.round === 'all' ? null : input.round;
  if (round !== null && !rounds.some((r) => r.round === round)) {
    throw notFound(`round ${round} of survey ${survey.id}`, coded('survey_results.round_not_found', { round }));
  }
  const questions = resultQuestions(survey.definition);
  const base = { db: input.db, surveyId: survey.id, keys };
  const sizes = await q.countGroups(input.db, base);
  const hidden = hideSmallGroups(sizes, keys, input.k);
  const isShown = (key: string, value: string | null) => {
    if (key === '*') return round === null ? hidden.allShown : !hidden.rounds.has(round) && sizeOf(key, value) >= input.k;
    return round === null ? !hidden.margins.has(groupId(key, value)) : !hidden.cells.has(cellId(round, key, value));
  };
  const selected = sizes.filter((s) => round === null || s.round === round);
  const groupSizes = new Map<string, { n: number; passed: number }>();
  for (const s of selected) {
    const id = groupId(s.grp_key, s.grp_value);
    const before = groupSizes.get(id) ?? { n: 0, passed: 0 };
    groupSizes.set(id, { n: before.n + s.n, passed: before.passed + s.passed });
  }
  function sizeOf(key: string, value: string | null) {
    return groupSizes.get(groupId(key, value))?.n ?? 0;
  }

  const quiz = Object.fromEntries(questions.filter((x) => x.type === 'quiz').map((x) => [x.name, x.correct]));
  const [choices, correct, texts] = await Promise.all([
    q.countChoices(input.db, { ...base, round, perRound: false, questions: questions.filter((x) => COUNTED.has(x.type)).map((x) => x.name) }),
    q.countCorrect(input.db, { ...base, round, correct: quiz }),
    q.listTexts(input.db, { ...base, round, questions: questions.filter((x) => x.type === 'text').map((x) => x.name) }),
  ]);
  const figures = new Map<string, GroupFigures>();
  const of = (key: string, value: string | null) => {
    const id = groupId(key, value);
    if (!figures.has(id)) figures.set(id, emptyFigures());
    return figures.get(id)!;
  };
  for (const row of choices) {
    const counts = of(row.grp_key, row.grp_value).counts;
    counts.set(row.question, { ...counts.get(row.question), [row.choice]: row.n });
  }
  for (const row of correct) of(row.grp_key, row.grp_value).correct.set(row.question, row.correct);
  for (const row of texts) of(row.grp_key, row.grp_value).texts.set(row.question, row.answers);

  const npsQuestion = questions.find((x) => x.type === 'nps');
  const group = (key: string, value: string | null) => {
    const shown = isShown(key, value);
    const f = shown ? (figures.get(groupId(key, value)) ?? emptyFigures()) : null;
    const size = groupSizes.get(groupId(key, value)) ?? { n: 0, passed: 0 };
    const results = questionsOf(questions, f, shown ? size.passed : null);
    const nps = npsQuestion ? results[npsQuestion.name] : undefined;
    return { shown, size: size.n, results, enps: nps?.type === 'nps' ? nps.enps : undefined };
  };

  const total = group('*', null);
  const bySegment: SegmentResult[] = [];
  for (const key of keys) {
    const values = [...new Set(selected.filter((s) => s.grp_key === key).map((s) => s.grp_value))].sort(compareValues);
    for (const value of values) {
      const g = group(key, value);
      bySegment.push({
        key,
        value,
        responses: g.shown ? g.size : null,
        ...(npsQuestion ? { enps: g.enps ?? null } : {}),
        questions: g.shown ? g.results : null,
      });
    }
  }
  return {
    survey: survey.id,
    round: input.round,
    k: input.k,
    responses: total.size,
    ...(npsQuestion ? { enps: total.enps ?? null } : {}),
    questions: total.results,
    by_segment: bySegment,
    trend: await trendOf(input.db, survey.id, rounds, sizes, hidden.rounds, questions),
  };
}

const compareValues = (a: string | null, b: string | null) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0);

/** Answers per round (a count of who took part, always shown) and its eNPS or first rating's mean (null for a hidden round). */
async function trendOf(
  db: AnyDb,
  surveyId: number,
  rounds: { round: number; opens_at: Date }[],
  sizes: q.SizeRow[],
  hidden: Set<number>,
  questions: ResultQuestion[],
) {
  const nps = questions.find((x) => x.type === 'nps');
  const rating = questions.find((x) => x.type === 'rating');
  const names = [nps, rating].flatMap((x) => (x ? [x.name] : []));
  const rows = await q.countChoices(db, { surveyId, keys: [], round: null, perRound: true, questions: names });
  const countsOf = (round: number, name: string | undefined) =>
    Object.fromEntries(rows.filter((r) => r.round === round && r.question === name).map((r) => [r.choice, r.n]));
  return rounds.map(({ round, opens_at }) => {
    const responses = sizes.find((s) => s.round === round && s.grp_key === '*')?.n ?? 0;
    const shown = responses > 0 && !hidden.has(round);
    return {
      round,
      opens_at: opens_at.toISOString(),
      responses,
      enps: shown && nps ? enpsOf(countsOf(round, nps.name)) : null,
      mean: shown && rating ? meanOf(countsOf(round, rating.name)) : null,
    };
  });
}
