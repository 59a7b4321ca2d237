// The dialogue module's public API (issue 11, ADR 0027–0029): surveys, quizzes and pulses with their
// results and scheduler; comments and reactions. Other modules and the app import only from here.
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../module-context.js';
import { registerSurveyRespondRoutes } from './respond.routes.js';
import { registerSurveyAuthorRoutes } from './surveys.routes.js';

/** Mounts the authors' and the respondents' survey routes. */
export function registerSurveyRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  registerSurveyAuthorRoutes(app, ctx);
  registerSurveyRespondRoutes(app, ctx);
}

export { openSurveyRound } from './survey-rounds.service.js';
export { createSurvey, getSurvey, listSurveys, presentSurvey, effectiveStatus } from './surveys.service.js';
export { findNpsQuestion, loadSurveyModel, scoreQuiz, type QuizScore } from './survey-model.js';
export { isQuiz, passMarkOf } from './survey-rules.js';
export type { SurveyRow, RoundRow } from './surveys.queries.js';
export { mixAnonymousAnswers } from './mix-anonymous-answers.queries.js';
export { mixAnonymousAnswersJob } from './jobs/mix-anonymous-answers.job.js';
export { registerSurveyResultsRoutes } from './survey-results.routes.js';
export { getSurveyResults } from './results.service.js';
export { runSurveyScheduler } from './pulse-rounds.service.js';
export { openSurveyRoundsJob } from './jobs/open-survey-rounds.job.js';

export { registerConversationRoutes } from './conversation.routes.js';
export { scoreComment } from './sentiment.js';
