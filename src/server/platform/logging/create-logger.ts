// The one pino logger of a process: JSON lines for machines (files, pipes, log collectors), and
// pretty, coloured lines when a person watches the terminal. Secrets in request headers, and the
// tokens of signed links in request URLs, are redacted either way.
import pino, { type Level, type Logger, type LoggerOptions } from 'pino';
import pretty from 'pino-pretty';
import type { LOG_FORMATS } from '../config/config.js';

export type LogFormatSetting = (typeof LOG_FORMATS)[number];

/** Where logs go: anything pino can write to, and whether a person reads it there. */
export type LogDestination = NodeJS.WritableStream & { isTTY?: boolean };

const REDACT = ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'];

/**
 * Signed links in mail (`/u/…` unsubscribe, `/a/…` acknowledge) carry a capability, and tracking links
 * (`/t/o/…` opens, `/t/c/…` clicks) name a delivery and so a person; request lines show the path only.
 */
const LINK_TOKEN = /^\/([ua]|t\/[oc])\/[^/?#]+/;
export const redactLinkTokens = (url: string): string => url.replace(LINK_TOKEN, '/$1/[token]');

type LoggedRequest = {
  raw?: unknown;
  method?: string;
  url?: unknown;
  headers?: Record<string, unknown>;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
};

/** Fastify's request fields (its own serializer, which this replaces), with link tokens taken out of the URL. */
function serializeRequest(req: LoggedRequest): Record<string, unknown> {
  const url = typeof req.url === 'string' ? redactLinkTokens(req.url) : req.url;
  if (!('raw' in req)) return { ...req, url };
  return { method: req.method, url, version: req.headers?.['accept-version'], host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort };
}

/**
 * Pretty when asked, or on `auto` when the destination is a terminal; JSON otherwise.
 * @example usePrettyLogs('auto', process.stdout) // true in a terminal, false when piped to a file
 */
export function usePrettyLogs(setting: LogFormatSetting, destination: { isTTY?: boolean }): boolean {
  return setting === 'pretty' || (setting === 'auto' && destination.isTTY === true);
}

/**
 * @example const logger = createLogger({ level: 'info', format: 'auto' }); logger.info('ready');
 */
export function createLogger(input: { level: Level | 'silent'; format: LogFormatSetting; destination?: LogDestination }): Logger {
  const destination = input.destination ?? process.stdout;
  const options: LoggerOptions = { level: input.level, redact: { paths: REDACT, censor: '[redacted]' }, serializers: { req: serializeRequest } };
  if (!usePrettyLogs(input.format, destination)) return pino(options, input.destination ? destination : pino.destination({ dest: 1, sync: true }));
  // Synchronous, in this thread: pretty lines come out in order with whatever else the process prints.
  const stream = pretty({ destination, sync: true, colorize: destination.isTTY === true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' });
  return pino(options, stream);
}
