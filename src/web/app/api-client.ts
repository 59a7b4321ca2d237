// The one way the web app talks to the API: JSON in and out, CSRF header on writes, RFC 9457 errors.
import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Values a message code is filled with. */
export type ProblemParams = Record<string, string | number | boolean | null>;

/**
 * One field-level complaint in a problem body; `pointer` is a JSON pointer into the request. `code`
 * and `params` say what to show (translated); `message` is the server's English, never shown.
 */
export type ProblemFieldError = { pointer: string; message: string; code: string | null; params: ProblemParams };

/** RFC 9457 problem details as the server sends them, with the message code the web translates. */
export type ProblemDetails = {
  type: string;
  title: string;
  status: number;
  /** English, for API users and logs; the UI shows the translated `code` instead. */
  detail: string | null;
  code: string | null;
  params: ProblemParams;
  errors: ProblemFieldError[];
};

/** What went wrong, in terms the UI can act on; `kind` says whose fault it probably is. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails;
  readonly kind: 'problem' | 'network' | 'contract';

  constructor(problem: ProblemDetails, kind: ApiError['kind']) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
    this.kind = kind;
  }
}

export type RequestOptions = {
  method?: HttpMethod;
  /** JSON body; writes without one send `{}` because the server insists on a JSON body. */
  json?: unknown;
  /** A non-JSON body such as an import file (a File is streamed, not read into memory); takes precedence over `json`. */
  raw?: { body: string | Blob; contentType: string };
  /** Required on every write made with the session cookie. */
  csrfToken?: string;
  /** Further request headers, e.g. the Idempotency-Key of a send. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Let the request finish even if the page goes away meanwhile (a feed read reported as the tab hides). */
  keepalive?: boolean;
};

/**
 * Calls the API and parses the answer with the shared zod schema, so contract drift shows up as a
 * clear error instead of a blank field.
 * @example const me = await apiRequest('/api/v1/auth/me', currentUserSchema);
 */
export async function apiRequest<S extends z.ZodType>(path: string, schema: S, options: RequestOptions = {}): Promise<z.output<S>> {
  const response = await send(path, options);
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    console.error(`Unexpected response from ${path}`, parsed.error.issues);
    throw new ApiError(problemOf(response.status, 'Unexpected response'), 'contract');
  }
  return parsed.data;
}

/** For endpoints that answer 204 No Content. */
export async function apiRequestNoContent(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, options);
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers = new Headers({ ...options.headers, Accept: 'application/json, application/problem+json' });
  let body: string | Blob | undefined;
  if (method !== 'GET') {
    if (options.csrfToken) headers.set('X-CSRF-Token', options.csrfToken);
    if (options.raw) {
      headers.set('Content-Type', options.raw.contentType);
      body = options.raw.body;
    } else {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(options.json ?? {});
    }
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin', signal: options.signal, keepalive: options.keepalive });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(problemOf(0, 'Network error'), 'network');
  }
  if (!response.ok) throw new ApiError(await readProblem(response), 'problem');
  return response;
}

async function readProblem(response: Response): Promise<ProblemDetails> {
  const fallback = problemOf(response.status, response.statusText || 'Request failed');
  const body: unknown = await response.json().catch(() => null);
  if (!isRecord(body)) return fallback;
  const errors = Array.isArray(body.errors) ? body.errors.filter(isRecord).flatMap(toFieldError) : [];
  return {
    type: typeof body.type === 'string' ? body.type : fallback.type,
    title: typeof body.title === 'string' ? body.title : fallback.title,
    status: typeof body.status === 'number' ? body.status : response.status,
    detail: typeof body.detail === 'string' && body.detail !== '' ? body.detail : null,
    code: typeof body.code === 'string' ? body.code : null,
    params: paramsOf(body.params),
    errors,
  };
}

function problemOf(status: number, title: string): ProblemDetails {
  return { type: 'about:blank', title, status, detail: null, code: null, params: {}, errors: [] };
}

/** Only scalar parameters: anything else is dropped rather than rendered as `[object Object]`. */
function paramsOf(value: unknown): ProblemParams {
  if (!isRecord(value)) return {};
  const params: ProblemParams = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null) params[key] = v;
  }
  return params;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Field problems located by a JSON pointer; those located by a line (imports) have no form field. */
function toFieldError(value: Record<string, unknown>): ProblemFieldError[] {
  if (typeof value.pointer !== 'string' || typeof value.message !== 'string') return [];
  return [{ pointer: value.pointer, message: value.message, code: typeof value.code === 'string' ? value.code : null, params: paramsOf(value.params) }];
}

/** True for the answer the API gives when the session is missing or expired. */
export function isUnauthorised(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}
