// What a survey must be beyond its schema: a definition that passes the deep check, a quiz with a
// question that has a correct answer, an eNPS survey with a 0–10 rating, a campaign that exists, an
// audience rule that is valid. One 400 carries every problem found, each with its pointer.
import type { AnyDb } from '../../platform/db/connect.js';
import { AppError, coded, fieldProblem, type FieldProblem } from '../../platform/http/app-error.js';
import type { SurveyKind } from '../../../shared/dialogue.js';
import { checkAudienceRule } from '../audiences/index.js';
import { getCampaignDefinition } from '../campaigns/index.js';
import { checkDefinition } from './definition-check.js';
import { countQuizQuestions, findNpsQuestion } from './survey-model.js';

export type CheckedSurvey = {
  kind: SurveyKind;
  definition: Record<string, unknown>;
  audience: unknown;
  pass_mark: number | null;
  campaign_id: number | null;
  closes_at: Date | null;
};

/** Whether answers are scored: kind `quiz` or a pass mark. */
export const isQuiz = (survey: { kind: SurveyKind; pass_mark: number | null }) => survey.kind === 'quiz' || survey.pass_mark !== null;

/** A quiz without a pass mark is passed with every answer right. */
export const passMarkOf = (survey: { pass_mark: number | null }) => survey.pass_mark ?? 1;

/**
 * Throws a 400 with every problem of the survey; `closesAtChanged` asks for a closing time in the future.
 * @example await checkSurvey({ db, survey, now, closesAtChanged: true });
 */
export async function checkSurvey(input: { db: AnyDb; survey: CheckedSurvey; now: Date; closesAtChanged: boolean }): Promise<void> {
  const { survey } = input;
  const problems: FieldProblem[] = checkDefinition(survey.definition);
  if (problems.length === 0) {
    if (isQuiz(survey) && countQuizQuestions(survey.definition) === 0) {
      problems.push(fieldProblem('/definition', 'a quiz needs a question with a correct answer', coded('survey.quiz_needs_correct_answer')));
    }
    if (survey.kind === 'enps' && findNpsQuestion(survey.definition) === null) {
      problems.push(fieldProblem('/definition', 'an eNPS survey needs a rating question from 0 to 10', coded('survey.enps_needs_rating')));
    }
  }
  if (survey.campaign_id !== null && !(await campaignExists(input.db, survey.campaign_id))) {
    const id = survey.campaign_id;
    problems.push(fieldProblem('/campaign', `there is no campaign ${id}`, coded('survey.campaign_unknown', { id })));
  }
  if (input.closesAtChanged && survey.closes_at !== null && survey.closes_at <= input.now) {
    problems.push(fieldProblem('/closes_at', 'the closing time has passed', coded('survey.closes_at_past')));
  }
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new AppError('validation', `the survey has ${problems.length} problem(s): ${first.message} (at ${first.pointer})`, {
      messageCode: first.code,
      params: first.params,
      problems,
    });
  }
  await checkAudienceRule({ db: input.db, rule: survey.audience, pointer: '/audience' });
}

async function campaignExists(db: AnyDb, id: number): Promise<boolean> {
  try {
    await getCampaignDefinition({ db, id });
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return false;
    throw error;
  }
}
