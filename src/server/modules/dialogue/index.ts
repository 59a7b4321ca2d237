// The dialogue module's public API (surveys, quizzes, pulses; DESIGN §3.8): other modules and the app import only from here.
export { registerSurveyResultsRoutes } from './survey-results.routes.js';
export { getSurveyResults } from './results.service.js';
export { runSurveyScheduler } from './pulse-rounds.service.js';
export { openSurveyRoundsJob } from './jobs/open-survey-rounds.job.js';
