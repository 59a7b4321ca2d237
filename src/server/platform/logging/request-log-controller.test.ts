// Request log lines come at the level the process chose (info, or debug in the demo), failures as
// errors whatever it is.
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createLogger, type LogDestination } from './create-logger.js';
import { RequestLogController, type RequestLogLevel } from './request-log-controller.js';

async function levelsOfRequestLines(level: RequestLogLevel): Promise<Record<string, number[]>> {
  const lines: { level: number; msg: string }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as { level: number; msg: string });
      done();
    },
  }) as LogDestination;
  const app = Fastify({
    loggerInstance: createLogger({ level: 'debug', format: 'json', destination: stream }),
    logController: new RequestLogController(level),
  });
  app.get('/ok', async () => ({ ok: true }));
  await app.inject({ url: '/ok' });
  await app.inject({ url: '/missing' });
  await app.close();
  const byMessage: Record<string, number[]> = {};
  for (const l of lines) (byMessage[l.msg.startsWith('Route') ? 'not found' : l.msg] ??= []).push(l.level);
  return byMessage;
}

describe('RequestLogController', () => {
  it('logs requests at info by default and at debug when asked', async () => {
    expect(await levelsOfRequestLines('info')).toMatchObject({ 'incoming request': [30, 30], 'request completed': [30, 30], 'not found': [30] });
    expect(await levelsOfRequestLines('debug')).toMatchObject({ 'incoming request': [20, 20], 'request completed': [20, 20], 'not found': [20] });
  });
});
