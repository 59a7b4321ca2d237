// Message codes of surveys and quizzes (dialogue module, ADR 0027): a definition that does not fit,
// answers that do not fit it, and the conflicts of answering (twice, too late, a quiz passed already).
import type { ProblemCodeTable } from './problem-code-table.js';

export const SURVEY_PROBLEM_CODES = {
  'survey.not_found': ['id'],
  /** The definition is not a SurveyJS survey this server accepts (SurveyJS's own complaint in `detail`). */
  'survey.definition_invalid': ['detail'],
  'survey.definition_too_large': ['maximum'],
  'survey.definition_no_questions': [],
  'survey.too_many_questions': ['maximum'],
  /** A question type (or element) answers cannot be checked for, or that runs code or shows HTML. */
  'survey.question_type_unsupported': ['type'],
  /** A property the server does not accept (HTML, triggers, choices from a URL, an "other" text box). */
  'survey.property_unsupported': ['property'],
  'survey.question_name_missing': [],
  'survey.question_name_taken': ['name'],
  /** A name answers cannot be kept under (`__proto__`…) or longer than 200 characters. */
  'survey.question_name_invalid': ['name'],
  /** A condition (`visibleIf`…) or expression SurveyJS cannot parse. */
  'survey.expression_invalid': ['property'],
  'survey.choices_missing': ['name'],
  'survey.choice_invalid': ['name'],
  'survey.choice_duplicate': ['name', 'value'],
  'survey.rating_bounds': ['name'],
  'survey.correct_answer_invalid': ['name'],
  /** A quiz (kind quiz or a pass mark) has no question with a correct answer. */
  'survey.quiz_needs_correct_answer': [],
  /** An eNPS survey has no rating question from 0 to 10. */
  'survey.enps_needs_rating': [],
  'survey.campaign_unknown': ['id'],
  'survey.closes_at_past': [],
  /** Definition, anonymity, segment keys, audience, kind and pass mark are fixed once someone answered. */
  'survey.frozen': ['field'],
  'survey.not_deletable': [],
  'survey.already_answered': [],
  'survey.quiz_already_passed': [],
  'survey.closed': [],
  'survey.answer_unknown_question': ['name'],
  'survey.answer_wrong_type': ['name'],
  'survey.answer_not_offered': ['name'],
  'survey.answer_too_long': ['name', 'maximum'],
  'survey.answer_required': ['name'],
  'survey.answer_not_visible': ['name'],
} as const satisfies ProblemCodeTable;
