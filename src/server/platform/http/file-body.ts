// Import files (CSV, JSON Lines) are accepted only by the routes that import them, never app-wide:
// an import route registers these parsers in its own encapsulated scope, so any other route refuses
// such a body with 415 before reading it, and an import route reads it only after the caller is
// authenticated and authorised (both happen in onRequest, before the body is parsed).
import type { FastifyInstance } from 'fastify';
import { Transform } from 'node:stream';

export const FILE_CONTENT_TYPES = ['text/csv', 'application/x-ndjson', 'application/jsonl', 'application/json-lines', 'application/x-jsonlines'];

/**
 * Lets the routes of `scope` receive import files: as the raw request stream (`stream`, the route
 * stores it piece by piece and enforces its own size limit) or as one string of at most `maxBytes`.
 * @example await app.register(async (scope) => { acceptFileBodies(scope, { as: 'stream' }); scope.post(...) });
 */
export function acceptFileBodies(scope: FastifyInstance, mode: { as: 'stream' } | { as: 'string'; maxBytes: number }): void {
  if (mode.as === 'stream') {
    scope.addContentTypeParser(FILE_CONTENT_TYPES, (_request, payload, done) => done(null, payload));
    return;
  }
  scope.addContentTypeParser(FILE_CONTENT_TYPES, { parseAs: 'string', bodyLimit: mode.maxBytes }, (_request, body, done) => done(null, body));
}

/**
 * Passes bytes through until more than `maxBytes` have come, then fails the stream with `tooLarge()`.
 * @example request.body.pipe(byteLimit(50 * 1024 * 1024, () => new AppError('payload_too_large', '…')))
 */
export function byteLimit(maxBytes: number, tooLarge: () => Error): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) done(tooLarge());
      else done(null, chunk);
    },
  });
}
