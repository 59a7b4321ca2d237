// The one error type of the server: a class mapped to an HTTP status, a message code with parameters
// that the web app translates, an English detail for API users, and optional per-field problems (JSON
// pointers or lines). Rendered as RFC 9457 problem details.

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
export type FieldProblem = { pointer?: string; in?: string; line?: number; message: string; code?: string; params?: MessageParams };

export type AppErrorOptions = {
  problems?: FieldProblem[];
  cause?: unknown;
  /** Message code, dotted and stable (`auth.wrong_credentials`); defaults to the error class. */
  messageCode?: string;
  params?: MessageParams;
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  readonly problems: FieldProblem[];
  readonly messageCode: string;
  readonly params: MessageParams;

  constructor(code: AppErrorCode, userMessage: string, options: AppErrorOptions = {}) {
    super(userMessage, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.userMessage = userMessage;
    this.problems = options.problems ?? [];
    this.messageCode = options.messageCode ?? code;
    this.params = options.params ?? {};
  }

  get status(): number {
    return STATUS[this.code];
  }

  get title(): string {
    return TITLE[this.code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found`);
export const forbidden = (message = 'your role does not allow this') => new AppError('forbidden', message);

/** Escapes one path segment for a JSON pointer: `~` -> `~0`, `/` -> `~1`. */
export function toJsonPointer(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return '';
  return '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}
