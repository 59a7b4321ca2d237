// Logs are JSON lines unless a person watches (a terminal) or pretty lines are asked for, and secrets
// in request headers never reach them.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { createLogger, usePrettyLogs, type LogDestination } from './create-logger.js';

function capture(isTTY: boolean): { stream: LogDestination; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  }) as LogDestination;
  stream.isTTY = isTTY;
  return { stream, lines };
}

describe('createLogger', () => {
  it('writes JSON lines when nobody watches, pretty lines in a terminal or when asked', () => {
    expect(usePrettyLogs('auto', { isTTY: true })).toBe(true);
    expect(usePrettyLogs('auto', { isTTY: false })).toBe(false);
    expect(usePrettyLogs('auto', {})).toBe(false);
    expect(usePrettyLogs('json', { isTTY: true })).toBe(false);
    expect(usePrettyLogs('pretty', { isTTY: false })).toBe(true);

    const piped = capture(false);
    createLogger({ level: 'info', format: 'auto', destination: piped.stream }).info({ port: 8080 }, 'listening');
    expect(JSON.parse(piped.lines[0]!)).toMatchObject({ level: 30, msg: 'listening', port: 8080 });

    const terminal = capture(true);
    createLogger({ level: 'info', format: 'auto', destination: terminal.stream }).info({ port: 8080 }, 'listening');
    expect(() => JSON.parse(terminal.lines[0]!)).toThrow();
    // eslint-disable-next-line no-control-regex -- colours are escape sequences
    const plain = terminal.lines.join('\n').replace(/\u001b\[[0-9;]*m/g, '');
    expect(plain).toMatch(/INFO: listening/);
    expect(plain).toMatch(/port: 8080/);
    expect(terminal.lines.join('\n')).not.toBe(plain);
  });

  it('redacts credentials in request headers in both formats', () => {
    for (const format of ['json', 'pretty'] as const) {
      const out = capture(false);
      createLogger({ level: 'info', format, destination: out.stream }).info(
        { req: { headers: { authorization: 'Bearer rsn_secret', cookie: 'resonance_session=s3cret' } } },
        'request',
      );
      const text = out.lines.join('\n');
      expect(text, format).not.toMatch(/rsn_secret|s3cret/);
      expect(text, format).toMatch(/\[redacted\]/);
    }
  });

  it('keeps the tokens of signed links out of request lines', async () => {
    const out = capture(false);
    const app = Fastify({ loggerInstance: createLogger({ level: 'info', format: 'json', destination: out.stream }) });
    app.get('/u/:token', async () => 'ok');
    app.get('/api/v1/people', async () => 'ok');
    app.get('/t/o/:token', async () => 'ok');
    app.get('/t/c/:token', async () => 'ok');
    await app.inject({ url: '/u/eyJwIjo3fQ.c2lnbmF0dXJl' });
    await app.inject({ url: '/t/o/b3BlbjE.c2lnMQ' });
    await app.inject({ url: '/t/c/Y2xpY2sy.c2lnMg' });
    await app.inject({ url: '/api/v1/people?q=anna' });
    await app.close();
    const text = out.lines.join('\n');
    expect(text).not.toContain('eyJwIjo3fQ');
    expect(text).toContain('"url":"/u/[token]"');
    // Tracking tokens name a delivery, so a person: never in a log line either.
    expect(text).not.toMatch(/b3BlbjE|Y2xpY2sy/);
    expect(text).toContain('"url":"/t/o/[token]"');
    expect(text).toContain('"url":"/t/c/[token]"');
    expect(text).toContain('"url":"/api/v1/people?q=anna"');
    expect(text).toContain('"method":"GET"');
  });
});
