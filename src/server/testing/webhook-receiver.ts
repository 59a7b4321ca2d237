// A real HTTP receiver for chat webhook tests (node:http on 127.0.0.1): it records every JSON body a
// path gets, with the time it arrived, and answers each path by a script (e.g. 429 with Retry-After,
// then 200), so tests see exactly what Slack or Teams would have been sent and how often.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = { path: string; body: unknown; at: number; contentType: string | undefined };
/** One answer: status, optional headers and body, or `hold` (never answer: a request in flight when its sender dies). The last answer of a script repeats. */
export type Answer = { status: number; headers?: Record<string, string>; body?: string; hold?: boolean };

export type WebhookReceiver = {
  /** Base URL, e.g. http://127.0.0.1:40123 */
  url: string;
  received: Received[];
  /** The answers a path gives, in order (default: 200 "ok"). */
  script(path: string, answers: Answer[]): void;
  /** Bodies a path got. */
  bodies(path: string): unknown[];
  /** Resolves once `path` got `count` requests. */
  waitFor(path: string, count: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
};

/**
 * Starts a receiver on a free loopback port.
 * @example const hooks = await startWebhookReceiver(); hooks.script('/slack', [{ status: 429, headers: { 'retry-after': '1' } }, { status: 200 }]);
 */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: Received[] = [];
  const scripts = new Map<string, Answer[]>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = (request.url ?? '/').split('?')[0]!;
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
      received.push({ path, body, at: Date.now(), contentType: request.headers['content-type'] });
      const script = scripts.get(path) ?? [];
      const answer = (script.length > 1 ? script.shift() : script[0]) ?? { status: 200, body: 'ok' };
      if (answer.hold) return;
      response.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
      response.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const bodies = (path: string) => received.filter((r) => r.path === path).map((r) => r.body);
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    script: (path, answers) => scripts.set(path, [...answers]),
    bodies,
    async waitFor(path, count, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const got = received.filter((r) => r.path === path);
        if (got.length >= count) return got;
        if (Date.now() > deadline) throw new Error(`${path} got ${got.length} of ${count} requests`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
