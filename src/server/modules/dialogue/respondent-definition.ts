// A quiz's definition as respondents receive it: every `correctAnswer` taken out, so the right answers
// cannot be read from the page (scoring happens on the server, from the stored definition).

/**
 * A copy of `definition` without any `correctAnswer`, however deeply nested (panels, pages).
 * @example withoutCorrectAnswers({ pages: [{ elements: [{ name: 'q', correctAnswer: 'b' }] }] }) // { pages: [{ elements: [{ name: 'q' }] }] }
 */
export function withoutCorrectAnswers(definition: Record<string, unknown>): Record<string, unknown> {
  return strip(definition) as Record<string, unknown>;
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'correctAnswer')
      .map(([key, v]) => [key, strip(v)]),
  );
}
