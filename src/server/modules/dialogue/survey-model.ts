// SurveyJS's own model (survey-core, MIT) on the server, so visibility (`visibleIf`), choices shown and
// quiz scores are decided by the same code as the respondent's screen (ADR 0027).
import { Model, QuestionRatingModel, type Question, type SurveyModel } from 'survey-core';

/**
 * A fresh model of a definition (never shared: answers set on it are one submission's).
 * @example loadSurveyModel({ elements: [{ type: 'boolean', name: 'ok' }] }).getAllQuestions().length // 1
 */
export function loadSurveyModel(definition: Record<string, unknown>, answers?: Record<string, unknown>): SurveyModel {
  const model = new Model(definition);
  if (answers) model.data = answers;
  return model;
}

/** The values a rating question offers, undefined for any other question. */
export function rateValuesOf(question: Question | null): unknown[] | undefined {
  if (!(question instanceof QuestionRatingModel)) return undefined;
  return question.visibleRateValues.map((item) => item.value as unknown);
}

const NPS_SCALE = Array.from({ length: 11 }, (_, i) => i);

/**
 * The name of the survey's first rating question from 0 to 10 (the eNPS question), or null.
 * @example findNpsQuestion({ elements: [{ type: 'rating', name: 'nps', rateMin: 0, rateMax: 10 }] }) // 'nps'
 */
export function findNpsQuestion(definition: Record<string, unknown>): string | null {
  const model = loadSurveyModel(definition);
  const found = model.getAllQuestions().find((q) => {
    const values = rateValuesOf(q);
    return values !== undefined && values.length === NPS_SCALE.length && values.every((v, i) => v === NPS_SCALE[i]);
  });
  return found?.name ?? null;
}

/** How many questions of the definition have a correct answer. */
export function countQuizQuestions(definition: Record<string, unknown>): number {
  return loadSurveyModel(definition)
    .getAllQuestions()
    .filter((q) => q.correctAnswer !== undefined && q.correctAnswer !== null).length;
}

export type QuizScore = { correct: number; questions: number; score: number; passed: boolean };

/**
 * Scores answers by survey-core's `getCorrectAnswerCount`/`getQuizQuestionCount`; passed when the
 * share of right answers reaches the pass mark.
 * @example scoreQuiz(definition, { q1: 'b' }, 0.5) // { correct: 1, questions: 2, score: 0.5, passed: true }
 */
export function scoreQuiz(definition: Record<string, unknown>, answers: Record<string, unknown>, passMark: number): QuizScore {
  const model = loadSurveyModel(definition, answers);
  const questions = model.getQuizQuestionCount();
  const correct = model.getCorrectAnswerCount();
  const score = questions === 0 ? 0 : correct / questions;
  return { correct, questions, score, passed: questions > 0 && score >= passMark };
}
