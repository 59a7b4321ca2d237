// Renders every error as an RFC 9457 problem body. AppErrors carry their own status and message;
// schema validation failures name the JSON pointer at fault; anything else is a logged generic 500.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, coded, type FieldProblem, type MessageParams } from './app-error.js';
import { codeOfIssue } from './zod-problems.js';

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  /** What the web app translates: a stable message code and the values to fill it with. */
  code: string;
  params?: MessageParams;
  errors?: FieldProblem[];
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

function problemType(code: string): string {
  return `urn:resonance:problem:${code}`;
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply {
  const body: ProblemBody = {
    type: problemType(error.code),
    title: error.title,
    status: error.status,
    detail: error.userMessage,
    instance: request.url.split('?')[0] ?? request.url,
    code: error.messageCode,
  };
  if (Object.keys(error.params).length > 0) body.params = error.params;
  if (error.problems.length > 0) body.errors = error.problems;
  return reply.status(error.status).type(PROBLEM_CONTENT_TYPE).send(body);
}

const PART_NAMES: Record<string, string> = { body: 'body', querystring: 'query', params: 'path', headers: 'header' };

/** Converts whatever was thrown into an AppError, keeping what the user can act on. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = PART_NAMES[(error as { validationContext?: string }).validationContext ?? 'body'] ?? 'body';
    const problems: FieldProblem[] = error.validation.map((v) => {
      const { code, params } = codeOfIssue({ ...v.params, code: v.keyword, message: v.message });
      return { pointer: v.instancePath === '/' ? '' : v.instancePath, in: part, message: v.message ?? 'invalid', code, params };
    });
    const first = problems[0];
    const where = first?.pointer ? ` at ${part} ${first.pointer}` : ` in the ${part}`;
    return new AppError('validation', `invalid input${where}: ${first?.message ?? 'invalid'}`, {
      problems,
      ...coded('request.invalid', { part, pointer: first?.pointer ?? '' }),
    });
  }
  const fastifyError = error as Partial<FastifyError>;
  const status = fastifyError.statusCode;
  if (status === 415) return new AppError('unsupported_media_type', fastifyError.message ?? 'unsupported media type', coded('request.unsupported_media_type'));
  if (status === 413) return new AppError('payload_too_large', 'the request body is too large', coded('request.too_large'));
  if (status === 429) return new AppError('rate_limited', fastifyError.message ?? 'too many requests', coded('error.rate_limited'));
  if (fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return new AppError('bad_request', fastifyError.message ?? 'empty body', coded('request.empty_body'));
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (status === 400 && error instanceof SyntaxError)) {
    return new AppError('bad_request', fastifyError.message ?? 'the body is not valid JSON', coded('request.invalid_json'));
  }
  if (status === 404) return new AppError('not_found', fastifyError.message ?? 'not found', coded('error.not_found'));
  if (status !== undefined && status >= 400 && status < 500)
    return new AppError('bad_request', fastifyError.message ?? 'bad request', coded('error.bad_request'));
  return new AppError('internal', 'something went wrong on our side; it has been logged', { cause: error, ...coded('server.internal') });
}

export function registerProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'internal') request.log.error({ err: error, url: request.url, method: request.method }, 'unhandled error');
    else request.log.debug({ code: appError.code }, appError.userMessage);
    return sendProblem(reply, request, appError);
  });
}
