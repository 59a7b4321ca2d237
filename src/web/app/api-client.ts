// The one way the web app talks to the API: JSON in and out, CSRF header on writes, RFC 9457 errors.
import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One field-level complaint in a problem body; `pointer` is a JSON pointer into the request. */
export type ProblemFieldError = { pointer: string; message: string };

/** RFC 9457 problem details as the server sends them. */
export type ProblemDetails = {
  type: string;
  title: string;
  status: number;
  detail: string | null;
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
  signal?: AbortSignal;
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
  const headers = new Headers({ Accept: 'application/json, application/problem+json' });
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
    response = await fetch(path, { method, headers, body, credentials: 'same-origin', signal: options.signal });
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
  const errors = Array.isArray(body.errors) ? body.errors.filter(isFieldError) : [];
  return {
    type: typeof body.type === 'string' ? body.type : fallback.type,
    title: typeof body.title === 'string' ? body.title : fallback.title,
    status: typeof body.status === 'number' ? body.status : response.status,
    detail: typeof body.detail === 'string' && body.detail !== '' ? body.detail : null,
    errors,
  };
}

function problemOf(status: number, title: string): ProblemDetails {
  return { type: 'about:blank', title, status, detail: null, errors: [] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFieldError(value: unknown): value is ProblemFieldError {
  return isRecord(value) && typeof value.pointer === 'string' && typeof value.message === 'string';
}

/** True for the answer the API gives when the session is missing or expired. */
export function isUnauthorised(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}
