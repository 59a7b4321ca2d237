// The deep check of a SurveyJS definition before it is saved (DESIGN §3.8, ADR 0027): only question
// types whose answers the server can check, unique names, choices, correct answers and rating bounds
// that fit, no HTML and no code; every problem names its JSON pointer under `/definition`.
import { ConditionsParser } from 'survey-core';
import { SURVEY_LIMITS } from '../../../shared/dialogue.js';
import { coded, fieldProblem, toJsonPointer, type FieldProblem } from '../../platform/http/app-error.js';
import { loadSurveyModel, rateValuesOf } from './survey-model.js';

/** Question types whose answers the server checks; `panel` only groups them. */
export const QUESTION_TYPES = ['text', 'comment', 'radiogroup', 'checkbox', 'dropdown', 'rating', 'boolean', 'ranking'] as const;
const CHOICE_TYPES = new Set(['radiogroup', 'checkbox', 'dropdown', 'ranking']);

/**
 * Properties refused anywhere: HTML the respondent's browser would render (`completedHtml`…), code
 * that changes answers (triggers, calculated values), choices fetched from elsewhere, and the free
 * "other"/comment boxes whose answers live under keys of their own.
 */
const REFUSED_PROPERTIES = new Set([
  'triggers',
  'calculatedValues',
  'choicesByUrl',
  'choicesFromQuestion',
  'showOtherItem',
  'hasOther',
  'showCommentArea',
  'hasComment',
  'showSelectAllItem',
  'hasSelectAll',
]);

/** Names that would reach an object's prototype where answers are kept by name. */
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);
const NAME_MAX = 200;

type Json = Record<string, unknown>;
type Path = (string | number)[];
type QuestionJson = { json: Json; path: Path; type: (typeof QUESTION_TYPES)[number]; name: string };

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPrimitive = (value: unknown): value is string | number =>
  (typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value));

/** A choice's value (`"a"` or `{"value": "a", "text": …}`), undefined when it has none usable. */
export function choiceValue(choice: unknown): string | number | undefined {
  if (isPrimitive(choice)) return choice;
  if (isObject(choice) && isPrimitive(choice.value)) return choice.value;
  return undefined;
}

/**
 * Every problem of a definition, each with its pointer; none means it may be saved.
 * @example checkDefinition({ elements: [{ type: 'html', name: 'x' }] })[0]?.pointer // '/definition/elements/0/type'
 */
export function checkDefinition(definition: Json, base: Path = ['definition']): FieldProblem[] {
  const at = (path: Path) => toJsonPointer([...base, ...path]);
  if (Buffer.byteLength(JSON.stringify(definition)) > SURVEY_LIMITS.definitionBytes) {
    const maximum = SURVEY_LIMITS.definitionBytes;
    return [fieldProblem(at([]), `the definition is larger than ${maximum} bytes`, coded('survey.definition_too_large', { maximum }))];
  }
  const problems: FieldProblem[] = [];
  findRefusedProperties(definition, [], (path, property, expression) =>
    problems.push(
      expression
        ? fieldProblem(at(path), `${property} is not a valid expression`, coded('survey.expression_invalid', { property }))
        : fieldProblem(at(path), `${property} is not accepted`, coded('survey.property_unsupported', { property })),
    ),
  );
  const questions: QuestionJson[] = [];
  const pointers = new Map<object, Path>();
  const walk = (elements: unknown, path: Path) => {
    if (elements === undefined) return;
    if (!Array.isArray(elements)) {
      problems.push(fieldProblem(at(path), 'elements must be a list', coded('survey.definition_invalid', { detail: 'elements must be a list' })));
      return;
    }
    elements.forEach((element, i) => {
      const here = [...path, i];
      if (!isObject(element) || typeof element.type !== 'string') {
        problems.push(fieldProblem(at(here), 'an element needs a type', coded('survey.definition_invalid', { detail: 'an element needs a type' })));
        return;
      }
      pointers.set(element, here);
      if (element.type === 'panel') return walk(element.elements, [...here, 'elements']);
      if (!(QUESTION_TYPES as readonly string[]).includes(element.type)) {
        const type = element.type.slice(0, 50);
        problems.push(fieldProblem(at([...here, 'type']), `question type ${type} is not supported`, coded('survey.question_type_unsupported', { type })));
        return;
      }
      questions.push({ json: element, path: here, type: element.type as QuestionJson['type'], name: typeof element.name === 'string' ? element.name : '' });
    });
  };
  if (definition.pages !== undefined) {
    if (!Array.isArray(definition.pages)) {
      problems.push(fieldProblem(at(['pages']), 'pages must be a list', coded('survey.definition_invalid', { detail: 'pages must be a list' })));
    } else {
      definition.pages.forEach((page, i) => {
        if (isObject(page)) {
          pointers.set(page, ['pages', i]);
          walk(page.elements, ['pages', i, 'elements']);
        } else problems.push(fieldProblem(at(['pages', i]), 'a page is an object', coded('survey.definition_invalid', { detail: 'a page is an object' })));
      });
    }
  }
  walk(definition.elements, ['elements']);

  if (questions.length === 0 && problems.length === 0) return [fieldProblem(at([]), 'the survey has no questions', coded('survey.definition_no_questions'))];
  if (questions.length > SURVEY_LIMITS.questions) {
    const maximum = SURVEY_LIMITS.questions;
    problems.push(fieldProblem(at([]), `more than ${maximum} questions`, coded('survey.too_many_questions', { maximum })));
  }
  const names = new Set<string>();
  for (const q of questions) {
    if (q.name.trim() === '') {
      problems.push(fieldProblem(at([...q.path, 'name']), 'a question needs a name', coded('survey.question_name_missing')));
    } else if (RESERVED_NAMES.has(q.name) || q.name.length > NAME_MAX) {
      const name = q.name.slice(0, 50);
      problems.push(fieldProblem(at([...q.path, 'name']), `${name} cannot name a question`, coded('survey.question_name_invalid', { name })));
    } else if (names.has(q.name.toLowerCase())) {
      problems.push(fieldProblem(at([...q.path, 'name']), `two questions are called ${q.name}`, coded('survey.question_name_taken', { name: q.name })));
    }
    names.add(q.name.toLowerCase());
    if (CHOICE_TYPES.has(q.type)) problems.push(...choiceProblems(q, at));
  }
  if (problems.length > 0) return problems;

  // SurveyJS's own reading: properties it does not know, values of the wrong kind.
  const model = loadSurveyModel(definition);
  for (const error of model.jsonErrors ?? []) {
    const path = (isObject(error.jsonObj) && pointers.get(error.jsonObj)) || [];
    const detail = String(error.message).slice(0, 300);
    problems.push(fieldProblem(at(path), detail, coded('survey.definition_invalid', { detail })));
  }
  for (const q of questions) {
    const rated = q.type === 'rating' ? rateValuesOf(model.getQuestionByName(q.name)) : undefined;
    if (rated !== undefined && !ratingBoundsSane(q.json, rated)) {
      problems.push(
        fieldProblem(
          at([...q.path, q.json.rateValues ? 'rateValues' : 'rateMax']),
          'rating bounds are not sane',
          coded('survey.rating_bounds', { name: q.name }),
        ),
      );
      continue;
    }
    if (q.json.correctAnswer !== undefined && !correctAnswerFits(q, rated)) {
      problems.push(
        fieldProblem(
          at([...q.path, 'correctAnswer']),
          `the correct answer of ${q.name} is not one it offers`,
          coded('survey.correct_answer_invalid', { name: q.name }),
        ),
      );
    }
  }
  return problems;
}

/** Reports refused properties, and conditions (`visibleIf`…) and expressions SurveyJS cannot parse. */
function findRefusedProperties(value: unknown, path: Path, report: (path: Path, property: string, expression?: boolean) => void): void {
  if (Array.isArray(value)) return value.forEach((item, i) => findRefusedProperties(item, [...path, i], report));
  if (!isObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (REFUSED_PROPERTIES.has(key) || /html/i.test(key)) report([...path, key], key.slice(0, 50));
    else if (/(If|Expression|^expression)$/.test(key) && typeof child === 'string' && !parses(child)) report([...path, key], key.slice(0, 50), true);
    else findRefusedProperties(child, [...path, key], report);
  }
}

function parses(expression: string): boolean {
  const parser = new ConditionsParser();
  return parser.parseExpression(expression) !== null && !parser.error;
}

function choiceProblems(q: QuestionJson, at: (path: Path) => string): FieldProblem[] {
  const choices = q.json.choices;
  if (!Array.isArray(choices) || choices.length === 0) {
    return [fieldProblem(at([...q.path, 'choices']), `${q.name} offers no choices`, coded('survey.choices_missing', { name: q.name }))];
  }
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  choices.forEach((choice, i) => {
    const value = choiceValue(choice);
    if (value === undefined) {
      problems.push(fieldProblem(at([...q.path, 'choices', i]), 'a choice needs a value', coded('survey.choice_invalid', { name: q.name })));
    } else if (seen.has(String(value))) {
      problems.push(
        fieldProblem(at([...q.path, 'choices', i]), `${value} is offered twice`, coded('survey.choice_duplicate', { name: q.name, value: String(value) })),
      );
    } else seen.add(String(value));
  });
  return problems;
}

/** Between 2 and 101 distinct values, and an explicit scale that runs upwards in positive steps. */
function ratingBoundsSane(json: Json, values: unknown[]): boolean {
  if (values.length < 2 || values.length > 101 || new Set(values.map(String)).size !== values.length) return false;
  if (Array.isArray(json.rateValues) && json.rateValues.length > 0) return json.rateValues.every((v) => choiceValue(v) !== undefined);
  const [min, max, step] = [json.rateMin ?? 1, json.rateMax ?? 5, json.rateStep ?? 1];
  if (![min, max, step].every((n) => typeof n === 'number' && Number.isFinite(n))) return false;
  const [low, high, by] = [min as number, max as number, step as number];
  return low < high && by > 0 && (high - low) / by <= 100;
}

function correctAnswerFits(q: QuestionJson, rated: unknown[] | undefined): boolean {
  const answer = q.json.correctAnswer;
  const offered = Array.isArray(q.json.choices) ? q.json.choices.map(choiceValue) : [];
  switch (q.type) {
    case 'radiogroup':
    case 'dropdown':
      return offered.includes(answer as string | number);
    case 'checkbox':
      return (
        Array.isArray(answer) && answer.length > 0 && new Set(answer).size === answer.length && answer.every((a) => offered.includes(a as string | number))
      );
    case 'ranking':
      return (
        Array.isArray(answer) &&
        answer.length === offered.length &&
        new Set(answer).size === answer.length &&
        answer.every((a) => offered.includes(a as string | number))
      );
    case 'boolean':
      return answer === (q.json.valueTrue ?? true) || answer === (q.json.valueFalse ?? false);
    case 'rating':
      return (rated ?? []).includes(answer);
    case 'text':
    case 'comment':
      return isPrimitive(answer);
  }
}
