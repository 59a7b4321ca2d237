// The questions of a SurveyJS definition as the results count them: each question's name and how its
// answers are summed up (choices, a rating scale, a 0–10 NPS scale, yes/no, free text, a quiz answer).
// Layout elements (panels, pages, html) are walked through; kinds results cannot sum up are left out.
import type { QuestionResult } from '../../../shared/dialogue.js';

export type ResultQuestion = { name: string; type: QuestionResult['type']; correct?: unknown; rateMin?: number; rateMax?: number };

const CHOICE_TYPES = new Set(['radiogroup', 'dropdown', 'checkbox', 'tagbox', 'imagepicker', 'ranking']);
const TEXT_TYPES = new Set(['text', 'comment']);

type Element = Record<string, unknown>;

const isElement = (value: unknown): value is Element => typeof value === 'object' && value !== null && !Array.isArray(value);

function* elementsOf(container: Element): Generator<Element> {
  for (const field of ['pages', 'elements', 'questions', 'templateElements']) {
    const list = container[field];
    if (!Array.isArray(list)) continue;
    for (const element of list) {
      if (!isElement(element)) continue;
      yield element;
      yield* elementsOf(element);
    }
  }
}

/** A rating question's scale: `rateValues` when given, else `rateMin`..`rateMax` (SurveyJS defaults 1..5). */
function scaleOf(element: Element): { min: number; max: number } {
  const values = Array.isArray(element.rateValues) ? element.rateValues.map((v) => Number(isElement(v) ? v.value : v)).filter((v) => Number.isFinite(v)) : [];
  if (values.length > 0) return { min: Math.min(...values), max: Math.max(...values) };
  const min = typeof element.rateMin === 'number' ? element.rateMin : 1;
  const count = typeof element.rateCount === 'number' ? element.rateCount : null;
  const max = typeof element.rateMax === 'number' ? element.rateMax : count !== null ? min + count - 1 : 5;
  return { min, max };
}

function classify(element: Element): ResultQuestion | null {
  const name = element.name;
  const type = element.type;
  if (typeof name !== 'string' || typeof type !== 'string') return null;
  if (element.correctAnswer !== undefined) return { name, type: 'quiz', correct: element.correctAnswer };
  if (CHOICE_TYPES.has(type)) return { name, type: 'choice' };
  if (type === 'boolean') return { name, type: 'boolean' };
  if (TEXT_TYPES.has(type)) return { name, type: 'text' };
  if (type === 'rating') {
    const { min, max } = scaleOf(element);
    return { name, type: min === 0 && max === 10 ? 'nps' : 'rating', rateMin: min, rateMax: max };
  }
  return null;
}

/**
 * The questions results are given for, in the definition's order (a name used twice counts once).
 * @example resultQuestions({ elements: [{ type: 'rating', name: 'nps', rateMin: 0, rateMax: 10 }] }) // [{ name: 'nps', type: 'nps', … }]
 */
export function resultQuestions(definition: Record<string, unknown>): ResultQuestion[] {
  const seen = new Set<string>();
  const questions: ResultQuestion[] = [];
  for (const element of elementsOf(definition)) {
    const question = classify(element);
    if (!question || seen.has(question.name)) continue;
    seen.add(question.name);
    questions.push(question);
  }
  return questions;
}
