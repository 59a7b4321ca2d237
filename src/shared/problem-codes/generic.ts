// Message codes any route can answer with: the default per error class, request-level problems
// (schema validation, media type, size, rate limit, unknown route, cursor) and the generic 500.
import type { ProblemCodeTable } from './problem-code-table.js';

export const GENERIC_PROBLEM_CODES = {
  /** Defaults when an AppError names no code of its own: one per error class. */
  'error.bad_request': [],
  'error.validation': [],
  'error.unauthenticated': [],
  'error.forbidden': [],
  'error.not_found': [],
  'error.conflict': [],
  'error.unsupported_media_type': [],
  'error.payload_too_large': [],
  'error.rate_limited': [],
  'error.unavailable': [],
  'error.internal': [],
  /** The request does not match the route's schema; `errors[]` says where and why. */
  'request.invalid': ['part', 'pointer'],
  'request.invalid_json': [],
  'request.empty_body': [],
  'request.unsupported_media_type': [],
  /** The route takes only these content types (`text/csv, application/x-ndjson`). */
  'request.expected_media_type': ['expected'],
  'request.too_large': [],
  'request.rate_limited': ['seconds'],
  'request.route_not_found': ['method', 'path'],
  'request.invalid_cursor': [],
  'server.internal': [],
  'metrics.token_required': [],
  /** The signed-in account is not linked to a person in the directory. */
  'profile.none': [],
  'person.not_found': ['id'],
} as const satisfies ProblemCodeTable;
