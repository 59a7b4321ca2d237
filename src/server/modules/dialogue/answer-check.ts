// Whether answers fit a survey's definition (DESIGN §3.8): known questions only, each answer of its
// question's type, a choice that is offered, a rating on the scale, text within its length, and every
// required question that is visible (survey-core decides visibility from `visibleIf`) answered.
import { QuestionBooleanModel, QuestionCheckboxModel, QuestionRankingModel, QuestionSelectBase, type Question } from 'survey-core';
import { SURVEY_LIMITS } from '../../../shared/dialogue.js';
import { coded, fieldProblem, toJsonPointer, type FieldProblem } from '../../platform/http/app-error.js';
import { loadSurveyModel, rateValuesOf } from './survey-model.js';

/** A body of a thousand unknown keys gets the first problems, not a thousand. */
const MAX_PROBLEMS = 50;

const isEmpty = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * The answers without empty ones, and every problem with them (pointer `/answers/<question name>`).
 * @example checkAnswers(definition, { nope: 1 }).problems[0]?.pointer // '/answers/nope'
 */
export function checkAnswers(
  definition: Record<string, unknown>,
  answers: Record<string, unknown>,
): { answers: Record<string, unknown>; problems: FieldProblem[] } {
  const given = Object.fromEntries(Object.entries(answers).filter(([, value]) => !isEmpty(value)));
  const model = loadSurveyModel(definition, given);
  const problems: FieldProblem[] = [];
  const at = (name: string) => toJsonPointer(['answers', name]);
  for (const [name, value] of Object.entries(given)) {
    const question = model.getQuestionByName(name);
    if (!question) {
      problems.push(fieldProblem(at(name), `there is no question ${name}`, coded('survey.answer_unknown_question', { name: name.slice(0, 100) })));
    } else if (!isShown(question)) {
      problems.push(fieldProblem(at(name), `${name} is not shown with these answers`, coded('survey.answer_not_visible', { name })));
    } else {
      const problem = valueProblem(question, value);
      if (problem) problems.push(fieldProblem(at(name), problem.message, problem.why));
    }
  }
  for (const question of model.getAllQuestions()) {
    if (question.isRequired && isShown(question) && isEmpty(given[question.name])) {
      problems.push(fieldProblem(at(question.name), `${question.name} needs an answer`, coded('survey.answer_required', { name: question.name })));
    }
  }
  return { answers: given, problems: problems.slice(0, MAX_PROBLEMS) };
}

const isShown = (question: Question) => question.isVisible && question.isParentVisible;

type ValueProblem = { message: string; why: ReturnType<typeof coded> };

function valueProblem(question: Question, value: unknown): ValueProblem | null {
  const name = question.name;
  const wrongType = { message: `${name} has an answer of the wrong type`, why: coded('survey.answer_wrong_type', { name }) };
  const notOffered = { message: `${name} does not offer this answer`, why: coded('survey.answer_not_offered', { name }) };
  switch (question.getType()) {
    case 'text':
    case 'comment': {
      if (typeof value === 'number' && Number.isFinite(value)) return null;
      if (typeof value !== 'string') return wrongType;
      const ownLimit = typeof question.maxLength === 'number' && question.maxLength > 0 ? question.maxLength : Infinity;
      const maximum = Math.min(SURVEY_LIMITS.textAnswer, ownLimit);
      return value.length > maximum
        ? { message: `${name} is longer than ${maximum} characters`, why: coded('survey.answer_too_long', { name, maximum }) }
        : null;
    }
    case 'rating': {
      if (typeof value !== 'number' && typeof value !== 'string') return wrongType;
      return (rateValuesOf(question) ?? []).includes(value) ? null : notOffered;
    }
    case 'boolean': {
      const b = question as QuestionBooleanModel;
      const accepted = [b.valueTrue ?? true, b.valueFalse ?? false];
      return accepted.includes(value) ? null : notOffered;
    }
    case 'radiogroup':
    case 'dropdown':
      if (typeof value !== 'string' && typeof value !== 'number') return wrongType;
      return offered(question).includes(value) ? null : notOffered;
    case 'checkbox':
    case 'ranking': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' && typeof v !== 'number')) return wrongType;
      const choices = offered(question);
      if (new Set(value).size !== value.length || !value.every((v) => choices.includes(v as string | number))) return notOffered;
      if (question instanceof QuestionCheckboxModel) {
        const max = question.maxSelectedChoices > 0 ? question.maxSelectedChoices : Infinity;
        if (value.length > max || value.length < (question.minSelectedChoices || 0)) return notOffered;
      }
      if (question instanceof QuestionRankingModel && !question.selectToRankEnabled && value.length !== choices.length) return notOffered;
      return null;
    }
    default:
      return wrongType;
  }
}

/** The values a choice question shows now (after `choicesVisibleIf`), without the "select all" item. */
function offered(question: Question): unknown[] {
  if (!(question instanceof QuestionSelectBase)) return [];
  const selectAll = question instanceof QuestionCheckboxModel ? question.selectAllItem : null;
  return question.visibleChoices.filter((item) => item !== selectAll).map((item) => item.value as unknown);
}
