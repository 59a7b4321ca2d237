// The one error type of the server: a class mapped to an HTTP status, a message code with parameters
// that the web app translates, an English detail for API users, and optional per-field problems (JSON
// pointers or lines). Rendered as RFC 9457 problem details. Message codes come from the registry in
// src/shared/problem-codes, which also holds the names of each code's parameters.
import type { ProblemCode, ProblemParamName, ProblemParams } from '../../../shared/problem-codes/index.js';

export type AppErrorCode =
  | 'bad_request'
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

const STATUS: Record<AppErrorCode, number> = {
  bad_request: 400,
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unsupported_media_type: 415,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

const TITLE: Record<AppErrorCode, string> = {
  bad_request: 'Bad request',
  validation: 'Invalid input',
  unauthenticated: 'Sign-in required',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Conflict',
  unsupported_media_type: 'Unsupported media type',
  payload_too_large: 'Payload too large',
  rate_limited: 'Too many requests',
  unavailable: 'Service unavailable',
  internal: 'Internal error',
};

/** Values a message code is filled with (`{{count}}` in the web app's translations). */
export type MessageParams = Record<string, string | number | boolean | null>;

/**
 * One problem in the input, located by a JSON pointer (RFC 6901) or a line number. `code` names the
 * message the web app shows (translated, filled with `params`); `message` is English for API users.
 */
export type FieldProblem = { pointer?: string; in?: string; line?: number; message: string; code?: ProblemCode; params?: MessageParams };

export type AppErrorOptions = {
  problems?: FieldProblem[];
  cause?: unknown;
  /** Dotted and stable (`help.not_open_for_you`); defaults to `error.<class>`. */
  messageCode?: ProblemCode;
  /** Values for the code's parameters, by the names its registry entry lists. */
  params?: MessageParams;
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  readonly problems: FieldProblem[];
  /** Dotted and stable (`help.not_open_for_you`); `error.<class>` when the thrower named none. */
  readonly messageCode: ProblemCode;
  readonly params: MessageParams;

  constructor(code: AppErrorCode, userMessage: string, options: AppErrorOptions = {}) {
    super(userMessage, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.userMessage = userMessage;
    this.problems = options.problems ?? [];
    this.messageCode = options.messageCode ?? `error.${code}`;
    this.params = options.params ?? {};
  }

  get status(): number {
    return STATUS[this.code];
  }

  get title(): string {
    return TITLE[this.code];
  }
}

type CodedMessage = Pick<AppErrorOptions, 'messageCode' | 'params'>;

/**
 * A message code with exactly the parameters its registry entry names, checked by the compiler.
 * @example throw new AppError('conflict', 'this request is no longer open for you to accept', coded('help.not_open_for_you'));
 * @example throw notFound(`segment ${key}`, coded('segment.not_found', { key }));
 */
export function coded<C extends ProblemCode>(
  messageCode: C,
  ...params: [ProblemParamName<C>] extends [never] ? [] : [ProblemParams<C>]
): { messageCode: C; params: MessageParams } {
  return { messageCode, params: params[0] ?? {} };
}

/**
 * A problem with one input field, explained by a coded message.
 * @example fieldProblem('/into', 'the same skill', coded('skills.merge_into_itself'))
 */
export function fieldProblem(pointer: string, message: string, why: { messageCode: ProblemCode; params: MessageParams }): FieldProblem {
  return { pointer, message, code: why.messageCode, params: why.params };
}

/** A 404 saying in English what was not found, with the code the web shows (see `coded`). */
export function notFound(what: string, message: CodedMessage = {}): AppError {
  return new AppError('not_found', `${what} was not found`, message);
}

export function forbidden(englishMessage = 'your role does not allow this', message: CodedMessage = {}): AppError {
  return new AppError('forbidden', englishMessage, message);
}

/** A 400 for a pagination cursor this API did not give out (or that was tampered with). */
export function invalidCursor(): AppError {
  return new AppError('validation', 'the cursor is not one this API gave out', {
    ...coded('request.invalid_cursor'),
    problems: [{ pointer: '/cursor', in: 'query', message: 'invalid cursor', code: 'request.invalid_cursor' }],
  });
}

/** Escapes one path segment for a JSON pointer: `~` -> `~0`, `/` -> `~1`. */
export function toJsonPointer(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return '';
  return '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}
