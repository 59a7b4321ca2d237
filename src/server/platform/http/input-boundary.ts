// The boundary every text input crosses: NUL characters (which PostgreSQL text and jsonb cannot hold),
// lone UTF-16 surrogates (not Unicode; jsonb refuses them) and JSON nested beyond any API's need are
// refused with a 400 naming each bad value, before a route's schema or SQL sees them (ADR 0013).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, toJsonPointer, type FieldProblem } from './app-error.js';
import { Readable } from 'node:stream';

/** JSON nesting no route needs (a segment rule at its 32 levels is about 66 deep); deeper is refused. */
export const MAX_INPUT_DEPTH = 128;
/** Problems reported per request; the first few are enough to find the rest. */
const MAX_PROBLEMS = 20;

export type InputPart = 'body' | 'query' | 'path';

const NUL = '\u0000';
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why each kind of bad text is refused, in words that also fit an import report. */
export const BAD_TEXT_REASONS = {
  'input.nul_character': 'contains a NUL character (U+0000), which text cannot hold',
  'input.lone_surrogate': 'contains half of a UTF-16 surrogate pair, which is not valid Unicode',
  'input.too_deep': `is nested more than ${MAX_INPUT_DEPTH} levels deep`,
} as const;

type ProblemCode = keyof typeof BAD_TEXT_REASONS;

function textProblem(text: string): ProblemCode | null {
  if (text.includes(NUL)) return 'input.nul_character';
  if (LONE_SURROGATE.test(text)) return 'input.lone_surrogate';
  return null;
}

/**
 * Every bad string (value or object key) in `value`, as field problems with JSON pointers. Walks with
 * its own stack, so no nesting depth can overflow the call stack.
 * @example findBadText({ q: 'a\u0000' }, 'query') // [{ pointer: '/q', in: 'query', code: 'input.nul_character', ... }]
 */
export function findBadText(value: unknown, part: InputPart): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const report = (path: PropertyKey[], code: ProblemCode) =>
    problems.push({ pointer: toJsonPointer(path), in: part, code, message: `the ${part} value at ${toJsonPointer(path) || '/'} ${BAD_TEXT_REASONS[code]}` });
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value, path: [] }];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const code = textProblem(v);
      if (code) report(path, code);
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (path.length >= MAX_INPUT_DEPTH) {
      report(path, 'input.too_deep');
      continue;
    }
    const entries: [PropertyKey, unknown][] = Array.isArray(v) ? v.map((item, i) => [i, item]) : Object.entries(v);
    // Pushed in reverse so problems come out in document order.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i]!;
      const keyCode = typeof key === 'string' ? textProblem(key) : null;
      if (keyCode) report([...path, key], keyCode);
      else stack.push({ value: item, path: [...path, key] });
    }
  }
  return problems;
}

/** Import files arrive as text or as the request stream (CSV, JSON Lines) and are checked row by row by their import instead. */
function isParsedJson(request: FastifyRequest): boolean {
  if (request.body instanceof Readable || Buffer.isBuffer(request.body)) return false;
  if (typeof request.body !== 'string') return true;
  return /^application\/(?:[\w.+-]+\+)?json(?:;|$)/i.test(request.headers['content-type'] ?? '');
}

/**
 * Checks the parsed body, query string and path parameters of every request before validation.
 * @example registerInputBoundary(app); // once, in buildApp
 */
export function registerInputBoundary(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const problems = [
      ...findBadText(request.params, 'path'),
      ...findBadText(request.query, 'query'),
      ...(request.body !== undefined && isParsedJson(request) ? findBadText(request.body, 'body') : []),
    ];
    const first = problems[0];
    if (!first) return;
    throw new AppError('validation', `invalid input: ${first.message}`, { messageCode: first.code, problems });
  });
}
