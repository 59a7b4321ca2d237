// Respondents never receive a quiz's right answers.
import { describe, expect, it } from 'vitest';
import { withoutCorrectAnswers } from './respondent-definition.js';

describe('withoutCorrectAnswers', () => {
  it('removes every correctAnswer, in pages and panels, and keeps the rest', () => {
    const definition = {
      title: 'Quiz',
      pages: [
        {
          name: 'p1',
          elements: [
            { type: 'radiogroup', name: 'a', choices: ['x', 'y'], correctAnswer: 'x' },
            { type: 'panel', name: 'p', elements: [{ type: 'boolean', name: 'b', correctAnswer: false }] },
          ],
        },
      ],
    };
    const stripped = withoutCorrectAnswers(definition);
    expect(JSON.stringify(stripped)).not.toContain('correctAnswer');
    expect(stripped).toEqual({
      title: 'Quiz',
      pages: [
        {
          name: 'p1',
          elements: [
            { type: 'radiogroup', name: 'a', choices: ['x', 'y'] },
            { type: 'panel', name: 'p', elements: [{ type: 'boolean', name: 'b' }] },
          ],
        },
      ],
    });
    expect(definition.pages[0]!.elements[0]).toHaveProperty('correctAnswer', 'x');
  });
});
