// The answer check without a database: each question type's values, choices hidden by
// `choicesVisibleIf`, selection limits, ranking, booleans with their own values, and quiz scores.
import { describe, expect, it } from 'vitest';
import { checkAnswers } from './answer-check.js';
import { findNpsQuestion, scoreQuiz } from './survey-model.js';

const definition = {
  elements: [
    { type: 'checkbox', name: 'tools', choices: ['mail', 'chat', 'feed'], maxSelectedChoices: 2 },
    { type: 'dropdown', name: 'site', choices: ['north', 'south'], choicesVisibleIf: "{item} <> 'south' or {tools} contains 'chat'" },
    { type: 'ranking', name: 'order', choices: ['a', 'b', 'c'] },
    { type: 'boolean', name: 'agree', valueTrue: 'yes', valueFalse: 'no' },
    { type: 'text', name: 'age', inputType: 'number' },
  ],
};

const problemsOf = (answers: Record<string, unknown>) => checkAnswers(definition, answers).problems.map((p) => `${p.pointer} ${p.code}`);

describe('checkAnswers', () => {
  it('accepts answers that fit and drops empty ones', () => {
    const checked = checkAnswers(definition, { tools: ['chat'], site: 'south', order: ['c', 'a', 'b'], agree: 'no', age: 41, empty: null });
    expect(checked.problems).toEqual([]);
    expect(checked.answers).not.toHaveProperty('empty');
  });

  it('refuses what does not fit, each at its question', () => {
    expect(problemsOf({ tools: ['mail', 'chat', 'feed'] })).toEqual(['/answers/tools survey.answer_not_offered']);
    expect(problemsOf({ tools: ['mail', 'mail'] })).toEqual(['/answers/tools survey.answer_not_offered']);
    expect(problemsOf({ tools: 'mail' })).toEqual(['/answers/tools survey.answer_wrong_type']);
    expect(problemsOf({ site: 'south' })).toEqual(['/answers/site survey.answer_not_offered']);
    expect(problemsOf({ order: ['a', 'b'] })).toEqual(['/answers/order survey.answer_not_offered']);
    expect(problemsOf({ agree: true })).toEqual(['/answers/agree survey.answer_not_offered']);
    expect(problemsOf({ age: { years: 41 } })).toEqual(['/answers/age survey.answer_wrong_type']);
    expect(problemsOf({ 'a/b': 1 })).toEqual(['/answers/a~1b survey.answer_unknown_question']);
  });
});

describe('scoring and the eNPS question', () => {
  it('scores with survey-core and finds the 0–10 rating', () => {
    const quiz = {
      elements: [
        { type: 'boolean', name: 'q1', correctAnswer: true },
        { type: 'radiogroup', name: 'q2', choices: ['a', 'b'], correctAnswer: 'a' },
      ],
    };
    expect(scoreQuiz(quiz, { q1: true, q2: 'b' }, 0.5)).toEqual({ correct: 1, questions: 2, score: 0.5, passed: true });
    expect(scoreQuiz(quiz, { q1: true, q2: 'b' }, 0.6)).toMatchObject({ passed: false });
    const nps = {
      elements: [
        { type: 'rating', name: 'stars' },
        { type: 'rating', name: 'recommend', rateMin: 0, rateMax: 10 },
      ],
    };
    expect(findNpsQuestion(nps)).toBe('recommend');
    expect(findNpsQuestion(quiz)).toBeNull();
  });
});
