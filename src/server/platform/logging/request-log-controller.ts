// Fastify's per-request log lines at a level the process chooses: `info` in production, `debug` in the
// demo, where a line per request would scroll the printed logins out of the terminal. Failed requests
// are still logged as errors at any level.
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

export type RequestLogLevel = 'info' | 'debug';

export class RequestLogController extends LogController {
  private readonly level: RequestLogLevel;

  constructor(level: RequestLogLevel) {
    super();
    this.level = level;
  }

  override incomingRequest(request: FastifyRequest): void {
    if (this.isLogDisabled(request)) return;
    request.log[this.level]({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    if (error) reply.log.error({ res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log[this.level]({ res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }

  override routeNotFound(request: FastifyRequest): void {
    if (this.isLogDisabled(request)) return;
    request.log[this.level]({ req: request }, `Route ${request.method}:${request.url} not found`);
  }
}
