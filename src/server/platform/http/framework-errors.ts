// Errors Fastify raises before any route runs (a path that is not valid percent-encoded UTF-8, such as
// a lone surrogate's bytes; a path parameter over the router's length limit) rendered as problem
// bodies like every other error, instead of Fastify's own JSON.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error.js';
import { sendProblem } from './problem.js';

const MESSAGES: Record<string, { code: 'input.bad_url' | 'input.path_too_long'; message: string }> = {
  FST_ERR_BAD_URL: { code: 'input.bad_url', message: 'the path is not valid percent-encoded UTF-8' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'input.path_too_long', message: 'a path parameter is longer than any valid value' },
};

/**
 * Fastify's `frameworkErrors` option.
 * @example Fastify({ frameworkErrors: renderFrameworkError })
 */
export function renderFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const known = error.code && Object.hasOwn(MESSAGES, error.code) ? MESSAGES[error.code] : undefined;
  const appError = known
    ? new AppError('validation', known.message, { messageCode: known.code, problems: [{ in: 'path', message: known.message, code: known.code }] })
    : new AppError('bad_request', error.message);
  void sendProblem(reply, request, appError);
}
